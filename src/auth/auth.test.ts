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
    const res = await t.gql(LOGIN, { variables: { u: 'x'.repeat(65), p: 'p' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
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

  it('lets login and health through with a bad token', async () => {
    const res = await t.gql('{ health { status } }', { token: 'garbage' });
    expect(res.data.health.status).toBe('OK');
    const login = await t.gql(LOGIN, { variables: { u: 'student001', p: 'demo1234' }, token: 'garbage' });
    expect(login.data.login.token).toBeTruthy();
  });
});
