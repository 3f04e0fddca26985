import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { App } from './app.js';
import type { Context } from './context.js';
import { createContext } from './request-context.js';
import { compiledExecution } from './execution.js';
import { AppError, ErrorCode, foreignKeyRefusal, isDatabaseUnavailable, isUncodedRequestError, ServiceUnavailableError, variableErrorField } from './errors.js';
import { solutionGuard } from './exercises/solution-guard.js';
import { passwordChangeGuard } from './auth/password-change-guard.js';
import type { Logger } from './logger.js';
import { metricsPlugin, recordRequests } from './monitoring/metrics.plugin.js';
import { OperationCoster } from './limits/cost.js';
import { requestLimitsPlugin } from './limits/limits.plugin.js';
import { ViewerGate } from './limits/viewer-gate.js';
import { answerClientError, operationLimits, registerRequestLimits } from './operation-limits.js';
import { newRequestScope } from './request-scope.js';
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
    clientErrorHandler: answerClientError(logger),
  });
  let draining = false;
  /** GraphQL requests being worked on, whether or not their client is still there. */
  let inflight = 0;
  registerRequestLimits(fastify, logger);
  const limits = operationLimits(config);
  const failures: Failures = { contexts: new WeakMap(), logged: new Set() };

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
      // Production serves no page at all: Apollo's production page names its version and loads a script from a CDN.
      config.env === 'production' ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      errorLoggingPlugin(logger, failures),
      refusalStatusPlugin,
      ...(config.monitoring.requests ? [metricsPlugin()] : []),
      ...limits.plugins,
      requestLimitsPlugin(new OperationCoster(schema, app.listSizes), new ViewerGate(config.viewerLimits)),
      solutionGuard,
      passwordChangeGuard,
    ],
  });
  await apollo.start();
  app.services.monitoring.start();

  const handler = fastifyApolloHandler<Context>(apollo, {
    // Without the viewer nothing of the request can run: a database outage here is a 503.
    context: (request) =>
      createContext(app, request.headers.authorization, request.id, request.requestScope ?? undefined, request.ip).catch((error: unknown) => {
        const thrown = isDatabaseUnavailable(error) ? new ServiceUnavailableError(undefined, 503) : error instanceof Error ? error : new Error(String(error));
        failures.contexts.set(thrown, { requestId: request.id, cause: error });
        throw thrown;
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
      // The viewer's in-flight slot (limits.plugin.ts) is given back once the response is written
      // or its connection is gone; a slot taken after the connection went (the client left while
      // the operation was being resolved) as the handler ends.
      let ended = false;
      const done = () => {
        ended = true;
        scope.afterResponse?.();
      };
      reply.raw.once('finish', done).once('close', done);
      inflight++;
      try {
        return await handler.call(this, request as Parameters<typeof handler>[0], reply as Parameters<typeof handler>[1]);
      } finally {
        inflight--;
        if (ended) scope.afterResponse?.();
        // A 5xx whose cause no hook saw (Apollo answers some failures, such as a result it cannot
        // serialize, without calling any plugin): at least the request is on record.
        if (!failures.logged.delete(request.id) && reply.statusCode >= 500) {
          logger.error({ requestId: request.id, status: reply.statusCode, operation: scope.operation }, 'request answered with a server error; no cause was logged');
        }
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
  // A write that raced the deletion of what it referred to (an account erased meanwhile).
  const refusal = foreignKeyRefusal(original);
  if (refusal) return { message: refusal.message, path: formatted.path, extensions: { ...refusal.extensions } };
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

/** What errorLoggingPlugin and the /graphql route share about a request's failure, while it runs. */
interface Failures {
  /** Apollo's contextCreationDidFail sees the error only: the request it was thrown for, and the error before it was mapped. */
  contexts: WeakMap<Error, { requestId: string; cause: unknown }>;
  /** Requests whose failure was logged with its cause (the route forgets them as it ends). */
  logged: Set<string>;
}

/**
 * Logs every unexpected error whole, once, with the request it broke: errors of an operation
 * (resolvers, execution, the limits' hooks), a context that could not be built (the token check,
 * the viewer's read), and anything that escaped Apollo's request pipeline. Each of these reached
 * the client as INTERNAL_SERVER_ERROR (or SERVICE_UNAVAILABLE) with nothing of the cause.
 */
export function errorLoggingPlugin(logger: Logger, failures: Failures = { contexts: new WeakMap(), logged: new Set() }): ApolloServerPlugin<Context> {
  const log = (level: 'error' | 'warn', fields: { err: unknown; requestId: string | undefined; [k: string]: unknown }, message: string) => {
    logger[level](fields, message);
    if (fields.requestId !== undefined) failures.logged.add(fields.requestId);
  };
  return {
    async contextCreationDidFail({ error }) {
      const failure = failures.contexts.get(error);
      failures.contexts.delete(error);
      const cause = failure?.cause ?? error;
      if (isDatabaseUnavailable(cause)) log('warn', { err: cause, requestId: failure?.requestId }, 'request context failed: database unavailable');
      else if (!(cause instanceof AppError)) log('error', { err: cause, requestId: failure?.requestId }, 'request context failed');
    },
    // Apollo calls this for its BAD_REQUEST errors: the client's mistake (a malformed body, CSRF
    // prevention), unless one wraps an error of ours (a bug, answered as the client's).
    async invalidRequestWasReceived({ error }) {
      const cause = error instanceof GraphQLError ? error.originalError : error;
      if (cause && !(cause instanceof GraphQLError)) logger.error({ err: cause }, 'invalid request: unexpected error');
      else logger.debug({ err: error }, 'invalid request');
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      log('error', { err: error, operationName: requestContext.operationName ?? requestContext.request.operationName, requestId: requestContext.contextValue?.requestId }, 'request failed unexpectedly');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, contextValue }) {
          for (const e of errors) {
            const original = unwrapResolverError(e);
            if (original instanceof AppError || original instanceof ArgumentValidationError || isUncodedRequestError(original)) continue;
            if (original instanceof GraphQLError && original.extensions?.code && original.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
            const level = isDatabaseUnavailable(original) || foreignKeyRefusal(original) ? 'warn' : 'error';
            log(level, { err: original, operationName, path: e.path, requestId: contextValue?.requestId }, 'request failed');
          }
        },
      };
    },
  };
}

const SERVER_CODES = new Set<unknown>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SERVICE_UNAVAILABLE]);

/**
 * A request refused whole by an expected error raised outside execution, with no HTTP status of
 * its own (the viewer gate's RATE_LIMITED, thrown from a plugin hook), gets Apollo's default
 * status: 500, which clients and load balancers read as the server failing (and monitoring counted
 * as one). A client's refusal is never a 500: RATE_LIMITED is 429 with Retry-After, any other
 * expected code 400. Errors that carry their status (OPERATION_LIMIT_EXCEEDED's 400) keep it.
 */
export const refusalStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.http.status !== 500 || response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        if (errors.length === 0 || errors.some((e) => typeof e.extensions?.code !== 'string' || SERVER_CODES.has(e.extensions.code))) return;
        const limited = errors.find((e) => e.extensions?.code === ErrorCode.RATE_LIMITED);
        response.http.status = limited ? 429 : 400;
        const retryAfter = limited?.extensions?.retryAfterSeconds;
        if (typeof retryAfter === 'number') response.http.headers.set('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
      },
    };
  },
};

function apolloLogger(logger: Logger) {
  return {
    debug: (m: unknown) => logger.debug(String(m)),
    info: (m: unknown) => logger.info(String(m)),
    warn: (m: unknown) => logger.warn(String(m)),
    error: (m: unknown) => logger.error(String(m)),
  };
}
