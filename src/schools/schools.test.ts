import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { DEMO_PICTURES, DEMO_TEACHER_PASSWORD } from '../../db/seeds/seed.js';
import { PICTURES, SEQUENCE_LENGTH } from '../auth/login-cards.js';

const code = (res: { errors?: { extensions?: { code?: string } }[] | undefined }) => res.errors?.[0]?.extensions?.code ?? 'OK';
const from = (address: string) => ({ 'x-forwarded-for': address });

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token role teacher { username displayName } student { id } } }';
const CREATE_TEACHER = 'mutation($i: NewTeacherInput!) { createTeacher(input: $i) { username temporaryPassword } }';
const CHANGE_PASSWORD = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token role } }';
const CREATE_CLASS = 'mutation($i: NewClassroomInput!) { createClassroom(input: $i) { id name level classCode teacher { username } } }';
const ENROL = 'mutation($c: ID!, $s: [NewStudentInput!]!) { enrollStudents(classroomId: $c, students: $s) { classCode pictures student { id username firstName avatar level } } }';
const ROSTER = 'query($c: String!) { signInRoster(classCode: $c) { classroomName children { id firstName avatar } } }';
const PICTURE_LOGIN = 'mutation($c: String!, $s: ID!, $p: [Int!]!) { loginWithPictures(classCode: $c, studentId: $s, pictures: $p) { token role student { id firstName } } }';
const RESET = 'mutation($s: ID!) { resetLoginCard(studentId: $s) { classCode pictures student { id } } }';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  // X-Forwarded-For believed, so that tests can come from several addresses.
  t = await createTestApp({ env: { TRUST_PROXY: 'on' } });
  admin = await t.login('admin');
});
afterAll(() => t.close());

async function newTeacher(username: string): Promise<string> {
  const created = await t.gql(CREATE_TEACHER, { token: admin, variables: { i: { username, displayName: `Mme ${username}` } } });
  const temporary = created.data.createTeacher.temporaryPassword as string;
  const first = await t.gql(LOGIN, { variables: { u: username, p: temporary } });
  const changed = await t.gql(CHANGE_PASSWORD, { token: first.data.login.token, variables: { c: temporary, n: 'a teacher password' } });
  return changed.data.changePassword.token as string;
}

async function newClass(token: string, name = 'CE1 B', level = 'CE1'): Promise<{ id: string; classCode: string }> {
  const res = await t.gql(CREATE_CLASS, { token, variables: { i: { name, level } } });
  expect(res.errors).toBeUndefined();
  return res.data.createClassroom;
}

