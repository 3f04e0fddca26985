import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { App } from './app.js';
import { createContext, type Context } from './context.js';
import { compiledExecution } from './execution.js';
import { AppError, ErrorCode, isDatabaseUnavailable, isUncodedRequestError, ServiceUnavailableError, variableErrorField } from './errors.js';
import { solutionGuard } from './exercises/solution-guard.js';
import type { Logger } from './logger.js';
import { metricsPlugin, recordRequests } from './monitoring/metrics.plugin.js';
import { OperationCoster } from './limits/cost.js';
import { requestLimitsPlugin } from './limits/limits.plugin.js';
import { ViewerGate } from './limits/viewer-gate.js';
import { operationLimits, registerRequestLimits } from './operation-limits.js';
import { newRequestScope } from './telemetry/request-scope.js';
import { telemetryState } from './telemetry/state.js';

export const BODY_LIMIT_BYTES = 100_000;
/** How often Node looks for requests past their timeouts (its default, 30 s, would let a slow body live twice as long). */
export const HTTP_TIMEOUT_CHECK_MS = 1_000;

export interface Server {
  fastify: FastifyInstance;
  apollo: ApolloServer<Context>;
  /** Readiness goes 503 first, in-flight requests finish, then the app (pool, cache) closes. */
  close(): Promise<void>;
  isDraining(): boolean;
}

/** Apollo Server on Fastify, with error masking, the request scope and the health routes. */
export async function createServer(app: App, schema: GraphQLSchema): Promise<Server> {
  const { config, logger } = app;
  const fastify = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    trustProxy: config.http.trustProxy,
    // A client must send its whole request within requestTimeout (a slow body is cut, 408), its
    // headers within headersTimeout; Node checks both every connectionsCheckingInterval, so a slow
    // body is cut at most that much later. See docs/security.md.
    requestTimeout: config.http.requestTimeoutMs,
    connectionTimeout: config.http.idleTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    http: { headersTimeout: config.http.headersTimeoutMs, connectionsCheckingInterval: HTTP_TIMEOUT_CHECK_MS },
  });
  let draining = false;
  /** GraphQL requests being worked on, whether or not their client is still there. */
  let inflight = 0;
  registerRequestLimits(fastify, logger);
  const limits = operationLimits(config);

  // Traced requests run on graphql-js: OpenTelemetry's GraphQL spans come from its execute.
  const executor = config.graphql.executor === 'jit' && !telemetryState.tracing ? 'jit' : 'interpreter';
  const apollo = new ApolloServer<Context>({
    ...(executor === 'jit' ? { gateway: compiledExecution(schema) } : { schema }),
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    hideSchemaDetailsFromClientErrors: config.env === 'production',
    validationRules: limits.validationRules,
    formatError: (formatted, error) => formatError(formatted, error),
    logger: apolloLogger(logger),
    // main.ts owns SIGTERM: Apollo's own handler would close the listener at once, skipping the
    // readiness delay and resetting connections whose requests were not read yet.
    stopOnTerminationSignals: false,
    plugins: [
      fastifyApolloDrainPlugin(fastify),
      // Responses are per student and never HTTP-cached; without this, Apollo wraps every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      config.env === 'production' ? ApolloServerPluginLandingPageProductionDefault({ footer: false }) : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      errorLoggingPlugin(logger),
      ...(config.monitoring.requests ? [metricsPlugin()] : []),
      ...limits.plugins,
      requestLimitsPlugin(new OperationCoster(schema, app.listSizes), new ViewerGate(config.viewerLimits)),
      solutionGuard,
    ],
  });
  await apollo.start();
  app.services.monitoring.start();

  const handler = fastifyApolloHandler<Context>(apollo, {
    // Without the viewer nothing of the request can run: a database outage here is a 503.
    context: (request) =>
      createContext(app, request.headers.authorization, request.id, request.requestScope ?? undefined, request.ip).catch((error: unknown) => {
        throw isDatabaseUnavailable(error) ? new ServiceUnavailableError(undefined, 503) : error;
      }),
  });
  if (config.monitoring.requests) recordRequests(fastify, app.services.monitoring);
  // Each GraphQL request has its own request scope, handed to its context: its SQL statements and
  // cache hits add up there, and recordRequests reads it once the response is sent.
  fastify.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    async handler(request, reply) {
      const scope = newRequestScope();
      request.requestScope = scope;
      inflight++;
      try {
        return await handler.call(this, request as Parameters<typeof handler>[0], reply as Parameters<typeof handler>[1]);
      } finally {
        inflight--;
      }
    },
  });

  // While draining, every response closes its connection: a keep-alive connection left idle after
  // its last request would otherwise hold fastify.close() until the keep-alive timeout.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });

  fastify.get('/healthz', async () => ({ status: 'ok' }));
  const prometheus = telemetryState.prometheus;
  if (config.monitoring.prometheus && prometheus) {
    // Scraped by Prometheus; keep it off the public load balancer's routes.
    fastify.get('/metrics', (request, reply) => {
      reply.hijack();
      prometheus.getMetricsRequestHandler(request.raw, reply.raw);
    });
  }
  fastify.get('/readyz', async (_request, reply) => {
    if (draining) return reply.code(503).send({ status: 'draining' });
    const database = await app.services.health.probeDatabase();
    if (database.status === 'DOWN') return reply.code(503).send({ status: 'database unavailable' });
    return { status: 'ready' };
  });

  return {
    fastify,
    apollo,
    isDraining: () => draining,
    async close() {
      draining = true;
      // Readiness is 503 from now on; requests a load balancer sends before it notices are served.
      if (config.shutdownDelayMs > 0) await new Promise((r) => setTimeout(r, config.shutdownDelayMs));
      await fastify.close(); // stops accepting, lets in-flight requests finish
      // A request whose client went away is no longer in flight for the listener, but its work
      // still runs: let it finish (within the grace period) before the pool closes under it.
      for (const deadline = Date.now() + config.shutdownGraceMs; inflight > 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
      await apollo.stop();
      await app.close();
    },
  };
}

