import 'reflect-metadata';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import { banner, startServer } from '../src/cli/serve.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { wrongAnswer } from '../db/seeds/history.js';

/**
 * Memory soak: the API at a steady rate for a long while (10 minutes by default), heap sampled
 * after a forced GC; after the warm-up the heap must not grow. Not in CI.
 *
 *   npm run soak -- [--minutes 10] [--warmup 2] [--rate 100] [--sample 15]
 *
 * The server runs in this process's main thread, so the heap measured is the server's; the load
 * comes from a worker thread (its own heap). On the embedded database in a temp dir (migrated and
 * seeded at start), or on DATABASE_URL and REDIS_URL when set (use a scratch database: the soak
 * writes attempts). The in-process cache is capped at CACHE_MEMORY_MAX_ENTRIES (3000 here unless
 * set) so that it reaches its bound during the warm-up: below its bound a cache is meant to grow.
 * Figures go to stdout and loadtest/results/soak-<time>.json.
 */

interface LoadSetup {
  url: string;
  rate: number;
  tokens: string[];
  exercises: { id: number; right: unknown; wrong: unknown }[];
  operations: Record<string, string>;
}

interface IntervalStats {
  sent: number;
  ok: number;
  errors: number;
  dropped: number;
  p50: number;
  p99: number;
  max: number;
  firstError: string | undefined;
}

const MAX_IN_FLIGHT = 256;

if (isMainThread) await soak();
else runLoad(workerData as LoadSetup);

