import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.js';
import type { Context } from '../context.js';
import { SessionsArgs } from '../students/student.input.js';
import { Student } from '../students/student.type.js';
import { LearningSession } from './session.type.js';

@Resolver(() => LearningSession)
export class SessionResolver {
  @Mutation(() => LearningSession, { description: 'Opens a learning session for the signed-in student (closes a stale open one).' })
  startSession(@Ctx() ctx: Context): Promise<LearningSession> {
    return ctx.services.sessions.start(ctx);
  }

  @Mutation(() => LearningSession, { description: 'Closes the session; its figures are computed on the server from its attempts.' })
  endSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<LearningSession> {
    return ctx.services.sessions.end(ctx, id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Whole minutes from start to end; null while open.' })
  durationMinutes(@Parent() session: LearningSession, @Ctx() ctx: Context): number | null {
    return ctx.services.sessions.durationMinutes(session);
  }
}

@Resolver(() => Student)
export class StudentSessionsResolver {
  @FieldResolver(() => [LearningSession], { description: 'Sessions started in the last `days` days, newest first.' })
  sessions(@Parent() student: Student, @Args(() => SessionsArgs) args: SessionsArgs, @Ctx() ctx: Context): Promise<LearningSession[]> {
    return ctx.services.sessions.forStudent(ctx, student, args.days ?? 30);
  }
}