/**
 * What a client may see of an error: expected errors (AppError, GraphQL's own parse and validation
 * errors) as they are; database outages as SERVICE_UNAVAILABLE; anything else masked (it was
 * logged whole by errorLoggingPlugin).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return formatted;
  // An AppError raised while validating the operation (a limit): its own code, not Apollo's wrapper's.
  if (original instanceof GraphQLError && original.originalError instanceof AppError) {
    return { message: formatted.message, locations: formatted.locations, extensions: { ...original.originalError.extensions } };
  }
  if (original instanceof ArgumentValidationError) return validationError(formatted, original);
  if (isUncodedRequestError(original)) return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_REQUEST } };
  if (isDatabaseUnavailable(original)) {
    return { message: 'The service is temporarily unavailable. Please try again in a moment.', path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError && typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const field = code === ErrorCode.BAD_USER_INPUT ? variableErrorField(formatted.message) : undefined;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: field ? { code, field } : { code } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function validationError(formatted: GraphQLFormattedError, error: ArgumentValidationError): GraphQLFormattedError {
  type Issue = { property: string; constraints?: Record<string, string>; children?: Issue[] };
  const issues = ((error.extensions as { validationErrors?: Issue[] }).validationErrors ?? []).flatMap(function flat(i: Issue): { field: string; message: string }[] {
    const own = Object.values(i.constraints ?? {}).map((message) => ({ field: i.property, message }));
    return [...own, ...(i.children ?? []).flatMap(flat)];
  });
  const first = issues[0];
  return {
    message: first ? first.message.replace(/([^.])$/, '$1.') : 'Invalid argument.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.field, issues },
  };
}

/** Logs every unexpected error whole, once, with the operation it broke. */
function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, contextValue }) {
          for (const e of errors) {
            const original = unwrapResolverError(e);
            if (original instanceof AppError || original instanceof ArgumentValidationError || isUncodedRequestError(original)) continue;
            if (original instanceof GraphQLError && original.extensions?.code && original.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
            const level = isDatabaseUnavailable(original) ? 'warn' : 'error';
            logger[level]({ err: original, operationName, path: e.path, requestId: contextValue?.requestId }, 'request failed');
          }
        },
      };
    },
  };
}

function apolloLogger(logger: Logger) {
  return {
    debug: (m: unknown) => logger.debug(String(m)),
    info: (m: unknown) => logger.info(String(m)),
    warn: (m: unknown) => logger.warn(String(m)),
    error: (m: unknown) => logger.error(String(m)),
  };
}
