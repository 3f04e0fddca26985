import { sql, type Kysely } from 'kysely';
import { groupBy } from '../../src/common/group-by.js';
import type { Database } from '../../src/db/database.js';

/** The tables every answer updates or inserts into. */
const HOT_TABLES = ['students', 'progress', 'attempt_keys', 'learning_sessions'] as const;

async function autovacuumIsOff(db: Kysely<Database>): Promise<boolean> {
  const setting = await sql<{ autovacuum: string }>`show autovacuum`.execute(db);
  return setting.rows[0]?.autovacuum === 'off';
}

/**
 * A PostgreSQL with `autovacuum = off` (some development machines) keeps every dead row an answer
 * leaves: `students` takes a non-HOT update per answer, and after a few runs each student's row has
 * dozens of dead versions that every lookup by id walks through, so each run is slower than the
 * one before for reasons no deployment has. Before a run on such a server, the tables answers
 * write are vacuumed, as autovacuum would have done; with autovacuum on, nothing is done.
 * Returns what was done, for the run's log.
 */
export async function vacuumIfNoAutovacuum(db: Kysely<Database>): Promise<string | undefined> {
  if (!(await autovacuumIsOff(db))) return undefined;
  const started = Date.now();
  await sql.raw(`vacuum (analyze) ${HOT_TABLES.join(', ')}`).execute(db);
  return `PostgreSQL runs with autovacuum off: vacuumed ${HOT_TABLES.join(', ')} before the run, as autovacuum would have (${Date.now() - started} ms)`;
}

/**
 * With autovacuum off, the statistics of the vacuum before a run are all a run gets: on a new
 * database, whose tables are nearly empty then, PostgreSQL kept the plans it made for empty tables
 * while they grew by thousands of rows (6,500 students on a new database: `attempt_keys` read whole
 * 24,780 times, 353 million rows, PostgreSQL at 0.67 cores). While a run lasts this analyzes the
 * tables as autovacuum would: every `everyMs`, each whose rows changed since its last analyze pass
 * 50 + 10 % of its rows (autovacuum's defaults). With autovacuum on, or without statistics
 * (PGlite), it does nothing. Returns a function that stops it and says what was done.
 */
export async function analyzeWhileRunning(db: Kysely<Database>, everyMs = 30_000, tables: readonly string[] = HOT_TABLES): Promise<() => Promise<string | undefined>> {
  if (!(await autovacuumIsOff(db))) return async () => undefined;
  const analyzed: string[] = [];
  const failures: string[] = [];
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    const due = await sql<{ relname: string }>`
      select relname from pg_stat_user_tables
      where relname in (${sql.join(tables)}) and n_mod_since_analyze > 50 + 0.1 * n_live_tup`.execute(db);
    for (const { relname } of due.rows) {
      await sql`analyze ${sql.table(relname)}`.execute(db);
      analyzed.push(relname);
    }
  };
  const timer = setInterval(() => {
    running = running.then(pass).catch((error: unknown) => void failures.push(error instanceof Error ? error.message : String(error)));
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await running;
    const counts = [...groupBy(analyzed, (t) => t)].map(([t, times]) => `${t} ${times.length}x`);
    return `PostgreSQL runs with autovacuum off: analyzed during the run as autovacuum would have: ${counts.length ? counts.join(', ') : 'nothing was due'}${failures.length ? `; ${failures.length} pass(es) failed: ${failures[0]}` : ''}`;
  };
}
