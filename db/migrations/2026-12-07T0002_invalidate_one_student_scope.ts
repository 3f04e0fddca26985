import { type Kysely, sql } from 'kysely';

// Frozen. Everything cached about a student now lives under one version scope, 'student:<id>' (the
// student read model): the database's notice names that one only ('work:' and 'sessions:' are gone).

function notifying(scopes: string) {
  return sql`
    create or replace function notify_student_invalidated() returns trigger language plpgsql as $fn$
    begin
      perform pg_notify('reved_invalidate', json_build_object('scopes', json_build_array(${sql.raw(scopes)}))::text);
      return null;
    end
    $fn$
  `;
}

export async function up(db: Kysely<any>): Promise<void> {
  await notifying(`'student:' || old.id`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await notifying(`'student:' || old.id, 'work:' || old.id, 'sessions:' || old.id`).execute(db);
}
