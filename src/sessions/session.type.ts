import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EpochMs } from '../common/time.js';

@ObjectType({ description: 'A stretch of work: opened by startSession, closed by endSession (or by the next startSession once idle).' })
export class LearningSession {
  @Field(() => ID, { description: 'The session id.' })
  id!: number;

  studentId!: number;

  @Field(() => Date, { description: 'When the session was opened.' })
  startedAt!: EpochMs;

  @Field(() => Date, { nullable: true, description: 'Null while the session is open.' })
  endedAt!: EpochMs | null;

  lastActivityAt!: EpochMs;

  @Field(() => Int, { description: 'Attempts recorded in the session.' })
  attempted!: number;

  @Field(() => Int, { description: 'Right answers among them.' })
  succeeded!: number;

  @Field(() => Int, { description: 'Points earned in the session.' })
  pointsEarned!: number;
}
