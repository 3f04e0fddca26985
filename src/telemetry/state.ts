import type { PrometheusExporter } from '@opentelemetry/exporter-prometheus';

/**
 * What the telemetry preload started, for the server to use (process scope). The preload and the
 * server import this same module, so they share it. Empty when telemetry is off.
 */
export const telemetryState: {
  prometheus?: PrometheusExporter;
  shutdown?: () => Promise<void>;
  /** Traces are exported: operations then run on graphql-js, whose execute makes the GraphQL spans. */
  tracing?: boolean;
} = {};
