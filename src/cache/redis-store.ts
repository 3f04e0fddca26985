import KeyvRedis, { Keyv } from '@keyv/redis';
import calculateSlot from 'cluster-key-slot';
import { studentOfScope, type Namespace } from './namespaces.js';
import { closeRedisClient, createRedisClient, ReplyClock, withTimeout, type RedisClient } from '../redis/redis-client.js';
import { deserialize, serialize } from './serializer.js';
import { newVersionToken, type Bumped, type CacheStore, type StoreEntry } from './store.js';
import { groupBy } from '../common/group-by.js';

export interface RedisStoreOptions {
  /** One node, or the seed nodes of a cluster. */
  urls: string[];
  cluster: boolean;
  /** Every key this service writes starts with `<prefix>:` (other data may share the Redis). */
  prefix: string;
  /** No command waits longer than this; a dead or hung Redis fails fast. */
  commandTimeoutMs: number;
  onStateChange?: (up: boolean, error?: unknown) => void;
}

/** Connection names, as CLIENT LIST shows them. */
export const CACHE_CLIENT_NAME = 'reved-cache';
export const PROBE_CLIENT_NAME = 'reved-cache-probe';

/** How long a command that timed out may stay unanswered while Redis answers the probe. */
export function lateCommandGraceMs(commandTimeoutMs: number): number {
  return Math.max(5_000, 20 * commandTimeoutMs);
}

/** Version tokens outlive every entry built on them; a lost token only causes misses. */
const VERSION_TTL_SECONDS = 2 * 24 * 3600;

/**
 * Values through Keyv over @keyv/redis; version tokens through the same node-redis client. The client
 * reconnects by itself with capped exponential backoff; while it is down, commands fail at once
 * (no offline queue) and the shared cache works without it.
 *
 * A command that times out does not by itself mean Redis is away: on a saturated server its reply
 * may wait behind this process's own backlog on the connection, and a busy server must not take
 * itself for an outage and turn its cache off just when it needs it most. So a timeout starts a check
 * (`check`), and the store reports Redis away (onStateChange(false)) only when the check says so.
 */
export class RedisStore implements CacheStore {
  readonly backend = 'redis' as const;
  // One node or a cluster: both take the commands used here (a cluster routes each by its key).
  private readonly client: RedisClient;
  /** A connection of its own for the check: its read never queues behind the cache's commands. */
  private readonly probeClient: RedisClient;
  private readonly keyv: Keyv;
  private up = false;
  private readonly replies = new ReplyClock();
  private probing = false;
  private watching = false;
  private closed = false;

  constructor(private readonly options: RedisStoreOptions) {
    this.client = createRedisClient(options, options.commandTimeoutMs, CACHE_CLIENT_NAME);
    this.probeClient = createRedisClient(options, options.commandTimeoutMs, PROBE_CLIENT_NAME);
    this.probeClient.on('error', () => {}); // a probe that cannot connect fails its read, and says so
    this.client.on('error', (error: unknown) => this.setUp(false, error));
    this.client.on('ready', () => this.setUp(true));
    this.client.on('end', () => this.setUp(false));
    const adapter = new KeyvRedis(this.client as never, { throwOnErrors: true, throwOnConnectError: true, useUnlink: true });
    // Values go to Redis serialized once, by the cache (serializer.ts), without Keyv's envelope:
    // expiry is Redis's own (PX), and the text is what SharedCache counted for its memory bound.
    this.keyv = new Keyv({
      store: adapter,
      serialize: (d) => d.value as string,
      deserialize: (t) => ({ value: deserialize(t) }),
      useKeyPrefix: false,
      namespace: undefined,
      throwOnErrors: true,
    });
    this.keyv.on('error', () => {}); // errors reach callers through throwOnErrors
  }

