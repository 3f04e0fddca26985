import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AuthPayload } from '../auth/auth.type.js';
import { Parent } from '../common/parent.js';
import type { Context } from '../context.js';
import { Student, StudentConnection } from '../students/student.type.js';
import { NewClassroomInput, NewStudentInput, NewTeacherInput } from './school.input.js';
import { Assignment, Classroom, ClassroomConnection, ClassOverview, LoginCard, NewAccount, SignInRoster, Teacher, ViewerInfo } from './school.type.js';
import { Level, Period, Subject } from '../common/enums.js';
import { Module } from '../exercises/exercise.type.js';

@Resolver(() => Classroom)
export class ClassroomResolver {
  @Query(() => ViewerInfo, { description: 'Who is signed in. UNAUTHENTICATED without a token.' })
  viewer(@Ctx() ctx: Context): Promise<ViewerInfo> {
    return ctx.services.schools.viewer(ctx);
  }

  @Query(() => ClassroomConnection, { description: 'TEACHER: its own classes; ADMIN: every class. Newest first.' })
  classrooms(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ClassroomConnection> {
    return ctx.services.schools.classrooms(ctx, { first: first ?? 50, after: after ?? null });
  }

  @Query(() => Classroom, { nullable: true, description: 'TEACHER of the class, or ADMIN.' })
  classroom(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Classroom | null> {
    return ctx.services.schools.classroom(ctx, id);
  }

  @Query(() => SignInRoster, {
    nullable: true,
    description: "Needs no token. What a child's sign-in screen shows for a class code: the class's name and its children's first names and avatars, nothing more. Null for an unknown code.",
  })
  signInRoster(@Arg('classCode', () => String) classCode: string, @Ctx() ctx: Context): Promise<SignInRoster | null> {
    return ctx.services.schools.signInRoster(ctx, classCode);
  }

  @Mutation(() => NewAccount, { description: 'ADMIN. Creates a teacher account; its temporary password is returned once.' })
  createTeacher(@Arg('input', () => NewTeacherInput) input: NewTeacherInput, @Ctx() ctx: Context): Promise<NewAccount> {
    return ctx.services.schools.createTeacher(ctx, input);
  }

  @Mutation(() => Classroom, { description: 'TEACHER (its own class) or ADMIN (naming teacherId). Creates a class with a fresh class code.' })
  createClassroom(@Arg('input', () => NewClassroomInput) input: NewClassroomInput, @Ctx() ctx: Context): Promise<Classroom> {
    return ctx.services.schools.createClassroom(ctx, input);
  }

  @Mutation(() => [LoginCard], { description: "TEACHER of the class, or ADMIN. Creates the children's accounts in the class and returns their login cards (shown once). All or nothing." })
  enrollStudents(
    @Arg('classroomId', () => ID) classroomId: string,
    @Arg('students', () => [NewStudentInput]) students: NewStudentInput[],
    @Ctx() ctx: Context,
  ): Promise<LoginCard[]> {
    return ctx.services.schools.enrol(ctx, classroomId, students);
  }

  @Mutation(() => LoginCard, {
    description: "TEACHER of the child's class, or ADMIN. A new picture sequence for the child: the old one and every token of the child stop working, and a lockout is lifted.",
  })
  resetLoginCard(@Arg('studentId', () => ID) studentId: string, @Ctx() ctx: Context): Promise<LoginCard> {
    return ctx.services.schools.resetLoginCard(ctx, studentId);
  }

  @Mutation(() => AuthPayload, {
    description: 'Needs no token. A child signs in: class code, its own id from the roster, and its pictures in order. Wrong sequences count toward a lockout of that child, as passwords do.',
  })
  loginWithPictures(
    @Arg('classCode', () => String) classCode: string,
    @Arg('studentId', () => ID) studentId: string,
    @Arg('pictures', () => [Int]) pictures: number[],
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return ctx.services.auth.loginWithPictures(ctx, classCode, studentId, pictures);
  }

  @FieldResolver(() => String, { description: 'TEACHER of the class, or ADMIN: what children type (or scan) on the sign-in screen.' })
  classCode(@Parent() classroom: Classroom, @Ctx() ctx: Context): Promise<string> {
    return ctx.services.schools.classCode(ctx, classroom);
  }

  @FieldResolver(() => [Assignment], { description: 'The modules assigned to the class, earliest due first: its teacher, an ADMIN, or a child of the class.' })
  assignments(@Parent() classroom: Classroom, @Ctx() ctx: Context): Promise<Assignment[]> {
    return ctx.services.schools.assignments(ctx, classroom);
  }

  @Mutation(() => [Assignment], { description: "TEACHER of the class, or ADMIN. Modules assigned to the class, optionally due by a date; its children's recommendations rank them first." })
  assignModules(
    @Arg('classroomId', () => ID) classroomId: string,
    @Arg('moduleIds', () => [ID]) moduleIds: string[],
    @Arg('dueAt', () => Date, { nullable: true }) dueAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<Assignment[]> {
    return ctx.services.schools.assignModules(ctx, classroomId, moduleIds, dueAt ?? null);
  }

  @FieldResolver(() => ClassOverview, { description: 'The class at a glance: one row per child, one cell per module of the level (and subject, period) asked.' })
  overview(
    @Parent() classroom: Classroom,
    @Arg('level', () => Level, { nullable: true }) level: Level | null,
    @Arg('subject', () => Subject, { nullable: true }) subject: Subject | null,
    @Arg('period', () => Period, { nullable: true }) period: Period | null,
    @Ctx() ctx: Context,
  ): Promise<ClassOverview> {
    return ctx.services.schools.overview(ctx, classroom, { level: level ?? null, subject: subject ?? null, period: period ?? null });
  }

  @FieldResolver(() => Teacher, { description: 'The teacher the class belongs to.' })
  teacher(@Parent() classroom: Classroom, @Ctx() ctx: Context): Promise<Teacher> {
    return ctx.services.schools.teacherOf(ctx, classroom);
  }

  @FieldResolver(() => StudentConnection, { description: 'TEACHER of the class, or ADMIN: the children of the class, in enrolment order.' })
  students(
    @Parent() classroom: Classroom,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<StudentConnection> {
    return ctx.services.schools.students(ctx, classroom, { first: first ?? 50, after: after ?? null });
  }
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => Module, { description: 'The module assigned.' })
  module(@Parent() assignment: Assignment, @Ctx() ctx: Context): Promise<Module> {
    return ctx.loaders.module.load(assignment.moduleId);
  }

  @FieldResolver(() => Int, { description: 'Children of the class who completed every exercise of the module: TEACHER of the class, or ADMIN.' })
  completedBy(@Parent() assignment: Assignment, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.schools.completedBy(ctx, assignment);
  }
}

@Resolver(() => Teacher)
export class TeacherResolver {
  @FieldResolver(() => [Classroom], { description: "The teacher's classes, newest first: the teacher itself, or ADMIN." })
  classrooms(@Parent() teacher: Teacher, @Ctx() ctx: Context): Promise<Classroom[]> {
    return ctx.services.schools.classroomsOf(ctx, teacher);
  }
}

@Resolver(() => Student)
export class StudentClassroomResolver {
  @FieldResolver(() => Classroom, { nullable: true, description: "The child's class, if any: the child itself, TEACHER of the class, or ADMIN." })
  classroom(@Parent() student: Student, @Ctx() ctx: Context): Promise<Classroom | null> {
    return ctx.services.schools.classroomOf(ctx, student);
  }
}

@Resolver(() => AuthPayload)
export class AuthPayloadTeacherResolver {
  @FieldResolver(() => Teacher, { nullable: true, description: 'The signed-in teacher.' })
  teacher(@Parent() payload: AuthPayload, @Ctx() ctx: Context): Promise<Teacher> | null {
    return payload.teacherId === null ? null : ctx.loaders.teacher.load(payload.teacherId);
  }
}
