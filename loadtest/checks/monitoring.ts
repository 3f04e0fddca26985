import type { AdminSession } from '../setup/admin.js';

/**
 * What the server says about itself after a run, from the `monitoring` query of the contract
 * (../shared/contract/api.graphql), asked as an admin. A server without that field yet is
 * reported as "monitoring unavailable" rather than failing the run. The query is written out here,
 * not generated: codegen checks documents against the emitted schema, which may not have it yet.
 */
const MONITORING = `query LoadtestMonitoring {
  monitoring {
    cache { backend hits misses hitRate }
    requests { count p95Ms }
    operations { name count sqlPerRequest p95Ms }
  }
}`;

export interface MonitoringFigures {
  available: true;
  cache: { backend: string; hits: number; misses: number; hitRate: number };
  requests: { count: number; p95Ms: number };
  operations: { name: string; count: number; sqlPerRequest: number; p95Ms: number }[];
}

export type MonitoringReport = MonitoringFigures | { available: false; reason: string };

export async function readMonitoring(admin: AdminSession): Promise<MonitoringReport> {
  const r = await admin.http.post<{ monitoring: Omit<MonitoringFigures, 'available'> }>(MONITORING, undefined, admin.token);
  if (r.ok) return { available: true, ...r.data.monitoring };
  const missing = r.kind.includes('GRAPHQL_VALIDATION_FAILED') && /monitoring|Cannot query field/i.test(r.message);
  return { available: false, reason: missing ? 'this server has no `monitoring` query yet' : `${r.kind}: ${r.message}` };
}

/** The mean SQL statements per request over the given operations, weighted by their counts. */
export function sqlPerRequest(report: MonitoringReport, names: readonly string[]): number | undefined {
  if (!report.available) return undefined;
  const ops = report.operations.filter((o) => names.includes(o.name) && o.count > 0);
  const count = ops.reduce((s, o) => s + o.count, 0);
  return count === 0 ? undefined : ops.reduce((s, o) => s + o.sqlPerRequest * o.count, 0) / count;
}
