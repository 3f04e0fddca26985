import { type Kysely, sql } from 'kysely';

// Frozen. When a student's account is deleted, or its tokens revoked (token_version or its password
// changed), by the service or by hand in SQL, the database itself tells every instance, on the
// channel the service's invalidation bus listens to ('reved_invalidate'): the student's cached
// profile, work and sessions are dropped everywhere, and its tokens stop answering at once instead
// of when the cached profile expires.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function notify_student_invalidated() returns trigger language plpgsql as $fn$
    begin
      perform pg_notify('reved_invalidate', json_build_object(
        'scopes', json_build_array('student:' || old.id, 'work:' || old.id, 'sessions:' || old.id)
      )::text);
      return null;
    end
    $fn$
  `.execute(db);
  await sql`create trigger students_deleted_notify after delete on students for each row execute function notify_student_invalidated()`.execute(db);
  await sql`
    create trigger students_revoked_notify after update of token_version, password_hash on students
    for each row when (old.token_version is distinct from new.token_version or old.password_hash is distinct from new.password_hash)
    execute function notify_student_invalidated()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists students_revoked_notify on students`.execute(db);
  await sql`drop trigger if exists students_deleted_notify on students`.execute(db);
  await sql`drop function if exists notify_student_invalidated()`.execute(db);
}
