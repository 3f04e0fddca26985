import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp } from './app.js';
import { DemoAccountsPresentError } from './auth/accounts-at-start.js';
import { AdminClient } from './cli/admin-client.js';
import { cacheClear, cacheStats } from './cli/cache-commands.js';
import { monitorScreen, runMonitor } from './cli/monitor.js';
import { banner, startServer } from './cli/serve.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { explainHotQueries } from './cli/hot-queries.js';
import { cardsFrom, loginCardsPage } from './cli/login-cards-page.js';
import { applyIndexes } from './db/indexes.js';
import { migrateDown, migrateToLatest } from './db/migrate.js';
import { createLogger } from './logger.js';
import { buildAppSchema, printAppSchema } from './schema.js';
import { telemetryState } from './telemetry/state.js';
import { DEMO_STUDENTS, DemoAccountsInProductionError, seed } from '../db/seeds/seed.js';

/**
 * The one entry point, and the only file that reads process.env.
 *   node dist/src/main.js [serve]                 the API (default)
 *   node dist/src/main.js migrate [--down]        apply (or revert the last) migration
 *   node dist/src/main.js seed [--students N] [--history] [--curriculum-only]
 *   node dist/src/main.js indexes                 apply missing indexes, explain the hot queries
 *   node dist/src/main.js schema [--check]        write (or check) schema/schema.graphql
 *   node dist/src/main.js monitor [--once]        a live view of a running server (as an admin)
 *   node dist/src/main.js cache-stats             its cache figures
 *   node dist/src/main.js cache-clear [namespace] empty one cache namespace, or all
 *   node dist/src/main.js cards [--in F] [--out F] login cards (enrollStudents' answer) as a page to print
 */
const SCHEMA_FILE = 'schema/schema.graphql';

async function main(): Promise<number> {
  const [command = 'serve', ...rest] = process.argv.slice(2);
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config);

  switch (command) {
    case 'serve': {
      let started;
      try {
        started = await startServer(config, logger);
      } catch (error) {
        if (error instanceof DemoAccountsPresentError) {
          logger.fatal({ accounts: error.usernames }, error.message);
          return 1;
        }
        throw error;
      }
      const { server, url } = started;
      process.stdout.write(banner(config, url));
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal, graceMs: config.shutdownGraceMs, delayMs: config.shutdownDelayMs }, 'draining: readiness is 503, finishing in-flight requests');
        const force = setTimeout(() => {
          logger.error('grace period over: exiting with requests still in flight');
          process.exit(1);
        }, config.shutdownGraceMs);
        force.unref();
        server
          .close()
          .then(() => telemetryState.shutdown?.())
          .then(
            () => {
              logger.info('stopped');
              process.exit(0);
            },
            (error: unknown) => {
              logger.error({ err: error }, 'shutdown failed');
              process.exit(1);
            },
          );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
      return new Promise<number>(() => {}); // runs until a signal
    }
    case 'cards': {
      const { values } = parseArgs({ args: rest, options: { in: { type: 'string' }, out: { type: 'string' } } });
      let cards;
      try {
        cards = cardsFrom(JSON.parse(readFileSync(values.in ?? 0, 'utf8')));
      } catch (error) {
        console.error(`login cards: ${(error as Error).message}`);
        return 1;
      }
      const page = loginCardsPage(cards);
      if (values.out) {
        writeFileSync(values.out, page);
        console.error(`${cards.length} cards written to ${values.out}: open it in a browser and print it.`);
      } else process.stdout.write(page);
      return 0;
    }
    case 'schema': {
      const { values } = parseArgs({ args: rest, options: { check: { type: 'boolean', default: false } } });
      const printed = printAppSchema(await buildAppSchema());
      if (values.check) {
        let committed = '';
        try {
          committed = readFileSync(SCHEMA_FILE, 'utf8');
        } catch {}
        if (committed !== printed) {
          console.error(`${SCHEMA_FILE} is stale: run \`npm run schema\` and commit it.`);
          return 1;
        }
        console.log(`${SCHEMA_FILE} is up to date.`);
        return 0;
      }
      mkdirSync('schema', { recursive: true });
      writeFileSync(SCHEMA_FILE, printed);
      console.log(`wrote ${SCHEMA_FILE}`);
      return 0;
    }
    case 'migrate':
    case 'seed':
    case 'indexes':
      return databaseCommand(command, rest, config, logger);
    case 'monitor':
    case 'cache-stats':
    case 'cache-clear':
      return adminCommand(command, rest, config);
    default:
      console.error(`unknown command ${command}: serve, migrate, seed, indexes, schema, monitor, cache-stats or cache-clear`);
      return 2;
  }
}

