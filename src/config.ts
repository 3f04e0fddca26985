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
    /** A read replica: read-only queries go there, except a student's own reads right after its writes. */
    READ_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** How long after a student's write its reads stay on the primary (covers replication lag). */
    READ_AFTER_WRITE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
    MIGRATE_ON_START: onOff('on'),
    /** Seed the curriculum and demo accounts on start when the database holds no curriculum. */
    SEED_ON_START: bool.optional(),

    /** One Redis URL, or several comma-separated nodes of a Redis Cluster. */
    REDIS_URL: z
      .string()
      .refine((v) => v.split(',').every((u) => /^rediss?:\/\/[^\s,]+$/.test(u.trim()) && URL.canParse(u.trim())), 'REDIS_URL must be redis:// URLs, comma-separated for a cluster')
      .optional(),
    /** Treat REDIS_URL as a Redis Cluster (default: on when it lists several nodes). */
    REDIS_CLUSTER: bool.optional(),
    /** The shared cache; off sends every read to the database (before/after load comparisons). */
    CACHE: onOff('on'),
    /** Every Redis key this service writes starts with this (other data may share the Redis). */
    CACHE_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).default('reved'),
    /** No Redis command waits longer than this. */
    CACHE_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(250),
    /** Bounds of the in-process layer: it should hold the active students' values (see docs/performance.md). */
    CACHE_MEMORY_MAX_ENTRIES: z.coerce.number().int().min(100).max(10_000_000).default(400_000),
    CACHE_MEMORY_MAX_MB: z.coerce.number().int().min(1).max(16_384).default(1_024),
    /** Statements slower than this are counted and listed in monitoring. */
    SLOW_QUERY_MS: z.coerce.number().min(0).max(600_000).default(200),
    /** Alert thresholds (the original service's defaults), evaluated over ALERT_WINDOW_SECONDS. */
    ALERT_MEMORY_RATIO: z.coerce.number().min(0).max(1).default(0.85),
    ALERT_P95_MS: z.coerce.number().min(0).default(2_000),
    ALERT_ERROR_RATE: z.coerce.number().min(0).max(1).default(0.1),
    ALERT_CACHE_HIT_RATE: z.coerce.number().min(0).max(1).default(0.5),
    ALERT_WINDOW_SECONDS: z.coerce.number().int().min(10).max(900).default(300),
    ALERT_MIN_REQUESTS: z.coerce.number().int().min(1).default(20),
    /** off: requests are not recorded (no request figures, alerts on them, or SQL per request): to measure what recording costs. */
    MONITORING: onOff('on'),
    /** Serve OpenTelemetry metrics for Prometheus to scrape at GET /metrics. */
    METRICS_PROMETHEUS: onOff('off'),
    /** How often the curriculum is checked for changes (its cached copy is dropped when it moves). */
    CURRICULUM_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),

    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    /** Lifetime of a login token, in seconds. */
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(12 * 3600),
    /** The administrator created at start when missing (both or neither). */
    ADMIN_USERNAME: z.string().regex(/^[a-z0-9_.-]{3,64}$/, 'ADMIN_USERNAME must be 3 to 64 lowercase letters, digits, _ . -').optional(),
    ADMIN_PASSWORD: z.string().min(8).max(256).optional(),
    /** Failed logins allowed per username in LOGIN_LOCKOUT_SECONDS; then it is refused that long. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1_000).default(5),
    LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(15 * 60),
    /**
     * Failed logins allowed per client address per minute (unknown usernames and wrong passwords
     * alike); then every login from it is refused until the minute is over. Generous: a school's
     * children share one address.
     */
    LOGIN_UNKNOWN_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    /** submitAttempt calls allowed per student per minute. */
    ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),

    /** Introspection and the Sandbox landing page (default: on outside production). */
    INTROSPECTION: bool.optional(),
    /** Before/after switch for load comparisons: off resolves every relation with its own query. */
    DATALOADERS: onOff('on'),
    /** How operations run: `jit` (compiled by graphql-jit on their second run) or `interpreter` (graphql-js's execute). */
    GRAPHQL_EXECUTOR: z.enum(['jit', 'interpreter']).default('jit'),
    /** The admin commands (monitor, cache:stats, cache:clear) talk to this server, as ADMIN_USERNAME. */
    API_URL: z.url({ protocol: /^https?$/ }).optional(),
    /**
     * Whose X-Forwarded-For to believe for the client's address (limits per address key on it):
     * off (the socket's peer), on (any proxy), or the comma-separated addresses/CIDRs of the proxies.
     */
    TRUST_PROXY: z
      .string()
      .regex(/^(on|off|true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'TRUST_PROXY must be on, off or a comma-separated list of proxy addresses')
      .default('off'),
    /** A request (headers and body) must arrive within this; slower clients are cut (408). */
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(20_000),
    /** The request's headers must arrive within this (at most HTTP_REQUEST_TIMEOUT_MS). */
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
    /** A connection with no traffic at all for this long is closed. */
    HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
    /** An idle keep-alive connection is closed after this (longer than a load balancer's, shorter than idle). */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(72_000),
    /** GraphQL requests one viewer (a token's account, or an address without a token) may have in flight at once. */
    VIEWER_MAX_INFLIGHT: z.coerce.number().int().min(1).max(1_000).default(8),
    /** Of those, how many may be heavy (cost over OPERATION_LIMITS.heavyCost). */
    VIEWER_MAX_HEAVY_INFLIGHT: z.coerce.number().int().min(1).max(100).default(1),
    /** Operation cost one viewer may spend per second, sustained (a dashboard costs ~300)... */
    VIEWER_COST_PER_SECOND: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
    /** ...and at once (at least the cost limit, 36,000, so that any allowed operation can run). */
    VIEWER_COST_BURST: z.coerce.number().int().min(36_000).max(100_000_000).default(100_000),
    /**
     * The last day (MM-DD) of each of the five periods of the school year, P1 to P5: by default the
     * French calendar's, roughly (All Saints', Christmas, winter and spring holidays, early July).
     */
    PERIOD_ENDS: z
      .string()
      .regex(/^(\d{2}-\d{2},){4}\d{2}-\d{2}$/, 'PERIOD_ENDS must be five MM-DD dates, P1 to P5, comma-separated')
      .refine((v) => v.split(',').every((d) => { const [m, day] = d.split('-').map(Number); return m! >= 1 && m! <= 12 && day! >= 1 && day! <= 31; }), 'PERIOD_ENDS holds a date that is no month and day')
      .default('10-18,12-19,02-14,04-11,07-04'),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** On SIGTERM: how long readiness says 503 before the listener closes (a load balancer's notice). */
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  })
  .superRefine((env, ctx) => {
    if (env.READ_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['READ_DATABASE_URL'], message: 'READ_DATABASE_URL needs DATABASE_URL (the primary it replicates)' });
    }
    if (!env.ADMIN_USERNAME !== !env.ADMIN_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: [env.ADMIN_USERNAME ? 'ADMIN_PASSWORD' : 'ADMIN_USERNAME'], message: 'ADMIN_USERNAME and ADMIN_PASSWORD go together' });
    }
    if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'HTTP_HEADERS_TIMEOUT_MS must be at most HTTP_REQUEST_TIMEOUT_MS' });
    }
    if (env.VIEWER_MAX_HEAVY_INFLIGHT > env.VIEWER_MAX_INFLIGHT) {
      ctx.addIssue({ code: 'custom', path: ['VIEWER_MAX_HEAVY_INFLIGHT'], message: 'VIEWER_MAX_HEAVY_INFLIGHT must be at most VIEWER_MAX_INFLIGHT' });
    }
    if (env.SHUTDOWN_DELAY_MS > 0 && env.SHUTDOWN_DELAY_MS >= env.SHUTDOWN_GRACE_MS) {
      ctx.addIssue({ code: 'custom', path: ['SHUTDOWN_DELAY_MS'], message: 'SHUTDOWN_DELAY_MS must be shorter than SHUTDOWN_GRACE_MS (the grace period includes it)' });
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_SECRET) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET is required when NODE_ENV=production' });
    else if (isWeakSecret(env.JWT_SECRET)) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET is a known default or too guessable for production: use 32+ random characters (openssl rand -base64 48)' });
    if (env.ADMIN_PASSWORD && (env.ADMIN_PASSWORD.length < 12 || isWeakSecret(env.ADMIN_PASSWORD))) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_PASSWORD must be at least 12 characters and not a known default in production' });
    }
  },
  // Also when other variables are invalid, so that every problem is listed at once.
  { when: (payload) => !payload.issues.some((i) => ['NODE_ENV', 'JWT_SECRET', 'ADMIN_USERNAME', 'ADMIN_PASSWORD'].includes(String(i.path?.[0]))) },
  );

