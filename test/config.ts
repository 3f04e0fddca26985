import { loadConfig, type Config } from '../src/config.js';

/**
 * The configuration tests run with: the embedded defaults, or PostgreSQL and Redis when
 * DATABASE_URL and REDIS_URL are set (the same suite runs against both). Overrides are env names.
 */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    MIGRATE_ON_START: 'off',
    SEED_ON_START: 'off',
    ...overrides,
  });
}
