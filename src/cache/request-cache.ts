import DataLoader from 'dataloader';
import { PER_STUDENT, scope, studentOfScope, type Namespace } from './namespaces.js';
import type { RequestScope } from '../request-scope.js';
import type { SharedCache } from './shared-cache.js';
import { versionAgeMs, type Bumped } from './store.js';
import { alignByKeys, groupByKeys } from '../common/loaders.js';
import { NotFoundError } from '../errors.js';

export interface ManySpec<K, V> {
  /** The key's own part, e.g. the student id or 'level:CP'. */
  id(key: K): string;
  /** Version scopes the value depends on, besides the epoch and its namespace. */
  scopes(key: K): string[];
  /** A shorter TTL for a value (e.g. a ranking that changes when a review falls due). */
  ttlMs?(value: V): number | undefined;
}

export interface PutItem<V> {
  id: string;
  scopes: string[];
  value: V;
  ttlMs?: number;
}

/** Where this request reads (see request-context.ts). */
export interface RequestRouting {
  /** How long a student's reads stay on the primary after its write (0: no read replica). */
  readAfterWriteMs: number;
  readsFromReplica: boolean;
  /** Called on each write, with the students it wrote: later reads go to the primary. */
  onWrite?: (students: number[]) => Promise<void>;
}

/** `<namespace>:<token of each scope>:<id>`: a new token for any scope makes a new key. */
function fullKey(namespace: Namespace, scopes: string[], tokens: ReadonlyMap<string, string>, id: string): string {
  return `${namespace}:${scopes.map((s) => tokens.get(s)).join('.')}:${id}`;
}

/**
 * The shared cache as one request sees it. Version tokens are read once per request, in one batch
 * (one Redis MGET for all the scopes the request's loaders touch), so everything the request
 * reads is consistent, and a write in the request is seen by the rest of it.
 */
export class RequestCache {
  private readonly versions: DataLoader<string, string>;
  /**
   * The tokens this request has read, by scope: what `versions` answered, kept as plain values so
   * that a read of scopes already known makes no promise, set or map (see docs/performance.md,
   * "Measurements behind the code"). Filled only by a read no
   * write overlapped (`writes` unchanged), and changed by `invalidate` as the loader is.
   */
  private readonly known = new Map<string, string>();
  private writes = 0;

  constructor(
    readonly shared: SharedCache,
    private readonly routing: RequestRouting = { readAfterWriteMs: 0, readsFromReplica: false },
    /** Where this request's hits and misses are counted (monitoring). */
    private readonly scope?: RequestScope,
  ) {
    this.versions = new DataLoader<string, string>(async (scopes) => shared.versions(scopes), { maxBatchSize: 500 });
  }

  /**
   * Values for keys, read through the cache: hits from memory or Redis, misses from `load`
   * (called once with the keys no other request is loading; undefined = no value, not cached).
   */
  async many<K, V>(namespace: Namespace, keys: readonly K[], spec: ManySpec<K, V>, load: (missing: K[]) => Promise<(V | undefined)[]>): Promise<(V | undefined)[]> {
    if (keys.length === 0) return [];
    const located = await this.locate(namespace, keys, spec);
    // No cache, no token (Redis late), or Redis away: read the database, cache nothing.
    if (!located) return load([...keys]);
    // The tokens are used right after the awaits only (keys and the storable check): see tokensOf.
    const { perKey, tokens, ids, fullKeys } = located;

    const values = (await this.shared.lookup(namespace, fullKeys, this.scope, ids)) as (V | undefined)[];
    const waiting: Promise<void>[] = [];
    const toLoad: number[] = [];
    values.forEach((v, i) => {
      if (v !== undefined) return;
      const running = this.shared.inflightFor(fullKeys[i]!);
      if (running) waiting.push(running.then((r) => void (values[i] = r as V | undefined)));
      else toLoad.push(i);
    });

    if (toLoad.length > 0) {
      const batch = load(toLoad.map((i) => keys[i]!));
      toLoad.forEach((i, j) => {
        const one = this.shared.coalesce(fullKeys[i]!, () => batch.then((loaded) => loaded[j]));
        waiting.push(one.then((r) => void (values[i] = r)));
      });
      const storable = perKey.every((scopes) => this.storable(scopes, tokens));
      waiting.push(
        batch.then((loaded) => {
          if (!storable) return;
          this.shared.store(
            namespace,
            toLoad.flatMap((i, j) => {
              const value = loaded[j];
              return value === undefined ? [] : [{ key: fullKeys[i]!, id: ids[i]!, value, ttlMs: spec.ttlMs?.(value) }];
            }),
          );
        }),
      );
    }
    await Promise.all(waiting); // every promise is awaited here, so a failed load never goes unhandled
    return values;
  }

  /**
   * Values cached for these keys under this request's versions, and nothing more: a key with no
   * value is not loaded, and not counted as a miss (nothing was read elsewhere instead).
   */
  async peek<K, V>(namespace: Namespace, keys: readonly K[], spec: Pick<ManySpec<K, V>, 'id' | 'scopes'>): Promise<(V | undefined)[]> {
    const located = keys.length === 0 ? undefined : await this.locate(namespace, keys, spec);
    if (!located) return keys.map(() => undefined);
    return (await this.shared.lookup(namespace, located.fullKeys, undefined, located.ids, false)) as (V | undefined)[];
  }

