import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operation } from '../../test/operations.js';
import { spawnServer, type SpawnedServer } from '../../test/spawn-server.js';

/** An in-process OTLP/HTTP receiver: keeps every JSON body posted to /v1/traces and /v1/metrics. */
function otlpReceiver(): Promise<{ server: Server; url: string; traces: any[]; metrics: any[] }> {
  const traces: any[] = [];
  const metrics: any[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      try {
        const parsed = JSON.parse(body);
        if (req.url === '/v1/traces') traces.push(parsed);
        if (req.url === '/v1/metrics') metrics.push(parsed);
      } catch {}
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, traces, metrics })));
}

const spansOf = (bodies: any[]) => bodies.flatMap((b) => b.resourceSpans.flatMap((rs: any) => rs.scopeSpans.flatMap((ss: any) => ss.spans.map((s: any) => ({ ...s, scope: ss.scope?.name, resource: rs.resource })))));
const metricNames = (bodies: any[]) => new Set(bodies.flatMap((b) => b.resourceMetrics.flatMap((rm: any) => rm.scopeMetrics.flatMap((sm: any) => sm.metrics.map((m: any) => m.name)))));
const attr = (resource: any, key: string) => resource.attributes.find((a: any) => a.key === key)?.value?.stringValue;

async function until<T>(what: string, f: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('OpenTelemetry from the running server', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let server: SpawnedServer;
  beforeAll(async () => {
    receiver = await otlpReceiver();
    server = await spawnServer(
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_METRIC_EXPORT_INTERVAL: '500', OTEL_BSP_SCHEDULE_DELAY: '200', METRICS_PROMETHEUS: 'on' },
      { telemetry: true },
    );
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    receiver?.server.close();
  });

  it('exports spans for HTTP, GraphQL and SQL, and request metrics, with the service name and version', async () => {
    const post = (query: string, variables: object, token?: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) }).then((r) => r.json() as Promise<any>);
    const login = await post(operation('Login'), { username: 'student001', password: 'demo1234' });
    const token = login.data.login.token;
    const dashboard = await post(operation('Dashboard'), {}, token);
    expect(dashboard.errors).toBeUndefined();

    const spans = await until('spans', () => {
      const s = spansOf(receiver.traces);
      const dashboard = s.some((x) => x.scope?.includes('instrumentation-graphql') && /Dashboard/.test(x.name));
      return dashboard && s.some((x) => x.scope?.includes('instrumentation-pg')) && s.some((x) => x.scope?.includes('instrumentation-http')) ? s : undefined;
    });
    const graphql = spans.filter((s) => s.scope.includes('instrumentation-graphql'));
    expect(graphql.some((s) => /Dashboard/.test(s.name))).toBe(true);
    // No per-field spans: only parse, validate and execute per operation.
    expect(graphql.every((s) => !/resolve/i.test(s.name))).toBe(true);
    const pg = spans.filter((s) => s.scope.includes('instrumentation-pg'));
    expect(pg.length).toBeGreaterThan(0);
    if (process.env.REDIS_URL) expect(spans.some((s) => s.scope.includes('instrumentation-redis'))).toBe(true);
    expect(attr(spans[0].resource, 'service.name')).toBe('reved-kids-api');
    expect(attr(spans[0].resource, 'service.version')).toMatch(/^\d+\.\d+\.\d+/);

    const names = await until('metrics', () => {
      const n = metricNames(receiver.metrics);
      return n.has('reved.graphql.request.duration') ? n : undefined;
    });
    expect(names.has('reved.db.pool.connections')).toBe(true);
    expect(names.has('reved.cache.lookups')).toBe(true);

    const scraped = await (await fetch(`${server.url}/metrics`)).text();
    expect(scraped).toMatch(/reved_graphql_request_duration/);
  });
});
