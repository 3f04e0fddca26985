import { ErrorReply } from '@redis/client';
import type { Logger } from '../logger.js';
import { closeRedisClient, connectRedis, createRedisClient, ReplyClock, RedisTimeoutError, withTimeout, type RedisClient, type RedisNodes } from './redis-client.js';

export interface RedisLinkOptions {
  nodes: RedisNodes;
  /** Every key this service writes starts with `<prefix>:` (other data may share the Redis). */
  prefix: string;
  /** No command waits longer than this (see withTimeout); a dead or hung Redis fails fast. */
  commandTimeoutMs: number;
}

/** Connection names, as CLIENT LIST shows them. */
export const LINK_CLIENT_NAME = 'reved';
export const PROBE_CLIENT_NAME = 'reved-probe';

/** How long a command that timed out may stay unanswered while Redis answers the probe. */
export function lateCommandGraceMs(commandTimeoutMs: number): number {
  return Math.max(5_000, 20 * commandTimeoutMs);
}

type Listener = { away(error: unknown): void; back(): void };

/**
 * The service's connection to Redis, shared by the cache, the rate limiter and the read pins, and
 * the one place that decides whether Redis is away. While it is away, each user does without
 * (the cache serves from memory, limits count per instance, students read from the primary), one
 * warning is logged, and a probe retries with backoff until Redis answers.
 *
 * Away means: the connection failed, or a command timed out and the check that follows said so
 * (`check`). A command that only timed out costs its caller that command, not everyone Redis:
 * on a saturated server a reply may wait behind this process's own backlog, and a busy server
 * must not turn its cache off just when it needs it most.
 */
export class RedisLink {
  readonly client: RedisClient;
  /** A connection of its own for the check: its read never queues behind the shared commands. */
  private readonly probeClient: RedisClient;
  private readonly replies = new ReplyClock();
  private readonly listeners: Listener[] = [];
  private awaySince: Date | null = null;
  private connected = false;
  private retry: NodeJS.Timeout | undefined;
  private checking = false;
  private watching = false;
  private closed = false;

  constructor(
    readonly options: RedisLinkOptions,
    private readonly logger: Logger,
  ) {
    this.client = createRedisClient(options.nodes, options.commandTimeoutMs, LINK_CLIENT_NAME);
    this.probeClient = createRedisClient(options.nodes, options.commandTimeoutMs, PROBE_CLIENT_NAME);
    this.probeClient.on('error', () => {}); // a probe that cannot connect fails its read, and says so
    this.client.on('error', (error: unknown) => this.lost(error));
    this.client.on('end', () => this.lost(new Error('the connection to Redis closed')));
    this.client.on('ready', () => this.answered());
  }

  /** Connects, waiting at most `waitMs` (the service starts without Redis, and finds it later). */
  async connect(waitMs = 1_000): Promise<boolean> {
    this.probeClient.connect().catch(() => {}); // retried by the reconnect strategy
    const ready = await connectRedis(this.client, this.options.nodes, waitMs);
    if (ready) this.answered();
    else this.lost(new Error('Redis did not answer at start'));
    return ready;
  }

  /** Since when Redis has been away (null: it answers). */
  get downSince(): Date | null {
    return this.awaySince;
  }

  get away(): boolean {
    return this.awaySince !== null || !this.connected;
  }

  /** Told when Redis goes away and when it answers again. */
  watch(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** A command on the shared connection, within the command timeout; a timeout starts the check. */
  run<T>(command: Promise<T>): Promise<T> {
    return withTimeout(command, this.options.commandTimeoutMs, this.replies, () => this.check(command));
  }

  /**
   * A command failed. A timeout is the caller's alone (see check), and so is a reply Redis sent (a
   * refused write at maxmemory: Redis is there, each user decides what that costs it); anything
   * else means Redis is away.
   */
  failed(error: unknown): void {
    if (!(error instanceof RedisTimeoutError) && !(error instanceof ErrorReply)) this.lost(error);
  }

  /**
   * A read on the probe's own connection, within the command timeout. While that connection is
   * being made again (its backoff may lag the shared one's), the read goes on the shared one: a
   * reconnecting probe says nothing about Redis.
   */
  probe(): Promise<void> {
    const ready = this.options.nodes.cluster ? this.probeClient.isOpen : this.probeClient.isReady;
    // A read of one key: a cluster has no keyless PING, and it proves the node owning it answers.
    return withTimeout((ready ? this.probeClient : this.client).get(`${this.options.prefix}:ping`), this.options.commandTimeoutMs).then(() => {});
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await Promise.all([closeRedisClient(this.client, this.options.commandTimeoutMs), closeRedisClient(this.probeClient, this.options.commandTimeoutMs)]);
  }

  /**
   * A command timed out: Redis is away, or only slow to reach. Away when a read on the probe's
   * connection is not answered within the command timeout either (Redis hung or gone), or when the
   * late command is still unanswered after lateCommandGraceMs (the shared connection is stuck).
   * The command itself is still on its way: Redis answers a connection's commands in order, so a
   * version bump that timed out is applied before anything sent after it.
   */
  private check(late: Promise<unknown>): void {
    if (this.closed || this.away) return;
    if (!this.checking) {
      this.checking = true;
      this.probe()
        .catch((error: unknown) => this.lost(error))
        .finally(() => (this.checking = false));
    }
    if (this.watching) return;
    this.watching = true;
    const graceMs = lateCommandGraceMs(this.options.commandTimeoutMs);
    const grace = setTimeout(() => {
      this.watching = false;
      this.lost(new Error(`a Redis command was not answered within ${graceMs} ms, although Redis answers the probe`));
    }, graceMs);
    grace.unref();
    const answered = () => {
      clearTimeout(grace);
      this.watching = false;
    };
    late.then(answered, answered); // answered, or failed with its connection (which reports itself)
  }

  /** Redis is away: one warning per outage, then a probe with backoff until it answers. */
  lost(error: unknown): void {
    if (this.closed) return;
    if (!this.awaySince) {
      this.awaySince = new Date();
      this.logger.warn({ err: error instanceof Error ? { message: error.message, name: error.name } : error }, 'Redis unreachable: the cache serves from memory, rate limits count per instance, until it answers');
      for (const l of this.listeners) l.away(error);
    }
    this.retryIn(250);
  }

  private retryIn(delayMs: number): void {
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.run(this.client.get(`${this.options.prefix}:ping`)).then(
        () => this.answered(),
        () => this.retryIn(Math.min(delayMs * 2, 2_000)),
      );
    }, delayMs);
    this.retry.unref();
  }

  private answered(): void {
    const wasAway = this.away;
    this.connected = true;
    if (!wasAway || this.closed) return;
    if (this.awaySince) this.logger.info({ outageMs: Date.now() - this.awaySince.getTime() }, 'Redis answers again');
    this.awaySince = null;
    for (const l of this.listeners) l.back();
  }
}
