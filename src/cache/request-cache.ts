import DataLoader from 'dataloader';
import { PER_ACCOUNT, scope, studentOfScope, type Namespace } from './namespaces.js';
import type { RequestScope } from '../request-scope.js';
import type { SharedCache } from './shared-cache.js';
import { versionAgeMs, type Bumped } from './store.js';
import { alignByKeys, groupByKeys } from '../common/loaders.js';
import { NotFoundError } from '../errors.js';

export interface ManySpec<K, V> {
  id(key: K): string; // the key's own part: a student id, 'level:CP'
  scopes(key: K): string[]; // besides the epoch and the namespace
}

export interface PutItem<V> {
  id: string;
  scopes: string[];
  value: V;
}

/** Where this request reads (request-context.ts): a replica until it writes, then the primary. */
export interface RequestRouting {
  /** How long a student's reads stay on the primary after its write (0: no read replica). */
  readAfterWriteMs: number;
  readsFromReplica: boolean;
  onWrite?: (students: number[]) => Promise<void>;
}

/** `<namespace>:<token of each scope>:<id>`: a new token for any scope makes a new key. */
function fullKey(namespace: Namespace, scopes: string[], tokens: ReadonlyMap<string, string>, id: string): string {
  return `${namespace}:${scopes.map((s) => tokens.get(s)).join('.')}:${id}`;
}

/**
 * The shared cache as one request sees it: version tokens read once, in one batch (one MGET), so
 * everything the request reads is consistent, and its own writes are seen by the rest of it.
 */
export class RequestCache {
  private readonly versions: DataLoader<string, string>;
  /** Tokens read, as plain values (a read of known scopes makes no promise: docs/performance.md). */
  private readonly known = new Map<string, string>();
  private writes = 0;

  constructor(
    readonly shared: SharedCache,
    private readonly routing: RequestRouting = { readAfterWriteMs: 0, readsFromReplica: false },
    private readonly scope?: RequestScope, // where hits and misses are counted
  ) {
    this.versions = new DataLoader<string, string>(async (scopes) => shared.versions(scopes), { maxBatchSize: 500 });
  }

