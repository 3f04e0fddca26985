import type { AdminClient } from './admin-client.js';

const QUERY = `query Monitor {
  monitoring {
    health { status database { status latencyMs } cache { status detail } }
    requests(windowSeconds: 60) { count perSecond p50Ms p95Ms p99Ms errorRate clientErrorRate sqlPerRequest cacheHitRate }
    operations(windowSeconds: 60, limit: 8) { name count p95Ms errorRate sqlPerRequest }
    system { rssBytes heapUsedBytes memoryUsedRatio cpuPercent eventLoopLagP99Ms uptimeSeconds }
    cache { backend hitRate entries }
    database { poolSize idle waiting slowQueries }
    alerts { name severity message since }
  }
}`;

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const mb = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MiB`;

/** One screen of the live view, as text (the same text `--once` prints). */
export async function monitorScreen(client: AdminClient, url: string): Promise<string> {
  const { monitoring: m } = await client.query<{ monitoring: any }>(QUERY);
  const r = m.requests;
  const lines = [
    `RevEd Kids API  ${url}  ${new Date().toISOString()}`,
    '',
    `health    ${m.health.status}   database ${m.health.database.status} (${m.health.database.latencyMs === null ? '-' : ms(m.health.database.latencyMs)})   cache ${m.health.cache.status} (${m.health.cache.detail})`,
    `requests  last 60 s: ${r.count} (${r.perSecond.toFixed(1)}/s)   p50 ${ms(r.p50Ms)}   p95 ${ms(r.p95Ms)}   p99 ${ms(r.p99Ms)}`,
    `errors    server ${pct(r.errorRate)}   client ${pct(r.clientErrorRate)}   SQL/request ${r.sqlPerRequest.toFixed(2)}   cache hit rate ${pct(r.cacheHitRate)}`,
    `process   RSS ${mb(m.system.rssBytes)} (${pct(m.system.memoryUsedRatio)} of limit)   heap ${mb(m.system.heapUsedBytes)}   CPU ${m.system.cpuPercent.toFixed(0)} %   event-loop lag p99 ${ms(m.system.eventLoopLagP99Ms)}   up ${Math.round(m.system.uptimeSeconds)} s`,
    `cache     ${m.cache.backend}, ${m.cache.entries} entries in memory, ${pct(m.cache.hitRate)} hits since start`,
    `database  pool ${m.database.poolSize} (${m.database.idle} idle, ${m.database.waiting} waiting)   slow statements ${m.database.slowQueries}`,
    '',
    m.alerts.length === 0 ? 'alerts    none' : `alerts    ${m.alerts.length}`,
    ...m.alerts.map((a: any) => `  ${a.severity.padEnd(8)} ${a.name.padEnd(15)} ${a.message} (since ${a.since})`),
    '',
    'operation                             count      p95   server errors  SQL/request',
    ...m.operations.map((o: any) => `${o.name.slice(0, 36).padEnd(36)} ${String(o.count).padStart(6)} ${ms(o.p95Ms).padStart(10)} ${pct(o.errorRate).padStart(14)} ${o.sqlPerRequest.toFixed(2).padStart(12)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Redraws the screen every `intervalMs` until interrupted; a failed refresh says why and retries. */
export async function runMonitor(client: AdminClient, url: string, intervalMs: number): Promise<never> {
  for (;;) {
    let screen: string;
    try {
      screen = await monitorScreen(client, url);
    } catch (error) {
      screen = `RevEd Kids API  ${url}\n\ncannot read monitoring: ${error instanceof Error ? error.message : String(error)}\n`;
    }
    process.stdout.write(`\x1b[2J\x1b[H${screen}\n(refreshing every ${intervalMs / 1000} s, Ctrl-C to quit)\n`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
