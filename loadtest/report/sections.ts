import type { IntegrityReport } from '../checks/integrity.js';
import type { MonitoringReport } from '../checks/monitoring.js';
import type { CpuSummary } from '../measure/cpu.js';
import type { OperationStats } from '../measure/recorder.js';
import { ms, rate, share } from './format.js';
import type { Section } from './model.js';

/** The report sections several scenarios share. */
export function operationsSection(title: string, operations: OperationStats[], overall: OperationStats, seconds: number, monitoring?: MonitoringReport): Section {
  const sql = new Map(monitoring?.available ? monitoring.operations.map((o) => [o.name, o.sqlPerRequest]) : []);
  const row = (o: OperationStats) => [
    o.name,
    String(o.count + o.errors),
    rate((o.count + o.errors) / seconds),
    ms(o.avg),
    ms(o.p50),
    ms(o.p95),
    ms(o.p99),
    ms(o.max),
    `${o.errors} (${share(o.errorRate)})`,
    sql.has(o.name) ? sql.get(o.name)!.toFixed(1) : '',
  ];
  return {
    title,
    table: {
      columns: ['operation', 'count', 'req/s', 'avg ms', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'SQL/req'],
      rows: [...[...operations].sort((a, b) => a.name.localeCompare(b.name)).map(row), row({ ...overall, name: '**all**' })],
    },
  };
}

export function errorsSection(operations: OperationStats[]): Section | undefined {
  const lines = operations.flatMap((o) => Object.entries(o.errorKinds).map(([kind, n]) => `${o.name}: ${n} x ${kind}`));
  return lines.length ? { title: 'Errors by kind', lines } : undefined;
}

export function cpuSection(cpu: CpuSummary): Section {
  const pair = (v: { mean: number; max: number }, f: (x: number) => string) => `${f(v.mean)} mean, ${f(v.max)} peak`;
  return {
    title: 'CPU',
    lines: [
      `load generator (worker thread) event-loop utilisation: ${pair(cpu.loadgenElu, share)}${cpu.loadgenElu.mean > 0.7 ? ' (near saturation: the figures may be the load generator\'s limit)' : ''}`,
      cpu.serverElu ? `server (main thread) event-loop utilisation: ${pair(cpu.serverElu, share)}` : 'server: not in this process (TARGET_URL)',
      ...(cpu.serverCores ? [`server (main thread) CPU time: ${pair(cpu.serverCores, (v) => `${v.toFixed(2)} cores`)} (busy time beyond it is the loop waiting for a core)`] : []),
      `this process: ${pair(cpu.processCores, (v) => `${v.toFixed(2)} cores`)}`,
      `whole machine busy: ${pair(cpu.machineBusy, share)} (other work on the machine included)`,
    ],
  };
}

export function monitoringSection(m: MonitoringReport): Section {
  if (!m.available) return { title: 'Monitoring (from the server)', lines: [`monitoring unavailable: ${m.reason}`] };
  return {
    title: 'Monitoring (from the server)',
    lines: [
      `cache: ${share(m.cache.hitRate)} hits (${m.cache.hits} hits: ${m.cache.memoryHits} from memory, ${m.cache.redisHits} from Redis; ${m.cache.misses} misses; ${m.cache.backend}), counted since the server started`,
      `memory layer at the end: ${m.cache.entries} entries, ${(m.cache.bytes / 1024 / 1024).toFixed(1)} MiB (estimated; bounds: CACHE_MEMORY_MAX_ENTRIES, CACHE_MEMORY_MAX_MB)`,
      `requests over the server's window: ${m.requests.count}, p95 ${ms(m.requests.p95Ms)} ms`,
      ...m.operations.map((o) => `${o.name}: ${o.count} requests, ${o.sqlPerRequest.toFixed(2)} SQL statements per request, p95 ${ms(o.p95Ms)} ms`),
    ],
  };
}

export function integritySection(i: IntegrityReport, mismatches: { grading: number; replay: number; examples: string[] }): Section {
  return {
    title: 'Answers: sent, acknowledged, stored',
    lines: [
      `${i.submitted} answers sent, ${i.acknowledged} acknowledged, ${i.inDoubt} never answered (${i.inDoubtStored} of them stored anyway); ${i.stored} stored`,
      `lost ${i.lost}, doubled ${i.doubled}, stored with other points or grade ${i.mismatched}`,
      `points: ${i.pointsAcknowledged} acknowledged, ${i.pointsStored} stored; students whose total drifted ${i.pointsDrift}; progress rows whose attempt count drifted ${i.progressDrift}`,
      `grades against the answer key: ${mismatches.grading} wrong; double taps answered differently: ${mismatches.replay}`,
      ...[...i.examples, ...mismatches.examples].map((e) => `example: ${e}`),
    ],
  };
}