  /** Values through the cache; misses from `load` (once, for keys no other request is loading). */
  async many<K, V>(namespace: Namespace, keys: readonly K[], spec: ManySpec<K, V>, load: (missing: K[]) => Promise<(V | undefined)[]>): Promise<(V | undefined)[]> {
    if (keys.length === 0) return [];
    const located = await this.locate(namespace, keys, spec);
    if (!located) return load([...keys]); // no cache, no token, or Redis away: nothing cached
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
              return value === undefined ? [] : [{ key: fullKeys[i]!, id: ids[i]!, value }];
            }),
          );
        }),
      );
    }
    await Promise.all(waiting); // every promise is awaited here, so a failed load never goes unhandled
    return values;
  }

  /** What is cached for these keys, loading nothing (a key with no value is not counted a miss). */
  async peek<K, V>(namespace: Namespace, keys: readonly K[], spec: Pick<ManySpec<K, V>, 'id' | 'scopes'>): Promise<(V | undefined)[]> {
    const located = keys.length === 0 ? undefined : await this.locate(namespace, keys, spec);
    if (!located) return keys.map(() => undefined);
    return (await this.shared.lookup(namespace, located.fullKeys, undefined, located.ids, false)) as (V | undefined)[];
  }

  /** Full keys under this request's versions; undefined when the cache cannot serve them now. */
  private async locate<K>(namespace: Namespace, keys: readonly K[], spec: Pick<ManySpec<K, unknown>, 'id' | 'scopes'>) {
    if (!this.shared.enabled || (this.shared.degraded && PER_ACCOUNT.has(namespace))) return undefined;
    const base = [scope.epoch, scope.namespace(namespace)];
    const perKey = keys.map((k) => [...base, ...spec.scopes(k)]);
    const tokens = await this.tokensOf(perKey);
    if (!tokens || (this.shared.degraded && PER_ACCOUNT.has(namespace))) return undefined;
    const ids = keys.map((k) => spec.id(k));
    return { perKey, tokens, ids, fullKeys: ids.map((id, i) => fullKey(namespace, perKey[i]!, tokens, id)) };
  }

  /** One row per key through the cache (NotFoundError for none). */
  async rows<K, V>(namespace: Namespace, keys: readonly K[], spec: ManySpec<K, V>, fetch: (missing: K[]) => Promise<V[]>, keyOf: (row: V) => K, what: string): Promise<(V | Error)[]> {
    const values = await this.many<K, V>(namespace, keys, spec, async (missing) => alignByKeys(missing, await fetch(missing), keyOf));
    return values.map((v, i) => v ?? new NotFoundError(`${what} ${String(keys[i])}`));
  }

  /** A list per key through the cache. */
  async groups<K, V>(namespace: Namespace, keys: readonly K[], spec: ManySpec<K, V[]>, fetch: (missing: K[]) => Promise<V[]>, keyOf: (row: V) => K): Promise<V[][]> {
    const values = await this.many<K, V[]>(namespace, keys, spec, async (missing) => groupByKeys(missing, await fetch(missing), keyOf));
    return values.map((v) => v ?? []);
  }

  /**
   * Writes values under the versions this request reads: tokens read before the data the values
   * come from, so a value is never filed under a version newer than what it saw.
   */
  async put<V>(namespace: Namespace, items: PutItem<V>[]): Promise<void> {
    if (items.length === 0 || !this.shared.enabled || (this.shared.degraded && PER_ACCOUNT.has(namespace))) return;
    const base = [scope.epoch, scope.namespace(namespace)];
    const perItem = items.map((i) => [...base, ...i.scopes]);
    const tokens = await this.tokensOf(perItem);
    if (!tokens) return;
    this.shared.store(
      namespace,
      items.flatMap((i, n) => (this.storable(perItem[n]!, tokens) ? [{ key: fullKey(namespace, perItem[n]!, tokens, i.id), id: i.id, value: i.value }] : [])),
    );
  }

  /** Tokens for these scopes (undefined: one could not be read). May be `known`: read it at once. */
  private async tokensOf(groups: readonly (readonly string[])[]): Promise<ReadonlyMap<string, string> | undefined> {
    if (groups.every((scopes) => scopes.every((s) => this.known.has(s)))) return this.known;
    return this.read([...new Set(groups.flat())]);
  }

  /** Reads tokens (batched); keeps them only if no write overlapped the read. */
  private async read(needed: string[]): Promise<Map<string, string> | undefined> {
    const writes = this.writes;
    const found = await this.versions.loadMany(needed);
    const tokens = new Map<string, string>();
    for (let i = 0; i < found.length; i++) {
      const t = found[i]!;
      if (t instanceof Error) return undefined;
      tokens.set(needed[i]!, t);
    }
    if (writes === this.writes) for (const [s, t] of tokens) if (!this.known.has(s)) this.known.set(s, t);
    return tokens;
  }

  /** A value read from a lagging replica is shared only once its versions are older than the lag. */
  private storable(scopes: string[], tokens: ReadonlyMap<string, string>): boolean {
    return !this.routing.readsFromReplica || scopes.every((s) => versionAgeMs(tokens.get(s)!) >= this.routing.readAfterWriteMs);
  }

  /** After a write commits: everything built on these scopes is stale, on every instance. */
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
      this.versions.prime(s, t.next);
      this.known.set(s, t.next);
    });
    return bumped;
  }

  /** Starts reading these tokens in one batch (a failure reaches the read that needs one). */
  prefetch(scopes: string[]): void {
    if (this.shared.enabled) void this.read(scopes);
  }

  /** The token this request reads for a scope; undefined if unknown. */
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
