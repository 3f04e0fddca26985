import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { analyzeWhileRunning, vacuumIfNoAutovacuum } from './maintenance.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('vacuumIfNoAutovacuum', () => {
  it('vacuums the tables answers write when autovacuum is off, and does nothing when it is on', async () => {
    const db = t.app.database.db;
    const autovacuum = (await sql<{ autovacuum: string }>`show autovacuum`.execute(db)).rows[0]!.autovacuum;
    const done = await vacuumIfNoAutovacuum(db);
    if (autovacuum === 'off') {
      expect(done).toMatch(/vacuumed students, progress, attempt_keys, learning_sessions/);
      const stats = await sql<{ relname: string; vacuumed: Date | null }>`select relname, last_vacuum as vacuumed from pg_stat_user_tables where relname = 'students'`.execute(db);
      // PGlite keeps no statistics collector; PostgreSQL shows the vacuum it just ran.
      if (t.app.database.kind === 'postgres') expect(stats.rows[0]?.vacuumed).toBeInstanceOf(Date);
    } else {
      expect(done).toBeUndefined();
    }
  });
});

describe('analyzeWhileRunning', () => {
  it('analyzes a table whose rows changed past autovacuum\'s threshold while it runs, when autovacuum is off', async () => {
    const db = t.app.database.db;
    const autovacuum = (await sql<{ autovacuum: string }>`show autovacuum`.execute(db)).rows[0]!.autovacuum;
    const table = `analyze_probe_${process.pid}`;
    await sql`create table ${sql.table(table)} (id int)`.execute(db);
    try {
      const stop = await analyzeWhileRunning(db, 100, [table]);
      const postgres = t.app.database.kind === 'postgres';
      await db.connection().execute(async (c) => {
        await sql`insert into ${sql.table(table)} select generate_series(1, 1000)`.execute(c);
        // A session reports its changes to the statistics when idle, up to 10 s later when the server is
        // busy (other test files run meanwhile): asked now, the next report goes at once.
        if (postgres) await sql`select pg_stat_force_next_flush()`.execute(c);
      });
      const lastAnalyze = async () => (await sql<{ at: Date | null }>`select last_analyze as at from pg_stat_user_tables where relname = ${table}`.execute(db)).rows[0]?.at ?? null;
      // Long enough for the statistics and a pass where an analyze is expected; a few passes elsewhere.
      const waitMs = postgres && autovacuum === 'off' ? 20_000 : 500;
      for (const until = Date.now() + waitMs; Date.now() < until && !(await lastAnalyze()); ) await new Promise((r) => setTimeout(r, 100));
      const said = await stop();
      if (autovacuum !== 'off') {
        expect(said).toBeUndefined();
      } else if (t.app.database.kind === 'postgres') {
        expect(await lastAnalyze()).toBeInstanceOf(Date);
        expect(said).toMatch(new RegExp(`analyzed during the run as autovacuum would have: ${table} 1x`));
      } else {
        // PGlite keeps no statistics: nothing is ever due.
        expect(said).toMatch(/nothing was due/);
      }
    } finally {
      await sql`drop table ${sql.table(table)}`.execute(db);
    }
  });
});
