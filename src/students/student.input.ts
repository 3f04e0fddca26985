import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

// Arguments with a default are nullable in the contract (`limit: Int = 5`): an explicit null means
// the default, which the resolvers apply.
import { Level, ProgressStatus, Subject } from '../common/enums.js';

@ArgsType()
export class StudentsArgs {
  @Field(() => Level, { nullable: true, description: 'Only students of this level.' })
  level?: Level | null;

  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 100.' })
  @Min(1)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @Length(1, 200)
  after?: string | null;
}

@ArgsType()
export class RecommendationsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 5, description: 'How many, 1 to 20.' })
  @Min(1)
  @Max(20)
  limit?: number | null;
}

@ArgsType()
export class ProgressArgs {
  @Field(() => ProgressStatus, {
    nullable: true,
    description: "Only this status. NOT_STARTED lists the active exercises of the student's level not tried yet.",
  })
  status?: ProgressStatus | null;

  @Field(() => Subject, { nullable: true, description: 'Only exercises of this subject.' })
  subject?: Subject | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' })
  @Min(1)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @Length(1, 200)
  after?: string | null;
}

@ArgsType()
export class SessionsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 30, description: 'Sessions started in the last `days` days, 1 to 365.' })
  @Min(1)
  @Max(365)
  days?: number | null;
}
