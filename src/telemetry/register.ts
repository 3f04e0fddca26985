import { register } from 'node:module';
import { startTelemetry, telemetryWanted } from './otel.js';

/**
 * Preloaded with `node --import ./dist/src/telemetry/register.js dist/src/main.js`, before the
 * modules it instruments are imported. It reads only the standard OTEL_* variables and
 * METRICS_PROMETHEUS (src/config.ts validates the rest, later): with neither an OTLP endpoint nor
 * the Prometheus endpoint asked for, it does nothing at all, so telemetry off costs nothing.
 */
if (telemetryWanted(process.env)) {
  // ESM modules (pg, graphql, @redis/client...) are instrumented through this loader hook.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  // No cloud metadata probes at start: the resource says where the process runs, from the process.
  process.env.OTEL_NODE_RESOURCE_DETECTORS ??= 'env,host,os,process';
  await startTelemetry(process.env);
}
