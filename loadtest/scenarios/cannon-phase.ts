import type { CannonJob, CannonResult } from '../driver/cannon.js';
import { operations } from '../driver/operations.js';
import { runLoad } from '../driver/spawn.js';
import { summarizeCpu, type CpuSummary } from '../measure/cpu.js';
import { Recorder, type OperationStats } from '../measure/recorder.js';
import { ms, rate } from '../report/format.js';
import type { TimelineChart } from '../report/timeline-chart.js';

/** One closed-loop autocannon run and its figures (before/after phases, the ceiling). */
export interface CannonPhase {
  label: string;
  overall: OperationStats;
  seconds: number;
  rps: number;
  cpu: CpuSummary;
  autocannon: CannonResult['autocannon'];
  chart: TimelineChart;
}

export async function runCannonPhase(name: string, label: string, job: Omit<CannonJob, 'kind'>, log: (line: string) => void): Promise<CannonPhase> {
  log(`${label}: ${job.connections} connections, ${job.warmupSeconds} s warm-up, then ${job.durationSeconds} s against ${job.url}`);
  const load = await runLoad<CannonResult>({ kind: 'cannon', ...job }, { serverInProcess: true });
  const rec = Recorder.from(load.result.recorder);
  const seconds = (rec.lastAt() - rec.startedAt) / 1000;
  const overall = rec.overall();
  const rps = (overall.count + overall.errors) / seconds;
  log(`${label}: ${rate(rps)} req/s, p95 ${ms(overall.p95)} ms, ${overall.errors} errors`);
  return {
    label,
    overall,
    seconds,
    rps,
    cpu: summarizeCpu(load.cpu, rec.startedAt, rec.lastAt()),
    autocannon: load.result.autocannon,
    chart: { name, title: label, timeline: rec.timeline(), markers: [] },
  };
}

/** The Dashboard query (5 recommendations, 20 progress rows) in closed loops over these students' tokens. */
export function runDashboardPhase(
  name: string,
  label: string,
  url: string,
  tokens: string[],
  settings: { connections: number; warmupS: number; durationS: number },
  log: (line: string) => void,
): Promise<CannonPhase> {
  return runCannonPhase(name, label, {
    url,
    connections: settings.connections,
    warmupSeconds: settings.warmupS,
    durationSeconds: settings.durationS,
    operationName: operations.dashboard.name,
    body: JSON.stringify({ query: operations.dashboard.text, variables: { limit: 5, first: 20 } }),
    tokens,
  }, log);
}
