import { Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../errors.js';

@ObjectType({ description: 'Where a page of a list stands.', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

/**
 * Cursors are opaque to clients: base64url of a JSON array of the sort key. A cursor that does not
 * decode to the expected shape is BAD_USER_INPUT, never a server error: every part is checked to be
 * what this API gives out (an id PostgreSQL's integer holds, an instant it can store) before it
 * reaches a query, so a forged cursor is refused here rather than failing in PostgreSQL.
 */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The error for a cursor this API did not give out (or one that no longer makes sense). */
export function badCursor(field = 'after'): BadUserInputError {
  return new BadUserInputError(`${field} is not a cursor this list gave out.`, field);
}

/**
 * What one part of a cursor holds: a database id, an instant (ISO-8601 text as `toISOString`
 * writes it), or an instant or null (rows with no time sort last).
 */
export type CursorPart = 'id' | 'time' | 'time?';
type CursorValue<P extends CursorPart> = P extends 'id' ? number : P extends 'time' ? string : string | null;

export function decodeCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S, field = 'after'): { -readonly [K in keyof S]: CursorValue<S[K]> } {
  const bad = () => badCursor(field);
  if (cursor.length > 200) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length) throw bad();
  shape.forEach((kind, i) => {
    const v: unknown = parsed[i];
    const ok = kind === 'id' ? isDatabaseId(v) : kind === 'time' ? isCursorTime(v) : v === null || isCursorTime(v);
    if (!ok) throw bad();
  });
  return parsed as { -readonly [K in keyof S]: CursorValue<S[K]> };
}

/** PostgreSQL's `integer`: every id and counter column of this schema. */
export const INT32_MAX = 2_147_483_647;

/** Whether a value is an id a row of this database can have (a positive `integer`). */
export function isDatabaseId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= INT32_MAX;
}

/** The id a text names (digits, no sign or leading zero, within `integer`), or undefined. */
export function databaseIdOf(text: string): number | undefined {
  return /^[1-9][0-9]{0,9}$/.test(text) && Number(text) <= INT32_MAX ? Number(text) : undefined;
}

// Instants a cursor may carry: years 1970 to 9999, all of which toISOString writes in its 24-
// character form and PostgreSQL's timestamptz stores (a forged '0000-...' or '-infinity' is not one).
const MIN_CURSOR_TIME = Date.UTC(1970, 0, 1);
const MAX_CURSOR_TIME = Date.UTC(10_000, 0, 1) - 1;

/**
 * Whether a value is an instant as this API writes it. Text that Date.parse merely accepts is not
 * enough: it takes '2024-02-30' (as 1 March) and '1', which PostgreSQL refuses or reads otherwise.
 */
function isCursorTime(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 24) return false;
  const ms = Date.parse(value);
  return ms >= MIN_CURSOR_TIME && ms <= MAX_CURSOR_TIME && new Date(ms).toISOString() === value;
}

/** A database id from a GraphQL ID argument; anything else is BAD_USER_INPUT naming the field. */
export function parseId(value: string | number, field: string): number {
  const id = databaseIdOf(String(value));
  if (id === undefined) throw new BadUserInputError(`${field} must be an id, as given by this API.`, field);
  return id;
}
