import KeyvRedis, { Keyv } from '@keyv/redis';
import calculateSlot from 'cluster-key-slot';
import { studentOfScope, type Namespace } from './namespaces.js';
import type { RedisClient } from '../redis/redis-client.js';
import type { RedisLink } from '../redis/redis-link.js';
import { newVersionToken, type Bumped, type CacheStore, type StoreEntry } from './store.js';
import { groupBy } from '../common/group-by.js';

/** Version tokens outlive every entry built on them; a lost token only causes misses. */
const VERSION_TTL_SECONDS = 2 * 24 * 3600;

/** Changed with the shape of a cached value: instances of two versions never read each other's entries. */
const FORMAT = 'c6';

/**
 * Values through Keyv over @keyv/redis, version tokens through the same node-redis client: the
 * link's (src/redis/redis-link.ts), whose commands time out and which says when Redis is away.
 */
export class RedisStore implements CacheStore {
  readonly backend = 'redis' as const;
  // One node or a cluster: both take the commands used here (a cluster routes each by its key).
  private readonly client: RedisClient;
  private readonly keyv: Keyv;
  private readonly prefix: string;
  private readonly cluster: boolean;

  constructor(private readonly link: RedisLink) {
    this.client = link.client;
    this.prefix = link.options.prefix;
    this.cluster = link.options.nodes.cluster;
    const adapter = new KeyvRedis(this.client as never, { throwOnErrors: true, throwOnConnectError: true, useUnlink: true });
    // Values serialized once, by the cache, as plain JSON (cached values hold no Date: times are
    // epoch milliseconds), without Keyv's envelope; expiry is Redis's own (PX).
    this.keyv = new Keyv({
      store: adapter,
      serialize: (d) => d.value as string,
      deserialize: (t) => ({ value: JSON.parse(t) as never }),
      useKeyPrefix: false,
      namespace: undefined,
      throwOnErrors: true,
    });
    this.keyv.on('error', () => {}); // errors reach callers through throwOnErrors
  }

  private k(key: string): string {
    return `${this.prefix}:${FORMAT}:${key}`;
  }

  private timed<T>(op: Promise<T>): Promise<T> {
    return this.link.run(op);
  }

  async get(keys: readonly string[]): Promise<unknown[]> {
    if (keys.length === 0) return [];
    return this.timed(this.keyv.getMany(keys.map((k) => this.k(k))));
  }

  async set(entries: readonly StoreEntry[]): Promise<void> {
    if (entries.length === 0) return;
    for (const e of entries) if (!e.key.startsWith(`${e.namespace}:`)) throw new Error(`cache key ${e.key} does not start with its namespace ${e.namespace}`);
    const items = entries.map((e) => ({ key: this.k(e.key), value: e.text ?? JSON.stringify(e.value), ttl: e.ttlMs }));
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
    if (!this.cluster) return this.timed(this.client.mGet(keys));
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
    return groupBy(keys, (k) => (this.cluster ? calculateSlot(k) : 0));
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
   * Deletes a namespace's entries (their keys start with `<prefix>:<FORMAT>:<namespace>:`), found with
   * SCAN on every node: incremental, so Redis keeps answering meanwhile (an admin's rare act; the
   * entries were already unreachable, since the namespace's version was bumped first). Returns how
   * many entries existed and went.
   */
  async clearNamespace(namespace: Namespace): Promise<number> {
    const match = `${globEscape(this.k(namespace))}:*`;
    const cluster = this.client as unknown as { masters: unknown[]; nodeClient(node: unknown): Promise<RedisClient> };
    const nodes = this.cluster ? await Promise.all(cluster.masters.map((m) => cluster.nodeClient(m))) : [this.client];
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

  /** The link is closed by its owner (it is shared). */
  async close(): Promise<void> {}

  /**
   * Version keys carry a hash tag, so that on a cluster one student's versions share a slot, as do
   * the shared ones: a request's tokens are then at most two MGETs, whatever the cluster's size.
   */
  private versionKey(scope: string): string {
    const student = studentOfScope(scope);
    return `${this.prefix}:v:{${student === undefined ? 'g' : `s${student}`}}:${scope}`;
  }
}

/** A text matched literally by a SCAN pattern. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
