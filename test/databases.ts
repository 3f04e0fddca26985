import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../src/db/client.js';
import { testConfig } from './config.js';

/** A connection to the server's maintenance database, for creating and dropping test databases. */
export function adminPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 2 });
}

export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * An empty database of the test's own, on the engine the suite runs on (a new PostgreSQL database
 * when DATABASE_URL is set, else an in-memory PGlite); dropped by `drop()`.
 */
export async function freshDatabase(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const base = testConfig();
  if (!base.database.url) {
    const handle = await createDatabase({ ...base.database, pgliteInMemory: true });
    return { handle, drop: () => handle.close() };
  }
  const name = `reved_f_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = adminPool(base.database.url);
  await admin.query(`create database ${name}`);
  const handle = await createDatabase({ ...base.database, url: databaseUrl(base.database.url, name), poolSize: 4 });
  return {
    handle,
    async drop() {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
