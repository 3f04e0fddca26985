import { execute, getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { RequestGenerator } from '../test/fuzz/requests.js';
import { operation, operationNames } from '../test/operations.js';
import { createContext } from './request-context.js';
import { compiledExecution } from './execution.js';
import { OperationCoster } from './limits/cost.js';
import { OPERATION_LIMITS, operationLimits } from './operation-limits.js';
import { buildAppSchema } from './schema.js';

/**
 * The compiled executor (graphql-jit) must answer exactly what graphql-js's execute answers: same
 * data, same errors (message, path, locations, extensions), for the operations the clients send
 * and for generated hostile ones, as a student, an admin and nobody. Queries only: a mutation run
 * twice would not meet the same state; health and monitoring only where their figures (latencies,
 * counts) are left out, since they change between two runs.
 */
let t: TestApp;
let schema: GraphQLSchema;
let jit: (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, authorization: string | undefined) => Promise<ExecutionResult>;
const tokens: Record<string, string | undefined> = {};
let exerciseId = 0;
const rules = operationLimits({ env: 'test' }).validationRules;
/** Whether the server refuses the operation for its cost before executing it (limits.plugin.ts). */
function overCost(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): boolean {
  try {
    return new OperationCoster(schema, t.app.listSizes).cost(document, operationName, variables) > OPERATION_LIMITS.cost;
  } catch (error) {
    // A variable of the wrong type is refused by execution, the same way for both; anything else by the server.
    return !(error instanceof Error && error.message.startsWith('Variable "$'));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  schema = await buildAppSchema();
  const gateway = compiledExecution(schema, { runsBeforeCompiling: 0 }); // compiled from the first run
  gateway.onSchemaLoadOrUpdate(() => {});
  const { executor } = await gateway.load({ apollo: { graphRef: undefined, key: undefined, keyHash: undefined } as never });
  jit = async (document, operationName, variables, authorization) =>
    executor!({
      document,
      // As Apollo's pipeline resolves it before executing.
      operation: getOperationAST(document, operationName) ?? undefined,
      request: { variables, operationName },
      context: await createContext(t.app, authorization, 'jit'),
    } as never);
  tokens.student = `Bearer ${await t.tokenFor('student006')}`;
  tokens.admin = `Bearer ${await t.login('admin')}`;
  tokens.nobody = undefined;
  exerciseId = (await t.app.database.db.selectFrom('exercises').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

/** Root fields whose figures change from one run to the next. */
const LIVE = new Set(['health', 'monitoring', 'cacheStats']);
const selectsLive = (operation: OperationDefinitionNode) => operation.selectionSet.selections.some((s) => s.kind !== 'Field' || LIVE.has(s.name.value));

/** What Apollo makes of a result: its data, and each error as graphql-js's GraphQLError says it (toJSON). */
function seen(result: ExecutionResult): { data: unknown; errors: string[] } {
  const errors = (result.errors ?? []).map((e) => {
    expect(e, e.message).toBeInstanceOf(GraphQLError); // what Apollo and formatError unwrap
    expect(e.extensions, e.message).toBeTypeOf('object'); // Apollo reads extensions.code of each
    return JSON.stringify({ ...e.toJSON(), original: e.originalError?.constructor.name });
  });
  return { data: JSON.parse(JSON.stringify(result.data ?? null)) as unknown, errors: errors.sort() };
}

/**
 * Same data, same errors; except that when one field's error nulls its parent, graphql-js stops
 * there and graphql-jit also reports the errors of the parent's other fields (each one under the
 * nulled parent, with its own path and code).
 */
function expectSame(compiled: ReturnType<typeof seen>, interpreted: ReturnType<typeof seen>, what: string) {
  expect(compiled.data, what).toEqual(interpreted.data);
  expect(compiled.errors, what).toEqual(expect.arrayContaining(interpreted.errors));
  for (const extra of compiled.errors.filter((e) => !interpreted.errors.includes(e))) {
    const path = (JSON.parse(extra) as { path?: (string | number)[] }).path ?? [];
    const nulled = path.slice(0, -1).some((_, i) => valueAt(compiled.data, path.slice(0, i + 1)) === null) || compiled.data === null;
    expect(nulled, `${what}: ${extra} is not under a nulled field`).toBe(true);
  }
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

async function both(query: string, variables: Record<string, unknown>, authorization: string | undefined, operationName?: string) {
  const document = parse(query);
  const interpreted = await execute({ schema, document, operationName, variableValues: variables, contextValue: await createContext(t.app, authorization, 'interpreter') });
  const compiled = await jit(document, operationName, variables, authorization);
  return { interpreted: seen(interpreted), compiled: seen(compiled) };
}

describe('the compiled executor', () => {
  it('answers the clients’ queries as graphql-js does, for each viewer, with good and bad variables', async () => {
    const variableSets: Record<string, unknown>[] = [
      {},
      { first: 2, limit: 3, windowSeconds: 60, id: String(exerciseId), level: 'CM1', subject: 'MATHS' },
      { first: 0, limit: 0, id: 'abc', level: 'ZZ', windowSeconds: -1, after: 'bogus' },
      { first: 'x', limit: 1e12, id: null, level: null },
      { first: -5, id: ['1'], windowSeconds: '60', subject: 42 },
    ];
    let compared = 0;
    for (const name of operationNames()) {
      const text = operation(name);
      const definition = getOperationAST(parse(text));
      if (definition?.operation !== 'query' || selectsLive(definition)) continue;
      for (const [viewer, authorization] of Object.entries(tokens)) {
        for (const variables of variableSets) {
          const { interpreted, compiled } = await both(text, variables, authorization);
          expectSame(compiled, interpreted, `${name} as ${viewer} with ${JSON.stringify(variables)}`);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6 * 3 * 5);
  });

  it('answers generated hostile queries as graphql-js does', async () => {
    const generator = new RequestGenerator(20261127, {
      attackerToken: tokens.student!.slice(7),
      adminToken: tokens.admin!.slice(7),
      victimId: await t.studentId('student007'),
      exerciseId,
      sessionId: '1',
      badTokens: ['x.y.z'],
    });
    let compared = 0;
    for (let i = 0; i < 3_000; i++) {
      const request = generator.next();
      if (request.method !== 'POST' || !request.payload) continue;
      let body: { query?: unknown; variables?: unknown; operationName?: unknown };
      let document: DocumentNode;
      try {
        body = JSON.parse(request.payload) as typeof body;
        if (typeof body.query !== 'string') continue;
        document = parse(body.query);
      } catch {
        continue; // refused before execution, the same way for both
      }
      const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
      // As Apollo does before executing: graphql's rules and the operation limits, then the cost.
      if (validate(schema, document, [...specifiedRules, ...rules]).length > 0) continue;
      const definition = getOperationAST(document, operationName);
      if (definition?.operation !== 'query' || selectsLive(definition)) continue;
      const variables = body.variables && typeof body.variables === 'object' && !Array.isArray(body.variables) ? (body.variables as Record<string, unknown>) : {};
      if (overCost(document, operationName, variables)) continue;
      const { interpreted, compiled } = await both(body.query, variables, request.headers.authorization, operationName);
      expectSame(compiled, interpreted, request.payload.slice(0, 300));
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('compiles an operation on its second run, where GRAPHQL_EXECUTOR=jit (the default); interpreter runs graphql-js', async () => {
    // Told apart by the one difference the parity tests allow: the errors of a nulled parent's other fields.
    const query = 'query { me { recommendations(limit: 0) { reason } progress(first: 0) { totalCount } } }';
    const codes = async (app: TestApp) => (await app.gql(query, { token: tokens.student!.slice(7) })).errors?.map((e) => e.extensions?.code);
    const interpreter = await createTestApp({ env: { GRAPHQL_EXECUTOR: 'interpreter' } });
    try {
      for (let run = 1; run <= 3; run++) expect(await codes(interpreter), `run ${run}`).toEqual(['BAD_USER_INPUT']);
      expect(await codes(t), 'first run: interpreted').toEqual(['BAD_USER_INPUT']);
      expect(await codes(t), 'second run: compiled').toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
      expect(await codes(t), 'third run: compiled').toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    } finally {
      await interpreter.close();
    }
  });
});
