import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { ChangePasswordArgs } from './auth.input.js';
import { AuthPayload } from './auth.type.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Signs in a student or an admin; returns a token for the Authorization header.' })
  login(@Arg('username', () => String) username: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return ctx.services.auth.login(ctx, username, password);
  }

  @Mutation(() => Boolean, { description: 'Signs out everywhere: every token issued to this account so far stops working.' })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.auth.logout(ctx);
  }

  @Mutation(() => AuthPayload, { description: "Replaces the signed-in account's password; every token issued so far stops working, and a fresh one is returned." })
  changePassword(@Args(() => ChangePasswordArgs) args: ChangePasswordArgs, @Ctx() ctx: Context): Promise<AuthPayload> {
    return ctx.services.auth.changePassword(ctx, args.currentPassword, args.newPassword);
  }
}
