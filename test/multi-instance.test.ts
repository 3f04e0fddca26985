import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';
import { operation } from './operations.js';

/**
 * Three instances of the service on one PostgreSQL and one Redis, a student's requests spread
 * over them: nothing an answer depends on lives in one instance's memory.
 */
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('three instances, one PostgreSQL, one Redis', () => {
  let instances: TestApp[];
  beforeAll(async () => {
    const a = await createTestApp();
    instances = [a, await createTestApp({ sibling: a }), await createTestApp({ sibling: a })];
  });
  afterAll(async () => {
    for (const t of [...(instances ?? [])].reverse()) await t.close();
  });

  it("reads a student's write on every instance, at once", async () => {
    const [a, b, c] = instances as [TestApp, TestApp, TestApp];
    const token = await a.login('student121');
    const before = await Promise.all(instances.map(async (t) => (await t.gql(operation('Dashboard'), { token })).data.me));
    expect(before[1]).toEqual(before[0]);
    const e = await a.app.database.db.selectFrom('exercises').select(['id', 'solution', 'points']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await b.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: 'multi-121-1' } } });
    for (const t of [c, a]) {
      const me = (await t.gql(operation('Dashboard'), { token })).data.me;
      expect(me.totalPoints).toBe(before[0].totalPoints + e.points);
      expect(me.stats.exercisesCompleted).toBe(before[0].stats.exercisesCompleted + 1);
    }
  });

  it('shares the login lockout: five failures spread over the instances lock the username on all', async () => {
    const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    for (let i = 0; i < 5; i++) {
      const res = await instances[i % 3]!.gql(LOGIN, { variables: { u: 'student122', p: `wrong-${i}` } });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    for (const t of instances) {
      const res = await t.gql(LOGIN, { variables: { u: 'student122', p: 'demo1234' } });
      expect(res.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
  });

  it('reports, on each instance, the requests that instance served', async () => {
    const token = await instances[0]!.login('student123');
    const counts = [7, 3, 0];
    for (const [i, n] of counts.entries()) for (let k = 0; k < n; k++) await instances[i]!.gql(operation('Recommendations'), { token });
    const admin = await instances[0]!.login('admin');
    for (const [i, t] of instances.entries()) {
      const ops = (await t.gql('{ monitoring { operations(windowSeconds: 900, limit: 100) { name count } } }', { token: admin })).data.monitoring.operations;
      expect(ops.find((o: { name: string }) => o.name === 'Recommendations')?.count ?? 0, `instance ${i}`).toBe(counts[i]);
    }
  });
});
