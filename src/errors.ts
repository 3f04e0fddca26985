import { GraphQLError } from 'graphql';

/**
 * The closed set of `extensions.code` values a client can see. Expected failures throw one of the
 * AppError subclasses below with a message a person can act on; anything else is logged whole
 * and reaches the client as INTERNAL_SERVER_ERROR with a generic message (see server.ts).
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The operation is deeper, costlier, longer... than a request may be; `limit` says which. */
  OPERATION_LIMIT_EXCEEDED: 'OPERATION_LIMIT_EXCEEDED',
  /** The HTTP body is over the server's limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Signed in with a temporary password: only changePassword answers until it is replaced. */
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Raised by the GraphQL layer itself before any resolver runs.
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** An argument is out of bounds or malformed; `field` names it. */
export class BadUserInputError extends AppError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(message: string, readonly field?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, field ? { field } : {});
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(message = 'Sign in first: this needs a valid token (Authorization: Bearer <token>).') {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

export class ForbiddenError extends AppError {
  readonly code = ErrorCode.FORBIDDEN;
  constructor(message = 'You are not allowed to see or change this.', extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.FORBIDDEN, extensions);
  }
}

export class NotFoundError extends AppError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(what: string) {
    super(`${what} was not found.`, ErrorCode.NOT_FOUND);
  }
}

export class RateLimitedError extends AppError {
  readonly code = ErrorCode.RATE_LIMITED;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message, ErrorCode.RATE_LIMITED, { retryAfterSeconds });
  }
}

export type OperationLimit = 'depth' | 'cost' | 'aliases' | 'directives' | 'tokens' | 'documentSize' | 'responseSize';

/** Raised while validating an operation, before any resolver runs (see operation-limits.ts). */
export class OperationLimitError extends AppError {
  readonly code = ErrorCode.OPERATION_LIMIT_EXCEEDED;
  /** `httpStatus`: when nothing of the request ran (refused before execution), the response says so (400). */
  constructor(message: string, readonly limit: OperationLimit, httpStatus?: number) {
    super(message, ErrorCode.OPERATION_LIMIT_EXCEEDED, httpStatus ? { limit, http: { status: httpStatus } } : { limit });
  }
}

/** A dependency (the database) cannot answer now; the client may retry later. */
export class ServiceUnavailableError extends AppError {
  readonly code = ErrorCode.SERVICE_UNAVAILABLE;
  /** `httpStatus`: when nothing of the request could run, the whole response says so (503). */
  constructor(message = 'The service is temporarily unavailable. Please try again in a moment.', httpStatus?: number) {
    super(message, ErrorCode.SERVICE_UNAVAILABLE, httpStatus ? { http: { status: httpStatus } } : {});
  }
}

/**
 * The input field a variable-coercion error is about, for extensions.field: GraphQL reports these
 * (an Int out of 32 bits, a string for a number, a missing or unknown input field) before any
 * resolver runs, in its own words. `at "input.durationSeconds"` names durationSeconds; with no
 * path, the variable's own name.
 */
export function variableErrorField(message: string): string | undefined {
  const named = /; Field "(\w+)" (?:of required type|is not defined by type)/.exec(message);
  if (named) return named[1];
  const at = [...message.matchAll(/ at "([\w.[\]]+)"; /g)].at(-1);
  if (at) return at[1]!.replace(/\[\d+\]/g, '').split('.').at(-1);
  return /^Variable "\$(\w+)"/.exec(message)?.[1];
}

/**
 * A GraphQLError about the request as a whole that carries no code: Apollo's "Unsupported
 * persisted query version" and "provided sha does not match query", graphql-js's "Schema is not
 * configured to execute subscription operation". The client's mistake (BAD_REQUEST), not a bug:
 * an unexpected error reaches formatError wrapped (with its originalError) or with a path.
 */
export function isUncodedRequestError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && !error.path && !error.originalError && error.extensions.code === undefined;
}

const unavailableMessages = [/timeout exceeded when trying to connect/i, /Connection terminated/i, /Query read timeout/i, /Client has encountered a connection error/i, /connection is closed/i];

/**
 * Whether an error means the database cannot answer now (down, restarting, overloaded, statement
 * timeout) rather than a bug: such errors reach clients as SERVICE_UNAVAILABLE.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH'].includes(code)) return true;
  // SQLSTATE 08 connection exception, 53 insufficient resources, 57 operator intervention (incl. 57014 statement timeout).
  if (/^(08|53|57)[0-9A-Z]{3}$/.test(code)) return true;
  return typeof e.message === 'string' && unavailableMessages.some((re) => re.test(e.message as string));
}

/**
 * What a write that referred to a row deleted meanwhile (foreign_key_violation, 23503) means to
 * its client: a student's account gone between the token check and the write (an erasure, a
 * DELETE by hand) is UNAUTHENTICATED, like every later request of that token; anything else it
 * referred to is NOT_FOUND. Undefined for any other error.
 */
export function foreignKeyRefusal(error: unknown): AppError | undefined {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (!e || typeof e !== 'object' || e.code !== '23503') return undefined;
  if (typeof e.constraint === 'string' && /student_id/.test(e.constraint)) return new UnauthenticatedError('This account no longer exists. Sign in again.');
  return new NotFoundError('What this refers to');
}

/** The account signed in with a temporary password: every field but changePassword answers this. */
export class PasswordChangeRequiredError extends AppError {
  readonly code = ErrorCode.PASSWORD_CHANGE_REQUIRED;
  constructor() {
    super('Replace the temporary password first: call changePassword, then sign in with the token it returns.', ErrorCode.PASSWORD_CHANGE_REQUIRED, { http: { status: 200 } });
  }
}
