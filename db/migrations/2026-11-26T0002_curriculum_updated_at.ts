import { type Kysely, sql } from 'kysely';

// Frozen. Any change to a module or an exercise moves its updated_at, so the service can tell
// that the curriculum changed (and drop its cached copy) whoever changed it: the API, a seed, SQL.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function touch_updated_at() returns trigger language plpgsql as $$
    begin
      new.updated_at := now();
      return new;
    end $$`.execute(db);
  for (const table of ['modules', 'exercises']) {
    await sql.raw(`create trigger ${table}_touch_updated_at before update on ${table} for each row execute function touch_updated_at()`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['modules', 'exercises']) {
    await sql.raw(`drop trigger if exists ${table}_touch_updated_at on ${table}`).execute(db);
  }
  await sql`drop function if exists touch_updated_at()`.execute(db);
}
