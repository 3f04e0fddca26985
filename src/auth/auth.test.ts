import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token role student { username level } } }';
const ME = '{ me { username } }';

describe('login', () => {
  it('signs in a student and an admin', async () => {
    const student = await t.gql(LOGIN, { variables: { u: 'student001', p: 'demo1234' } });
    expect(student.data.login.role).toBe('STUDENT');
    expect(student.data.login.student).toEqual({ username: 'student001', level: 'CP' });
    const me = await t.gql(ME, { token: student.data.login.token });
    expect(me.data.me.username).toBe('student001');

    const admin = await t.gql(LOGIN, { variables: { u: 'ADMIN ', p: 'admin1234' } });
    expect(admin.data.login).toMatchObject({ role: 'ADMIN', student: null });
    expect((await t.gql(ME, { token: admin.data.login.token })).data.me).toBeNull();
  });

  it('sets lastActiveAt on login', async () => {
    const id = await t.studentId('student002');
    t.clock.set('2026-09-01T08:00:00Z');
    await t.login('student002');
    const row = await t.app.database.db.selectFrom('students').select('last_active_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.last_active_at?.toISOString()).toBe('2026-09-01T08:00:00.000Z');
    t.clock.set(new Date());
  });

  it('says the same thing for a wrong password and an unknown username', async () => {
    const wrong = await t.gql(LOGIN, { variables: { u: 'student001', p: 'nope' } });
    const unknown = await t.gql(LOGIN, { variables: { u: 'nobody', p: 'nope' } });
    expect(wrong.data).toBeNull();
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
  });

  it('rejects out-of-bounds credentials as BAD_USER_INPUT', async () => {
    for (const u of ['x'.repeat(65), '', 'stu\u0000dent001', 'student\udc00']) {
      const res = await t.gql(LOGIN, { variables: { u, p: 'p' } });
      expect(res.errors?.[0]?.extensions, JSON.stringify(u)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
    }
    const long = await t.gql(LOGIN, { variables: { u: 'student001', p: 'p'.repeat(257) } });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });
});

describe('tokens', () => {
  const forge = (secret: string, claims: Record<string, unknown>, alg = 'HS256') =>
    new SignJWT(claims).setProtectedHeader({ alg }).setSubject(String(claims.sub ?? '1')).setIssuedAt().setIssuer('reved-kids-api').setAudience('reved-kids').setExpirationTime('1h').sign(new TextEncoder().encode(secret));

  it('refuses a token signed with another secret, a tampered one, alg none and garbage', async () => {
    const good = await t.login('student003');
    const [h, p, s] = good.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: '4' })).toString('base64url')}.${s}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const other = await forge('another-secret-that-is-long-enough-xx', { role: 'ADMIN', ver: 0 });
    for (const token of [tampered, none, other, 'garbage']) {
      const res = await t.gql(ME, { token });
      expect(res.errors?.[0]?.extensions?.code, token).toBe('UNAUTHENTICATED');
      expect(res.data?.me ?? null).toBeNull();
    }
  });

  it('refuses an expired token and one whose version was revoked', async () => {
    const expired = await new SignJWT({ role: 'STUDENT', ver: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(await t.studentId('student004')))
      .setIssuer('reved-kids-api')
      .setAudience('reved-kids')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256'));
    const res = await t.gql(ME, { token: expired });
    expect(res.errors?.[0]?.message).toMatch(/expired/);

    const token = await t.login('student005');
    const other = await t.login('student005');
    expect((await t.gql(ME, { token })).data.me.username).toBe('student005');
    expect((await t.gql('mutation { logout }', { token: other })).data.logout).toBe(true);
    const revoked = await t.gql(ME, { token });
    expect(revoked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(revoked.errors?.[0]?.message).toMatch(/revoked/);
  });

  it('refuses tokens signed with the right secret but a missing or wrong claim, or another algorithm', async () => {
    const secret = new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256');
    const id = String(await t.studentId('student006'));
    const now = Math.floor(Date.now() / 1000);
    const build = (claims: Record<string, unknown>, alg = 'HS256') => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg });
      return jwt.sign(secret);
    };
    const full = { sub: id, role: 'STUDENT', ver: 0, iat: now, exp: now + 3600, iss: 'reved-kids-api', aud: 'reved-kids' };
    const without = (k: keyof typeof full) => Object.fromEntries(Object.entries(full).filter(([key]) => key !== k));
    expect((await t.gql(ME, { token: await build(full) })).data.me.username).toBe('student006'); // the control: this one is good
    const bad = {
      'no exp': await build(without('exp')),
      'no iat': await build(without('iat')),
      'no sub': await build(without('sub')),
      'no role': await build(without('role')),
      'no ver': await build(without('ver')),
      'unknown role': await build({ ...full, role: 'TEACHER' }),
      'role ADMIN for a student id': await build({ ...full, role: 'ADMIN', sub: '999999' }),
      'sub not a number': await build({ ...full, sub: '1 or 1=1' }),
      'sub of no account': await build({ ...full, sub: '99999999' }),
      'other issuer': await build({ ...full, iss: 'someone-else' }),
      'other audience': await build({ ...full, aud: 'another-app' }),
      'not yet valid': await build({ ...full, nbf: now + 3600 }),
      HS512: await build(full, 'HS512'),
      HS384: await build(full, 'HS384'),
      'older token version': await build({ ...full, ver: -1 }),
    };
    for (const [what, token] of Object.entries(bad)) {
      const res = await t.gql(ME, { token });
      expect(res.errors?.[0]?.extensions?.code, what).toBe('UNAUTHENTICATED');
      expect(res.data?.me ?? null, what).toBeNull();
    }
  });

  it('refuses claims out of range (ids and versions past PostgreSQL\'s integer, unknown roles) before they reach the database', async () => {
    const secret = new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256');
    const now = Math.floor(Date.now() / 1000);
    const full = { sub: String(await t.studentId('student009')), role: 'STUDENT', ver: 0, iat: now, exp: now + 3600, iss: 'reved-kids-api', aud: 'reved-kids' };
    const build = (claims: Record<string, unknown>) => new SignJWT({ ...full, ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    expect((await t.gql(ME, { token: await build({}) })).data.me.username).toBe('student009'); // the control
    const bad: Record<string, Record<string, unknown>> = {
      'sub of 11 digits': { sub: '99999999999' },
      'sub past int32': { sub: '2147483648' },
      'admin sub of 11 digits': { sub: '99999999999', role: 'ADMIN' },
      'admin sub past int32': { sub: '2147483648', role: 'ADMIN' },
      'sub 0': { sub: '0' },
      'sub with a leading zero': { sub: `0${full.sub}` },
      'sub a number, not text': { sub: Number(full.sub) },
      'ver past int32': { ver: 2 ** 31 },
      'ver not an integer': { ver: 0.5 },
      'ver as text': { ver: '0' },
      'role ANONYMOUS': { role: 'ANONYMOUS' },
      'role in lower case': { role: 'student' },
    };
    const ADMIN_FIELD = '{ students(first: 1) { totalCount } }';
    for (const [what, claims] of Object.entries(bad)) {
      const token = await build(claims);
      for (const query of [ME, ADMIN_FIELD]) {
        const res = await t.gql(query, { token });
        expect(res.status, what).toBe(200);
        expect(res.errors?.[0]?.extensions?.code, `${what}: ${res.body}`).toBe('UNAUTHENTICATED');
        expect(res.errors?.[0]?.message, what).toMatch(/Sign in again/);
      }
    }
  });

  it('refuses a token issued in the future, past a minute of clock skew', async () => {
    const secret = new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256');
    const now = Math.floor(Date.now() / 1000);
    const id = String(await t.studentId('student010'));
    const issuedAt = (iat: number) =>
      new SignJWT({ role: 'STUDENT', ver: 0 }).setProtectedHeader({ alg: 'HS256' }).setSubject(id).setIssuer('reved-kids-api').setAudience('reved-kids').setIssuedAt(iat).setExpirationTime(iat + 3600).sign(secret);
    for (const [what, iat] of [['a year ahead', now + 365 * 86_400], ['an hour ahead', now + 3600], ['two minutes ahead', now + 120]] as const) {
      const res = await t.gql(ME, { token: await issuedAt(iat) });
      expect(res.errors?.[0]?.extensions?.code, what).toBe('UNAUTHENTICATED');
      expect(res.data?.me ?? null, what).toBeNull();
    }
    // Another instance's clock a little ahead is no reason to refuse.
    expect((await t.gql(ME, { token: await issuedAt(now + 30) })).data.me.username).toBe('student010');
  });

  it('lets login and health through with a bad token', async () => {
    const res = await t.gql('{ health { status } }', { token: 'garbage' });
    expect(res.data.health.status).toBe('OK');
    const login = await t.gql(LOGIN, { variables: { u: 'student001', p: 'demo1234' }, token: 'garbage' });
    expect(login.data.login.token).toBeTruthy();
  });
});

