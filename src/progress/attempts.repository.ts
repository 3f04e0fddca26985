import { sql, type Kysely } from 'kysely';
import type { ProgressStatus } from '../common/enums.js';
import type { Database, ProgressRow } from '../db/database.js';
import { named } from '../db/named.js';
import { dateOf } from '../common/time.js';
import { Student } from '../students/student.type.js';
import { studentSelection, toStudent } from '../students/students.repository.js';
import { Progress } from './progress.type.js';
import { toProgress } from './progress.repository.js';
import { NOT_STARTED, type ProgressDecision, type ProgressState } from './scheduling.js';

export interface RecordAttemptInput {
  studentId: number;
  exerciseId: number;
  idempotencyKey: string;
  answer: unknown;
  correct: boolean;
  durationSeconds: number;
  hintsUsed: number;
  at: Date;
  /** The Europe/Paris day of `at` and the day before it, for the streak. */
  day: string;
  previousDay: string;
  /** An open session idle since before this does not take the attempt. */
  sessionActiveSince: Date;
}

export interface StoredAttempt {
  id: string;
  studentId: number;
  exerciseId: number;
  answer: unknown;
  correct: boolean;
  pointsEarned: number;
  sessionId: number | null;
  createdAt: Date;
}

export type RecordOutcome =
  | { kind: 'recorded'; attempt: StoredAttempt; progress: Progress; student: Student }
  /** `standing`: the student and its progress on the first attempt's exercise as they are now. */
  | { kind: 'replayed'; attempt: StoredAttempt; standing: { student: Student; progress: Progress | undefined } }
  /** Nothing was kept: the row changed under every one of MAX_TRIES decisions (answers to it from other instances). */
  | { kind: 'contended' };

export class AttemptsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The student and its progress on one exercise as the primary holds them now. */
  async standing(studentId: number, exerciseId: number): Promise<{ student: Student; progress: Progress | undefined }> {
    const [student, progress] = await Promise.all([
      named('students.standing', this.db.selectFrom('students').select(studentSelection).where('id', '=', studentId)).executeTakeFirstOrThrow(),
      this.progressOn(studentId, exerciseId),
    ]);
    return { student: toStudent(student), progress };
  }

  /** The progress row with the scheduler's state, as the primary holds it now (undefined: none yet). */
  private async progressOn(studentId: number, exerciseId: number): Promise<Progress | undefined> {
    const row = await named('progress.standing', this.db.selectFrom('progress').selectAll().where('student_id', '=', studentId).where('exercise_id', '=', exerciseId)).executeTakeFirst();
    return row && toProgress(row);
  }

  async byKey(studentId: number, idempotencyKey: string): Promise<StoredAttempt | undefined> {
    // created_at is part of the join so that only the attempt's own monthly partition is read.
    const row = await named(
      'attempts.byKey',
      this.db
        .selectFrom('attempt_keys as k')
        .innerJoin('attempts as a', (j) => j.onRef('a.id', '=', 'k.attempt_id').onRef('a.created_at', '=', 'k.created_at'))
        .selectAll('a')
        .where('k.student_id', '=', studentId)
        .where('k.idempotency_key', '=', idempotencyKey),
    ).executeTakeFirst();
    return row && toAttempt(row);
  }

  /**
   * Records an attempt and everything it changes, all or nothing, in one call of the database's
   * record_attempt (migration 0005): the attempt row, its key, the open session's figures, the
   * progress row and the student's points (an atomic increment) and streak. `decide` turns the
   * progress row as it stands into the new one; `known` is that row as the caller already read it
   * (null: none yet; undefined: not known, so read first). The function refuses a decision made on
   * a row that has changed since ('stale', with the row as it is now: decided again), and returns
   * the first attempt for a key already used ('replayed'), with the standing it has now. After
   * MAX_TRIES lost races it gives up with nothing written ('contended'): the same call may be made again.
   */
  async record(input: RecordAttemptInput, decide: (before: ProgressState) => ProgressDecision, known?: ProgressState | null): Promise<RecordOutcome> {
    let before = known;
    for (let tries = 1; ; tries++) {
      if (before === undefined) before = (await this.progressOn(input.studentId, input.exerciseId)) ?? null;
      const decision = decide(before ?? NOT_STARTED);
      let row: RecordedRow;
      try {
        row = await this.callRecord(input, decision, before?.attempts ?? 0);
      } catch (error) {
        // A concurrent first attempt on the exercise, or the same key claimed at the same moment:
        // nothing was kept; read again and decide again.
        if (!isSerializationFailure(error)) throw error;
        if (tries >= MAX_TRIES) return { kind: 'contended' };
        before = undefined;
        continue;
      }
      if (row.outcome === 'recorded') {
        // The function does not send back the scheduler's state it wrote (the caller decided it): the
        // row as written carries the decision's, as the next decision made from a cached row needs.
        const progress = progressOf(input.studentId, input.exerciseId, { ...row, review_state: decision.next.reviewState });
        return { kind: 'recorded', attempt: attemptOf(input.studentId, row), progress, student: toStudent(row) };
      }
      if (row.outcome === 'replayed') {
        const attempt = attemptOf(input.studentId, row);
        const progress = row.attempts === null ? undefined : progressOf(input.studentId, attempt.exerciseId, row);
        return { kind: 'replayed', attempt, standing: { student: toStudent(row), progress } };
      }
      if (tries >= MAX_TRIES) return { kind: 'contended' };
      // Stale: decide again on the row as it is (none: the function found no row to lock).
      before = row.attempts === null ? null : progressOf(input.studentId, input.exerciseId, row);
    }
  }

  private async callRecord(input: RecordAttemptInput, decision: ProgressDecision, expectedAttempts: number): Promise<RecordedRow> {
    const n = decision.next;
    const result = await sql<RecordedRow>`select * from record_attempt(
      ${input.studentId}::int, ${input.exerciseId}::int, ${input.idempotencyKey}::text, ${JSON.stringify(input.answer)}::jsonb, ${input.correct}::boolean,
      ${input.durationSeconds}::int, ${input.hintsUsed}::int, ${input.at}::timestamptz, ${input.sessionActiveSince}::timestamptz,
      ${input.day}::date, ${input.previousDay}::date, ${expectedAttempts}::int, ${decision.pointsEarned}::int,
      ${n.status}::text, ${n.attempts}::int, ${n.successes}::int, ${n.pointsEarned}::int,
      ${dateOf(n.firstSuccessAt)}::timestamptz, ${dateOf(n.masteredAt)}::timestamptz, ${dateOf(n.nextReviewAt)}::timestamptz,
      ${n.reviewIntervalDays}::int, ${n.reviewState === null ? null : JSON.stringify(n.reviewState)}::jsonb
    ) /* q:attempts.record */`.execute(this.db);
    return result.rows[0]!;
  }
}

