import { Args, Arg, Ctx, FieldResolver, ID, Int, Query, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.js';
import type { Context } from '../context.js';
import { StudentsArgs } from './student.input.js';
import { Student, StudentConnection } from './student.type.js';

@Resolver(() => Student)
export class StudentResolver {
  @Query(() => Student, { nullable: true, description: 'The signed-in student (null for an admin).' })
  me(@Ctx() ctx: Context): Promise<Student | null> {
    return ctx.services.students.me(ctx);
  }

  @Query(() => Student, { nullable: true, description: 'A student by id: the student itself, or an ADMIN.' })
  student(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Student | null> {
    return ctx.services.students.byId(ctx, id);
  }

  @Query(() => StudentConnection, { description: 'ADMIN. Students, newest activity first, optionally of one level.' })
  students(@Args(() => StudentsArgs) args: StudentsArgs, @Ctx() ctx: Context): Promise<StudentConnection> {
    return ctx.services.students.list(ctx, { ...args, first: args.first ?? 50 });
  }

  @FieldResolver(() => Int, { description: 'Consecutive days (Europe/Paris) with at least one attempt, up to today or yesterday.' })
  streakDays(@Parent() student: Student, @Ctx() ctx: Context): number {
    return ctx.services.students.streakDays(student);
  }
}
