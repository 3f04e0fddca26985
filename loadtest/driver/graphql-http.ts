import { Pool } from 'undici';
import { now } from '../measure/recorder.js';
import type { Operation } from './operations.js';

/**
 * GraphQL over HTTP POST on a pool of keep-alive connections (undici: the least CPU per request
 * of the Node clients, which matters when the load generator shares two cores with the server).
 */
export type GqlOutcome<T = any> =
  | { ok: true; ms: number; at: number; data: T }
  | { ok: false; ms: number; at: number; kind: string; message: string; retryable: boolean; retryAfterSeconds?: number };

/**
 * How requests are spread over several instances: each to the next (round-robin), or each
 * student's to one instance (student: by its token, as a load balancer hashing the Authorization
 * header does, e.g. nginx's `hash ... consistent` in compose.yaml; a request with no token goes to
 * the next). With student, an instance's in-process cache holds its own students' entries.
 */
export const ROUTES = ['round-robin', 'student'] as const;
export type Route = (typeof ROUTES)[number];

export interface GraphQLHttpOptions {
  connections: number;
  timeoutMs: number;
  route?: Route;
}

/** FNV-1a of a string: a cheap, stable spread of tokens over instances. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface GraphQLBody {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
}

export class GraphQLHttp {
  private readonly targets: { pool: Pool; path: string }[];
  private next = 0;
  private readonly byStudent: boolean;

  /** `url` may list several instances, comma-separated: requests then go to each in turn. */
  constructor(url: string, options: GraphQLHttpOptions) {
    const urls = url.split(',').map((u) => new URL(u.trim()));
    this.byStudent = options.route === 'student' && urls.length > 1;
    this.targets = urls.map((u) => ({
      path: `${u.pathname}${u.search}`,
      pool: new Pool(u.origin, {
        connections: Math.max(1, Math.ceil(options.connections / urls.length)),
        pipelining: 1,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        keepAliveTimeout: 60_000,
      }),
    }));
  }

  async post<T = any>(query: string, variables: Record<string, unknown> | undefined, token?: string): Promise<GqlOutcome<T>> {
    const started = now();
    const failed = (kind: string, message: string, retryable: boolean, retryAfterSeconds?: number): GqlOutcome<T> => {
      const at = now();
      return { ok: false, ms: at - started, at, kind, message, retryable, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) };
    };
    let status: number;
    let text: string;
    try {
      const target = this.targets[(this.byStudent && token ? hashOf(token) : this.next++) % this.targets.length]!;
      const res = await target.pool.request({
        path: target.path,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(variables ? { query, variables } : { query }),
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).name;
      const timeout = /TIMEOUT/i.test(code);
      // Whether the server applied the request is unknown: the client may retry (with the same idempotency key).
      return failed(timeout ? 'timeout' : `network ${code}`, (error as Error).message, true);
    }
    let body: GraphQLBody | undefined;
    try {
      body = JSON.parse(text) as GraphQLBody;
    } catch {
      return failed(`HTTP ${status}`, text.slice(0, 200), status >= 500);
    }
    const first = body.errors?.[0];
    if (first) {
      const code = first.extensions?.code ?? 'NO_CODE';
      const retryable = status >= 500 || code === 'SERVICE_UNAVAILABLE' || code === 'RATE_LIMITED';
      return failed(status === 200 ? `GraphQL ${code}` : `HTTP ${status} ${code}`, first.message ?? '', retryable, first.extensions?.retryAfterSeconds);
    }
    if (status !== 200 || body.data === undefined || body.data === null) return failed(`HTTP ${status}`, text.slice(0, 200), status >= 500);
    const at = now();
    return { ok: true, ms: at - started, at, data: body.data as T };
  }

  /** Sends one of the typed operations: its variables and result are checked by the compiler. */
  send<R, V>(operation: Operation<R, V>, variables: V, token?: string): Promise<GqlOutcome<R>> {
    return this.post<R>(operation.text, variables as Record<string, unknown>, token);
  }

  async close(): Promise<void> {
    await Promise.all(this.targets.map((t) => t.pool.close()));
  }
}
