import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../db/seeds/curriculum/prng.js';
import { exercisesWithAnswers, inconsistent, studentTotals, SUBMIT_ATTEMPT, submitVariables, type TestExercise } from '../../test/faults.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

const STUDENTS = 200;
const ATTEMPTS = 50;
/**
 * Attempts in flight at once (each with its concurrent retries). The embedded database is one
 * connection: more in flight there only queue for it (and run slower), so fewer.
 */
const CONCURRENCY = { postgres: 24, pglite: 6 };
/** A small pool, so that students come back to the same exercises: right, wrong, right again. */
const EXERCISES = 15;

interface Job {
  student: number;
  token: string;
  key: string;
  exercise: TestExercise;
  correct: boolean;
  /** Copies sent at the same time as the first request (a client timing out and resending). */
  concurrentRetries: number;
  /** Copies sent after the first answer came back (a client that lost the answer). */
  laterRetries: number;
}

interface Answer {
  correct: boolean;
  pointsEarned: number;
}

let t: TestApp;
beforeAll(async () => {
  // Fifty answers per student in seconds: far past the real per-minute limit, on purpose.
  t = await createTestApp({ env: { ATTEMPTS_PER_MINUTE: '100000' } });
});
afterAll(() => t?.close());

describe('attempts under concurrent client retries', () => {
  it('records each attempt exactly once and pays points once per first success', async () => {
    const db = t.app.database.db;
    const random = mulberry32(7);
    const exercises = await exercisesWithAnswers(db, EXERCISES);
    const usernames = Array.from({ length: STUDENTS }, (_, i) => `student${String(i + 1).padStart(3, '0')}`);
    const ids = await Promise.all(usernames.map((u) => t.studentId(u)));
    const tokens = await Promise.all(usernames.map((u) => t.tokenFor(u)));

    const jobs: Job[] = [];
    for (let s = 0; s < STUDENTS; s++) {
      for (let i = 0; i < ATTEMPTS; i++) {
        const retried = random() < 0.2;
        jobs.push({
          student: ids[s]!,
          token: tokens[s]!,
          key: `retry-${ids[s]}-${i}`,
          exercise: exercises[Math.floor(random() * EXERCISES)]!,
          correct: random() < 0.6,
          concurrentRetries: retried && random() < 0.5 ? 1 + Math.floor(random() * 2) : 0,
          laterRetries: retried ? Math.floor(random() * 2) : 0,
        });
      }
    }
    // Shuffled: a student's attempts, and copies of one attempt, run side by side.
    for (let i = jobs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
    }

    const answers = new Map<string, Answer[]>();
    const errors: string[] = [];
    const send = async (job: Job) => {
      const res = await t.gql(SUBMIT_ATTEMPT, { token: job.token, variables: submitVariables(job.exercise, job.key, job.correct) });
      if (res.errors || !res.data) return void errors.push(`${job.key}: ${res.body.slice(0, 200)}`);
      const { correct, pointsEarned } = res.data.submitAttempt as Answer;
      answers.set(job.key, [...(answers.get(job.key) ?? []), { correct, pointsEarned }]);
    };
    let next = 0;
    let requests = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY[t.app.database.kind] }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          await Promise.all(Array.from({ length: 1 + job.concurrentRetries }, () => send(job)));
          for (let r = 0; r < job.laterRetries; r++) await send(job);
          requests += 1 + job.concurrentRetries + job.laterRetries;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    expect(errors).toEqual([]);
    // Every copy of an attempt got the first one's answer.
    const disagreeing = [...answers.entries()].filter(([, a]) => a.some((x) => x.correct !== a[0]!.correct || x.pointsEarned !== a[0]!.pointsEarned));
    expect(disagreeing).toEqual([]);

    const rows = await db.selectFrom('attempts').select(['student_id', 'idempotency_key', 'points_earned']).where('student_id', 'in', ids).execute();
    expect(rows.length).toBe(STUDENTS * ATTEMPTS);
    expect(new Set(rows.map((r) => `${r.student_id}/${r.idempotency_key}`)).size).toBe(STUDENTS * ATTEMPTS);
    const totals = await studentTotals(db, ids);
    expect(totals.map((s) => s.attempts)).toEqual(ids.map(() => ATTEMPTS));
    // total_points == the points of the exercises with a first success; attempts agree with progress.
    expect(inconsistent(totals)).toEqual([]);
    const paid = [...answers.values()].reduce((n, a) => n + a[0]!.pointsEarned, 0);
    expect(totals.reduce((n, s) => n + s.totalPoints, 0)).toBe(paid);

    const copies = jobs.reduce((n, j) => n + j.concurrentRetries + j.laterRetries, 0);
    console.log(
      `retries (${t.app.database.kind}): ${STUDENTS} students x ${ATTEMPTS} attempts, ${copies} retried copies (${jobs.reduce((n, j) => n + j.concurrentRetries, 0)} concurrent), ` +
        `${requests} requests in ${seconds.toFixed(1)} s (${(requests / seconds).toFixed(0)}/s, ${CONCURRENCY[t.app.database.kind]} attempts at a time): ` +
        `${rows.length} attempts stored, one per key; ${paid} points paid, equal to the first successes' points`,
    );
  }, 120_000);
});
