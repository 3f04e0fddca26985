import { sql, type Expression } from 'kysely';

/**
 * Gives a query a stable name, sent as a trailing SQL comment so that it shows up in traces
 * (db.statement), in PostgreSQL's logs and in the slow-query report. Names are `domain.what`.
 */
export function named<T extends { modifyEnd(modifier: Expression<any>): T }>(name: string, query: T): T {
  if (!/^[a-z][A-Za-z0-9_.]*$/.test(name)) throw new Error(`bad query name ${name}`);
  return query.modifyEnd(sql.raw(` /* q:${name} */`));
}

const marker = '/* q:';

/** The name given by `named`, read back from compiled SQL. */
export function queryName(sqlText: string): string | undefined {
  const at = sqlText.lastIndexOf(marker);
  if (at < 0) return undefined;
  const end = sqlText.indexOf(' */', at);
  return end < 0 ? undefined : sqlText.slice(at + marker.length, end);
}
