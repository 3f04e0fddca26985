import type { Logger } from '../logger.js';
import type { RequestScope } from '../request-scope.js';
import { CACHE_NAMESPACES, NAMESPACE_NAMES, scope, studentOfScope, type Namespace } from './namespaces.js';
import { RedisTimeoutError } from '../redis/redis-client.js';
import { RedisStore } from './redis-store.js';
import { serialize } from './serializer.js';
import { CacheStatsCollector, type CacheStatsSnapshot } from './stats.js';
import { MemoryStore, slotOf, type Bumped, type StoreEntry } from './store.js';

export interface CacheOptions {
  /** false (CACHE=off): every read goes to the database; for before/after comparisons. */
  enabled: boolean;
  /** No nodes: memory only. Several, or `cluster`: a Redis Cluster. */
  redis: { urls: readonly string[]; cluster: boolean };
  keyPrefix: string;
  commandTimeoutMs: number;
  memoryMaxEntries: number;
  memoryMaxBytes: number;
}

export interface CacheHealth {
  status: 'OK' | 'DEGRADED';
  latencyMs: number | null;
  detail: string;
}

/**
 * The cache shared across requests (and, through Redis, across instances): a bounded in-process
 * LRU in front of Redis when REDIS_URL is set, the LRU alone otherwise.
 *
 * Redis away: reads and writes that need it fail fast (short command timeout, no offline queue),
 * the cache goes DEGRADED and logs one warning, per-student entries are bypassed (read from the
 * database, so no instance can serve a value it could not invalidate), the curriculum keeps being
 * served from memory, and a probe retries Redis with backoff. When Redis answers again the epoch
 * is bumped (invalidations may have been missed meanwhile) and the cache is back to Redis.
 *
 * Away means: the connection failed, or the store's check after a timeout said so (redis-store.ts).
 * A command that only timed out costs its request the cache (a miss, or no token: the request
 * reads the database) and does not turn Redis off for everyone.
 */
