import http from 'node:http';
import { GraphQLError } from 'graphql';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exercisesWithAnswers, inconsistent, lockStudentRow, sleep, studentTotals, SUBMIT_ATTEMPT, submitVariables, type TestExercise } from '../../test/faults.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { hasPostgresBinaries, ThrowawayPostgres } from '../../test/throwaway-postgres.js';
import { isDatabaseUnavailable } from '../errors.js';
import { formatError } from '../server.js';

const STATEMENT_TIMEOUT_MS = 300;

/**
 * Every SQL statement has a timeout (statement_timeout on each pooled PostgreSQL connection), so a
 * slow query cannot hold a request for long, nor can a client that goes away keep work running
 * past it. On a server of the test's own: the embedded PGlite has no statement timeout (one
 * in-process connection that cannot be interrupted), so these run the same in both suite modes.
 */
describe.runIf(hasPostgresBinaries)('statement timeouts (a throwaway PostgreSQL)', () => {
  let pgServer: ThrowawayPostgres;
  let url: string;
  let t: TestApp;
  let exercise: TestExercise;
  beforeAll(async () => {
    pgServer = await ThrowawayPostgres.start();
    url = await pgServer.createSeededDatabase('reved_timeouts');
    t = await createTestApp({ databaseUrl: url, env: { DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS), DATABASE_POOL_SIZE: '4' } });
    exercise = (await exercisesWithAnswers(t.app.database.db, 1))[0]!;
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await pgServer?.stop();
  });

  /** Statements the service's connections are running now (none once its work has stopped). */
  async function activeStatements(): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query("select count(*)::int as n from pg_stat_activity where application_name = 'reved-kids-api' and state <> 'idle'");
      return rows[0].n as number;
    } finally {
      await client.end();
    }
  }

  async function attemptsWithKey(key: string): Promise<number> {
    const row = await t.app.database.db.selectFrom('attempts').select((eb) => eb.fn.countAll<string>().as('n')).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('cancels a slow statement at DATABASE_STATEMENT_TIMEOUT_MS, which clients see as SERVICE_UNAVAILABLE', async () => {
    const db = t.app.database.db;
    const settings = await sql<{ statement_timeout: string; idle: string }>`select current_setting('statement_timeout') as statement_timeout, current_setting('idle_in_transaction_session_timeout') as idle`.execute(db);
    expect(settings.rows[0]).toEqual({ statement_timeout: `${STATEMENT_TIMEOUT_MS}ms`, idle: `${STATEMENT_TIMEOUT_MS * 2}ms` });

    const started = performance.now();
    const error = await sql`select pg_sleep(5)`.execute(db).then(() => undefined, (e: unknown) => e);
    const ms = performance.now() - started;
    expect((error as { code?: string }).code).toBe('57014'); // query_canceled: canceling statement due to statement timeout
    expect(ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 500);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const asSeenByResolver = new GraphQLError((error as Error).message, { path: ['me'], originalError: error as Error });
    expect(formatError({ message: asSeenByResolver.message, path: ['me'] }, asSeenByResolver).extensions?.code).toBe('SERVICE_UNAVAILABLE');
    console.log(`select pg_sleep(5) with DATABASE_STATEMENT_TIMEOUT_MS ${STATEMENT_TIMEOUT_MS}: cancelled (57014) after ${ms.toFixed(0)} ms`);
  });

  it('answers an attempt stuck on a lock with SERVICE_UNAVAILABLE, writes nothing, and records the retry once', async () => {
    const username = 'student030';
    const token = await t.tokenFor(username);
    const [before] = await studentTotals(t.app.database.db, [await t.studentId(username)]);
    const lock = await lockStudentRow(url, username);
    const started = performance.now();
    const res = await t.gql(SUBMIT_ATTEMPT, { token, variables: submitVariables(exercise, 'timeout-lock-1', true) });
    const ms = performance.now() - started;
    await lock.release();

    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 700);
    // Rolled back whole: no attempt, no progress, no points.
    expect(await attemptsWithKey('timeout-lock-1')).toBe(0);
    expect(await studentTotals(t.app.database.db, [before!.id])).toEqual([before]);

    const retry = await t.gql(SUBMIT_ATTEMPT, { token, variables: submitVariables(exercise, 'timeout-lock-1', true) });
    expect(retry.errors).toBeUndefined();
    expect(await attemptsWithKey('timeout-lock-1')).toBe(1);
    expect(inconsistent(await studentTotals(t.app.database.db, [before!.id]))).toEqual([]);
    console.log(`an attempt waiting on a row lock: SERVICE_UNAVAILABLE after ${ms.toFixed(0)} ms, nothing written; the retry was recorded once`);
  });

  it('lets a client that disconnects keep no work running past the statement timeout', async () => {
    const address = await t.server.fastify.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    const send = (token: string, key: string) => {
      const payload = JSON.stringify({ query: SUBMIT_ATTEMPT, variables: submitVariables(exercise, key, true) });
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } });
      req.on('error', () => {});
      req.end(payload);
      return req;
    };
    const untilIdle = async (since: number) => {
      while ((await activeStatements()) > 0 && performance.now() - since < 5_000) await sleep(20);
      return performance.now() - since;
    };

    // The client goes while its attempt waits on a lock: the statement is cancelled at the timeout.
    const lock = await lockStudentRow(url, 'student031');
    const gone = send(await t.tokenFor('student031'), 'timeout-gone-1');
    await sleep(100);
    gone.destroy();
    const leftAt = performance.now();
    const stoppedAfter = await untilIdle(leftAt);
    await lock.release();
    expect(stoppedAfter).toBeLessThan(STATEMENT_TIMEOUT_MS + 500);
    expect(await attemptsWithKey('timeout-gone-1')).toBe(0);

    // Work that can finish within the timeout does, client or not: the attempt a child sent is
    // recorded, and the retry the app sends when the network is back returns it (not twice).
    const lock2 = await lockStudentRow(url, 'student032');
    const token = await t.tokenFor('student032');
    const gone2 = send(token, 'timeout-gone-2');
    await sleep(100);
    gone2.destroy();
    await lock2.release();
    await untilIdle(performance.now());
    expect(await attemptsWithKey('timeout-gone-2')).toBe(1);
    expect((await t.gql(SUBMIT_ATTEMPT, { token, variables: submitVariables(exercise, 'timeout-gone-2', true) })).errors).toBeUndefined();
    expect(await attemptsWithKey('timeout-gone-2')).toBe(1);
    expect(t.app.database.poolStats().waiting).toBe(0);
    console.log(`a client that disconnected while its attempt waited on a lock: the service's work stopped ${stoppedAfter.toFixed(0)} ms later (statement timeout ${STATEMENT_TIMEOUT_MS} ms)`);
  });
});
