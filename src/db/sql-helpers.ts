import { sql, type RawBuilder } from 'kysely';

/** `= any($1::int[])`: one parameter whatever the number of ids, so one statement text per query. */
export function anyInt(ids: readonly number[]): RawBuilder<number> {
  return sql<number>`any(${[...ids]}::int[])`;
}

/** PostgreSQL's unique_violation, e.g. a second open session for one student. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** `= any($1::text[])`, as anyInt for text keys. */
export function anyText(values: readonly string[]): RawBuilder<string> {
  return sql<string>`any(${[...values]}::text[])`;
}
