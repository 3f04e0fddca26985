import { Arg, Args, Ctx, FieldResolver, Float, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.js';
import type { Context } from '../context.js';
import { Exercise } from '../exercises/exercise.type.js';
import { ProgressArgs } from '../students/student.input.js';
import { Student, StudentStats } from '../students/student.type.js';
import { AttemptInput } from './attempt.input.js';
import { AttemptResult, Progress, ProgressConnection, successRate } from './progress.type.js';

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

/** A student's progress and the summary of it: Student's fields this domain answers. */
@Resolver(() => Student)
export class StudentProgressResolver {
  @FieldResolver(() => ProgressConnection, { description: "The student's progress per exercise, most recently attempted first." })
  progress(@Parent() student: Student, @Args(() => ProgressArgs) args: ProgressArgs, @Ctx() ctx: Context): Promise<ProgressConnection> {
    return ctx.services.progress.list(ctx, student, { ...args, first: args.first ?? 20 });
  }

  @FieldResolver(() => StudentStats, { description: "A summary of the student's work, overall and per subject." })
  stats(@Parent() student: Student, @Ctx() ctx: Context): Promise<StudentStats> {
    return ctx.services.progress.stats(ctx, student);
  }
}
