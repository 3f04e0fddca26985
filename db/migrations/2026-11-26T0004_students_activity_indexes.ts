import { type Kysely, sql } from 'kysely';

// Frozen. The students list sorts by coalesce(last_active_at, '-infinity') desc, id desc (never
// active last); the 0001 indexes were on last_active_at itself, which that sort cannot use
// (`npm run db:indexes` showed a sequential scan). These match the sort, with and without a level.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index students_activity_idx on students ((coalesce(last_active_at, '-infinity'::timestamptz)) desc, id desc)`.execute(db);
  await sql`drop index students_level_activity_idx`.execute(db);
  await sql`create index students_level_activity_idx on students (level, (coalesce(last_active_at, '-infinity'::timestamptz)) desc, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index students_activity_idx`.execute(db);
  await sql`drop index students_level_activity_idx`.execute(db);
  await sql`create index students_level_activity_idx on students (level, last_active_at desc nulls last, id)`.execute(db);
}
