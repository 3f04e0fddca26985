import type { Context } from './context.js';
import { ForbiddenError } from './errors.js';
import { requireSignedIn } from './viewer.js';

const NOT_YOURS = "You can only see your own data, or, as a teacher, your own classes' children.";

/**
 * Who may read a child's data: the child itself, the teacher of its class, or an admin. The one
 * rule every student field follows (test/authorization.test.ts holds it as a matrix of roles x
 * fields). Answers at once for a child or an admin (no promise on their warm path); a teacher's
 * classes are read once per request.
 */
export function requireStudentAccess(ctx: Pick<Context, 'viewer' | 'loaders'>, student: { id: number; classroomId: number | null }): void | Promise<void> {
  const v = requireSignedIn(ctx.viewer);
  if (v.role === 'ADMIN') return;
  if (v.role === 'STUDENT') {
    if (v.studentId !== student.id) throw new ForbiddenError(NOT_YOURS);
    return;
  }
  return requireClassroomOf(ctx, student.classroomId);
}

/** The viewer is the teacher of this class, or an admin. */
export function requireClassroomAccess(ctx: Pick<Context, 'viewer' | 'loaders'>, classroomId: number | null): void | Promise<void> {
  const v = requireSignedIn(ctx.viewer);
  if (v.role === 'ADMIN') return;
  return requireClassroomOf(ctx, classroomId);
}

async function requireClassroomOf(ctx: Pick<Context, 'viewer' | 'loaders'>, classroomId: number | null): Promise<void> {
  const v = ctx.viewer;
  if (v.role !== 'TEACHER' || classroomId === null) throw new ForbiddenError(NOT_YOURS);
  const teacher = await ctx.loaders.teacher.load(v.teacherId);
  if (!teacher.classroomIds.includes(classroomId)) throw new ForbiddenError(NOT_YOURS);
}
