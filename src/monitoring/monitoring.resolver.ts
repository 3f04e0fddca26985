import { Arg, Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Health } from './health.type.js';
import { Alert, CacheStats, DatabaseStats, Monitoring, OperationStats, RequestStats, SystemStats } from './monitoring.type.js';

@Resolver(() => Monitoring)
export class MonitoringResolver {
  @Query(() => Monitoring, { description: 'ADMIN. Everything an operator needs to see how the server is doing.' })
  monitoring(@Ctx() ctx: Context): object {
    return ctx.services.monitoring.root(ctx);
  }

  @FieldResolver(() => Health, { description: 'The same probes as Query.health.' })
  health(@Ctx() ctx: Context) {
    return ctx.services.monitoring.health();
  }

  @FieldResolver(() => RequestStats, { description: 'Request figures over the last `windowSeconds` (default 300).' })
  requests(@Arg('windowSeconds', () => Int, { nullable: true, defaultValue: 300 }) windowSeconds: number | null, @Ctx() ctx: Context) {
    return ctx.services.monitoring.requestStats(windowSeconds ?? 300);
  }

  @FieldResolver(() => [OperationStats], { description: 'Per GraphQL operation, slowest p95 first.' })
  operations(
    @Arg('windowSeconds', () => Int, { nullable: true, defaultValue: 300 }) windowSeconds: number | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 20 }) limit: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.monitoring.operationStats(windowSeconds ?? 300, limit ?? 20);
  }

  @FieldResolver(() => SystemStats, { description: 'This process: memory, CPU, event loop.' })
  system(@Ctx() ctx: Context) {
    return ctx.services.monitoring.systemStats();
  }

  @FieldResolver(() => CacheStats, { description: 'The shared cache.' })
  cache(@Ctx() ctx: Context) {
    return ctx.services.monitoring.cacheStats();
  }

  @FieldResolver(() => DatabaseStats, { description: 'The database pool and statements.' })
  database(@Ctx() ctx: Context) {
    return ctx.services.monitoring.databaseStats();
  }

  @FieldResolver(() => [Alert], { description: 'Alerts that hold now.' })
  alerts(@Ctx() ctx: Context) {
    return ctx.services.monitoring.evaluateAlerts();
  }
}
