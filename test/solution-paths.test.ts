import { getNamedType, graphql, isInputType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../src/schema.js';
import { createTestApp, type TestApp } from './harness.js';
import { DEMO_PICTURES } from '../db/seeds/seed.js';

/** Paths a student is refused at their root, or that hold nothing for a student (a teacher's). */
const ADULTS_ONLY = ['query students', 'query classroom', 'query classrooms', 'query viewer.teacher', 'mutation createClassroom', 'mutation enrollStudents', 'mutation resetLoginCard', 'mutation assignModules'];
/** A class's roster and overview are its teacher's, as are a teacher's classes: a student is refused there too, whatever the root. */
const adultsOnly = (name: string) => ADULTS_ONLY.some((p) => name === p || name.startsWith(`${p}.`)) || /classroom\.(students|overview)\b|classrooms\.(students|overview|assignments)\b/.test(name);

/**
 * Exercise.solution never reaches a student, by any path. The paths are found in the schema
 * itself (every chain of fields from Query or Mutation to an Exercise, no type twice in a
 * chain), so a field added later that leads to exercises is walked too. On each, with a
 * student's token: the path reaches exercises, and asking their solution refuses the whole
 * operation with one FORBIDDEN (src/exercises/solution-guard.ts). The resolver's own check is
 * tested beneath that guard, and an admin's token on the query paths is the control.
 */
const schema = await buildAppSchema();

interface Path {
  root: 'query' | 'mutation';
  fields: { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[];
}

function findPaths(): Path[] {
  const paths: Path[] = [];
  const walk = (root: Path['root'], type: GraphQLObjectType, trail: Path['fields'], seen: Set<string>) => {
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || seen.has(target.name)) continue;
      const next = [...trail, { type, field }];
      if (target.name === 'Exercise') paths.push({ root, fields: next });
      else if (next.length < 7) walk(root, target, next, new Set([...seen, target.name]));
    }
  };
  walk('query', schema.getQueryType()!, [], new Set(['Query']));
  walk('mutation', schema.getMutationType()!, [], new Set(['Mutation']));
  return paths;
}

const paths = findPaths();
const describePath = (p: Path) => `${p.root} ${p.fields.map((f) => f.field.name).join('.')}`;

