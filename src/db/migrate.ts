import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from '../../db/migrations/index.js';

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

export class MigrationError extends Error {
  constructor(readonly results: MigrationResult[], cause: unknown) {
    super(`migration failed: ${results.find((r) => r.status === 'Error')?.migrationName ?? '(before any migration ran)'}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Applies every pending migration (Kysely takes a lock, so concurrent instances are safe). */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  const { error, results = [] } = await migrator(db).migrateToLatest();
  if (error) throw new MigrationError(results, error);
  return results;
}

/** Reverts the last applied migration. */
export async function migrateDown(db: Kysely<any>): Promise<MigrationResult[]> {
  const { error, results = [] } = await migrator(db).migrateDown();
  if (error) throw new MigrationError(results, error);
  return results;
}

/** Migrates up or down to the named migration (tests of a migration on an existing database). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<MigrationResult[]> {
  const { error, results = [] } = await migrator(db).migrateTo(name);
  if (error) throw new MigrationError(results, error);
  return results;
}
