import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Figures gathered while one GraphQL request runs (request scope). The database and cache layers
 * add to the scope of whatever request their work belongs to; outside a request there is none.
 */
export interface RequestScope {
  sqlStatements: number;
  cacheHits: number;
  cacheMisses: number;
  /** The GraphQL operation's name (or a hash), once Apollo has read the request. */
  operation?: string;
  serverError: boolean;
  clientError: boolean;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function newRequestScope(): RequestScope {
  return { sqlStatements: 0, cacheHits: 0, cacheMisses: 0, serverError: false, clientError: false };
}

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** Enters the scope for the rest of the current async execution (used from Apollo's request hooks). */
export function enterRequestScope(scope: RequestScope): void {
  storage.enterWith(scope);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
