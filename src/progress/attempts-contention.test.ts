import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exercisesWithAnswers, inconsistent, studentTotals, type TestExercise } from '../../test/faults.js';
import { createTestApp, type GqlResponse, type TestApp } from '../../test/harness.js';
import { AttemptsRepository } from './attempts.repository.js';
import { KeyedQueue } from './attempts.service.js';
import { decideProgress } from './scheduling.js';

/**
 * One child answering the same exercise many times at once (a double-tapping child, a client that
 * queued answers offline and sends them together): each answer is recorded once, or refused with
 * a code that says to send it again; never a server error, never a point paid twice.
 */

const SUBMIT = 'mutation($input: AttemptInput!) { submitAttempt(input: $input) { correct pointsEarned progress { attempts } } }';
const AT_ONCE = 12;

let t: TestApp;
let exercises: TestExercise[];
beforeAll(async () => {
  // The default per-student limit (60 a minute): twelve answers at once are well within it. The
  // bound on one viewer's requests in flight is raised: here the twelve must reach the service.
  t = await createTestApp({ env: { VIEWER_MAX_INFLIGHT: '100' } });
  exercises = await exercisesWithAnswers(t.app.database.db, 3);
});
afterAll(() => t.close());

/** What a client may be told under contention: the answer, or "send it again". */
const retryable = (r: GqlResponse<unknown>) => r.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE';

describe('many answers to one exercise at once', () => {
  it(`records ${AT_ONCE} concurrent answers with different keys, each once, paying the points once`, async () => {
    const username = 'student051';
    const token = await t.login(username);
    const studentId = await t.studentId(username);
    const e = exercises[0]!;
    const inputs = Array.from({ length: AT_ONCE }, (_, i) => ({
      exerciseId: String(e.id),
      answer: i % 3 === 0 ? e.wrong : e.right,
      durationSeconds: 4,
      idempotencyKey: `contention-051-${i}`,
    }));
    const results = await Promise.all(inputs.map((input) => t.gql(SUBMIT, { token, variables: { input } })));

    const unexpected = results.filter((r) => r.errors && !retryable(r)).map((r) => r.body);
    expect(unexpected).toEqual([]);
    const succeeded = results.filter((r) => !r.errors);
    const db = t.app.database.db;
    const rows = await db.selectFrom('attempts').select(['idempotency_key', 'points_earned']).where('student_id', '=', studentId).execute();
    expect(rows).toHaveLength(succeeded.length);
    // On one instance the answers are applied one after another: none needs a second sending.
    expect(succeeded).toHaveLength(AT_ONCE);
    // Each saw the row as the one before it left it: attempts 1..12, each once.
    expect(succeeded.map((r) => (r.data as any).submitAttempt.progress.attempts).sort((a, b) => a - b)).toEqual(inputs.map((_, i) => i + 1));
    expect(succeeded.reduce((n, r) => n + (r.data as any).submitAttempt.pointsEarned, 0)).toBe(e.points);

    const [totals] = await studentTotals(db, [studentId]);
    expect(inconsistent([totals!])).toEqual([]);
    expect(totals).toMatchObject({ attempts: AT_ONCE, progressAttempts: AT_ONCE, totalPoints: e.points, correctAttempts: 8 });
    // The queue of answers per (student, exercise) is gone once drained.
    expect(t.app.services.attempts.recordingNow).toBe(0);
  });

  it('without the queue (another instance), a record that keeps losing the race says so instead of throwing', async () => {
    // Straight at the repository, twelve at once: what twelve instances would send.
    const repo = new AttemptsRepository(t.app.database.db);
    const studentId = await t.studentId('student052');
    const e = exercises[1]!;
    const at = new Date('2026-03-02T09:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        repo.record(
          { studentId, exerciseId: e.id, idempotencyKey: `contention-052-${i}`, answer: 'x', correct: true, durationSeconds: 5, hintsUsed: 0, at, day: '2026-03-02', previousDay: '2026-03-01', sessionActiveSince: at },
          (before) => decideProgress(before, { correct: true, hintsUsed: 0, at, exercisePoints: e.points }),
          null,
        ),
      ),
    );
    const kinds = outcomes.map((o) => o.kind);
    expect(kinds.every((k) => k === 'recorded' || k === 'contended'), kinds.join()).toBe(true);
    const recorded = kinds.filter((k) => k === 'recorded').length;
    expect(recorded).toBeGreaterThan(0);
    const [totals] = await studentTotals(t.app.database.db, [studentId]);
    expect(inconsistent([totals!])).toEqual([]);
    expect(totals).toMatchObject({ attempts: recorded, totalPoints: e.points });
  });

  it('answers SERVICE_UNAVAILABLE, telling the client to resend with the same key, when the record stays contended', async () => {
    const token = await t.login('student053');
    const e = exercises[2]!;
    // Each request builds its own repositories: the fake goes on the class for this one request.
    const record = AttemptsRepository.prototype.record;
    AttemptsRepository.prototype.record = async () => ({ kind: 'contended' });
    let res: GqlResponse<any>;
    try {
      res = await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.right, durationSeconds: 4, idempotencyKey: 'contention-053-0' } } });
    } finally {
      AttemptsRepository.prototype.record = record;
    }
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.errors?.[0]?.message).toMatch(/same idempotencyKey/);
    // The same answer sent again is recorded.
    const again = await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.right, durationSeconds: 4, idempotencyKey: 'contention-053-0' } } });
    expect(again.data.submitAttempt).toMatchObject({ correct: true, pointsEarned: e.points, progress: { attempts: 1 } });
  });
});

describe('KeyedQueue', () => {
  it('runs one key\'s tasks one after another in order, other keys alongside, and forgets a drained key', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number, fail = false) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      running--;
      if (fail) throw new Error(name);
      return name;
    };
    const a1 = queue.run('a', task('a1', 20));
    const a2 = queue.run('a', task('a2', 5, true));
    const a3 = queue.run('a', task('a3', 1));
    const b1 = queue.run('b', task('b1', 1));
    expect(queue.size).toBe(2);
    expect(await b1).toBe('b1');
    expect(await a1).toBe('a1');
    await expect(a2).rejects.toThrow('a2'); // a failure does not stop the tasks queued after it
    expect(await a3).toBe('a3');
    expect(log.filter((l) => l.includes(' a'))).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
    expect(log.indexOf('end b1')).toBeLessThan(log.indexOf('end a1')); // b did not wait for a
    expect(most).toBe(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(queue.size).toBe(0);
  });
});
