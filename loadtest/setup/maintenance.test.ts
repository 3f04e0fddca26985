import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { vacuumIfNoAutovacuum } from './maintenance.js';

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
