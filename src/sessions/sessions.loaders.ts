import { scope } from '../cache/namespaces.js';
import { loader, type LoaderOptions } from '../cache/loaders.js';
import { DAY_MS, type Clock } from '../common/time.js';
import type { LearningSession } from './session.type.js';
import type { SessionsRepository } from './sessions.repository.js';
import { groupBy } from '../common/group-by.js';

export interface SessionsKey {
  studentId: number;
  days: number;
}

export function createSessionLoaders(repo: () => SessionsRepository, clock: Clock, options: LoaderOptions) {
  return {
    /** A student's sessions of the last `days` days, newest first: one query per distinct `days`. */
    sessionsByStudent: loader<SessionsKey, LearningSession[], string>(
      options,
      async (keys) => {
        const lists = await options.cache.many<SessionsKey, LearningSession[]>(
          'sessions',
          keys,
          { id: (k) => `${k.studentId}:${k.days}`, scopes: (k) => [scope.sessions(k.studentId)] },
          async (missing) => {
            const now = clock.now().getTime();
            const found = new Map<string, LearningSession[]>(missing.map((k) => [`${k.studentId}:${k.days}`, []]));
            await Promise.all(
              [...groupBy(missing, (k) => k.days)].map(async ([days, ks]) => {
                for (const s of await repo().byStudentIdsSince(ks.map((k) => k.studentId), new Date(now - days * DAY_MS))) found.get(`${s.studentId}:${days}`)?.push(s);
              }),
            );
            return missing.map((k) => found.get(`${k.studentId}:${k.days}`) ?? []);
          },
        );
        return lists.map((l) => l ?? []);
      },
      (k) => `${k.studentId}:${k.days}`,
    ),
  };
}
export type SessionLoaders = ReturnType<typeof createSessionLoaders>;

declare module '../context.js' {
  interface Loaders extends SessionLoaders {}
}
