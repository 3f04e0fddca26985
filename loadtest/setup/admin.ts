import { DEMO_ADMIN } from '../../db/seeds/seed.js';
import { GraphQLHttp } from '../driver/graphql-http.js';
import { operations } from '../driver/operations.js';

/**
 * An administrator's connection, for what only an admin may read: the answer key before a run and
 * the monitoring figures after it. ADMIN_USERNAME and ADMIN_PASSWORD override the demo admin.
 */
export interface AdminSession {
  http: GraphQLHttp;
  token: string;
  close(): Promise<void>;
}

export async function signInAdmin(url: string, credentials: { username?: string | undefined; password?: string | undefined } = {}): Promise<AdminSession> {
  const http = new GraphQLHttp(url, { connections: 1, timeoutMs: 30_000 });
  const username = credentials.username ?? DEMO_ADMIN.username;
  const r = await http.send(operations.login, { username, password: credentials.password ?? DEMO_ADMIN.password });
  if (!r.ok) {
    await http.close();
    throw new Error(`admin login as ${username} failed: ${r.kind} ${r.message}`);
  }
  return { http, token: r.data.login.token, close: () => http.close() };
}
