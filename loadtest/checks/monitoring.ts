import type { OperationStats } from '../measure/recorder.js';
import { GraphQLHttp } from '../driver/graphql-http.js';
import type { AdminSession } from '../setup/admin.js';
import type { Check } from './thresholds.js';

/**
 * What the server says about itself after a run, from the `monitoring` query of the contract
 * (../shared/contract/api.graphql), asked as an admin. A server without that field yet is
 * reported as "monitoring unavailable" rather than failing the run. The query is written out here,
 * not generated: codegen checks documents against the emitted schema, which may not have it yet.
 */
export const MONITORING = `query LoadtestMonitoring {
  monitoring {
    cache { backend hits misses hitRate entries bytes namespaces { memoryHits redisHits } }
    requests(windowSeconds: 900) { count p95Ms }
    operations(windowSeconds: 900, limit: 100) { name count sqlPerRequest p95Ms }
  }
}`;

export interface MonitoringFigures {
  available: true;
  /**
   * memoryHits and redisHits: the hits each layer answered (summed over the namespaces); entries
   * and bytes (estimated): what the memory layer holds at the end, against its bounds.
   */
  cache: { backend: string; hits: number; misses: number; hitRate: number; memoryHits: number; redisHits: number; entries: number; bytes: number };
  requests: { count: number; p95Ms: number };
  operations: { name: string; count: number; sqlPerRequest: number; p95Ms: number }[];
}

export type MonitoringReport = MonitoringFigures | { available: false; reason: string };

/**
 * Every instance's figures, summed: counts, hits and misses add up; a p95 cannot be added, so the
 * highest instance's is given (and the agreement check on p95 is then not made).
 */
export async function readMonitoringOfAll(urls: string[], token: string): Promise<MonitoringReport & { instances: number }> {
  const reports: MonitoringReport[] = [];
  for (const url of urls) {
    const http = new GraphQLHttp(url, { connections: 1, timeoutMs: 30_000 });
    try {
      reports.push(await readMonitoring({ http, token, close: () => http.close() }));
    } finally {
      await http.close();
    }
  }
  const failed = reports.find((r) => !r.available);
  if (failed || reports.length === 1) return { ...(failed ?? reports[0]!), instances: reports.length };
  const all = reports as MonitoringFigures[];
  const sum = (f: (r: MonitoringFigures) => number) => all.reduce((s, r) => s + f(r), 0);
  const hits = sum((r) => r.cache.hits);
  const misses = sum((r) => r.cache.misses);
  const byName = new Map<string, MonitoringFigures['operations'][number]>();
  for (const o of all.flatMap((r) => r.operations)) {
    const seen = byName.get(o.name);
    if (!seen) byName.set(o.name, { ...o });
    else {
      const count = seen.count + o.count;
      byName.set(o.name, { name: o.name, count, sqlPerRequest: count === 0 ? 0 : (seen.sqlPerRequest * seen.count + o.sqlPerRequest * o.count) / count, p95Ms: Math.max(seen.p95Ms, o.p95Ms) });
    }
  }
  return {
    available: true,
    instances: all.length,
    cache: { backend: all[0]!.cache.backend, hits, misses, hitRate: hits + misses === 0 ? 0 : hits / (hits + misses), memoryHits: sum((r) => r.cache.memoryHits), redisHits: sum((r) => r.cache.redisHits), entries: sum((r) => r.cache.entries), bytes: sum((r) => r.cache.bytes) },
    requests: { count: sum((r) => r.requests.count), p95Ms: Math.max(...all.map((r) => r.requests.p95Ms)) },
    operations: [...byName.values()],
  };
}

interface MonitoringAnswer extends Omit<MonitoringFigures, 'available' | 'cache'> {
  cache: Omit<MonitoringFigures['cache'], 'memoryHits' | 'redisHits'> & { namespaces: { memoryHits: number; redisHits: number }[] };
}

export async function readMonitoring(admin: AdminSession): Promise<MonitoringReport> {
  const r = await admin.http.post<{ monitoring: MonitoringAnswer }>(MONITORING, undefined, admin.token);
  if (r.ok) {
    const { namespaces, ...cache } = r.data.monitoring.cache;
    const layer = (f: (n: (typeof namespaces)[number]) => number) => namespaces.reduce((s, n) => s + f(n), 0);
    return { available: true, ...r.data.monitoring, cache: { ...cache, memoryHits: layer((n) => n.memoryHits), redisHits: layer((n) => n.redisHits) } };
  }
  const missing = r.kind.includes('GRAPHQL_VALIDATION_FAILED') && /monitoring|Cannot query field/i.test(r.message);
  return { available: false, reason: missing ? 'this server has no `monitoring` query yet' : `${r.kind}: ${r.message}` };
}

/**
 * Does the server's own monitoring agree with what the load generator measured in the same run?
 * Counts are compared over the operations only students send (the admin's login and answer-key
 * query are the server's alone), within 1 %; the p95 of everything, within 20 % (the server
 * times a request from its arrival to its response; the client adds the network and itself).
 */
export function agreementChecks(report: MonitoringReport & { instances?: number }, measured: readonly OperationStats[], overall: OperationStats): Check[] {
  const names = ['Dashboard', 'Exercise', 'SubmitAttempt', 'Recommendations'];
  if (!report.available) {
    return [{ name: 'monitoring agrees with the load generator', limit: 'count 1 %, p95 20 %', value: 'monitoring unavailable', ok: null }];
  }
  const ours = measured.filter((o) => names.includes(o.name.replace(/ \(.*\)$/, ''))).reduce((s, o) => s + o.count + o.errors, 0);
  const theirs = report.operations.filter((o) => names.includes(o.name)).reduce((s, o) => s + o.count, 0);
  const countGap = ours === 0 ? 0 : Math.abs(theirs - ours) / ours;
  const p95Gap = overall.p95 === 0 ? 0 : Math.abs(report.requests.p95Ms - overall.p95) / overall.p95;
  return [
    { name: "monitoring's request count against the load generator's", limit: '< 1 %', value: `${theirs} / ${ours} (${(countGap * 100).toFixed(2)} %)`, ok: countGap < 0.01 },
    (report.instances ?? 1) > 1
      ? { name: "monitoring's p95 against the load generator's", limit: '< 20 %', value: 'not comparable: each instance has its own p95', ok: null }
      : { name: "monitoring's p95 against the load generator's", limit: '< 20 %', value: `${report.requests.p95Ms.toFixed(1)} / ${overall.p95.toFixed(1)} ms (${(p95Gap * 100).toFixed(1)} %)`, ok: p95Gap < 0.2 },
  ];
}

/** The mean SQL statements per request over the given operations, weighted by their counts. */
export function sqlPerRequest(report: MonitoringReport, names: readonly string[]): number | undefined {
  if (!report.available) return undefined;
  const ops = report.operations.filter((o) => names.includes(o.name) && o.count > 0);
  const count = ops.reduce((s, o) => s + o.count, 0);
  return count === 0 ? undefined : ops.reduce((s, o) => s + o.sqlPerRequest * o.count, 0) / count;
}
