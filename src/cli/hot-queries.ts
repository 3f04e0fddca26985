import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { App } from '../app.js';
import type { Level } from '../common/enums.js';
import type { QueryEvent } from '../db/client.js';
import type { Database } from '../db/database.js';

// `npm run db:indexes`: after applying the missing indexes (db/indexes.ts), the plan PostgreSQL
// picks for the exact SQL each hot repository query sends. Here, not in db/: it runs the app's
// repositories, and db/ depends on nothing of the app.

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
