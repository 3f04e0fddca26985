import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestApp;
beforeAll(async () => {
  // X-Forwarded-For believed, so that tests can sign in from several addresses.
  t = await createTestApp({ env: { TRUST_PROXY: 'on' } });
});
afterAll(() => t.close());

const login = (app: TestApp, u: string, p: string, headers?: Record<string, string>) => app.gql(LOGIN, { variables: { u, p }, headers });
const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code ?? 'OK';
const from = (address: string) => ({ 'x-forwarded-for': address });

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

  it('says the same for an unknown username as for a wrong password, within the bound of the address', async () => {
    const unknown = await login(t, 'nobody-at-all', 'x', from('192.0.2.12'));
    const known = await login(t, 'student012', 'x', from('192.0.2.12'));
    expect(code(unknown)).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]).toEqual(known.errors?.[0]);
  });

  it('counts a student\'s per username, not per address: other usernames still sign in, other addresses are still refused', async () => {
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

describe('failed logins of an administrator', () => {
  it('count per address: failures from elsewhere never lock the operator out', async () => {
    for (let i = 0; i < 5; i++) expect(code(await login(t, 'admin', `wrong-${i}`, from('203.0.113.66')))).toBe('UNAUTHENTICATED');
    // The attacker's address is locked out, even with the right password and the username spelt otherwise...
    const refused = await login(t, ' ADMIN ', 'admin1234', from('203.0.113.66'));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // ...the operator's is not (the admin CLI signs in from here).
    expect(code(await login(t, 'admin', 'admin1234'))).toBe('OK');
    expect(code(await login(t, 'admin', 'admin1234', from('198.51.100.7')))).toBe('OK');
  });

  it('count an IPv6 client per /64 (it holds all of them)', async () => {
    for (let i = 1; i <= 5; i++) await login(t, 'admin', `wrong-${i}`, from(`2001:db8:66:1::${i}`));
    expect(code(await login(t, 'admin', 'admin1234', from('2001:db8:66:1:ffff::1')))).toBe('RATE_LIMITED');
    expect(code(await login(t, 'admin', 'admin1234', from('2001:db8:66:2::1')))).toBe('OK');
  });
});

describe('failed logins per address', () => {
  /** Keys of the login limits, as the limiter holds them (Redis under the app's prefix, or memory). */
  async function loginCounters(app: TestApp): Promise<string[]> {
    if (app.app.rateLimiter.backend === 'memory') {
      return [...(app.app.rateLimiter as unknown as { counters: Map<string, unknown> }).counters.keys()].filter((k) => k.startsWith('login'));
    }
    const client = createClient({ url: app.app.config.redisUrl! });
    await client.connect();
    try {
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${app.app.config.cache.keyPrefix}:rl:login*`, COUNT: 500 })) keys.push(...batch);
      return keys.map((k) => k.slice(`${app.app.config.cache.keyPrefix}:rl:`.length));
    } finally {
      await client.close();
    }
  }

  it('unknown usernames leave no counter of their own: they count only against their address', async () => {
    const before = await loginCounters(t);
    for (let i = 0; i < 8; i++) expect(code(await login(t, `random-${i}-${Math.random()}`, 'x', from('192.0.2.30')))).toBe('UNAUTHENTICATED');
    const added = (await loginCounters(t)).filter((k) => !before.includes(k));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^login-address:/);
    expect(added.join()).not.toMatch(/192\.0\.2\.30|random/); // hashed, as usernames are
  });

  describe('with LOGIN_UNKNOWN_PER_MINUTE=5', () => {
    let small: TestApp;
    beforeAll(async () => {
      small = await createTestApp({ env: { TRUST_PROXY: 'on', LOGIN_UNKNOWN_PER_MINUTE: '5' } });
    });
    afterAll(() => small.close());

    it('checks at most 5 passwords of unknown usernames of 20 sent at once from one address, then refuses every login from it', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login(small, `ghost-burst-${i}`, 'x', from('192.0.2.40'))));
      expect(results.map(code).filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
      const refused = results.filter((r) => code(r) === 'RATE_LIMITED');
      expect(refused).toHaveLength(15);
      const retryAfter = refused[0]!.errors?.[0]?.extensions?.retryAfterSeconds as number;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // A known username answers as an unknown one does: the refusal says nothing about which exists.
      const known = await login(small, 'student030', 'x', from('192.0.2.40'));
      expect(known.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(known.errors?.[0]?.message).toBe(refused[0]!.errors?.[0]?.message);
      expect(code(await login(small, 'student030', 'demo1234', from('192.0.2.40')))).toBe('RATE_LIMITED');
      // Other addresses are not affected.
      expect(code(await login(small, 'ghost-elsewhere', 'x', from('192.0.2.41')))).toBe('UNAUTHENTICATED');
      expect(code(await login(small, 'student030', 'demo1234', from('192.0.2.41')))).toBe('OK');
    });

    it('counts wrong passwords of known usernames as unknown usernames (how soon it refuses tells nothing)', async () => {
      for (let i = 0; i < 5; i++) expect(code(await login(small, `student${String(31 + i).padStart(3, '0')}`, 'wrong', from('192.0.2.50')))).toBe('UNAUTHENTICATED');
      expect(code(await login(small, 'ghost-after-wrong', 'x', from('192.0.2.50')))).toBe('RATE_LIMITED');
    });

    it('does not count good logins: a school signing in together is never refused', async () => {
      for (let i = 0; i < 12; i++) expect(code(await login(small, `student${String(40 + i).padStart(3, '0')}`, 'demo1234', from('192.0.2.60')))).toBe('OK');
      for (let i = 0; i < 5; i++) expect(code(await login(small, `ghost-school-${i}`, 'x', from('192.0.2.60')))).toBe('UNAUTHENTICATED');
      expect(code(await login(small, 'ghost-school-5', 'x', from('192.0.2.60')))).toBe('RATE_LIMITED');
    });
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
      unknown.push(await timed(() => login(t, `ghost-${i}`, 'wrong-password', from('192.0.2.70'))));
      wrong.push(await timed(() => login(t, `student${120 + i}`, 'wrong-password', from('192.0.2.70'))));
      good.push(await timed(() => login(t, `student${140 + i}`, 'demo1234', from('192.0.2.70'))));
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
