import { Arg, Ctx, FieldResolver, Float, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.js';
import type { Context } from '../context.js';
import { Exercise } from '../exercises/exercise.type.js';
import { AttemptInput } from './attempt.input.js';
import { AttemptResult, Progress, successRate } from './progress.type.js';

@Resolver(() => Progress)
export class ProgressResolver {
  @FieldResolver(() => Exercise, { description: 'The exercise this progress is about.' })
  exercise(@Parent() progress: Progress, @Ctx() ctx: Context): Exercise | Promise<Exercise> {
    return ctx.services.progress.exercise(ctx, progress);
  }

  @FieldResolver(() => Float, { description: 'successes / attempts, 0 to 1.' })
  successRate(@Parent() progress: Progress): number {
    return successRate(progress);
  }
}

@Resolver(() => AttemptResult)
export class AttemptResolver {
  @Mutation(() => AttemptResult, { description: 'Grades the answer on the server, records the attempt and updates progress, points, streak.' })
  submitAttempt(@Arg('input', () => AttemptInput) input: AttemptInput, @Ctx() ctx: Context): Promise<AttemptResult> {
    return ctx.services.attempts.submit(ctx, input);
  }
}
