import { repositoriesOver, type App } from './app.js';
import type { Context, Loaders, Repositories } from './context.js';
import { countStatements, newRequestScope, type RequestScope } from './request-scope.js';
import { studentRequestScopes, teacherRequestScopes } from './cache/namespaces.js';
import { RequestCache } from './cache/request-cache.js';
import type { TokenIssuer } from './auth/tokens.js';
import { anonymous, type Viewer } from './viewer.js';
import { createAuthLoaders } from './auth/auth.loaders.js';
import { NotFoundError } from './errors.js';
import { createExerciseLoaders } from './exercises/exercises.loaders.js';
import { createSchoolLoaders } from './schools/schools.loaders.js';
import { StudentModel } from './student-model/student-model.js';

/** What one request reads through: its loaders and its view of the student read model. */
export function requestReads(app: Pick<App, 'clock' | 'config'>, reads: () => Repositories, primary: Repositories, cache: RequestCache): Pick<Context, 'loaders' | 'studentModel'> {
  const options = { batching: app.config.graphql.dataloaders, cache };
  const loaders: Loaders = Object.assign(createExerciseLoaders(() => reads().exercises, options), createAuthLoaders(() => reads().auth, options), createSchoolLoaders(() => reads().schools, options));
  return { loaders, studentModel: new StudentModel(cache, reads, primary, loaders, app.clock, options) };
}

/**
 * The context of one request. Reads go to the read replica when there is one, except for a
 * student who wrote in the last READ_AFTER_WRITE_MS (its own writes may not have reached it).
 */
export async function createContext(
  app: App,
  authorization: string | undefined,
  requestId: string,
  scope: RequestScope = newRequestScope(),
  clientAddress = '127.0.0.1',
): Promise<Context> {
  const replicaDb = app.readDatabase !== app.database;
  const claimed = await verifyBearer(authorization, app.tokens);
  const pinned = replicaDb && claimed.role === 'STUDENT' && (await app.readPins.isPinned(claimed.studentId));
  // The request's own repositories count the statements it sends.
  const primary = repositoriesOver(app.database.db.withPlugin(countStatements(scope)));
  let reads = replicaDb && !pinned ? repositoriesOver(app.readDatabase.db.withPlugin(countStatements(scope))) : primary;
  const cache = new RequestCache(
    app.cache,
    {
      readAfterWriteMs: replicaDb ? app.config.database.readAfterWriteMs : 0,
      readsFromReplica: reads !== primary,
      // After its own write, the rest of the request, and the students' next requests, read the primary.
      onWrite: async (students) => {
        reads = primary;
        if (replicaDb) await app.readPins.pin(students);
      },
    },
    scope,
  );
  // A student's request reads its tokens in one round trip, the token check's with the rest.
  if (claimed.role === 'STUDENT') cache.prefetch(studentRequestScopes(claimed.studentId));
  if (claimed.role === 'TEACHER') cache.prefetch(teacherRequestScopes(claimed.teacherId));
  const { loaders, studentModel } = requestReads(app, () => reads, primary, cache);
  const viewer = await checkTokenVersion(claimed, loaders, studentModel);
  return { viewer, loaders, studentModel, repositories: primary, scope, cache, services: app.services, requestId, clientAddress, responseNodes: 0 };
}

/**
 * The viewer an `Authorization: Bearer <token>` header claims to be, if its token verifies. A
 * missing header is anonymous; a bad or expired token is anonymous with the reason, so `login` and
 * `health` still answer and everything else says UNAUTHENTICATED with that reason.
 */
async function verifyBearer(header: string | undefined, tokens: TokenIssuer): Promise<Viewer> {
  if (!header) return anonymous;
  const match = /^Bearer\s+(\S{1,4096})$/i.exec(header.trim());
  if (!match) return { role: 'ANONYMOUS', tokenProblem: 'The Authorization header must be "Bearer <token>".' };
  const result = await tokens.verify(match[1]!);
  return result.ok ? result.viewer : { role: 'ANONYMOUS', tokenProblem: result.problem };
}

const revoked: Viewer = { role: 'ANONYMOUS', tokenProblem: 'The token has been revoked. Sign in again.' };

async function checkTokenVersion(v: Viewer, loaders: Loaders, students: StudentModel): Promise<Viewer> {
  if (v.role === 'ANONYMOUS') return v;
  // A token outlives neither its account nor a logout or password change (token version).
  const gone = (error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  };
  if (v.role === 'TEACHER') {
    const teacher = await loaders.teacher.load(v.teacherId).catch(gone);
    if (teacher?.tokenVersion !== v.tokenVersion) return revoked;
    return teacher.mustChangePassword ? { ...v, passwordChangeRequired: true } : v;
  }
  const current =
    v.role === 'STUDENT'
      ? await students.profile(v.studentId).then((s) => s.tokenVersion, gone)
      : await loaders.adminTokenVersion.load(v.adminId).catch(gone);
  if (current !== v.tokenVersion) return revoked;
  return v;
}
