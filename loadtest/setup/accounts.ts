import { sql } from 'kysely';
import { DEMO_STUDENT_PASSWORD, demoUsername, seed } from '../../db/seeds/seed.js';
import { GraphQLHttp } from '../driver/graphql-http.js';
import { operations } from '../driver/operations.js';
import type { StudentAccount } from '../driver/virtual-student.js';
import { SetupError, type Target } from './target.js';

/**
 * The first `count` demo students (student001...), with their ids (the integrity check needs them
 * before the run). Missing ones are seeded when the server runs in this process. With `tokens`,
 * each gets a token made beforehand: signed directly when the secret is known (thousands of
 * argon2 logins would take minutes and measure only hashing), else by logging in.
 */
export async function demoStudents(target: Target, count: number, options: { tokens: boolean }): Promise<StudentAccount[]> {
  const db = target.db;
  if (!db) throw new SetupError('the database behind TARGET_URL is needed (lost or doubled answers are checked there): set DATABASE_URL to it');
  const usernames = Array.from({ length: count }, (_, i) => demoUsername(i + 1));
  const find = () =>
    db.selectFrom('students').select(['id', 'username', 'token_version']).where('username', '=', sql<string>`any(${usernames}::text[])`).orderBy('username').execute();
  let rows = await find();
  if (rows.length < count && target.ours) {
    console.error(`seeding demo students up to ${count}...`);
    await seed(db, { students: count, history: false, accounts: true, production: target.app?.config.env === 'production' });
    rows = await find();
  }
  if (rows.length < count) throw new SetupError(`only ${rows.length} of the ${count} demo students exist: run \`npm run db:seed -- --students ${count}\` against that database`);

  const accounts: StudentAccount[] = rows.map((r) => ({ id: r.id, username: r.username, password: DEMO_STUDENT_PASSWORD, token: null }));
  if (!options.tokens) return accounts;
  const issuer = target.tokens;
  if (issuer) {
    await Promise.all(accounts.map(async (a, i) => (a.token = await issuer.sign({ role: 'STUDENT', studentId: a.id, tokenVersion: rows[i]!.token_version }))));
    return accounts;
  }
  await logInAll(target.url, accounts);
  return accounts;
}

/** Logs every account in through the API, four at a time (the default argon2 thread pool). */
async function logInAll(url: string, accounts: StudentAccount[]): Promise<void> {
  console.error(`logging ${accounts.length} students in (set JWT_SECRET to the server's to skip this)...`);
  const http = new GraphQLHttp(url, { connections: 4, timeoutMs: 30_000 });
  let next = 0;
  const worker = async () => {
    for (let a = accounts[next++]; a; a = accounts[next++]) {
      const r = await http.send(operations.login, { username: a.username, password: a.password });
      if (!r.ok) throw new Error(`login ${a.username} failed: ${r.kind} ${r.message}`);
      a.token = r.data.login.token;
    }
  };
  try {
    await Promise.all([worker(), worker(), worker(), worker()]);
  } finally {
    await http.close();
  }
}
