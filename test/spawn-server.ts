import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { testConfig } from './config.js';
import { adminPool, databaseUrl } from './databases.js';
import { deleteRedisPrefix } from './harness.js';
import { freePort } from './free-port.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The built server (dist/, made by `npm test`'s pretest build) as its own process, the way
 * `npm start` runs it, on a free port, on its own database: a copy of the test template on
 * PostgreSQL when DATABASE_URL is set, else a fresh embedded one in a temp directory.
 */
export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function spawnServer(env: Record<string, string> = {}, options: { telemetry?: boolean } = {}): Promise<SpawnedServer> {
  const base = testConfig();
  const port = await freePort();
  let cleanup = async () => {};
  const dbEnv: Record<string, string> = {};
  if (base.database.url) {
    const template = inject('postgresTemplate');
    const name = `reved_s_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = adminPool(base.database.url);
    await admin.query(`create database ${name} template ${template}`);
    dbEnv.DATABASE_URL = databaseUrl(base.database.url, name);
    cleanup = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'reved-spawn-'));
    dbEnv.PGLITE_DIR = path.join(dir, 'pglite');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const args = [...(options.telemetry ? ['--import', './dist/src/telemetry/register.js'] : []), 'dist/src/main.js', 'serve'];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'spawned-server-secret-that-is-long-enough',
      CACHE_KEY_PREFIX: `reved-spawn-${port}`,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      ...dbEnv,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${out}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not become ready: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const exited = child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill(signal);
      const code = await exited;
      await cleanup();
      if (process.env.REDIS_URL) await deleteRedisPrefix(process.env.REDIS_URL, `reved-spawn-${port}`);
      return code;
    },
  };
}
