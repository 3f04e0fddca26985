import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Health } from './health.type.js';

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Liveness and readiness of the server and its dependencies. Needs no token.' })
  health(@Ctx() ctx: Context): Promise<Health> {
    return ctx.services.health.check();
  }
}
