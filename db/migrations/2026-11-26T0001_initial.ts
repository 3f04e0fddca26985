import { type Kysely, sql } from 'kysely';

// Frozen: this file describes the database as it was on 2026-11-26. Change the schema with a new
// migration, never by editing this one. Enumerations are text columns with CHECK constraints so a
// later migration can widen them without the ALTER TYPE dance.

const levels = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'];
const subjects = ['MATHEMATIQUES', 'FRANCAIS', 'SCIENCES', 'HISTOIRE_GEOGRAPHIE', 'ANGLAIS'];
const periods = ['P1', 'P2', 'P3', 'P4', 'P5'];
const exerciseTypes = ['QCM', 'CALCUL', 'TEXTE_LIBRE', 'DRAG_DROP', 'CONJUGAISON', 'LECTURE', 'GEOMETRIE', 'PROBLEME'];
const difficulties = ['DECOUVERTE', 'CONSOLIDATION', 'MAITRISE'];
const statuses = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'MASTERED'];

const oneOf = (column: string, values: string[]) =>
  sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('students')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username', 'text', (c) => c.notNull().unique().check(sql`username = lower(username) and length(username) between 3 and 64`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'date')
    .addColumn('level', 'text', (c) => c.notNull().modifyEnd(oneOf('level', levels)))
    .addColumn('total_points', 'integer', (c) => c.notNull().defaultTo(0).check(sql`total_points >= 0`))
    .addColumn('streak_days', 'integer', (c) => c.notNull().defaultTo(0).check(sql`streak_days >= 0`))
    // The Europe/Paris calendar day of the last attempt: the streak continues only from yesterday.
    .addColumn('streak_last_day', 'date')
    .addColumn('last_active_at', 'timestamptz')
    .addColumn('preferences', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Bumped by logout or a password change: tokens carrying an older version are refused.
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('admins')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username', 'text', (c) => c.notNull().unique().check(sql`username = lower(username)`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('modules')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'text', (c) => c.notNull().modifyEnd(oneOf('level', levels)))
    .addColumn('subject', 'text', (c) => c.notNull().modifyEnd(oneOf('subject', subjects)))
    .addColumn('period', 'text', (c) => c.notNull().modifyEnd(oneOf('period', periods)))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('exercises')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('module_id', 'integer', (c) => c.notNull().references('modules.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().modifyEnd(oneOf('type', exerciseTypes)))
    .addColumn('difficulty', 'text', (c) => c.notNull().modifyEnd(oneOf('difficulty', difficulties)))
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points between 1 and 1000`))
    .addColumn('estimated_minutes', 'integer', (c) => c.notNull().defaultTo(2).check(sql`estimated_minutes between 1 and 120`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('solution', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('progress')
    .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('cascade'))
    .addColumn('exercise_id', 'integer', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('NOT_STARTED').modifyEnd(oneOf('status', statuses)))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('successes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('points_earned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('first_success_at', 'timestamptz')
    .addColumn('mastered_at', 'timestamptz')
    .addColumn('next_review_at', 'timestamptz')
    .addColumn('review_interval_days', 'integer')
    // The spaced-repetition memory state (FSRS card: stability, difficulty, reps, lapses...).
    .addColumn('review_state', 'jsonb')
    .addPrimaryKeyConstraint('progress_pkey', ['student_id', 'exercise_id'])
    .addCheckConstraint('progress_counts', sql`successes between 0 and attempts`)
    .execute();

  await db.schema
    .createTable('learning_sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('cascade'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('last_activity_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('succeeded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('points_earned', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('learning_sessions_order', sql`ended_at is null or ended_at >= started_at`)
    .execute();

  await db.schema
    .createTable('attempts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('cascade'))
    .addColumn('exercise_id', 'integer', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('session_id', 'integer', (c) => c.references('learning_sessions.id').onDelete('set null'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('answer', 'jsonb', (c) => c.notNull())
    .addColumn('correct', 'boolean', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer', (c) => c.notNull())
    .addColumn('hints_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('points_earned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('attempts_idempotency', ['student_id', 'idempotency_key'])
    .execute();

  // The indexes the original service promised, and those the real queries need (see `npm run db:indexes`).
  await db.schema.createIndex('students_level_idx').on('students').column('level').execute();
  await db.schema.createIndex('students_last_active_at_idx').on('students').expression(sql`last_active_at desc nulls last, id`).execute();
  await db.schema.createIndex('students_level_activity_idx').on('students').expression(sql`level, last_active_at desc nulls last, id`).execute();
  await db.schema.createIndex('progress_status_idx').on('progress').column('status').execute();
  await db.schema.createIndex('progress_exercise_idx').on('progress').column('exercise_id').execute();
  await db.schema.createIndex('learning_sessions_student_started_idx').on('learning_sessions').columns(['student_id', 'started_at']).execute();
  await db.schema
    .createIndex('learning_sessions_one_open_idx')
    .on('learning_sessions')
    .column('student_id')
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema.createIndex('exercises_module_active_idx').on('exercises').columns(['module_id', 'active']).execute();
  await db.schema.createIndex('modules_level_subject_idx').on('modules').columns(['level', 'subject']).execute();
  await db.schema.createIndex('attempts_student_created_idx').on('attempts').columns(['student_id', 'created_at']).execute();
  await db.schema.createIndex('attempts_session_idx').on('attempts').column('session_id').execute();
  await db.schema.createIndex('attempts_exercise_idx').on('attempts').column('exercise_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['attempts', 'learning_sessions', 'progress', 'exercises', 'modules', 'admins', 'students']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
