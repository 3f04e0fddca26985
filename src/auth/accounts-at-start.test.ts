import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { testConfig } from '../../test/config.js';
import { DEMO_ADMIN, DEMO_STUDENT_PASSWORD, DEMO_TEACHER_PASSWORD, demoTeacherUsername, demoUsername } from '../../db/seeds/seed.js';
import { startServer } from '../cli/serve.js';
import { createLogger } from '../logger.js';
import { DemoAccountsPresentError, prepareAccounts } from './accounts-at-start.js';
import { hashPassword } from './passwords.js';

const STRONG_SECRET = 'kJ8#qW2$zX9!mN4@pL7%vB1^cR5&tY3*';
const demo = {
  admin: DEMO_ADMIN,
  studentUsernames: Array.from({ length: 5 }, (_, i) => demoUsername(i + 1)),
  studentPassword: DEMO_STUDENT_PASSWORD,
  teacherUsernames: [demoTeacherUsername(1)],
  teacherPassword: DEMO_TEACHER_PASSWORD,
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const production = (env: Record<string, string> = {}) =>
  testConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, HOST: '127.0.0.1', PORT: '0', CACHE_KEY_PREFIX: t.app.config.cache.keyPrefix, ...env });
const silent = createLogger({ logLevel: 'silent', env: 'test' });

describe('accounts at start', () => {
  it('refuses to start in production while the demo accounts open with their demo passwords', async () => {
    const started = startServer(production(), silent, { database: t.databaseOverrides });
    await expect(started).rejects.toBeInstanceOf(DemoAccountsPresentError);
    await expect(started).rejects.toMatchObject({ usernames: expect.arrayContaining(['admin admin', 'student student001', 'student student005', 'teacher teacher01']) });
  });

  it('starts in development with them (the control)', async () => {
    await expect(prepareAccounts(t.app.repositories.auth, testConfig(), demo, silent)).resolves.toBeUndefined();
  });

  it('lets production start once their passwords are changed', async () => {
    const db = t.app.database.db;
    const real = await hashPassword('a real password nobody guesses');
    await db.updateTable('admins').set({ password_hash: real }).where('username', '=', 'admin').execute();
    await db.updateTable('students').set({ password_hash: real }).where('username', 'in', demo.studentUsernames).execute();
    await expect(prepareAccounts(t.app.repositories.auth, production(), demo, silent)).rejects.toMatchObject({ usernames: ['teacher teacher01'] });
    await db.updateTable('teachers').set({ password_hash: real }).where('username', 'in', demo.teacherUsernames).execute();
    await expect(prepareAccounts(t.app.repositories.auth, production(), demo, silent)).resolves.toBeUndefined();
  });

  it('creates the admin named by ADMIN_USERNAME when missing, and never overwrites it', async () => {
    await prepareAccounts(t.app.repositories.auth, testConfig({ ADMIN_USERNAME: 'ops-admin', ADMIN_PASSWORD: 'first admin password' }), demo, silent);
    expect(await t.login('ops-admin', 'first admin password')).toBeTruthy();
    await prepareAccounts(t.app.repositories.auth, testConfig({ ADMIN_USERNAME: 'ops-admin', ADMIN_PASSWORD: 'second admin password' }), demo, silent);
    expect(await t.login('ops-admin', 'first admin password')).toBeTruthy();
  });
});
