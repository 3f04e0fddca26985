import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../src/errors.js';
import { RequestGenerator, type FuzzTargets } from './fuzz/requests.js';
import { createTestApp, type TestApp } from './harness.js';

/**
 * FUZZ_COUNT generated malformed or hostile requests (bad JSON, wrong types, huge strings, deep
 * nesting, unknown fields, SQL and script payloads in every argument, forged tokens) against the
 * running server, through Fastify's inject. Reproducible: FUZZ_SEED picks the sequence.
 *   FUZZ_SEED=7 FUZZ_COUNT=50000 npx vitest run test/fuzz.test.ts
 * No answer may be a 5xx or INTERNAL_SERVER_ERROR, every error code is one of the closed set, no
 * answer to the attacker (or to no one) may hold the victim's username or a solution, and after
 * the run the server is healthy and the victim's data untouched.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const CONCURRENCY = 8;
const ATTACKER = 'student071';
const VICTIM = 'student072';
const CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));

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
  t = await createTestApp();
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
    let withData = 0;
    const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
    const started = performance.now();

    let next = 0;
    const worker = async () => {
      while (next < COUNT) {
        const n = next++;
        const req = generator.next(); // generated in index order whatever the worker: reproducible
        const res = await t.server.fastify.inject({ method: req.method, url: req.url, headers: req.headers, payload: req.payload });
        count(statuses, res.statusCode);
        const fail = (why: string) => failures.push(`#${n} ${req.kind} ${req.method} as ${req.as}: ${why}; sent ${(req.payload ?? req.url).slice(0, 300)}; got ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 500) fail('server error');
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
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz: ${COUNT} requests, seed ${SEED}, ${seconds.toFixed(1)} s (${Math.round(COUNT / seconds)}/s); ${withData} with data; statuses ${JSON.stringify(Object.fromEntries(statuses))}; codes ${JSON.stringify(Object.fromEntries(codes))}`);

    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    // Healthy after: health answers, the attacker's own session still works, the victim is untouched.
    expect((await t.gql('{ health { status database { status } } }')).data).toEqual({ health: { status: 'OK', database: { status: 'OK' } } });
    expect((await t.gql('{ me { username } }', { token: targets.attackerToken })).data).toEqual({ me: { username: ATTACKER } });
    expect(await victimState()).toEqual(before);
  }, 120_000);
});
