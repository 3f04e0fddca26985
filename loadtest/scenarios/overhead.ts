import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { ms, rate, share } from '../report/format.js';
import type { ScenarioResult } from '../report/model.js';
import type { RunOptions } from '../options.js';
import { demoStudents } from '../setup/accounts.js';
import { spawnInstance } from '../setup/instances.js';
import { remoteTarget, SetupError, type Env } from '../setup/target.js';
import { runDashboardPhase, type CannonPhase } from './cannon-phase.js';

/**
 * overhead: what monitoring and tracing cost in throughput. The warm Dashboard at 50 connections
 * against the server (a process of its own each time, as npm start runs it), in one run: monitoring
 * off (MONITORING=off) and on (the default), twice each (off, on, on, off), then monitoring on with
 * OpenTelemetry traces and metrics exported over OTLP (to a receiver in this process that drops
 * them), all traces and then 10 % of them sampled. Prints each one's req/s and p95, the cost of
 * each as a share of throughput, and how far two runs of one setting land apart.
 * Env: DATABASE_URL and REDIS_URL. Command: npm run loadtest -- overhead [--connections 50 --duration 20]
 */
export async function overhead(options: RunOptions, env: Env, log: (line: string) => void): Promise<ScenarioResult> {
  if (!env.DATABASE_URL || !env.REDIS_URL) throw new SetupError('overhead starts its servers as processes of their own on one PostgreSQL and one Redis: set DATABASE_URL and REDIS_URL');
  const settings = { students: options.students ?? 200, connections: options.connections ?? 50, durationS: options.durationS ?? 20, warmupS: options.warmupS ?? 5 };
  const sink = await otlpSink();
  const secret = env.JWT_SECRET ?? randomBytes(32).toString('hex');
  const measure = async (name: string, label: string, extra: Record<string, string>, telemetry: boolean): Promise<CannonPhase> => {
    const shared = { DATABASE_URL: env.DATABASE_URL!, REDIS_URL: env.REDIS_URL!, JWT_SECRET: secret, LOG_LEVEL: 'warn', CACHE_KEY_PREFIX: `reved-overhead-${randomBytes(3).toString('hex')}` };
    const instance = await spawnInstance({ ...shared, ...extra }, telemetry);
    const target = await remoteTarget(instance.url, { ...env, JWT_SECRET: secret });
    try {
      const accounts = await demoStudents({ ...target, ours: true }, settings.students, { tokens: true });
      return await runDashboardPhase(name, label, target.url, accounts.map((a) => a.token!), settings, log);
    } finally {
      await instance.stop();
      await target.close();
    }
  };
  try {
    // Off and on twice each, in the order off, on, on, off: a drift of the machine over the run
    // (its other tenants, PostgreSQL's caches) weighs on both alike, and the two runs of one
    // setting show how far apart identical runs land here (the noise the cost is read against).
    const off1 = await measure('off-1', 'monitoring off (MONITORING=off), 1st', { MONITORING: 'off' }, false);
    const on1 = await measure('on-1', 'monitoring on (the default), 1st', {}, false);
    const on2 = await measure('on-2', 'monitoring on (the default), 2nd', {}, false);
    const off2 = await measure('off-2', 'monitoring off (MONITORING=off), 2nd', { MONITORING: 'off' }, false);
    const otlp = { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_METRIC_EXPORT_INTERVAL: '5000' };
    const traced = await measure('traced', 'monitoring on, OpenTelemetry exported over OTLP', otlp, true);
    // What an operator can set to pay less: one trace in ten kept (metrics stay whole).
    const sampled = await measure('sampled', 'the same, 10 % of traces sampled', { ...otlp, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }, true);
    const phases = [off1, on1, on2, off2, traced, sampled];
    const offRps = (off1.rps + off2.rps) / 2;
    const onRps = (on1.rps + on2.rps) / 2;
    const monitoringCost = 1 - onRps / offRps;
    const noise = Math.max(Math.abs(off1.rps - off2.rps) / offRps, Math.abs(on1.rps - on2.rps) / onRps);
    const costAgainst = (p: CannonPhase, rps: number) => 1 - p.rps / rps;
    const row = (p: CannonPhase, against?: number) => [p.label, rate(p.rps), ms(p.overall.p50), ms(p.overall.p95), String(p.overall.errors), against ? share(costAgainst(p, against)) : ''];
    return {
      scenario: 'overhead',
      title: `The warm Dashboard at ${settings.connections} connections, ${settings.durationS} s per phase after ${settings.warmupS} s of warm-up: monitoring off and on (twice each), then on with OpenTelemetry.`,
      startedAt: new Date().toISOString(),
      seconds: phases.reduce((t, p) => t + p.seconds, 0),
      settings,
      throughput: phases.map((p) => ({ label: p.label, rps: p.rps })),
      sections: [
        {
          title: 'What observing costs',
          lines: [
            `monitoring: ${share(monitoringCost)} of throughput (mean of two runs each, ${rate(onRps)} against ${rate(offRps)} req/s); two runs of one setting differed by up to ${share(noise)}`,
            `OpenTelemetry traces and metrics on top: ${share(costAgainst(traced, onRps))} of throughput (${Math.round(sink.bytes() / 1024)} KiB of OTLP received in both traced phases)`,
            `the same with 10 % of traces sampled (OTEL_TRACES_SAMPLER=parentbased_traceidratio, OTEL_TRACES_SAMPLER_ARG=0.1): ${share(costAgainst(sampled, onRps))} of throughput`,
          ],
          table: { columns: ['phase', 'req/s', 'p50 ms', 'p95 ms', 'errors', 'throughput lost'], rows: [row(off1), row(on1, offRps), row(on2, offRps), row(off2), row(traced, onRps), row(sampled, onRps)] },
        },
      ],
      charts: phases.map((p) => p.chart),
      checks: [{ name: 'monitoring costs under 5 % of throughput', limit: '< 5 %', value: share(monitoringCost), ok: monitoringCost < 0.05 }],
      figures: { phases: phases.map((p) => ({ label: p.label, rps: p.rps, latency: p.overall, cpu: p.cpu })), monitoringCost, noise, tracingCost: costAgainst(traced, onRps), sampledTracingCost: costAgainst(sampled, onRps) },
    };
  } finally {
    sink.close();
  }
}

/** An OTLP/HTTP receiver that accepts everything and keeps nothing but a byte count. */
async function otlpSink(): Promise<{ url: string; bytes: () => number; close: () => void }> {
  let bytes = 0;
  const server = createServer((req, res) => {
    req.on('data', (d: Buffer) => (bytes += d.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, bytes: () => bytes, close: () => server.close() };
}
