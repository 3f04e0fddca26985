import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { testConfig } from './config.js';
import { adminPool, databaseUrl } from './databases.js';
import { seed } from '../db/seeds/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded runs: a dump of a migrated, seeded PGlite that every test file loads. */
    pgliteTemplateFile: string | null;
    /** PostgreSQL runs: the migrated, seeded database every test file copies. */
    postgresTemplate: string | null;
  }
}

/**
 * Once per `npm test`: migrate and seed one database (curriculum, admin, 200 demo students), then
 * hand it to the test files as a template, so each file gets its own copy in well under a second.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = testConfig();
  if (!base.database.url) {
    const started = performance.now();
    const handle = await createDatabase({ ...base.database, pgliteInMemory: true });
    await migrateToLatest(handle.db);
    await seed(handle.db, { students: 200, history: false, accounts: true, production: false });
    const dump = await handle.dumpEmbedded();
    await handle.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'reved-test-'));
    const file = path.join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplateFile', file);
    project.provide('postgresTemplate', null);
    console.log(`test template: embedded PGlite, ${Math.round(performance.now() - started)} ms`);
    return async () => rmSync(dir, { recursive: true, force: true });
  }

  const name = `reved_tpl_${process.pid}`;
  const admin = adminPool(base.database.url);
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const handle = await createDatabase({ ...base.database, url: databaseUrl(base.database.url, name), poolSize: 2 });
  await migrateToLatest(handle.db);
  await seed(handle.db, { students: 200, history: false, accounts: true, production: false });
  await handle.close();
  project.provide('pgliteTemplateFile', null);
  project.provide('postgresTemplate', name);
  return async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
