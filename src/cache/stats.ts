import { CACHE_NAMESPACES, NAMESPACE_NAMES, type Namespace } from './namespaces.js';

interface Counters {
  memoryHits: number;
  redisHits: number;
  misses: number;
  sets: number;
  deletes: number;
}

export interface NamespaceStats extends Counters {
  namespace: Namespace;
  hits: number;
  hitRate: number;
  ttlSeconds: number;
}

export interface CacheStatsSnapshot {
  enabled: boolean;
  backend: 'redis' | 'memory';
  degradedSince: Date | null;
  hits: number;
  misses: number;
  hitRate: number;
  sets: number;
  deletes: number;
  errors: number;
  /** Of the errors, Redis commands that passed the command timeout (misses; Redis not taken for away). */
  timeouts: number;
  /** Times Redis became unreachable since the process started (one warning logged each time). */
  outages: number;
  /** Entries and estimated bytes held by this instance's memory layer. */
  entries: number;
  bytes: number;
  namespaces: NamespaceStats[];
}

const rate = (hits: number, all: number) => (all === 0 ? 0 : hits / all);

/**
 * Counted where they happen, since the process started: a hit is a value found in memory or in
 * Redis, a miss a value the database had to provide. Nothing is estimated.
 */
export class CacheStatsCollector {
  private readonly counters = new Map<Namespace, Counters>(
    NAMESPACE_NAMES.map((ns) => [ns, { memoryHits: 0, redisHits: 0, misses: 0, sets: 0, deletes: 0 }]),
  );
  private errorCount = 0;
  private timeoutCount = 0;
  private outageCount = 0;

  record(ns: Namespace, memoryHits: number, redisHits: number, misses: number): void {
    const c = this.counters.get(ns)!;
    c.memoryHits += memoryHits;
    c.redisHits += redisHits;
    c.misses += misses;
  }

  sets(ns: Namespace, n: number): void {
    this.counters.get(ns)!.sets += n;
  }

  deletes(ns: Namespace, n: number): void {
    this.counters.get(ns)!.deletes += n;
  }

  error(): void {
    this.errorCount++;
  }

  timeout(): void {
    this.errorCount++;
    this.timeoutCount++;
  }

  outage(): void {
    this.outageCount++;
  }

  snapshot(state: Pick<CacheStatsSnapshot, 'backend' | 'entries' | 'bytes' | 'degradedSince' | 'enabled'>): CacheStatsSnapshot {
    const namespaces = NAMESPACE_NAMES.map((namespace) => {
      const c = this.counters.get(namespace)!;
      const hits = c.memoryHits + c.redisHits;
      return { namespace, ...c, hits, hitRate: rate(hits, hits + c.misses), ttlSeconds: CACHE_NAMESPACES[namespace].ttlSeconds };
    });
    const sum = (f: (n: NamespaceStats) => number) => namespaces.reduce((s, n) => s + f(n), 0);
    const hits = sum((n) => n.hits);
    const misses = sum((n) => n.misses);
    return { ...state, hits, misses, hitRate: rate(hits, hits + misses), sets: sum((n) => n.sets), deletes: sum((n) => n.deletes), errors: this.errorCount, timeouts: this.timeoutCount, outages: this.outageCount, namespaces };
  }
}