async function soak(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run soak does)');
  const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, warmup: { type: 'string', default: '2' }, rate: { type: 'string', default: '100' }, sample: { type: 'string', default: '15' } } });
  const [minutes, warmup, rate, sampleSeconds] = [Number(values.minutes), Number(values.warmup), Number(values.rate), Number(values.sample)];
  if (![minutes, warmup, rate, sampleSeconds].every((n) => Number.isFinite(n) && n > 0) || warmup >= minutes) throw new Error('--minutes, --warmup, --rate and --sample must be positive, --warmup below --minutes');

  const dir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), 'reved-soak-'));
  const config = loadConfig({ LOG_LEVEL: 'warn', CACHE_MEMORY_MAX_ENTRIES: '3000', ATTEMPTS_PER_MINUTE: '100000', ...process.env, HOST: '127.0.0.1', PORT: '0', ...(dir ? { PGLITE_DIR: dir } : {}) });
  const { app, server, url } = await startServer(config, createLogger(config));
  process.stdout.write(banner(config, url));

  const students = await app.database.db.selectFrom('students').select(['id', 'token_version']).orderBy('id').limit(200).execute();
  const tokens = await Promise.all(students.map((s) => app.tokens.sign({ role: 'STUDENT', studentId: s.id, tokenVersion: s.token_version })));
  const rows = await app.database.db.selectFrom('exercises').select(['id', 'type', 'solution', 'content']).where('active', '=', true).orderBy('id').limit(300).execute();
  const exercises = rows.map((e) => ({ id: e.id, right: e.solution, wrong: wrongAnswer(e) }));
  const worker = new Worker(new URL(import.meta.url), { workerData: { url, rate, tokens, exercises, operations: studentOperations() } satisfies LoadSetup });

  const started = performance.now();
  const samples: (IntervalStats & { minute: number; heapMb: number; rssMb: number; externalMb: number; cacheEntries: number })[] = [];
  console.log(`soak: ${rate} req/s for ${minutes} min (warm-up ${warmup} min), heap sampled every ${sampleSeconds} s after a forced GC`);
  while (performance.now() - started < minutes * 60_000) {
    await new Promise((r) => setTimeout(r, sampleSeconds * 1000));
    const stats = await new Promise<IntervalStats>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage('stats');
    });
    gc();
    gc();
    const m = process.memoryUsage();
    const sample = { ...stats, minute: (performance.now() - started) / 60_000, heapMb: m.heapUsed / 2 ** 20, rssMb: m.rss / 2 ** 20, externalMb: m.external / 2 ** 20, cacheEntries: app.cache.memory.size };
    samples.push(sample);
    console.log(
      `${sample.minute.toFixed(1).padStart(5)} min  heap ${sample.heapMb.toFixed(1).padStart(6)} MB  rss ${sample.rssMb.toFixed(0).padStart(5)} MB  external ${sample.externalMb.toFixed(0).padStart(4)} MB  ` +
        `cache ${String(sample.cacheEntries).padStart(6)}  |  ${stats.ok} ok ${stats.errors} errors ${stats.dropped} dropped  p50 ${stats.p50.toFixed(1)} ms  p99 ${stats.p99.toFixed(1)} ms  max ${stats.max.toFixed(0)} ms` +
        (stats.firstError ? `  (${stats.firstError})` : ''),
    );
  }
  await worker.terminate();
  await server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });

  const after = samples.filter((s) => s.minute >= warmup);
  const slope = leastSquaresSlope(after.map((s) => [s.minute, s.heapMb]));
  const first = after[0]!;
  const last = after.at(-1)!;
  const heaps = after.map((s) => s.heapMb);
  const growthMb = slope * (last.minute - first.minute);
  const limitMb = Math.max(2, first.heapMb * 0.03);
  const summary = {
    machine: `${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores, Node ${process.version}`,
    database: config.database.url ? 'PostgreSQL' : 'embedded PGlite',
    cache: config.redisUrl ? 'Redis' : 'memory',
    rate,
    minutes,
    warmup,
    requests: samples.reduce((n, s) => n + s.ok + s.errors, 0),
    errors: samples.reduce((n, s) => n + s.errors, 0),
    dropped: samples.reduce((n, s) => n + s.dropped, 0),
    heapAfterWarmupMb: round(first.heapMb),
    heapEndMb: round(last.heapMb),
    heapMinMb: round(Math.min(...heaps)),
    heapMaxMb: round(Math.max(...heaps)),
    slopeMbPerMinute: round(slope, 3),
    growthMb: round(growthMb),
    rssAfterWarmupMb: round(first.rssMb),
    rssEndMb: round(last.rssMb),
    p99Ms: round(Math.max(...after.map((s) => s.p99))),
    verdict: growthMb < limitMb ? 'no growth' : 'GROWS',
    samples,
  };
  mkdirSync('loadtest/results', { recursive: true });
  const file = `loadtest/results/soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify(summary, null, 2));
  console.log(
    `\nsoak on ${summary.machine}, ${summary.database} + ${summary.cache} cache: ${summary.requests} requests, ${summary.errors} errors, ${summary.dropped} dropped\n` +
      `heap after warm-up ${summary.heapAfterWarmupMb} MB, at the end ${summary.heapEndMb} MB (min ${summary.heapMinMb}, max ${summary.heapMaxMb}); ` +
      `trend ${summary.slopeMbPerMinute} MB/min = ${summary.growthMb} MB over ${round(last.minute - first.minute)} min (limit ${round(limitMb)} MB): ${summary.verdict}\n` +
      `rss ${summary.rssAfterWarmupMb} -> ${summary.rssEndMb} MB; worst interval p99 ${summary.p99Ms} ms; figures in ${file}`,
  );
  process.exit(summary.verdict === 'no growth' ? 0 : 1);
}

/** The load, in a worker thread: a fixed rate (open model) of dashboards, attempts and exercises. */
function runLoad(setup: LoadSetup): void {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(setup.url);
  let latencies: number[] = [];
  let stats = { sent: 0, ok: 0, errors: 0, dropped: 0, firstError: undefined as string | undefined };
  let inFlight = 0;
  let n = 0;
  const post = (query: string, variables: Record<string, unknown>, token: string) => {
    if (inFlight >= MAX_IN_FLIGHT) return void stats.dropped++;
    inFlight++;
    stats.sent++;
    const started = performance.now();
    const payload = JSON.stringify({ query, variables });
    const done = (error: string | undefined) => {
      inFlight--;
      latencies.push(performance.now() - started);
      if (error) {
        stats.errors++;
        stats.firstError ??= error.slice(0, 160);
      } else stats.ok++;
    };
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => done(res.statusCode !== 200 || body.includes('"errors"') ? `${res.statusCode} ${body}` : undefined));
      },
    );
    req.on('error', (e) => done(e.message));
    req.end(payload);
  };
  const one = () => {
    const i = n++;
    const token = setup.tokens[i % setup.tokens.length]!;
    const exercise = setup.exercises[(i * 7) % setup.exercises.length]!;
    const roll = i % 10;
    if (roll < 7) post(setup.operations.Dashboard!, {}, token);
    else if (roll < 9) post(setup.operations.SubmitAttempt!, { input: { exerciseId: String(exercise.id), answer: i % 3 ? exercise.right : exercise.wrong, durationSeconds: 20, idempotencyKey: `soak-${process.pid}-${i}` } }, token);
    else post(setup.operations.Exercise!, { id: String(exercise.id) }, token);
  };
  const tickMs = 10;
  let owed = 0;
  setInterval(() => {
    owed += (setup.rate * tickMs) / 1000;
    for (; owed >= 1; owed--) one();
  }, tickMs);
  parentPort!.on('message', () => {
    const sorted = latencies.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    parentPort!.postMessage({ ...stats, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 } satisfies IntervalStats);
    latencies = [];
    stats = { sent: 0, ok: 0, errors: 0, dropped: 0, firstError: undefined };
  });
}

/** The operations the tests send (test/operations/student.graphql), by name. */
function studentOperations(): Record<string, string> {
  const defs = parse(readFileSync('test/operations/student.graphql', 'utf8')).definitions as OperationDefinitionNode[];
  return Object.fromEntries(defs.filter((d) => d.name).map((d) => [d.name!.value, print(d)]));
}

function leastSquaresSlope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function round(v: number, digits = 1): number {
  return Number(v.toFixed(digits));
}
