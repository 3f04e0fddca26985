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
 * stay within one slot (the callers group keys, see redis-store.ts). `name` shows in CLIENT LIST.
 */
export function createRedisClient(nodes: RedisNodes, commandTimeoutMs: number, name?: string): RedisClient {
  const socket = {
    connectTimeout: Math.max(500, commandTimeoutMs * 4),
    reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) + Math.floor(Math.random() * 100),
  };
  if (nodes.cluster) {
    return createCluster({ rootNodes: nodes.urls.map((url) => ({ url })), defaults: { disableOfflineQueue: true, socket, name } }) as unknown as RedisClient;
  }
  return createClient({ url: nodes.urls[0], disableOfflineQueue: true, socket, name });
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

/**
 * When a client last had an answer from Redis. One client's commands share one connection and are
 * answered in order: while answers keep coming, Redis is there, however long the queue before it.
 */
export class ReplyClock {
  last = performance.now();

  heard(): void {
    this.last = performance.now();
  }
}

/**
 * Rejects with RedisTimeoutError when `op` takes longer than `ms` (a hung Redis fails fast).
 *
 * The timeout is about Redis, not about this process. On an event loop too busy to keep its
 * timers, a command may go out late, and its reply may wait unread behind others (timers run before
 * sockets are read, a socket gives 64 KB per turn). So when the timer fires, the verdict waits one
 * turn of the loop (setImmediate runs after the sockets are read); then the command gets a fresh
 * `ms` if the timer came back late by more than half of `ms`, or if the client heard from Redis
 * since the wait began (`clock`: answers are flowing, this one is queued), while less than `4 * ms`
 * has passed in all (a request never waits much longer on a hung Redis).
 * A busy server must not take its own lateness for Redis being away: that turns the cache off,
 * every request gets dearer, and the load that made it late never drains. `onTimeout` is told
 * when the timeout is given (the command itself is still on its way).
 */
export function withTimeout<T>(op: Promise<T>, ms: number, clock?: ReplyClock, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  const started = performance.now();
  return Promise.race([
    op.then(
      (value) => {
        settled = true;
        clock?.heard();
        return value;
      },
      (error: unknown) => {
        settled = true;
        throw error;
      },
    ),
    new Promise<never>((_, reject) => {
      const arm = () => {
        const armedAt = performance.now();
        timer = setTimeout(
          () =>
            setImmediate(() => {
              if (settled) return;
              const now = performance.now();
              const inTime = now - started < 4 * ms;
              const late = now - armedAt - ms > ms / 2;
              const flowing = clock !== undefined && clock.last > armedAt;
              if (inTime && (late || flowing)) arm();
              else {
                reject(new RedisTimeoutError(ms));
                onTimeout?.();
              }
            }),
          ms,
        );
      };
      arm();
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
