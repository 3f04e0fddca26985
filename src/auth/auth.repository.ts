import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { named } from '../db/named.js';
import { anyInt } from '../db/sql-helpers.js';

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
