import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLink, deleteRedisPrefix } from '../../test/harness.js';
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

    it('returns what was set (plain JSON: times as epoch milliseconds), and undefined for a miss', async () => {
      const value = { a: 1, at: Date.parse('2026-01-02T03:04:05.000Z'), list: [{ b: 'é' }], none: null };
      await store.set([entry('k1', value)]);
      const [hit, miss] = await store.get(['progress:k1', 'progress:nope']);
      expect(hit).toEqual(value);
      expect(miss).toBeUndefined();
    });

    it('forgets an entry after its TTL', async () => {
      await store.set([entry('short', 'x', 60)]);
      expect((await store.get(['progress:short']))[0]).toBe('x');
      await new Promise((r) => setTimeout(r, 120));
      expect((await store.get(['progress:short']))[0]).toBeUndefined();
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
      await store.set([entry('n1', 1, 60_000, 'sessions'), entry('n2', 2, 60_000, 'sessions'), entry('n3', 3, 60_000, 'curriculum')]);
      expect(await store.clearNamespace('sessions')).toBe(2);
      expect(await store.get(['stats:n1', 'stats:n2', 'curriculum:n3'])).toEqual([undefined, undefined, 3]);
      expect(await store.clearNamespace('sessions')).toBe(0);
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
      const link = await connectLink(redisUrl!, prefix);
      expect(link.away).toBe(false);
      return Object.assign(new RedisStore(link), { close: () => link.close() });
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

describe('memory store slots', () => {
  const entry = (key: string, value: unknown, slot?: string): StoreEntry => ({ key, namespace: 'progress', value, ttlMs: 60_000, size: 40, slot });

  it('keeps one entry per slot, the last written; entries without a slot are left alone', async () => {
    const store = new MemoryStore({ maxEntries: 100, maxBytes: 100_000 });
    await store.set([entry('progress:v1:7', 'old', 'progress:7'), entry('progress:v1:8', 'other', 'progress:8'), entry('free:1', 'a'), entry('free:2', 'b')]);
    await store.set([entry('progress:v2:7', 'new', 'progress:7')]);
    expect(await store.get(['progress:v1:7', 'progress:v2:7', 'progress:v1:8', 'free:1', 'free:2'])).toEqual([undefined, 'new', 'other', 'a', 'b']);
    expect(store.size).toBe(4);
    // The same key again replaces the value, and the slot still points at it.
    await store.set([entry('progress:v2:7', 'newer', 'progress:7')]);
    await store.set([entry('progress:v3:7', 'newest', 'progress:7')]);
    expect(await store.get(['progress:v2:7', 'progress:v3:7'])).toEqual([undefined, 'newest']);
    expect(store.size).toBe(4);
  });

  it('forgets a slot whose entry went (evicted, expired): a later one is kept', async () => {
    const store = new MemoryStore({ maxEntries: 3, maxBytes: 100_000 });
    await store.set([entry('progress:v2:1', 2, 'progress:1')]);
    // Evicted by the entry bound: three other slots come after it.
    await store.set([entry('progress:v1:2', 2, 'progress:2'), entry('progress:v1:3', 3, 'progress:3'), entry('progress:v1:4', 4, 'progress:4')]);
    expect(await store.get(['progress:v2:1'])).toEqual([undefined]);
    await store.set([entry('progress:v3:1', 3, 'progress:1')]);
    expect(await store.get(['progress:v3:1', 'progress:v1:3', 'progress:v1:4'])).toEqual([3, 3, 4]);
    // Expired.
    await store.set([{ ...entry('progress:v4:1', 4, 'progress:1'), ttlMs: 1 }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.get(['progress:v4:1'])).toEqual([undefined]);
    await store.set([entry('progress:v5:1', 5, 'progress:1')]);
    expect(await store.get(['progress:v5:1'])).toEqual([5]);
  });
});
