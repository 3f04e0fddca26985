import Fastify from 'fastify';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { operation, operationNames } from '../test/operations.js';
import { buildAppSchema } from './schema.js';
import { createLogger } from './logger.js';
import { OPERATION_LIMITS, operationLimits, registerRequestLimits } from './operation-limits.js';
import { BODY_LIMIT_BYTES } from './server.js';

const STRONG_SECRET = 'kJ8#qW2$zX9!mN4@pL7%vB1^cR5&tY3*'; // what a production secret looks like

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const limitOf = (res: { status: number; errors?: { extensions?: Record<string, unknown> }[] }) => ({ status: res.status, ...res.errors?.[0]?.extensions });
const nest = (levels: number) => `{ exercise(id: "1") { ${'module { exercises { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;

describe('operation limits (graphql-armor and the request limits)', () => {
  it('let every operation the clients send through', async () => {
    const schema = await buildAppSchema();
    const { validationRules } = operationLimits({ env: 'production' });
    for (const name of operationNames()) {
      const text = operation(name);
      expect(validate(schema, parse(text), validationRules).map((e) => e.message), name).toEqual([]);
      expect(text.length).toBeLessThan(OPERATION_LIMITS.documentSize / 4);
    }
  });

  it('refuse an operation deeper than 10, fragments included', async () => {
    // exercise > (module > exercises) x 4 > id is 10 deep; one more pair is 12.
    // 10 deep passes the depth limit (its cost, 11^4 exercises, does not: limits/cost.test.ts).
    expect((await t.gql(nest(4), { token: admin })).errors?.map((e) => e.extensions?.limit)).not.toContain('depth');
    expect(limitOf(await t.gql(nest(5), { token: admin }))).toEqual({ status: 400, code: 'OPERATION_LIMIT_EXCEEDED', limit: 'depth' });
    const hidden = `{ exercise(id: "1") { ...A } } fragment A on Exercise { module { exercises { ...B } } } fragment B on Exercise { module { exercises { ...C } } }
      fragment C on Exercise { module { exercises { ...D } } } fragment D on Exercise { module { exercises { module { exercises { id } } } } }`;
    const res = await t.gql(hidden, { token: admin });
    expect(res.status).toBe(400);
    expect(res.errors?.map((e) => e.extensions?.limit)).toContain('depth'); // and its cost, too
  });

  it('refuse more than 15 aliases', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `h${i}: health { status }`).join(' ')} }`;
    expect((await t.gql(aliases(15))).errors).toBeUndefined();
    expect(limitOf(await t.gql(aliases(16)))).toEqual({ status: 400, code: 'OPERATION_LIMIT_EXCEEDED', limit: 'aliases' });
  });

  it('refuse an operation costlier than the limit, however few aliases it uses', async () => {
    const students = operation('Students').replace(/^query Students\([^)]*\) \{\n {2}students\([^)]*\)/, 'students(first: 100)');
    const body = students.slice(students.indexOf('{'), students.lastIndexOf('}'));
    const twice = `{ a: students(first: 100) ${body} b: students(first: 100) ${body} }`;
    const res = await t.gql(twice, { token: admin });
    expect(limitOf(res)).toEqual({ status: 400, code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost' });
    expect(res.errors?.[0]?.message).toMatch(/^The operation would cost \d+ .*at most 36000 is accepted/);
  });

  it('refuse more than 10 directives', async () => {
    const directives = (n: number) => `{ ${'... @include(if: true) { health { status } } '.repeat(n)}}`;
    expect((await t.gql(directives(10))).errors).toBeUndefined();
    expect(limitOf(await t.gql(directives(11)))).toEqual({ status: 400, code: 'OPERATION_LIMIT_EXCEEDED', limit: 'directives' });
  });

  it('refuse a document of more than 1,000 tokens or 10,000 characters before parsing it', async () => {
    expect(limitOf(await t.gql(`{ health { ${'status '.repeat(1_000)}} }`))).toEqual({ status: 400, code: 'OPERATION_LIMIT_EXCEEDED', limit: 'tokens' });
    expect(limitOf(await t.gql(`{ health { status } } # ${'x'.repeat(10_000)}`))).toEqual({ status: 400, code: 'OPERATION_LIMIT_EXCEEDED', limit: 'documentSize' });
    const get = await t.server.fastify.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(`{ health { ${'status '.repeat(1_001)}} }`)}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(limitOf({ status: get.statusCode, errors: get.json().errors })).toEqual({ status: 400, code: 'OPERATION_LIMIT_EXCEEDED', limit: 'tokens' });
  });
});

