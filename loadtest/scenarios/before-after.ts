import { hitRateCheck, latencyChecks } from '../checks/thresholds.js';
import { readMonitoring, sqlPerRequest, type MonitoringReport } from '../checks/monitoring.js';
import { operations } from '../driver/operations.js';
import { ms, rate, ratio, share } from '../report/format.js';
import type { ScenarioResult } from '../report/model.js';
import type { RunOptions } from '../options.js';
import { demoStudents } from '../setup/accounts.js';
import { signInAdmin } from '../setup/admin.js';
import { openTarget, type Env } from '../setup/target.js';
import { runDashboardPhase, type CannonPhase } from './cannon-phase.js';

/**
 * before-after: the Dashboard query at fixed concurrency (50 connections, 200 students' tokens in
 * turn, 20 s after a 5 s warm-up) against the app with DataLoaders and the cache on, then against
 * a second start with both off (DATALOADERS=off CACHE=off), in one run; prints the ratio of
 * req/s and of p95, and SQL per request of each from the server's monitoring.
 * Env: the servers run in this process (DATABASE_URL, REDIS_URL or embedded); TARGET_URL is refused.
 * Command: npm run loadtest -- before-after (also part of npm run test:performance)
 */
interface Measured extends CannonPhase {
  monitoring: MonitoringReport;
}

export async function beforeAfter(options: RunOptions, env: Env, log: (line: string) => void): Promise<ScenarioResult> {
  const settings = { students: options.students ?? 200, connections: options.connections ?? 50, durationS: options.durationS ?? 20, warmupS: options.warmupS ?? 5 };
  const startedAt = new Date().toISOString();

  const measure = async (name: string, label: string, switches: 'on' | 'off'): Promise<Measured> => {
    const target = await openTarget(env, { DATALOADERS: switches, CACHE: switches });
    try {
      const accounts = await demoStudents(target, settings.students, { tokens: true });
      const phase = await runDashboardPhase(name, label, target.url, accounts.map((a) => a.token!), settings, log);
      const admin = await signInAdmin(target.url, { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD });
      try {
        return { ...phase, monitoring: await readMonitoring(admin) };
      } finally {
        await admin.close();
      }
    } finally {
      await target.close();
    }
  };
  const on = await measure('on', 'Dashboard, DataLoaders and cache on', 'on');
  const off = await measure('off', 'Dashboard, DataLoaders and cache off', 'off');

  const rpsRatio = on.rps / off.rps;
  const p95Ratio = off.overall.p95 / on.overall.p95;
  const sql = (m: Measured) => sqlPerRequest(m.monitoring, [operations.dashboard.name]);
  const row = (m: Measured) => [
    m.label,
    rate(m.rps),
    ms(m.overall.avg),
    ms(m.overall.p50),
    ms(m.overall.p95),
    ms(m.overall.p99),
    String(m.overall.errors),
    sql(m)?.toFixed(1) ?? 'n/a',
    m.monitoring.available ? share(m.monitoring.cache.hitRate) : 'n/a',
    m.cpu.serverElu ? share(m.cpu.serverElu.mean) : 'n/a',
    share(m.cpu.loadgenElu.mean),
  ];
  const hitRate = on.monitoring.available ? on.monitoring.cache.hitRate : undefined;
  return {
    scenario: 'before-after',
    title: `The Dashboard query at ${settings.connections} connections over ${settings.students} students, ${settings.durationS} s per phase after ${settings.warmupS} s of warm-up: DataLoaders and cache on, then off.`,
    startedAt,
    seconds: on.seconds + off.seconds,
    settings,
    throughput: [
      { label: on.label, rps: on.rps },
      { label: off.label, rps: off.rps },
    ],
    sections: [
      {
        title: 'On against off',
        lines: [
          `req/s, on / off: ${ratio(rpsRatio)}`,
          `p95, off / on: ${ratio(p95Ratio)}`,
          ...(on.monitoring.available ? [] : [`monitoring unavailable: ${on.monitoring.reason} (no SQL per request or hit rate)`]),
        ],
        table: {
          columns: ['phase', 'req/s', 'avg ms', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'SQL/req', 'cache hits', 'server ELU', 'load generator ELU'],
          rows: [row(on), row(off)],
        },
      },
    ],
    charts: [on.chart, off.chart],
    checks: [...latencyChecks('on', on.overall, options.thresholds), hitRateCheck(hitRate, options.thresholds)],
    figures: {
      rpsRatio,
      p95Ratio,
      phases: [on, off].map((m) => ({ label: m.label, rps: m.rps, latency: m.overall, cpu: m.cpu, autocannon: m.autocannon, monitoring: m.monitoring, sqlPerRequest: sql(m) })),
    },
  };
}
