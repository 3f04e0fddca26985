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
 * decode to the expected shape is BAD_USER_INPUT, never a server error.
 */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The error for a cursor this API did not give out (or one that no longer makes sense). */
export function badCursor(field = 'after'): BadUserInputError {
  return new BadUserInputError(`${field} is not a cursor this list gave out.`, field);
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number' | 'string?')[], field = 'after'): (string | number | null)[] {
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
    const v = parsed[i];
    const ok = kind === 'number' ? Number.isSafeInteger(v) : kind === 'string' ? typeof v === 'string' : v === null || typeof v === 'string';
    if (!ok) throw bad();
  });
  return parsed;
}

/** A database id from a GraphQL ID argument; anything else is BAD_USER_INPUT naming the field. */
export function parseId(value: string | number, field: string): number {
  const s = String(value);
  if (!/^[1-9][0-9]{0,9}$/.test(s) || Number(s) > 2_147_483_647) {
    throw new BadUserInputError(`${field} must be an id, as given by this API.`, field);
  }
  return Number(s);
}
