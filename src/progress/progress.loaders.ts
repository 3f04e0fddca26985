import { scope } from '../cache/namespaces.js';
import { cachedGroups, loader, type LoaderOptions } from '../cache/loaders.js';
import type { Progress } from './progress.type.js';
import type { ProgressRepository } from './progress.repository.js';
import type { ExerciseLoaders } from '../exercises/exercises.loaders.js';
import type { StudentLoaders } from '../students/students.loaders.js';
import type { StudentStats } from '../students/student.type.js';
import { computeStats } from './stats.js';
import { loadStudentWork } from './student-work.js';

/** How a student's progress rows, and stats, are keyed in the cache (loaders read, writes refresh). */
export const progressKey = { id: (id: number) => String(id), scopes: (id: number) => [scope.work(id)] };
export const statsKey = { id: (id: number) => String(id), scopes: (id: number) => [scope.work(id), scope.curriculum] };

export function createProgressLoaders(repo: () => ProgressRepository, options: LoaderOptions) {
  return {
    /** Every progress row of a student (one per exercise tried); cached until its work changes. */
    progressByStudent: loader<number, Progress[]>(options, (ids) =>
      cachedGroups(options, 'progress', ids, progressKey, (missing) => repo().byStudentIds(missing), (p) => p.studentId),
    ),
  };
}
export type ProgressLoaders = ReturnType<typeof createProgressLoaders>;

/** A student's stats, computed from its work and cached until its work or the curriculum changes. */
export function createStatsLoaders(base: StudentLoaders & ExerciseLoaders & ProgressLoaders, options: LoaderOptions) {
  return {
    statsByStudent: loader<number, StudentStats>(options, async (ids) => {
      const stats = await options.cache.many<number, StudentStats>(
        'stats',
        ids,
        statsKey,
        (missing) => Promise.all(missing.map(async (id) => computeStats(await loadStudentWork(base, await base.student.load(id))))),
      );
      return stats.map((s, i) => s ?? new Error(`stats for student ${ids[i]} could not be computed`));
    }),
  };
}

export type StatsLoaders = ReturnType<typeof createStatsLoaders>;

declare module '../context.js' {
  interface Loaders extends ProgressLoaders, StatsLoaders {}
}
