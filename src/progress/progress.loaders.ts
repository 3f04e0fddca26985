import { groupByKeys, loader, type LoaderOptions } from '../common/loaders.js';
import type { Progress } from './progress.type.js';
import type { ProgressRepository } from './progress.repository.js';

export function createProgressLoaders(repo: ProgressRepository, options: LoaderOptions) {
  return {
    /** Every progress row of a student (one per exercise tried). */
    progressByStudent: loader<number, Progress[]>(options, async (ids) => groupByKeys(ids, await repo.byStudentIds(ids), (p) => p.studentId)),
  };
}
export type ProgressLoaders = ReturnType<typeof createProgressLoaders>;
