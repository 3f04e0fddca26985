import { decodeCursor, encodeCursor, parseId } from '../common/pagination.js';
import { parisDay, previousDay, type Clock } from '../common/time.js';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import { requireStudentAccess } from '../access.js';
import { requireAdmin, requireSignedIn } from '../viewer.js';
import type { StudentsArgs } from './student.input.js';
import type { Student, StudentConnection } from './student.type.js';

export class StudentsService {
  constructor(private readonly clock: Clock) {}

  /** The signed-in student, or null for an admin. */
  async me(ctx: Context): Promise<Student | null> {
    const viewer = requireSignedIn(ctx.viewer);
    if (viewer.role !== 'STUDENT') return null;
    return ctx.studentModel.profile(viewer.studentId);
  }

  /** A student by id: itself, a child of the teacher's classes, or any for an admin (null if there is none). */
  async byId(ctx: Context, rawId: string): Promise<Student | null> {
    const id = parseId(rawId, 'id');
    const viewer = requireSignedIn(ctx.viewer);
    // A child asking for another is refused before anything is read.
    if (viewer.role === 'STUDENT') await requireStudentAccess(ctx, { id, classroomId: null });
    let student: Student;
    try {
      student = await ctx.studentModel.profile(id);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
    await requireStudentAccess(ctx, student);
    return student;
  }

  /** ADMIN: students, most recent activity first, optionally of one level. */
  async list(ctx: Context, args: StudentsArgs & { first: number }): Promise<StudentConnection> {
    requireAdmin(ctx.viewer);
    const after = args.after ? decodeCursor(args.after, ['time?', 'id']) : null;
    const afterKey = after ? { activity: after[0] ?? NEVER_ACTIVE, id: after[1] } : null;
    const level = args.level ?? null;
    const [page, totalCount] = await Promise.all([ctx.repositories.students.page({ level, first: args.first, after: afterKey }), ctx.repositories.students.count(level)]);
    const hasNextPage = page.students.length > args.first;
    const edges = page.students.slice(0, args.first).map((node, i) => {
      ctx.studentModel.knownProfile(node);
      return { node, cursor: encodeCursor([formatActivity(page.activity[i]!), node.id]) };
    });
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** The streak as of today (Europe/Paris): it is broken once a whole day passes with no attempt. */
  streakDays(student: Pick<Student, 'streakCount' | 'streakLastDay'>): number {
    if (!student.streakLastDay) return 0;
    const today = parisDay(this.clock.now());
    return student.streakLastDay === today || student.streakLastDay === previousDay(today) ? student.streakCount : 0;
  }
}

// Never-active students sort last: their activity key is -infinity (pg returns it as a number);
// their cursors carry null, so that every time a cursor carries is a real instant.
const NEVER_ACTIVE = '-infinity';

function formatActivity(value: Date | number): string | null {
  return value instanceof Date ? value.toISOString() : null;
}

declare module '../context.js' {
  interface Services {
    students: StudentsService;
  }
}
