import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../src/errors.js';
import { HTTP_TIMEOUT_CHECK_MS } from '../src/server.js';
import { RequestGenerator, type FuzzTargets } from './fuzz/requests.js';
import { createTestApp, type TestApp } from './harness.js';
import { allClosed, cutCleanly, slowBodyHead, slowClient, slowHeadersHead, type SlowClient } from './slow-client.js';

/**
 * FUZZ_COUNT generated malformed or hostile requests (bad JSON, wrong types, huge strings, deep
 * nesting, unknown fields, SQL and script payloads in every argument, forged tokens, and small
 * documents asking for a lot: cycles of lists, aliased nested lists, huge first/limit, fragments
 * spreading nested lists) against the running server, through Fastify's inject; meanwhile, raw
 * sockets trickle bodies and headers to its listener. Reproducible: FUZZ_SEED picks the sequence.
 *   FUZZ_SEED=7 FUZZ_COUNT=50000 npx vitest run test/fuzz.test.ts
 * Every request is answered, within REQUEST_DEADLINE_MS and with a bounded body; no answer is a 5xx
 * or INTERNAL_SERVER_ERROR; every error code is one of the closed set; no answer to the attacker
 * (or to no one) holds the victim's username or a solution; every slow client is cut (408) within
 * the request timeout; and after the run the server is healthy (no viewer slot left taken) and the
 * victim's data untouched.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const CONCURRENCY = 8;
const ATTACKER = 'student071';
const VICTIM = 'student072';
const CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));
/** No request may take longer (the slowest legitimate one here takes well under a second). */
const REQUEST_DEADLINE_MS = 15_000;
/** No answer may be larger: the response budget (100,000 values) keeps the largest a few MB. */
const MAX_BODY_BYTES = 10_000_000;
/** Small, so that slow clients are cut during the run (production's are in config.ts). */
const REQUEST_TIMEOUT_MS = 2_000;
const HEADERS_TIMEOUT_MS = 1_000;

let t: TestApp;
let targets: FuzzTargets;
let victimId: number;

async function victimState() {
  const db = t.app.database.db;
  const row = await db.selectFrom('students').select(['total_points', 'token_version', 'password_hash', 'last_active_at', 'streak_days']).where('id', '=', victimId).executeTakeFirstOrThrow();
  const count = async (table: 'attempts' | 'learning_sessions' | 'progress') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('student_id', '=', victimId).executeTakeFirstOrThrow()).n);
  return { row, attempts: await count('attempts'), sessions: await count('learning_sessions'), progress: await count('progress') };
}

