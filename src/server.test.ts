import { connect } from 'node:net';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { createLogger, type Logger } from './logger.js';
import { errorLoggingPlugin } from './server.js';

/** What the server logged, as it was handed to the logger (the error object itself, not its JSON). */
interface Entry {
  level: string;
  fields: Record<string, unknown>;
  msg: string | undefined;
}

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** Records what `logger` is asked to log, in place of writing it (pino's level methods are the instance's own). */
function recordLogs(logger: Logger): { logger: Logger; entries: Entry[]; restore(): void } {
  const entries: Entry[] = [];
  const saved = LEVELS.map((level) => [level, logger[level]] as const);
  for (const level of LEVELS) {
    logger[level] = ((fields: unknown, msg?: string) => {
      entries.push(typeof fields === 'string' ? { level, fields: {}, msg: fields } : { level, fields: fields as Record<string, unknown>, msg });
    }) as Logger['error'];
  }
  return {
    logger,
    entries,
    restore: () => {
      for (const [level, fn] of saved) logger[level] = fn;
    },
  };
}

const serious = (entries: Entry[]) => entries.filter((e) => e.level === 'error' || e.level === 'warn');

let t: TestApp;
let logs: ReturnType<typeof recordLogs>;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.tokenFor('student001');
});
afterAll(() => t?.close());

describe('every 500 is logged with its cause', () => {
  let undo: (() => void) | undefined;
  beforeAll(() => {
    logs = recordLogs(t.app.logger);
  });
  afterEach(() => {
    undo?.();
    undo = undefined;
    logs.entries.length = 0;
  });
  afterAll(() => logs.restore());

  /** Makes the token check throw `error` once (a fault while building the request's context). */
  function verifyThrowsOnce(error: unknown) {
    const verify = t.app.tokens.verify;
    t.app.tokens.verify = async () => {
      t.app.tokens.verify = verify;
      throw error;
    };
    undo = () => void (t.app.tokens.verify = verify);
  }

  it('a failure while building the context: masked for the client, logged whole with the request id', async () => {
    const fault = new Error('token store exploded');
    verifyThrowsOnce(fault);
    const res = await t.gql('{ me { username } }', { token });
    expect(res.status).toBe(500);
    expect(res.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(res.body).not.toMatch(/exploded/);
    expect(serious(logs.entries)).toEqual([{ level: 'error', fields: { err: fault, requestId: expect.stringMatching(/\w/) }, msg: 'request context failed' }]);
    // The next request builds its context as usual.
    expect((await t.gql('{ me { username } }', { token })).data).toEqual({ me: { username: 'student001' } });
  });

  it('the database unavailable while building the context: 503, logged as a warning with its cause', async () => {
    const outage = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    verifyThrowsOnce(outage);
    const res = await t.gql('{ me { username } }', { token });
    expect(res.status).toBe(503);
    expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(serious(logs.entries)).toEqual([{ level: 'warn', fields: { err: outage, requestId: expect.stringMatching(/\w/) }, msg: 'request context failed: database unavailable' }]);
  });

  it('a server error Apollo answers without calling any hook: the request is logged all the same', async () => {
    const apollo = t.server.apollo;
    const execute = apollo.executeHTTPGraphQLRequest;
    // As Apollo answers a result it cannot serialize: a 500 from outside its plugins' reach.
    apollo.executeHTTPGraphQLRequest = async () => {
      apollo.executeHTTPGraphQLRequest = execute;
      return { status: 500, headers: new HeaderMap([['content-type', 'application/json']]), body: { kind: 'complete', string: '{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}' } };
    };
    undo = () => void (apollo.executeHTTPGraphQLRequest = execute);
    const res = await t.gql('{ health { status } }');
    expect(res.status).toBe(500);
    expect(serious(logs.entries)).toEqual([
      { level: 'error', fields: { requestId: expect.stringMatching(/\w/), status: 500, operation: undefined }, msg: 'request answered with a server error; no cause was logged' },
    ]);
  });

  it('a 500 whose cause was logged is not logged twice', async () => {
    verifyThrowsOnce(new Error('once'));
    expect((await t.gql('{ me { username } }', { token })).status).toBe(500);
    expect(serious(logs.entries).map((e) => e.msg)).toEqual(['request context failed']);
  });

  it("a client's malformed request is not logged as an error", async () => {
    const csrf = await t.server.fastify.inject({ method: 'GET', url: '/graphql?query=%7B%20health%20%7B%20status%20%7D%20%7D' });
    expect(csrf.statusCode).toBe(400);
    const noQuery = await t.server.fastify.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"variables": {}}' });
    expect(noQuery.statusCode).toBe(400);
    expect(serious(logs.entries)).toEqual([]);
    expect(logs.entries).toContainEqual(expect.objectContaining({ level: 'debug', msg: 'invalid request' })); // the CSRF refusal
  });
});

