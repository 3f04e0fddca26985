import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.js';
import { ErrorCode } from '../errors.js';
import { recordRequest } from '../telemetry/instruments.js';
import type { RequestScope } from '../request-scope.js';
import { operationName, type MonitoringService } from './monitoring.service.js';

const SERVER_CODES = new Set<unknown>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SERVICE_UNAVAILABLE]);

/** Names the operation and sorts its errors (server or client) into the request scope. */
export function metricsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const scope = contextValue?.scope;
      return {
        async didResolveOperation({ operationName: resolved }) {
          if (scope && resolved) scope.operation = resolved.slice(0, 100);
        },
        async willSendResponse({ request, response }) {
          if (!scope) return;
          // Named by the document when it resolved; else by the request (a hash when anonymous).
          scope.operation ??= operationName(request.operationName, request.query);
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) {
            if (SERVER_CODES.has(e.extensions?.code)) scope.serverError = true;
            else scope.clientError = true;
          }
        },
      };
    },
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    requestScope: RequestScope | null;
  }
}

/**
 * Times every GraphQL request from its arrival to its response (what a client measures, less the
 * network) and records it, once the response is sent: in the monitoring windows and, when
 * telemetry is on, as OpenTelemetry metrics.
 */
export function recordRequests(fastify: FastifyInstance, monitoring: MonitoringService): void {
  fastify.decorateRequest('requestScope', null);
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || request.method === 'OPTIONS') return;
    const scope = request.requestScope;
    // A GET answered with the Sandbox page is not an operation; a request refused before Apollo
    // saw it (body too large, bad content type) is.
    if (!scope?.operation && reply.statusCode < 400) return;
    const serverError = reply.statusCode >= 500 || scope?.serverError === true;
    const clientError = !serverError && (reply.statusCode >= 400 || scope?.clientError === true);
    const operation = scope?.operation ?? '(refused)';
    const durationMs = reply.elapsedTime;
    const sql = scope?.sqlStatements ?? 0;
    monitoring.record({ operation, durationMs, serverError, clientError, sqlStatements: sql, cacheHits: scope?.cacheHits ?? 0, cacheMisses: scope?.cacheMisses ?? 0 });
    recordRequest(operation, durationMs, serverError ? 'server_error' : clientError ? 'client_error' : 'ok', sql);
  });
}
