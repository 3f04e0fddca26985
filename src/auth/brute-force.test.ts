import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (app: TestApp, u: string, p: string, headers?: Record<string, string>) => app.gql(LOGIN, { variables: { u, p }, headers });
const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code ?? 'OK';

describe('failed logins per username', () => {
  it('refuses a username after 5 failures, whatever the password, for 15 minutes', async () => {
    const fails = [];
    for (let i = 0; i < 5; i++) fails.push(await login(t, 'student011', `wrong-${i}`));
    expect(fails.map(code)).toEqual(Array(5).fill('UNAUTHENTICATED'));

    const refused = await login(t, 'student011', 'demo1234'); // the right password
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = refused.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.errors?.[0]?.message).not.toMatch(/student011|exist/i);
  });

  it('says the same for an unknown username as for a known one', async () => {
    for (let i = 0; i < 5; i++) await login(t, 'nobody-at-all', `wrong-${i}`);
    for (let i = 0; i < 5; i++) await login(t, 'student012', `wrong-${i}`);
    const unknown = await login(t, 'nobody-at-all', 'x');
    const known = await login(t, 'student012', 'x');
    expect(code(unknown)).toBe('RATE_LIMITED');
    expect(unknown.errors?.[0]?.message).toBe(known.errors?.[0]?.message);
  });

  it('counts per username, not per address: other usernames still sign in, other addresses are still refused', async () => {
    for (let i = 0; i < 5; i++) await login(t, 'student013', `wrong-${i}`, { 'x-forwarded-for': `10.0.0.${i}` });
    expect(code(await login(t, 'student013', 'demo1234', { 'x-forwarded-for': '192.168.1.77' }))).toBe('RATE_LIMITED');
    expect(code(await login(t, ' STUDENT013 ', 'demo1234'))).toBe('RATE_LIMITED'); // the same username, spelt otherwise
    expect(code(await login(t, 'student014', 'demo1234'))).toBe('OK');
  });

  it('clears the count on a good login', async () => {
    for (let i = 0; i < 4; i++) await login(t, 'student015', `wrong-${i}`);
    expect(code(await login(t, 'student015', 'demo1234'))).toBe('OK');
    for (let i = 0; i < 4; i++) await login(t, 'student015', `wrong-${i}`);
    expect(code(await login(t, 'student015', 'demo1234'))).toBe('OK');
  });

  it('checks at most 5 passwords of 30 sent at once', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(t, 'student016', `wrong-${i}`)));
    const codes = results.map(code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(25);
  });

  it('counts wrong current passwords of changePassword as failed logins', async () => {
    const token = await t.login('student017');
    const change = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }';
    for (let i = 0; i < 5; i++) {
      const res = await t.gql(change, { token, variables: { c: `wrong-${i}`, n: 'a-new-password' } });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    }
    expect(code(await t.gql(change, { token, variables: { c: 'demo1234', n: 'a-new-password' } }))).toBe('RATE_LIMITED');
    expect(code(await login(t, 'student017', 'demo1234'))).toBe('RATE_LIMITED');
  });

  it('lets the username in again once the lockout is over', async () => {
    const short = await createTestApp({ env: { LOGIN_LOCKOUT_SECONDS: '1' } });
    try {
      for (let i = 0; i < 5; i++) await login(short, 'student018', `wrong-${i}`);
      expect(code(await login(short, 'student018', 'demo1234'))).toBe('RATE_LIMITED');
      short.clock.advance(1_100); // the memory limiter follows the clock; Redis follows real time
      await sleep(1_100);
      expect(code(await login(short, 'student018', 'demo1234'))).toBe('OK');
    } finally {
      await short.close();
    }
  });
});

describe('how long a failed login takes', () => {
  const timed = async (fn: () => Promise<unknown>) => {
    const started = performance.now();
    await fn();
    return performance.now() - started;
  };

  it('is as long for an unknown username as for a wrong password, and of the order of a good login', async () => {
    const unknown: number[] = [];
    const wrong: number[] = [];
    const good: number[] = [];
    // Interleaved, on usernames never locked, so load on the machine hits all three alike.
    for (let i = 0; i < 11; i++) {
      unknown.push(await timed(() => login(t, `ghost-${i}`, 'wrong-password')));
      wrong.push(await timed(() => login(t, `student${120 + i}`, 'wrong-password')));
      good.push(await timed(() => login(t, `student${140 + i}`, 'demo1234')));
    }
    // The fastest of each: other test files share the machine, and load only ever adds time.
    const [u, w, g] = [Math.min(...unknown), Math.min(...wrong), Math.min(...good)];
    const figures = `fastest of 11: unknown ${u.toFixed(1)} ms, wrong password ${w.toFixed(1)} ms, good ${g.toFixed(1)} ms`;
    // Without the decoy hash an unknown username answers in ~1 ms against ~10-30 ms for a password
    // check. A good login also writes lastActiveAt and signs a token (a few ms more): that tells
    // nothing the answer does not, so it is only held to the same order.
    expect(u / w, figures).toBeGreaterThan(0.6);
    expect(u / w, figures).toBeLessThan(1.7);
    expect(u / g, figures).toBeGreaterThan(0.4);
    expect(w / g, figures).toBeGreaterThan(0.4);
  });
});

describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('two instances (PostgreSQL and Redis)', () => {
  it('share the count: failures on one are refused on the other', async () => {
    const other = await createTestApp({ sibling: t });
    try {
      for (let i = 0; i < 3; i++) await login(t, 'student019', `wrong-${i}`);
      for (let i = 0; i < 2; i++) await login(other, 'student019', `wrong-${i}`);
      expect(code(await login(t, 'student019', 'demo1234'))).toBe('RATE_LIMITED');
      expect(code(await login(other, 'student019', 'demo1234'))).toBe('RATE_LIMITED');
      expect(t.app.rateLimiter.backend).toBe('redis');
    } finally {
      await other.close();
    }
  });
});
