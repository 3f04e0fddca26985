import type { AdminClient } from './admin-client.js';

const STATS = `{ monitoring { cache {
  backend enabled hits misses hitRate sets deletes errors timeouts outages degradedSince entries bytes
  namespaces { namespace hits misses hitRate memoryHits redisHits sets ttlSeconds }
} } }`;

/** The cache figures of the running server, as a table. */
export async function cacheStats(client: AdminClient): Promise<string> {
  const { monitoring } = await client.query<{ monitoring: { cache: any } }>(STATS);
  const c = monitoring.cache;
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  const lines = [
    `backend ${c.backend}${c.enabled ? '' : ' (CACHE=off)'}${c.degradedSince ? `, Redis unreachable since ${c.degradedSince}` : ''}`,
    `hits ${c.hits}, misses ${c.misses}, hit rate ${pct(c.hitRate)}; sets ${c.sets}, deletes ${c.deletes}, errors ${c.errors} (timeouts ${c.timeouts}), Redis outages ${c.outages}`,
    `memory layer: ${c.entries} entries, ~${(c.bytes / 1024 / 1024).toFixed(1)} MiB`,
    '',
    'namespace          ttl       hits (memory/redis)     misses   hit rate      sets',
    ...c.namespaces.map(
      (n: any) =>
        `${n.namespace.padEnd(16)} ${`${n.ttlSeconds}s`.padStart(6)} ${String(n.hits).padStart(9)} (${n.memoryHits}/${n.redisHits})`.padEnd(47) +
        `${String(n.misses).padStart(8)} ${pct(n.hitRate).padStart(10)} ${String(n.sets).padStart(9)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** Empties one namespace, or all; never FLUSHDB (the Redis may hold other data). */
export async function cacheClear(client: AdminClient, namespace: string | undefined): Promise<string> {
  const { clearCache } = await client.query<{ clearCache: number }>('mutation($ns: String) { clearCache(namespace: $ns) }', { ns: namespace ?? null });
  return `cleared ${namespace ?? 'every namespace'}: ${clearCache} entries went\n`;
}