/**
 * At most this many calls per attempt (each retry follows a concurrent change of the same row).
 * Answers to one exercise on one instance are queued (attempts.service.ts): only answers from
 * several instances at the same moment race here.
 */
const MAX_TRIES = 5;

function isSerializationFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40001';
}

type StudentColumns = Parameters<typeof toStudent>[0];

/** A row of record_attempt: the outcome, the attempt, the progress row and the student (migrations 0005 and 2026-12-07T0004). */
interface RecordedRow extends StudentColumns {
  outcome: 'recorded' | 'replayed' | 'stale';
  attempt_id: string;
  attempt_exercise_id: number;
  attempt_answer: unknown;
  attempt_correct: boolean;
  attempt_points_earned: number;
  attempt_session_id: number | null;
  attempt_created_at: Date;
  status: ProgressStatus;
  attempts: number | null;
  successes: number;
  points_earned: number;
  last_attempt_at: Date | null;
  first_success_at: Date | null;
  mastered_at: Date | null;
  next_review_at: Date | null;
  review_interval_days: number | null;
  review_state: unknown;
}

function attemptOf(studentId: number, r: RecordedRow): StoredAttempt {
  return toAttempt({
    id: r.attempt_id,
    student_id: studentId,
    exercise_id: r.attempt_exercise_id,
    answer: r.attempt_answer,
    correct: r.attempt_correct,
    points_earned: r.attempt_points_earned,
    session_id: r.attempt_session_id,
    created_at: r.attempt_created_at,
  });
}

function progressOf(studentId: number, exerciseId: number, r: RecordedRow): Progress {
  return toProgress({ ...r, student_id: studentId, exercise_id: exerciseId, attempts: r.attempts ?? 0, review_state: r.review_state as ProgressRow['review_state'] });
}

function toAttempt(r: { id: string; student_id: number; exercise_id: number; answer: unknown; correct: boolean; points_earned: number; session_id: number | null; created_at: Date }): StoredAttempt {
  return {
    id: String(r.id),
    studentId: r.student_id,
    exerciseId: r.exercise_id,
    answer: r.answer,
    correct: r.correct,
    pointsEarned: r.points_earned,
    sessionId: r.session_id,
    createdAt: r.created_at,
  };
}

declare module '../context.js' {
  interface Repositories {
    attempts: AttemptsRepository;
  }
}
