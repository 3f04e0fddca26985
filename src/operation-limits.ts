import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Config } from './config.js';
import type { Context } from './context.js';
import { ErrorCode, OperationLimitError, type OperationLimit } from './errors.js';
import type { Logger } from './logger.js';

/**
 * What one GraphQL request may ask for. The deepest and longest operations the clients send
 * (test/operations; the admin's Students list: depth 9, 81 tokens, 649 characters; the costliest,
 * a teacher's overview of a full class: cost 17,524, docs/security.md);
 * operation-limits.test.ts checks that every one of them stays within these.
 */
export const OPERATION_LIMITS = {
  depth: 10,
  /** Fields resolved, each counted once per item of the lists around it (limits/cost.ts). */
  cost: 36_000,
  /** A request costing more holds one of its viewer's few heavy slots (limits/viewer-gate.ts). */
  heavyCost: 2_000,
  aliases: 15,
  directives: 10,
  tokens: 1_000,
  /** Characters of the query document (the whole HTTP body is capped at BODY_LIMIT_BYTES). */
  documentSize: 10_000,
} as const;

/**
 * graphql-armor's depth, cost, alias and directive rules, run with GraphQL validation (before any
 * resolver): a rejection is OPERATION_LIMIT_EXCEEDED naming the limit, with HTTP 400. In
 * production, "Did you mean ...?" is also taken out of every error, variable errors included
 * (Apollo's hideSchemaDetailsFromClientErrors covers validation errors only).
 *
 * Two armor protections are off. Its token limit throws from parsingDidStart, which Apollo Server
 * 5 answers with a 500: tokens and document size are checked before Apollo instead
 * (registerRequestLimits). Its suggestion mask misses enum suggestions ('Did you mean the enum
 * value "CM1"?'): hideSuggestions below uses Apollo's own pattern on every error.
 */
export function operationLimits(config: Pick<Config, 'env'>): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin<Context>[] } {
  const report = (limit: OperationLimit) => ({
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(new OperationLimitError(error.message.replace(/^Syntax Error: /, ''), limit))],
  });
  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.depth, ignoreIntrospection: false, ...report('depth') },
    // Cost is ours (limits/cost.ts): armor's knows nothing of list sizes.
    costLimit: { enabled: false },
    maxAliases: { n: OPERATION_LIMITS.aliases, ...report('aliases') },
    maxDirectives: { n: OPERATION_LIMITS.directives, ...report('directives') },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // armor ships CommonJS typed against its own copy of Apollo's types: the same shapes at runtime.
  const plugins = armor.plugins as unknown as ApolloServerPlugin<Context>[];
  return { validationRules: armor.validationRules, plugins: config.env === 'production' ? [...plugins, hideSuggestions] : plugins };
}

/** Suggestions name fields and values a client did not ask about: not for production. */
const hideSuggestions: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
      },
    };
  },
};

/** The GraphQL-shaped body of a refusal made before Apollo sees the request. */
function refuse(reply: FastifyReply, status: number, message: string, extensions: Record<string, unknown>) {
  return reply.code(status).type('application/json; charset=utf-8').send({ errors: [{ message, extensions }] });
}

// Documents already counted within the limit (process scope, bounded): the same few operations
// come again and again, and lexing each of them on every request showed in profiles.
const withinLimit = new LRUCache<string, true>({ max: 1_000, maxSize: 4_000_000, sizeCalculation: (_v, key) => key.length + 1 }); // lru-cache refuses a size of 0 (the empty document)

/** Counts lexical tokens, stopping past `max` (a lexing error is left for the parser to report). */
function tooManyTokens(document: string, max: number): boolean {
  if (withinLimit.has(document)) return false;
  const over = countPast(document, max);
  if (!over) withinLimit.set(document, true);
  return over;
}

function countPast(document: string, max: number): boolean {
  const lexer = new Lexer(new Source(document));
  try {
    for (let n = 0; lexer.advance().kind !== TokenKind.EOF; n++) if (n >= max) return true;
  } catch {
    return false;
  }
  return false;
}

/**
 * HTTP-level limits on /graphql, set up apart from the server so they merge easily:
 * - the document's size and token count, checked before Apollo parses anything;
 * - Fastify's own refusals (body over BODY_LIMIT_BYTES: 413, malformed JSON, unsupported media
 *   type) answered as GraphQL errors with a stable extensions.code instead of Fastify's shape;
 * - anything else that escapes a route is logged whole and masked, as in formatError.
 */
export function registerRequestLimits(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql') return;
    const source = request.method === 'GET' ? request.query : request.body;
    const documents = (Array.isArray(source) ? source : [source]).flatMap((op) => {
      const query = (op as { query?: unknown } | null)?.query;
      return (Array.isArray(query) ? query : [query]).filter((q): q is string => typeof q === 'string');
    });
    for (const document of documents) {
      if (document.length > OPERATION_LIMITS.documentSize) {
        return refuse(reply, 400, `The query document is ${document.length} characters long; at most ${OPERATION_LIMITS.documentSize} are accepted.`, {
          code: ErrorCode.OPERATION_LIMIT_EXCEEDED,
          limit: 'documentSize',
        });
      }
      if (tooManyTokens(document, OPERATION_LIMITS.tokens)) {
        return refuse(reply, 400, `The query document has more than ${OPERATION_LIMITS.tokens} tokens.`, { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: 'tokens' });
      }
    }
  });

  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return refuse(reply, 413, 'The request body is too large.', { code: ErrorCode.PAYLOAD_TOO_LARGE, limitBytes: fastify.initialConfig.bodyLimit });
    if (status >= 400 && status < 500) return refuse(reply, status, error.message, { code: ErrorCode.BAD_REQUEST });
    logger.error({ err: error, route: request.routeOptions.url, method: request.method }, 'request failed outside GraphQL');
    return refuse(reply, 500, 'Internal server error', { code: ErrorCode.INTERNAL_SERVER_ERROR });
  });
}

/**
 * What Node's HTTP parser refuses before any route runs, as a GraphQL-shaped error (Fastify's own
 * answer is `{"error": "Request Timeout", ...}`, which no client of a GraphQL API reads): a request
 * not received within HTTP_REQUEST_TIMEOUT_MS (a slow body) or its headers within
 * HTTP_HEADERS_TIMEOUT_MS is 408, headers over Node's size limit 431, anything unparsable 400.
 * The connection is closed after it. Logged at debug: the client's doing, and a slow client
 * sending many of these must not flood the logs.
 */
export function answerClientError(logger: Logger): (error: ConnectionError, socket: Socket) => void {
  return (error, socket) => {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, message] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request did not arrive in time: send its headers and body without pausing.']
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'The request headers are too large.']
          : [400, 'The request is not valid HTTP.'];
    logger.debug({ err: error, status, remoteAddress: socket.remoteAddress }, 'client error before any route');
    if (socket.writable) {
      const body = JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.BAD_REQUEST } }] });
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(error);
  };
}
