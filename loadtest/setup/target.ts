import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { App } from '../../src/app.js';
import { createTokenIssuer, type TokenIssuer } from '../../src/auth/tokens.js';
import { startServer } from '../../src/cli/serve.js';
import { loadConfig } from '../../src/config.js';
import { createDatabase } from '../../src/db/client.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { spawnInstance } from './instances.js';
import type { Server } from '../../src/server.js';

/**
 * The server a scenario loads. Without TARGET_URL the scenario starts the app in this process with
 * the app's own startServer (migrated and seeded on first start, on DATABASE_URL and REDIS_URL or
 * the embedded defaults), so it can read the database the server writes, even the embedded one.
 * With TARGET_URL (a running server, loopback only) the database is DATABASE_URL's, and tokens can
 * be minted only with the server's JWT_SECRET.
 */
export interface Target {
  url: string;
  inProcess: boolean;
  /** Its servers were started by this run (in this process, or spawned): missing students may be seeded. */
  ours: boolean;
  /** What was loaded, for the report. */
  describe: { server: string; database: string; cache: string; dataloaders: string };
  /** The database the server writes to; undefined when it cannot be reached from here. */
  db: Kysely<Database> | undefined;
  /** Signs student tokens without a password check (pre-generated tokens); undefined if it cannot. */
  tokens: TokenIssuer | undefined;
  /** The app, when it runs in this process (the scenario may then seed the students it needs). */
  app: App | undefined;
  close(): Promise<void>;
}

export type Env = Record<string, string | undefined>;

/** The embedded database of load runs, apart from the one `npm start` uses (runs add attempts). */
export const LOADTEST_PGLITE_DIR = '.data/loadtest-pglite';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** A problem with what the run was asked to do: shown as its message alone, before any load is sent. */
export class SetupError extends Error {
  override name = 'SetupError';
}

/** Load goes to this machine only. TARGET_URL may list several instances, comma-separated. */
export function checkTargetUrl(urls: string): void {
  for (const url of urls.split(',').map((u) => u.trim())) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new SetupError(`TARGET_URL is not a URL: ${url}`);
    }
    if (!LOOPBACK.test(parsed.hostname)) throw new SetupError(`TARGET_URL must be on this machine (localhost, 127.x.x.x or [::1]), not ${parsed.hostname}`);
  }
}

/**
 * The server to load: TARGET_URL's; else `instances` servers started as processes of their own
 * (round robin over them, on the one DATABASE_URL and REDIS_URL); else the app in this process.
 */
export async function openTarget(env: Env, overrides: Record<string, string> = {}, instances?: number): Promise<Target> {
  if (env.TARGET_URL) return remoteTarget(env.TARGET_URL, env);
  if (instances !== undefined) return spawnedTarget(env, instances, overrides);
  const config = loadConfig({
    ...env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    PGLITE_DIR: env.PGLITE_DIR ?? LOADTEST_PGLITE_DIR,
    // One secret known here, so tokens can be pre-generated (and no warning about a random one).
    JWT_SECRET: env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    ...overrides,
  });
  const started: { app: App; server: Server; url: string } = await startServer(config, createLogger(config));
  return {
    url: started.url,
    inProcess: true,
    ours: true,
    describe: {
      server: 'in this process (startServer)',
      database: config.database.url ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite (${config.database.pgliteDir})`,
      cache: !config.cache.enabled ? 'off' : config.redisUrl ? 'Redis (REDIS_URL) behind the memory LRU' : 'memory',
      dataloaders: config.graphql.dataloaders ? 'on' : 'off',
    },
    db: started.app.database.db,
    tokens: started.app.tokens,
    app: started.app,
    close: () => started.server.close(),
  };
}

async function spawnedTarget(env: Env, count: number, overrides: Record<string, string>): Promise<Target> {
  if (!env.DATABASE_URL || !env.REDIS_URL) throw new SetupError('--instances runs several servers on one PostgreSQL and one Redis: set DATABASE_URL and REDIS_URL');
  const secret = env.JWT_SECRET ?? randomBytes(32).toString('hex');
  // A key prefix of this run's own: each run starts with a cold cache, as the in-process one does.
  const prefix = `${env.CACHE_KEY_PREFIX ?? 'reved'}-run-${randomBytes(3).toString('hex')}`;
  const shared = { DATABASE_URL: env.DATABASE_URL, REDIS_URL: env.REDIS_URL, JWT_SECRET: secret, CACHE_KEY_PREFIX: prefix, LOG_LEVEL: env.LOG_LEVEL ?? 'warn', ...overrides };
  // The first migrates and seeds; the others then start side by side.
  const first = await spawnInstance(shared);
  const servers = [first, ...(await Promise.all(Array.from({ length: count - 1 }, () => spawnInstance(shared))))];
  const remote = await remoteTarget(servers.map((s) => s.url).join(','), { ...env, JWT_SECRET: secret });
  return {
    ...remote,
    ours: true,
    describe: { ...remote.describe, server: `${count} instance${count > 1 ? 's' : ''} (processes of their own, round robin)`, cache: 'Redis (REDIS_URL) behind each memory LRU' },
    async close() {
      await Promise.all(servers.map((s) => s.stop()));
      await remote.close();
    },
  };
}

/** A Target for servers already running (TARGET_URL, or instances this run started). */
export async function remoteTarget(url: string, env: Env): Promise<Target> {
  checkTargetUrl(url);
  const config = loadConfig({ DATABASE_URL: env.DATABASE_URL, DATABASE_POOL_SIZE: '2', JWT_SECRET: env.JWT_SECRET });
  const database = config.database.url ? await createDatabase(config.database) : undefined;
  return {
    url,
    inProcess: false,
    ours: false,
    describe: { server: url, database: database ? 'PostgreSQL (DATABASE_URL)' : 'not reachable from here', cache: 'as the server is configured', dataloaders: 'as the server is configured' },
    db: database?.db,
    tokens: config.auth.jwtSecret ? createTokenIssuer(config.auth.jwtSecret, 3_600) : undefined,
    app: undefined,
    close: async () => database?.close(),
  };
}
