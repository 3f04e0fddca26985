import { ForbiddenError, UnauthenticatedError } from './errors.js';

/** Who is asking, decided once per request from the bearer token (see context.ts). */
export type Viewer =
  | { role: 'ANONYMOUS'; tokenProblem?: string }
  | { role: 'STUDENT'; studentId: number; tokenVersion: number }
  | { role: 'ADMIN'; adminId: number; tokenVersion: number };

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

/** A student reads only its own data; an admin reads everyone's. */
export function requireStudentAccess(viewer: Viewer, studentId: number): SignedInViewer {
  const v = requireSignedIn(viewer);
  if (v.role === 'STUDENT' && v.studentId !== studentId) throw new ForbiddenError("A student can only see its own data.");
  return v;
}
