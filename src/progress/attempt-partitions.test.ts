import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../db/migrate.js';
import type { DatabaseHandle } from '../db/client.js';
import { freshDatabase } from '../../test/databases.js';
import { seed } from '../../db/seeds/seed.js';
import { AttemptPartitionsRepository, partitionName } from './attempt-partitions.repository.js';

/** Partitioning attempts by month, on a database that already holds attempts. */
describe('attempts partitioned by month', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let handle: DatabaseHandle;
  const months = ['2026-07-10T09:00:00Z', '2026-08-15T09:00:00Z', '2026-09-20T09:00:00Z', new Date().toISOString()];

  beforeAll(async () => {
    db = await freshDatabase();
    handle = db.handle;
    await migrateTo(handle.db, '2026-11-26T0002_curriculum_updated_at');
    await seed(handle.db, { students: 200, history: false, accounts: true, production: false });
    // Attempts as the unpartitioned table held them, over four months.
    const exercise = (await handle.db.selectFrom('exercises').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    for (const [i, at] of months.entries()) {
      for (let s = 1; s <= 5; s++) {
        await sql`insert into attempts (student_id, exercise_id, idempotency_key, answer, correct, duration_seconds, created_at)
                  values (${s}, ${exercise}, ${`old-${i}-${s}`}, '{"value":1}', true, 10, ${at}::timestamptz)`.execute(handle.db);
      }
    }
  }, 120_000);
  afterAll(() => db?.drop());

  it('moves every existing attempt into its month, keeps ids and keys, and continues the ids', async () => {
    const before = await sql<{ id: string; created_at: Date }>`select id, created_at from attempts order by id`.execute(handle.db);
    await migrateToLatest(handle.db);
    const after = await sql<{ id: string; created_at: Date; part: string }>`select id, created_at, tableoid::regclass::text as part from attempts order by id`.execute(handle.db);
    expect(after.rows.map((r) => [r.id, r.created_at.toISOString()])).toEqual(before.rows.map((r) => [r.id, r.created_at.toISOString()]));
    for (const r of after.rows) {
      const month = new Date(Date.UTC(r.created_at.getUTCFullYear(), r.created_at.getUTCMonth(), 1));
      expect(r.part).toBe(partitionName(month));
    }
    const keys = await sql<{ n: number }>`select count(*)::int as n from attempt_keys`.execute(handle.db);
    expect(keys.rows[0]!.n).toBe(20);
    const next = await sql<{ id: string }>`insert into attempts (student_id, exercise_id, idempotency_key, answer, correct, duration_seconds) values (1, 1, 'new-1', '{}', false, 1) returning id`.execute(handle.db);
    expect(Number(next.rows[0]!.id)).toBeGreaterThan(Math.max(...before.rows.map((r) => Number(r.id))));
  });

  it("reads a student's attempts of a month from that month's partition only (EXPLAIN)", async () => {
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json)
      select * from attempts where student_id = ${1} and created_at >= ${start} and created_at < ${now}`.execute(handle.db);
    const raw = plan.rows[0]!['QUERY PLAN'];
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    const relations = new Set([...text.matchAll(/"Relation Name": ?"(attempts[^"]*)"/g)].map((m) => m[1]));
    expect([...relations]).toEqual([partitionName(start)]);
  });

  it('makes a month on demand, moving rows that landed in the default partition', async () => {
    await sql`insert into attempts (student_id, exercise_id, idempotency_key, answer, correct, duration_seconds, created_at)
              values (2, 1, 'far-future', '{}', true, 1, '2031-03-05T10:00:00Z')`.execute(handle.db);
    const where = async () => (await sql<{ part: string }>`select tableoid::regclass::text as part from attempts where idempotency_key = 'far-future'`.execute(handle.db)).rows[0]!.part;
    expect(await where()).toBe('attempts_default');
    const repo = new AttemptPartitionsRepository(handle.db);
    expect(await repo.ensureMonths(new Date('2031-03-01'), new Date('2031-03-31'))).toEqual(['attempts_y2031m03']);
    expect(await where()).toBe('attempts_y2031m03');
    expect(await repo.ensureMonths(new Date('2031-03-01'), new Date('2031-03-31'))).toEqual([]);
  });

  it('migrates down to one table and up again without losing a row', async () => {
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from attempts`.execute(handle.db)).rows[0]!.n;
    const n = await count();
    await migrateTo(handle.db, '2026-11-26T0002_curriculum_updated_at');
    expect(await count()).toBe(n);
    await expect(sql`insert into attempts (student_id, exercise_id, idempotency_key, answer, correct, duration_seconds) values (1, 1, 'new-1', '{}', false, 1)`.execute(handle.db)).rejects.toThrow();
    await migrateToLatest(handle.db);
    expect(await count()).toBe(n);
  });
});
