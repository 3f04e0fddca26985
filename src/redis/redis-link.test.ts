import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLink } from '../../test/harness.js';
import { hasRedisServer, ThrowawayRedis } from '../../test/throwaway-redis.js';
import { SharedCache } from '../cache/shared-cache.js';
import { systemClock } from '../common/time.js';
import { createRateLimiter } from '../rate-limit/redis-rate-limiter.js';
import { createLogger } from '../logger.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (ok: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!ok() && Date.now() < deadline) await sleep(50);
  return ok();
};

describe.runIf(hasRedisServer)('one link to Redis for the cache and the rate limiter (a throwaway redis-server)', () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('takes a reply Redis sent for an answer, not an outage', async () => {
    const link = await connectLink(redis.url, 'link-reply');
    try {
      const refused = await link.run(link.client.sendCommand(['NO_SUCH_COMMAND'])).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(Error);
      link.failed(refused);
      expect(link.away).toBe(false);
    } finally {
      await link.close();
    }
  });

  it('says once that Redis is away, to the cache and the limiter alike, and finds it again', async () => {
    const lines: { level: string; message: string }[] = [];
    const link = await connectLink(redis.url, 'link-outage', { commandTimeoutMs: 150, lines });
    const logger = createLogger({ logLevel: 'warn', env: 'test' }, { write: () => {} });
    const cache = new SharedCache({ enabled: true, memoryMaxEntries: 100, memoryMaxBytes: 100_000 }, logger, link);
    const limiter = createRateLimiter(link, systemClock);
    const rule = { name: 'link', limit: 100, windowMs: 60_000 };
    try {
      expect([cache.backend, limiter.backend]).toEqual(['redis', 'redis']);
      await redis.down();
      await limiter.hit(rule, 's'); // never throws: counted in memory
      expect(await until(() => cache.degraded, 3_000)).toBe(true);
      expect([cache.backend, limiter.backend]).toEqual(['memory', 'memory']);
      expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);

      await redis.up();
      expect(await until(() => cache.backend === 'redis' && limiter.backend === 'redis', 8_000)).toBe(true);
      expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
      expect(lines.some((l) => l.level === 'info' && /answers again/.test(l.message))).toBe(true);
      expect(cache.snapshot().outages).toBe(1);
    } finally {
      await cache.close();
      await link.close();
    }
  });
});
