import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { createTestApp, exercisesOfLevel, type TestApp } from '../../test/harness.js';
import { DEMO_TEACHER_PASSWORD } from '../../db/seeds/seed.js';
import { Period, ProgressStatus } from '../common/enums.js';
import { Exercise, Module } from '../exercises/exercise.type.js';
import { Progress } from '../progress/progress.type.js';
import { decideProgress, NOT_STARTED } from '../progress/scheduling.js';
import { moduleCells, periodEnd } from './overview.js';

const FRENCH = [[10, 18], [12, 19], [2, 14], [4, 11], [7, 4]] as const;

describe('the period calendar', () => {
  it("puts each period's end in the school year of the date (1 September to 31 August)", () => {
    const november = new Date('2026-11-20T10:00:00Z');
    expect(periodEnd(Period.P1, november, FRENCH).toISOString()).toBe('2026-10-18T23:59:59.000Z');
    expect(periodEnd(Period.P3, november, FRENCH).toISOString()).toBe('2027-02-14T23:59:59.000Z');
    const march = new Date('2027-03-02T10:00:00Z');
    expect(periodEnd(Period.P2, march, FRENCH).toISOString()).toBe('2026-12-19T23:59:59.000Z');
    expect(periodEnd(Period.P5, march, FRENCH).toISOString()).toBe('2027-07-04T23:59:59.000Z');
  });
});

describe('a cell of the overview', () => {
  const module = Object.assign(new Module(), { id: 7, period: Period.P3 });
  const exercise = (id: number) => Object.assign(new Exercise(), { id, moduleId: 7 });
  const exercisesOf = new Map([[7, [exercise(1), exercise(2), exercise(3)]]]);
  const answeredAt = new Date('2026-11-02T09:00:00Z');
  const now = new Date('2026-11-20T10:00:00Z');

  it("counts the child's exercises and predicts recall at the period's end with ts-fsrs's forgetting curve", () => {
    const right = decideProgress(NOT_STARTED, { correct: true, hintsUsed: 0, at: answeredAt, exercisePoints: 10 }).next;
    const tried = decideProgress(NOT_STARTED, { correct: false, hintsUsed: 0, at: answeredAt, exercisePoints: 10 }).next;
    const rows = [Object.assign(new Progress(), { ...right, exerciseId: 1 }), Object.assign(new Progress(), { ...tried, exerciseId: 2 })];
    const [cell] = moduleCells([module], exercisesOf, rows, now, FRENCH);
    expect(cell).toMatchObject({ moduleId: 7, total: 3, attempted: 2, completed: 1, mastered: 0, successRate: 0.5 });
    // The same memory state through ts-fsrs itself, at the end of P3 (2027-02-14): the exercise
    // never right counts 0.
    const scheduler = fsrs({ enable_short_term: false, maximum_interval: 180, request_retention: 0.9, enable_fuzz: false });
    const card = scheduler.next(createEmptyCard(answeredAt), answeredAt, Rating.Good).card;
    const expected = scheduler.get_retrievability(card, new Date('2027-02-14T23:59:59Z'), false);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(1);
    expect(cell!.recallAtPeriodEnd).toBeCloseTo(expected / 2, 10);
  });

  it('is null before any attempt, and uses now once the period has ended', () => {
    expect(moduleCells([module], exercisesOf, [], now, FRENCH)[0]!.recallAtPeriodEnd).toBeNull();
    const right = decideProgress(NOT_STARTED, { correct: true, hintsUsed: 0, at: answeredAt, exercisePoints: 10 }).next;
    const p1 = Object.assign(new Module(), { id: 7, period: Period.P1 }); // ended on 18 October
    const rows = [Object.assign(new Progress(), { ...right, exerciseId: 1, status: ProgressStatus.COMPLETED })];
    const atNow = moduleCells([p1], exercisesOf, rows, now, FRENCH)[0]!.recallAtPeriodEnd!;
    const later = moduleCells([p1], exercisesOf, rows, new Date('2026-12-20T10:00:00Z'), FRENCH)[0]!.recallAtPeriodEnd!;
    expect(later).toBeLessThan(atNow); // forgetting goes on after the period's end
  });
});