  /** Starts connecting; resolves once connected or after `waitMs`, whichever comes first. */
  async connect(waitMs: number): Promise<boolean> {
    this.probeClient.connect().catch(() => {}); // retried by the reconnect strategy
    return new Promise<boolean>((resolve) => {
      if (this.up) resolve(true);
      this.client.once('ready', () => resolve(true));
      setTimeout(() => resolve(this.up), waitMs).unref();
      this.client.connect().then(
        () => {
          // A cluster has no 'ready' event of its own: connected means ready.
          if (!this.options.cluster) return;
          this.setUp(true);
          resolve(true);
        },
        () => {}, // retried by the reconnect strategy
      );
    });
  }

  get isUp(): boolean {
    return this.up;
  }

  private setUp(up: boolean, error?: unknown) {
    if (this.up === up && up) return;
    const changed = this.up !== up;
    this.up = up;
    if (changed || error) this.options.onStateChange?.(up, error);
  }

  // c3: progress rows with their times as epoch milliseconds (c2's had Dates, and c2 was the first
  // without Keyv's envelope, c:). An older instance's entries are never read, nor ours by it.
  private k(key: string): string {
    return `${this.options.prefix}:c3:${key}`;
  }

  private timed<T>(op: Promise<T>): Promise<T> {
    return withTimeout(op, this.options.commandTimeoutMs, this.replies, () => this.check(op));
  }

  /**
   * A command timed out: Redis is away, or only slow to reach. It is taken for away when a read
   * on the probe's own connection is not answered within the command timeout (Redis hung or
   * gone), or when the late command is still unanswered after lateCommandGraceMs (this connection
   * is stuck although Redis answers others). Until then the command's caller has had its timeout
   * (a miss: the request reads the database), and the command itself is still on its way: Redis
   * answers a connection's commands in order, so a version bump that timed out is applied before
   * anything sent after it, or the connection fails and the outage that follows bumps the epoch.
   */
  private check(late: Promise<unknown>): void {
    if (this.closed || !this.up) return;
    const away = (error: unknown) => {
      if (!this.closed && this.up) this.options.onStateChange?.(false, error);
    };
    if (!this.probing) {
      this.probing = true;
      this.probe()
        .catch(away)
        .finally(() => (this.probing = false));
    }
    if (!this.watching) {
      this.watching = true;
      const graceMs = lateCommandGraceMs(this.options.commandTimeoutMs);
      const grace = setTimeout(() => {
        this.watching = false;
        away(new Error(`a Redis command was not answered within ${graceMs} ms, although Redis answers the probe`));
      }, graceMs);
      grace.unref();
      // Answered, or failed with its connection (which reports itself through 'error').
      const answered = () => {
        clearTimeout(grace);
        this.watching = false;
      };
      late.then(answered, answered);
    }
  }

  /**
   * A read on the probe's own connection, within the command timeout (see withTimeout). While that
   * connection is being made again (after Redis came back, its backoff may lag the cache's), the
   * read goes on the cache's connection instead: a reconnecting probe says nothing about Redis.
   */
  probe(): Promise<void> {
    const ready = this.options.cluster ? this.probeClient.isOpen : this.probeClient.isReady;
    const client = ready ? this.probeClient : this.client;
    return withTimeout(client.get(`${this.options.prefix}:ping`), this.options.commandTimeoutMs).then(() => {});
  }

  async get(keys: readonly string[]): Promise<unknown[]> {
    if (keys.length === 0) return [];
    return this.timed(this.keyv.getMany(keys.map((k) => this.k(k))));
  }

  async set(entries: readonly StoreEntry[]): Promise<void> {
    if (entries.length === 0) return;
    for (const e of entries) if (!e.key.startsWith(`${e.namespace}:`)) throw new Error(`cache key ${e.key} does not start with its namespace ${e.namespace}`);
    const items = entries.map((e) => ({ key: this.k(e.key), value: e.text ?? serialize(e.value), ttl: e.ttlMs }));
    // One value (the usual write-through) is one SET; setMany wraps even one in MULTI/EXEC.
    const only = items.length === 1 ? items[0]! : undefined;
    await this.timed<unknown>(only ? this.keyv.set(only.key, only.value, only.ttl) : this.keyv.setMany(items));
  }