describe('teachers', () => {
  it('are created by an admin with a temporary password, which must be replaced before anything else', async () => {
    const created = await t.gql(CREATE_TEACHER, { token: admin, variables: { i: { username: 'mme.durand', displayName: 'Mme Durand' } } });
    expect(created.errors).toBeUndefined();
    const temporary = created.data.createTeacher.temporaryPassword as string;
    expect(temporary).toMatch(/^[2-9A-HJ-NP-Z]{7}-[2-9A-HJ-NP-Z]{7}$/);

    const first = await t.gql(LOGIN, { variables: { u: 'mme.durand', p: temporary } });
    expect(first.data.login).toMatchObject({ role: 'TEACHER', student: null });
    const token = first.data.login.token as string;
    for (const query of ['{ viewer { role } }', '{ classrooms { totalCount } }', 'query { ...F } fragment F on Query { viewer { role } }', 'mutation { logout }']) {
      const refused = await t.gql(query, { token });
      expect(code(refused), query).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(refused.data ?? null).toBeNull();
    }

    const changed = await t.gql(CHANGE_PASSWORD, { token, variables: { c: temporary, n: 'my own password' } });
    expect(changed.data.changePassword.role).toBe('TEACHER');
    const fresh = changed.data.changePassword.token as string;
    expect((await t.gql('{ viewer { role teacher { username displayName } student { id } } }', { token: fresh })).data.viewer).toEqual({
      role: 'TEACHER',
      teacher: { username: 'mme.durand', displayName: 'Mme Durand' },
      student: null,
    });
    expect(code(await t.gql('{ viewer { role } }', { token }))).toBe('UNAUTHENTICATED'); // the first token is revoked
    expect(code(await t.gql(LOGIN, { variables: { u: 'mme.durand', p: temporary } }))).toBe('UNAUTHENTICATED');
  });

  it('are created by admins only, with a username nobody holds', async () => {
    const student = await t.login('student031');
    expect(code(await t.gql(CREATE_TEACHER, { token: student, variables: { i: { username: 'someone', displayName: 'X' } } }))).toBe('FORBIDDEN');
    const taken = await t.gql(CREATE_TEACHER, { token: admin, variables: { i: { username: 'student031', displayName: 'X' } } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
    const bad = await t.gql(CREATE_TEACHER, { token: admin, variables: { i: { username: 'Not Valid!', displayName: 'X' } } });
    expect(code(bad)).toBe('BAD_USER_INPUT');
  });
});

describe('classes', () => {
  it('get a readable class code of at least 40 bits, shown to their teacher and admins only', async () => {
    const teacher = await newTeacher('m.leroy');
    const created = await newClass(teacher, 'CP A', 'CP');
    expect(created.classCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const other = await newTeacher('m.other');
    const asOther = await t.gql('query($id: ID!) { classroom(id: $id) { name } }', { token: other, variables: { id: created.id } });
    expect(code(asOther)).toBe('FORBIDDEN');
    const asAdmin = await t.gql('query($id: ID!) { classroom(id: $id) { classCode } }', { token: admin, variables: { id: created.id } });
    expect(asAdmin.data.classroom.classCode).toBe(created.classCode);
    const list = await t.gql('{ classrooms { totalCount edges { node { id } } } }', { token: teacher });
    expect(list.data.classrooms).toEqual({ totalCount: 1, edges: [{ node: { id: created.id } }] });
  });

  it('are created by an admin for a named teacher', async () => {
    const teacher = await newTeacher('mme.admin.made');
    const teacherId = (await t.gql('{ viewer { teacher { id } } }', { token: teacher })).data.viewer.teacher.id;
    expect(code(await t.gql(CREATE_CLASS, { token: admin, variables: { i: { name: 'CM1', level: 'CM1' } } }))).toBe('BAD_USER_INPUT');
    const made = await t.gql(CREATE_CLASS, { token: admin, variables: { i: { name: 'CM1', level: 'CM1', teacherId } } });
    expect(made.data.createClassroom.teacher.username).toBe('mme.admin.made');
  });
});

describe('enrolment', () => {
  it("creates the children with login cards: unique usernames, an avatar, 4 different pictures of 16", async () => {
    const teacher = await newTeacher('mme.cards');
    const { id, classCode } = await newClass(teacher);
    const res = await t.gql(ENROL, { token: teacher, variables: { c: id, s: [{ firstName: 'Léa', level: 'CE1' }, { firstName: 'Léa', level: 'CE1', avatar: 'hibou' }, { firstName: ' Noé ', level: 'CE2' }] } });
    expect(res.errors).toBeUndefined();
    const cards = res.data.enrollStudents as { classCode: string; pictures: number[]; student: { username: string; firstName: string; avatar: string } }[];
    expect(cards.map((c) => c.student.firstName)).toEqual(['Léa', 'Léa', 'Noé']);
    expect(new Set(cards.map((c) => c.student.username)).size).toBe(3);
    expect(cards[1]!.student.avatar).toBe('hibou');
    for (const c of cards) {
      expect(c.classCode).toBe(classCode);
      expect(c.pictures).toHaveLength(SEQUENCE_LENGTH);
      expect(new Set(c.pictures).size).toBe(SEQUENCE_LENGTH);
      expect(c.pictures.every((p) => p >= 0 && p < PICTURES.length)).toBe(true);
    }
    expect(PICTURES.length).toBeGreaterThanOrEqual(16);
  });

  it('refuses the whole call for one bad row, naming it, and writes nothing', async () => {
    const teacher = await newTeacher('mme.allornothing');
    const { id } = await newClass(teacher);
    const rows = [{ firstName: 'Ana', level: 'CE1' }, { firstName: 'Paul', level: 'CE1' }, { firstName: '   ', level: 'CE1' }];
    const res = await t.gql(ENROL, { token: teacher, variables: { c: id, s: rows } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'students[2].firstName' });
    const long = await t.gql(ENROL, { token: teacher, variables: { c: id, s: [{ firstName: 'x'.repeat(41), level: 'CE1' }] } });
    expect(long.errors?.[0]?.extensions).toMatchObject({ field: 'students[0].firstName' });
    const avatar = await t.gql(ENROL, { token: teacher, variables: { c: id, s: [{ firstName: 'Ana', level: 'CE1', avatar: 'dragon' }] } });
    expect(avatar.errors?.[0]?.extensions).toMatchObject({ field: 'students[0].avatar' });
    const count = await t.gql('query($id: ID!) { classroom(id: $id) { students { totalCount } } }', { token: teacher, variables: { id } });
    expect(count.data.classroom.students.totalCount).toBe(0);
  });

  it('holds at most 60 children, even when two enrolments race', async () => {
    const teacher = await newTeacher('mme.full');
    const { id } = await newClass(teacher);
    const forty = Array.from({ length: 40 }, (_, i) => ({ firstName: `Enfant ${i}`, level: 'CE1' }));
    // The teacher and an admin at once (one viewer's concurrent heavy operations are bounded on their own).
    const results = await Promise.all([t.gql(ENROL, { token: teacher, variables: { c: id, s: forty } }), t.gql(ENROL, { token: admin, variables: { c: id, s: forty } })]);
    expect(results.map(code).sort()).toEqual(['BAD_USER_INPUT', 'OK']);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions).toMatchObject({ field: 'students' });
    const count = await t.gql('query($id: ID!) { classroom(id: $id) { students { totalCount } } }', { token: teacher, variables: { id } });
    expect(count.data.classroom.students.totalCount).toBe(40);
    const tooMany = await t.gql(ENROL, { token: teacher, variables: { c: id, s: forty.slice(0, 21) } });
    expect(code(tooMany)).toBe('BAD_USER_INPUT');
  });

  it("is for the class's teacher and admins only", async () => {
    const owner = await newTeacher('mme.owner');
    const other = await newTeacher('mme.notowner');
    const { id } = await newClass(owner);
    const one = [{ firstName: 'Zoé', level: 'CE1' }];
    expect(code(await t.gql(ENROL, { token: other, variables: { c: id, s: one } }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ENROL, { token: await t.login('student032'), variables: { c: id, s: one } }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ENROL, { token: admin, variables: { c: id, s: one } }))).toBe('OK');
  });
});

describe('picture sign-in', () => {
  let teacher: string;
  let classCode: string;
  let card: { pictures: number[]; student: { id: string; username: string } };
  beforeAll(async () => {
    teacher = await newTeacher('mme.pictures');
    ({ classCode } = await newClass(teacher));
    const res = await t.gql(ENROL, { token: teacher, variables: { c: (await t.gql('{ classrooms { edges { node { id } } } }', { token: teacher })).data.classrooms.edges[0].node.id, s: [{ firstName: 'Inès', level: 'CE1', avatar: 'panda' }, { firstName: 'Tom', level: 'CE1' }] } });
    card = res.data.enrollStudents[0];
  });

  it('shows the roster of a class code: first names and avatars, nothing more; null for an unknown code', async () => {
    const roster = await t.gql(ROSTER, { variables: { c: classCode.toLowerCase().replace('-', ' ') } });
    expect(roster.data.signInRoster.children).toEqual([
      { id: card.student.id, firstName: 'Inès', avatar: 'panda' },
      { id: expect.any(String), firstName: 'Tom', avatar: expect.any(String) },
    ]);
    expect(roster.body).not.toContain(card.student.username);
    expect((await t.gql(ROSTER, { variables: { c: 'ZZZZ-ZZZZ' } })).data.signInRoster).toBeNull();
  });

  it('signs a child in with its pictures in order, and not in another order', async () => {
    const ok = await t.gql(PICTURE_LOGIN, { variables: { c: classCode, s: card.student.id, p: card.pictures } });
    expect(ok.data.loginWithPictures).toMatchObject({ role: 'STUDENT', student: { id: card.student.id, firstName: 'Inès' } });
    const me = await t.gql('{ me { id classroom { name } } }', { token: ok.data.loginWithPictures.token });
    expect(me.data.me).toEqual({ id: card.student.id, classroom: { name: 'CE1 B' } });
    const reversed = await t.gql(PICTURE_LOGIN, { variables: { c: classCode, s: card.student.id, p: [...card.pictures].reverse() } });
    expect(code(reversed)).toBe('UNAUTHENTICATED');
    const wrongClass = await t.gql(PICTURE_LOGIN, { variables: { c: 'ZZZZ-ZZZZ', s: card.student.id, p: card.pictures } });
    expect(code(wrongClass)).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PICTURE_LOGIN, { variables: { c: classCode, s: card.student.id, p: [1, 2] } }))).toBe('BAD_USER_INPUT');
  });

  it("locks a child out after wrong sequences; its teacher's new card lifts it, and the old card and tokens stop working", async () => {
    const tom = (await t.gql(ROSTER, { variables: { c: classCode } })).data.signInRoster.children[1].id as string;
    const oldToken = (await t.gql(RESET, { token: teacher, variables: { s: tom } })).data.resetLoginCard; // a known card
    const signedIn = await t.gql(PICTURE_LOGIN, { variables: { c: classCode, s: tom, p: oldToken.pictures } });
    const token = signedIn.data.loginWithPictures.token as string;
    const wrong = oldToken.pictures.map((p: number) => (p + 1) % PICTURES.length);
    for (let i = 0; i < 5; i++) expect(code(await t.gql(PICTURE_LOGIN, { variables: { c: classCode, s: tom, p: wrong }, headers: from(`198.51.100.${i}`) }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PICTURE_LOGIN, { variables: { c: classCode, s: tom, p: oldToken.pictures } }))).toBe('RATE_LIMITED');

    const fresh = await t.gql(RESET, { token: teacher, variables: { s: tom } });
    const pictures = fresh.data.resetLoginCard.pictures as number[];
    expect(code(await t.gql('{ me { id } }', { token }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PICTURE_LOGIN, { variables: { c: classCode, s: tom, p: pictures } }))).toBe('OK');
    if (pictures.join() !== oldToken.pictures.join()) expect(code(await t.gql(PICTURE_LOGIN, { variables: { c: classCode, s: tom, p: oldToken.pictures } }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(RESET, { token: await newTeacher('mme.stranger'), variables: { s: tom } }))).toBe('FORBIDDEN');
  });

  it('limits unknown class codes per address, generously', async () => {
    const limit = t.app.config.rateLimits.loginUnknownPerMinute;
    const address = from('203.0.113.77');
    for (let i = 0; i < limit; i++) expect(code(await t.gql(ROSTER, { variables: { c: `ZZZZ-ZZ${'23456789'[i % 8]}${'ABCDEFGH'[Math.floor(i / 8) % 8]}` }, headers: address }))).toBe('OK');
    expect(code(await t.gql(ROSTER, { variables: { c: 'ZZZZ-YYYY' }, headers: address }))).toBe('RATE_LIMITED');
    expect(code(await t.gql(ROSTER, { variables: { c: classCode }, headers: address }))).toBe('RATE_LIMITED');
    expect(code(await t.gql(ROSTER, { variables: { c: classCode }, headers: from('203.0.113.78') }))).toBe('OK');
  });
});

