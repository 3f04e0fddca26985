import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLink, deleteRedisPrefix } from '../../test/harness.js';
import { hasRedisServer, ThrowawayRedis } from '../../test/throwaway-redis.js';
import { addressSubject, FallbackRateLimiter, MemoryRateLimiter, type RateLimiter, type RateLimitRule } from './rate-limiter.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';
import { ManualClock, systemClock } from '../common/time.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let ruleId = 0;
/** A rule of its own per test, so tests never see one another's counters. */
const rule = (limit: number, windowMs: number, blockMs?: number): RateLimitRule => ({ name: `t${++ruleId}`, limit, windowMs, blockMs });

/** One contract, two limiters: what login and submitAttempt rely on holds in memory and in Redis. */
function contract(name: string, make: () => Promise<RateLimiter>, cleanup: () => Promise<void> = async () => {}) {
  describe(`${name} rate limiter`, () => {
    let limiter: RateLimiter;
    beforeAll(async () => {
      limiter = await make();
    });
    afterAll(async () => {
      await limiter.close();
      await cleanup();
    });

    it('allows `limit` hits in a window, then refuses with the time left', async () => {
      const r = rule(3, 60_000);
      const decisions = [];
      for (let i = 0; i < 5; i++) decisions.push(await limiter.hit(r, 'alice'));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
      expect(decisions.map((d) => d.count)).toEqual([1, 2, 3, 4, 5]);
      expect(decisions[0]!.retryAfterSeconds).toBe(0);
      expect(decisions[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(decisions[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('counts each subject and each rule apart', async () => {
      const a = rule(1, 60_000);
      const b = rule(1, 60_000);
      expect((await limiter.hit(a, 'x')).allowed).toBe(true);
      expect((await limiter.hit(a, 'x')).allowed).toBe(false);
      expect((await limiter.hit(a, 'y')).allowed).toBe(true);
      expect((await limiter.hit(b, 'x')).allowed).toBe(true);
    });

    it('starts a new window once the first one is over', async () => {
      const r = rule(1, 150);
      expect((await limiter.hit(r, 's')).allowed).toBe(true);
      expect((await limiter.hit(r, 's')).allowed).toBe(false);
      await sleep(250);
      expect(await limiter.hit(r, 's')).toMatchObject({ allowed: true, count: 1 });
    });

    it('refuses for blockMs from the hit that reached the limit, past the end of the window', async () => {
      const r = rule(2, 200, 700);
      await limiter.hit(r, 's');
      await sleep(120);
      expect((await limiter.hit(r, 's')).allowed).toBe(true); // the limit is reached: blocked for 700 ms from here
      await sleep(250); // the 200 ms window is over, the block is not
      const refused = await limiter.hit(r, 's');
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBe(1);
      await sleep(600);
      expect(await limiter.hit(r, 's')).toMatchObject({ allowed: true, count: 1 });
    });

    it('forgets a subject on reset', async () => {
      const r = rule(1, 60_000);
      await limiter.hit(r, 's');
      expect((await limiter.hit(r, 's')).allowed).toBe(false);
      await limiter.reset(r, 's');
      expect(await limiter.hit(r, 's')).toMatchObject({ allowed: true, count: 1 });
    });

    it('peeks at the decision a hit would get, without counting one', async () => {
      const r = rule(2, 60_000);
      expect(await limiter.peek(r, 'never-hit')).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
      for (let i = 0; i < 5; i++) expect((await limiter.peek(r, 'p')).allowed).toBe(true); // peeks count nothing
      await limiter.hit(r, 'p');
      expect(await limiter.peek(r, 'p')).toMatchObject({ allowed: true, count: 2 });
      await limiter.hit(r, 'p');
      const refused = await limiter.peek(r, 'p');
      expect(refused).toMatchObject({ allowed: false, count: 3 });
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(await limiter.hit(r, 'p')).toMatchObject({ allowed: false, count: 3 });
      await limiter.reset(r, 'p');
      expect((await limiter.peek(r, 'p')).allowed).toBe(true);
    });

    it('peeks past the end of a window as at a new one', async () => {
      const r = rule(1, 150);
      await limiter.hit(r, 'w');
      expect((await limiter.peek(r, 'w')).allowed).toBe(false);
      await sleep(250);
      expect(await limiter.peek(r, 'w')).toMatchObject({ allowed: true, count: 1 });
    });

    it('lets exactly `limit` of many concurrent hits through', async () => {
      const r = rule(10, 60_000);
      const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.hit(r, 'burst')));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(new Set(decisions.map((d) => d.count)).size).toBe(50);
    });
  });
}

contract('memory', async () => new MemoryRateLimiter(systemClock));

const redisUrl = process.env.REDIS_URL;
const prefix = `reved-rl-contract-${process.pid}`;
describe.runIf(redisUrl)('with REDIS_URL', () => {
  contract(
    'redis',
    async () => {
      const link = await connectLink(redisUrl!, prefix);
      expect(link.away).toBe(false);
      return Object.assign(new RedisRateLimiter(link), { close: () => link.close() });
    },
    () => deleteRedisPrefix(redisUrl!, prefix),
  );
});

describe('memory rate limiter', () => {
  it('follows the injected clock', async () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    const limiter = new MemoryRateLimiter(clock);
    const r = rule(1, 60_000);
    await limiter.hit(r, 's');
    expect(await limiter.hit(r, 's')).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    clock.advance(60_000);
    expect((await limiter.hit(r, 's')).allowed).toBe(true);
  });

  it('holds at most its bound of subjects', async () => {
    const limiter = new MemoryRateLimiter(systemClock, 100);
    const r = rule(1, 60_000);
    for (let i = 0; i < 1_000; i++) await limiter.hit(r, `s${i}`);
    expect((limiter as unknown as { counters: { size: number } }).counters.size).toBe(100);
  });
});

describe('addressSubject', () => {
  it('counts an IPv4 address as itself, also when written as IPv6', () => {
    expect(addressSubject('203.0.113.9')).toBe('203.0.113.9');
    expect(addressSubject('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressSubject('::FFFF:10.0.0.1')).toBe('10.0.0.1');
  });

  it('counts an IPv6 address as its /64, however it is written', () => {
    const same = ['2001:db8:0:1::1', '2001:DB8:0000:0001:2:3:4:5', '2001:db8:0:1:ffff:ffff:ffff:ffff', '2001:db8::1:0:0:0:1', '2001:db8:0:1::'];
    expect(new Set(same.map(addressSubject))).toEqual(new Set(['2001:db8:0:1::/64']));
    expect(addressSubject('2001:db8:0:2::1')).toBe('2001:db8:0:2::/64');
    expect(addressSubject('::1')).toBe('0:0:0:0::/64');
    expect(addressSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressSubject('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(addressSubject('1::2:3:4:5:6:7')).toBe('1:0:2:3::/64');
  });
});

describe.runIf(hasRedisServer)('Redis going away (a throwaway redis-server)', () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('counts in memory while Redis is away, with one warning, and goes back to Redis', async () => {
    const lines: { level: string; message: string }[] = [];
    const link = await connectLink(redis.url, 'rl-fault', { commandTimeoutMs: 150, lines });
    expect(link.away).toBe(false);
    const limiter = new FallbackRateLimiter(new RedisRateLimiter(link), new MemoryRateLimiter(systemClock), link);
    const r = rule(3, 60_000);
    try {
      expect(await limiter.hit(r, 's')).toMatchObject({ allowed: true, count: 1 });
      expect(limiter.backend).toBe('redis');

      await redis.down();
      const during = [];
      for (let i = 0; i < 4; i++) during.push(await limiter.hit(r, 's')); // never throws
      expect(limiter.backend).toBe('memory');
      expect(during.map((d) => d.allowed)).toEqual([true, true, true, false]);
      expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);

      await redis.up();
      const deadline = Date.now() + 5_000;
      while (limiter.backend !== 'redis' && Date.now() < deadline) {
        await sleep(100);
        await limiter.hit(rule(100, 60_000), 'probe');
      }
      expect(limiter.backend).toBe('redis');
      expect(lines.some((l) => l.level === 'info' && /answers again/.test(l.message))).toBe(true);
    } finally {
      await limiter.close();
      await link.close();
    }
  });
});
