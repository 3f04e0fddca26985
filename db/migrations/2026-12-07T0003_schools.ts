import { type Kysely, sql } from 'kysely';

// Frozen. Schools run on the service: teachers (created by an admin, with a temporary password to
// replace at first sign-in), their classes (a class code children type on the sign-in screen) and
// the children enrolled in them, who sign in with a picture sequence (a slow hash, as passwords
// are) rather than a password (their password_hash stays empty).

const levels = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'];
const oneOf = (column: string, values: string[]) => sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('teachers')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username', 'text', (c) => c.notNull().unique().check(sql`username = lower(username) and length(username) between 3 and 64`))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    // Set for the temporary password an admin's createTeacher returns; cleared by changePassword.
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('classrooms')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().modifyEnd(oneOf('level', levels)))
    // Stored without separators, upper case, from an alphabet without 0/O/1/I.
    .addColumn('class_code', 'text', (c) => c.notNull().unique().check(sql`class_code ~ '^[2-9A-HJ-NP-Z]{8,16}$'`))
    .addColumn('teacher_id', 'integer', (c) => c.notNull().references('teachers.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('classrooms_teacher_idx').on('classrooms').columns(['teacher_id', 'id']).execute();

  await db.schema
    .alterTable('students')
    .addColumn('classroom_id', 'integer', (c) => c.references('classrooms.id'))
    .addColumn('avatar', 'text', (c) => c.notNull().defaultTo('renard'))
    .addColumn('picture_hash', 'text')
    .execute();
  await db.schema.alterTable('students').alterColumn('password_hash', (c) => c.dropNotNull()).execute();
  await db.schema.createIndex('students_classroom_idx').on('students').columns(['classroom_id', 'id']).where(sql.ref('classroom_id'), 'is not', null).execute();

  // The database tells every instance when a child's picture sequence changes, as it does for a password.
  await sql`drop trigger if exists students_revoked_notify on students`.execute(db);
  await sql`
    create trigger students_revoked_notify after update of token_version, password_hash, picture_hash on students
    for each row when (old.token_version is distinct from new.token_version or old.password_hash is distinct from new.password_hash
                       or old.picture_hash is distinct from new.picture_hash)
    execute function notify_student_invalidated()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists students_revoked_notify on students`.execute(db);
  await sql`
    create trigger students_revoked_notify after update of token_version, password_hash on students
    for each row when (old.token_version is distinct from new.token_version or old.password_hash is distinct from new.password_hash)
    execute function notify_student_invalidated()
  `.execute(db);
  await db.schema.dropIndex('students_classroom_idx').execute();
  await sql`delete from students where password_hash is null`.execute(db);
  await db.schema.alterTable('students').alterColumn('password_hash', (c) => c.setNotNull()).execute();
  await db.schema.alterTable('students').dropColumn('picture_hash').dropColumn('avatar').dropColumn('classroom_id').execute();
  await db.schema.dropTable('classrooms').execute();
  await db.schema.dropTable('teachers').execute();
}