describe('Classroom.overview', () => {
  let t: TestApp;
  let admin: string;
  let teacher: string;
  const OVERVIEW = 'query($id: ID!, $p: Period) { classroom(id: $id) { overview(subject: MATHEMATIQUES, period: $p) { modules { id period } rows { student { id } cells { moduleId total attempted completed recallAtPeriodEnd } } } } }';
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    teacher = await t.login('teacher01', DEMO_TEACHER_PASSWORD);
  });
  afterAll(() => t.close());

  async function classWith(children: number): Promise<string> {
    const created = await t.gql('mutation { createClassroom(input: { name: "overview", level: CP }) { id } }', { token: teacher });
    const id = created.data.createClassroom.id as string;
    for (let left = children; left > 0; left -= 30) {
      const rows = Array.from({ length: Math.min(30, left) }, (_, i) => ({ firstName: `Enfant ${i}`, level: 'CP' }));
      const res = await t.gql('mutation($c: ID!, $s: [NewStudentInput!]!) { enrollStudents(classroomId: $c, students: $s) { student { id } } }', { token: admin, variables: { c: id, s: rows } });
      expect(res.errors).toBeUndefined();
    }
    return id;
  }

  it("shows each child's work in its module, at once after an answer", async () => {
    const classes = await t.gql('{ classrooms(first: 5) { edges { node { id students(first: 1) { edges { node { id username } } } } } } }', { token: teacher });
    const { id, students } = classes.data.classrooms.edges.at(-1).node; // the demo class, CP A
    const child = students.edges[0].node as { id: string; username: string };
    const [exercise] = await exercisesOfLevel(t, 'CP', 1);
    const before = await t.gql(OVERVIEW, { token: teacher, variables: { id } });
    expect(before.errors).toBeUndefined();
    const overview = before.data.classroom.overview;
    expect(overview.rows).toHaveLength(40);
    expect(overview.rows.every((r: { cells: unknown[] }) => r.cells.length === overview.modules.length)).toBe(true);

    const token = await t.login(child.username);
    const answer = await t.gql('mutation($i: AttemptInput!) { submitAttempt(input: $i) { correct } }', { token, variables: { i: { exerciseId: String(exercise!.id), answer: exercise!.solution, durationSeconds: 5, idempotencyKey: 'overview-1' } } });
    expect(answer.data.submitAttempt.correct).toBe(true);
    const module = (await t.app.database.db.selectFrom('exercises').select('module_id').where('id', '=', exercise!.id).executeTakeFirstOrThrow()).module_id;
    const after = await t.gql(OVERVIEW, { token: teacher, variables: { id } });
    const cell = after.data.classroom.overview.rows.find((r: { student: { id: string } }) => r.student.id === child.id).cells.find((c: { moduleId: string }) => c.moduleId === String(module));
    if (cell) {
      expect(cell).toMatchObject({ attempted: 1, completed: 1 });
      expect(cell.recallAtPeriodEnd).toBeGreaterThan(0);
    } else {
      // The first CP exercise is not a mathematics one: the cell is in another subject's overview.
      const all = await t.gql('query($id: ID!) { classroom(id: $id) { overview { rows { student { id } cells { moduleId attempted } } } } }', { token: teacher, variables: { id } });
      const mine = all.data.classroom.overview.rows.find((r: { student: { id: string } }) => r.student.id === child.id);
      expect(mine.cells.find((c: { moduleId: string }) => c.moduleId === String(module)).attempted).toBe(1);
    }
  });

  it('sends the same SQL statements for 5 children as for 60, at most 4 cold, none warm', async () => {
    const small = await classWith(5);
    const large = await classWith(60);
    await t.gql(OVERVIEW, { token: teacher, variables: { id: small } }); // the curriculum read once (shared by every class)
    const cold = async (id: string) => {
      for (const ns of ['schools', 'students', 'progress']) await t.gql(`mutation { clearCache(namespace: "${ns}") }`, { token: admin });
      const run = await t.statements(() => t.gql(OVERVIEW, { token: teacher, variables: { id } }));
      expect(run.result.errors).toBeUndefined();
      return run.queries.map((q) => q.name).sort();
    };
    const coldSmall = await cold(small);
    const coldLarge = await cold(large);
    expect(coldLarge).toEqual(coldSmall);
    expect(coldLarge.length).toBeLessThanOrEqual(4);
    const warm = await t.statements(() => t.gql(OVERVIEW, { token: teacher, variables: { id: large } }));
    expect(warm.result.data.classroom.overview.rows).toHaveLength(60);
    expect(warm.queries.map((q) => q.name)).toEqual([]);
  });

  it("is its teacher's and admins' only", async () => {
    const id = await classWith(1);
    const other = await t.login('teacher02', DEMO_TEACHER_PASSWORD);
    expect((await t.gql(OVERVIEW, { token: other, variables: { id } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(OVERVIEW, { token: await t.login('student001'), variables: { id } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(OVERVIEW, { token: admin, variables: { id } })).errors).toBeUndefined();
  });
});
