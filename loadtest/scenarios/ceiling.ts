import type { Check } from '../checks/thresholds.js';
import { ms, rate, share } from '../report/format.js';
import type { ScenarioResult } from '../report/model.js';
import { cpuSection } from '../report/sections.js';
import type { RunOptions } from '../options.js';
import { startCeilingServer } from '../setup/ceiling-server.js';
import { runCannonPhase } from './cannon-phase.js';

/**
 * ceiling: a minimal Apollo Server 5 on Fastify (loadtest/setup/ceiling-server.ts, not the app)
 * answering `{ __typename }` at 50 connections for 10 s, in the same process layout as the app's
 * runs; every other scenario of the same run is then also given as a fraction of it.
 * Env: none. Command: npm run loadtest -- ceiling (also part of npm run test:performance)
 */
export async function ceiling(options: RunOptions, _env: unknown, log: (line: string) => void): Promise<ScenarioResult> {
  const settings = { connections: options.connections ?? 50, durationS: options.durationS ?? 10, warmupS: options.warmupS ?? 2 };
  const startedAt = new Date().toISOString();
  const server = await startCeilingServer();
  let phase;
  try {
    phase = await runCannonPhase('', 'ceiling: Apollo on Fastify, { __typename }', {
      url: server.url,
      connections: settings.connections,
      warmupSeconds: settings.warmupS,
      durationSeconds: settings.durationS,
      operationName: '{ __typename }',
      body: JSON.stringify({ query: '{ __typename }' }),
      tokens: [],
    }, log);
  } finally {
    await server.close();
  }
  const o = phase.overall;
  const errors: Check = { name: 'errors', limit: `< ${share(options.thresholds.maxErrorRate)}`, value: share(o.errorRate), ok: o.errorRate < options.thresholds.maxErrorRate };
  return {
    scenario: 'ceiling',
    title: `Apollo Server 5 on Fastify answering { __typename }, ${settings.connections} connections, ${settings.durationS} s: the most the framework itself serves here.`,
    startedAt,
    seconds: phase.seconds,
    settings,
    throughput: [{ label: 'ceiling', rps: phase.rps }],
    sections: [
      {
        title: 'Framework ceiling',
        lines: [`autocannon's own count: ${phase.autocannon.completed} responses in ${phase.autocannon.durationSeconds} s, ${phase.autocannon.errors} errors, ${phase.autocannon.timeouts} timeouts`],
        table: {
          columns: ['req/s', 'avg ms', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
          rows: [[rate(phase.rps), ms(o.avg), ms(o.p50), ms(o.p95), ms(o.p99), ms(o.max), String(o.errors)]],
        },
      },
      cpuSection(phase.cpu),
    ],
    charts: [phase.chart],
    checks: [errors],
    figures: { rps: phase.rps, latency: o, cpu: phase.cpu, autocannon: phase.autocannon },
  };
}
