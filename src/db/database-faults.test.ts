import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptKeys, countBy, exercisesWithAnswers, inconsistent, percentile, sleep, studentTotals, SUBMIT_ATTEMPT, submitVariables, timedRequest, type Outcome, type TestExercise } from '../../test/faults.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { operation } from '../../test/operations.js';
import { hasPostgresBinaries, ThrowawayPostgres } from '../../test/throwaway-postgres.js';

const DASHBOARD = operation('Dashboard');
const HEALTH = operation('Health');
const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 1_000;
/** pg's client-side timeout on a statement (src/db/client.ts): past statement_timeout, for a server that hangs. */
const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 1_000;

interface Sent extends Outcome {
  kind: 'submit' | 'dashboard';
  student: number;
  key?: string;
  exercise?: TestExercise;
  correct?: boolean;
}

/**
 * PostgreSQL stopped (pg_ctl stop -m immediate: connections cut, as in a crash) or hung (SIGSTOP)
 * mid-traffic, then back, under one running instance of the service. The server is the test's
 * own; the shared one on 5432 is never touched. The cache is whatever the suite runs with
 * (memory, or the shared Redis).
 */
describe.runIf(hasPostgresBinaries)('PostgreSQL going away under traffic (a throwaway server)', () => {
  let pgServer: ThrowawayPostgres;
  let t: TestApp;
  let exercises: TestExercise[];
  beforeAll(async () => {
    pgServer = await ThrowawayPostgres.start();
    const url = await pgServer.createSeededDatabase('reved_faults');
    t = await createTestApp({
      databaseUrl: url,
      env: { DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS), DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS), ATTEMPTS_PER_MINUTE: '100000' },
    });
    exercises = await exercisesWithAnswers(t.app.database.db, 300);
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await pgServer?.stop();
  });

  /** Students submitting attempts (and, with `dashboards`, reading their dashboard in between) until stopped. */
  async function traffic(usernames: string[], label: string, dashboards: boolean) {
    const students = await Promise.all(usernames.map((u) => t.studentId(u)));
    const tokens = await Promise.all(usernames.map((u) => t.tokenFor(u)));
    const sent: Sent[] = [];
    let running = true;
    let maxWaiting = 0;
    const sampler = setInterval(() => (maxWaiting = Math.max(maxWaiting, t.app.database.poolStats().waiting)), 10);
    const loop = async (k: number) => {
      for (let n = 0; running; n++) {
        if (dashboards && n % 2 === 1) {
          const { outcome } = await timedRequest(() => t.gql(DASHBOARD, { token: tokens[k] }));
          sent.push({ ...outcome, kind: 'dashboard', student: students[k]! });
        } else {
          const exercise = exercises[(k * 23 + n) % exercises.length]!;
          const key = `${label}-${k}-${n}`;
          const correct = n % 3 !== 1;
          const { outcome } = await timedRequest(() => t.gql(SUBMIT_ATTEMPT, { token: tokens[k], variables: submitVariables(exercise, key, correct) }));
          sent.push({ ...outcome, kind: 'submit', student: students[k]!, key, exercise, correct });
        }
        await sleep(5);
      }
    };
    const loops = students.map((_, k) => loop(k));
    return {
      sent,
      async stop() {
        running = false;
        await Promise.all(loops);
        clearInterval(sampler);
        return { maxWaiting, students, tokens };
      },
    };
  }

  /**
   * An attempt answered as recorded is in the database; a failed one is all there (it committed
   * but the answer was lost) or not at all; the client's retry with the same key then records it
   * once. Returns how many failed attempts had committed.
   */
  async function expectNothingLost(sent: Sent[], students: number[], tokens: string[]): Promise<{ committedButFailed: number; stored: number }> {
    const db = t.app.database.db;
    const submits = sent.filter((s) => s.kind === 'submit');
    const stored = await attemptKeys(db, students);
    const has = (s: Sent) => stored.has(`${s.student}/${s.key}`);
    expect(submits.filter((s) => s.ok && !has(s))).toEqual([]);
    expect(inconsistent(await studentTotals(db, students))).toEqual([]);
    for (const s of submits.filter((x) => !x.ok)) {
      const retry = await t.gql(SUBMIT_ATTEMPT, { token: tokens[students.indexOf(s.student)], variables: submitVariables(s.exercise!, s.key!, s.correct!) });
      expect(retry.errors).toBeUndefined();
    }
    const totals = await studentTotals(db, students);
    expect(inconsistent(totals)).toEqual([]);
    expect(totals.reduce((n, s) => n + s.attempts, 0)).toBe(submits.length);
    return { committedButFailed: submits.filter((s) => !s.ok && has(s)).length, stored: submits.length };
  }

  async function readyz(): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    const res = await t.server.fastify.inject({ method: 'GET', url: '/readyz' });
    return { status: res.statusCode, ms: performance.now() - started };
  }

  it('stopped: fails fast with SERVICE_UNAVAILABLE, serves warm reads from the cache, goes unready, recovers, and loses nothing', async () => {
    // Students that only read: their dashboards are warm in the cache before the outage.
    const readers = await Promise.all(['student150', 'student151', 'student152'].map((u) => t.tokenFor(u)));
    for (const token of readers) for (let i = 0; i < 2; i++) expect((await t.gql(DASHBOARD, { token })).errors).toBeUndefined();

    const run = await traffic(Array.from({ length: 12 }, (_, i) => `student${String(i + 1).padStart(3, '0')}`), 'pg-stop', true);
    await sleep(500);
    const downAt = performance.now();
    await pgServer.down('immediate');
    await sleep(300);

    // While it is down: not ready, health says DOWN, warm dashboards answer with no SQL at all.
    const unready = await readyz();
    expect(unready.status).toBe(503);
    const health = await timedRequest(() => t.gql(HEALTH));
    expect(health.res.data.health.database.status).toBe('DOWN');
    for (const token of readers) {
      const { result, queries } = await t.statements(() => t.gql(DASHBOARD, { token }));
      expect(result.errors).toBeUndefined();
      expect(result.data.me.totalPoints).toBe(0);
      expect(queries).toEqual([]);
    }
    await sleep(700);

    const returnedAt = performance.now();
    await pgServer.up();
    let recoveredAt = 0;
    while (!recoveredAt && performance.now() - returnedAt < 10_000) {
      if ((await readyz()).status === 200) recoveredAt = performance.now();
      else await sleep(20);
    }
    expect(recoveredAt).toBeGreaterThan(0);
    await sleep(700);
    const { maxWaiting, students, tokens } = await run.stop();

    const sent = run.sent;
    const failed = sent.filter((s) => !s.ok);
    // Requests fail fast with the right code, and nothing queues up behind the dead server.
    expect(sent.filter((s) => s.startedAt + s.ms < downAt && !s.ok)).toEqual([]);
    expect(failed.length).toBeGreaterThan(0);
    expect(Object.keys(countBy(failed, (s) => String(s.code)))).toEqual(['SERVICE_UNAVAILABLE']);
    // 503 when the token check itself could not run (nothing of the request ran), else 200 with the error.
    const statuses = countBy(failed, (s) => String(s.status));
    expect(Object.keys(statuses).filter((s) => s !== '200' && s !== '503')).toEqual([]);
    expect(Math.max(...sent.map((s) => s.ms))).toBeLessThan(2_000);
    expect(maxWaiting).toBeLessThanOrEqual(12);
    // Recovered without a restart: every request sent once it was ready again succeeded.
    const after = sent.filter((s) => s.startedAt > recoveredAt + 100);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((s) => !s.ok)).toEqual([]);
    expect(t.app.database.poolStats().waiting).toBe(0);

    const data = await expectNothingLost(sent, students, tokens);
    const ms = failed.map((s) => s.ms);
    console.log(
      `PostgreSQL stopped under traffic: ${sent.length} requests, ${failed.length} failed, all SERVICE_UNAVAILABLE (HTTP ${JSON.stringify(statuses)}), ` +
        `in p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms; ` +
        `pool waiting max ${maxWaiting} (pool ${POOL_SIZE}, 12 clients); readyz 503 in ${unready.ms.toFixed(1)} ms, health DOWN in ${health.outcome.ms.toFixed(1)} ms; ` +
        `ready again ${(recoveredAt - returnedAt).toFixed(0)} ms after pg_ctl start began; ` +
        `${data.committedButFailed} failed attempt(s) had committed, the others left nothing; ${data.stored} attempts stored once each after retries, points consistent`,
    );
  }, 60_000);

  it('hung: answers within the connect and statement timeouts, goes unready, recovers, and loses nothing', async () => {
    const run = await traffic(Array.from({ length: 6 }, (_, i) => `student${String(i + 20).padStart(3, '0')}`), 'pg-hang', false);
    await sleep(300);
    const pausedAt = performance.now();
    pgServer.pause();
    await sleep(1_500);
    const unready = await readyz();
    await sleep(1_000);
    pgServer.resume();
    const resumedAt = performance.now();
    await sleep(2_500);
    const { maxWaiting, students, tokens } = await run.stop();

    const sent = run.sent;
    const failed = sent.filter((s) => !s.ok);
    expect(unready.status).toBe(503);
    expect(unready.ms).toBeLessThan(1_500);
    expect(failed.length).toBeGreaterThan(0);
    expect(Object.keys(countBy(failed, (s) => String(s.code)))).toEqual(['SERVICE_UNAVAILABLE']);
    // The worst case: waiting for a connection, then a statement on a connection that hung.
    const bound = CONNECT_TIMEOUT_MS + QUERY_TIMEOUT_MS + 500;
    expect(Math.max(...sent.map((s) => s.ms))).toBeLessThan(bound);
    expect(maxWaiting).toBeLessThanOrEqual(6);
    const after = sent.filter((s) => s.startedAt > resumedAt + 1_000);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((s) => !s.ok)).toEqual([]);

    const data = await expectNothingLost(sent, students, tokens);
    const during = sent.filter((s) => s.startedAt > pausedAt && s.startedAt < resumedAt).map((s) => s.ms);
    console.log(
      `PostgreSQL hung (SIGSTOP) under traffic: ${sent.length} requests, ${failed.length} failed, all SERVICE_UNAVAILABLE; ` +
        `requests sent during the hang answered in p50 ${percentile(during, 50).toFixed(0)} ms, max ${Math.max(...during).toFixed(0)} ms; ` +
        `slowest ${Math.max(...sent.map((s) => s.ms)).toFixed(0)} ms (bound ${bound} ms); pool waiting max ${maxWaiting}; readyz 503 in ${unready.ms.toFixed(0)} ms; ` +
        `${data.committedButFailed} failed attempt(s) had committed, the others left nothing; ${data.stored} attempts stored once each after retries, points consistent`,
    );
  }, 60_000);
});
