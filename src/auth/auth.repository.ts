import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { named } from '../db/named.js';
import { anyInt, anyText } from '../db/sql-helpers.js';

export interface Account {
  role: 'STUDENT' | 'ADMIN';
  id: number;
  passwordHash: string;
  tokenVersion: number;
}

export class AuthRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The accounts (admin and/or student) with this username, in one statement. */
  async accountsByUsername(username: string): Promise<Account[]> {
    const admins = this.db
      .selectFrom('admins')
      .select([sql<'ADMIN' | 'STUDENT'>`'ADMIN'`.as('role'), 'id', 'password_hash', 'token_version'])
      .where('username', '=', username);
    const students = this.db
      .selectFrom('students')
      .select([sql<'ADMIN' | 'STUDENT'>`'STUDENT'`.as('role'), 'id', 'password_hash', 'token_version'])
      .where('username', '=', username);
    const rows = await named('auth.accountsByUsername', admins.unionAll(students)).execute();
    return rows.map((r) => ({ role: r.role, id: r.id, passwordHash: r.password_hash, tokenVersion: r.token_version }));
  }

  /** The account a token names, with what a password change needs; undefined once deleted. */
  async accountById(role: 'STUDENT' | 'ADMIN', id: number): Promise<{ username: string; passwordHash: string } | undefined> {
    const table = role === 'STUDENT' ? 'students' : 'admins';
    const row = await named('auth.accountById', this.db.selectFrom(table).select(['username', 'password_hash']).where('id', '=', id)).executeTakeFirst();
    return row && { username: row.username, passwordHash: row.password_hash };
  }

  /** Sets a new password and revokes every token issued so far, in one statement; the new token version. */
  async changePassword(role: 'STUDENT' | 'ADMIN', id: number, passwordHash: string): Promise<number | undefined> {
    const table = role === 'STUDENT' ? 'students' : 'admins';
    const row = await named(
      'auth.changePassword',
      this.db
        .updateTable(table)
        .set((eb) => ({ password_hash: passwordHash, token_version: eb('token_version', '+', 1) }))
        .where('id', '=', id)
        .returning('token_version'),
    ).executeTakeFirst();
    return row?.token_version;
  }

  /** Creates the admin unless one with this username exists; whether it was created. */
  async createAdminIfMissing(username: string, passwordHash: string): Promise<boolean> {
    const rows = await named(
      'auth.createAdminIfMissing',
      this.db.insertInto('admins').values({ username, password_hash: passwordHash }).onConflict((oc) => oc.column('username').doNothing()).returning('id'),
    ).execute();
    return rows.length > 0;
  }

  /** Password hashes of the accounts with these usernames (admins and students), for the demo-account check. */
  async passwordHashes(usernames: readonly string[]): Promise<{ role: 'STUDENT' | 'ADMIN'; username: string; passwordHash: string }[]> {
    const list = anyText(usernames);
    const admins = this.db.selectFrom('admins').select([sql<'ADMIN' | 'STUDENT'>`'ADMIN'`.as('role'), 'username', 'password_hash']).where('username', '=', list);
    const students = this.db.selectFrom('students').select([sql<'ADMIN' | 'STUDENT'>`'STUDENT'`.as('role'), 'username', 'password_hash']).where('username', '=', list);
    const rows = await named('auth.passwordHashes', admins.unionAll(students)).execute();
    return rows.map((r) => ({ role: r.role, username: r.username, passwordHash: r.password_hash }));
  }

  /** Revokes every token of the account issued so far. */
  async bumpTokenVersion(role: 'STUDENT' | 'ADMIN', id: number): Promise<void> {
    const table = role === 'STUDENT' ? 'students' : 'admins';
    await named('auth.bumpTokenVersion', this.db.updateTable(table).set((eb) => ({ token_version: eb('token_version', '+', 1) })).where('id', '=', id)).execute();
  }

  async adminTokenVersions(ids: readonly number[]): Promise<{ id: number; tokenVersion: number }[]> {
    const rows = await named('admins.tokenVersions', this.db.selectFrom('admins').select(['id', 'token_version']).where('id', '=', anyInt(ids))).execute();
    return rows.map((r) => ({ id: r.id, tokenVersion: r.token_version }));
  }
}
