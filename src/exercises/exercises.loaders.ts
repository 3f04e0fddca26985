import { scope } from '../cache/namespaces.js';
import type { Level, Subject } from '../common/enums.js';
import type { RequestCache } from '../cache/request-cache.js';
import { loader, type Batching } from '../common/loaders.js';
import { indexById } from './exercise-index.js';
import type { Exercise, Module } from './exercise.type.js';
import type { ExercisesRepository } from './exercises.repository.js';

export interface ModulesFilter {
  level: Level | null;
  subject: Subject | null;
}

/** The exercise hierarchy, read through the `curriculum` namespace (one version for all of it). */
export function createExerciseLoaders(repo: () => ExercisesRepository, options: Batching & { cache: RequestCache }) {
  const curriculum = () => [scope.curriculum];
  // Request scope: the exercises of the levels this request already loaded, so that looking one
  // up by id afterwards (Progress.exercise, Recommendation.exercise) costs a Map lookup.
  const known: ReadonlyMap<number, Exercise>[] = [];
  const lookup = (id: number) => {
    for (const index of known) {
      const e = index.get(id);
      if (e) return e;
    }
    return undefined;
  };
  const exercisesByLevel = loader<Level, Exercise[]>(options, async (levels) => {
    const lists = await options.cache.groups(
      'curriculum',
      levels,
      { id: (l) => `level:${l}`, scopes: curriculum },
      async (missing) => {
        const rows = await repo().curriculumForLevels(missing);
        // Each exercise of the level also under its own key: lookups by id then hit too.
        await options.cache.put('curriculum', rows.map((e) => ({ id: `exercise:${e.id}`, scopes: curriculum(), value: e })));
        return rows;
      },
      (e) => e.level,
    );
    for (const list of lists) known.push(indexById(list));
    return lists;
  });
  const exercise = loader<number, Exercise>(options, async (ids) => {
    const missing = ids.filter((id) => !lookup(id));
    const found = missing.length === 0 ? [] : await options.cache.rows('curriculum', missing, { id: (id) => `exercise:${id}`, scopes: curriculum }, (m) => repo().exercisesByIds(m), (e) => e.id, 'Exercise');
    const byId = new Map(missing.map((id, i) => [id, found[i]!]));
    return ids.map((id) => lookup(id) ?? byId.get(id)!);
  });
  return {
    exercise,
    /**
     * An exercise by id: at once when it is of a level this request has already loaded (a field that
     * answers without a promise spares GraphQL a promise for it and for its parents), else loaded.
     */
    exerciseNow: (id: number): Exercise | Promise<Exercise> => lookup(id) ?? exercise.load(id),
    module: loader<number, Module>(options, (ids) =>
      options.cache.rows('curriculum', ids, { id: (id) => `module:${id}`, scopes: curriculum }, (missing) => repo().modulesByIds(missing), (m) => m.id, 'Module'),
    ),
    exercisesByModule: loader<number, Exercise[]>(options, (ids) =>
      options.cache.groups('curriculum', ids, { id: (id) => `moduleExercises:${id}`, scopes: curriculum }, (missing) => repo().exercisesByModuleIds(missing), (e) => e.moduleId),
    ),
    /** The active curriculum of a level, in curriculum order. */
    curriculum: exercisesByLevel,
    /** Active modules, optionally of one level and subject. */
    modules: loader<ModulesFilter, Module[], string>(
      options,
      async (filters) =>
        (await options.cache.many<ModulesFilter, Module[]>(
          'curriculum',
          filters,
          { id: (f) => `modules:${f.level ?? '*'}:${f.subject ?? '*'}`, scopes: curriculum },
          (missing) => Promise.all(missing.map((f) => repo().activeModules(f))),
        )).map((m) => m ?? []),
      (f) => `${f.level}:${f.subject}`,
    ),
  };
}
export type ExerciseLoaders = ReturnType<typeof createExerciseLoaders>;

declare module '../context.js' {
  interface Loaders extends ExerciseLoaders {}
}
