import { ForbiddenError, UnauthenticatedError } from './errors.js';

/** Who is asking, decided once per request from the bearer token (see context.ts). */
export type Viewer =
  | { role: 'ANONYMOUS'; tokenProblem?: string }
  | { role: 'STUDENT'; studentId: number; tokenVersion: number }
  /** passwordChangeRequired: signed in with a temporary password; only changePassword answers. */
  | { role: 'TEACHER'; teacherId: number; tokenVersion: number; passwordChangeRequired?: boolean }
  | { role: 'ADMIN'; adminId: number; tokenVersion: number };

/** The account a signed-in viewer is, in its role's table. */
export function accountIdOf(v: SignedInViewer): number {
  return v.role === 'STUDENT' ? v.studentId : v.role === 'TEACHER' ? v.teacherId : v.adminId;
}

export type SignedInViewer = Exclude<Viewer, { role: 'ANONYMOUS' }>;

export const anonymous: Viewer = { role: 'ANONYMOUS' };

export function requireSignedIn(viewer: Viewer): SignedInViewer {
  if (viewer.role === 'ANONYMOUS') throw new UnauthenticatedError(viewer.tokenProblem);
  return viewer;
}

export function requireAdmin(viewer: Viewer): Extract<Viewer, { role: 'ADMIN' }> {
  const v = requireSignedIn(viewer);
  if (v.role !== 'ADMIN') throw new ForbiddenError('Only an administrator can see this.');
  return v;
}

export function requireStudent(viewer: Viewer): Extract<Viewer, { role: 'STUDENT' }> {
  const v = requireSignedIn(viewer);
  if (v.role !== 'STUDENT') throw new ForbiddenError('Only a student can do this.');
  return v;
}

export function requireTeacher(viewer: Viewer): Extract<Viewer, { role: 'TEACHER' }> {
  const v = requireSignedIn(viewer);
  if (v.role !== 'TEACHER') throw new ForbiddenError('Only a teacher can do this.');
  return v;
}
