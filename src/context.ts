import type { RequestScope } from './request-scope.js';
import type { Viewer } from './viewer.js';

/**
 * What a resolver gets for one request (request scope): who is asking, this request's loaders and
 * repositories, the process's services, and the request's own figures. The kernel's part is here;
 * each domain adds its own loaders, repository and service to these interfaces where it defines
 * them (declaration merging: `declare module '../context.js'`), so this file imports no domain and
 * no domain imports the composition root. request-context.ts builds one per request; app.ts builds
 * the services and repositories, and the compiler checks each provides every member declared.
 */
export interface Context {
  viewer: Viewer;
  /** This request's DataLoaders (fresh per request). */
  loaders: Loaders;
  /** This request's repositories on the primary database (writes, and reads that must be fresh). */
  repositories: Repositories;
  /** The process's services: shared by all requests, no per-request state. */
  services: Services;
  /** This request's figures for monitoring (SQL statements, cache hits, its operation). */
  scope: RequestScope;
  requestId: string;
  /** List items times fields this request's response holds so far (limits/response-budget.ts). */
  responseNodes: number;
  /** The client's address (the proxy's X-Forwarded-For when TRUST_PROXY says to believe it): what limits per address key on. */
  clientAddress: string;
}

/* eslint-disable @typescript-eslint/no-empty-object-type -- filled in by the domains (see above) */
export interface Loaders {}
export interface Repositories {}
export interface Services {}
