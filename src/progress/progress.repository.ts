import type { Kysely } from 'kysely';
import { ProgressStatus } from '../common/enums.js';
import type { Database, ProgressRow } from '../db/database.js';
import { named } from '../db/named.js';
import { epochMs } from '../common/time.js';
import { anyInt } from '../db/sql-helpers.js';
import { Progress } from './progress.type.js';

/**
 * The enum's own string for a status read from the database. pg makes a new string for each row's
 * text; cached rows keep it, so without this the cache would hold one copy of 'COMPLETED' per row,
 * each marked by every major collection.
 */
const STATUSES = new Map<string, ProgressStatus>(Object.values(ProgressStatus).map((s) => [s, s]));

function statusOf(text: string): ProgressStatus {
  const status = STATUSES.get(text);
  if (status === undefined) throw new Error(`progress status ${JSON.stringify(text)} is not one of ${[...STATUSES.keys()].join(', ')}`);
  return status;
}

export function toProgress(r: ProgressRow): Progress {
  return Object.assign(new Progress(), {
    studentId: r.student_id,
    exerciseId: r.exercise_id,
    status: statusOf(r.status),
    attempts: r.attempts,
    successes: r.successes,
    pointsEarned: r.points_earned,
    lastAttemptAt: epochMs(r.last_attempt_at),
    firstSuccessAt: epochMs(r.first_success_at),
    masteredAt: epochMs(r.mastered_at),
    nextReviewAt: epochMs(r.next_review_at),
    reviewIntervalDays: r.review_interval_days,
    reviewState: r.review_state,
  });
}

export class ProgressRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Every progress row of each student (a student has at most one per exercise it tried), with
   * the scheduler's memory state: an answer decides from the cached row without reading it again.
   */
  async byStudentIds(studentIds: readonly number[]): Promise<Progress[]> {
    const rows = await named('progress.byStudentIds', this.db.selectFrom('progress').selectAll().where('student_id', '=', anyInt(studentIds))).execute();
    return rows.map(toProgress);
  }
}

declare module '../context.js' {
  interface Repositories {
    progress: ProgressRepository;
  }
}
