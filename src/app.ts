import { CacheService } from './cache/cache.service.js';
import { InvalidationBus } from './cache/invalidation-bus.js';
import { SharedCache, type CacheOptions } from './cache/shared-cache.js';
import type { Config } from './config.js';
import type { Repositories, Services } from './context.js';
import { AuthRepository } from './auth/auth.repository.js';
import { AuthService } from './auth/auth.service.js';
import { withVerificationCache } from './auth/token-cache.js';
import { createTokenIssuer } from './auth/tokens.js';
import { createRateLimiter } from './rate-limit/redis-rate-limiter.js';
import { RedisLink } from './redis/redis-link.js';
import { systemClock, type Clock } from './common/time.js';
import { createDatabase, type DatabaseHandle, type DatabaseOptions } from './db/client.js';
import { ReadPins } from './db/read-pins.js';
import { ExercisesRepository } from './exercises/exercises.repository.js';
import { CurriculumWatcher } from './exercises/curriculum-watcher.js';
import { ListSizes } from './exercises/list-sizes.js';
import { observeDependencies } from './telemetry/instruments.js';
import { ExercisesService } from './exercises/exercises.service.js';
import { SchoolsRepository } from './schools/schools.repository.js';
import { SchoolsService } from './schools/schools.service.js';
import type { Logger } from './logger.js';
import { HealthService } from './monitoring/health.service.js';
import { MonitoringService } from './monitoring/monitoring.service.js';
import { AttemptsRepository } from './progress/attempts.repository.js';
import { AttemptsService } from './progress/attempts.service.js';
import { AttemptPartitionMaintainer, AttemptPartitionsRepository } from './progress/attempt-partitions.repository.js';
import { ProgressRepository } from './progress/progress.repository.js';
import { ProgressService } from './progress/progress.service.js';
import { RecommendationsService } from './recommendations/recommendations.service.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { StudentsRepository } from './students/students.repository.js';
import { StudentsService } from './students/students.service.js';

/**
 * The composition root: one of each repository and service for the process (they hold no
 * per-request state), built over one database handle. main.ts and the tests both build it.
 */
export async function createApp(config: Config, logger: Logger, options: { clock?: Clock; database?: Partial<DatabaseOptions>; cache?: Partial<CacheOptions> } = {}) {
  const clock = options.clock ?? systemClock;
  const database: DatabaseHandle = await createDatabase({ ...config.database, ...options.database });
  // One link to Redis for the cache, the rate limiter and the read pins (none without REDIS_URL).
  const redis = config.redis.urls.length > 0 ? new RedisLink({ nodes: config.redis, prefix: config.cache.keyPrefix, commandTimeoutMs: config.cache.commandTimeoutMs }, logger) : undefined;
  await redis?.connect(1_000);
  const cache = new SharedCache({ ...config.cache, ...options.cache }, logger, redis);
  const invalidations = new InvalidationBus(database, cache, logger);
  if (cache.enabled) await invalidations.start();
  const db = database.db;
  // With a read replica, read-only loaders use it (see context.ts); writes always use the primary.
  const readDatabase = config.database.readUrl ? await createDatabase({ ...config.database, ...options.database, url: config.database.readUrl }) : database;
  const readPins = new ReadPins(readDatabase === database ? 0 : config.database.readAfterWriteMs, redis);

  const repositories = repositoriesOver(db);
  const tokens = withVerificationCache(createTokenIssuer(config.auth.jwtSecret, config.auth.tokenTtlSeconds));

  // Brute-force and submitAttempt limits, shared by every instance through Redis when it is there.
  const rateLimiter = createRateLimiter(redis, clock);

  const exercises = new ExercisesService();
  const health = new HealthService(database, cache);
  const services: Services = {
    auth: new AuthService(tokens, clock, rateLimiter, config.rateLimits),
    students: new StudentsService(clock),
    exercises,
    progress: new ProgressService(),
    attempts: new AttemptsService(clock, rateLimiter, config.rateLimits),
    recommendations: new RecommendationsService(clock),
    sessions: new SessionsService(clock),
    health,
    monitoring: new MonitoringService(clock, cache, database, health, config.monitoring),
    cache: new CacheService(cache),
    schools: new SchoolsService(clock, config.periodEnds),
  };

  const listSizes = new ListSizes();
  const curriculumWatcher = new CurriculumWatcher(repositories.exercises, cache, logger, listSizes);
  // Reads the curriculum's sizes now if the database already holds it (serve checks again after migrating).
  await curriculumWatcher.check().catch((error: unknown) => logger.debug({ err: error }, 'curriculum not readable yet'));
  const partitions = new AttemptPartitionMaintainer(new AttemptPartitionsRepository(db), () => clock.now(), logger);
  observeDependencies(cache, database);

  return {
    config,
    logger,
    clock,
    database,
    readDatabase,
    readPins,
    cache,
    curriculumWatcher,
    listSizes,
    partitions,
    repositories,
    services,
    tokens,
    rateLimiter,
    async close() {
      curriculumWatcher.stop();
      partitions.stop();
      services.monitoring.stop();
      await rateLimiter.close();
      await invalidations.close();
      await cache.close();
      await redis?.close();
      if (readDatabase !== database) await readDatabase.close();
      await database.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;

export function repositoriesOver(db: DatabaseHandle['db']): Repositories {
  return {
    auth: new AuthRepository(db),
    students: new StudentsRepository(db),
    exercises: new ExercisesRepository(db),
    progress: new ProgressRepository(db),
    attempts: new AttemptsRepository(db),
    sessions: new SessionsRepository(db),
    schools: new SchoolsRepository(db),
  };
}
