import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrongAnswer } from '../../db/seeds/history.js';
import { createTestApp, type GqlResponse, type TestApp } from '../../test/harness.js';
import { operation } from '../../test/operations.js';
import { scope } from './namespaces.js';
import { RequestCache } from './request-cache.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  // A student's twelve answers at once, on purpose: past what one viewer may have in flight.
  t = await createTestApp({ env: { VIEWER_MAX_INFLIGHT: '100' } });
  admin = await t.login('admin');
});
afterAll(() => t.close());

const DASHBOARD = operation('Dashboard');

async function exercisesOf(level: string, n: number) {
  return t.app.database.db
    .selectFrom('exercises as e')
    .innerJoin('modules as m', 'm.id', 'e.module_id')
    .select(['e.id', 'e.type', 'e.points', 'e.solution', 'e.content', 'e.title'])
    .where('m.level', '=', level as never)
    .orderBy('e.id')
    .limit(n)
    .execute();
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

describe('the shared cache', () => {
  it('serves a warm dashboard with no SQL at all', async () => {
    const token = await t.login('student061');
    const cold = await timed(() => t.statements(() => t.gql(DASHBOARD, { token })));
    const warm = await timed(() => t.statements(() => t.gql(DASHBOARD, { token })));
    expect(cold.result.result.errors).toBeUndefined();
    expect(warm.result.result.data).toEqual(cold.result.result.data);
    expect(cold.result.queries.length).toBeGreaterThan(0);
    expect(warm.result.queries.map((q) => q.name)).toEqual([]);
    console.log(`dashboard (${t.app.cache.backend}): cold ${cold.result.queries.length} SQL statements in ${cold.ms.toFixed(1)} ms, warm ${warm.result.queries.length} in ${warm.ms.toFixed(1)} ms`);
  });

  it('shows a student its own writes at once: points, progress, recommendations, stats', async () => {
    const token = await t.login('student062'); // CE1
    const before = (await t.gql(DASHBOARD, { token, variables: { limit: 3 } })).data.me;
    const first = before.recommendations[0].exercise;
    const e = (await exercisesOf('CE1', 400)).find((x) => String(x.id) === first.id)!;
    await t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: first.id, answer: e.solution, durationSeconds: 30, idempotencyKey: 'cache-062-1' } } });
    const after = (await t.gql(DASHBOARD, { token, variables: { limit: 3 } })).data.me;
    expect(after.totalPoints).toBe(before.totalPoints + e.points);
    expect(after.progress.totalCount).toBe(before.progress.totalCount + 1);
    expect(after.recommendations.map((r: any) => r.exercise.id)).not.toContain(first.id);
    expect(after.stats.exercisesCompleted).toBe(before.stats.exercisesCompleted + 1);

    const other = (await exercisesOf('CE1', 400)).find((x) => String(x.id) === after.recommendations[0].exercise.id)!;
    await t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(other.id), answer: wrongAnswer(other), durationSeconds: 30, idempotencyKey: 'cache-062-2' } } });
    const retry = (await t.gql(DASHBOARD, { token, variables: { limit: 3 } })).data.me;
    expect(retry.recommendations[0]).toMatchObject({ reason: 'RETRY', exercise: { id: String(other.id) } });
  });

  it("writes a student's work through after an answer: the next dashboard, anywhere, needs no SQL", async () => {
    const token = await t.login('student068'); // CE2
    const before = (await t.gql(DASHBOARD, { token })).data.me;
    const first = before.recommendations[0].exercise;
    const e = (await exercisesOf('CE2', 400)).find((x) => String(x.id) === first.id)!;
    await t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: first.id, answer: e.solution, durationSeconds: 30, idempotencyKey: 'cache-068-1' } } });
    const after = await t.statements(() => t.gql(DASHBOARD, { token }));
    expect(after.queries.map((q) => q.name)).toEqual([]);
    const me = after.result.data.me;
    expect(me.totalPoints).toBe(before.totalPoints + e.points);
    expect(me.stats.exercisesCompleted).toBe(before.stats.exercisesCompleted + 1);
    expect(me.recommendations.map((r: any) => r.exercise.id)).not.toContain(first.id);
    // What was written through is what a cold read computes.
    await t.gql('mutation { clearCache }', { token: admin });
    expect((await t.gql(DASHBOARD, { token })).data.me).toEqual(me);
  });

  it("keeps one memory entry per student value: an answer's new versions replace the old ones", async () => {
    const token = await t.login('student073');
    const answer = async (n: number) => {
      const id = (await t.gql(DASHBOARD, { token })).data.me.recommendations[0].exercise.id;
      const e = await t.app.database.db.selectFrom('exercises').select(['id', 'type', 'solution', 'content']).where('id', '=', Number(id)).executeTakeFirstOrThrow();
      await t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: id, answer: n % 2 ? e.solution : wrongAnswer(e), durationSeconds: 30, idempotencyKey: `cache-073-${n}` } } });
      await t.gql(DASHBOARD, { token });
    };
    await answer(0); // the exercises it reads are cached from now on
    const before = t.app.cache.memory.size;
    for (let n = 1; n <= 4; n++) await answer(n);
    // Each answer writes the student's profile and progress under a new version, in place of the old.
    expect(t.app.cache.memory.size - before).toBe(0);
  });

  it('keeps the written-through work right under concurrent answers of one student', async () => {
    const token = await t.login('student070');
    const exercises = await exercisesOf('CM2', 12);
    await t.gql(DASHBOARD, { token });
    await Promise.all(
      exercises.map((e, i) =>
        t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(e.id), answer: i % 3 ? e.solution : wrongAnswer(e), durationSeconds: 5, idempotencyKey: `concurrent-070-${i}` } } }),
      ),
    );
    const cached = (await t.gql(DASHBOARD, { token, variables: { first: 50 } })).data.me;
    await t.gql('mutation { clearCache }', { token: admin });
    const cold = (await t.gql(DASHBOARD, { token, variables: { first: 50 } })).data.me;
    expect(cached).toEqual(cold);
    expect(cold.progress.totalCount).toBe(12);
  });

  it('answers a double tap (the same answer sent twice at once) twice, with one attempt recorded', async () => {
    const token = await t.login('student069');
    const exercises = await exercisesOf('CM1', 15);
    for (const [i, e] of exercises.entries()) {
      const input = { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: `double-tap-069-${i}` };
      const [a, b] = (await Promise.all([0, 1].map(() => t.gql(operation('SubmitAttempt'), { token, variables: { input } })))) as [GqlResponse<any>, GqlResponse<any>];
      expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      expect(b.errors, JSON.stringify(b.errors)).toBeUndefined();
      expect(a.data.submitAttempt.correct).toBe(true);
      expect(b.data.submitAttempt).toEqual(a.data.submitAttempt); // the retry gets the first result
    }
    const id = await t.studentId('student069');
    const n = await t.app.database.db.selectFrom('attempts').select((eb) => eb.fn.countAll<string>().as('n')).where('student_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(15);
    const points = await t.app.database.db.selectFrom('students').select('total_points').where('id', '=', id).executeTakeFirstOrThrow();
    expect(points.total_points).toBe(exercises.reduce((sum, e) => sum + e.points, 0));
  });

  it('decides an answer from the cached row, scheduler state included: one statement an answer when warm, a due review too, and the dashboard stays warm', async () => {
    const token = await t.login('student062'); // CE1
    const [e] = await exercisesOf('CE1', 1);
    const submit = (n: number) =>
      t.statements(() => t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(e!.id), answer: e!.solution, durationSeconds: 5, idempotencyKey: `warm-062-${n}` } } }));
    await t.gql(DASHBOARD, { token }); // the student's rows and its level's curriculum are cached
    const first = await submit(1);
    expect(first.result.errors).toBeUndefined();
    expect(first.queries.map((q) => q.name)).toEqual(['attempts.record']);
    // Its review falls due: decided from the row the first answer wrote through, FSRS state and all.
    t.clock.advance(60 * 24 * 3_600_000);
    const review = await submit(2);
    expect(review.result.errors).toBeUndefined();
    expect(review.queries.map((q) => q.name)).toEqual(['attempts.record']);
    expect(review.result.data.submitAttempt.progress.status).toBe('MASTERED');
    const dashboard = await t.statements(() => t.gql(DASHBOARD, { token }));
    expect(dashboard.queries.map((q) => q.name)).toEqual([]);
    expect(dashboard.result.data.me.stats.exercisesMastered).toBeGreaterThanOrEqual(1);
    t.clock.set(new Date());
  });

  it('keeps a student\'s cached rows across a session started and ended: the next dashboard sends no SQL', async () => {
    const token = await t.login('student066');
    await t.gql(DASHBOARD, { token });
    const id = (await t.gql(operation('StartSession'), { token })).data.startSession.id;
    await t.gql(operation('EndSession'), { token, variables: { id } });
    const dashboard = await t.statements(() => t.gql(DASHBOARD, { token }));
    expect(dashboard.result.errors).toBeUndefined();
    expect(dashboard.queries.map((q) => q.name)).toEqual([]);
  });

  it('refreshes sessions on start and end, and the profile on login', async () => {
    const token = await t.login('student063');
    const SESSIONS = '{ me { lastActiveAt sessions { id endedAt } } }';
    expect((await t.gql(SESSIONS, { token })).data.me.sessions).toEqual([]);
    const id = (await t.gql(operation('StartSession'), { token })).data.startSession.id;
    expect((await t.gql(SESSIONS, { token })).data.me.sessions).toEqual([{ id, endedAt: null }]);
    await t.gql(operation('EndSession'), { token, variables: { id } });
    expect((await t.gql(SESSIONS, { token })).data.me.sessions[0].endedAt).not.toBeNull();

    const seen = (await t.gql(SESSIONS, { token })).data.me.lastActiveAt;
    t.clock.advance(3_600_000);
    await t.login('student063');
    expect((await t.gql(SESSIONS, { token })).data.me.lastActiveAt).not.toBe(seen);
    t.clock.set(new Date());
  });

  it('holds plain JSON only: every value a school day leaves in memory comes back the same from Redis', async () => {
    const token = await t.login('student067');
    await t.gql(DASHBOARD, { token });
    const id = (await t.gql(operation('StartSession'), { token })).data.startSession.id;
    const [e] = await exercisesOf('CE2', 1);
    await t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(e!.id), answer: e!.solution, durationSeconds: 5, idempotencyKey: 'json-only-1' } } });
    await t.gql(operation('EndSession'), { token, variables: { id } });
    await t.gql('{ me { sessions { id startedAt endedAt } lastActiveAt } }', { token });
    const teacher = await t.login('teacher03', 'teacher1234');
    const classes = await t.gql('{ classrooms(first: 1) { edges { node { id } } } }', { token: teacher });
    await t.gql('query($id: ID!) { classroom(id: $id) { overview(subject: MATHEMATIQUES) { rows { cells { attempted } } } } }', { token: teacher, variables: { id: classes.data.classrooms.edges[0].node.id } });
    const values = [...t.app.cache.memory.values()];
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });

  it('drops the cached curriculum when the curriculum changes', async () => {
    const token = await t.login('student064');
    const e = (await exercisesOf('CP', 1))[0]!;
    const q = 'query($id: ID!) { exercise(id: $id) { title } }';
    await t.app.curriculumWatcher.check();
    expect((await t.gql(q, { token, variables: { id: String(e.id) } })).data.exercise.title).toBe(e.title);
    await t.app.database.db.updateTable('exercises').set({ title: 'Titre corrigé' }).where('id', '=', e.id).execute();
    expect(await t.app.curriculumWatcher.check()).toBe(true);
    expect((await t.gql(q, { token, variables: { id: String(e.id) } })).data.exercise.title).toBe('Titre corrigé');
  });

  it('runs the loader once for concurrent misses of one key', async () => {
    const tokens = await Promise.all(Array.from({ length: 5 }, () => t.login('student065')));
    const { queries } = await t.statements(() => Promise.all(Array.from({ length: 20 }, (_, i) => t.gql(DASHBOARD, { token: tokens[i % 5] }))));
    expect(queries.filter((q) => q.name === 'progress.byStudentIds')).toHaveLength(1);
    expect(queries.filter((q) => q.name === 'students.byIds').length).toBeLessThanOrEqual(1);
  });

  it('clearCache empties one namespace or all, for an admin only', async () => {
    const token = await t.login('student066');
    await t.gql(DASHBOARD, { token });
    expect((await t.gql('mutation { clearCache(namespace: "sessions") }', { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql('mutation { clearCache(namespace: "nope") }', { token: admin });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'namespace' });
    const misses = t.app.cache.snapshot().namespaces.find((n) => n.namespace === 'progress')!.misses;
    const progress = await t.gql('mutation { clearCache(namespace: "progress") }', { token: admin });
    expect(progress.data.clearCache).toBeGreaterThan(0);
    const { queries } = await t.statements(() => t.gql(DASHBOARD, { token }));
    expect(queries.map((q) => q.name ?? q.sql)).toEqual(['progress.byStudentIds']);
    expect(t.app.cache.snapshot().namespaces.find((n) => n.namespace === 'progress')!.misses).toBe(misses + 1);
    const all = await t.gql('mutation { clearCache }', { token: admin });
    expect(all.data.clearCache).toBeGreaterThan(0);
    expect((await t.statements(() => t.gql(DASHBOARD, { token }))).queries.length).toBeGreaterThan(0);
  });

  it('answers Exercise.module from the exercise it was read with: no query of its own', async () => {
    const token = await t.login('student063');
    const [e] = await exercisesOf('CE2', 1);
    const EXERCISE = operation('Exercise');
    const read = await t.statements(() => t.gql(EXERCISE, { token, variables: { id: String(e!.id) } }));
    expect(read.result.data.exercise.module).toMatchObject({ level: 'CE2', title: expect.any(String) });
    expect(read.queries.map((q) => q.name)).not.toContain('modules.byIds');
  });

  it("reads under its own write's new versions for the rest of the request", async () => {
    const student = 987_654;
    const request = new RequestCache(t.app.cache);
    const spec = { id: (k: number) => `probe:${k}`, scopes: () => [scope.student(student)] };
    let loads = 0;
    const load = async (keys: number[]) => keys.map(() => ({ load: ++loads }));
    expect(await request.many('sessions', [1], spec, load)).toEqual([{ load: 1 }]);
    expect(await request.many('sessions', [1, 2], spec, load)).toEqual([{ load: 1 }, { load: 2 }]);
    await request.invalidate([scope.student(student)]);
    // After the write, the same request reads under the new version: a miss, then a hit.
    expect(await request.many('sessions', [1], spec, load)).toEqual([{ load: 3 }]);
    expect(await request.many('sessions', [1], spec, load)).toEqual([{ load: 3 }]);
    // Another request sees what this one stored under the new version.
    expect(await new RequestCache(t.app.cache).many('sessions', [1], spec, load)).toEqual([{ load: 3 }]);
  });

  it("counts a write's look at what is cached as neither hit nor miss: a cold login counts one miss, its profile's read", async () => {
    await t.gql('mutation { clearCache }', { token: admin });
    const before = t.app.cache.snapshot().misses;
    const login = await t.gql(operation('Login'), { variables: { username: 'student071', password: 'demo1234' } });
    expect(login.errors).toBeUndefined();
    expect(t.app.cache.snapshot().misses - before).toBe(1);
  });

  it('keeps a hit rate over 80 % across 1,000 dashboard requests by 200 students, and counts it truly', async () => {
    await t.gql('mutation { clearCache }', { token: admin });
    const tokens = await Promise.all(Array.from({ length: 200 }, (_, i) => t.login(`student${String(i + 1).padStart(3, '0')}`)));
    const before = t.app.cache.snapshot();
    let sql = 0;
    // Five dashboards each, 20 students at a time, as a classroom's requests arrive.
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < tokens.length; i += 20) {
        const { queries } = await t.statements(() => Promise.all(tokens.slice(i, i + 20).map((token) => t.gql(DASHBOARD, { token }))));
        sql += queries.length;
      }
    }
    const after = t.app.cache.snapshot();
    const hits = after.hits - before.hits;
    const misses = after.misses - before.misses;
    const hitRate = hits / (hits + misses);
    console.log(`1,000 dashboards by 200 students (${t.app.cache.backend}): hit rate ${(hitRate * 100).toFixed(1)} % (${hits} hits, ${misses} misses), ${sql} SQL statements`);
    expect(hitRate).toBeGreaterThan(0.8);
    // True counts: each student's progress rows had to be read once (no hit can stand for those;
    // its profile was cached by its login), and misses stay a handful per student (shared
    // curriculum entries, and concurrent first readers of one key, which count as misses while one
    // loader runs).
    expect(misses).toBeGreaterThanOrEqual(200);
    expect(misses).toBeLessThanOrEqual(200 * 4);
    expect(sql).toBeLessThanOrEqual(misses);
  });
});

describe('with the cache off (CACHE=off)', () => {
  it('sends every read to the database', async () => {
    const off = await createTestApp({ env: { CACHE: 'off' } });
    try {
      const token = await off.login('student067');
      await off.gql(DASHBOARD, { token });
      const { queries } = await off.statements(() => off.gql(DASHBOARD, { token }));
      expect(queries.length).toBeGreaterThan(2);
      const h = await off.gql('{ health { cache { status detail } } }');
      expect(h.data.health.cache.detail).toMatch(/off/);
    } finally {
      await off.close();
    }
  });
});
