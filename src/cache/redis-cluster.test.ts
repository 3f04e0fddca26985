import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLink, createTestApp, type TestApp } from '../../test/harness.js';
import { operation } from '../../test/operations.js';
import { hasRedisServer, ThrowawayRedisCluster } from '../../test/throwaway-redis.js';
import { RedisStore } from './redis-store.js';

/** REDIS_URL naming a Redis Cluster: three throwaway nodes on loopback. */
describe.runIf(hasRedisServer)('on a Redis Cluster', () => {
  let cluster: ThrowawayRedisCluster;
  let t: TestApp;
  beforeAll(async () => {
    cluster = await ThrowawayRedisCluster.start(3);
    t = await createTestApp({ env: { REDIS_URL: cluster.url } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await cluster?.stop();
  });

  it('keeps the store contract across slots: values, versions, and emptying a namespace', async () => {
    const link = await connectLink(cluster.url, 'contract');
    expect(link.away).toBe(false);
    const store = Object.assign(new RedisStore(link), { close: () => link.close() });
    try {
      const entries = Array.from({ length: 50 }, (_, i) => ({ key: `progress:k${i}`, namespace: 'progress' as const, value: { i, at: 0 }, ttlMs: 60_000, size: 10 }));
      await store.set(entries);
      const got = await store.get(entries.map((e) => e.key));
      expect(got).toEqual(entries.map((e) => e.value));
      const scopes = ['epoch', 'curriculum', 'student:1', 'work:1', 'student:2', 'work:77'];
      const tokens = await store.versions(scopes);
      expect(await store.versions(scopes)).toEqual(tokens);
      await store.bump(['work:1', 'curriculum']);
      const after = await store.versions(scopes);
      expect(after.map((t, i) => t === tokens[i])).toEqual([true, false, true, false, true, true]);
      expect(await store.clearNamespace('progress')).toBe(50);
      expect(await store.get(['progress:k0', 'progress:k49'])).toEqual([undefined, undefined]);
    } finally {
      await store.close();
    }
  });

  it('serves the API from it: a warm dashboard without SQL, and a write seen at once', async () => {
    for (let i = 0; i < 100 && t.app.cache.backend !== 'redis'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(t.app.cache.backend).toBe('redis');
    const token = await t.login('student091');
    await t.gql(operation('Dashboard'), { token });
    const warm = await t.statements(() => t.gql(operation('Dashboard'), { token }));
    expect(warm.queries).toEqual([]);
    const before = warm.result.data.me.totalPoints;
    const e = await t.app.database.db.selectFrom('exercises').select(['id', 'solution', 'points']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: 'cluster-091-1' } } });
    expect((await t.gql(operation('Dashboard'), { token })).data.me.totalPoints).toBe(before + e.points);
    expect((await t.gql(operation('Health'))).data.health.cache).toMatchObject({ status: 'OK', detail: 'redis' });
  });
});
