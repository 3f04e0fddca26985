import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Level, Subject } from '../common/enums.js';
import { PageInfo } from '../common/pagination.js';
import type { EpochMs } from '../common/time.js';

/**
 * A child. The class is also the domain model the services pass around: properties without
 * @Field (last name, streak bookkeeping, token version) never reach the schema.
 */
@ObjectType({ description: 'A child using the app. A student sees only itself; an ADMIN sees every student.', simpleResolvers: true })
export class Student {
  @Field(() => ID, { description: 'The student id.' })
  id!: number;

  @Field(() => String, { description: 'The login name.' })
  username!: string;

  @Field(() => String, { description: 'The first name, as the app greets the child.' })
  firstName!: string;

  lastName!: string;

  @Field(() => Level, { description: 'The school level the child is in.' })
  level!: Level;

  @Field(() => Int, { description: 'Points earned: each exercise pays its points once, on its first right answer.' })
  totalPoints!: number;

  /** Consecutive Europe/Paris days with an attempt, as of `streakLastDay` (see streakDaysOn). */
  streakCount!: number;
  streakLastDay!: string | null;

  @Field(() => Date, { nullable: true, description: 'Last login or attempt (reads do not count).' })
  lastActiveAt!: EpochMs | null;

  tokenVersion!: number;

  @Field(() => String, { description: 'A picture name the child recognises itself by on the sign-in screen.' })
  avatar!: string;

  /** The child's class (Student.classroom), null when it has none. */
  classroomId!: number | null;

  /**
   * The modules its class was assigned (Classroom.assignments), read with the profile so its
   * recommendations rank them first without another read. Null on a row a write returned without
   * them (record_attempt's): the read model completes it (StudentModel.written).
   */
  assignments!: readonly AssignedModule[] | null;
}

/** A module assigned to the child's class: what the child's recommendations need of an Assignment. */
export interface AssignedModule {
  moduleId: number;
  assignedAt: EpochMs;
  dueAt: EpochMs | null;
}

@ObjectType({ description: 'A student in a list.', simpleResolvers: true })
export class StudentEdge {
  @Field(() => Student, { description: 'The student.' })
  node!: Student;

  @Field(() => String, { description: 'Pass as `after` to continue after this student.' })
  cursor!: string;
}

@ObjectType({ description: 'A page of students, most recently active first.', simpleResolvers: true })
export class StudentConnection {
  @Field(() => [StudentEdge], { description: 'The students of this page.' })
  edges!: StudentEdge[];

  @Field(() => PageInfo, { description: 'Whether more pages follow, and from where.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many students match, over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: "A student's results in one subject, over the curriculum of the student's level.", simpleResolvers: true })
export class SubjectStats {
  @Field(() => Subject, { description: 'The subject.' })
  subject!: Subject;

  @Field(() => Int, { description: "Exercises of this subject at the student's level done right at least once." })
  completed!: number;

  @Field(() => Int, { description: "Active exercises of this subject at the student's level." })
  total!: number;

  @Field(() => Float, { description: 'Right answers / attempts in this subject (all levels), 0 to 1.' })
  successRate!: number;
}

@ObjectType({ description: "A summary of a student's work.", simpleResolvers: true })
export class StudentStats {
  @Field(() => Int, { description: 'Distinct exercises tried at least once.' })
  exercisesAttempted!: number;

  @Field(() => Int, { description: 'Distinct exercises done right at least once (COMPLETED or MASTERED).' })
  exercisesCompleted!: number;

  @Field(() => Int, { description: 'Distinct exercises MASTERED.' })
  exercisesMastered!: number;

  @Field(() => Float, { description: 'Right answers / attempts over all exercises, 0 to 1 (0 before any attempt).' })
  successRate!: number;

  @Field(() => [SubjectStats], { description: 'One entry per subject, in a fixed order.' })
  bySubject!: SubjectStats[];
}
