import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { Submission } from '../driver/virtual-student.js';
import { groupBy } from '../../src/common/group-by.js';

/**
 * Lost or doubled answers: what the students were told against what the database holds. Every
 * answer of a run carries an idempotency key `lt-<runId>-...`, so the run's rows can be found. An
 * acknowledged answer must be stored exactly once, with the points the student was told; each
 * student's points and each progress row's attempt counter must have moved by exactly what the
 * stored answers add up to. Answers that never got a response are "in doubt": stored or not,
 * both are fine, but they must still add up.
 */
export interface Snapshot {
  points: Map<number, number>;
  progress: PairCounts;
}

/**
 * A count per (student, exercise): student id -> exercise id -> count. Numbers only, no text key
 * per pair: when the server runs in this process, the snapshot taken before the run stays in the
 * heap it collects for the whole run (at 4,000 students it was 146,521 `student:exercise` strings).
 */
export type PairCounts = Map<number, Map<number, number>>;

export function countOf(counts: PairCounts, studentId: number, exerciseId: number): number {
  return counts.get(studentId)?.get(exerciseId) ?? 0;
}

export function addCount(counts: PairCounts, studentId: number, exerciseId: number, n: number): void {
  let row = counts.get(studentId);
  if (!row) counts.set(studentId, (row = new Map()));
  row.set(exerciseId, (row.get(exerciseId) ?? 0) + n);
}

export interface StoredAttempt {
  key: string;
  studentId: number;
  exerciseId: number;
  correct: boolean;
  pointsEarned: number;
}

export interface IntegrityReport {
  submitted: number;
  acknowledged: number;
  inDoubt: number;
  inDoubtStored: number;
  stored: number;
  /** Acknowledged, not in the database. */
  lost: number;
  /** Stored more than once, or stored without having been sent. */
  doubled: number;
  /** Stored with other points or another grade than the student was told. */
  mismatched: number;
  pointsAcknowledged: number;
  pointsStored: number;
  /** Students whose total moved by other than the points of their stored answers. */
  pointsDrift: number;
  /** (student, exercise) progress rows whose attempt counter moved by other than their stored answers. */
  progressDrift: number;
  ok: boolean;
  examples: string[];
}

const CHUNK = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function takeSnapshot(db: Kysely<Database>, studentIds: readonly number[]): Promise<Snapshot> {
  const snapshot: Snapshot = { points: new Map(), progress: new Map() };
  for (const ids of chunks(studentIds)) {
    const students = await db.selectFrom('students').select(['id', 'total_points']).where('id', '=', sql<number>`any(${ids}::int[])`).execute();
    for (const s of students) snapshot.points.set(s.id, s.total_points);
    const progress = await db.selectFrom('progress').select(['student_id', 'exercise_id', 'attempts']).where('student_id', '=', sql<number>`any(${ids}::int[])`).execute();
    for (const p of progress) addCount(snapshot.progress, p.student_id, p.exercise_id, p.attempts);
  }
  return snapshot;
}

export async function storedAttempts(db: Kysely<Database>, studentIds: readonly number[], runId: string): Promise<StoredAttempt[]> {
  if (!/^[a-z0-9]+$/.test(runId)) throw new Error(`run id ${runId} must be lower-case letters and digits (it is a LIKE prefix)`);
  const out: StoredAttempt[] = [];
  for (const ids of chunks(studentIds)) {
    const rows = await db
      .selectFrom('attempts')
      .select(['idempotency_key', 'student_id', 'exercise_id', 'correct', 'points_earned'])
      .where('student_id', '=', sql<number>`any(${ids}::int[])`)
      .where('idempotency_key', 'like', `lt-${runId}-%`)
      .execute();
    for (const r of rows) out.push({ key: r.idempotency_key, studentId: r.student_id, exerciseId: r.exercise_id, correct: r.correct, pointsEarned: r.points_earned });
  }
  return out;
}

export function compareWithDatabase(submissions: readonly Submission[], stored: readonly StoredAttempt[], before: Snapshot, after: Snapshot): IntegrityReport {
  const examples: string[] = [];
  const example = (line: string) => void (examples.length < 10 && examples.push(line));
  const sent = new Map(submissions.map((s) => [s.key, s]));
  const storedByKey = groupBy(stored, (a) => a.key);

  let lost = 0;
  let mismatched = 0;
  let inDoubtStored = 0;
  let acknowledged = 0;
  let pointsAcknowledged = 0;
  for (const s of submissions) {
    const rows = storedByKey.get(s.key);
    if (!s.acknowledged) {
      if (rows) inDoubtStored++;
      continue;
    }
    acknowledged++;
    pointsAcknowledged += s.pointsEarned ?? 0;
    if (!rows) {
      lost++;
      example(`lost: ${s.key} (student ${s.studentId}, exercise ${s.exerciseId}) was acknowledged and is not stored`);
    } else if (rows[0]!.pointsEarned !== s.pointsEarned || rows[0]!.correct !== s.correct) {
      mismatched++;
      example(`mismatched: ${s.key} told ${String(s.correct)}/${String(s.pointsEarned)} points, stored ${rows[0]!.correct}/${rows[0]!.pointsEarned}`);
    }
  }

  let doubled = 0;
  for (const [key, rows] of storedByKey) {
    const extra = sent.has(key) ? rows.length - 1 : rows.length;
    if (extra > 0) example(`doubled: ${key} is stored ${rows.length} time(s)${sent.has(key) ? '' : ' and was never sent'}`);
    doubled += extra;
  }

  const storedPoints = new Map<number, number>();
  const storedPerPair: PairCounts = new Map();
  for (const a of stored) {
    storedPoints.set(a.studentId, (storedPoints.get(a.studentId) ?? 0) + a.pointsEarned);
    addCount(storedPerPair, a.studentId, a.exerciseId, 1);
  }
  let pointsDrift = 0;
  for (const [student, was] of before.points) {
    const moved = (after.points.get(student) ?? was) - was;
    const expected = storedPoints.get(student) ?? 0;
    if (moved !== expected) {
      pointsDrift++;
      example(`points: student ${student} gained ${moved}, its stored answers earned ${expected}`);
    }
  }
  let progressDrift = 0;
  for (const student of new Set([...after.progress.keys(), ...storedPerPair.keys()])) {
    const exercises = new Set([...(after.progress.get(student)?.keys() ?? []), ...(storedPerPair.get(student)?.keys() ?? [])]);
    for (const exercise of exercises) {
      const moved = countOf(after.progress, student, exercise) - countOf(before.progress, student, exercise);
      const expected = countOf(storedPerPair, student, exercise);
      if (moved !== expected) {
        progressDrift++;
        example(`progress: ${student}:${exercise} counted ${moved} more attempts, ${expected} were stored`);
      }
    }
  }

  return {
    submitted: submissions.length,
    acknowledged,
    inDoubt: submissions.length - acknowledged,
    inDoubtStored,
    stored: stored.length,
    lost,
    doubled,
    mismatched,
    pointsAcknowledged,
    pointsStored: stored.reduce((s, a) => s + a.pointsEarned, 0),
    pointsDrift,
    progressDrift,
    ok: lost === 0 && doubled === 0 && mismatched === 0 && pointsDrift === 0 && progressDrift === 0,
    examples,
  };
}
