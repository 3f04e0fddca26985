import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisPrefix } from '../../test/harness.js';
import { RedisStore } from './redis-store.js';
import { MemoryStore, type CacheStore, type StoreEntry } from './store.js';

/** One contract, two stores: what the shared cache relies on holds for memory and for Redis. */
function contract(name: string, make: () => Promise<CacheStore>, cleanup: () => Promise<void> = async () => {}) {
  describe(`${name} store`, () => {
    let store: CacheStore;
    beforeAll(async () => {
      store = await make();
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    // A key starts with its namespace, as the shared cache makes them (`<namespace>:<tokens>:<id>`).
    const entry = (key: string, value: unknown, ttlMs = 60_000, namespace: StoreEntry['namespace'] = 'progress'): StoreEntry => ({ key: `${namespace}:${key}`, namespace, value, ttlMs, size: 10 });

    it('returns what was set, Dates included, and undefined for a miss', async () => {
      const value = { a: 1, at: new Date('2026-01-02T03:04:05.000Z'), list: [{ b: 'é' }] };
      await store.set([entry('k1', value)]);
      const [hit, miss] = await store.get(['progress:k1', 'progress:nope']);
      expect(hit).toEqual(value);
      expect((hit as { at: Date }).at).toBeInstanceOf(Date);
      expect(miss).toBeUndefined();
    });

    it('forgets an entry after its TTL', async () => {
      await store.set([entry('short', 'x', 60)]);
      expect((await store.get(['progress:short']))[0]).toBe('x');
      await new Promise((r) => setTimeout(r, 120));
      expect((await store.get(['progress:short']))[0]).toBeUndefined();
    });

    it('deletes and counts what it deleted', async () => {
      await store.set([entry('d1', 1), entry('d2', 2)]);
      expect(await store.delete(['progress:d1', 'progress:d2', 'progress:d3'])).toBe(2);
      expect(await store.get(['progress:d1', 'progress:d2'])).toEqual([undefined, undefined]);
    });

    it('keeps a version token until it is bumped', async () => {
      const [a, b] = await store.versions(['scope:a', 'scope:b']);
      expect(a).toBeTruthy();
      expect(a).not.toBe(b);
      expect(await store.versions(['scope:a'])).toEqual([a]);
      await store.bump(['scope:a']);
      const [a2, b2] = await store.versions(['scope:a', 'scope:b']);
      expect(a2).not.toBe(a);
      expect(b2).toBe(b);
    });

    it('empties one namespace only, and says how many entries went', async () => {
      await store.set([entry('n1', 1, 60_000, 'stats'), entry('n2', 2, 60_000, 'stats'), entry('n3', 3, 60_000, 'curriculum')]);
      expect(await store.clearNamespace('stats')).toBe(2);
      expect(await store.get(['stats:n1', 'stats:n2', 'curriculum:n3'])).toEqual([undefined, undefined, 3]);
      expect(await store.clearNamespace('stats')).toBe(0);
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

contract('memory', async () => new MemoryStore({ maxEntries: 1_000, maxBytes: 1_000_000 }));

const redisUrl = process.env.REDIS_URL;
const prefix = `reved-contract-${process.pid}`;
describe.runIf(redisUrl)('with REDIS_URL', () => {
  contract(
    'redis',
    async () => {
      const store = new RedisStore({ urls: [redisUrl!], cluster: false, prefix, commandTimeoutMs: 500 });
      expect(await store.connect(2_000)).toBe(true);
      return store;
    },
    () => deleteRedisPrefix(redisUrl!, prefix),
  );
});

describe('memory store bound', () => {
  it('never holds more than its entry and byte bounds', async () => {
    const store = new MemoryStore({ maxEntries: 100, maxBytes: 5_000 });
    for (let i = 0; i < 500; i++) await store.set([{ key: `k${i}`, namespace: 'progress', value: i, ttlMs: 60_000, size: 40 }]);
    expect(store.size).toBeLessThanOrEqual(100);
    expect(store.bytes).toBeLessThanOrEqual(5_000);
    expect((await store.get(['k499']))[0]).toBe(499);
  });
});
