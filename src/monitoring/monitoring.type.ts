import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Health } from './health.type.js';

export enum AlertSeverity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}
registerEnumType(AlertSeverity, { name: 'AlertSeverity', description: 'How urgent an alert is.' });

@ObjectType({ description: 'GraphQL requests over a window of time, as this instance served them.' })
export class RequestStats {
  @Field(() => Int, { description: 'The window, in seconds (whole 10 s buckets).' })
  windowSeconds!: number;

  @Field(() => Int, { description: 'Requests served in the window.' })
  count!: number;

  @Field(() => Float, { description: 'Share of requests that failed on the server (internal error, database unavailable, HTTP 5xx), 0 to 1.' })
  errorRate!: number;

  @Field(() => Float, { description: "Share of requests refused as the client's fault (bad input, unauthenticated, forbidden, rate limited...), 0 to 1." })
  clientErrorRate!: number;

  @Field(() => Float, { description: 'Mean duration, ms, from the request arriving to the response sent.' })
  avgMs!: number;

  @Field(() => Float, { description: 'Median duration, ms.' })
  p50Ms!: number;

  @Field(() => Float, { description: '95th percentile duration, ms.' })
  p95Ms!: number;

  @Field(() => Float, { description: '99th percentile duration, ms.' })
  p99Ms!: number;

  @Field(() => Float, { description: 'Longest request, ms.' })
  maxMs!: number;

  @Field(() => Float, { description: 'Requests per second over the window (or since start, if shorter).' })
  perSecond!: number;

  @Field(() => Float, { description: 'Mean SQL statements sent per request (queries; BEGIN and COMMIT are not counted).' })
  sqlPerRequest!: number;

  @Field(() => Float, { description: 'Cache hits over cache lookups made by these requests, 0 to 1 (0 with no lookup).' })
  cacheHitRate!: number;
}

@ObjectType({ description: 'One GraphQL operation (by name, or a stable hash for anonymous ones) over a window.' })
export class OperationStats extends RequestStats {
  @Field(() => String, { description: 'The operation name, or "anonymous:<hash of the document>".' })
  name!: string;
}

@ObjectType({ description: 'This process: memory, CPU, event loop.' })
export class SystemStats {
  @Field(() => Float, { description: 'Resident memory of this process, bytes.' })
  rssBytes!: number;

  @Field(() => Float, { description: 'V8 heap in use, bytes.' })
  heapUsedBytes!: number;

  @Field(() => Float, { description: 'V8 heap reserved, bytes.' })
  heapTotalBytes!: number;

  @Field(() => Float, { description: 'The memory limit that applies to this process (its container limit, or the machine), bytes.' })
  memoryLimitBytes!: number;

  @Field(() => String, { description: 'Where the limit comes from: cgroup or machine.' })
  memoryLimitSource!: string;

  @Field(() => Float, { description: 'Used memory against the limit that applies to this process (container limit, or machine).' })
  memoryUsedRatio!: number;

  @Field(() => Float, { description: 'CPU used by this process over the last sampling interval, in % of one core.' })
  cpuPercent!: number;

  @Field(() => Float, { description: 'Event-loop delay p99 over the last sampling interval, ms.' })
  eventLoopLagP99Ms!: number;

  @Field(() => Float, { description: 'Event-loop delay max over the last sampling interval, ms.' })
  eventLoopLagMaxMs!: number;

  @Field(() => Float, { description: 'Seconds since this process started serving.' })
  uptimeSeconds!: number;
}

@ObjectType({ description: 'One cache namespace, since this process started.' })
export class CacheNamespaceStats {
  @Field(() => String, { description: 'The namespace.' })
  namespace!: string;

  @Field(() => Int, { description: 'Values found in memory or Redis.' })
  hits!: number;

  @Field(() => Int, { description: 'Values the database had to provide.' })
  misses!: number;

  @Field(() => Float, { description: 'hits / (hits + misses), 0 to 1.' })
  hitRate!: number;

  @Field(() => Int, { description: 'How long an entry lives.' })
  ttlSeconds!: number;

  @Field(() => Int, { description: 'Hits answered by this instance\'s memory layer.' })
  memoryHits!: number;

  @Field(() => Int, { description: 'Hits answered by Redis.' })
  redisHits!: number;

