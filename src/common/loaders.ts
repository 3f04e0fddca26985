import DataLoader from 'dataloader';
import { NotFoundError } from '../errors.js';

/**
 * Per-request DataLoader plumbing. Loaders live for one request only (they memoise what this
 * viewer was allowed to load); what is shared across requests goes through the cache
 * (cache/request-cache.ts), which the curriculum's loaders and the student read model read through.
 */
export interface Batching {
  /** false: every load runs its own query (the "before" of the before/after load comparison). */
  batching: boolean;
}

/** What the app uses of a DataLoader. */
export interface Loader<K, V> {
  load(key: K): Promise<V>;
  loadMany(keys: ArrayLike<K>): Promise<(V | Error)[]>;
  prime(key: K, value: V | PromiseLike<V> | Error): this;
  clear(key: K): this;
  clearAll(): this;
}

/**
 * A per-request DataLoader, made on its first use: a request builds every loader the schema may
 * need but uses a few (an exercise page uses two), so building them all would be wasted work on
 * most requests. Clearing one never used is a no-op.
 */
class LazyLoader<K, V, C> implements Loader<K, V> {
  private made: DataLoader<K, V, C> | undefined;

  constructor(private readonly make: () => DataLoader<K, V, C>) {}

  private get loader(): DataLoader<K, V, C> {
    return (this.made ??= this.make());
  }

  load(key: K): Promise<V> {
    return this.loader.load(key);
  }

  loadMany(keys: ArrayLike<K>): Promise<(V | Error)[]> {
    return this.loader.loadMany(keys);
  }

  prime(key: K, value: V | PromiseLike<V> | Error): this {
    this.loader.prime(key, value);
    return this;
  }

  clear(key: K): this {
    this.made?.clear(key);
    return this;
  }

  clearAll(): this {
    this.made?.clearAll();
    return this;
  }
}

export function loader<K, V, C = K>(options: Batching, batch: (keys: readonly K[]) => Promise<(V | Error)[]>, cacheKeyFn?: (key: K) => C): Loader<K, V> {
  return new LazyLoader<K, V, C>(
    () =>
      new DataLoader<K, V, C>(batch, {
        batch: options.batching,
        cache: options.batching,
        maxBatchSize: 1_000,
        ...(cacheKeyFn ? { cacheKeyFn } : {}),
      }),
  );
}

/** Puts rows in the order of the keys; a key with no row gets undefined. */
export function alignByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | undefined)[] {
  const found = new Map<K, V>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((k) => found.get(k));
}

/** Puts rows in the order of the keys; a key with no row gets a NOT_FOUND error. */
export function orderByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, what: string): (V | Error)[] {
  return alignByKeys(keys, rows, keyOf).map((v, i) => v ?? new NotFoundError(`${what} ${String(keys[i])}`));
}

/** Groups rows under their keys, in the order of the keys; a key with no row gets []. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const k of keys) groups.set(k, []);
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
