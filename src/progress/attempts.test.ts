import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { wrongAnswer } from '../../db/seeds/history.js';
import { AttemptsRepository } from './attempts.repository.js';
import { ProgressStatus } from '../common/enums.js';
import { decideProgress, NOT_STARTED, type ProgressState } from './scheduling.js';

let t: TestApp;
beforeAll(async () => {
  // This file hammers one student on purpose (concurrency, idempotency): the per-student rate limit
  // is tested on its own in attempts-rate.test.ts; so is the bound on one viewer's requests in flight.
  t = await createTestApp({ env: { ATTEMPTS_PER_MINUTE: '100000', VIEWER_MAX_INFLIGHT: '1000' } });
  t.clock.set('2026-03-02T08:00:00Z'); // a Monday morning in Paris
});
afterAll(() => t.close());

const SUBMIT = `mutation($input: AttemptInput!) { submitAttempt(input: $input) {
  correct pointsEarned progress { status attempts successes pointsEarned nextReviewAt exercise { id } } student { id totalPoints streakDays } } }`;

async function exerciseOfLevel(level: string, offset = 0) {
  return t.app.database.db
    .selectFrom('exercises as e')
    .innerJoin('modules as m', 'm.id', 'e.module_id')
    .select(['e.id', 'e.type', 'e.points', 'e.solution', 'e.content'])
    .where('m.level', '=', level as never)
    .orderBy('e.id')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
}

let keyCounter = 0;
const key = () => `test-key-${++keyCounter}-${Math.random().toString(36).slice(2, 8)}`;

