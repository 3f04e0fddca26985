import { Args, Ctx, FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.js';
import type { Context } from '../context.js';
import { Exercise } from '../exercises/exercise.type.js';
import { RecommendationsArgs } from '../students/student.input.js';
import { Student } from '../students/student.type.js';
import { Recommendation } from './recommendation.type.js';

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @FieldResolver(() => Exercise, { description: 'The exercise to do.' })
  exercise(@Parent() recommendation: Recommendation, @Ctx() ctx: Context): Exercise | Promise<Exercise> {
    return ctx.loaders.exerciseNow(recommendation.exerciseId);
  }
}

@Resolver(() => Student)
export class StudentRecommendationsResolver {
  @FieldResolver(() => [Recommendation], { description: 'Ranked next exercises for this student (1 to 20, default 5).' })
  recommendations(@Parent() student: Student, @Args(() => RecommendationsArgs) args: RecommendationsArgs, @Ctx() ctx: Context): Promise<Recommendation[]> {
    return ctx.services.recommendations.forStudent(ctx, student, args.limit ?? 5);
  }
}
