import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, exercisesOfLevel, type TestApp } from '../../test/harness.js';

const SUBMIT = 'mutation($input: AttemptInput!) { submitAttempt(input: $input) { correct pointsEarned student { totalPoints } } }';

let t: TestApp;
let exercises: { id: number; solution: unknown }[];
beforeAll(async () => {
  t = await createTestApp();
  exercises = await exercisesOfLevel(t, 'CE1', 70);
});
afterAll(() => t.close());

const input = (i: number, prefix: string) => ({ exerciseId: String(exercises[i % exercises.length]!.id), answer: exercises[i % exercises.length]!.solution, durationSeconds: 5, idempotencyKey: `${prefix}-${i}` });
const countAttempts = async (studentId: number) =>
  Number((await t.app.database.db.selectFrom('attempts').select((eb) => eb.fn.countAll().as('n')).where('student_id', '=', studentId).executeTakeFirstOrThrow()).n);

describe('submitAttempt rate per student', () => {
  it('takes 60 answers a minute, then refuses with RATE_LIMITED and the wait, writing nothing', async () => {
    const token = await t.login('student022');
    const id = await t.studentId('student022');
    for (let i = 0; i < 60; i++) {
      const res = await t.gql(SUBMIT, { token, variables: { input: input(i, 'rate-a') } });
      expect(res.errors, `answer ${i + 1}`).toBeUndefined();
    }
    const refused = await t.gql(SUBMIT, { token, variables: { input: input(60, 'rate-a') } });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const wait = refused.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await countAttempts(id)).toBe(60);

    // Another student is not concerned.
    const other = await t.login('student027');
    expect((await t.gql(SUBMIT, { token: other, variables: { input: input(0, 'rate-b') } })).errors).toBeUndefined();
  });

  it('still answers a retry of an attempt already recorded, past the limit, changing nothing', async () => {
    const token = await t.login('student032');
    const id = await t.studentId('student032');
    const results = [];
    for (let i = 0; i < 61; i++) results.push(await t.gql(SUBMIT, { token, variables: { input: input(i, 'rate-c') } }));
    expect(results.at(-1)!.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const before = { attempts: await countAttempts(id), points: results[59]!.data.submitAttempt.student.totalPoints };

    const retry = await t.gql(SUBMIT, { token, variables: { input: input(3, 'rate-c') } });
    expect(retry.errors).toBeUndefined();
    expect(retry.data.submitAttempt).toMatchObject({ correct: true, pointsEarned: results[3]!.data.submitAttempt.pointsEarned, student: { totalPoints: before.points } });
    expect(await countAttempts(id)).toBe(before.attempts);

    // The same key with another answer is still refused as such, not replayed.
    const reused = await t.gql(SUBMIT, { token, variables: { input: { ...input(3, 'rate-c'), answer: 'something else' } } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });

  it.runIf(!process.env.REDIS_URL)('takes answers again the next minute (memory limiter, on the test clock)', async () => {
    const token = await t.login('student037');
    for (let i = 0; i < 60; i++) await t.gql(SUBMIT, { token, variables: { input: input(i, 'rate-d') } });
    expect((await t.gql(SUBMIT, { token, variables: { input: input(60, 'rate-d') } })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    t.clock.advance(60_000);
    expect((await t.gql(SUBMIT, { token, variables: { input: input(61, 'rate-d') } })).errors).toBeUndefined();
  });
});

describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('two instances (PostgreSQL and Redis)', () => {
  it('share one count per student', async () => {
    const other = await createTestApp({ sibling: t });
    try {
      const token = await t.login('student042');
      for (let i = 0; i < 60; i++) {
        const res = await (i % 2 ? other : t).gql(SUBMIT, { token, variables: { input: input(i, 'rate-e') } });
        expect(res.errors).toBeUndefined();
      }
      for (const app of [t, other]) {
        expect((await app.gql(SUBMIT, { token, variables: { input: input(60, 'rate-e') } })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      }
    } finally {
      await other.close();
    }
  });
});