  /** UNLINK, one command per cluster slot (a multi-key command must stay within one slot). */
  private async unlink(keys: string[]): Promise<number> {
    const counts = await this.timed(Promise.all([...this.bySlot(keys).values()].map((group) => this.client.unlink(group))));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** MGET, one per cluster slot, answers in the order of the keys. */
  private async mGet(keys: string[]): Promise<(string | null)[]> {
    // One node: one MGET, its answers already in order (most requests make this call once).
    if (!this.options.cluster) return this.timed(this.client.mGet(keys));
    const found = new Map<string, string | null>();
    await this.timed(
      Promise.all(
        [...this.bySlot(keys).values()].map(async (group) => {
          const values = await this.client.mGet(group);
          group.forEach((k, i) => found.set(k, values[i] ?? null));
        }),
      ),
    );
    return keys.map((k) => found.get(k) ?? null);
  }

  private bySlot(keys: string[]): Map<number, string[]> {
    return groupBy(keys, (k) => (this.options.cluster ? calculateSlot(k) : 0));
  }

  async versions(scopes: readonly string[]): Promise<string[]> {
    if (scopes.length === 0) return [];
    const keys = scopes.map((s) => this.versionKey(s));
    const found = await this.mGet(keys);
    const missing = found.flatMap((v, i) => (v === null ? [i] : []));
    if (missing.length > 0) {
      // Create missing tokens without overwriting one another instance created meanwhile.
      await this.timed(Promise.all(missing.map((i) => this.client.set(keys[i]!, newVersionToken(), { NX: true, EX: VERSION_TTL_SECONDS }))));
      const again = await this.mGet(missing.map((i) => keys[i]!));
      missing.forEach((i, j) => (found[i] = again[j] ?? null));
    }
    return found.map((v, i) => {
      if (v === null) throw new Error(`version ${scopes[i]} could not be read`);
      return v;
    });
  }

  async bump(scopes: readonly string[]): Promise<Bumped[]> {
    return this.timed(
      Promise.all(
        scopes.map(async (s) => {
          const next = newVersionToken();
          // SET ... GET: the token replaced, atomically (Redis 6.2+).
          const previous = await this.client.set(this.versionKey(s), next, { EX: VERSION_TTL_SECONDS, GET: true });
          return { previous: typeof previous === 'string' ? previous : null, next };
        }),
      ),
    );
  }

  /**
   * Deletes a namespace's entries (their keys start with `<prefix>:c3:<namespace>:`), found with
   * SCAN on every node: incremental, so Redis keeps answering meanwhile (an admin's rare act; the
   * entries were already unreachable, since the namespace's version was bumped first). Returns how
   * many entries existed and went.
   */
  async clearNamespace(namespace: Namespace): Promise<number> {
    const match = `${globEscape(this.k(namespace))}:*`;
    const cluster = this.client as unknown as { masters: unknown[]; nodeClient(node: unknown): Promise<RedisClient> };
    const nodes = this.options.cluster ? await Promise.all(cluster.masters.map((m) => cluster.nodeClient(m))) : [this.client];
    let deleted = 0;
    for (const node of nodes) {
      let cursor = '0';
      do {
        const page = await this.timed(node.scan(cursor, { MATCH: match, COUNT: 1_000 }));
        cursor = String(page.cursor);
        if (page.keys.length > 0) deleted += await this.unlink(page.keys);
      } while (cursor !== '0');
    }
    return deleted;
  }

  async ping(): Promise<void> {
    // A read of one key: a cluster has no keyless PING, and it proves the node owning it answers.
    await this.timed(this.client.get(`${this.options.prefix}:ping`));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([closeRedisClient(this.client, this.options.commandTimeoutMs), closeRedisClient(this.probeClient, this.options.commandTimeoutMs)]);
  }

  /**
   * Version keys carry a hash tag, so that on a cluster one student's versions share a slot, as do
   * the shared ones: a request's tokens are then at most two MGETs, whatever the cluster's size.
   */
  private versionKey(scope: string): string {
    const student = studentOfScope(scope);
    return `${this.options.prefix}:v:{${student === undefined ? 'g' : `s${student}`}}:${scope}`;
  }
}

/** A text matched literally by a SCAN pattern. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
