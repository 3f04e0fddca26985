import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * The indexes the hot queries need, and a check that the planner uses them. The migrations create
 * these; `npm run db:indexes` re-applies any that are missing (idempotent) and prints, for each hot
 * query, the plan PostgreSQL picks for the exact SQL the API sends.
 */
export const INDEXES: { name: string; ddl: string; why: string }[] = [
  { name: 'students_level_idx', ddl: 'on students (level)', why: 'promised: students of a level' },
  { name: 'students_last_active_at_idx', ddl: 'on students (last_active_at desc nulls last, id)', why: 'promised: students by last activity' },
  { name: 'students_activity_idx', ddl: "on students ((coalesce(last_active_at, '-infinity'::timestamptz)) desc, id desc)", why: 'students list, newest activity first' },
  { name: 'students_level_activity_idx', ddl: "on students (level, (coalesce(last_active_at, '-infinity'::timestamptz)) desc, id desc)", why: 'students list of one level' },
  { name: 'progress_pkey', ddl: '', why: 'promised: progress(student_id, exercise_id), the primary key' },
  { name: 'progress_status_idx', ddl: 'on progress (status)', why: 'promised: progress by status' },
  { name: 'progress_exercise_idx', ddl: 'on progress (exercise_id)', why: 'deleting or retiring an exercise' },
  { name: 'learning_sessions_student_started_idx', ddl: 'on learning_sessions (student_id, started_at)', why: "promised: a student's recent sessions" },
  { name: 'learning_sessions_one_open_idx', ddl: 'unique on learning_sessions (student_id) where ended_at is null', why: 'one open session per student' },
  { name: 'exercises_module_active_idx', ddl: 'on exercises (module_id, active)', why: "promised: a module's active exercises" },
  { name: 'modules_level_subject_idx', ddl: 'on modules (level, subject)', why: 'the curriculum of a level' },
  { name: 'attempts_student_created_idx', ddl: 'on attempts (student_id, created_at)', why: "a student's recent attempts (on every monthly partition)" },
  { name: 'attempts_session_idx', ddl: 'on attempts (session_id)', why: "a session's figures, recounted on close" },
  { name: 'attempts_exercise_idx', ddl: 'on attempts (exercise_id)', why: 'deleting or retiring an exercise' },
  { name: 'attempt_keys_pkey', ddl: '', why: 'idempotency keys: (student_id, idempotency_key), the primary key' },
];

export async function applyIndexes(db: Kysely<Database>): Promise<string[]> {
  const created: string[] = [];
  for (const index of INDEXES) {
    if (!index.ddl) continue;
    const exists = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where schemaname = current_schema() and indexname = ${index.name}`.execute(db);
    if (exists.rows[0]!.n > 0) continue;
    const unique = index.ddl.startsWith('unique ');
    await sql.raw(`create ${unique ? 'unique ' : ''}index if not exists ${index.name} ${unique ? index.ddl.slice(7) : index.ddl}`).execute(db);
    created.push(index.name);
  }
  return created;
}
