import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Figures gathered while one GraphQL request runs (request scope), handed explicitly to what adds
 * to them: the request's repositories count its SQL statements (countStatements), its view of the
 * cache counts hits and misses, and Apollo's plugin notes the operation and its errors.
 *
 * Explicit on purpose: an AsyncLocalStorage would find the scope by itself, but on Node 20 it
 * installs promise hooks that slow every request (docs/performance.md, "Measurements behind the code").
 */
export interface RequestScope {
  sqlStatements: number;
  cacheHits: number;
  cacheMisses: number;
  /** The GraphQL operation's name (or a hash), once Apollo has read the request. */
  operation?: string;
  serverError: boolean;
  clientError: boolean;
  /** Called once the response is written or its connection is gone (gives back the viewer's slot). */
  afterResponse?: () => void;
}

export function newRequestScope(): RequestScope {
  return { sqlStatements: 0, cacheHits: 0, cacheMisses: 0, serverError: false, clientError: false };
}

/** A Kysely plugin counting the statements a request's queries send (transaction control aside). */
export function countStatements(scope: RequestScope): KyselyPlugin {
  return {
    // Counted as the query is compiled to be sent, so a statement that fails is counted too.
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      scope.sqlStatements++;
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
}