let t: TestApp;
let studentToken: string;
let adminToken: string;
let fixtures: Record<string, () => unknown>;
const username = 'student061';
let password = 'demo1234';
beforeAll(async () => {
  // Many heavy operations in a row from one student: its cost budget per second is not what this tests.
  t = await createTestApp({ env: { VIEWER_COST_PER_SECOND: '10000000', VIEWER_COST_BURST: '100000000' } });
  studentToken = await t.login(username);
  adminToken = await t.login('admin');
  const id = await t.studentId(username);
  const exercise = await t.app.database.db.selectFrom('exercises').select(['id', 'solution']).orderBy('id').limit(1).executeTakeFirstOrThrow();
  let key = 0;
  // One value per required argument on a path; a new required argument fails the test until added here.
  fixtures = {
    'Query.student.id': () => String(id),
    'Query.exercise.id': () => String(exercise.id),
    'Mutation.submitAttempt.input': () => ({ exerciseId: String(exercise.id), answer: exercise.solution, durationSeconds: 5, idempotencyKey: `solution-walk-${++key}` }),
    'Mutation.login.username': () => username,
    'Mutation.login.password': () => password,
    'Mutation.changePassword.currentPassword': () => password,
    'Mutation.changePassword.newPassword': () => `${password}-x`,
  };
  // Progress and recommendations to walk through.
  const db = t.app.database.db;
  const classroom = await db.selectFrom('classrooms as c').innerJoin('students as s', 's.classroom_id', 'c.id').select(['c.id', 'c.class_code']).where('s.id', '=', id).executeTakeFirstOrThrow();
  const moduleId = (await db.selectFrom('modules').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
  await db.insertInto('assignments').values({ classroom_id: classroom.id, module_id: moduleId, due_at: null }).execute(); // a path through Classroom.assignments reaches exercises
  const classmate = await db.selectFrom('students').select('id').where('classroom_id', '=', classroom.id).where('id', '!=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
  Object.assign(fixtures, {
    'Query.classroom.id': () => String(classroom.id),
    'Mutation.createClassroom.input': () => ({ name: 'walk', level: 'CP' }),
    'Mutation.enrollStudents.classroomId': () => String(classroom.id),
    'Mutation.enrollStudents.students': () => [{ firstName: 'Walk', level: 'CP' }],
    'Mutation.resetLoginCard.studentId': () => String(classmate.id),
    'Mutation.assignModules.classroomId': () => String(classroom.id),
    'Mutation.assignModules.moduleIds': () => [String(moduleId)],
    'Mutation.loginWithPictures.classCode': () => classroom.class_code,
    'Mutation.loginWithPictures.studentId': () => String(id),
    'Mutation.loginWithPictures.pictures': () => [...DEMO_PICTURES],
  });
  await t.gql('mutation($i: AttemptInput!) { submitAttempt(input: $i) { correct } }', { token: studentToken, variables: { i: fixtures['Mutation.submitAttempt.input']!() } });
});
afterAll(() => t.close());

function operationFor(path: Path, leaf = 'id solution'): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  let selection = leaf;
  for (const { type, field } of [...path.fields].reverse()) {
    const args = field.args
      .filter((a) => isNonNullType(a.type))
      .map((a) => {
        const name = `${field.name}_${a.name}`;
        const fixture = fixtures[`${type.name}.${field.name}.${a.name}`];
        if (!fixture) throw new Error(`no fixture for the required argument ${type.name}.${field.name}(${a.name}) on ${describePath(path)}`);
        if (!isInputType(a.type)) throw new Error(`${a.name} is not an input type`);
        variables[name] = fixture();
        declarations.push(`$${name}: ${a.type.toString()}`);
        return `${a.name}: $${name}`;
      });
    selection = `${field.name}${args.length ? `(${args.join(', ')})` : ''} { ${selection} }`;
  }
  return { query: `${path.root}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${selection} }`, variables };
}

/** Every object at the end of the path in the answer (lists flattened). */
function exercisesIn(data: unknown, path: Path): Record<string, unknown>[] {
  let level: unknown[] = [data];
  for (const { field } of path.fields) {
    level = level.flatMap((node) => {
      const value = (node as Record<string, unknown> | null)?.[field.name];
      return isListType(getNamedType(field.type)) || Array.isArray(value) ? ((value as unknown[]) ?? []) : value == null ? [] : [value];
    });
  }
  return level as Record<string, unknown>[];
}

describe('Exercise.solution on every path', () => {
  it('finds the paths to exercises in the schema', () => {
    const names = paths.map(describePath);
    expect(names).toEqual(
      expect.arrayContaining([
        'query exercise',
        'query modules.exercises',
        'query me.recommendations.exercise',
        'query me.progress.edges.node.exercise',
        'query student.recommendations.exercise',
        'mutation submitAttempt.progress.exercise',
        'mutation submitAttempt.student.recommendations.exercise',
        'mutation login.student.progress.edges.node.exercise',
      ]),
    );
  });

  // changePassword revokes the token (a new one is taken after it): it goes last.
  const ordered = [...paths].sort((a, b) => Number(describePath(a).includes('changePassword')) - Number(describePath(b).includes('changePassword')));
  it.each(ordered.map((p) => [describePath(p), p] as const))('is refused to a student on %s, which reaches exercises', async (name, path) => {
    // The path leads a student to exercises (so the refusal below is not vacuous)...
    const reach = operationFor(path, 'id title');
    const reached = await t.gql(reach.query, { token: studentToken, variables: reach.variables });
    if (name.startsWith('mutation changePassword')) {
      password = `${password}-x`;
      studentToken = await t.login(username, password);
    }
    // A path too costly to run whole (a class's overview under every class) is refused before it runs, whoever asks.
    if (reached.errors?.[0]?.extensions?.code === 'OPERATION_LIMIT_EXCEEDED') expect(reached.status).toBe(400);
    else if (adultsOnly(name)) expect(reached.errors?.[0]?.extensions?.code ?? 'none for a student').toMatch(/FORBIDDEN|none for a student/);
    else expect(exercisesIn(reached.data, path).length, `${name}: ${reached.body}`).toBeGreaterThan(0);

    // ...and asking their solution there refuses the whole operation, before it runs.
    const { query, variables } = operationFor(path);
    const res = await t.gql(query, { token: studentToken, variables });
    const tooCostly = res.errors?.[0]?.extensions?.code === 'OPERATION_LIMIT_EXCEEDED';
    expect(res.status, res.body).toBe(tooCostly ? 400 : 200);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual([tooCostly ? 'OPERATION_LIMIT_EXCEEDED' : 'FORBIDDEN']);
    if (name.startsWith('mutation changePassword')) expect(await t.login(username, password)).toBeTruthy(); // the mutation did not run
  });

  it('is refused by the resolver too, field by field, should an operation get past that check', async () => {
    const id = await t.studentId(username);
    const source = '{ me { recommendations(limit: 3) { exercise { id solution } } } modules(level: CP) { exercises { id solution } } }';
    const res = await graphql({ schema, source, contextValue: t.context({ role: 'STUDENT', studentId: id, tokenVersion: 0 }) });
    const exercises = [...((res.data?.me as { recommendations: { exercise: unknown }[] }).recommendations.map((r) => r.exercise)), ...(res.data?.modules as { exercises: unknown[] }[]).flatMap((m) => m.exercises)];
    expect(exercises.length).toBeGreaterThan(3);
    for (const e of exercises as { solution: unknown }[]) expect(e.solution).toBeNull();
    expect(res.errors).toHaveLength(exercises.length);
    expect(new Set(res.errors?.map((e) => e.extensions.code))).toEqual(new Set(['FORBIDDEN']));
  });

  it('is refused in fragments, inline fragments and under aliases', async () => {
    for (const query of [
      '{ modules(level: CP) { exercises { ...E } } } fragment E on Exercise { id solution }',
      '{ modules(level: CP) { exercises { ... on Exercise { id answer: solution } } } }',
      '{ a: exercise(id: "1") { id } b: exercise(id: "2") { s: solution } }',
    ]) {
      const res = await t.gql(query, { token: studentToken });
      expect(res.errors?.map((e) => e.extensions?.code), query).toEqual(['FORBIDDEN']);
      expect(res.data ?? null).toBeNull();
    }
  });

  it('is given to an admin on the same query paths (the control)', async () => {
    // (Not `me` and `viewer`: an admin is neither a student nor a teacher.)
    for (const path of paths.filter((p) => p.root === 'query' && !describePath(p).startsWith('query me') && !describePath(p).startsWith('query viewer'))) {
      const { query, variables } = operationFor(path);
      const res = await t.gql(query, { token: adminToken, variables });
      if (res.errors?.[0]?.extensions?.code === 'OPERATION_LIMIT_EXCEEDED') continue; // too costly to run whole, for anyone
      expect(res.errors, describePath(path)).toBeUndefined();
      const exercises = exercisesIn(res.data, path);
      expect(exercises.length, describePath(path)).toBeGreaterThan(0);
      for (const e of exercises) expect(e.solution, describePath(path)).not.toBeNull();
    }
  });
});
