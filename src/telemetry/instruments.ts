import { metrics, type Attributes } from '@opentelemetry/api';
import type { SharedCache } from '../cache/shared-cache.js';
import type { DatabaseHandle } from '../db/client.js';

/**
 * The OpenTelemetry metrics the service records. Through @opentelemetry/api: when no SDK is
 * registered (telemetry off, the default), every instrument is a no-op and costs next to nothing.
 */
const meter = metrics.getMeter('reved-kids-api');

const requestDuration = meter.createHistogram('reved.graphql.request.duration', {
  description: 'GraphQL request duration, from arrival to response, by operation',
  unit: 'ms',
  advice: { explicitBucketBoundaries: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
});
const requestErrors = meter.createCounter('reved.graphql.request.errors', { description: 'GraphQL requests that failed, by operation and kind (server or client)' });
const sqlStatements = meter.createCounter('reved.db.statements', { description: 'SQL statements sent' });

export function recordRequest(operation: string, durationMs: number, outcome: 'ok' | 'server_error' | 'client_error', sql: number): void {
  const attributes: Attributes = { 'graphql.operation.name': operation, outcome };
  requestDuration.record(durationMs, attributes);
  if (outcome !== 'ok') requestErrors.add(1, attributes);
  if (sql > 0) sqlStatements.add(sql, { 'graphql.operation.name': operation });
}

/** Gauges read when an exporter collects: cache hits and misses, database pool use. */
export function observeDependencies(cache: SharedCache, database: DatabaseHandle): void {
  const cacheLookups = meter.createObservableCounter('reved.cache.lookups', { description: 'Cache lookups by namespace and result (hit or miss)' });
  cacheLookups.addCallback((result) => {
    for (const ns of cache.snapshot().namespaces) {
      result.observe(ns.hits, { 'cache.namespace': ns.namespace, result: 'hit' });
      result.observe(ns.misses, { 'cache.namespace': ns.namespace, result: 'miss' });
    }
  });
  const pool = meter.createObservableGauge('reved.db.pool.connections', { description: 'Database pool connections by state' });
  pool.addCallback((result) => {
    const s = database.poolStats();
    result.observe(s.size - s.idle, { state: 'used' });
    result.observe(s.idle, { state: 'idle' });
    result.observe(s.waiting, { state: 'waiting' });
  });
}
