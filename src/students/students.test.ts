import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, exercisesOfLevel, type TestApp } from '../../test/harness.js';
import { operation } from '../../test/operations.js';

let t: TestApp;
let admin: string;
let alice: string;
let aliceId: number;
let bobId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  alice = await t.login('student001');
  aliceId = await t.studentId('student001');
  bobId = await t.studentId('student002');
});
afterAll(() => t.close());

const STUDENT = `query($id: ID!) { student(id: $id) { id username totalPoints streakDays recommendations { reason } progress { totalCount } sessions { id } stats { successRate } } }`;

describe('student(id)', () => {
  it('answers the student itself and an admin', async () => {
    const self = await t.gql(STUDENT, { variables: { id: String(aliceId) }, token: alice });
    expect(self.errors).toBeUndefined();
    expect(self.data.student.username).toBe('student001');
    const byAdmin = await t.gql(STUDENT, { variables: { id: String(bobId) }, token: admin });
    expect(byAdmin.data.student.username).toBe('student002');
  });

  it('is FORBIDDEN for another student, with no data', async () => {
    const res = await t.gql(STUDENT, { variables: { id: String(bobId) }, token: alice });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.student ?? null).toBeNull();
    expect(res.body).not.toContain('student002');
  });

  it('is UNAUTHENTICATED without a token, and BAD_USER_INPUT for a malformed id', async () => {
    expect((await t.gql(STUDENT, { variables: { id: String(aliceId) } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await t.gql(STUDENT, { variables: { id: "1' or 1=1" }, token: admin });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('is null for an admin asking for a student that does not exist', async () => {
    const res = await t.gql(STUDENT, { variables: { id: '999999' }, token: admin });
    expect(res.errors).toBeUndefined();
    expect(res.data.student).toBeNull();
  });
});

describe('students (admin)', () => {
  const LIST = 'query($level: Level, $first: Int, $after: String) { students(level: $level, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id username level lastActiveAt } } } }';

  it('is FORBIDDEN for a student and UNAUTHENTICATED without a token', async () => {
    expect((await t.gql(LIST, { token: alice })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(LIST)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('pages through every student of a level, most recently active first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const res: any = await t.gql(LIST, { variables: { level: 'CE1', first: 15, after }, token: admin });
      expect(res.errors).toBeUndefined();
      total = res.data.students.totalCount;
      for (const e of res.data.students.edges) {
        expect(e.node.level).toBe('CE1');
        seen.push(e.node.username);
      }
      if (!res.data.students.pageInfo.hasNextPage) break;
      after = res.data.students.pageInfo.endCursor;
    }
    expect(total).toBe(40);
    expect(new Set(seen).size).toBe(40);
    // student002 and student001 signed in above: the active ones come first.
    const all = await t.gql(LIST, { variables: { first: 3 }, token: admin });
    expect(all.data.students.edges[0].node.lastActiveAt).not.toBeNull();
  });

  it('bounds first and refuses forged cursors', async () => {
    const big = await t.gql(LIST, { variables: { first: 101 }, token: admin });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    for (const after of ['nonsense', Buffer.from('["x",1]').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      const res = await t.gql(LIST, { variables: { after }, token: admin });
      expect(res.errors?.[0]?.extensions?.code, after).toBe('BAD_USER_INPUT');
    }
  });
});

describe('a student\'s progress list', () => {
  const PAGE = 'query($first: Int, $after: String) { me { progress(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { status exercise { id } } } } } }';

  it('pages most recently attempted first through endCursor, and refuses a cursor whose time is not one', async () => {
    const token = await t.login('student004');
    const exercises = await exercisesOfLevel(t, 'CM1', 5);
    for (const [i, e] of exercises.entries()) {
      const res = await t.gql(operation('SubmitAttempt'), { token, variables: { input: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 10, idempotencyKey: `page-004-${i}` } } });
      expect(res.errors).toBeUndefined();
    }
    const whole = (await t.gql(PAGE, { variables: { first: 10 }, token })).data.me.progress;
    expect(whole.totalCount).toBe(5);
    expect(whole.edges.map((e: any) => Number(e.node.exercise.id))).toEqual(exercises.map((e) => e.id).reverse());

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: any = await t.gql(PAGE, { variables: { first: 2, after }, token });
      expect(res.errors).toBeUndefined();
      const { edges, pageInfo } = res.data.me.progress;
      seen.push(...edges.map((e: any) => e.node.exercise.id));
      expect(pageInfo.endCursor).toBe(edges.at(-1).cursor);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((e: any) => e.node.exercise.id));

    const forged = Buffer.from(JSON.stringify(['not a time', 1])).toString('base64url');
    const bad = await t.gql(PAGE, { variables: { first: 2, after: forged }, token });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
