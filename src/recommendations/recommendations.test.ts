import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { wrongAnswer } from '../../db/seeds/history.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const RECS = 'query($limit: Int) { me { recommendations(limit: $limit) { reason exercise { id level subject solution } } } }';
const RECS_NO_SOLUTION = 'query($limit: Int) { me { level recommendations(limit: $limit) { reason exercise { id level subject } } } }';
const SUBMIT = 'mutation($input: AttemptInput!) { submitAttempt(input: $input) { correct progress { nextReviewAt } } }';

describe('recommendations', () => {
  it('starts with new exercises of the level, alternating subjects', async () => {
    const token = await t.login('student052'); // CE1
    const res = await t.gql(RECS_NO_SOLUTION, { token, variables: { limit: 10 } });
    const recs = res.data.me.recommendations;
    expect(recs).toHaveLength(10);
    for (const r of recs) {
      expect(r.reason).toBe('NEW');
      expect(r.exercise.level).toBe('CE1');
    }
    for (let i = 1; i < 5; i++) expect(recs[i].exercise.subject).not.toBe(recs[i - 1].exercise.subject);
    expect(new Set(recs.slice(0, 5).map((r: { exercise: { subject: string } }) => r.exercise.subject)).size).toBe(5);
  });

  it('puts retries and then due reviews first as the student works', async () => {
    t.clock.set('2026-05-04T08:00:00Z');
    const token = await t.login('student053');
    const first = (await t.gql(RECS_NO_SOLUTION, { token, variables: { limit: 3 } })).data.me.recommendations;
    const [a, b] = await Promise.all(
      first.slice(0, 2).map((r: { exercise: { id: string } }) =>
        t.app.database.db.selectFrom('exercises').select(['id', 'type', 'solution', 'content', 'points']).where('id', '=', Number(r.exercise.id)).executeTakeFirstOrThrow(),
      ),
    );
    const submit = (e: typeof a, answer: unknown, k: string) => t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e!.id), answer, durationSeconds: 30, idempotencyKey: k } } });
    await submit(a, wrongAnswer(a!), 'rec-053-1');
    const right = await submit(b, b!.solution, 'rec-053-2');

    const afterRetry = (await t.gql(RECS_NO_SOLUTION, { token, variables: { limit: 3 } })).data.me.recommendations;
    expect(afterRetry[0]).toMatchObject({ reason: 'RETRY', exercise: { id: String(a!.id) } });
    expect(afterRetry.some((r: { exercise: { id: string } }) => r.exercise.id === String(b!.id))).toBe(false);

    t.clock.set(new Date(new Date(right.data.submitAttempt.progress.nextReviewAt).getTime() + 60_000));
    const later = (await t.gql(RECS_NO_SOLUTION, { token, variables: { limit: 3 } })).data.me.recommendations;
    expect(later[0]).toMatchObject({ reason: 'REVIEW_DUE', exercise: { id: String(b!.id) } });
    expect(later[1]).toMatchObject({ reason: 'RETRY', exercise: { id: String(a!.id) } });
  });

  it('bounds limit to 1..20 and never shows a student the solution', async () => {
    const token = await t.login('student054');
    for (const limit of [0, 21, -3]) {
      const res = await t.gql(RECS_NO_SOLUTION, { token, variables: { limit } });
      expect(res.errors?.[0]?.extensions, String(limit)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
      expect(res.data?.me ?? null).toBeNull();
    }
    expect((await t.gql(RECS_NO_SOLUTION, { token, variables: { limit: 20 } })).data.me.recommendations).toHaveLength(20);
    const withSolution = await t.gql(RECS, { token, variables: { limit: 2 } });
    expect(withSolution.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(withSolution.data ?? null)).not.toMatch(/"solution":\{/);
  });
});
