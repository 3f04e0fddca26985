import { createClient, createCluster } from '@keyv/redis';

export type RedisClient = ReturnType<typeof createClient>;

export class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/** Where Redis is: one node, or the seed nodes of a Redis Cluster (REDIS_URL, REDIS_CLUSTER). */
export interface RedisNodes {
  urls: readonly string[];
  cluster: boolean;
}

/**
 * A node-redis client that never makes a request wait on an absent Redis: no offline queue (a
 * command while disconnected fails at once), a bounded connect, and reconnection by itself with
 * capped exponential backoff. Shared by the cache store and the rate limiter (one client each).
 * A cluster client takes the same single-key commands, routed by key; multi-key commands must
 * stay within one slot (the callers group keys, see redis-store.ts).
 */
export function createRedisClient(nodes: RedisNodes, commandTimeoutMs: number): RedisClient {
  const socket = {
    connectTimeout: Math.max(500, commandTimeoutMs * 4),
    reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) + Math.floor(Math.random() * 100),
  };
  if (nodes.cluster) {
    return createCluster({ rootNodes: nodes.urls.map((url) => ({ url })), defaults: { disableOfflineQueue: true, socket } }) as unknown as RedisClient;
  }
  return createClient({ url: nodes.urls[0], disableOfflineQueue: true, socket });
}

/**
 * Starts connecting (the client then retries by itself); resolves true once it is ready, false
 * after `waitMs`. A node says so with its 'ready' event; a cluster client is ready once connected.
 */
export function connectRedis(client: RedisClient, nodes: RedisNodes, waitMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    client.once('ready', () => resolve(true));
    setTimeout(() => resolve(false), waitMs).unref();
    client.connect().then(
      () => nodes.cluster && resolve(true),
      () => {}, // retried by the reconnect strategy
    );
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
