import { DAY_MS, type Clock } from '../common/time.js';
import { groupByKeys, loader, type LoaderOptions } from '../common/loaders.js';
import type { LearningSession } from './session.type.js';
import type { SessionsRepository } from './sessions.repository.js';

export interface SessionsKey {
  studentId: number;
  days: number;
}

export function createSessionLoaders(repo: SessionsRepository, clock: Clock, options: LoaderOptions) {
  return {
    /** A student's sessions of the last `days` days, newest first: one query per distinct `days`. */
    sessionsByStudent: loader<SessionsKey, LearningSession[], string>(
      options,
      async (keys) => {
        const now = clock.now().getTime();
        const byDays = new Map<number, number[]>();
        for (const k of keys) byDays.set(k.days, [...(byDays.get(k.days) ?? []), k.studentId]);
        const found = new Map<string, LearningSession[]>();
        await Promise.all(
          [...byDays].map(async ([days, ids]) => {
            const rows = await repo.byStudentIdsSince(ids, new Date(now - days * DAY_MS));
            groupByKeys(ids, rows, (s) => s.studentId).forEach((list, i) => found.set(`${ids[i]}:${days}`, list));
          }),
        );
        return keys.map((k) => found.get(`${k.studentId}:${k.days}`) ?? []);
      },
      (k) => `${k.studentId}:${k.days}`,
    ),
  };
}
export type SessionLoaders = ReturnType<typeof createSessionLoaders>;
