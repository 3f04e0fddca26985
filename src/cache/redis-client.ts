import { createClient } from '@keyv/redis';

export type RedisClient = ReturnType<typeof createClient>;

export class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/**
 * A node-redis client that never makes a request wait on an absent Redis: no offline queue (a
 * command while disconnected fails at once), a bounded connect, and reconnection by itself with
 * capped exponential backoff. Shared by the cache store and the rate limiter (one client each).
 */
export function createRedisClient(url: string, commandTimeoutMs: number): RedisClient {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: Math.max(500, commandTimeoutMs * 4),
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) + Math.floor(Math.random() * 100),
    },
  });
}

/** Rejects with RedisTimeoutError when `op` takes longer than `ms` (a hung Redis fails fast). */
export function withTimeout<T>(op: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    op,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisTimeoutError(ms)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Closes a client without waiting on a dead server, and without an unhandled 'error' afterwards. */
export async function closeRedisClient(client: RedisClient, timeoutMs: number): Promise<void> {
  client.removeAllListeners('end');
  client.removeAllListeners('error');
  client.on('error', () => {});
  try {
    if (client.isOpen) await withTimeout(client.close(), timeoutMs);
  } catch {
    client.destroy();
  }
}
