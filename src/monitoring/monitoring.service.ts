import { createHash } from 'node:crypto';
import { requireAdmin } from '../viewer.js';
import type { SharedCache } from '../cache/shared-cache.js';
import type { Clock } from '../common/time.js';
import type { Context } from '../context.js';
import type { DatabaseHandle } from '../db/client.js';
import { BadUserInputError } from '../errors.js';
import { AlertEvaluator, type ActiveAlert, type AlertThresholds } from './alerts.js';
import { DatabaseStats, type DatabaseSnapshot } from './database-stats.js';
import type { HealthService } from './health.service.js';
import type { Health } from './health.type.js';
import { BUCKET_MS, BUCKETS, RequestMetrics, type RequestRecord, type WindowStats } from './request-metrics.js';
import { SystemStats, type SystemSnapshot } from './system-stats.js';

export interface MonitoringOptions {
  alerts: AlertThresholds;
  slowQueryMs: number;
}

export type RequestSummary = WindowStats & { windowSeconds: number; errorRate: number; clientErrorRate: number; cacheHitRate: number };

const MAX_WINDOW_SECONDS = (BUCKETS * BUCKET_MS) / 1000;

/** A stable name for an operation without one: a hash of its document. */
export function operationName(name: string | null | undefined, query: string | undefined): string {
  if (name) return name.slice(0, 100);
  if (!query) return '(no query)';
  return `anonymous:${createHash('sha1').update(query).digest('hex').slice(0, 10)}`;
}

/**
 * What operators see (ADMIN only): request figures in sliding windows, the process, the cache,
 * the database, and alerts evaluated every 10 s so that `since` is accurate.
 */
export class MonitoringService {
  readonly requests: RequestMetrics;
  readonly system = new SystemStats();
  readonly database: DatabaseStats;
  readonly alerts: AlertEvaluator;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly cache: SharedCache,
    database: DatabaseHandle,
    private readonly healthService: HealthService,
    options: MonitoringOptions,
  ) {
    this.requests = new RequestMetrics(clock);
    this.database = new DatabaseStats(database, options.slowQueryMs);
    // A copy: the configuration is frozen, and an operator may want to adjust a threshold live.
    this.alerts = new AlertEvaluator({ ...options.alerts });
  }

  start(): void {
    this.system.start();
    this.timer = setInterval(() => this.evaluateAlerts(), 10_000);
    this.timer.unref();
  }

  stop(): void {
    this.system.stop();
    clearInterval(this.timer);
  }

  record(r: RequestRecord): void {
    this.requests.record(r);
  }

  root(ctx: Context): object {
    requireAdmin(ctx.viewer);
    return {};
  }

  health(): Promise<Health> {
    return this.healthService.check();
  }

  requestStats(windowSeconds: number): RequestSummary {
    return summarize(this.requests.overall(checkWindow(windowSeconds)), windowSeconds);
  }

  operationStats(windowSeconds: number, limit: number): (RequestSummary & { name: string })[] {
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new BadUserInputError('limit must be between 1 and 100.', 'limit');
    return this.requests
      .operations(checkWindow(windowSeconds))
      .map((o) => ({ ...summarize(o, windowSeconds), name: o.name }))
      .sort((a, b) => b.p95Ms - a.p95Ms || b.count - a.count)
      .slice(0, limit);
  }

  systemStats(): SystemSnapshot {
    return this.system.snapshot();
  }

  cacheStats() {
    return this.cache.snapshot();
  }

  databaseStats(): DatabaseSnapshot {
    return this.database.snapshot();
  }

  evaluateAlerts(): ActiveAlert[] {
    const window = this.requests.overall(this.alerts.thresholds.windowSeconds);
    return this.alerts.evaluate(this.clock.now(), {
      memoryUsedRatio: this.system.snapshot().memoryUsedRatio,
      requests: window,
      cacheEnabled: this.cache.enabled,
    });
  }
}

function checkWindow(windowSeconds: number): number {
  if (!Number.isInteger(windowSeconds) || windowSeconds < 10 || windowSeconds > MAX_WINDOW_SECONDS) {
    throw new BadUserInputError(`windowSeconds must be between 10 and ${MAX_WINDOW_SECONDS}.`, 'windowSeconds');
  }
  return windowSeconds;
}

function summarize(s: WindowStats, windowSeconds: number): RequestSummary {
  const lookups = s.cacheHits + s.cacheMisses;
  return {
    ...s,
    windowSeconds: Math.ceil((windowSeconds * 1000) / BUCKET_MS) * (BUCKET_MS / 1000),
    errorRate: s.count === 0 ? 0 : s.serverErrors / s.count,
    clientErrorRate: s.count === 0 ? 0 : s.clientErrors / s.count,
    cacheHitRate: lookups === 0 ? 0 : s.cacheHits / lookups,
  };
}

declare module '../context.js' {
  interface Services {
    monitoring: MonitoringService;
  }
}
