import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { AuthRepository } from './auth.repository.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** The demo accounts the seed creates, as db/seeds/seed.ts defines them (passed in: src does not import the seeds). */
export interface DemoAccounts {
  admin: { username: string; password: string };
  studentUsernames: readonly string[];
  studentPassword: string;
  teacherUsernames: readonly string[];
  teacherPassword: string;
}

export class DemoAccountsPresentError extends Error {
  constructor(readonly usernames: string[]) {
    super(
      `Refusing to start with NODE_ENV=production: demo accounts with their demo passwords are in the database (${usernames.join(', ')}). ` +
        'Delete them or change their passwords first.',
    );
    this.name = 'DemoAccountsPresentError';
  }
}

/**
 * Accounts at start: the admin named by ADMIN_USERNAME / ADMIN_PASSWORD is created when missing
 * (never overwritten: its password changes through changePassword), and in production the
 * server refuses to run while a demo account still opens with its demo password.
 *
 * The demo check is cheap and reliable because the seed always creates `admin` and
 * student001 upwards with one known password each: it verifies those few accounts only (one
 * indexed query, at most a handful of password checks), not every student.
 */
export async function prepareAccounts(repo: AuthRepository, config: Pick<Config, 'env' | 'auth'>, demo: DemoAccounts, logger: Logger): Promise<void> {
  const admin = config.auth.admin;
  if (admin && (await repo.createAdminIfMissing(admin.username, await hashPassword(admin.password)))) {
    logger.info({ username: admin.username }, 'created the administrator named by ADMIN_USERNAME');
  }
  if (config.env !== 'production') return;
  const found = await demoAccountsPresent(repo, demo);
  if (found.length > 0) throw new DemoAccountsPresentError(found);
}

export async function demoAccountsPresent(repo: AuthRepository, demo: DemoAccounts): Promise<string[]> {
  const accounts = await repo.passwordHashes([demo.admin.username, ...demo.studentUsernames, ...demo.teacherUsernames]);
  const open = await Promise.all(
    accounts.map(async (a) => {
      const demoPassword = a.role === 'ADMIN' ? demo.admin.password : a.role === 'TEACHER' ? demo.teacherPassword : demo.studentPassword;
      return a.passwordHash !== null && (await verifyPassword(a.passwordHash, demoPassword)) ? `${a.role.toLowerCase()} ${a.username}` : undefined;
    }),
  );
  return open.filter((name): name is string => name !== undefined);
}