beforeAll(async () => {
  t = await createTestApp({ env: { HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS) } });
  await t.server.fastify.listen({ host: '127.0.0.1', port: 0 });
  victimId = await t.studentId(VICTIM);
  // The victim has some work to steal.
  const victimToken = await t.login(VICTIM);
  const exercise = await t.app.database.db.selectFrom('exercises').select(['id', 'solution']).orderBy('id').limit(1).executeTakeFirstOrThrow();
  await t.gql('mutation($i: AttemptInput!) { submitAttempt(input: $i) { correct } }', { token: victimToken, variables: { i: { exerciseId: String(exercise.id), answer: exercise.solution, durationSeconds: 9, idempotencyKey: 'victim-1' } } });
  const session = await t.gql('mutation { startSession { id } }', { token: victimToken });

  const attackerToken = await t.login(ATTACKER);
  const [h, p] = attackerToken.split('.') as [string, string];
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const sign = (secret: string, payload: Record<string, unknown>, alg = 'HS256') => new SignJWT(payload).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
  targets = {
    attackerToken,
    adminToken: await t.login('admin'),
    victimId,
    exerciseId: exercise.id,
    sessionId: session.data.startSession.id,
    badTokens: [
      `${h}.${b64({ ...claims, sub: String(victimId) })}.${attackerToken.split('.')[2]}`, // tampered: the victim's id
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: String(victimId), role: 'ADMIN' })}.`,
      await sign('guessed-secret-that-is-long-enough-1234', { ...claims, sub: '1', role: 'ADMIN' }),
      await sign('test-secret-that-is-long-enough-for-hs256', { ...claims, iat: now - 7200, exp: now - 3600 }), // expired
      await sign('test-secret-that-is-long-enough-for-hs256', { ...claims }, 'HS512'),
      'garbage',
      '',
    ],
  };
});
afterAll(() => t.close());

/** Any non-null `solution` anywhere in a JSON answer. */
function holdsSolution(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSolution);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => (k === 'solution' && v !== null) || holdsSolution(v));
}

describe('fuzz', () => {
  it(`answers ${COUNT} hostile requests (seed ${SEED}) with no 500, no unknown code and no leak, and is healthy after`, async () => {
    const before = await victimState();
    const generator = new RequestGenerator(SEED, targets);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    /** Per costly shape: refused before or while running (OPERATION_LIMIT_EXCEEDED), answered with data, or otherwise refused. */
    const costly = new Map<string, number>();
    let withData = 0;
    let largest = 0;
    const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
    const started = performance.now();

    // Slow clients on the listener for the length of the run: a batch at the start and one every
    // second, each trickling a byte every 500 ms.
    const port = (t.server.fastify.server.address() as { port: number }).port;
    const slow: SlowClient[] = [];
    const slowBatch = () => {
      for (let i = 0; i < 4; i++) slow.push(slowClient(port, slowBodyHead(1_000), '{"query": "{ me { id } }"'));
      slow.push(slowClient(port, slowHeadersHead, 'X-Slow: a\r\n'));
    };
    slowBatch();
    const batches = setInterval(slowBatch, 1_000);

    let next = 0;
    const worker = async () => {
      while (next < COUNT) {
        const n = next++;
        const req = generator.next(); // generated in index order whatever the worker: reproducible
        let timer: NodeJS.Timeout | undefined;
        const res = await Promise.race([
          t.server.fastify.inject({ method: req.method, url: req.url, headers: req.headers, payload: req.payload }),
          new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), REQUEST_DEADLINE_MS))),
        ]).finally(() => clearTimeout(timer));
        if (!res) {
          failures.push(`#${n} ${req.kind} ${req.method} as ${req.as}: no answer within ${REQUEST_DEADLINE_MS} ms; sent ${(req.payload ?? req.url).slice(0, 300)}`);
          continue;
        }
        count(statuses, res.statusCode);
        largest = Math.max(largest, res.rawPayload.length);
        const fail = (why: string) => failures.push(`#${n} ${req.kind} ${req.method} as ${req.as}: ${why}; sent ${(req.payload ?? req.url).slice(0, 300)}; got ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 500) fail('server error');
        if (res.rawPayload.length > MAX_BODY_BYTES) fail(`a body of ${res.rawPayload.length} bytes`);
        let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        try {
          body = JSON.parse(res.body);
        } catch {
          fail('not JSON');
          continue;
        }
        if (body.data && Object.values(body.data).some((v) => v !== null)) withData++;
        for (const e of body.errors ?? []) {
          const code = e.extensions?.code ?? '(none)';
          count(codes, code);
          if (!CODES.has(code)) fail(`error code ${code}`);
        }
        if (req.as !== 'admin' && (res.body.includes(VICTIM) || holdsSolution(body.data))) fail('leak');
        if (req.kind.startsWith('costly:')) {
          const found = new Set((body.errors ?? []).map((e) => e.extensions?.code));
          // These documents are well-formed: a parse failure means they no longer reach the limits.
          if (found.has(ErrorCode.GRAPHQL_PARSE_FAILED)) fail('costly document did not parse');
          const outcome = found.has(ErrorCode.OPERATION_LIMIT_EXCEEDED) ? 'limited' : body.data && Object.values(body.data).some((v) => v !== null) ? 'data' : 'refused';
          count(costly, `${req.kind.slice('costly:'.length)} ${outcome}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    clearInterval(batches);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz: ${COUNT} requests, seed ${SEED}, ${seconds.toFixed(1)} s (${Math.round(COUNT / seconds)}/s); ${withData} with data; largest body ${largest} bytes; statuses ${JSON.stringify(Object.fromEntries(statuses))}; codes ${JSON.stringify(Object.fromEntries(codes))}; costly ${JSON.stringify(Object.fromEntries([...costly].sort()))}`,
    );

    // Every slow client was cut, within the request timeout (the run loads the event loop: more slack than in server-timeouts.test.ts).
    const cut = await allClosed(slow, REQUEST_TIMEOUT_MS + HTTP_TIMEOUT_CHECK_MS + 10_000);
    for (const c of slow) c.stop();
    if (cut === 'still open') throw new Error('a slow client was still open after the run');
    const slowest = Math.max(...cut.map((c) => c.ms));
    console.log(`fuzz: ${slow.length} slow clients cut, the slowest after ${Math.round(slowest)} ms`);
    expect(cut.filter((c) => !cutCleanly(c.answer)).map((c) => c.answer.slice(0, 200))).toEqual([]);
    expect(slowest).toBeLessThan(REQUEST_TIMEOUT_MS + HTTP_TIMEOUT_CHECK_MS + 5_000);

    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    // The costly shapes reached both sides of the limits: some refused, some answered.
    expect([...costly.keys()].some((k) => k.endsWith(' limited'))).toBe(true);
    expect([...costly.keys()].some((k) => k.endsWith(' data'))).toBe(true);
    // Healthy after: health answers, the attacker's own session still works, the victim is untouched.
    expect((await t.gql('{ health { status database { status } } }')).data).toEqual({ health: { status: 'OK', database: { status: 'OK' } } });
    expect((await t.gql('{ me { username } }', { token: targets.attackerToken })).data).toEqual({ me: { username: ATTACKER } });
    // No in-flight slot was left taken: as many requests at once as the attacker may have, and a heavy one, all run.
    const together = await Promise.all(Array.from({ length: t.app.config.viewerLimits.maxInflight }, () => t.gql('{ me { username } }', { token: targets.attackerToken })));
    expect(together.map((r) => r.errors?.[0]?.extensions?.code ?? r.data?.me?.username)).toEqual(together.map(() => ATTACKER));
    // (after the cost budget the run spent has come back: 36,000 a heavy request may need, at 20,000 a second)
    await new Promise((r) => setTimeout(r, 1_600));
    const heavy = await t.gql('{ modules { id title exercises { id title } } }', { token: targets.attackerToken });
    expect(heavy.errors).toBeUndefined();
    // And the listener answers over a real connection.
    const overHttp = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ health { status } }' }) });
    expect(await overHttp.json()).toEqual({ data: { health: { status: 'OK' } } });
    expect(await victimState()).toEqual(before);
  }, 120_000);
});
