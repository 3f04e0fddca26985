import pg from 'pg';

/** A connection to the server's maintenance database, for creating and dropping test databases. */
export function adminPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 2 });
}

export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
