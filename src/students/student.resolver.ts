import { Args, Arg, Ctx, FieldResolver, ID, Int, Query, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.js';
import type { Context } from '../context.js';
import { ProgressConnection } from '../progress/progress.type.js';
import { Recommendation } from '../recommendations/recommendation.type.js';
import { LearningSession } from '../sessions/session.type.js';
import { ProgressArgs, RecommendationsArgs, SessionsArgs, StudentsArgs } from './student.input.js';
import { Student, StudentConnection, StudentStats } from './student.type.js';

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

  @FieldResolver(() => [Recommendation], { description: 'Ranked next exercises for this student (1 to 20, default 5).' })
  recommendations(@Parent() student: Student, @Args(() => RecommendationsArgs) args: RecommendationsArgs, @Ctx() ctx: Context): Promise<Recommendation[]> {
    return ctx.services.recommendations.forStudent(ctx, student, args.limit ?? 5);
  }

  @FieldResolver(() => ProgressConnection, { description: "The student's progress per exercise, most recently attempted first." })
  progress(@Parent() student: Student, @Args(() => ProgressArgs) args: ProgressArgs, @Ctx() ctx: Context): Promise<ProgressConnection> {
    return ctx.services.progress.list(ctx, student, { ...args, first: args.first ?? 20 });
  }

  @FieldResolver(() => [LearningSession], { description: 'Sessions started in the last `days` days, newest first.' })
  sessions(@Parent() student: Student, @Args(() => SessionsArgs) args: SessionsArgs, @Ctx() ctx: Context): Promise<LearningSession[]> {
    return ctx.services.sessions.forStudent(ctx, student, args.days ?? 30);
  }

  @FieldResolver(() => StudentStats, { description: "A summary of the student's work, overall and per subject." })
  stats(@Parent() student: Student, @Ctx() ctx: Context): Promise<StudentStats> {
    return ctx.services.progress.stats(ctx, student);
  }
}