  /** The full keys of these keys under the versions this request reads; undefined when the cache cannot serve them now. */
  private async locate<K>(namespace: Namespace, keys: readonly K[], spec: Pick<ManySpec<K, unknown>, 'id' | 'scopes'>) {
    if (!this.shared.enabled || (this.shared.degraded && PER_STUDENT.has(namespace))) return undefined;
    const base = [scope.epoch, scope.namespace(namespace)];
    const perKey = keys.map((k) => [...base, ...spec.scopes(k)]);
    const tokens = await this.tokensOf(perKey);
    if (!tokens || (this.shared.degraded && PER_STUDENT.has(namespace))) return undefined;
    const ids = keys.map((k) => spec.id(k));
    return { perKey, tokens, ids, fullKeys: ids.map((id, i) => fullKey(namespace, perKey[i]!, tokens, id)) };
  }

  /** One row per key, read through the cache; the batch query runs for the misses only. */
  async rows<K, V>(namespace: Namespace, keys: readonly K[], spec: ManySpec<K, V>, fetch: (missing: K[]) => Promise<V[]>, keyOf: (row: V) => K, what: string): Promise<(V | Error)[]> {
    const values = await this.many<K, V>(namespace, keys, spec, async (missing) => alignByKeys(missing, await fetch(missing), keyOf));
    return values.map((v, i) => v ?? new NotFoundError(`${what} ${String(keys[i])}`));
  }

  /** A list per key, read through the cache; the batch query runs for the misses only. */
  async groups<K, V>(namespace: Namespace, keys: readonly K[], spec: ManySpec<K, V[]>, fetch: (missing: K[]) => Promise<V[]>, keyOf: (row: V) => K): Promise<V[][]> {
    const values = await this.many<K, V[]>(namespace, keys, spec, async (missing) => groupByKeys(missing, await fetch(missing), keyOf));
    return values.map((v) => v ?? []);
  }

  /**
   * Writes values computed elsewhere under the versions this request reads for them: the tokens
   * must have been read before the data the values come from (a value is never filed under a
   * version newer than what it saw), as a write's new tokens are, and a read's.
   */
  async put<V>(namespace: Namespace, items: PutItem<V>[]): Promise<void> {
    if (items.length === 0 || !this.shared.enabled || (this.shared.degraded && PER_STUDENT.has(namespace))) return;
    const base = [scope.epoch, scope.namespace(namespace)];
    const perItem = items.map((i) => [...base, ...i.scopes]);
    const tokens = await this.tokensOf(perItem);
    if (!tokens) return;
    this.shared.store(
      namespace,
      items.flatMap((i, n) => (this.storable(perItem[n]!, tokens) ? [{ key: fullKey(namespace, perItem[n]!, tokens, i.id), id: i.id, value: i.value, ttlMs: i.ttlMs }] : [])),
    );
  }

  /**
   * The tokens this request reads for these scopes (each read once per request, batched), or
   * undefined when one could not be read (Redis did not answer in time: see SharedCache.versions).
   * The map returned may be the request's own, which a later write changes: read it at once.
   */
  private async tokensOf(groups: readonly (readonly string[])[]): Promise<ReadonlyMap<string, string> | undefined> {
    if (groups.every((scopes) => scopes.every((s) => this.known.has(s)))) return this.known;
    return this.read([...new Set(groups.flat())]);
  }

  /** Reads tokens through the loader (batched), and keeps them if no write overlapped the read. */
  private async read(needed: string[]): Promise<Map<string, string> | undefined> {
    const writes = this.writes;
    const found = await this.versions.loadMany(needed);
    const tokens = new Map<string, string>();
    for (let i = 0; i < found.length; i++) {
      const t = found[i]!;
      if (t instanceof Error) return undefined;
      tokens.set(needed[i]!, t);
    }
    // A write since the read began may have replaced some of these: keep them for this read only.
    if (writes === this.writes) for (const [s, t] of tokens) if (!this.known.has(s)) this.known.set(s, t);
    return tokens;
  }

  /**
   * A value read from a replica may predate the write that made one of its versions (the replica
   * lags): it is shared only once every version is older than the replica's allowed lag.
   */
  private storable(scopes: string[], tokens: ReadonlyMap<string, string>): boolean {
    return !this.routing.readsFromReplica || scopes.every((s) => versionAgeMs(tokens.get(s)!) >= this.routing.readAfterWriteMs);
  }

  /**
   * Marks everything built on these scopes stale, on every instance, and makes the rest of this
   * request read the new versions. Call after the write has committed. The students the scopes
   * belong to have just written: with a read replica, their reads stay on the primary a while.
   */
  async invalidate(scopes: string[]): Promise<Map<string, Bumped>> {
    this.routing.readsFromReplica = false;
    await this.routing.onWrite?.([...new Set(scopes.flatMap((s) => studentOfScope(s) ?? []))]);
    const bumped = new Map<string, Bumped>();
    if (!this.shared.enabled) return bumped;
    this.writes++;
    const tokens = await this.shared.bump(scopes);
    this.writes++;
    scopes.forEach((s, i) => {
      this.versions.clear(s);
      this.known.delete(s);
      const t = tokens?.[i];
      if (!t) return;
      bumped.set(s, t);
      // The rest of the request reads the new version at no cost.
      this.versions.prime(s, t.next);
      this.known.set(s, t.next);
    });
    return bumped;
  }

  /**
   * Starts reading these scopes' tokens in one batch; the request's later reads of them wait for
   * it instead of making round trips of their own. Nothing is thrown here: a failure reaches the
   * read that needs the token.
   */
  prefetch(scopes: string[]): void {
    if (this.shared.enabled) void this.read(scopes);
  }

  /** The token this request read for a scope (reading it if it has not yet); undefined if unknown. */
  async tokenOf(scope: string): Promise<string | undefined> {
    if (!this.shared.enabled) return undefined;
    return this.versions.load(scope).catch(() => undefined);
  }
}

declare module '../context.js' {
  interface Context {
    cache: RequestCache;
  }
}
