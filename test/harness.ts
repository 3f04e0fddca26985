import { readFileSync } from 'node:fs';
import { createClient } from '@keyv/redis';
import type { GraphQLSchema } from 'graphql';
import { inject } from 'vitest';
import { createApp, type App } from '../src/app.js';
import type { Viewer } from '../src/viewer.js';
import { RequestCache } from '../src/cache/request-cache.js';
import { ManualClock, type Clock } from '../src/common/time.js';
import type { QueryEvent } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { RedisLink } from '../src/redis/redis-link.js';
import type { Context } from '../src/context.js';
import { requestReads } from '../src/request-context.js';
import { buildAppSchema } from '../src/schema.js';
import { newRequestScope } from '../src/request-scope.js';
import { createServer, type Server } from '../src/server.js';
import { testConfig } from './config.js';
import { adminPool, databaseUrl } from './databases.js';

/**
 * A running API for one test file: its own copy of the seeded template database (embedded or
 * PostgreSQL), a Fastify instance served through inject() (no port), and helpers to call it.
 */
export interface TestApp {
  app: App;
  server: Server;
  clock: ManualClock;
  /** Where this instance's database is (for a sibling instance). */
  databaseOverrides: Record<string, unknown>;
  /** POSTs a GraphQL operation; returns the parsed body and the HTTP status. */
  gql<T = any>(query: string, options?: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> }): Promise<GqlResponse<T>>;
  login(username: string, password?: string): Promise<string>;
  /** A valid token for a student without the login mutation (no argon2: for tests with many students). */
  tokenFor(username: string): Promise<string>;
  /** Runs fn and returns the SQL statements it sent, in order. */
  statements<T>(fn: () => Promise<T>): Promise<{ result: T; queries: QueryEvent[] }>;
  studentId(username: string): Promise<number>;
  /** A request context for this viewer, as the server builds one (to call services or the schema directly). */
  context(viewer: Viewer): Context;
  close(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[] | undefined;
  body: string;
}

let schema: Promise<GraphQLSchema> | undefined;

