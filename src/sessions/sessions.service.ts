import { requireStudentAccess } from '../access.js';
import { requireStudent } from '../viewer.js';
import { parseId } from '../common/pagination.js';
import type { Clock } from '../common/time.js';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { Student } from '../students/student.type.js';
import type { LearningSession } from './session.type.js';

/** An open session with no activity for this long is stale: the next start closes it. */
export const SESSION_IDLE_MS = 30 * 60_000;

export class SessionsService {
  constructor(private readonly clock: Clock) {}

  /**
   * Opens a session for the signed-in student. An open session active in the last 30 minutes is
   * continued (so a retried request does not make two); a stale one is closed at its last activity.
   */
  async start(ctx: Context): Promise<LearningSession> {
    const viewer = requireStudent(ctx.viewer);
    const now = this.clock.now();
    const base = await ctx.studentModel.beforeWrite(viewer.studentId);
    const { session, continued } = await ctx.repositories.sessions.start(viewer.studentId, now, new Date(now.getTime() - SESSION_IDLE_MS));
    if (!continued) await ctx.studentModel.written(viewer.studentId, { base, profile: 'unchanged' });
    return session;
  }

  /**
   * Closes the student's session; figures are recounted from its attempts. Idempotent. Another
   * student's session is "not found", as one that does not exist: ids are sequential, and a
   * different answer would tell which exist.
   */
  async end(ctx: Context, rawId: string): Promise<LearningSession> {
    const viewer = requireStudent(ctx.viewer);
    const id = parseId(rawId, 'id');
    const base = await ctx.studentModel.beforeWrite(viewer.studentId);
    const ended = await ctx.repositories.sessions.end(id, viewer.studentId, this.clock.now());
    if (!ended) throw new NotFoundError(`Session ${id}`);
    await ctx.studentModel.written(viewer.studentId, { base, profile: 'unchanged' });
    return ended;
  }

  async forStudent(ctx: Context, student: Student, days: number): Promise<LearningSession[]> {
    const access = requireStudentAccess(ctx, student); // a promise for a teacher only
    if (access) await access;
    return ctx.studentModel.sessions(student.id, days);
  }

  /** Whole minutes between start and end; null while open. */
  durationMinutes(session: LearningSession): number | null {
    return session.endedAt !== null ? Math.round((session.endedAt - session.startedAt) / 60_000) : null;
  }
}

declare module '../context.js' {
  interface Services {
    sessions: SessionsService;
  }
}
