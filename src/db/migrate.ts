import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, type Kysely, type MigrationResult } from 'kysely';

// db/migrations, whether this runs compiled (dist/src/db) or from source (src/db) under vitest.
const migrationFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder }) });
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
