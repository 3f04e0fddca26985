import { Field, Int, ObjectType } from 'type-graphql';
import { ProgressStatus } from '../common/enums.js';
import { PageInfo } from '../common/pagination.js';
import type { EpochMs } from '../common/time.js';
import type { Exercise } from '../exercises/exercise.type.js';
import { Student } from '../students/student.type.js';

/**
 * A student's standing on one exercise. Plain data (it travels through the shared cache):
 * derived fields such as successRate are computed by field resolvers, not getters.
 */
@ObjectType({ description: "A student's standing on one exercise.", simpleResolvers: true })
export class Progress {
  studentId = 0;
  exerciseId = 0;

  @Field(() => ProgressStatus, { description: 'Where the student stands on the exercise.' })
  status: ProgressStatus = ProgressStatus.NOT_STARTED;

  @Field(() => Int, { description: 'Attempts recorded (retries of one request count once).' })
  attempts = 0;

  @Field(() => Int, { description: 'Right answers among them.' })
  successes = 0;

  @Field(() => Int, { description: 'Points this exercise paid: its points once, or 0.' })
  pointsEarned = 0;

  @Field(() => Date, { nullable: true, description: 'When the exercise was last attempted.' })
  lastAttemptAt: EpochMs | null = null;

  @Field(() => Date, { nullable: true, description: 'When the exercise was first done right (it paid its points then).' })
  firstSuccessAt: EpochMs | null = null;

  @Field(() => Date, { nullable: true, description: 'When the exercise becomes MASTERED (null until then).' })
  masteredAt: EpochMs | null = null;

  @Field(() => Date, { nullable: true, description: 'When a review is due (spaced repetition); null before the first right answer.' })
  nextReviewAt: EpochMs | null = null;

  @Field(() => Int, { nullable: true, description: 'Days between the last review and the next one.' })
  reviewIntervalDays: number | null = null;

  /** The FSRS memory state, kept for the scheduler only. */
  reviewState: unknown = null;
}

@ObjectType({ description: 'A progress entry in a list.', simpleResolvers: true })
export class ProgressEdge {
  @Field(() => Progress, { description: 'The progress entry.' })
  node!: Progress;

  @Field(() => String, { description: 'Pass as `after` to continue after this entry.' })
  cursor!: string;
}

@ObjectType({ description: 'A page of progress entries, most recently attempted first.', simpleResolvers: true })
export class ProgressConnection {
  @Field(() => [ProgressEdge], { description: 'The entries of this page.' })
  edges!: ProgressEdge[];

  @Field(() => PageInfo, { description: 'Whether more pages follow, and from where.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many entries match, over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'What the server made of an answer.', simpleResolvers: true })
export class AttemptResult {
  @Field(() => Boolean, { description: 'Whether the answer was right, graded on the server.' })
  correct!: boolean;

  @Field(() => Int, { description: 'Points this attempt earned (only the first right answer to an exercise pays).' })
  pointsEarned!: number;

  @Field(() => Progress, { description: 'The progress on the exercise after this attempt.' })
  progress!: Progress;

  @Field(() => Student, { description: 'The student after this attempt (points, streak).' })
  student!: Student;

  /** Whether this response replays an earlier request with the same idempotencyKey. */
  replayed!: boolean;
}

/** successes / attempts, 0 before any attempt. */
export function successRate(p: { attempts: number; successes: number }): number {
  return p.attempts === 0 ? 0 : p.successes / p.attempts;
}

/**
 * What recommendations, stats and the progress list are computed from: the student's progress
 * rows, the active curriculum of its level, and every exercise either of them names. Built once
 * per request and student by the student read model.
 */
export interface StudentWork {
  progress: readonly Progress[];
  /** Active exercises of the student's level, in curriculum order. */
  curriculum: readonly Exercise[];
  /** Every exercise named by `progress` or `curriculum`. */
  exercises: ReadonlyMap<number, Exercise>;
}
