import { createClient } from '@keyv/redis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../src/server.js';
import { DelayProxy } from './delay-proxy.js';
import { exercisesOfLevel, createTestApp, type TestApp } from './harness.js';
import { operation } from './operations.js';
import { hasRedisServer, ThrowawayRedis } from './throwaway-redis.js';

const DASHBOARD = operation('Dashboard');
const SUBMIT = operation('SubmitAttempt');
const ME = '{ me { id totalPoints } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 25 ms for up to `withinMs`; returns how long it took to hold (Infinity: never). */
async function timeUntil(check: () => Promise<boolean>, withinMs = 1_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > withinMs) return Infinity;
    await sleep(25);
  }
}

async function answerRight(t: TestApp, token: string, exercise: { id: number; solution: unknown }, key: string) {
  const res = await t.gql(SUBMIT, { token, variables: { input: { exerciseId: String(exercise.id), answer: exercise.solution, durationSeconds: 5, idempotencyKey: key } } });
  expect(res.errors, res.body).toBeUndefined();
  return res.data.submitAttempt;
}

describe('an account deleted, by the service or by hand in SQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('stops answering for its tokens at once (UNAUTHENTICATED on every field), even with its profile cached', async () => {
    const token = await t.tokenFor('student181');
    const id = await t.studentId('student181');
    expect((await t.gql(ME, { token })).data.me.id).toBe(String(id));
    expect((await t.gql(DASHBOARD, { token })).errors).toBeUndefined(); // the profile is cached now
    await sql`delete from students where id = ${id}`.execute(t.app.database.db);
    const ms = await timeUntil(async () => (await t.gql(ME, { token })).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');
    console.log(`a deleted account's token refused ${ms.toFixed(1)} ms after the DELETE`);
    expect(ms).toBeLessThan(1_000);
    for (const query of [DASHBOARD, 'mutation { startSession { id } }']) {
      const res = await t.gql(query, { token });
      expect(res.errors?.[0]?.extensions?.code, res.body).toBe('UNAUTHENTICATED');
    }
  });

  it('answers a write that raced the deletion (a foreign-key violation) as UNAUTHENTICATED, never INTERNAL_SERVER_ERROR', () => {
    const raced = Object.assign(new Error('insert or update on table "learning_sessions" violates foreign key constraint'), { code: '23503', constraint: 'learning_sessions_student_id_fkey' });
    expect(formatError({ message: raced.message, path: ['startSession'] }, raced).extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const other = Object.assign(new Error('violates foreign key constraint'), { code: '23503', constraint: 'attempts_exercise_id_fkey' });
    expect(formatError({ message: other.message }, other).extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('revokes its tokens when token_version moves in SQL, at once', async () => {
    const token = await t.tokenFor('student182');
    const id = await t.studentId('student182');
    expect((await t.gql(DASHBOARD, { token })).errors).toBeUndefined();
    await sql`update students set token_version = token_version + 1 where id = ${id}`.execute(t.app.database.db);
    expect(await timeUntil(async () => (await t.gql(ME, { token })).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED')).toBeLessThan(1_000);
  });
});

/**
 * Two instances on one PostgreSQL; Redis reachable from one of them only, or refusing writes for
 * both. What the one that cannot write to Redis changes reaches the other through PostgreSQL.
 */
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL && hasRedisServer)('invalidations when Redis cannot take them', () => {
  it('one instance cut off from Redis: its answers, logouts and password changes are seen by the other within 1 s', async () => {
    const a = await createTestApp();
    const proxy = await DelayProxy.start({ host: '127.0.0.1', port: Number(new URL(process.env.REDIS_URL!).port || 6379) });
    const b = await createTestApp({ sibling: a, env: { REDIS_URL: proxy.url } });
    try {
      const token = await a.tokenFor('student183');
      const [e1, e2] = await exercisesOfLevel(a, 'CM2', 2);
      const before = (await a.gql(DASHBOARD, { token })).data.me;
      expect((await b.gql(DASHBOARD, { token })).data.me).toEqual(before); // both warm

      proxy.cut();
      const answered = await answerRight(b, token, e1!, 'cut-off-183-1');
      expect(answered.student.totalPoints).toBeGreaterThan(before.totalPoints);
      const seen = await timeUntil(async () => (await a.gql(ME, { token })).data.me.totalPoints === answered.student.totalPoints);
      console.log(`an answer on the instance cut off from Redis was seen by the other in ${seen.toFixed(1)} ms`);
      expect(seen).toBeLessThan(1_000);
      expect((await a.gql(DASHBOARD, { token })).data.me.stats.exercisesAttempted).toBe(before.stats.exercisesAttempted + 1);

      // A password change on the cut-off instance: the old token stops everywhere.
      const other = await a.login('student184');
      expect((await a.gql(ME, { token: other })).errors).toBeUndefined();
      const changed = await b.gql('mutation { changePassword(currentPassword: "demo1234", newPassword: "autre-mot-2026") { token } }', { token: other });
      expect(changed.errors, changed.body).toBeUndefined();
      expect(await timeUntil(async () => (await a.gql(ME, { token: other })).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED')).toBeLessThan(1_000);

      // A logout on the cut-off instance: refused on the other within 1 s.
      expect((await b.gql('mutation { logout }', { token })).data?.logout).toBe(true);
      const revoked = await timeUntil(async () => (await a.gql(ME, { token })).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');
      console.log(`a logout on the instance cut off from Redis was refused by the other in ${revoked.toFixed(1)} ms`);
      expect(revoked).toBeLessThan(1_000);

      // Back on Redis: the cut-off instance serves what the other wrote meanwhile.
      proxy.restore();
      const fresh = await a.tokenFor('student183');
      await answerRight(a, fresh, e2!, 'cut-off-183-2');
      const points = (await a.gql(ME, { token: fresh })).data.me.totalPoints;
      expect(await timeUntil(async () => (await b.gql(ME, { token: fresh })).data?.me?.totalPoints === points, 8_000)).toBeLessThan(8_000);
    } finally {
      await b.close();
      await a.close();
      await proxy.close();
    }
  });

  it('Redis refusing writes (maxmemory, noeviction): an answer on one instance is seen by the other within 1 s', async () => {
    const redis = await ThrowawayRedis.start();
    const a = await createTestApp({ env: { REDIS_URL: redis.url } });
    const b = await createTestApp({ sibling: a, env: { REDIS_URL: redis.url } });
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      const token = await a.tokenFor('student185');
      const [e1, e2] = await exercisesOfLevel(a, 'CM2', 2);
      const before = (await a.gql(DASHBOARD, { token })).data.me;
      expect((await b.gql(DASHBOARD, { token })).data.me).toEqual(before);

      await admin.configSet({ maxmemory: '1', 'maxmemory-policy': 'noeviction' });
      const first = await answerRight(a, token, e1!, 'full-185-1');
      const seen = await timeUntil(async () => (await b.gql(ME, { token })).data.me.totalPoints === first.student.totalPoints);
      console.log(`with Redis refusing writes, an answer on one instance was seen by the other in ${seen.toFixed(1)} ms`);
      expect(seen).toBeLessThan(1_000);
      const second = await answerRight(b, token, e2!, 'full-185-2');
      expect(await timeUntil(async () => (await a.gql(ME, { token })).data.me.totalPoints === second.student.totalPoints)).toBeLessThan(1_000);

      await admin.configSet({ maxmemory: '0' });
      // Redis takes writes again: both instances come back to it and agree.
      expect(await timeUntil(async () => a.app.cache.backend === 'redis' && b.app.cache.backend === 'redis', 10_000)).toBeLessThan(10_000);
      const again = (await a.gql(DASHBOARD, { token })).data.me;
      expect((await b.gql(DASHBOARD, { token })).data.me).toEqual(again);
      expect(again.totalPoints).toBe(second.student.totalPoints);
    } finally {
      await admin.close();
      await b.close();
      await a.close();
      await redis.stop();
    }
  });
});