/** Commands that talk to a running server through its API, as an admin. */
async function adminCommand(command: 'monitor' | 'cache-stats' | 'cache-clear', args: string[], config: Config): Promise<number> {
  const { url, username, password } = config.adminClient;
  if (!password) {
    console.error('Set ADMIN_PASSWORD (and ADMIN_USERNAME, API_URL) to use the admin commands.');
    return 2;
  }
  const client = new AdminClient({ url, username, password });
  try {
    if (command === 'monitor') {
      const { values } = parseArgs({ args, options: { once: { type: 'boolean', default: false }, interval: { type: 'string', default: '3' } } });
      if (values.once) {
        process.stdout.write(await monitorScreen(client, url));
        return 0;
      }
      const seconds = Number(values.interval);
      if (!(seconds >= 1 && seconds <= 3600)) {
        console.error('--interval must be 1 to 3600 seconds');
        return 2;
      }
      return runMonitor(client, url, seconds * 1000);
    }
    process.stdout.write(command === 'cache-stats' ? await cacheStats(client) : await cacheClear(client, args[0]));
    return 0;
  } catch (error) {
    console.error(`${command}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function databaseCommand(command: 'migrate' | 'seed' | 'indexes', args: string[], config: Config, logger: ReturnType<typeof createLogger>): Promise<number> {
  const app = await createApp(config, logger);
  const db = app.database.db;
  try {
    if (command === 'migrate') {
      const { values } = parseArgs({ args, options: { down: { type: 'boolean', default: false } } });
      const results = values.down ? await migrateDown(db) : await migrateToLatest(db);
      for (const r of results) console.log(`${r.direction === 'Down' ? 'reverted' : 'applied'} ${r.migrationName}: ${r.status}`);
      if (results.length === 0) console.log('nothing to do: the database is up to date.');
      return 0;
    }
    if (command === 'seed') {
      const { values } = parseArgs({
        args,
        options: {
          students: { type: 'string', default: String(DEMO_STUDENTS) },
          history: { type: 'boolean', default: false },
          'history-days': { type: 'string', default: '60' },
          'curriculum-only': { type: 'boolean', default: false },
        },
      });
      const historyDays = Number(values['history-days']);
      if (!Number.isInteger(historyDays) || historyDays < 1 || historyDays > 3650) {
        console.error('--history-days must be a whole number from 1 to 3650');
        return 2;
      }
      const students = Number(values.students);
      if (!Number.isInteger(students) || students < 1 || students > 1_000_000) {
        console.error('--students must be a whole number from 1 to 1000000');
        return 2;
      }
      await migrateToLatest(db);
      const started = performance.now();
      try {
        const report = await seed(db, {
          students,
          history: values.history,
          historyDays,
          accounts: !values['curriculum-only'],
          production: config.env === 'production',
          log: (m) => console.log(m),
        });
        console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(report)}`);
      } catch (error) {
        if (error instanceof DemoAccountsInProductionError) {
          console.error(error.message);
          return 1;
        }
        throw error;
      }
      return 0;
    }
    const created = await applyIndexes(db);
    console.log(created.length ? `created: ${created.join(', ')}` : 'every index is in place.');
    for (const r of await explainHotQueries(app)) {
      const used = r.indexes.length ? `index ${r.indexes.join(', ')}` : `seq scan on ${r.seqScans.join(', ')}`;
      const note = r.indexes.length === 0 || r.seqScans.length > 0 ? (r.indexesWithoutSeqScan.length ? ` (the planner prefers a sequential scan here, on this data; with seq scans off it uses ${r.indexesWithoutSeqScan.join(', ')})` : ' (NO INDEX)') : '';
      console.log(`${r.query.padEnd(58)} ${used}${note}`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