describe('HTTP refusals', () => {
  const post = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => t.server.fastify.inject({ method: 'POST', url: '/graphql', headers, payload });

  it(`answer a body over ${BODY_LIMIT_BYTES / 1000} kB with 413 and a JSON error`, async () => {
    const res = await post(JSON.stringify({ query: '{ health { status } }', variables: { pad: 'x'.repeat(BODY_LIMIT_BYTES) } }));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ errors: [{ message: 'The request body is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: BODY_LIMIT_BYTES } }] });
  });

  it('answer malformed JSON and unknown media types with a 4xx JSON error', async () => {
    for (const [payload, headers, status] of [
      ['{"query": "{ health { status } }"', { 'content-type': 'application/json' }, 400],
      ['', { 'content-type': 'application/json' }, 400],
      ['query=x', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ] as const) {
      const res = await post(payload, headers);
      expect(res.statusCode, payload).toBe(status);
      expect(res.json().errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('refuse batched requests', async () => {
    const res = await post(JSON.stringify([{ query: '{ health { status } }' }, { query: '{ health { status } }' }]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(res.json().data).toBeUndefined();
  });

  it('refuse requests a browser could send cross-site without a preflight (CSRF prevention)', async () => {
    const simpleGet = await t.server.fastify.inject({ method: 'GET', url: '/graphql?query=%7B%20health%20%7B%20status%20%7D%20%7D' });
    expect(simpleGet.statusCode).toBe(400);
    expect(simpleGet.json().errors[0]).toMatchObject({ message: expect.stringMatching(/Cross-Site Request Forgery/), extensions: { code: 'BAD_REQUEST' } });
    const textPlain = await post(JSON.stringify({ query: '{ health { status } }' }), { 'content-type': 'text/plain' });
    expect(textPlain.statusCode).toBe(400);
    expect(textPlain.json().errors[0].message).toMatch(/Cross-Site Request Forgery/);
    // The control: the same GET with the header only a preflighted request can carry.
    const preflighted = await t.server.fastify.inject({ method: 'GET', url: '/graphql?query=%7B%20health%20%7B%20status%20%7D%20%7D', headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.json()).toEqual({ data: { health: { status: 'OK' } } });
  });

  it('mask a failure outside GraphQL (a 500 from Fastify) and log it whole', async () => {
    const logger = createLogger({ logLevel: 'silent', env: 'test' });
    const logged: unknown[] = [];
    logger.error = ((fields: unknown, msg?: string) => void logged.push({ fields, msg })) as typeof logger.error;
    const fastify = Fastify();
    registerRequestLimits(fastify, logger);
    const fault = new Error('route broke: SELECT secret FROM x');
    fastify.post('/graphql', async () => {
      throw fault;
    });
    const res = await fastify.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query": "{ health { status } }"}' });
    await fastify.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(logged).toEqual([{ fields: { err: fault, route: '/graphql', method: 'POST' }, msg: 'request failed outside GraphQL' }]);
  });

  it('refuse a mutation over GET', async () => {
    const res = await t.server.fastify.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('mutation { logout }')}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(res.statusCode).toBe(405);
    expect(res.json().errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('in production', () => {
  let prod: TestApp;
  let open: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET } });
    open = await createTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, INTROSPECTION: 'on' } });
  });
  afterAll(async () => {
    await prod?.close();
    await open?.close();
  });

  it('serves no landing page (development serves its Sandbox)', async () => {
    const page = (app: TestApp) => app.server.fastify.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
    const dev = await page(t);
    expect(dev.statusCode).toBe(200); // the control
    expect(dev.headers['content-type']).toMatch(/^text\/html/);
    const res = await page(prod);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).not.toMatch(/html/);
    expect(res.body).not.toMatch(/<html|<script|apollo-server-landing-page|cdn\.|@apollo\/server/i);
    expect(res.json().errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses introspection unless INTROSPECTION=on', async () => {
    const res = await prod.gql('{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/introspection is not allowed/);
    expect((await prod.gql('{ __type(name: "Student") { name } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await open.gql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await t.gql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } }); // development
  });

  it('hides field suggestions, in validation and in variables, where development shows them', async () => {
    const token = await prod.login('student001');
    const typo = '{ me { usernam } }';
    const submit = 'mutation($i: AttemptInput!) { submitAttempt(input: $i) { correct } }';
    const input = { i: { exerciseId: '1', answr: 'x', answer: 'x', durationSeconds: 1, idempotencyKey: 'abcdefgh' } };
    const level = ['query($l: Level) { modules(level: $l) { id } }', { l: 'CM3' }] as const;
    const messages = (res: { errors?: { message: string }[] }) => res.errors?.map((e) => e.message).join(' | ') ?? '';

    const dev = await t.login('student001');
    expect(messages(await t.gql(typo, { token: dev }))).toMatch(/Did you mean "username"/); // the control
    expect(messages(await t.gql(submit, { token: dev, variables: input }))).toMatch(/Did you mean "answer"/);
    expect(messages(await t.gql(level[0], { token: dev, variables: level[1] }))).toMatch(/Did you mean the enum value/);

    const hidden = await prod.gql(typo, { token });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(messages(hidden)).not.toMatch(/Did you mean|"username"/);
    const variable = await prod.gql(submit, { token, variables: input });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(messages(variable)).toMatch(/"answr" is not defined/);
    expect(messages(variable)).not.toMatch(/Did you mean|"answer"/);
    expect(messages(await prod.gql(level[0], { token, variables: level[1] }))).not.toMatch(/Did you mean|CM1/);
  });
});
