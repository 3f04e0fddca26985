import { requireAdmin, requireSignedIn } from '../viewer.js';
import type { Level, Subject } from '../common/enums.js';
import { parseId } from '../common/pagination.js';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { Exercise, Module } from './exercise.type.js';

export class ExercisesService {
  /** The active curriculum, for any signed-in user. */
  async modules(ctx: Context, filter: { level: Level | null; subject: Subject | null }): Promise<Module[]> {
    requireSignedIn(ctx.viewer);
    const modules = await ctx.loaders.modules.load(filter);
    for (const m of modules) ctx.loaders.module.prime(m.id, m);
    return modules;
  }

  moduleExercises(ctx: Context, module: Module): Promise<Exercise[]> {
    return ctx.loaders.exercisesByModule.load(module.id);
  }

  /** An exercise by id; a retired exercise is visible to admins only. */
  async byId(ctx: Context, rawId: string): Promise<Exercise | null> {
    const id = parseId(rawId, 'id');
    const viewer = requireSignedIn(ctx.viewer);
    const exercise = await this.load(ctx, id);
    if (!exercise || (!exercise.active && viewer.role !== 'ADMIN')) return null;
    return exercise;
  }

  /** Active or retired; undefined when there is none. */
  async load(ctx: Context, id: number): Promise<Exercise | undefined> {
    try {
      return await ctx.loaders.exercise.load(id);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** The expected answer: ADMIN only, FORBIDDEN to a student whatever path reached the exercise. */
  solution(ctx: Context, exercise: Exercise): unknown {
    requireAdmin(ctx.viewer);
    return exercise.solution;
  }
}

declare module '../context.js' {
  interface Services {
    exercises: ExercisesService;
  }
}
