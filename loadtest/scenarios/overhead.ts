import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { operations } from '../driver/operations.js';
import { ms, rate, share } from '../report/format.js';
import type { ScenarioResult } from '../report/model.js';
import type { RunOptions } from '../options.js';
import { demoStudents } from '../setup/accounts.js';
import { spawnInstance } from '../setup/instances.js';
import { remoteTarget, SetupError, type Env } from '../setup/target.js';
import { runCannonPhase, type CannonPhase } from './cannon-phase.js';

/**
 * overhead: what monitoring and tracing cost in throughput. The warm Dashboard at 50 connections
 * against the server (a process of its own each time, as npm start runs it) three ways, in one
 * run: monitoring off (MONITORING=off), monitoring on (the default), and monitoring on with
 * OpenTelemetry traces and metrics exported over OTLP (to a receiver in this process that drops
 * them). Prints each one's req/s and p95, and the cost of each as a share of throughput.
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
      return await runCannonPhase(name, label, {
        url: target.url,
        connections: settings.connections,
        warmupSeconds: settings.warmupS,
        durationSeconds: settings.durationS,
        operationName: operations.dashboard.name,
        body: JSON.stringify({ query: operations.dashboard.text, variables: { limit: 5, first: 20 } }),
        tokens: accounts.map((a) => a.token!),
      }, log);
    } finally {
      await instance.stop();
      await target.close();
    }
  };
  try {
    const off = await measure('off', 'monitoring off (MONITORING=off)', { MONITORING: 'off' }, false);
    const on = await measure('on', 'monitoring on (the default)', {}, false);
    const traced = await measure('traced', 'monitoring on, OpenTelemetry exported over OTLP', { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_METRIC_EXPORT_INTERVAL: '5000' }, true);
    const cost = (with_: CannonPhase, without: CannonPhase) => 1 - with_.rps / without.rps;
    const row = (p: CannonPhase, against?: CannonPhase) => [p.label, rate(p.rps), ms(p.overall.p50), ms(p.overall.p95), String(p.overall.errors), against ? share(cost(p, against)) : ''];
    return {
      scenario: 'overhead',
      title: `The warm Dashboard at ${settings.connections} connections, ${settings.durationS} s per phase after ${settings.warmupS} s of warm-up: monitoring off, on, and on with OpenTelemetry.`,
      startedAt: new Date().toISOString(),
      seconds: off.seconds + on.seconds + traced.seconds,
      settings,
      throughput: [off, on, traced].map((p) => ({ label: p.label, rps: p.rps })),
      sections: [
        {
          title: 'What observing costs',
          lines: [
            `monitoring: ${share(cost(on, off))} of throughput`,
            `OpenTelemetry traces and metrics on top: ${share(cost(traced, on))} of throughput (${Math.round(sink.bytes() / 1024)} KiB of OTLP received)`,
          ],
          table: { columns: ['phase', 'req/s', 'p50 ms', 'p95 ms', 'errors', 'throughput lost'], rows: [row(off), row(on, off), row(traced, on)] },
        },
      ],
      charts: [off.chart, on.chart, traced.chart],
      checks: [{ name: 'monitoring costs under 5 % of throughput', limit: '< 5 %', value: share(cost(on, off)), ok: cost(on, off) < 0.05 }],
      figures: { phases: [off, on, traced].map((p) => ({ label: p.label, rps: p.rps, latency: p.overall, cpu: p.cpu })), monitoringCost: cost(on, off), tracingCost: cost(traced, on) },
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