describe('changePassword', () => {
  const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token role student { username } } }';

  it('replaces the password, revokes every older token at once, and returns a working one', async () => {
    const token = await t.login('student007');
    const elsewhere = await t.login('student007');
    expect((await t.gql(ME, { token: elsewhere })).data.me.username).toBe('student007'); // its profile is now cached

    const res = await t.gql(CHANGE, { token, variables: { c: 'demo1234', n: 'a better password' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.changePassword).toMatchObject({ role: 'STUDENT', student: { username: 'student007' } });
    const fresh = res.data.changePassword.token;

    for (const old of [token, elsewhere]) {
      const refused = await t.gql(ME, { token: old });
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0]?.message).toMatch(/revoked/);
    }
    expect((await t.gql(ME, { token: fresh })).data.me.username).toBe('student007');
    expect((await t.gql(LOGIN, { variables: { u: 'student007', p: 'demo1234' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOGIN, { variables: { u: 'student007', p: 'a better password' } })).data.login.token).toBeTruthy();
  });

  it('works for an admin too', async () => {
    const token = await t.login('admin');
    const res = await t.gql(CHANGE, { token, variables: { c: 'admin1234', n: 'admin password two' } });
    expect(res.data.changePassword).toMatchObject({ role: 'ADMIN', student: null });
    expect((await t.gql('{ students(first: 1) { totalCount } }', { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ students(first: 1) { totalCount } }', { token: res.data.changePassword.token })).data.students.totalCount).toBeGreaterThan(0);
    await t.gql(CHANGE, { token: res.data.changePassword.token, variables: { c: 'admin password two', n: 'admin1234' } });
  });

  it('refuses a wrong current password, a new one out of bounds or unchanged, naming the field, and changes nothing', async () => {
    const token = await t.login('student008');
    const cases: [Record<string, string>, string][] = [
      [{ c: 'not-it', n: 'long enough password' }, 'currentPassword'],
      [{ c: 'demo1234', n: 'short' }, 'newPassword'],
      [{ c: 'demo1234', n: 'x'.repeat(257) }, 'newPassword'],
      [{ c: 'demo1234', n: 'demo1234' }, 'newPassword'],
      [{ c: '', n: 'long enough password' }, 'currentPassword'],
    ];
    for (const [variables, field] of cases) {
      const res = await t.gql(CHANGE, { token, variables });
      expect(res.data, field).toBeNull();
      expect(res.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await t.gql(ME, { token })).data.me.username).toBe('student008'); // not revoked
    expect((await t.gql(LOGIN, { variables: { u: 'student008', p: 'demo1234' } })).data.login.token).toBeTruthy();
  });

  it('needs a valid token', async () => {
    const res = await t.gql(CHANGE, { variables: { c: 'demo1234', n: 'long enough password' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