export interface TestAppOptions {
  env?: Record<string, string | undefined>;
  clock?: Clock;
  /** A second instance of the service: same database and cache prefix as `sibling` (PostgreSQL only). */
  sibling?: TestApp;
  /**
   * A read replica: a second database, a copy of the first as it was at start, that nothing
   * replicates into (a real PostgreSQL standing in for a lagging replica). PostgreSQL only.
   */
  replica?: boolean;
  /** A PostgreSQL database of the test's own (a throwaway server), used as it is: not copied, not dropped. */
  databaseUrl?: string;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Each test app has its own key prefix on the shared Redis, removed when it closes.
  const prefix = options.sibling?.app.config.cache.keyPrefix ?? `reved-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const config = testConfig({ CACHE_KEY_PREFIX: prefix, ...options.env });
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock(new Date());
  let dropDatabase = async () => {};
  let databaseOverrides = {};
  let ownsPrefix = true;
  let readUrl: string | undefined = options.sibling?.app.config.database.readUrl;
  if (options.databaseUrl) {
    databaseOverrides = { url: options.databaseUrl };
  } else if (options.sibling) {
    if (options.sibling.app.database.kind !== 'postgres') throw new Error('instances can share PostgreSQL only');
    databaseOverrides = { ...options.sibling.databaseOverrides };
    ownsPrefix = false;
  } else if (config.database.url) {
    const template = inject('postgresTemplate');
    if (!template) throw new Error('no PostgreSQL template database (see test/global-setup.ts)');
    const names = Array.from({ length: options.replica ? 2 : 1 }, () => `reved_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`);
    const admin = adminPool(config.database.url);
    for (const name of names) await admin.query(`create database ${name} template ${template}`);
    databaseOverrides = { url: databaseUrl(config.database.url, names[0]!) };
    if (names[1]) readUrl = databaseUrl(config.database.url, names[1]);
    dropDatabase = async () => {
      for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const file = inject('pgliteTemplateFile');
    if (!file) throw new Error('no embedded template database (see test/global-setup.ts)');
    databaseOverrides = { pgliteInMemory: true, pgliteTemplate: new Blob([readFileSync(file)]) };
  }

  const app = await createApp(readUrl ? { ...config, database: { ...config.database, readUrl } } : config, createLogger(config), { clock, database: databaseOverrides });
  const sharedOverrides = databaseOverrides;
  schema ??= buildAppSchema();
  const server = await createServer(app, await schema);
  await server.fastify.ready();

  const gql: TestApp['gql'] = async (query, opts = {}) => {
    const res = await server.fastify.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
      payload: JSON.stringify({ query, variables: opts.variables }),
    });
    const parsed = safeJson(res.body);
    return { status: res.statusCode, data: parsed?.data, errors: parsed?.errors, body: res.body };
  };

  return {
    app,
    server,
    clock,
    databaseOverrides: sharedOverrides,
    gql,
    async login(username, password = username === 'admin' ? 'admin1234' : 'demo1234') {
      const res = await gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { variables: { u: username, p: password } });
      if (!res.data?.login) throw new Error(`login ${username} failed: ${res.body}`);
      return res.data.login.token;
    },
    async tokenFor(username) {
      const row = await app.database.db.selectFrom('students').select(['id', 'token_version']).where('username', '=', username).executeTakeFirstOrThrow();
      return app.tokens.sign({ role: 'STUDENT', studentId: row.id, tokenVersion: row.token_version });
    },
    async statements(fn) {
      const queries: QueryEvent[] = [];
      const stop = app.database.onQuery((e) => queries.push(e));
      try {
        return { result: await fn(), queries };
      } finally {
        stop();
      }
    },
    async studentId(username) {
      const row = await app.database.db.selectFrom('students').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      return row.id;
    },
    context(viewer) {
      const scope = newRequestScope();
      const cache = new RequestCache(app.cache, undefined, scope);
      return { viewer, ...requestReads(app, () => app.repositories, app.repositories, cache), repositories: app.repositories, scope, cache, services: app.services, requestId: 'test', clientAddress: '127.0.0.1', responseNodes: 0 };
    },
    async close() {
      await server.close();
      await dropDatabase();
      if (config.redisUrl && ownsPrefix && !config.redis.cluster) await deleteRedisPrefix(config.redisUrl, prefix);
    },
  };
}

/** The first `limit` exercises of a level (by id), with their solutions: what tests answer. */
export function exercisesOfLevel(t: TestApp, level: string, limit: number): Promise<{ id: number; solution: unknown }[]> {
  return t.app.database.db
    .selectFrom('exercises as e')
    .innerJoin('modules as m', 'm.id', 'e.module_id')
    .select(['e.id', 'e.solution'])
    .where('m.level', '=', level as never)
    .orderBy('e.id')
    .limit(limit)
    .execute();
}

/** Test clean-up only: the service itself never scans Redis. */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
  } finally {
    await client.close();
  }
}

function safeJson(body: string): any {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * A link to a test Redis (one node, or a cluster's seed nodes), connected; its logger keeps
 * nothing unless `lines` is given.
 */
export async function connectLink(urls: string, prefix: string, options: { commandTimeoutMs?: number; lines?: { level: string; message: string }[] } = {}): Promise<RedisLink> {
  const nodes = urls.split(',');
  const logger = createLogger({ logLevel: 'info', env: 'test' }, {
    write: (line: string) => {
      const entry = JSON.parse(line) as { level: number; msg: string };
      options.lines?.push({ level: entry.level >= 40 ? 'warn' : 'info', message: entry.msg });
    },
  });
  const link = new RedisLink({ nodes: { urls: nodes, cluster: nodes.length > 1 }, prefix, commandTimeoutMs: options.commandTimeoutMs ?? 500 }, logger);
  await link.connect(3_000);
  return link;
}
