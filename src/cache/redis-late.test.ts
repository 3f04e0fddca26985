import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DelayProxy } from '../../test/delay-proxy.js';
import { hasRedisServer, ThrowawayRedis } from '../../test/throwaway-redis.js';
import { createLogger } from '../logger.js';
import { lateCommandGraceMs, LINK_CLIENT_NAME, RedisLink } from '../redis/redis-link.js';
import { RequestCache } from './request-cache.js';
import { SharedCache } from './shared-cache.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TIMEOUT_MS = 100;

/**
 * Late replies are not an outage: the cache's connection answers late (its replies held back by a
 * proxy, as a saturated server's own backlog delays them) while Redis answers the probe at once.
 */
describe.runIf(hasRedisServer)('Redis late on the cache connection, Redis itself answering', () => {
  let redis: ThrowawayRedis;
  let proxy: DelayProxy;
  let cache: SharedCache;
  let link: RedisLink;
  const logs: { msg: string }[] = [];

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    proxy = await DelayProxy.start({ host: '127.0.0.1', port: redis.port });
  });
  afterAll(async () => {
    await proxy?.close();
    await redis?.stop();
  });
  afterEach(async () => {
    proxy.fast();
    await cache?.close();
    await link?.close();
  });

  async function startCache(): Promise<SharedCache> {
    const logger = createLogger({ logLevel: 'info', env: 'test' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    link = new RedisLink({ nodes: { urls: [proxy.url], cluster: false }, prefix: `late${Date.now()}`, commandTimeoutMs: TIMEOUT_MS }, logger);
    await link.connect(2_000);
    cache = new SharedCache({ enabled: true, memoryMaxEntries: 1_000, memoryMaxBytes: 1_000_000 }, logger, link);
    expect(cache.backend).toBe('redis');
    return cache;
  }

  it('reads a timed-out token as unknown (shared scopes keep their last one), keeps Redis on, and still applies a bump that timed out', async () => {
    const c = await startCache();
    const [curriculum, student] = (await c.versions(['curriculum', 'student:1'])) as string[];

    proxy.slow(LINK_CLIENT_NAME, 1_500);
    const started = performance.now();
    const late = await c.versions(['curriculum', 'student:1']);
    const waited = performance.now() - started;
    expect(late[0]).toBe(curriculum); // the curriculum keeps being served
    expect(late[1]).toBeInstanceOf(Error); // a student's data is read from the database
    expect(waited).toBeLessThan(1_000); // at most 4 command timeouts, not the 1.5 s of the reply
    expect(await c.bump(['student:1'])).toBeUndefined(); // timed out too: Redis could not say

    await sleep(2_000); // the held replies arrive; the probe answered all along
    expect(c.degraded).toBe(false);
    expect(c.backend).toBe('redis');
    expect(c.snapshot().outages).toBe(0);
    expect(c.snapshot().errors).toBeGreaterThanOrEqual(2);
    expect(c.snapshot().timeouts).toBeGreaterThanOrEqual(2); // the version read and the bump
    expect(logs.some((l) => l.msg.includes('Redis unreachable'))).toBe(false);

    proxy.fast();
    const [after] = (await c.versions(['student:1'])) as string[];
    expect(after).not.toBe(student); // the bump that timed out was applied, in order
  });

  it("serves a request whose student tokens are late from its loader, and files nothing under them", async () => {
    const c = await startCache();
    const spec = { id: (k: string) => k, scopes: () => ['student:3'] };
    let loads = 0;
    const load = async () => ({ n: ++loads });
    proxy.slow(LINK_CLIENT_NAME, 1_000);
    const one = async () => (await new RequestCache(c).many('sessions', ['student:3'], spec, async () => [await load()]))[0];
    expect(await one()).toEqual({ n: 1 });
    await new RequestCache(c).put('sessions', [{ id: 'student:3', scopes: ['student:3'], value: { n: 99 } }]); // no tokens: a no-op
    proxy.fast();
    await sleep(50);
    // Tokens read now: nothing was cached under them, so this loads again.
    expect(await one()).toEqual({ n: 2 });
    expect(await one()).toEqual({ n: 2 }); // and now it is cached
    expect(c.degraded).toBe(false);
  });

  it('takes Redis for away when a command stays unanswered past the grace, although the probe answers, then comes back', async () => {
    const c = await startCache();
    await c.versions(['curriculum']);
    proxy.slow(LINK_CLIENT_NAME, Infinity);
    const late = await c.versions(['student:2']);
    expect(late[0]).toBeInstanceOf(Error);
    expect(c.degraded).toBe(false);

    const graceMs = lateCommandGraceMs(TIMEOUT_MS);
    const started = Date.now();
    while (!c.degraded && Date.now() - started < graceMs + 3_000) await sleep(50);
    expect(c.degraded).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(graceMs - 500);
    expect(c.snapshot().outages).toBe(1);

    proxy.fast(); // the connection answers again: the recovery probe finds it, the epoch moves on
    const back = Date.now();
    while (c.degraded && Date.now() - back < 5_000) await sleep(50);
    expect(c.backend).toBe('redis');
  });
});
