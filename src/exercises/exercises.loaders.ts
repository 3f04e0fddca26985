import type { Level } from '../common/enums.js';
import { groupByKeys, loader, orderByKeys, type LoaderOptions } from '../common/loaders.js';
import type { Exercise, Module } from './exercise.type.js';
import type { ExercisesRepository } from './exercises.repository.js';

export function createExerciseLoaders(repo: ExercisesRepository, options: LoaderOptions) {
  return {
    exercise: loader<number, Exercise>(options, async (ids) => orderByKeys(ids, await repo.exercisesByIds(ids), (e) => e.id, 'Exercise')),
    module: loader<number, Module>(options, async (ids) => orderByKeys(ids, await repo.modulesByIds(ids), (m) => m.id, 'Module')),
    exercisesByModule: loader<number, Exercise[]>(options, async (ids) => groupByKeys(ids, await repo.exercisesByModuleIds(ids), (e) => e.moduleId)),
    /** The active curriculum of a level, in curriculum order. */
    curriculum: loader<Level, Exercise[]>(options, async (levels) => groupByKeys(levels, await repo.curriculumForLevels(levels), (e) => e.level)),
  };
}
export type ExerciseLoaders = ReturnType<typeof createExerciseLoaders>;
