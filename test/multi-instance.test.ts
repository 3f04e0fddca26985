import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';
import { operation } from './operations.js';
import { DEMO_TEACHER_PASSWORD } from '../db/seeds/seed.js';

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

  it("shows a child's answer in its teacher's class overview on another instance within 1 s, and a new child too", async () => {
    const [a, b, c] = instances as [TestApp, TestApp, TestApp];
    const teacher = await a.login('teacher01', DEMO_TEACHER_PASSWORD);
    const OVERVIEW = 'query($id: ID!) { classroom(id: $id) { overview { rows { student { id } cells { attempted } } } } }';
    const classroom = (await a.gql('{ classrooms(first: 1) { edges { node { id students(first: 1) { edges { node { id username } } } } } } }', { token: teacher })).data.classrooms.edges[0].node;
    const child = classroom.students.edges[0].node as { id: string; username: string };
    const attempted = async (t: TestApp) => {
      const rows = (await t.gql(OVERVIEW, { token: teacher, variables: { id: classroom.id } })).data.classroom.overview.rows as { student: { id: string }; cells: { attempted: number }[] }[];
      return { rows: rows.length, mine: rows.find((r) => r.student.id === child.id)!.cells.reduce((n, cell) => n + cell.attempted, 0) };
    };
    const before = await attempted(c); // cached on c
    const token = await b.login(child.username);
    const e = await a.app.database.db.selectFrom('exercises as e').innerJoin('modules as m', 'm.id', 'e.module_id').select(['e.id', 'e.solution']).where('m.level', '=', 'CP').orderBy('e.id').limit(1).executeTakeFirstOrThrow();
    const answered = Date.now();
    await b.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 5, idempotencyKey: 'multi-overview-1' } } });
    let seen = await attempted(c);
    while (seen.mine === before.mine && Date.now() - answered < 1_000) seen = await attempted(c);
    expect(seen.mine).toBe(before.mine + 1);
    console.log(`a child's answer on one instance seen in its teacher's overview on another ${Date.now() - answered} ms later`);

    await b.gql('mutation($c: ID!, $s: [NewStudentInput!]!) { enrollStudents(classroomId: $c, students: $s) { student { id } } }', { token: teacher, variables: { c: classroom.id, s: [{ firstName: 'Nouvelle', level: 'CP' }] } });
    expect((await attempted(c)).rows).toBe(before.rows + 1);
  });

  it("ranks a module assigned on one instance first in a child's recommendations on another, at once", async () => {
    const [a, b, c] = instances as [TestApp, TestApp, TestApp];
    const teacher = await a.login('teacher02', DEMO_TEACHER_PASSWORD); // CE1 A
    const classroom = (await a.gql('{ classrooms(first: 1) { edges { node { id students(first: 1) { edges { node { username } } } } } } }', { token: teacher })).data.classrooms.edges[0].node;
    const token = await c.login(classroom.students.edges[0].node.username);
    const RECOMMENDED = '{ me { recommendations(limit: 1) { exercise { id module { id } } } } }';
    const before = (await c.gql(RECOMMENDED, { token })).data.me.recommendations[0].exercise; // cached on c
    const last = await a.app.database.db.selectFrom('modules').select('id').where('level', '=', 'CE1').where('active', '=', true).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(before.module.id).not.toBe(String(last.id));
    const res = await b.gql('mutation($c: ID!, $m: [ID!]!) { assignModules(classroomId: $c, moduleIds: $m) { id } }', { token: teacher, variables: { c: classroom.id, m: [String(last.id)] } });
    expect(res.errors).toBeUndefined();
    for (const t of [c, a]) expect((await t.gql(RECOMMENDED, { token })).data.me.recommendations[0].exercise.module.id).toBe(String(last.id));
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
