import {
  execute,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { operation, operationNames } from '../../test/operations.js';
import { OPERATION_LIMITS } from '../operation-limits.js';
import { buildAppSchema } from '../schema.js';
import { listFields, listSizeTable, OperationCoster } from './cost.js';
import { ListSizes } from '../exercises/list-sizes.js';
import { MAX_RESPONSE_NODES } from './response-budget.js';

let t: TestApp;
let schema: GraphQLSchema;
let student: string;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  schema = await buildAppSchema();
  student = await t.tokenFor('student006');
  admin = await t.login('admin');
});
afterAll(() => t.close());

const limitOf = (res: { status: number; errors?: { extensions?: Record<string, unknown> }[] }) => ({ status: res.status, code: res.errors?.[0]?.extensions?.code, limit: res.errors?.[0]?.extensions?.limit });
const refused = { status: 400, code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost' };

/** `modules { exercises { module { exercises { ... id } } } }`, `levels` times round the cycle. */
const cycle = (levels: number, leaf = 'id') => `{ modules { ${'exercises { module { '.repeat(levels - 1)}exercises { ${leaf} }${' } }'.repeat(levels - 1)} } }`;

describe('the cost of an operation counts list sizes', () => {
  it('sizes every list field of the schema (a new list field must say how long it can be)', () => {
    const sized = new Set(Object.keys(listSizeTable(new ListSizes())));
    expect(listFields(schema).filter((f) => !sized.has(f))).toEqual([]);
  });

  it('lets every operation the clients send through, with room to spare', () => {
    const coster = new OperationCoster(schema, t.app.listSizes);
    const costs = operationNames().map((name) => ({ name, cost: coster.cost(parse(operation(name)), name, sampleVariables(operation(name), schema)) }));
    console.log(`operation costs (limit ${OPERATION_LIMITS.cost}, heavy over ${OPERATION_LIMITS.heavyCost}): ${costs.map((c) => `${c.name} ${c.cost}`).join(', ')}`);
    for (const c of costs) expect(c.cost, c.name).toBeLessThanOrEqual(OPERATION_LIMITS.cost / 2);
  });

  it('uses the curriculum’s real sizes and the `first`/`limit` arguments', () => {
    const coster = new OperationCoster(schema, t.app.listSizes);
    const modules = t.app.listSizes.modules(null, null);
    const perModule = t.app.listSizes.exercisesPerModule;
    expect(modules).toBeGreaterThan(100);
    expect(perModule).toBeGreaterThan(5);
    expect(coster.cost(parse('{ modules { id } }'), undefined, {})).toBe(modules * 2);
    expect(coster.cost(parse('{ modules { exercises { id } } }'), undefined, {})).toBe(modules * (1 + 2 * perModule));
    expect(coster.cost(parse('query($n: Int) { students(first: $n) { edges { node { id } } } }'), undefined, { n: 10 })).toBe(coster.cost(parse('{ students(first: 10) { edges { node { id } } } }'), undefined, {}));
    expect(coster.cost(parse('{ students(first: 100) { totalCount } }'), undefined, {})).toBe(10 * coster.cost(parse('{ students(first: 10) { totalCount } }'), undefined, {}));
  });

  it('refuses the probe’s curriculum cycle before execution, whatever the leaf or the aliases', async () => {
    for (const query of [cycle(4), cycle(4, 'content'), cycle(3), cycle(2, 'content')]) {
      expect(limitOf(await t.gql(query, { token: student })), query).toEqual(refused);
    }
    const aliased = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: modules { exercises { id title content } }`).join(' ')} }`;
    expect(limitOf(await t.gql(aliased, { token: student }))).toEqual(refused);
    const curriculum = operation('Curriculum');
    expect((await t.gql(curriculum, { token: admin })).errors).toBeUndefined();
    const twice = `{ a: modules { exercises { id title content } module: id } b: modules { exercises { id title content } } }`;
    expect(limitOf(await t.gql(twice, { token: student }))).toEqual(refused);
  });

  it('refuses a huge `first` or `limit` (the argument is the list size)', async () => {
    expect(limitOf(await t.gql('{ me { recommendations(limit: 1000000) { exercise { id } } } }', { token: student }))).toEqual(refused);
    expect(limitOf(await t.gql('query($n: Int) { students(first: $n) { edges { node { id } } } }', { token: admin, variables: { n: 1_000_000 } }))).toEqual(refused);
  });

  it('walks every cycle of the schema: each, nested as deep as allowed, is refused or answered within the response bound', async () => {
    const cycles = schemaCycles(schema);
    expect(cycles.length).toBeGreaterThan(0);
    for (const c of cycles) {
      const query = nestedQuery(schema, c, OPERATION_LIMITS.depth);
      if (!query) continue;
      const res = await t.gql(query, { token: admin });
      const code = res.errors?.[0]?.extensions?.code;
      if (code !== 'OPERATION_LIMIT_EXCEEDED') expect(res.body.length, `${c.join(' > ')}: ${query}`).toBeLessThan(5_000_000);
      expect(code === undefined || ['OPERATION_LIMIT_EXCEEDED', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(String(code)), `${query}: ${res.body.slice(0, 300)}`).toBe(true);
    }
  });
});

describe('execution’s own bound on the response', () => {
  it('stops a response past MAX_RESPONSE_NODES with OPERATION_LIMIT_EXCEEDED, whatever the cost check let through', async () => {
    // Straight to execution, as if the cost check had missed it: the probe's 4-level cycle.
    const ctx = t.context({ role: 'ADMIN', adminId: 1, tokenVersion: 0 });
    const before = process.memoryUsage().heapUsed;
    const result = await execute({ schema, document: parse(cycle(4)), contextValue: ctx });
    expect(result.errors?.[0]?.extensions?.limit).toBe('responseSize');
    expect(ctx.responseNodes).toBeGreaterThan(MAX_RESPONSE_NODES);
    expect(ctx.responseNodes).toBeLessThan(MAX_RESPONSE_NODES * 20); // stopped at the list that crossed it
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('leaves the largest operation the clients send untouched', async () => {
    const ctx = t.context({ role: 'ADMIN', adminId: 1, tokenVersion: 0 });
    const result = await execute({ schema, document: parse(operation('Solutions')), variableValues: { level: 'CM2' }, contextValue: ctx });
    expect(result.errors).toBeUndefined();
    expect(ctx.responseNodes).toBeLessThan(MAX_RESPONSE_NODES / 2);
  });
});

/** Cycles of object types through their fields (each as the list of `Type.field` steps), one per starting type. */
function schemaCycles(s: GraphQLSchema): string[][] {
  const objects = Object.values(s.getTypeMap()).filter((x): x is GraphQLObjectType => isObjectType(x) && !x.name.startsWith('__') && !['Query', 'Mutation'].includes(x.name));
  const found = new Map<string, string[]>();
  for (const start of objects) {
    const walk = (type: GraphQLObjectType, path: string[], seen: Set<string>) => {
      for (const field of Object.values(type.getFields())) {
        const next = getNamedType(field.type);
        if (!isObjectType(next)) continue;
        const step = [...path, `${type.name}.${field.name}`];
        if (next.name === start.name) {
          const key = [...step].sort().join(',');
          if (!found.has(key)) found.set(key, step);
        } else if (!seen.has(next.name) && step.length < 4) walk(next, step, new Set([...seen, next.name]));
      }
    };
    walk(start, [], new Set([start.name]));
  }
  return [...found.values()];
}

/** A query reaching the cycle's first type from a root field, then going round it until `depth`. */
function nestedQuery(s: GraphQLSchema, steps: string[], depth: number): string | undefined {
  const entry: Record<string, string[]> = {
    Module: ['modules'],
    Exercise: ['exercise(id: "1")'],
    Student: ['me'],
    ProgressConnection: ['me', 'progress'],
    ProgressEdge: ['me', 'progress', 'edges'],
    Progress: ['me', 'progress', 'edges', 'node'],
  };
  const first = steps[0]!.split('.')[0]!;
  const path = entry[first];
  if (!path) return undefined;
  const fields: string[] = [];
  for (let i = 0; path.length + fields.length < depth - 1; i++) fields.push(steps[i % steps.length]!.split('.')[1]!);
  const lastType = steps[(fields.length - 1) % steps.length]!.split('.')[0]!;
  const lastField = (s.getType(lastType) as GraphQLObjectType).getFields()[fields.at(-1)!]!;
  const leafType = getNamedType(lastField.type) as GraphQLObjectType;
  const leaf = Object.values(leafType.getFields()).find((f) => !isObjectType(getNamedType(f.type)) && !isListType(getNullableType(f.type)) && f.args.length === 0)?.name ?? '__typename';
  const all = [...path, ...fields];
  return `{ ${all.join(' { ')} { ${leaf} }${' }'.repeat(all.length)}`;
}

/** Values for an operation's variables: each required one a plausible value of its type. */
function sampleVariables(text: string, s: GraphQLSchema): Record<string, unknown> {
  const def = parse(text).definitions[0] as OperationDefinitionNode;
  const value = (type: GraphQLInputType): unknown => {
    const t = getNullableType(type);
    if (isListType(t)) return [value(t.ofType)];
    if (isEnumType(t)) return t.getValues()[0]!.value;
    if (isInputObjectType(t)) return Object.fromEntries(Object.values(t.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, value(f.type)]));
    return ({ Int: 1, Float: 1, Boolean: true, ID: '1', JSON: {} } as Record<string, unknown>)[t.name] ?? 'abcdefgh';
  };
  return Object.fromEntries((def.variableDefinitions ?? []).filter((v) => v.type.kind === 'NonNullType' && !v.defaultValue).map((v) => [v.variable.name.value, value(typeFromAST(s, v.type) as GraphQLInputType)]));
}