describe('errorLoggingPlugin', () => {
  it('logs an error that escaped the request pipeline whole, with its request id', async () => {
    const recorded = recordLogs(createLogger({ logLevel: 'silent', env: 'test' }));
    const logged = new Set<string>();
    const plugin = errorLoggingPlugin(recorded.logger, { contexts: new WeakMap(), logged });
    const bug = new Error('willSendResponse hook threw');
    const requestContext = { operationName: 'Dashboard', request: {}, contextValue: { requestId: 'req-7' } };
    await plugin.unexpectedErrorProcessingRequest!({ requestContext, error: bug } as unknown as Parameters<NonNullable<typeof plugin.unexpectedErrorProcessingRequest>>[0]);
    expect(recorded.entries).toEqual([{ level: 'error', fields: { err: bug, operationName: 'Dashboard', requestId: 'req-7' }, msg: 'request failed unexpectedly' }]);
    expect(logged).toEqual(new Set(['req-7'])); // the route does not log it again
  });

  it('logs as an error a BAD_REQUEST that wraps an error of ours, and a context failure it has no request for', async () => {
    const recorded = recordLogs(createLogger({ logLevel: 'silent', env: 'test' }));
    const plugin = errorLoggingPlugin(recorded.logger);
    const bug = new TypeError('x is undefined');
    await plugin.invalidRequestWasReceived!({ error: new GraphQLError('Bad request', { originalError: bug, extensions: { code: 'BAD_REQUEST' } }) });
    await plugin.invalidRequestWasReceived!({ error: new GraphQLError('POST body missing', { extensions: { code: 'BAD_REQUEST' } }) });
    const lost = new Error('no context');
    await plugin.contextCreationDidFail!({ error: lost });
    expect(serious(recorded.entries)).toEqual([
      { level: 'error', fields: { err: bug }, msg: 'invalid request: unexpected error' },
      { level: 'error', fields: { err: lost, requestId: undefined }, msg: 'request context failed' },
    ]);
  });
});

describe("the viewer gate's slots", () => {
  let one: TestApp;
  let port: number;
  beforeAll(async () => {
    one = await createTestApp({ env: { VIEWER_MAX_INFLIGHT: '1' } });
    await one.server.fastify.listen({ host: '127.0.0.1', port: 0 });
    port = (one.server.fastify.server.address() as { port: number }).port;
  });
  afterAll(() => one?.close());
  const me = (student: string) => one.gql('{ me { username } }', { token: student });

  it('are given back once each response is written', async () => {
    const student = await one.tokenFor('student002');
    for (let i = 0; i < 5; i++) expect((await me(student)).data).toEqual({ me: { username: 'student002' } });
  });

  it('are given back when the client left before its operation took one', async () => {
    const student = await one.tokenFor('student003');
    const verify = one.app.tokens.verify;
    let letGo!: () => void;
    const held = new Promise<void>((r) => (letGo = r));
    let arrived!: () => void;
    const inContext = new Promise<void>((r) => (arrived = r));
    one.app.tokens.verify = async (token) => {
      one.app.tokens.verify = verify;
      arrived();
      await held;
      return verify(token);
    };
    try {
      // The request is held while its context is built; its client leaves; then it runs on (taking the slot).
      const body = '{"query": "{ me { username } }"}';
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${student}\r\nContent-Length: ${body.length}\r\n\r\n${body}`),
      );
      socket.on('error', () => {});
      await inContext;
      await new Promise<void>((r) => socket.destroy().once('close', () => r()));
      await new Promise((r) => setTimeout(r, 50));
      letGo();
    } finally {
      letGo();
      one.app.tokens.verify = verify;
    }
    // It runs on for no one, then gives its slot back: the student's next request is answered
    // (while it runs, RATE_LIMITED; a slot never given back would refuse every request after).
    let answer = await me(student);
    for (let i = 0; i < 30 && answer.errors?.[0]?.extensions?.code === 'RATE_LIMITED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await me(student);
    }
    expect(answer.data).toEqual({ me: { username: 'student003' } });
  });

  it('are never a 500 when refused: RATE_LIMITED is 429 with Retry-After', async () => {
    const student = await one.tokenFor('student001');
    const health = one.app.services.health;
    const check = health.check;
    // The first request is held in its resolver (in flight, its slot taken) until the others are answered.
    let letGo!: () => void;
    const held = new Promise<void>((r) => (letGo = r));
    health.check = async function (this: typeof health) {
      await held;
      return check.call(this);
    };
    const send = () => one.server.fastify.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${student}` }, payload: '{"query": "{ health { status } }"}' });
    try {
      const first = send();
      await new Promise((r) => setTimeout(r, 100));
      const refused = await Promise.all([send(), send()]);
      letGo();
      expect((await first).statusCode).toBe(200);
      for (const res of refused) {
        expect(res.json().errors).toEqual([expect.objectContaining({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } })]);
        expect(res.statusCode).toBe(429);
        expect(res.headers['retry-after']).toBe('1');
      }
    } finally {
      letGo();
      health.check = check;
    }
  });
});
