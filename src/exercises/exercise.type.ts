import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Difficulty, ExerciseType, Level, Period, Subject } from '../common/enums.js';
import { JSONScalar } from '../common/scalars.js';

@ObjectType({ description: 'A unit of the curriculum: one level, one subject, one period.' })
export class Module {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'What the module is about, for the child and the teacher.' })
  description!: string;

  @Field(() => Level)
  level!: Level;

  @Field(() => Subject)
  subject!: Subject;

  @Field(() => Period)
  period!: Period;

  @Field(() => Int, { description: 'Position of the module within its level, subject and period.' })
  order!: number;

  active!: boolean;
}

@ObjectType({ description: 'An exercise a child can answer. Graded on the server.' })
export class Exercise {
  @Field(() => ID)
  id!: number;

  moduleId!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'What the child is asked to do.' })
  instructions!: string;

  @Field(() => ExerciseType)
  type!: ExerciseType;

  @Field(() => Difficulty)
  difficulty!: Difficulty;

  @Field(() => Int, { description: 'Points paid once, on the first right answer.' })
  points!: number;

  @Field(() => Int)
  estimatedMinutes!: number;

  @Field(() => JSONScalar, { description: 'What the child sees (question, choices...). Never holds the answer.' })
  content!: unknown;

  /** ADMIN only, through ExerciseResolver.solution: never a plain field. */
  solution!: unknown;

  @Field(() => Level, { description: "The level of the exercise's module." })
  level!: Level;

  @Field(() => Subject, { description: "The subject of the exercise's module." })
  subject!: Subject;

  period!: Period;
  moduleOrder!: number;
  order!: number;
  active!: boolean;
}
