import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';

/** The tables every answer updates or inserts into. */
const HOT_TABLES = ['students', 'progress', 'attempt_keys', 'learning_sessions'] as const;

/**
 * A PostgreSQL with `autovacuum = off` (some development machines) keeps every dead row an answer
 * leaves: `students` takes a non-HOT update per answer, and after a few runs each student's row has
 * dozens of dead versions that every lookup by id walks through, so each run is slower than the
 * one before for reasons no deployment has. Before a run on such a server, the tables answers
 * write are vacuumed, as autovacuum would have done; with autovacuum on, nothing is done.
 * Returns what was done, for the run's log.
 */
export async function vacuumIfNoAutovacuum(db: Kysely<Database>): Promise<string | undefined> {
  const setting = await sql<{ autovacuum: string }>`show autovacuum`.execute(db);
  if (setting.rows[0]?.autovacuum !== 'off') return undefined;
  const started = Date.now();
  await sql.raw(`vacuum (analyze) ${HOT_TABLES.join(', ')}`).execute(db);
  return `PostgreSQL runs with autovacuum off: vacuumed ${HOT_TABLES.join(', ')} before the run, as autovacuum would have (${Date.now() - started} ms)`;
}
