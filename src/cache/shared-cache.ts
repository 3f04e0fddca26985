import type { Logger } from '../logger.js';
import type { RequestScope } from '../request-scope.js';
import { CACHE_NAMESPACES, isSharedScope, NAMESPACE_NAMES, scope, type Namespace } from './namespaces.js';
import { RedisTimeoutError } from '../redis/redis-client.js';
import type { RedisLink } from '../redis/redis-link.js';
import { RedisStore } from './redis-store.js';
import { CacheStatsCollector, type CacheStatsSnapshot } from './stats.js';
import { MemoryStore, slotOf, type Bumped, type StoreEntry } from './store.js';

export interface CacheOptions {
  /** false (CACHE=off): every read goes to the database; for before/after comparisons. */
  enabled: boolean;
  memoryMaxEntries: number;
  memoryMaxBytes: number;
}

export interface CacheHealth {
  status: 'OK' | 'DEGRADED';
  latencyMs: number | null;
  detail: string;
}

/**
 * The cache shared across requests and, through Redis, instances: a bounded in-process LRU in
 * front of Redis, or alone without it. Redis away (the link says when), per-student entries are
 * read from the database (no instance serves what it could not invalidate) and the curriculum
 * from memory; when it is back, a new epoch starts before it is used. A command that only timed
 * out costs its request a miss. docs/architecture.md, "The shared cache".
 */
