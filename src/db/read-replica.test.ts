import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { operation } from '../../test/operations.js';
import { scope } from '../cache/namespaces.js';

/**
 * READ_DATABASE_URL: reads go to the replica, except a student's own right after its writes.
 * The replica here is a second real PostgreSQL database that nothing replicates into, so any
 * read that reaches it is recognisable (and stale, as a lagging replica would be).
 */
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('with a read replica', () => {
  let a: TestApp;
  let b: TestApp;
  let replicaDb: TestApp['app']['readDatabase']['db'];
  beforeAll(async () => {
    a = await createTestApp({ replica: true, env: { READ_AFTER_WRITE_MS: '1500' } });
    b = await createTestApp({ sibling: a, env: { READ_AFTER_WRITE_MS: '1500' } });
    replicaDb = a.app.readDatabase.db;
    await replicaDb.updateTable('students').set({ first_name: 'Répliqua' }).where('username', 'in', ['student096', 'student097']).execute();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const ME = '{ me { firstName totalPoints } }';
  // Profiles are cached (from the primary while pinned): drop them to see where a miss is read.
  const dropProfiles = async (t: TestApp) => t.gql('mutation { clearCache(namespace: "students") }', { token: await t.login('admin') });

  it("sends reads to the replica, a student's reads right after its own write to the primary, on every instance", async () => {
    const token = await a.login('student096'); // login writes (last activity): pinned to the primary
    expect((await a.gql(ME, { token })).data.me.firstName).not.toBe('Répliqua');
    await new Promise((r) => setTimeout(r, 1_700));
    await dropProfiles(a);
    expect((await a.gql(ME, { token })).data.me.firstName).toBe('Répliqua');

    const e = await a.app.database.db.selectFrom('exercises').select(['id', 'solution', 'points']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    await a.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: 'replica-096-1' } } });
    // The next read, on the other instance, sees the write: it goes to the primary.
    const onB = (await b.gql(ME, { token })).data.me;
    expect(onB).toEqual({ firstName: expect.not.stringMatching('Répliqua'), totalPoints: e.points });
    await new Promise((r) => setTimeout(r, 1_700));
    await dropProfiles(b);
    expect((await b.gql(ME, { token })).data.me.firstName).toBe('Répliqua');
  });

  it('shares a value read from the replica only once its versions are older than the allowed lag', async () => {
    const token = await a.login('student098');
    await new Promise((r) => setTimeout(r, 1_700)); // the login's pin is over
    const id = await a.studentId('student098');
    const rename = (name: string) => replicaDb.updateTable('students').set({ first_name: name }).where('id', '=', id).execute();
    // A write elsewhere that this instance has no pin for yet: only its new version is visible.
    await a.app.cache.bump([scope.student(id)]);
    await rename('Réplique 1');
    expect((await a.gql(ME, { token })).data.me.firstName).toBe('Réplique 1');
    await rename('Réplique 2');
    expect((await a.gql(ME, { token })).data.me.firstName).toBe('Réplique 2'); // not kept: too young to trust
    await new Promise((r) => setTimeout(r, 1_700));
    expect((await a.gql(ME, { token })).data.me.firstName).toBe('Réplique 2');
    await rename('Réplique 3');
    expect((await a.gql(ME, { token })).data.me.firstName).toBe('Réplique 2'); // kept now
  });

  it("sends an admin's reads to the replica", async () => {
    const admin = await a.login('admin');
    const id = await a.studentId('student097');
    const res = await a.gql('query($id: ID!) { student(id: $id) { firstName } }', { token: admin, variables: { id: String(id) } });
    expect(res.data.student.firstName).toBe('Répliqua');
  });
});
