import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Exercise } from '../exercises/exercise.type.js';
import { Recommendation } from './recommendation.type.js';

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @FieldResolver(() => Exercise, { description: 'The exercise to do.' })
  exercise(@Root() recommendation: Recommendation, @Ctx() ctx: Context): Exercise | Promise<Exercise> {
    return ctx.loaders.exerciseNow(recommendation.exerciseId);
  }
}
