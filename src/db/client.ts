import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './database.js';
import { queryName } from './named.js';

// `date` columns stay 'YYYY-MM-DD' strings: a calendar day has no time zone to guess.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface QueryEvent {
  name: string | undefined;
  sql: string;
  parameters: readonly unknown[];
  durationMs: number;
  failed: boolean;
}

export type QueryListener = (event: QueryEvent) => void;

export interface PoolStats {
  size: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: 'postgres' | 'pglite';
  /** Adds a listener for every statement sent (monitoring, slow-query log); returns its remover. */
  onQuery(listener: QueryListener): () => void;
  poolStats(): PoolStats;
  /** The embedded database's files as one tarball (test fixtures); PostgreSQL has none. */
  dumpEmbedded(): Promise<Blob>;
  /** Sends `payload` to every session listening on `channel` (delivered when the sender's transaction commits). */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Calls `onMessage` with each payload sent on `channel`, on a connection of its own (PostgreSQL)
   * or the embedded database's. When that connection is lost it is made again, and `onGap` is
   * called once listening again: what was sent meanwhile was missed. Returns the way to stop.
   */
  listen(channel: string, onMessage: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseOptions = Config['database'] & {
  /** Tests: start the embedded database from a dump of an already-migrated one. */
  pgliteTemplate?: Blob | File;
  /** Keep the whole database in memory (tests). */
  pgliteInMemory?: boolean;
};

/**
 * One Kysely over a pg Pool, whatever the engine: PostgreSQL when `url` is set, else the embedded
 * PGlite through its node-postgres adapter, so both run the same queries through the same driver.
 */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const listeners: QueryListener[] = [];
  let pool: pg.Pool;
  let pglite: PGlite | undefined;
  if (options.url) {
    pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize,
      connectionTimeoutMillis: options.connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      statement_timeout: options.statementTimeoutMs,
      idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
      // A server that stops answering (not just refusing) must not hold a request forever.
      query_timeout: options.statementTimeoutMs + 1_000,
      keepAlive: true,
      application_name: 'reved-kids-api',
    });
  } else {
    const dataDir = options.pgliteInMemory ? 'memory://' : options.pgliteDir;
    if (!options.pgliteInMemory) mkdirSync(dataDir, { recursive: true });
    pglite = await PGlite.create(dataDir, options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {});
    // One embedded backend: a pool of one connection, so transactions never interleave.
    pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, connectionTimeoutMillis: options.connectTimeoutMs });
  }
  // An idle client that loses its server emits here; without a listener the process would exit.
  pool.on('error', () => {});
  // So does a checked-out one (the pool listens only while a client is idle): a server restart
  // while a request holds a connection would crash the process. The statement in flight gets the
  // error, and the pool drops the dead client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    if (options.url) dropOnReadTimeout(client);
  });

  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event: LogEvent) => {
      if (listeners.length === 0) return;
      const sqlText = event.query.sql;
      const e: QueryEvent = { name: queryName(sqlText), sql: sqlText, parameters: event.query.parameters, durationMs: event.queryDurationMillis, failed: event.level === 'error' };
      for (const l of listeners) l(e);
    },
  });

  return {
    db,
    kind: options.url ? 'postgres' : 'pglite',
    onQuery(l) {
      listeners.push(l);
      return () => {
        const i = listeners.indexOf(l);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    async dumpEmbedded() {
      if (!pglite) throw new Error('only the embedded database can be dumped');
      return pglite.dumpDataDir('none');
    },
    async notify(channel, payload) {
      await sql`select pg_notify(${channel}, ${payload}) /* q:notify */`.execute(db);
    },
    async listen(channel, onMessage, onGap) {
      if (pglite) return pglite.listen(channel, onMessage).then((stop) => () => stop());
      return listenOnOwnConnection(options, channel, onMessage, onGap);
    },
    poolStats: () => ({ size: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max }),
    async close() {
      await db.destroy();
      await pglite?.close();
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other statements), made
 * again with backoff whenever it is lost; a listener that stops hearing must not pass for one
 * that hears nothing.
 */
async function listenOnOwnConnection(options: DatabaseOptions, channel: string, onMessage: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (delayMs: number, gap: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: options.connectTimeoutMs, keepAlive: true, application_name: 'reved-kids-api listener' });
    const lost = () => {
      if (stopped || client !== c) return;
      gap = true;
      client = undefined;
      c.end().catch(() => {});
      retry = setTimeout(() => void connect(Math.min(delayMs * 2, 10_000), gap), delayMs);
      retry.unref();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => n.channel === channel && n.payload !== undefined && onMessage(n.payload));
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch {
      lost(); // tried again later; whatever is sent meanwhile is a gap
      return;
    }
    if (gap) onGap();
  };
  await connect(250, false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/**
 * A statement that times out on the client side (query_timeout, past statement_timeout) means the
 * server hung or the network went. pg keeps such a connection, and the next statement on it (the
 * ROLLBACK, or the next request's) would wait as long again: cut it instead, so that whatever is
 * queued on it fails at once and the pool replaces it. (pg cuts it the same way in pipeline mode.)
 */
function dropOnReadTimeout(client: pg.PoolClient): void {
  const socket = () => (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    // A branch of its own: the caller still gets the rejection, whatever happens here.
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === 'Query read timeout') socket()?.destroy();
      });
    }
    return result;
  };
}

/** Round-trip time of a trivial statement, in ms; rejects past `timeoutMs`. */
export async function pingDatabase(db: Kysely<Database>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sql`select 1`.execute(db),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return performance.now() - started;
}
