import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context.js';

@Resolver()
export class CacheResolver {
  @Mutation(() => Int, { description: 'ADMIN. Empties one cache namespace, or all of them; returns how many entries went.' })
  clearCache(@Arg('namespace', () => String, { nullable: true }) namespace: string | null, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.cache.clear(ctx, namespace);
  }
}
