import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { App } from '../app.js';
import type { Level } from '../common/enums.js';
import type { QueryEvent } from './client.js';
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

export interface PlanReport {
  query: string;
  indexes: string[];
  seqScans: string[];
  /** Indexes used once sequential scans are disallowed (small tables make the planner prefer scans). */
  indexesWithoutSeqScan: string[];
}

/** Runs each hot repository query once, captures its SQL and parameters, and EXPLAINs it. */
export async function explainHotQueries(app: App): Promise<PlanReport[]> {
  const db = app.database.db;
  const any = async <T>(q: Promise<T[]>) => (await q)[0];
  const student = await any(db.selectFrom('students').select(['id', 'level']).orderBy('id').limit(1).execute());
  const exercise = await any(db.selectFrom('exercises').select(['id', 'module_id']).orderBy('id').limit(1).execute());
  const session = await any(db.selectFrom('learning_sessions').select('id').orderBy('id').limit(1).execute());
  const sid = student?.id ?? 1;
  const level = (student?.level ?? 'CP') as Level;
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const r = app.repositories;
  const runs: [string, () => Promise<unknown>][] = [
    ['students.byIds', () => r.students.byIds([sid])],
    ['students.page', () => r.students.page({ level: null, first: 50, after: null })],
    ['students.page (level, after)', () => r.students.page({ level, first: 50, after: { activity: new Date().toISOString(), id: 1 } })],
    ['students.count (level)', () => r.students.count(level)],
    ['progress.byStudentIds', () => r.progress.byStudentIds([sid])],
    ['exercises.byIds', () => r.exercises.exercisesByIds([exercise?.id ?? 1])],
    ['exercises.byModuleIds', () => r.exercises.exercisesByModuleIds([exercise?.module_id ?? 1])],
    ['exercises.curriculumForLevels', () => r.exercises.curriculumForLevels([level])],
    ['sessions.byStudentIdsSince', () => r.sessions.byStudentIdsSince([sid], new Date(Date.now() - 30 * 86_400_000))],
    ['attempts.byKey', () => r.attempts.byKey(sid, 'no-such-key')],
    ['attempts of a session (close)', () => db.selectFrom('attempts').select(sql`count(*)`.as('n')).where('session_id', '=', session?.id ?? 1).where('created_at', '>=', new Date(Date.now() - 86_400_000)).execute()],
    ["a student's attempts this month", () => db.selectFrom('attempts').selectAll().where('student_id', '=', sid).where('created_at', '>=', monthStart).where('created_at', '<', new Date()).execute()],
    ['progress by status', () => db.selectFrom('progress').select(sql`count(*)`.as('n')).where('status', '=', 'MASTERED').execute()],
  ];

  const reports: PlanReport[] = [];
  for (const [label, run] of runs) {
    const captured: QueryEvent[] = [];
    const stop = app.database.onQuery((e) => captured.push(e));
    await run();
    stop();
    for (const q of captured) {
      const plan = await explain(db, q, false);
      const strict = plan.seqScans.length > 0 ? await explain(db, q, true) : plan;
      reports.push({ query: q.name ? `${label} [${q.name}]` : label, indexes: plan.indexes, seqScans: plan.seqScans, indexesWithoutSeqScan: strict.indexes });
    }
  }
  return reports;
}

async function explain(db: Kysely<Database>, q: QueryEvent, noSeqScan: boolean): Promise<{ indexes: string[]; seqScans: string[] }> {
  return db.transaction().execute(async (trx) => {
    if (noSeqScan) await sql`set local enable_seqscan = off`.execute(trx);
    const result = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]));
    const raw = result.rows[0]!['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    const indexes = new Set<string>();
    const seqScans = new Set<string>();
    const walk = (node: PlanNode) => {
      if (node['Index Name']) indexes.add(node['Index Name']);
      if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) seqScans.add(node['Relation Name']);
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(plan[0]!.Plan);
    return { indexes: [...indexes], seqScans: [...seqScans] };
  });
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