describe('submitAttempt', () => {
  it('grades on the server, pays points once, and counts a retry of the same key once', async () => {
    const token = await t.login('student006'); // CP
    const e = await exerciseOfLevel('CP');
    const wrong = await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: wrongAnswer(e), durationSeconds: 20, idempotencyKey: key() } } });
    expect(wrong.errors).toBeUndefined();
    expect(wrong.data.submitAttempt).toMatchObject({ correct: false, pointsEarned: 0, progress: { status: 'IN_PROGRESS', attempts: 1, successes: 0 } });

    const k = key();
    const input = { exerciseId: String(e.id), answer: e.solution, durationSeconds: 30, idempotencyKey: k };
    const right = await t.gql(SUBMIT, { token, variables: { input } });
    expect(right.data.submitAttempt).toMatchObject({ correct: true, pointsEarned: e.points, progress: { status: 'COMPLETED', attempts: 2, successes: 1, pointsEarned: e.points } });
    // Rows hold their times as epoch milliseconds: the API still writes DateTime's ISO text.
    expect(right.data.submitAttempt.progress.nextReviewAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(right.data.submitAttempt.student.totalPoints).toBe(e.points);
    expect(right.data.submitAttempt.student.streakDays).toBe(1);

    const retry = await t.gql(SUBMIT, { token, variables: { input } });
    expect(retry.data.submitAttempt).toEqual(right.data.submitAttempt);

    const again = await t.gql(SUBMIT, { token, variables: { input: { ...input, idempotencyKey: key() } } });
    expect(again.data.submitAttempt).toMatchObject({ correct: true, pointsEarned: 0, student: { totalPoints: e.points } });

    const studentId = await t.studentId('student006');
    const rows = await t.app.database.db.selectFrom('attempts').select(['idempotency_key', 'points_earned']).where('student_id', '=', studentId).execute();
    expect(rows).toHaveLength(3);
    expect(rows.reduce((s, r) => s + r.points_earned, 0)).toBe(e.points);
  });

  it("keeps the scheduler's state in the row it writes through to the cache, as the database holds it", async () => {
    const token = await t.login('student027');
    const id = await t.studentId('student027');
    const e = await exerciseOfLevel('CE1', 3);
    await t.gql('query { me { progress { totalCount } } }', { token }); // the rows cached before the answer
    await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: key() } } });
    const stored = await t.app.database.db.selectFrom('progress').select('review_state').where('student_id', '=', id).where('exercise_id', '=', e.id).executeTakeFirstOrThrow();
    expect(stored.review_state).toMatchObject({ stability: expect.any(Number) });
    const cached = (await t.context({ role: 'STUDENT', studentId: id, tokenVersion: 0 }).studentModel.progress(id)).find((p) => p.exerciseId === e.id);
    expect(cached?.reviewState).toEqual(stored.review_state);
  });

  it('refuses a reused key with a different answer, and changes nothing', async () => {
    const token = await t.login('student011');
    const e = await exerciseOfLevel('CP', 1);
    const k = key();
    await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: k } } });
    const res = await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: wrongAnswer(e), durationSeconds: 5, idempotencyKey: k } } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    const n = await t.app.database.db.selectFrom('attempts').select((eb) => eb.fn.countAll<string>().as('n')).where('idempotency_key', '=', k).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('takes a retry of an answer JSON text changes (-0) as the same answer, and refuses numbers JSON cannot carry (1e400) the same way twice', async () => {
    const token = await t.login('student012');
    const studentId = await t.studentId('student012');
    const e = await t.app.database.db.selectFrom('exercises').select(['id', 'points']).where('type', '=', 'CALCUL').where('active', '=', true).orderBy('id').limit(1).executeTakeFirstOrThrow();
    // The body as text: JSON.stringify would send -0 as 0, and JSON.parse reads 1e400 as Infinity.
    const send = (answer: string, idempotencyKey: string) =>
      t.server.fastify.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: `{"query":${JSON.stringify(SUBMIT)},"variables":{"input":{"exerciseId":"${e.id}","answer":${answer},"durationSeconds":3,"idempotencyKey":"${idempotencyKey}"}}}`,
      }).then((r) => r.json());

    for (const answer of ['-0', '{"value":-0}', '-0.0']) {
      const k = key();
      const first = await send(answer, k);
      expect(first.errors, answer).toBeUndefined();
      const retry = await send(answer, k);
      expect(retry.errors, answer).toBeUndefined();
      expect(retry.data).toEqual(first.data);
    }
    for (const answer of ['1e400', '{"value":-1e400}']) {
      const k = key();
      for (const res of [await send(answer, k), await send(answer, k)]) {
        expect(res.errors?.[0]?.extensions, answer).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answer' });
        expect(res.errors?.[0]?.message).toMatch(/1\.7e308/);
      }
    }
    const rows = await t.app.database.db.selectFrom('attempts').select('answer').where('student_id', '=', studentId).orderBy('id').execute();
    expect(rows.map((r) => r.answer)).toEqual([0, { value: 0 }, 0]);
  });

  it('validates input bounds, naming the field, and writes nothing', async () => {
    const token = await t.login('student016');
    const e = await exerciseOfLevel('CP', 2);
    const base = { exerciseId: String(e.id), answer: e.solution, durationSeconds: 10, idempotencyKey: key() };
    const cases: [Record<string, unknown>, string][] = [
      [{ durationSeconds: -1 }, 'durationSeconds'],
      [{ durationSeconds: 3601 }, 'durationSeconds'],
      [{ hintsUsed: 11 }, 'hintsUsed'],
      [{ idempotencyKey: 'short' }, 'idempotencyKey'],
      [{ idempotencyKey: 'has spaces in it' }, 'idempotencyKey'],
      [{ answer: 'x'.repeat(5000) }, 'answer'],
      [{ exerciseId: 'abc' }, 'exerciseId'],
      [{ answer: [1, 2] }, 'answer'],
      [{ answer: JSON.parse(`${'['.repeat(9)}1${']'.repeat(9)}`) }, 'answer'],
      [{ answer: 'ch\u0000at' }, 'answer'], // text PostgreSQL cannot store
      [{ answer: { text: '\ud800' } }, 'answer'],
      [{ answer: { 'te\u0000xt': 'chat' } }, 'answer'],
      // Refused by GraphQL's own coercion, before the resolver: still BAD_USER_INPUT naming the field.
      [{ durationSeconds: 99_999_999_999 }, 'durationSeconds'],
      [{ durationSeconds: 1.5 }, 'durationSeconds'],
      [{ hintsUsed: '3' }, 'hintsUsed'],
      [{ answer: undefined }, 'answer'],
      [{ studentId: '5' }, 'studentId'],
    ];
    for (const [patch, field] of cases) {
      const res = await t.gql(SUBMIT, { token, variables: { input: { ...base, ...patch } } });
      expect(res.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field, JSON.stringify(patch).slice(0, 50)).toBe(field);
    }
    const missing = await t.gql(SUBMIT, { token, variables: { input: { ...base, exerciseId: '999999' } } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const studentId = await t.studentId('student016');
    const n = await t.app.database.db.selectFrom('attempts').select((eb) => eb.fn.countAll<string>().as('n')).where('student_id', '=', studentId).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('refuses an answer nested 40,000 deep (it fits in the body limit) as BAD_USER_INPUT, not a server error', async () => {
    const token = await t.login('student017');
    const e = await exerciseOfLevel('CP', 3);
    const deep = `${'['.repeat(40_000)}${']'.repeat(40_000)}`;
    const payload = `{"query":${JSON.stringify(SUBMIT)},"variables":{"input":{"exerciseId":"${e.id}","answer":${deep},"durationSeconds":1,"idempotencyKey":"${key()}"}}}`;
    const res = await t.server.fastify.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload });
    expect(res.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answer' });
  });

  it('is for students only', async () => {
    const e = await exerciseOfLevel('CP');
    const input = { exerciseId: String(e.id), answer: e.solution, durationSeconds: 10, idempotencyKey: key() };
    expect((await t.gql(SUBMIT, { variables: { input } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(SUBMIT, { variables: { input }, token: await t.login('admin') })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('counts the streak in consecutive Europe/Paris days', async () => {
    const token = await t.login('student021');
    const submit = async (offset: number) => {
      const e = await exerciseOfLevel('CP', offset);
      const res = await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 10, idempotencyKey: key() } } });
      return res.data.submitAttempt.student.streakDays as number;
    };
    t.clock.set('2026-03-10T22:30:00Z'); // 23:30 in Paris, Tuesday
    expect(await submit(10)).toBe(1);
    t.clock.set('2026-03-10T23:30:00Z'); // 00:30 on Wednesday in Paris: a new day
    expect(await submit(11)).toBe(2);
    t.clock.set('2026-03-11T18:00:00Z');
    expect(await submit(12)).toBe(2);
    t.clock.set('2026-03-13T09:00:00Z'); // Friday: Thursday was missed
    const me = await t.gql('{ me { streakDays } }', { token });
    expect(me.data.me.streakDays).toBe(0);
    expect(await submit(13)).toBe(1);
  });

  it('loses nothing and counts nothing twice under 200 concurrent submissions with retries', async () => {
    const username = 'student031';
    const token = await t.login(username);
    const studentId = await t.studentId(username);
    const exercises = await t.app.database.db
      .selectFrom('exercises as e')
      .innerJoin('modules as m', 'm.id', 'e.module_id')
      .select(['e.id', 'e.type', 'e.points', 'e.solution', 'e.content'])
      .where('m.level', '=', 'CP')
      .orderBy('e.id')
      .limit(40)
      .execute();
    const jobs = Array.from({ length: 150 }, (_, i) => {
      const e = exercises[i % exercises.length]!;
      const correct = i % 3 !== 0;
      return { exerciseId: String(e.id), answer: correct ? e.solution : wrongAnswer(e), durationSeconds: 10, idempotencyKey: `concurrent-${i}`, correct };
    });
    const requests = [...jobs, ...jobs.slice(0, 50)]; // 50 retries of the same keys, at once
    const results = await Promise.all(requests.map(({ correct: _, ...input }) => t.gql(SUBMIT, { token, variables: { input } })));
    for (const r of results) expect(r.errors).toBeUndefined();

    const db = t.app.database.db;
    const attempts = await db.selectFrom('attempts').select(['exercise_id', 'correct', 'points_earned']).where('student_id', '=', studentId).execute();
    expect(attempts).toHaveLength(150);
    const everRight = new Set(jobs.filter((j) => j.correct).map((j) => j.exerciseId));
    const firstSuccessPoints = exercises.filter((e) => everRight.has(String(e.id))).reduce((s, e) => s + e.points, 0);
    const student = await db.selectFrom('students').select('total_points').where('id', '=', studentId).executeTakeFirstOrThrow();
    expect(student.total_points).toBe(firstSuccessPoints);
    expect(attempts.reduce((s, a) => s + a.points_earned, 0)).toBe(firstSuccessPoints);
    const progress = await db.selectFrom('progress').select(['exercise_id', 'attempts', 'successes']).where('student_id', '=', studentId).execute();
    expect(progress.reduce((s, p) => s + p.attempts, 0)).toBe(150);
    expect(progress.reduce((s, p) => s + p.successes, 0)).toBe(attempts.filter((a) => a.correct).length);
  });

  it('decides again on the row as it is when the row the caller read has changed since, writing once', async () => {
    const db = t.app.database.db;
    const repo = new AttemptsRepository(db);
    const studentId = await t.studentId('student041');
    const e = await exerciseOfLevel('CP', 20);
    const at = new Date('2026-03-02T09:00:00Z');
    const input = (k: string, correct: boolean) => ({
      studentId, exerciseId: e.id, idempotencyKey: k, answer: 'x', correct, durationSeconds: 5, hintsUsed: 0, at,
      day: '2026-03-02', previousDay: '2026-03-01', sessionActiveSince: new Date(at.getTime() - 60_000),
    });
    const decide = (correct: boolean) => (before: ProgressState) => decideProgress(before, { correct, hintsUsed: 0, at, exercisePoints: e.points });
    const seen: number[] = [];
    const first = await repo.record(input(key(), false), decide(false), null);
    expect(first).toMatchObject({ kind: 'recorded', progress: { attempts: 1, status: 'IN_PROGRESS' } });
    // The caller believes there is no row yet (a stale read): refused, decided again on attempts 1.
    const second = await repo.record(input(key(), true), (b) => (seen.push(b.attempts), decide(true)(b)), null);
    expect(seen).toEqual([0, 1]);
    expect(second).toMatchObject({ kind: 'recorded', progress: { attempts: 2, successes: 1, status: 'COMPLETED', pointsEarned: e.points } });
    // A key already used on another exercise: the first attempt, and nothing written for this one.
    const other = await exerciseOfLevel('CP', 21);
    const used = second.kind === 'recorded' ? second.attempt : undefined;
    const replay = await repo.record({ ...input(key(), true), exerciseId: other.id, idempotencyKey: (await db.selectFrom('attempt_keys').select('idempotency_key').where('attempt_id', '=', used!.id).executeTakeFirstOrThrow()).idempotency_key }, decide(true), null);
    expect(replay).toMatchObject({ kind: 'replayed', attempt: { id: used!.id, exerciseId: e.id } });
    expect(await db.selectFrom('progress').select('attempts').where('student_id', '=', studentId).where('exercise_id', '=', other.id).executeTakeFirst()).toBeUndefined();
    const stored = await db.selectFrom('attempts').select(['correct', 'points_earned']).where('student_id', '=', studentId).orderBy('id').execute();
    expect(stored).toEqual([{ correct: false, points_earned: 0 }, { correct: true, points_earned: e.points }]);
    const student = await db.selectFrom('students').select('total_points').where('id', '=', studentId).executeTakeFirstOrThrow();
    expect(student.total_points).toBe(e.points);
  });

  it('decides again from the start when the row the caller read is not in the database', async () => {
    const repo = new AttemptsRepository(t.app.database.db);
    const studentId = await t.studentId('student042');
    const e = await exerciseOfLevel('CE1', 5);
    const at = new Date('2026-03-02T09:00:00Z');
    const seen: ProgressState[] = [];
    const believed = { ...NOT_STARTED, status: ProgressStatus.IN_PROGRESS, attempts: 3, successes: 0 };
    const outcome = await repo.record(
      { studentId, exerciseId: e.id, idempotencyKey: key(), answer: 'x', correct: true, durationSeconds: 5, hintsUsed: 0, at, day: '2026-03-02', previousDay: '2026-03-01', sessionActiveSince: at },
      (b) => (seen.push(b), decideProgress(b, { correct: true, hintsUsed: 0, at, exercisePoints: e.points })),
      believed,
    );
    expect(seen).toEqual([believed, NOT_STARTED]);
    expect(outcome).toMatchObject({ kind: 'recorded', progress: { attempts: 1, successes: 1, status: 'COMPLETED', pointsEarned: e.points } });
  });
});