  @Field(() => Int, { description: 'Values written.' })
  sets!: number;
}

@ObjectType({ description: 'The shared cache, since this process started.' })
export class CacheStats {
  @Field(() => String, { description: 'redis or memory: the store that answers now.' })
  backend!: string;

  @Field(() => Boolean, { description: 'False when the cache is switched off (CACHE=off).' })
  enabled!: boolean;

  @Field(() => Int, { description: 'Values found in the cache.' })
  hits!: number;

  @Field(() => Int, { description: 'Values the database had to provide.' })
  misses!: number;

  @Field(() => Float, { description: 'hits / (hits + misses), 0 to 1.' })
  hitRate!: number;

  @Field(() => Int, { description: 'Values written.' })
  sets!: number;

  @Field(() => Int, { description: 'Values deleted by clearCache.' })
  deletes!: number;

  @Field(() => Int, { description: 'Redis commands that failed or timed out.' })
  errors!: number;

  @Field(() => Int, {
    description: 'Of the errors, Redis commands that passed CACHE_REDIS_TIMEOUT_MS: each cost its request the cache (read from the database), and Redis was not taken for unreachable unless its probe also went unanswered.',
  })
  timeouts!: number;

  @Field(() => Int, { description: 'Times Redis became unreachable.' })
  outages!: number;

  @Field(() => Date, { nullable: true, description: 'Since when Redis has been unreachable (null when it answers, or is not used).' })
  degradedSince!: Date | null;

  @Field(() => Int, { description: "Entries in this instance's memory layer." })
  entries!: number;

  @Field(() => Float, { description: "Estimated bytes in this instance's memory layer." })
  bytes!: number;

  @Field(() => [CacheNamespaceStats], { description: 'Per namespace.' })
  namespaces!: CacheNamespaceStats[];
}

@ObjectType({ description: 'A statement slower than the threshold.' })
export class SlowQuery {
  @Field(() => String, { description: 'The query name given by its repository (or the start of its SQL).' })
  name!: string;

  @Field(() => Float, { description: 'How long it took, ms.' })
  durationMs!: number;

  @Field(() => Date, { description: 'When it finished.' })
  at!: Date;

  @Field(() => Boolean, { description: 'Whether it failed (e.g. cancelled by the statement timeout).' })
  failed!: boolean;
}

@ObjectType({ description: 'The database connection pool and statements, since this process started.' })
export class DatabaseStats {
  @Field(() => String, { description: 'postgres or pglite.' })
  engine!: string;

  @Field(() => Int, { description: 'Connections open now.' })
  poolSize!: number;

  @Field(() => Int, { description: 'The most connections the pool may open.' })
  poolMax!: number;

  @Field(() => Int, { description: 'Open connections not in use.' })
  idle!: number;

  @Field(() => Int, { description: 'Requests waiting for a connection.' })
  waiting!: number;

  @Field(() => Int, { description: 'Statements sent.' })
  queries!: number;

  @Field(() => Int, { description: 'Statements that failed.' })
  failedQueries!: number;

  @Field(() => Int, { description: 'Statements slower than slowQueryThresholdMs.' })
  slowQueries!: number;

  @Field(() => Float, { description: 'The threshold, ms (SLOW_QUERY_MS).' })
  slowQueryThresholdMs!: number;

  @Field(() => [SlowQuery], { description: 'The most recent slow statements, newest first (at most 50).' })
  recentSlowQueries!: SlowQuery[];
}

@ObjectType({ description: 'A condition that holds now.' })
export class Alert {
  @Field(() => String, { description: 'memory, latency_p95, error_rate or cache_hit_rate.' })
  name!: string;

  @Field(() => AlertSeverity, { description: 'How urgent it is.' })
  severity!: AlertSeverity;

  @Field(() => String, { description: 'What holds, in words.' })
  message!: string;

  @Field(() => Float, { description: 'The measured value.' })
  value!: number;

  @Field(() => Float, { description: 'The threshold it crossed.' })
  threshold!: number;

  @Field(() => Date, { description: 'Since when it has held.' })
  since!: Date;
}

/** The root of everything an operator sees; each part is resolved only when asked for. */
@ObjectType({ description: 'ADMIN. Everything an operator needs to see how the server is doing.' })
export class Monitoring {
  health?: Health;
}
