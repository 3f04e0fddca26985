import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { operation } from '../../test/operations.js';
import { hasRedisServer, ThrowawayRedis } from '../../test/throwaway-redis.js';

const DASHBOARD = operation('Dashboard');
const SUBMIT = operation('SubmitAttempt');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function cpExercises(t: TestApp, n: number) {
  return t.app.database.db
    .selectFrom('exercises as e')
    .innerJoin('modules as m', 'm.id', 'e.module_id')
    .select(['e.id', 'e.solution', 'e.points'])
    .where('m.level', '=', 'CP')
    .orderBy('e.id')
    .limit(n)
    .execute();
}

describe.runIf(hasRedisServer)('Redis going away under traffic (a throwaway redis-server)', () => {
  let redis: ThrowawayRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    // Traffic well past the per-student answer rate: this test is about the cache, not that limit.
    t = await createTestApp({ env: { REDIS_URL: redis.url, CACHE_REDIS_TIMEOUT_MS: '150', ATTEMPTS_PER_MINUTE: '100000' } });
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  it('fails no request, reports DEGRADED, serves no stale read, and is back on Redis within 5 s', async () => {
    const usernames = Array.from({ length: 10 }, (_, i) => `student${String(100 + i * 5 + 1).padStart(3, '0')}`); // CP students
    const tokens = await Promise.all(usernames.map((u) => t.login(u)));
    const exercises = await cpExercises(t, 60);
    // On a loaded machine the first connection may take a moment: the cache starts without it.
    for (let i = 0; i < 100 && t.app.cache.backend !== 'redis'; i++) await sleep(50);
    expect(t.app.cache.backend).toBe('redis');

    let failures = 0;
    let requests = 0;
    let running = true;
    const traffic = async (token: string, k: number) => {
      let n = 0;
      while (running) {
        const e = exercises[(k * 7 + n) % exercises.length]!;
        const res = n % 3 === 0
          ? await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: `fault-${k}-${n}` } } })
          : await t.gql(DASHBOARD, { token });
        requests++;
        if (res.errors || res.status !== 200) failures++;
        n++;
        await sleep(5);
      }
    };
    const loops = tokens.map((token, k) => traffic(token, k));

    await sleep(400);
    await redis.down();
    await sleep(400);
    const health = await t.gql(operation('Health'));
    expect(health.data.health.cache.status).toBe('DEGRADED');
    expect(health.data.health.status).toBe('DEGRADED');
    expect(t.app.cache.backend).toBe('memory');

    // No stale read meanwhile: a write is seen by the next read.
    const token = await t.login('student196');
    const before = (await t.gql(DASHBOARD, { token })).data.me.totalPoints;
    const e = exercises[59]!;
    await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: 'fault-stale-1' } } });
    expect((await t.gql(DASHBOARD, { token })).data.me.totalPoints).toBe(before + e.points);

    await redis.up();
    const recoveredMs = await backOnRedisWithin(5_000);
    running = false;
    await Promise.all(loops);

    expect(recoveredMs).toBeLessThan(5_000);
    expect(failures).toBe(0);
    // On a loaded test machine, a command past its timeout after the return counts as another
    // (short) outage; the cache is back on Redis by itself all the same.
    expect(await backOnRedisWithin(3_000)).toBeLessThan(3_000);
    expect(t.app.cache.snapshot().outages).toBeGreaterThanOrEqual(1);
    expect((await t.gql(operation('Health'))).data.health.cache.status).toBe('OK');
    // After the outage, the epoch moved on: the write made during it is still seen.
    expect((await t.gql(DASHBOARD, { token })).data.me.totalPoints).toBe(before + e.points);
    console.log(`Redis outage under traffic: ${requests} requests, ${failures} failed, back on Redis ${recoveredMs} ms after it returned (${t.app.cache.snapshot().outages} outage(s) counted)`);
  });

  it('answers quickly while Redis hangs (SIGSTOP), reports DEGRADED, serves no stale read, and is back after SIGCONT', async () => {
    const usernames = Array.from({ length: 8 }, (_, i) => `student${String(101 + i * 5).padStart(3, '0')}`); // CP students
    const tokens = await Promise.all(usernames.map((u) => t.tokenFor(u)));
    const exercises = await cpExercises(t, 60);
    await backOnRedisWithin(5_000);
    const outagesBefore = t.app.cache.snapshot().outages;

    const latencies: { at: number; ms: number }[] = [];
    let failures = 0;
    let running = true;
    const traffic = async (token: string, k: number) => {
      for (let n = 0; running; n++) {
        const e = exercises[(k * 11 + n) % exercises.length]!;
        const started = performance.now();
        const res = n % 3 === 0
          ? await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: `hang-${k}-${n}` } } })
          : await t.gql(DASHBOARD, { token });
        latencies.push({ at: started, ms: performance.now() - started });
        if (res.errors || res.status !== 200) failures++;
        await sleep(5);
      }
    };
    const loops = tokens.map((token, k) => traffic(token, k));
    await sleep(300);
    const pausedAt = performance.now();
    redis.pause();
    await sleep(600);

    const health = await t.gql(operation('Health'));
    expect(health.data.health.cache.status).toBe('DEGRADED');
    // No stale read while it hangs: a write is seen by the next read.
    const token = await t.tokenFor('student191');
    const before = (await t.gql(DASHBOARD, { token })).data.me.totalPoints;
    const e = exercises[58]!;
    await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: 'hang-stale-1' } } });
    expect((await t.gql(DASHBOARD, { token })).data.me.totalPoints).toBe(before + e.points);
    await sleep(400);

    redis.resume();
    const resumedAt = performance.now();
    const recoveredMs = await backOnRedisWithin(5_000);
    running = false;
    await Promise.all(loops);

    const during = latencies.filter((l) => l.at + l.ms >= pausedAt && l.at < resumedAt).map((l) => l.ms).sort((a, b) => a - b);
    expect(failures).toBe(0);
    expect(during.length).toBeGreaterThan(0);
    // A request waits for at most a command timeout or two (150 ms each) before the cache goes DEGRADED.
    expect(during.at(-1)!).toBeLessThan(1_000);
    expect(recoveredMs).toBeLessThan(5_000);
    expect(t.app.cache.snapshot().outages).toBeGreaterThan(outagesBefore);
    expect((await t.gql(DASHBOARD, { token })).data.me.totalPoints).toBe(before + e.points);
    console.log(
      `Redis hung (SIGSTOP) under traffic: ${latencies.length} requests, ${failures} failed; during the hang p50 ${during[Math.floor(during.length / 2)]!.toFixed(1)} ms, ` +
        `max ${during.at(-1)!.toFixed(1)} ms (CACHE_REDIS_TIMEOUT_MS 150); back on Redis ${recoveredMs} ms after SIGCONT`,
    );
  });

  /** Milliseconds until the cache answers from Redis again, or `limitMs` if it does not. */
  async function backOnRedisWithin(limitMs: number): Promise<number> {
    const started = Date.now();
    while (t.app.cache.backend !== 'redis' && Date.now() - started < limitMs) await sleep(20);
    return Date.now() - started;
  }
});

