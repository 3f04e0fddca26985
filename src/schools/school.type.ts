import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Level, Role } from '../common/enums.js';
import { PageInfo } from '../common/pagination.js';
import { Module } from '../exercises/exercise.type.js';
import { Student } from '../students/student.type.js';
import type { EpochMs } from '../common/time.js';

@ObjectType({ description: 'A teacher: runs its classes. Created by an ADMIN.', simpleResolvers: true })
export class Teacher {
  @Field(() => ID, { description: 'The teacher id.' })
  id!: number;

  @Field(() => String, { description: 'The login name.' })
  username!: string;

  @Field(() => String, { description: 'The name the children and parents know the teacher by.' })
  displayName!: string;

  mustChangePassword!: boolean;
  tokenVersion!: number;
  /** Its classes, newest first (cached with the account: what a teacher may read is decided from it). */
  classroomIds!: number[];
}

@ObjectType({ description: "A class: a teacher's group of children, with the code its children sign in with.", simpleResolvers: true })
export class Classroom {
  @Field(() => ID, { description: 'The class id.' })
  id!: number;

  @Field(() => String, { description: 'The name the teacher gave it, e.g. "CE1 B".' })
  name!: string;

  @Field(() => Level, { description: 'The level of the class (its children may be of others: a class can mix levels).' })
  level!: Level;

  /** Stored form (no separator); shown through Classroom.classCode, to the class's teacher and admins only. */
  code!: string;
  teacherId!: number;
  /** Its children, in enrolment order (cached with the class). */
  studentIds!: number[];
  /** Its assignments, earliest due first (cached with the class). */
  assignments!: Assignment[];
}

@ObjectType({ description: 'A module a teacher assigned to a class.', simpleResolvers: true })
export class Assignment {
  @Field(() => ID, { description: 'The assignment id.' })
  id!: number;

  classroomId!: number;
  moduleId!: number;

  @Field(() => Date, { description: 'When the module was assigned (first assigned: assigning it again only moves its due date).' })
  assignedAt!: EpochMs;

  @Field(() => Date, { nullable: true, description: 'When it is due, if the teacher said.' })
  dueAt!: EpochMs | null;
}

@ObjectType({ description: 'A class in a list.', simpleResolvers: true })
export class ClassroomEdge {
  @Field(() => Classroom, { description: 'The class.' })
  node!: Classroom;

  @Field(() => String, { description: 'Pass as `after` to continue after this class.' })
  cursor!: string;
}

@ObjectType({ description: 'A page of classes, newest first.', simpleResolvers: true })
export class ClassroomConnection {
  @Field(() => [ClassroomEdge], { description: 'The classes of this page.' })
  edges!: ClassroomEdge[];

  @Field(() => PageInfo, { description: 'Whether more pages follow, and from where.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many classes, over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'A child on the sign-in screen: first name and avatar, nothing more.', simpleResolvers: true })
export class RosterChild {
  @Field(() => ID, { description: 'The student id, sent back with the pictures.' })
  id!: number;

  @Field(() => String, { description: 'The first name.' })
  firstName!: string;

  @Field(() => String, { description: 'The picture the child recognises itself by.' })
  avatar!: string;
}

@ObjectType({ description: "What a child's sign-in screen shows for a class code.", simpleResolvers: true })
export class SignInRoster {
  @Field(() => String, { description: 'The name of the class.' })
  classroomName!: string;

  @Field(() => [RosterChild], { description: 'The children of the class, by first name.' })
  children!: RosterChild[];
}

@ObjectType({ description: "A child's login card: how it signs in. Shown once, when made.", simpleResolvers: true })
export class LoginCard {
  @Field(() => Student, { description: 'The child.' })
  student!: Student;

  @Field(() => String, { description: 'The class code the child types (or scans) first.' })
  classCode!: string;

  @Field(() => [Int], { description: "The picture sequence, in order (ids of the sign-in screen's pictures)." })
  pictures!: number[];
}

@ObjectType({ description: 'An account just created, with its temporary password.', simpleResolvers: true })
export class NewAccount {
  @Field(() => String, { description: 'The login name.' })
  username!: string;

  @Field(() => String, { description: 'Shown once; the account must change it at first sign-in.' })
  temporaryPassword!: string;
}

@ObjectType('Viewer', { description: 'Who is signed in.', simpleResolvers: true })
export class ViewerInfo {
  @Field(() => Role, { description: 'The role of the signed-in account.' })
  role!: Role;

  @Field(() => Student, { nullable: true, description: 'The signed-in child.' })
  student!: Student | null;

  @Field(() => Teacher, { nullable: true, description: 'The signed-in teacher.' })
  teacher!: Teacher | null;
}

@ObjectType({ description: "A child's results in one module.", simpleResolvers: true })
export class ModuleMastery {
  @Field(() => ID, { description: 'The module.' })
  moduleId!: number;

  @Field(() => Int, { description: 'Active exercises of the module.' })
  total!: number;

  @Field(() => Int, { description: 'Exercises of the module the child has tried.' })
  attempted!: number;

  @Field(() => Int, { description: 'Exercises completed or mastered.' })
  completed!: number;

  @Field(() => Int, { description: 'Exercises mastered.' })
  mastered!: number;

  @Field(() => Float, { description: 'successes / attempts over the module, 0 to 1.' })
  successRate!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The child's predicted recall (0 to 1) of what it has practised in this module, at the end of the school period the module belongs to (now, once that end has passed), from its spaced-repetition memory state; null before any attempt.",
  })
  recallAtPeriodEnd!: number | null;
}

@ObjectType({ description: 'One child in the class overview.', simpleResolvers: true })
export class ClassOverviewRow {
  @Field(() => Student, { description: 'The child.' })
  student!: Student;

  @Field(() => [ModuleMastery], { description: 'One cell per module, in the order of ClassOverview.modules.' })
  cells!: ModuleMastery[];
}

@ObjectType({ description: 'The class at a glance: its children against the modules asked for.', simpleResolvers: true })
export class ClassOverview {
  @Field(() => [Module], { description: 'The columns, in curriculum order.' })
  modules!: Module[];

  @Field(() => [ClassOverviewRow], { description: 'One row per child of the class, in enrolment order.' })
  rows!: ClassOverviewRow[];
}
