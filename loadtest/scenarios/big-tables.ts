import { sql } from 'kysely';
import pg from 'pg';
import { seed } from '../../db/seeds/seed.js';
import { loadConfig } from '../../src/config.js';
import { createDatabase } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Check } from '../checks/thresholds.js';
import { ms } from '../report/format.js';
import type { ScenarioResult } from '../report/model.js';
import type { RunOptions } from '../options.js';
import { SetupError, type Env } from '../setup/target.js';
import { runStudentsScenario } from './students-run.js';

/**
 * big-tables: do the dashboard and an answer stay as fast when the tables are big? Two databases
 * with the same past for the same 200 students (the history is generated per student, the same
 * in both): a small one (200 students) and a big one (10,000 students, about 5 million attempts
 * over 200 days, in monthly partitions). The same load on each, cache off so every read reaches
 * the database, one server process each; the p50 and p95 of Dashboard and SubmitAttempt are
 * compared: the big one must be within 20 % of the small one. The students think 2-5 s as in the
 * classroom: latency is compared below saturation (with 0.5-1.5 s the cache-off server is
 * saturated, latency is queueing, and the two runs differed by 2x to 4x either way).
 * Env: DATABASE_URL (its server gets the two databases, kept between runs), REDIS_URL.
 * Command: npm run loadtest -- big-tables [--students 10000 --history-days 200 --duration 60 --warmup 20]
 * Not in CI: seeding the big database takes minutes (it is reused when already there).
 */
export async function bigTables(options: RunOptions, env: Env, log: (line: string) => void): Promise<ScenarioResult> {
  if (!env.DATABASE_URL || !env.REDIS_URL) throw new SetupError('big-tables needs DATABASE_URL (a PostgreSQL server for its two databases) and REDIS_URL');
  const bigStudents = options.students ?? 10_000;
  const days = options.historyDays ?? 200;
  const small = await prepare(env.DATABASE_URL, 'reved_bt_small', 200, days, log);
  const big = await prepare(env.DATABASE_URL, `reved_bt_big_${bigStudents}`, bigStudents, days, log);

  // The first seconds (a fresh process compiling its code, PostgreSQL reading the tables into its
  // buffers) are run but not measured: what is compared is the steady state.
  const durationS = options.durationS ?? 60;
  const warmupS = options.warmupS ?? 20;
  const measure = async (url: string) => {
    const run = await runStudentsScenario(
      { ...env, DATABASE_URL: url },
      { students: 200, tokens: true, connections: 200, route: 'round-robin', timeoutS: 10, thinkS: options.thinkS ?? [2, 5], correctRate: 0.7, duplicateRate: 0 },
      { kind: 'classroom', loginWindowMs: 2_000, durationMs: (warmupS + durationS) * 1000 },
      log,
      1,
      { CACHE: 'off' },
    );
    const from = run.recorder.startedAt + warmupS * 1000;
    const ops = run.recorder.operations(from);
    const all = run.recorder.overall(from);
    const named = (n: string) => ops.find((o) => o.name === n)!;
    return { Dashboard: named('Dashboard'), SubmitAttempt: named('SubmitAttempt'), rps: (all.count + all.errors) / ((run.recorder.lastAt() - from) / 1000) };
  };
  log('load on the small database');
  const onSmall = await measure(small.url);
  log('load on the big database');
  const onBig = await measure(big.url);

  const rows: string[][] = [];
  const checks: Check[] = [];
  for (const name of ['Dashboard', 'SubmitAttempt'] as const) {
    for (const p of ['p50', 'p95'] as const) {
      const a = onSmall[name]![p];
      const b = onBig[name]![p];
      rows.push([name, p, `${ms(a)} ms`, `${ms(b)} ms`, `${(b / a).toFixed(2)}x`]);
      checks.push({ name: `${name} ${p}, big against small`, limit: '<= 1.20x', value: `${(b / a).toFixed(2)}x`, ok: b / a <= 1.2 });
    }
  }
  return {
    scenario: 'big-tables',
    title: `The same load (200 students, cache off) on a small database (${small.students} students, ${small.attempts} attempts) and a big one (${big.students} students, ${big.attempts} attempts, ${days} days of history).`,
    startedAt: new Date().toISOString(),
    seconds: (warmupS + durationS) * 2,
    settings: { bigStudents, days, durationS, warmupS },
    throughput: [],
    sections: [{ title: 'Big tables against small', lines: [`measured over ${durationS} s after ${warmupS} s of warm-up; all operations: ${onSmall.rps.toFixed(1)} req/s on the small database, ${onBig.rps.toFixed(1)} on the big one`], table: { columns: ['operation', 'percentile', 'small', 'big', 'big / small'], rows } }],
    charts: [],
    checks,
    figures: { small, big, onSmall, onBig },
  };
}

/** A database of `students` demo students with `days` of history, made once and kept. */
async function prepare(serverUrl: string, name: string, students: number, days: number, log: (line: string) => void) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const config = loadConfig({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '4', DATABASE_STATEMENT_TIMEOUT_MS: '600000' });
  const handle = await createDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const count = async () => {
      const r = await sql<{ s: string; a: string }>`select (select count(*) from students) as s, (select count(*) from attempts) as a`.execute(handle.db);
      return { students: Number(r.rows[0]!.s), attempts: Number(r.rows[0]!.a) };
    };
    let have = await count();
    if (have.students < students || have.attempts === 0) {
      log(`seeding ${name}: ${students} students, ${days} days of history (this takes a while)`);
      const started = Date.now();
      await seed(handle.db, { students, history: true, historyDays: days, accounts: true, production: false, log });
      have = await count();
      log(`seeded ${name} in ${Math.round((Date.now() - started) / 1000)} s: ${have.students} students, ${have.attempts} attempts`);
    }
    // As autovacuum keeps a database in service: visibility map set, hint bits written, statistics
    // fresh. Without it the big database's first reads rewrite pages a running one never would
    // (measured: a fresh bulk load made the big one 13 to 43 % slower at the same load), and an
    // autovacuum that starts mid-run competes for the same two cores.
    const vacuumed = Date.now();
    await sql`vacuum (analyze)`.execute(handle.db);
    log(`vacuumed ${name} in ${Math.round((Date.now() - vacuumed) / 1000)} s`);
    return { url: url.toString(), ...have };
  } finally {
    await handle.close();
  }
}
