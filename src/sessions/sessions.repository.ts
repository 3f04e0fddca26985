import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, SessionRow } from '../db/database.js';
import { named } from '../db/named.js';
import { anyInt, isUniqueViolation } from '../db/sql-helpers.js';
import { LearningSession } from './session.type.js';
import { epochMs } from '../common/time.js';

export function toSession(r: SessionRow): LearningSession {
  return Object.assign(new LearningSession(), {
    id: r.id,
    studentId: r.student_id,
    startedAt: r.started_at.getTime(),
    endedAt: epochMs(r.ended_at),
    lastActivityAt: r.last_activity_at.getTime(),
    attempted: r.attempted,
    succeeded: r.succeeded,
    pointsEarned: r.points_earned,
  });
}

/** `Student.sessions` lists at most this many, the newest (an operation's cost counts on it). */
export const MAX_SESSIONS_LISTED = 200;

export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Sessions of these students started at or after `since`, newest first. */
  async byStudentIdsSince(studentIds: readonly number[], since: Date): Promise<LearningSession[]> {
    const rows = await named(
      'sessions.byStudentIdsSince',
      this.db
        .selectFrom('learning_sessions')
        .selectAll()
        .where('student_id', '=', anyInt(studentIds))
        .where('started_at', '>=', since)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc'),
    ).execute();
    return rows.map(toSession);
  }

  /**
   * Opens a session, or continues the open one if it was active since `activeSince`. A stale open
   * session is closed at its last activity first. Two concurrent starts: the unique index on open
   * sessions lets one insert win and the other returns it.
   */
  async start(studentId: number, at: Date, activeSince: Date): Promise<{ session: LearningSession; continued: boolean }> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const open = await named(
          'sessions.openForUpdate',
          trx.selectFrom('learning_sessions').selectAll().where('student_id', '=', studentId).where('ended_at', 'is', null).forUpdate(),
        ).executeTakeFirst();
        if (open && open.last_activity_at >= activeSince) return { session: toSession(open), continued: true };
        if (open) await this.close(trx, open, open.last_activity_at);
        const created = await named(
          'sessions.insert',
          trx.insertInto('learning_sessions').values({ student_id: studentId, started_at: at, last_activity_at: at }).returningAll(),
        ).executeTakeFirstOrThrow();
        return { session: toSession(created), continued: false };
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'learning_sessions_one_open_idx')) throw error;
      const open = await named(
        'sessions.open',
        this.db.selectFrom('learning_sessions').selectAll().where('student_id', '=', studentId).where('ended_at', 'is', null),
      ).executeTakeFirst();
      if (!open) throw error;
      return { session: toSession(open), continued: true };
    }
  }

  /**
   * Closes a session of this student (no-op if closed already); its figures are recounted from its
   * attempts. Undefined when the student has no session of this id, whether or not another has.
   */
  async end(id: number, studentId: number, at: Date): Promise<LearningSession | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const row = await named(
        'sessions.ownForUpdate',
        trx.selectFrom('learning_sessions').selectAll().where('id', '=', id).where('student_id', '=', studentId).forUpdate(),
      ).executeTakeFirst();
      if (!row) return undefined;
      if (row.ended_at !== null) return toSession(row);
      return this.close(trx, row, at > row.started_at ? at : row.started_at);
    });
  }

  private async close(trx: Transaction<Database>, session: Pick<SessionRow, 'id' | 'started_at'>, endedAt: Date): Promise<LearningSession> {
    const id = session.id;
    // A session's attempts are no older than the session: only the partitions since it started are read.
    const figures = trx
      .selectFrom('attempts')
      .where('session_id', '=', id)
      .where('created_at', '>=', session.started_at)
      .select([
        sql<number>`count(*)::int`.as('attempted'),
        sql<number>`(count(*) filter (where correct))::int`.as('succeeded'),
        sql<number>`coalesce(sum(points_earned), 0)::int`.as('points'),
      ]);
    const row = await named(
      'sessions.close',
      trx
        .updateTable('learning_sessions as s')
        .from(figures.as('f'))
        .set((eb) => ({
          ended_at: endedAt,
          attempted: eb.ref('f.attempted'),
          succeeded: eb.ref('f.succeeded'),
          points_earned: eb.ref('f.points'),
        }))
        .where('s.id', '=', id)
        .returningAll('s'),
    ).executeTakeFirstOrThrow();
    return toSession(row);
  }
}

declare module '../context.js' {
  interface Repositories {
    sessions: SessionsRepository;
  }
}
