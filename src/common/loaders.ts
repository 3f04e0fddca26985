import DataLoader from 'dataloader';
import { NotFoundError } from '../errors.js';

/**
 * Per-request DataLoader plumbing. Loaders live for one request only (they memoise what this
 * viewer was allowed to load); anything shared across requests goes through the cache layer.
 */
export interface LoaderOptions {
  /** false: every load runs its own query (the "before" of the before/after load comparison). */
  batching: boolean;
}

export function loader<K, V, C = K>(options: LoaderOptions, batch: (keys: readonly K[]) => Promise<(V | Error)[]>, cacheKeyFn?: (key: K) => C): DataLoader<K, V, C> {
  return new DataLoader<K, V, C>(batch, {
    batch: options.batching,
    cache: options.batching,
    maxBatchSize: 1_000,
    ...(cacheKeyFn ? { cacheKeyFn } : {}),
  });
}

/** Puts rows in the order of the keys; a key with no row gets a NOT_FOUND error. */
export function orderByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, what: string): (V | Error)[] {
  const found = new Map<K, V>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((k) => found.get(k) ?? new NotFoundError(`${what} ${String(k)}`));
}

/** Groups rows under their keys, in the order of the keys; a key with no row gets []. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const k of keys) groups.set(k, []);
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
