import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.js';
import type { Context } from '../context.js';
import { Exercise } from '../exercises/exercise.type.js';
import { Recommendation } from './recommendation.type.js';

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @FieldResolver(() => Exercise, { description: 'The exercise to do.' })
  exercise(@Parent() recommendation: Recommendation, @Ctx() ctx: Context): Exercise | Promise<Exercise> {
    return ctx.loaders.exerciseNow(recommendation.exerciseId);
  }
}
