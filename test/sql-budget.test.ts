import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrongAnswer } from '../db/seeds/history.js';
import { createTestApp, type TestApp } from './harness.js';
import { operation } from './operations.js';

/**
 * Every relation resolves through a per-request DataLoader: the SQL statements an operation sends
 * are bounded by a budget that does not grow with the size of the lists it returns. Measured with
 * the shared cache off, so every read reaches the database (cache.test.ts covers the warm path).
 */
let t: TestApp;
let admin: string;
let student: string;

beforeAll(async () => {
  t = await createTestApp({ env: { CACHE: 'off' } });
  admin = await t.login('admin');
  // Give the first 60 students some progress, so the lists below are not empty.
  const exercises = await t.app.database.db
    .selectFrom('exercises as e')
    .innerJoin('modules as m', 'm.id', 'e.module_id')
    .select(['e.id', 'e.type', 'e.solution', 'e.content', 'm.level'])
    .orderBy('e.id')
    .execute();
  for (let i = 1; i <= 60; i++) {
    const username = `student${String(i).padStart(3, '0')}`;
    const token = await t.login(username);
    const level = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'][(i - 1) % 5];
    const mine = exercises.filter((e) => e.level === level).slice(0, 4);
    for (const [k, e] of mine.entries()) {
      const answer = k % 2 ? wrongAnswer(e) : e.solution;
      await t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(e.id), answer, durationSeconds: 20, idempotencyKey: `budget-${i}-${k}` } } });
    }
  }
  student = await t.login('student001');
}, 120_000);
const report: string[] = [];
afterAll(async () => {
  console.log(`SQL statements per operation (${t.app.database.kind}): ${report.join('; ')}`);
  await t.close();
});

async function count(name: string, token: string | undefined, variables: Record<string, unknown> = {}) {
  const { result, queries } = await t.statements(() => t.gql(operation(name), { token, variables }));
  expect(result.errors, `${name}: ${result.body.slice(0, 300)}`).toBeUndefined();
  report.push(`${name}${Object.keys(variables).length ? JSON.stringify(variables).replace(/"/g, '').slice(0, 40) : ''} = ${queries.length}`);
  return { statements: queries.length, names: queries.map((q) => q.name ?? q.sql.slice(0, 30)), data: result.data };
}

describe('SQL statements per operation', () => {
  it('students(first: N) with progress, exercises and modules: at most 6, whatever N', async () => {
    const small = await count('Students', admin, { first: 5 });
    const large = await count('Students', admin, { first: 50 });
    expect(large.data.students.edges).toHaveLength(50);
    const withProgress = large.data.students.edges.filter((e: any) => e.node.progress.edges.length > 0);
    expect(withProgress.length).toBeGreaterThanOrEqual(50);
    expect(large.statements, large.names.join(', ')).toBeLessThanOrEqual(6);
    expect(large.statements).toBe(small.statements);
  });

  it('the student dashboard: at most 5', async () => {
    const r = await count('Dashboard', student, { limit: 20, first: 50 });
    expect(r.data.me.recommendations).toHaveLength(20);
    expect(r.statements, r.names.join(', ')).toBeLessThanOrEqual(5);
  });

  it('the curriculum of a level with its exercises: at most 3', async () => {
    const one = await count('Curriculum', student, { level: 'CE2', subject: 'MATHEMATIQUES' });
    const all = await count('Curriculum', student, {});
    expect(all.data.modules.length).toBeGreaterThan(one.data.modules.length);
    expect(all.statements, all.names.join(', ')).toBeLessThanOrEqual(3);
    expect(all.statements).toBe(one.statements);
  });

  it('an exercise with its module (read with it): at most 2; recommendations: at most 4', async () => {
    const id = (await t.app.database.db.selectFrom('exercises').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    const exercise = await count('Exercise', student, { id: String(id) });
    expect(exercise.data.exercise.module.id).toBeTruthy();
    expect(exercise.statements, exercise.names.join(', ')).toBeLessThanOrEqual(2);
    expect((await count('Recommendations', student, { limit: 20 })).statements).toBeLessThanOrEqual(4);
  });

  it('login: at most 3; submitAttempt: at most 4; sessions: at most 6', async () => {
    const login = await t.statements(() => t.gql(operation('Login'), { variables: { username: 'student002', password: 'demo1234' } }));
    expect(login.queries.length).toBeLessThanOrEqual(3);
    report.push(`Login = ${login.queries.length}`);
    const e = await t.app.database.db.selectFrom('exercises').select(['id', 'solution']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const submit = await count('SubmitAttempt', student, { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 3, idempotencyKey: 'budget-submit-1' } });
    expect(submit.statements, submit.names.join(', ')).toBeLessThanOrEqual(4);
    const start = await count('StartSession', student);
    expect(start.statements, start.names.join(', ')).toBeLessThanOrEqual(6);
    const end = await count('EndSession', student, { id: start.data.startSession.id });
    expect(end.statements, end.names.join(', ')).toBeLessThanOrEqual(6);
  });
});
