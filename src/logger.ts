import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** Keys whose values never reach the logs: credentials, tokens, secrets and exercises' solutions. */
const SECRET_KEYS = ['password', 'currentPassword', 'newPassword', 'token', 'authorization', 'cookie', 'solution', 'jwtSecret', 'JWT_SECRET', 'ADMIN_PASSWORD'];

/** Each secret key at the top and up to three levels down (a request's headers, its variables, a nested input). */
export const redactedPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

/** JSON logs on stdout (or `destination`, for tests). Secrets never reach them: see redactedPaths. */
export function createLogger(config: Pick<Config, 'logLevel' | 'env'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'reved-kids-api' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
