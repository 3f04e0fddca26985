import { Arg, Ctx, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.js';
import { Level, Subject } from '../common/enums.js';
import { JSONScalar } from '../common/scalars.js';
import type { Context } from '../context.js';
import { Exercise, Module } from './exercise.type.js';

@Resolver(() => Module)
export class ModuleResolver {
  @Query(() => [Module], { description: 'The curriculum: modules with their exercises (the exercise hierarchy). Active ones only.' })
  modules(
    @Arg('level', () => Level, { nullable: true }) level: Level | null,
    @Arg('subject', () => Subject, { nullable: true }) subject: Subject | null,
    @Ctx() ctx: Context,
  ): Promise<Module[]> {
    return ctx.services.exercises.modules(ctx, { level: level ?? null, subject: subject ?? null });
  }

  @FieldResolver(() => [Exercise], { description: 'The active exercises of the module, in order.' })
  exercises(@Parent() module: Module, @Ctx() ctx: Context): Promise<Exercise[]> {
    return ctx.services.exercises.moduleExercises(ctx, module);
  }
}

@Resolver(() => Exercise)
export class ExerciseResolver {
  @Query(() => Exercise, { nullable: true, description: 'An exercise by id (null if there is none).' })
  exercise(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Exercise | null> {
    return ctx.services.exercises.byId(ctx, id);
  }

  @FieldResolver(() => JSONScalar, { nullable: true, description: 'ADMIN. The expected answer.' })
  solution(@Parent() exercise: Exercise, @Ctx() ctx: Context): unknown {
    return ctx.services.exercises.solution(ctx, exercise);
  }
}