// Secrets that appear in this repository, its docs or common examples, and words that mark a
// placeholder: a production secret containing one of them was not generated.
const KNOWN_DEFAULTS = ['test-secret-that-is-long-enough-for-hs256', 'admin1234', 'demo1234'];
const PLACEHOLDER_WORDS = ['changeme', 'change-me', 'change_me', 'secret', 'password', 'example', 'default', 'reved', 'placeholder'];

/** A known default, a placeholder, or too few distinct characters to be random (e.g. 'aaaa...'). */
export function isWeakSecret(value: string): boolean {
  const lower = value.toLowerCase();
  if (KNOWN_DEFAULTS.includes(value) || PLACEHOLDER_WORDS.some((w) => lower.includes(w))) return true;
  return new Set(value).size < 10;
}

export type Config = Readonly<{
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  database: Readonly<{
    /** undefined: the embedded PGlite in `pgliteDir` ('memory://' keeps it in memory). */
    url: string | undefined;
    /** A read replica of `url`, if any. */
    readUrl: string | undefined;
    readAfterWriteMs: number;
    pgliteDir: string;
    poolSize: number;
    statementTimeoutMs: number;
    connectTimeoutMs: number;
    migrateOnStart: boolean;
    seedOnStart: boolean;
  }>;
  redisUrl: string | undefined;
  /** REDIS_URL as nodes, and whether they form a cluster. */
  redis: Readonly<{ urls: string[]; cluster: boolean }>;
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
    /** The administrator to create at start when missing. */
    admin: Readonly<{ username: string; password: string }> | undefined;
  }>;
  /** The last day of each period, P1 to P5, as [month, day] (PERIOD_ENDS). */
  periodEnds: readonly (readonly [number, number])[];
  rateLimits: Readonly<{
    loginMaxFailures: number;
    loginLockoutMs: number;
    /** Failed logins per client address per minute (LOGIN_UNKNOWN_PER_MINUTE). */
    loginUnknownPerMinute: number;
    attemptsPerMinute: number;
  }>;
  curriculumCheckMs: number;
  monitoring: Readonly<{
    /** Whether requests are recorded (the request windows, per-request SQL and cache counts). */
    requests: boolean;
    slowQueryMs: number;
    prometheus: boolean;
    alerts: Readonly<{ memoryRatio: number; p95Ms: number; errorRate: number; cacheHitRate: number; windowSeconds: number; minRequests: number }>;
  }>;
  graphql: Readonly<{ introspection: boolean; dataloaders: boolean; executor: 'jit' | 'interpreter' }>;
  http: Readonly<{
    trustProxy: boolean | string;
    requestTimeoutMs: number;
    headersTimeoutMs: number;
    idleTimeoutMs: number;
    keepAliveTimeoutMs: number;
  }>;
  /** Per viewer (see limits/viewer-gate.ts). */
  viewerLimits: Readonly<{ maxInflight: number; maxHeavyInflight: number; costPerSecond: number; costBurst: number }>;
  shutdownGraceMs: number;
  adminClient: Readonly<{ url: string; username: string; password: string | undefined }>;
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
      readUrl: e.READ_DATABASE_URL,
      readAfterWriteMs: e.READ_AFTER_WRITE_MS,
      pgliteDir: e.PGLITE_DIR,
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      migrateOnStart: e.MIGRATE_ON_START,
      seedOnStart: e.SEED_ON_START ?? !production,
    },
    redisUrl: e.REDIS_URL,
    redis: {
      urls: (e.REDIS_URL ?? '').split(',').map((u) => u.trim()).filter(Boolean),
      cluster: e.REDIS_CLUSTER ?? (e.REDIS_URL ?? '').split(',').length > 1,
    },
    cache: {
      enabled: e.CACHE,
      keyPrefix: e.CACHE_KEY_PREFIX,
      commandTimeoutMs: e.CACHE_REDIS_TIMEOUT_MS,
      memoryMaxEntries: e.CACHE_MEMORY_MAX_ENTRIES,
      memoryMaxBytes: e.CACHE_MEMORY_MAX_MB * 1024 * 1024,
    },
    auth: {
      jwtSecret: e.JWT_SECRET,
      tokenTtlSeconds: e.JWT_TTL_SECONDS,
      admin: e.ADMIN_USERNAME && e.ADMIN_PASSWORD ? { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD } : undefined,
    },
    rateLimits: {
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginLockoutMs: e.LOGIN_LOCKOUT_SECONDS * 1000,
      loginUnknownPerMinute: e.LOGIN_UNKNOWN_PER_MINUTE,
      attemptsPerMinute: e.ATTEMPTS_PER_MINUTE,
    },
    curriculumCheckMs: e.CURRICULUM_CHECK_SECONDS * 1000,
    monitoring: {
      requests: e.MONITORING,
      slowQueryMs: e.SLOW_QUERY_MS,
      prometheus: e.METRICS_PROMETHEUS,
      alerts: {
        memoryRatio: e.ALERT_MEMORY_RATIO,
        p95Ms: e.ALERT_P95_MS,
        errorRate: e.ALERT_ERROR_RATE,
        cacheHitRate: e.ALERT_CACHE_HIT_RATE,
        windowSeconds: e.ALERT_WINDOW_SECONDS,
        minRequests: e.ALERT_MIN_REQUESTS,
      },
    },
    graphql: { introspection: e.INTROSPECTION ?? !production, dataloaders: e.DATALOADERS, executor: e.GRAPHQL_EXECUTOR },
    http: {
      trustProxy: trustProxyOf(e.TRUST_PROXY),
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      idleTimeoutMs: e.HTTP_IDLE_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    viewerLimits: { maxInflight: e.VIEWER_MAX_INFLIGHT, maxHeavyInflight: e.VIEWER_MAX_HEAVY_INFLIGHT, costPerSecond: e.VIEWER_COST_PER_SECOND, costBurst: e.VIEWER_COST_BURST },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    adminClient: {
      url: e.API_URL ?? `http://localhost:${e.PORT}/graphql`,
      username: e.ADMIN_USERNAME ?? 'admin',
      // The demo admin's password works against a development server only.
      password: e.ADMIN_PASSWORD ?? (production ? undefined : 'admin1234'),
    },
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
    periodEnds: e.PERIOD_ENDS.split(',').map((d) => d.split('-').map(Number) as [number, number]),
  });
}

/** Fastify's trustProxy: a boolean, or the list of proxies to believe. */
function trustProxyOf(value: string): boolean | string {
  if (value === 'on' || value === 'true') return true;
  if (value === 'off' || value === 'false') return false;
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