describe.runIf(process.env.REDIS_URL && process.env.DATABASE_URL)('two instances on one Redis and one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ sibling: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("sees a write on one instance in the next read on the other (memory layers included)", async () => {
    const token = await a.login('student071');
    const warmA = (await a.gql(DASHBOARD, { token })).data.me;
    const warmB = (await b.gql(DASHBOARD, { token })).data.me;
    expect(warmB).toEqual(warmA);
    // B now holds the dashboard in its memory layer; A writes.
    const e = (await cpExercises(a, 5))[4]!;
    await a.gql(SUBMIT, { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: 'two-instances-1' } } });
    const started = performance.now();
    const seen = (await b.gql(DASHBOARD, { token })).data.me;
    const ms = performance.now() - started;
    expect(seen.totalPoints).toBe(warmA.totalPoints + e.points);
    console.log(`a write on instance A was visible on instance B in the next request (${ms.toFixed(1)} ms)`);

    // And an admin's clearCache on B empties A's memory layer too.
    const admin = await b.login('admin');
    await b.gql('mutation { clearCache(namespace: "progress") }', { token: admin });
    const { queries } = await a.statements(() => a.gql(DASHBOARD, { token }));
    expect(queries.map((q) => q.name)).toContain('progress.byStudentIds');
  });
});
