import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import { wrongAnswer } from '../db/seeds/history.js';
import type { GqlResponse } from './harness.js';

/** Shared by the fault tests: traffic, timing, and what the database must hold afterwards. */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const SUBMIT_ATTEMPT = `mutation SubmitAttempt($input: AttemptInput!) {
  submitAttempt(input: $input) { correct pointsEarned student { id totalPoints } }
}`;

export interface TestExercise {
  id: number;
  points: number;
  right: unknown;
  wrong: unknown;
}

/** The first `n` active exercises, with a right and a wrong answer to each. */
export async function exercisesWithAnswers(db: Kysely<Database>, n: number): Promise<TestExercise[]> {
  const rows = await db.selectFrom('exercises').select(['id', 'type', 'points', 'solution', 'content']).where('active', '=', true).orderBy('id').limit(n).execute();
  return rows.map((e) => ({ id: e.id, points: e.points, right: e.solution, wrong: wrongAnswer(e) }));
}

export function submitVariables(exercise: TestExercise, key: string, correct: boolean) {
  return { input: { exerciseId: String(exercise.id), answer: correct ? exercise.right : exercise.wrong, durationSeconds: 5, idempotencyKey: key } };
}

/** One request as a client saw it. */
export interface Outcome {
  startedAt: number;
  ms: number;
  status: number;
  code: string | undefined;
  ok: boolean;
}

export async function timedRequest<T>(send: () => Promise<GqlResponse<T>>): Promise<{ res: GqlResponse<T>; outcome: Outcome }> {
  const startedAt = performance.now();
  const res = await send();
  const ms = performance.now() - startedAt;
  const code = res.errors?.[0]?.extensions?.code;
  return { res, outcome: { startedAt, ms, status: res.status, code, ok: res.status === 200 && !res.errors && res.data != null } };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of items) counts[key(i)] = (counts[key(i)] ?? 0) + 1;
  return counts;
}

export interface StudentTotals {
  id: number;
  totalPoints: number;
  /** Points of the exercises this student got right at least once (each paid once). */
  firstSuccessPoints: number;
  attemptPoints: number;
  progressPoints: number;
  attempts: number;
  progressAttempts: number;
  correctAttempts: number;
  progressSuccesses: number;
}

/**
 * For each student, the figures that must agree whatever went wrong: points against first
 * successes, attempts against progress rows. An attempt half-written (attempt without its
 * progress, or points without the attempt) shows up as a difference.
 */
export async function studentTotals(db: Kysely<Database>, studentIds?: number[]): Promise<StudentTotals[]> {
  const filter = studentIds ? sql`where s.id = any(${studentIds})` : sql``;
  const { rows } = await sql<Record<string, string | number>>`
    select s.id, s.total_points,
      (select coalesce(sum(e.points), 0) from progress p join exercises e on e.id = p.exercise_id
        where p.student_id = s.id and p.first_success_at is not null) as first_success_points,
      (select coalesce(sum(a.points_earned), 0) from attempts a where a.student_id = s.id) as attempt_points,
      (select coalesce(sum(p.points_earned), 0) from progress p where p.student_id = s.id) as progress_points,
      (select count(*) from attempts a where a.student_id = s.id) as attempts,
      (select coalesce(sum(p.attempts), 0) from progress p where p.student_id = s.id) as progress_attempts,
      (select count(*) from attempts a where a.student_id = s.id and a.correct) as correct_attempts,
      (select coalesce(sum(p.successes), 0) from progress p where p.student_id = s.id) as progress_successes
    from students s ${filter} order by s.id`.execute(db);
  return rows.map((r) => ({
    id: Number(r.id),
    totalPoints: Number(r.total_points),
    firstSuccessPoints: Number(r.first_success_points),
    attemptPoints: Number(r.attempt_points),
    progressPoints: Number(r.progress_points),
    attempts: Number(r.attempts),
    progressAttempts: Number(r.progress_attempts),
    correctAttempts: Number(r.correct_attempts),
    progressSuccesses: Number(r.progress_successes),
  }));
}

/** The students whose figures disagree (an empty list is the pass). */
export function inconsistent(totals: StudentTotals[]): StudentTotals[] {
  return totals.filter(
    (s) =>
      s.totalPoints !== s.firstSuccessPoints ||
      s.totalPoints !== s.attemptPoints ||
      s.totalPoints !== s.progressPoints ||
      s.attempts !== s.progressAttempts ||
      s.correctAttempts !== s.progressSuccesses,
  );
}

export async function attemptKeys(db: Kysely<Database>, studentIds: number[]): Promise<Map<string, number>> {
  const rows = await db.selectFrom('attempts').select(['student_id', 'idempotency_key']).select((eb) => eb.fn.countAll<string>().as('n')).where('student_id', 'in', studentIds).groupBy(['student_id', 'idempotency_key']).execute();
  return new Map(rows.map((r) => [`${r.student_id}/${r.idempotency_key}`, Number(r.n)]));
}


/**
 * Locks a student's row from outside the service (its own connection): the student's next attempt
 * waits on the lock until `release`. A slow statement on demand, for timeouts and drains.
 */
export async function lockStudentRow(url: string, username: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  await client.query('select id from students where username = $1 for update', [username]);
  return {
    async release() {
      await client.query('commit');
      await client.end();
    },
  };
}
