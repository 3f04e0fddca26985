import { readFileSync } from 'node:fs';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { RedisInstrumentation } from '@opentelemetry/instrumentation-redis';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { PeriodicExportingMetricReader, type IMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { telemetryState } from './state.js';

type Env = Record<string, string | undefined>;

const on = (v: string | undefined) => ['on', 'true', '1', 'yes'].includes((v ?? '').toLowerCase());

export function telemetryWanted(env: Env): boolean {
  if (on(env.OTEL_SDK_DISABLED)) return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT) || on(env.METRICS_PROMETHEUS);
}

function serviceVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * Traces for HTTP, GraphQL (operations only: per-field spans cost too much), PostgreSQL and Redis,
 * exported over OTLP/HTTP; metrics over OTLP and/or a Prometheus scrape endpoint (served by the
 * API's own HTTP server at /metrics). Service name and version are set on every signal.
 */
export async function startTelemetry(env: Env): Promise<void> {
  const otlp = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT);
  const metricReaders: IMetricReader[] = [];
  if (otlp) {
    metricReaders.push(new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: Number(env.OTEL_METRIC_EXPORT_INTERVAL ?? 15_000) }));
  }
  if (on(env.METRICS_PROMETHEUS)) {
    telemetryState.prometheus = new PrometheusExporter({ preventServerStart: true });
    metricReaders.push(telemetryState.prometheus);
  }
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? 'reved-kids-api', [ATTR_SERVICE_VERSION]: serviceVersion() }),
    ...(otlp ? { traceExporter: new OTLPTraceExporter() } : {}),
    metricReaders,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' }),
      new GraphQLInstrumentation({ ignoreResolveSpans: true, ignoreTrivialResolveSpans: true, mergeItems: true }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new RedisInstrumentation(),
    ],
  });
  sdk.start();
  telemetryState.tracing = otlp;
  telemetryState.shutdown = () => sdk.shutdown();
}
