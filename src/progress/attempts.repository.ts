import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { named } from '../db/named.js';
import { Student } from '../students/student.type.js';
import { studentColumns, toStudent } from '../students/students.repository.js';
import { Progress } from './progress.type.js';
import { toProgress } from './progress.repository.js';
import type { ProgressDecision, ProgressState } from './scheduling.js';

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
  | { kind: 'replayed'; attempt: StoredAttempt };

/** Thrown inside the transaction to roll it back when the idempotency key was already used. */
class AlreadyRecorded extends Error {}

export class AttemptsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The student and its progress on one exercise as the primary holds them now. */
  async standing(studentId: number, exerciseId: number): Promise<{ student: Student; progress: Progress | undefined }> {
    const [student, progress] = await Promise.all([
      named('students.standing', this.db.selectFrom('students').select(studentColumns).where('id', '=', studentId)).executeTakeFirstOrThrow(),
      named('progress.standing', this.db.selectFrom('progress').selectAll().where('student_id', '=', studentId).where('exercise_id', '=', exerciseId)).executeTakeFirst(),
    ]);
    return { student: toStudent(student), progress: progress && toProgress(progress) };
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
   * Records an attempt and everything it changes, in one transaction: the attempt row, the progress
   * row (locked first, so concurrent attempts on one exercise apply one after the other), the
   * student's points (an atomic increment) and streak, and the open session's figures. `decide`
   * turns the locked progress into the new one. A key already used rolls everything back and
   * returns the attempt first recorded under it.
   */
  async record(input: RecordAttemptInput, decide: (before: ProgressState) => ProgressDecision): Promise<RecordOutcome> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        // Creates the row on a first attempt and locks it either way (the no-op update takes the lock).
        const locked = await named(
          'progress.lockForAttempt',
          trx
            .insertInto('progress')
            .values({ student_id: input.studentId, exercise_id: input.exerciseId })
            .onConflict((oc) => oc.columns(['student_id', 'exercise_id']).doUpdateSet({ student_id: (eb) => eb.ref('excluded.student_id') }))
            .returningAll(),
        ).executeTakeFirstOrThrow();
        const decision = decide(toProgress(locked));

        const openSession = trx
          .selectFrom('learning_sessions')
          .select('id')
          .where('student_id', '=', input.studentId)
          .where('ended_at', 'is', null)
          .where('last_activity_at', '>=', input.sessionActiveSince);
        // The attempt, its key claimed and the open session's figures, in one statement (every
        // data-modifying WITH runs once, read or not). A concurrent request with the same key waits
        // on the key for this one to commit, then finds it taken and rolls everything back.
        const attempt = await named(
          'attempts.insert',
          trx
            .with('a', (db) =>
              db
                .insertInto('attempts')
                .values({
                  student_id: input.studentId,
                  exercise_id: input.exerciseId,
                  session_id: (eb) => eb.selectFrom(openSession.as('s')).select('s.id'),
                  idempotency_key: input.idempotencyKey,
                  answer: JSON.stringify(input.answer),
                  correct: input.correct,
                  duration_seconds: input.durationSeconds,
                  hints_used: input.hintsUsed,
                  points_earned: decision.pointsEarned,
                  created_at: input.at,
                })
                .returningAll(),
            )
            .with('k', (db) =>
              db
                .insertInto('attempt_keys')
                .columns(['student_id', 'idempotency_key', 'attempt_id', 'created_at'])
                .expression((eb) => eb.selectFrom('a').select(['a.student_id', 'a.idempotency_key', 'a.id', 'a.created_at']))
                .onConflict((oc) => oc.columns(['student_id', 'idempotency_key']).doNothing())
                .returning('attempt_id'),
            )
            // The open session's figures (none when the attempt fell in no session).
            .with('ls', (db) =>
              db
                .updateTable('learning_sessions')
                .set((eb) => ({
                  attempted: eb('attempted', '+', 1),
                  succeeded: eb('succeeded', '+', input.correct ? 1 : 0),
                  points_earned: eb('points_earned', '+', decision.pointsEarned),
                  last_activity_at: sql<Date>`greatest(last_activity_at, ${input.at}::timestamptz)`,
                }))
                .where('id', '=', (eb) => eb.selectFrom('a').select('a.session_id'))
                .where('ended_at', 'is', null)
                .returning('id'),
            )
            .selectFrom('a')
            .leftJoin('k', (j) => j.onTrue())
            .selectAll('a')
            .select('k.attempt_id as claimed'),
        ).executeTakeFirstOrThrow();
        if (attempt.claimed === null) throw new AlreadyRecorded();

        // The progress row and the student's points (an atomic increment) and streak, in one
        // statement (each in its own table, so neither needs to see the other's change).
        const n = decision.next;
        const applied = await named(
          'attempts.apply',
          trx
            .with('p', (db) =>
              db
                .updateTable('progress')
                .set({
                  status: n.status,
                  attempts: n.attempts,
                  successes: n.successes,
                  points_earned: n.pointsEarned,
                  last_attempt_at: n.lastAttemptAt,
                  first_success_at: n.firstSuccessAt,
                  mastered_at: n.masteredAt,
                  next_review_at: n.nextReviewAt,
                  review_interval_days: n.reviewIntervalDays,
                  review_state: n.reviewState === null ? null : JSON.stringify(n.reviewState),
                })
                .where('student_id', '=', input.studentId)
                .where('exercise_id', '=', input.exerciseId)
                .returningAll(),
            )
            .with('s', (db) =>
              db
                .updateTable('students')
                .set((eb) => ({
                  total_points: eb('total_points', '+', decision.pointsEarned),
                  streak_days: sql<number>`case
                    when streak_last_day = ${input.day}::date then streak_days
                    when streak_last_day = ${input.previousDay}::date then streak_days + 1
                    else 1 end`,
                  streak_last_day: sql<string>`greatest(streak_last_day, ${input.day}::date)`,
                  last_active_at: sql<Date>`greatest(last_active_at, ${input.at}::timestamptz)`,
                }))
                .where('id', '=', input.studentId)
                .returning(studentColumns),
            )
            .selectFrom(['p', 's'])
            .selectAll('p')
            .select(studentColumns.map((c) => `s.${c}` as const)),
        ).executeTakeFirstOrThrow();
        return { kind: 'recorded' as const, attempt: toAttempt(attempt), progress: toProgress(applied), student: toStudent(applied) };
      });
    } catch (error) {
      if (!(error instanceof AlreadyRecorded)) throw error;
      const first = await this.byKey(input.studentId, input.idempotencyKey);
      if (!first) throw new Error('attempt vanished after an idempotency conflict');
      return { kind: 'replayed', attempt: first };
    }
  }
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
