import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { named } from '../db/named.js';
import { anyInt, anyText } from '../db/sql-helpers.js';

export type AccountRole = 'STUDENT' | 'TEACHER' | 'ADMIN';

export interface Account {
  role: AccountRole;
  id: number;
  /** Null for a child who signs in with pictures only. */
  passwordHash: string | null;
  tokenVersion: number;
}

const tableOf = { STUDENT: 'students', TEACHER: 'teachers', ADMIN: 'admins' } as const;

export class AuthRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The accounts (admin, teacher and/or student) with this username, in one statement. */
  async accountsByUsername(username: string): Promise<Account[]> {
    const of = (role: AccountRole) =>
      this.db
        .selectFrom(tableOf[role])
        .select([sql<AccountRole>`${sql.lit(role)}`.as('role'), 'id', 'password_hash', 'token_version'])
        .where('username', '=', username);
    const rows = await named('auth.accountsByUsername', of('ADMIN').unionAll(of('TEACHER')).unionAll(of('STUDENT'))).execute();
    return rows.map((r) => ({ role: r.role, id: r.id, passwordHash: r.password_hash, tokenVersion: r.token_version }));
  }

  /** The account a token names, with what a password change needs; undefined once deleted. */
  async accountById(role: AccountRole, id: number): Promise<{ username: string; passwordHash: string | null } | undefined> {
    const row = await named('auth.accountById', this.db.selectFrom(tableOf[role]).select(['username', 'password_hash']).where('id', '=', id)).executeTakeFirst();
    return row && { username: row.username, passwordHash: row.password_hash };
  }

  /** Sets a new password and revokes every token issued so far, in one statement; the new token version. */
  async changePassword(role: AccountRole, id: number, passwordHash: string): Promise<number | undefined> {
    const row = await named(
      'auth.changePassword',
      role === 'TEACHER'
        ? this.db
            .updateTable('teachers')
            .set((eb) => ({ password_hash: passwordHash, must_change_password: false, token_version: eb('token_version', '+', 1) }))
            .where('id', '=', id)
            .returning('token_version')
        : this.db
            .updateTable(tableOf[role])
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

  /** Password hashes of the accounts with these usernames (every role), for the demo-account check. */
  async passwordHashes(usernames: readonly string[]): Promise<{ role: AccountRole; username: string; passwordHash: string | null }[]> {
    const list = anyText(usernames);
    const of = (role: AccountRole) => this.db.selectFrom(tableOf[role]).select([sql<AccountRole>`${sql.lit(role)}`.as('role'), 'username', 'password_hash']).where('username', '=', list);
    const rows = await named('auth.passwordHashes', of('ADMIN').unionAll(of('TEACHER')).unionAll(of('STUDENT'))).execute();
    return rows.map((r) => ({ role: r.role, username: r.username, passwordHash: r.password_hash }));
  }

  /** Revokes every token of the account issued so far. */
  async bumpTokenVersion(role: AccountRole, id: number): Promise<void> {
    await named('auth.bumpTokenVersion', this.db.updateTable(tableOf[role]).set((eb) => ({ token_version: eb('token_version', '+', 1) })).where('id', '=', id)).execute();
  }

  /** A child of the class with this code, for picture sign-in: its picture hash and token version. */
  async childForPictures(classCode: string, studentId: number): Promise<{ pictureHash: string | null; tokenVersion: number } | undefined> {
    const row = await named(
      'auth.childForPictures',
      this.db
        .selectFrom('students as s')
        .innerJoin('classrooms as c', 'c.id', 's.classroom_id')
        .select(['s.picture_hash', 's.token_version'])
        .where('c.class_code', '=', classCode)
        .where('s.id', '=', studentId),
    ).executeTakeFirst();
    return row && { pictureHash: row.picture_hash, tokenVersion: row.token_version };
  }

  async adminTokenVersions(ids: readonly number[]): Promise<{ id: number; tokenVersion: number }[]> {
    const rows = await named('admins.tokenVersions', this.db.selectFrom('admins').select(['id', 'token_version']).where('id', '=', anyInt(ids))).execute();
    return rows.map((r) => ({ id: r.id, tokenVersion: r.token_version }));
  }
}
