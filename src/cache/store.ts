import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Namespace } from './namespaces.js';

/** One value to write under its full key (which starts with `<namespace>:`). */
export interface StoreEntry {
  key: string;
  namespace: Namespace;
  value: unknown;
  ttlMs: number;
  size: number; // bytes, estimated (the serialized length), for the memory bound
  text?: string; // the value as JSON already
  /** What the value is of, whatever its versions: memory keeps the last entry written per slot. */
  slot?: string;
}

/** The slot of a value of `namespace` whose key's own part is `id` (StoreEntry.slot). */
export function slotOf(namespace: Namespace, id: string): string {
  return `${namespace}:${id}`;
}

/** What the shared cache needs of a store; memory and Redis pass one contract suite (store.contract.test.ts). */
export interface CacheStore {
  readonly backend: 'memory' | 'redis';
  get(keys: readonly string[]): Promise<unknown[]>;
  set(entries: readonly StoreEntry[]): Promise<void>;
  /** The current token of each version scope; a scope never seen gets a fresh random token. */
  versions(scopes: readonly string[]): Promise<string[]>;
  /** New tokens: every key built on the old ones is unreachable. Per scope, the token replaced (or null) and the new one. */
  bump(scopes: readonly string[]): Promise<Bumped[]>;
  /** Deletes the namespace's entries; returns how many there were. */
  clearNamespace(namespace: Namespace): Promise<number>;
  close(): Promise<void>;
}

// A token is unique without drawing randomness each time: a random id of this process, a counter.
const processId = randomBytes(6).toString('base64url');
let counter = 0;

export interface Bumped {
  previous: string | null;
  next: string;
}

/** A token no process makes twice, stamped with when it was made (ms, base 36). */
export function newVersionToken(now = Date.now()): string {
  return `${processId}${(counter++).toString(36)}.${now.toString(36)}`;
}

/** How long ago a token was made; Infinity for one without a stamp. */
export function versionAgeMs(token: string, now = Date.now()): number {
  const stamp = parseInt(token.slice(token.lastIndexOf('.') + 1), 36);
  return Number.isFinite(stamp) && token.includes('.') ? now - stamp : Number.POSITIVE_INFINITY;
}

export interface MemoryStoreOptions {
  maxEntries: number;
  maxBytes: number;
}

interface MemoryEntry {
  value: unknown;
  namespace: Namespace;
  size: number;
  slot: string | undefined;
}

/**
 * The in-process store: an LRU bounded by entries and estimated bytes, holding values as objects
 * (no parsing on a hit), shared between requests: callers treat them as immutable.
 */
export class MemoryStore implements CacheStore {
  readonly backend = 'memory' as const;
  private readonly entries: LRUCache<string, MemoryEntry>;
  /** The key of each slot's entry: what a write replaced leaves memory at once (docs/performance.md). */
  private readonly slots = new Map<string, string>();
  // Losing a version token is safe: a fresh token only turns old entries into misses.
  private readonly tokens = new LRUCache<string, string>({ max: 500_000 });

  constructor(options: MemoryStoreOptions) {
    this.entries = new LRUCache<string, MemoryEntry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (entry) => entry.size,
      dispose: (entry, key) => {
        if (entry.slot !== undefined && this.slots.get(entry.slot) === key) this.slots.delete(entry.slot);
      },
    });
  }

  async get(keys: readonly string[]): Promise<unknown[]> {
    return this.getSync(keys);
  }

  getSync(keys: readonly string[]): unknown[] {
    return keys.map((k) => this.entries.get(k)?.value);
  }

  async set(entries: readonly StoreEntry[]): Promise<void> {
    this.setSync(entries);
  }

  setSync(entries: readonly StoreEntry[]): void {
    for (const e of entries) {
      const previous = e.slot === undefined ? undefined : this.slots.get(e.slot);
      if (previous !== undefined && previous !== e.key) this.entries.delete(previous);
      this.entries.set(e.key, { value: e.value, namespace: e.namespace, size: Math.max(1, e.size + e.key.length), slot: e.slot }, { ttl: e.ttlMs });
      if (e.slot !== undefined) this.slots.set(e.slot, e.key);
    }
  }

  async versions(scopes: readonly string[]): Promise<string[]> {
    return scopes.map((s) => {
      let token = this.tokens.get(s);
      if (token === undefined) {
        token = newVersionToken();
        this.tokens.set(s, token);
      }
      return token;
    });
  }

  async bump(scopes: readonly string[]): Promise<Bumped[]> {
    return scopes.map((s) => {
      const previous = this.tokens.get(s) ?? null;
      const next = newVersionToken();
      this.tokens.set(s, next);
      return { previous, next };
    });
  }

  async clearNamespace(namespace: Namespace): Promise<number> {
    return this.dropNamespace(namespace);
  }

  /** Drops this process's entries of a namespace; returns how many. */
  dropNamespace(namespace: Namespace): number {
    let n = 0;
    for (const [key, entry] of this.entries.entries()) {
      if (entry.namespace === namespace && this.entries.delete(key)) n++;
    }
    return n;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every value held (tests check that each is plain JSON). */
  *values(): IterableIterator<unknown> {
    for (const e of this.entries.values()) yield e.value;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }
}
