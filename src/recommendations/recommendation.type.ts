import { Field, ObjectType } from 'type-graphql';
import { RecommendationReason } from '../common/enums.js';

@ObjectType({ description: 'An exercise worth doing next, and why.', simpleResolvers: true })
export class Recommendation {
  exerciseId!: number;

  @Field(() => RecommendationReason, { description: 'Why this exercise is recommended.' })
  reason!: RecommendationReason;
}