export class SharedCache {
  readonly memory: MemoryStore;
  readonly remote: RedisStore | undefined;
  readonly stats = new CacheStatsCollector();
  private degradedSince: Date | null = null;
  private probe: NodeJS.Timeout | undefined;
  private closed = false;
  private lastMissLog = 0;
  /** Last tokens read from Redis for shared scopes (not a student's), used while Redis is away. */
  private readonly lastKnown = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    readonly options: CacheOptions,
    private readonly logger: Logger,
  ) {
    this.memory = new MemoryStore({ maxEntries: options.memoryMaxEntries, maxBytes: options.memoryMaxBytes });
    if (options.enabled && options.redis.urls.length > 0) {
      this.remote = new RedisStore({
        urls: [...options.redis.urls],
        cluster: options.redis.cluster,
        prefix: options.keyPrefix,
        commandTimeoutMs: options.commandTimeoutMs,
        onStateChange: (up, error) => (up ? this.recovered() : this.failed(error)),
      });
    }
  }

  /** Connects to Redis if configured, waiting at most `waitMs` (the service starts without it). */
  async start(waitMs = 1_000): Promise<void> {
    if (this.remote && !(await this.remote.connect(waitMs))) this.failed(new Error('Redis did not answer at start'));
  }

  get enabled(): boolean {
    return this.options.enabled;
  }

  /** The store that answers now: redis, or memory (no Redis configured, or Redis away). */
  get backend(): 'redis' | 'memory' {
    return this.remote && !this.degradedSince ? 'redis' : 'memory';
  }

  get degraded(): boolean {
    return this.degradedSince !== null;
  }

  /**
   * Version tokens: from Redis when it answers; the memory store's own without Redis. When Redis
   * did not answer in time but is not known to be away, a shared scope gets its last known token
   * and a student's scope an Error: what is built on it is read from the database, not cached.
   */
  async versions(scopes: readonly string[]): Promise<(string | Error)[]> {
    if (!this.remote) return this.memory.versions(scopes);
    if (!this.degradedSince) {
      try {
        const tokens = await this.remote.versions(scopes);
        scopes.forEach((s, i) => studentOfScope(s) === undefined && this.lastKnown.set(s, tokens[i]!));
        return tokens;
      } catch (error) {
        this.trouble(error);
        if (!this.degradedSince) return scopes.map((s) => this.lastKnown.get(s) ?? (error instanceof Error ? error : new Error(String(error))));
      }
    }
    // Redis away: shared scopes keep their last known token (the curriculum keeps being served).
    const local = await this.memory.versions(scopes);
    return scopes.map((s, i) => this.lastKnown.get(s) ?? local[i]!);
  }

  /**
   * Makes every entry built on these scopes unreachable, on every instance. Returns the tokens
   * replaced and set, from the store every instance reads (undefined when Redis could not say).
   */
  async bump(scopes: readonly string[]): Promise<Bumped[] | undefined> {
    const local = await this.memory.bump(scopes);
    if (!this.remote) return local;
    for (const s of scopes) this.lastKnown.delete(s);
    if (!this.degradedSince) {
      try {
        return await this.remote.bump(scopes);
      } catch (error) {
        this.trouble(error);
      }
    }
    // Redis did not take it (away from here, or refusing writes): the other instances, which may
    // still read the old versions there, hear it through PostgreSQL (invalidation-bus.ts).
    this.undelivered?.(scopes);
    return undefined;
  }

  /** Where bumps Redis did not take go (set by the invalidation bus). */
  private undelivered: ((scopes: readonly string[]) => void) | undefined;

  onUndelivered(send: (scopes: readonly string[]) => void): void {
    this.undelivered = send;
  }

  /**
   * A bump made elsewhere that did not reach Redis (or made by the database: an account deleted,
   * its tokens revoked). Applied here, and to Redis if this instance can write there; if it cannot,
   * Redis's versions cannot be trusted, and per-student values are read from the database until
   * Redis takes writes again (then the epoch moves, as after any outage).
   */
  async applyBroadcast(scopes: readonly string[]): Promise<void> {
    await this.memory.bump(scopes);
    for (const s of scopes) this.lastKnown.delete(s);
    if (!this.remote || this.degradedSince) return;
    try {
      await this.remote.bump(scopes);
    } catch (error) {
      this.failed(error);
    }
  }

  /** Broadcasts may have been missed (the listener's connection was lost): nothing cached so far is trusted. */
  async missedBroadcasts(): Promise<void> {
    this.logger.warn('cache: invalidations may have been missed while the listener was reconnecting; starting a new epoch');
    await this.applyBroadcast([scope.epoch]);
  }

  /**
   * Values for full keys: memory first, then Redis (filling memory); undefined for a miss. `ids`,
   * when given, are the keys' own parts, in order (what a value refilled from Redis is of). `counted`:
   * false for a look that loads nothing on a miss (not a hit or a miss in the figures).
   */
  async lookup(namespace: Namespace, keys: readonly string[], request?: RequestScope, ids?: readonly string[], counted = true): Promise<unknown[]> {
    const values = this.memory.getSync(keys);
    const missing = values.flatMap((v, i) => (v === undefined ? [i] : []));
    const memoryHits = keys.length - missing.length;
    let redisHits = 0;
    if (missing.length > 0 && this.remote && !this.degradedSince) {
      try {
        const found = await this.remote.get(missing.map((i) => keys[i]!));
        const refill: StoreEntry[] = [];
        found.forEach((v, j) => {
          if (v === undefined) return;
          const i = missing[j]!;
          values[i] = v;
          redisHits++;
          // The serialized size is not at hand here: count a typical entry for the memory bound.
          refill.push({ key: keys[i]!, namespace, value: v, ttlMs: CACHE_NAMESPACES[namespace].ttlSeconds * 1000, size: 1_024, slot: ids && slotOf(namespace, ids[i]!) });
        });
        this.memory.setSync(refill);
      } catch (error) {
        this.missed(error); // read as misses: the values come from the database
      }
    }
    const misses = missing.length - redisHits;
    if (counted) this.stats.record(namespace, memoryHits, redisHits, misses);
    if (request && counted) {
      request.cacheHits += memoryHits + redisHits;
      request.cacheMisses += misses;
    }
    return values;
  }

  /**
   * Writes computed values: memory now, Redis in the background (a failure only costs a miss).
   * `id`: the key's own part, when it has versions (the memory store keeps one entry per id).
   */
  store(namespace: Namespace, entries: { key: string; id?: string; value: unknown; ttlMs?: number }[]): void {
    if (entries.length === 0) return;
    const full: StoreEntry[] = entries.map((e) => {
      const text = serialize(e.value);
      return { key: e.key, namespace, value: e.value, ttlMs: e.ttlMs ?? CACHE_NAMESPACES[namespace].ttlSeconds * 1000, size: text.length, text, slot: e.id === undefined ? undefined : slotOf(namespace, e.id) };
    });
    this.memory.setSync(full);
    this.stats.sets(namespace, full.length);
    if (this.remote && !this.degradedSince) {
      this.remote.set(full).catch((error: unknown) => this.missed(error)); // only later misses
    }
  }

  /** Runs `load` once for concurrent misses of the same key, whichever request asks. */
  coalesce<V>(key: string, load: () => Promise<V>): Promise<V> {
    const running = this.inflight.get(key) as Promise<V> | undefined;
    if (running) return running;
    const promise = load().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  inflightFor(key: string): Promise<unknown> | undefined {
    return this.inflight.get(key);
  }

  /** Empties a namespace everywhere; returns how many entries went (Redis's count when it is used). */
  async clearNamespace(namespace: Namespace): Promise<number> {
    const local = this.memory.dropNamespace(namespace);
    await this.bump([scope.namespace(namespace)]);
    let removed = local;
    if (this.remote && !this.degradedSince) {
      try {
        removed = await this.remote.clearNamespace(namespace);
      } catch (error) {
        this.trouble(error);
      }
    }
    this.stats.deletes(namespace, removed);
    return removed;
  }

  async clearAll(): Promise<number> {
    let n = 0;
    for (const ns of NAMESPACE_NAMES) n += await this.clearNamespace(ns);
    return n;
  }

  async health(): Promise<CacheHealth> {
    if (!this.enabled) return { status: 'OK', latencyMs: null, detail: 'off (CACHE=off): every read goes to the database' };
    if (!this.remote) return { status: 'OK', latencyMs: null, detail: 'memory (no REDIS_URL)' };
    const started = performance.now();
    try {
      // On the probe's own connection: a busy cache connection does not make Redis look away.
      await this.remote.probe();
      if (this.degradedSince) this.recovered();
      return { status: 'OK', latencyMs: performance.now() - started, detail: 'redis' };
    } catch {
      this.failed(new Error('ping failed'));
      return { status: 'DEGRADED', latencyMs: null, detail: `redis unreachable since ${this.degradedSince?.toISOString()}: serving from memory` };
    }
  }

  snapshot(): CacheStatsSnapshot {
    return this.stats.snapshot({ backend: this.backend, entries: this.memory.size, bytes: this.memory.bytes, degradedSince: this.degradedSince, enabled: this.enabled });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.probe);
    await this.remote?.close();
    await this.memory.close();
  }

  /**
   * A command that failed: a timeout is a miss (missed), anything else means Redis is away (failed).
   * A timed-out command is still on its way, in order (see RedisStore.check); whether Redis is away
   * is the store's check to say, through onStateChange.
   */
  private trouble(error: unknown): void {
    if (error instanceof RedisTimeoutError) this.missed(error);
    else this.failed(error);
  }

  /**
   * A command that failed or timed out without Redis being away: it costs misses, not correctness
   * (a value is filed under the versions it was computed from, so a late or lost one is never
   * wrong). Counted, but it does not turn Redis off: under heavy load a command can take longer
   * than the timeout while Redis is fine, and switching to memory (then bumping the epoch on
   * return) would make every request dearer just when the server is busiest.
   */
  private missed(error: unknown): void {
    if (error instanceof RedisTimeoutError) this.stats.timeout();
    else this.stats.error();
    const now = Date.now();
    if (now - this.lastMissLog < 10_000) return;
    this.lastMissLog = now;
    this.logger.warn({ err: error instanceof Error ? { message: error.message, name: error.name } : error }, 'cache: a Redis command failed or timed out (the request read the database; logged at most every 10 s)');
  }

  /** Redis is away: one warning per outage, then a probe with backoff until Redis answers. */
  private failed(error: unknown): void {
    this.stats.error();
    if (this.closed || !this.remote) return;
    if (!this.degradedSince) {
      this.degradedSince = new Date();
      this.stats.outage();
      this.logger.warn({ err: error instanceof Error ? { message: error.message, name: error.name } : error }, 'cache: Redis unreachable, serving from memory until it answers');
    }
    this.scheduleProbe(250);
  }

  private scheduleProbe(delayMs: number): void {
    if (this.probe || this.closed) return;
    this.probe = setTimeout(async () => {
      this.probe = undefined;
      try {
        await this.remote!.ping();
        this.recovered();
      } catch {
        this.scheduleProbe(Math.min(delayMs * 2, 2_000));
      }
    }, delayMs);
    this.probe.unref();
  }

  private recovering = false;

  private recovered(): void {
    if (!this.degradedSince || this.closed || !this.remote || this.recovering) return;
    this.recovering = true;
    // Writes during the outage could not bump their versions in Redis: start a new epoch before
    // serving from Redis again, so no entry written before the outage can be read.
    this.remote
      .bump([scope.epoch])
      .then(() => {
        const outage = Date.now() - this.degradedSince!.getTime();
        this.degradedSince = null;
        this.lastKnown.clear();
        this.logger.info({ outageMs: outage }, 'cache: Redis answers again, back to Redis');
      })
      .catch((error: unknown) => this.failed(error))
      .finally(() => (this.recovering = false));
  }
}
