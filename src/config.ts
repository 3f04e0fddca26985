import { z } from 'zod';

/**
 * The whole configuration, read once at the edge (src/main.ts) from the environment, validated
 * with every problem listed, then frozen. Tests build the same type with `testConfig()`.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));

const onOff = (fallback: 'on' | 'off') => bool.default(fallback === 'on');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('localhost'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Where the embedded PGlite database lives when DATABASE_URL is not set. */
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Every SQL statement is cancelled by PostgreSQL past this. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    /** How long a request waits for a free pooled connection before failing fast. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    MIGRATE_ON_START: onOff('on'),
    /** Seed the curriculum and demo accounts on start when the database holds no curriculum. */
    SEED_ON_START: bool.optional(),

    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    /** The shared cache; off sends every read to the database (before/after load comparisons). */
    CACHE: onOff('on'),
    /** Every Redis key this service writes starts with this (other data may share the Redis). */
    CACHE_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).default('reved'),
    /** No Redis command waits longer than this. */
    CACHE_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(250),
    CACHE_MEMORY_MAX_ENTRIES: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
    CACHE_MEMORY_MAX_MB: z.coerce.number().int().min(1).max(16_384).default(256),
    /** How often the curriculum is checked for changes (its cached copy is dropped when it moves). */
    CURRICULUM_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),

    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    /** Lifetime of a login token, in seconds. */
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(12 * 3600),

    /** Introspection and the Sandbox landing page (default: on outside production). */
    INTROSPECTION: bool.optional(),
    /** Before/after switch for load comparisons: off resolves every relation with its own query. */
    DATALOADERS: onOff('on'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** On SIGTERM: how long readiness says 503 before the listener closes (a load balancer's notice). */
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET is required when NODE_ENV=production' });
    }
    if (env.SHUTDOWN_DELAY_MS > 0 && env.SHUTDOWN_DELAY_MS >= env.SHUTDOWN_GRACE_MS) {
      ctx.addIssue({ code: 'custom', path: ['SHUTDOWN_DELAY_MS'], message: 'SHUTDOWN_DELAY_MS must be shorter than SHUTDOWN_GRACE_MS (the grace period includes it)' });
    }
  });

export type Config = Readonly<{
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  database: Readonly<{
    /** undefined: the embedded PGlite in `pgliteDir` ('memory://' keeps it in memory). */
    url: string | undefined;
    pgliteDir: string;
    poolSize: number;
    statementTimeoutMs: number;
    connectTimeoutMs: number;
    migrateOnStart: boolean;
    seedOnStart: boolean;
  }>;
  redisUrl: string | undefined;
  cache: Readonly<{
    enabled: boolean;
    keyPrefix: string;
    commandTimeoutMs: number;
    memoryMaxEntries: number;
    memoryMaxBytes: number;
  }>;
  auth: Readonly<{
    /** undefined: a random per-process secret (development and tests only). */
    jwtSecret: string | undefined;
    tokenTtlSeconds: number;
  }>;
  curriculumCheckMs: number;
  graphql: Readonly<{ introspection: boolean; dataloaders: boolean }>;
  shutdownGraceMs: number;
  shutdownDelayMs: number;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return deepFreeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    database: {
      url: e.DATABASE_URL,
      pgliteDir: e.PGLITE_DIR,
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      migrateOnStart: e.MIGRATE_ON_START,
      seedOnStart: e.SEED_ON_START ?? !production,
    },
    redisUrl: e.REDIS_URL,
    cache: {
      enabled: e.CACHE,
      keyPrefix: e.CACHE_KEY_PREFIX,
      commandTimeoutMs: e.CACHE_REDIS_TIMEOUT_MS,
      memoryMaxEntries: e.CACHE_MEMORY_MAX_ENTRIES,
      memoryMaxBytes: e.CACHE_MEMORY_MAX_MB * 1024 * 1024,
    },
    auth: { jwtSecret: e.JWT_SECRET, tokenTtlSeconds: e.JWT_TTL_SECONDS },
    curriculumCheckMs: e.CURRICULUM_CHECK_SECONDS * 1000,
    graphql: { introspection: e.INTROSPECTION ?? !production, dataloaders: e.DATALOADERS },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