export class SharedCache {
  readonly memory: MemoryStore;
  readonly remote: RedisStore | undefined;
  readonly stats = new CacheStatsCollector();
  /** Since when Redis has not been used: away, or back but the new epoch not yet started. */
  private degradedSince: Date | null = null;
  private lastMissLog = 0;
  /** Last tokens read from Redis for shared scopes (not an account's), used while Redis is away. */
  private readonly lastKnown = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    readonly options: CacheOptions,
    private readonly logger: Logger,
    private readonly link?: RedisLink,
  ) {
    this.memory = new MemoryStore({ maxEntries: options.memoryMaxEntries, maxBytes: options.memoryMaxBytes });
    if (!options.enabled || !link) return;
    this.remote = new RedisStore(link);
    if (link.away) this.degradedSince = link.downSince ?? new Date();
    link.watch({
      away: () => {
        this.degradedSince ??= new Date();
        this.stats.outage();
      },
      back: () => this.newEpoch(),
    });
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

  /** Version tokens; a token Redis did not give in time is the last known one (shared scopes) or an Error. */
  async versions(scopes: readonly string[]): Promise<(string | Error)[]> {
    if (!this.remote) return this.memory.versions(scopes);
    if (!this.degradedSince) {
      try {
        const tokens = await this.remote.versions(scopes);
        scopes.forEach((s, i) => isSharedScope(s) && this.lastKnown.set(s, tokens[i]!));
        return tokens;
      } catch (error) {
        this.missed(error);
        if (!this.degradedSince) return scopes.map((s) => this.lastKnown.get(s) ?? (error instanceof Error ? error : new Error(String(error))));
      }
    }
    const local = await this.memory.versions(scopes);
    return scopes.map((s, i) => this.lastKnown.get(s) ?? local[i]!);
  }

  /** Makes what is built on these scopes unreachable everywhere; the tokens replaced and set (undefined: Redis could not say). */
  async bump(scopes: readonly string[]): Promise<Bumped[] | undefined> {
    const local = await this.memory.bump(scopes);
    if (!this.remote) return local;
    for (const s of scopes) this.lastKnown.delete(s);
    if (!this.degradedSince) {
      try {
        return await this.remote.bump(scopes);
      } catch (error) {
        this.missed(error);
      }
    }
    // Redis did not take it: the other instances hear it through PostgreSQL (invalidation-bus.ts).
    this.undelivered?.(scopes);
    return undefined;
  }

  /** Where bumps Redis did not take go (set by the invalidation bus). */
  private undelivered: ((scopes: readonly string[]) => void) | undefined;

  onUndelivered(send: (scopes: readonly string[]) => void): void {
    this.undelivered = send;
  }

  /** A bump that did not reach Redis, heard through PostgreSQL: applied here and to Redis, or Redis is not trusted. */
  async applyBroadcast(scopes: readonly string[]): Promise<void> {
    await this.memory.bump(scopes);
    for (const s of scopes) this.lastKnown.delete(s);
    if (!this.remote || this.degradedSince) return;
    try {
      await this.remote.bump(scopes);
    } catch (error) {
      this.untrusted(error);
    }
  }

  /** The listener reconnected: broadcasts may have been missed, so nothing cached so far is trusted. */
  async missedBroadcasts(): Promise<void> {
    this.logger.warn('cache: invalidations may have been missed while the listener was reconnecting; starting a new epoch');
    await this.applyBroadcast([scope.epoch]);
  }

  /** Values for full keys, memory then Redis; `ids`: the keys' own parts; `counted`: false for a peek. */
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

  /** Memory now, Redis in the background (a failure only costs a miss). */
  store(namespace: Namespace, entries: { key: string; id?: string; value: unknown }[]): void {
    if (entries.length === 0) return;
    const full: StoreEntry[] = entries.map((e) => {
      const text = JSON.stringify(e.value);
      return { key: e.key, namespace, value: e.value, ttlMs: CACHE_NAMESPACES[namespace].ttlSeconds * 1000, size: text.length, text, slot: e.id === undefined ? undefined : slotOf(namespace, e.id) };
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
        this.missed(error);
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
    if (!this.link) return { status: 'OK', latencyMs: null, detail: 'memory (no REDIS_URL)' };
    const started = performance.now();
    try {
      await this.link.probe();
      if (!this.degradedSince) return { status: 'OK', latencyMs: performance.now() - started, detail: 'redis' };
    } catch (error) {
      this.link.lost(error);
    }
    return { status: 'DEGRADED', latencyMs: null, detail: `redis not used since ${this.degradedSince?.toISOString()}: serving from memory` };
  }

  snapshot(): CacheStatsSnapshot {
    return this.stats.snapshot({ backend: this.backend, entries: this.memory.size, bytes: this.memory.bytes, degradedSince: this.degradedSince, enabled: this.enabled });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.epochRetry);
    await this.memory.close();
  }

  /** A failed or late command costs misses, not correctness: a value is filed under the versions it saw. */
  private missed(error: unknown): void {
    this.link?.failed(error);
    if (error instanceof RedisTimeoutError) this.stats.timeout();
    else this.stats.error();
    const now = Date.now();
    if (now - this.lastMissLog < 10_000) return;
    this.lastMissLog = now;
    this.logger.warn({ err: error instanceof Error ? { message: error.message, name: error.name } : error }, 'cache: a Redis command failed or timed out (the request read the database; logged at most every 10 s)');
  }

  /** Redis did not take a bump it must hold (refusing writes, or away): not used until a new epoch. */
  private untrusted(error: unknown): void {
    this.link?.failed(error);
    this.stats.error();
    if (!this.degradedSince) {
      this.degradedSince = new Date();
      this.stats.outage();
      this.logger.warn({ err: error instanceof Error ? { message: error.message, name: error.name } : error }, 'cache: Redis did not take an invalidation; serving from memory until it does');
    }
    this.newEpoch();
  }

  private closed = false;
  private epochRetry: NodeJS.Timeout | undefined;
  private startingEpoch = false;

  /** Redis is back: bumps may have missed it, so a new epoch starts before it is used (retried until taken). */
  private newEpoch(delayMs = 250): void {
    if (this.startingEpoch || this.epochRetry || this.closed || !this.remote || this.link!.away) return;
    this.startingEpoch = true;
    this.remote
      .bump([scope.epoch])
      .then(
        () => {
          this.degradedSince = null;
          this.lastKnown.clear();
        },
        () => {
          this.epochRetry = setTimeout(() => {
            this.epochRetry = undefined;
            this.newEpoch(Math.min(delayMs * 2, 2_000));
          }, delayMs);
          this.epochRetry.unref();
        },
      )
      .finally(() => (this.startingEpoch = false));
  }
}