describe('assignments', () => {
  const ASSIGN = 'mutation($c: ID!, $m: [ID!]!, $d: DateTime) { assignModules(classroomId: $c, moduleIds: $m, dueAt: $d) { id module { id } dueAt assignedAt completedBy } }';
  const ASSIGNMENTS = 'query($c: ID!) { classroom(id: $c) { assignments { module { id } dueAt completedBy } } }';
  const RECOMMENDED = '{ me { recommendations(limit: 20) { reason exercise { id } } } }';
  const SUBMIT = 'mutation($i: AttemptInput!) { submitAttempt(input: $i) { correct } }';
  let teacher: string;
  let classId: string;
  let child: string;
  let classmate: string;
  /** Two CE1 modules with few exercises, each with its active exercises (and their solutions). */
  let modules: { id: string; exercises: { id: number; solution: unknown }[] }[];
  const day = 24 * 3600 * 1000;

  beforeAll(async () => {
    teacher = await newTeacher('mme.devoirs');
    const made = await newClass(teacher, 'CE1 devoirs');
    classId = made.id;
    const cards = (await t.gql(ENROL, { token: teacher, variables: { c: classId, s: [{ firstName: 'Zoé', level: 'CE1' }, { firstName: 'Max', level: 'CE1' }] } })).data.enrollStudents;
    const signIn = async (card: { pictures: number[]; student: { id: string } }) =>
      (await t.gql(PICTURE_LOGIN, { variables: { c: made.classCode, s: card.student.id, p: card.pictures } })).data.loginWithPictures.token as string;
    [child, classmate] = [await signIn(cards[0]), await signIn(cards[1])];
    const rows = await t.app.database.db
      .selectFrom('exercises as e')
      .innerJoin('modules as m', 'm.id', 'e.module_id')
      .select(['m.id as moduleId', 'e.id', 'e.solution'])
      .where('m.level', '=', 'CE1')
      .where('m.active', '=', true)
      .where('e.active', '=', true)
      .orderBy('e.id')
      .execute();
    const byModule = new Map<number, { id: number; solution: unknown }[]>();
    for (const r of rows) byModule.set(r.moduleId, [...(byModule.get(r.moduleId) ?? []), { id: r.id, solution: r.solution }]);
    // The last modules of the curriculum (not what a new child is recommended anyway), smallest first.
    modules = [...byModule].slice(-6).sort((a, b) => a[1].length - b[1].length).slice(0, 2).map(([id, exercises]) => ({ id: String(id), exercises }));
  });

  it("ranks the class's assigned modules first in its children's recommendations, earliest due first, until each is completed", async () => {
    const [soon, later] = modules as [(typeof modules)[0], (typeof modules)[0]];
    const before = (await t.gql(RECOMMENDED, { token: child })).data.me.recommendations as { exercise: { id: string } }[];
    const inModule = (m: typeof soon) => new Set(m.exercises.map((e) => String(e.id)));
    expect(before.some((r) => inModule(soon).has(r.exercise.id))).toBe(false);

    const res = await t.gql(ASSIGN, { token: teacher, variables: { c: classId, m: [later.id, soon.id], d: null } });
    expect(res.errors).toBeUndefined();
    const dated = await t.gql(ASSIGN, { token: teacher, variables: { c: classId, m: [soon.id], d: new Date(Date.now() + 2 * day).toISOString() } });
    expect(dated.data.assignModules).toEqual([{ id: expect.any(String), module: { id: soon.id }, dueAt: expect.any(String), assignedAt: expect.any(String), completedBy: 0 }]);
    const listed = (await t.gql(ASSIGNMENTS, { token: teacher, variables: { c: classId } })).data.classroom.assignments;
    expect(listed.map((a: { module: { id: string } }) => a.module.id)).toEqual([soon.id, later.id]); // dated first, then undated

    const expected = [...soon.exercises, ...later.exercises].map((e) => String(e.id)).slice(0, 20);
    const ranked = (await t.gql(RECOMMENDED, { token: child })).data.me.recommendations as { reason: string; exercise: { id: string } }[];
    expect(ranked.slice(0, expected.length).map((r) => r.exercise.id)).toEqual(expected);
    expect(ranked[0]!.reason).toBe('NEW');

    // The child completes the module due first: the other comes first, and the teacher sees it done.
    for (const [i, e] of soon.exercises.entries()) {
      const answered = await t.gql(SUBMIT, { token: child, variables: { i: { exerciseId: String(e.id), answer: e.solution, durationSeconds: 10, idempotencyKey: `devoirs-${i}` } } });
      expect(answered.data.submitAttempt.correct).toBe(true);
    }
    const after = (await t.gql(RECOMMENDED, { token: child })).data.me.recommendations as { exercise: { id: string } }[];
    expect(after[0]!.exercise.id).toBe(String(later.exercises[0]!.id));
    expect(after.some((r) => inModule(soon).has(r.exercise.id))).toBe(false);
    const done = (await t.gql(ASSIGNMENTS, { token: teacher, variables: { c: classId } })).data.classroom.assignments;
    expect(done.map((a: { completedBy: number }) => a.completedBy)).toEqual([1, 0]);
    // The classmate, who did nothing, still starts with the module due first.
    const other = (await t.gql(RECOMMENDED, { token: classmate })).data.me.recommendations as { exercise: { id: string } }[];
    expect(other[0]!.exercise.id).toBe(String(soon.exercises[0]!.id));
  });

  it('lets a child read what its class was assigned, but not who completed it; other teachers nothing', async () => {
    const own = await t.gql('{ me { classroom { assignments { module { id } dueAt } } } }', { token: child });
    expect(own.errors).toBeUndefined();
    expect(own.data.me.classroom.assignments.length).toBeGreaterThan(0);
    expect(code(await t.gql('{ me { classroom { assignments { completedBy } } } }', { token: child }))).toBe('FORBIDDEN');
    const stranger = await newTeacher('mme.autre');
    expect(code(await t.gql(ASSIGN, { token: stranger, variables: { c: classId, m: [modules[0]!.id] } }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ASSIGN, { token: child, variables: { c: classId, m: [modules[0]!.id] } }))).toBe('FORBIDDEN');
    expect(code(await t.gql(ASSIGNMENTS, { token: stranger, variables: { c: classId } }))).toBe('FORBIDDEN');
  });

  it('refuses an unknown module, an empty list or a due date out of range, naming the field, and writes nothing', async () => {
    const count = async () => Number((await t.app.database.db.selectFrom('assignments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const n = await count();
    const unknown = await t.gql(ASSIGN, { token: teacher, variables: { c: classId, m: [modules[0]!.id, String(999_999)] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'moduleIds[1]' });
    expect((await t.gql(ASSIGN, { token: teacher, variables: { c: classId, m: [] } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'moduleIds' });
    const far = await t.gql(ASSIGN, { token: teacher, variables: { c: classId, m: [modules[0]!.id], d: new Date(Date.now() + 400 * day).toISOString() } });
    expect(far.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueAt' });
    const past = await t.gql(ASSIGN, { token: teacher, variables: { c: classId, m: [modules[0]!.id], d: new Date(Date.now() - 3 * day).toISOString() } });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueAt' });
    expect(await count()).toBe(n);
  });
});

describe('demo data', () => {
  it('has a teacher per level, each with a class of demo students who sign in with the demo pictures', async () => {
    const teacher = await t.login('teacher02', DEMO_TEACHER_PASSWORD);
    const classes = await t.gql('{ classrooms(first: 5) { edges { node { name level classCode students(first: 60) { totalCount edges { node { id level } } } } } } }', { token: teacher });
    const only = classes.data.classrooms.edges[0].node;
    expect(only).toMatchObject({ name: 'CE1 A', level: 'CE1', students: { totalCount: 40 } });
    expect(only.students.edges.every((e: { node: { level: string } }) => e.node.level === 'CE1')).toBe(true);
    const child = only.students.edges[0].node.id as string;
    expect(code(await t.gql(PICTURE_LOGIN, { variables: { c: only.classCode, s: child, p: [...DEMO_PICTURES] } }))).toBe('OK');
  });
});
