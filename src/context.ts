import type { App } from './app.js';
import type { TokenIssuer } from './auth/tokens.js';
import { anonymous, type Viewer } from './auth/viewer.js';
import { loader, orderByKeys, type LoaderOptions } from './common/loaders.js';
import { NotFoundError } from './errors.js';
import { createExerciseLoaders } from './exercises/exercises.loaders.js';
import type { RequestCache } from './cache/request-cache.js';
import { createProgressLoaders, createStatsLoaders } from './progress/progress.loaders.js';
import { createRecommendationLoaders } from './recommendations/recommendations.loaders.js';
import { createSessionLoaders } from './sessions/sessions.loaders.js';
import { createStudentLoaders } from './students/students.loaders.js';

/**
 * Everything a resolver gets for one request: who is asking and fresh DataLoaders (request
 * scope), plus the services, which are shared by all requests and keep no per-request state.
 */
export interface Context {
  viewer: Viewer;
  loaders: Loaders;
  /** The shared cache as this request sees it (versions read once; writes invalidate through it). */
  cache: RequestCache;
  services: App['services'];
  requestId: string;
}

export function createLoaders(app: Pick<App, 'repositories' | 'clock'>, options: LoaderOptions) {
  const r = app.repositories;
  const base = {
    ...createStudentLoaders(r.students, options),
    ...createExerciseLoaders(r.exercises, options),
    ...createProgressLoaders(r.progress, options),
    ...createSessionLoaders(r.sessions, app.clock, options),
    adminTokenVersion: loader<number, number>(options, async (ids) =>
      orderByKeys(ids, await r.auth.adminTokenVersions(ids), (a) => a.id, 'Admin').map((a) => (a instanceof Error ? a : a.tokenVersion)),
    ),
  };
  return { ...base, ...createRecommendationLoaders(base, app.clock, options), ...createStatsLoaders(base, options) };
}
export type Loaders = ReturnType<typeof createLoaders>;

/**
 * The viewer named by an `Authorization: Bearer <token>` header. A missing header is anonymous; a
 * bad, expired or revoked token is anonymous with the reason, so `login` and `health` still answer
 * and everything else says UNAUTHENTICATED with that reason.
 */
export async function resolveViewer(header: string | undefined, tokens: TokenIssuer, loaders: Loaders): Promise<Viewer> {
  if (!header) return anonymous;
  const match = /^Bearer\s+(\S{1,4096})$/i.exec(header.trim());
  if (!match) return { role: 'ANONYMOUS', tokenProblem: 'The Authorization header must be "Bearer <token>".' };
  const result = await tokens.verify(match[1]!);
  if (!result.ok) return { role: 'ANONYMOUS', tokenProblem: result.problem };
  const v = result.viewer;
  // A token outlives neither its account nor a logout or password change (token version).
  const gone = (error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  };
  const current =
    v.role === 'STUDENT'
      ? await loaders.student.load(v.studentId).then((s) => s.tokenVersion, gone)
      : await loaders.adminTokenVersion.load(v.adminId).catch(gone);
  if (current !== v.tokenVersion) return { role: 'ANONYMOUS', tokenProblem: 'The token has been revoked. Sign in again.' };
  return v;
}
