import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Difficulty, ExerciseType, Level, Period, Subject } from '../common/enums.js';
import { JSONScalar } from '../common/scalars.js';

@ObjectType({ description: 'A unit of the curriculum: one level, one subject, one period.', simpleResolvers: true })
export class Module {
  @Field(() => ID, { description: 'The module id.' })
  id!: number;

  @Field(() => String, { description: 'The module title, as the child sees it.' })
  title!: string;

  @Field(() => String, { description: 'What the module is about, for the child and the teacher.' })
  description!: string;

  @Field(() => Level, { description: 'The school level the module is for.' })
  level!: Level;

  @Field(() => Subject, { description: 'The subject of the module.' })
  subject!: Subject;

  @Field(() => Period, { description: 'The period of the school year the module belongs to.' })
  period!: Period;

  @Field(() => Int, { description: 'Position of the module within its level, subject and period.' })
  order!: number;

  active!: boolean;
}

@ObjectType({ description: 'An exercise a child can answer. Graded on the server.', simpleResolvers: true })
export class Exercise {
  @Field(() => ID, { description: 'The exercise id.' })
  id!: number;

  moduleId!: number;

  @Field(() => String, { description: 'A short title.' })
  title!: string;

  @Field(() => String, { description: 'What the child is asked to do.' })
  instructions!: string;

  @Field(() => ExerciseType, { description: 'How the exercise is answered, and so the shape of content and answer.' })
  type!: ExerciseType;

  @Field(() => Difficulty, { description: 'Discovery, consolidation or mastery.' })
  difficulty!: Difficulty;

  @Field(() => Int, { description: 'Points paid once, on the first right answer.' })
  points!: number;

  @Field(() => Int, { description: 'About how long a child takes, in minutes.' })
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
  /** Read with the exercise (same rows, same cache version): no loader, no promise. */
  @Field(() => Module, { description: 'The module the exercise belongs to.' })
  module!: Module;
}
