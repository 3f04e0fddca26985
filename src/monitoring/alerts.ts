export type Severity = 'INFO' | 'WARNING' | 'CRITICAL';

export interface AlertThresholds {
  /** RSS over the memory limit that applies (0..1). */
  memoryRatio: number;
  p95Ms: number;
  /** Server-side failures over requests (0..1). */
  errorRate: number;
  /** Cache hits over lookups (0..1). */
  cacheHitRate: number;
  windowSeconds: number;
  /** Rate and latency alerts need this many requests in the window: none fire with no traffic. */
  minRequests: number;
}

export interface AlertInputs {
  memoryUsedRatio: number;
  requests: { count: number; p95Ms: number; serverErrors: number; cacheHits: number; cacheMisses: number };
  cacheEnabled: boolean;
}

export interface ActiveAlert {
  name: string;
  severity: Severity;
  message: string;
  value: number;
  threshold: number;
  since: Date;
}

/** Every alert AlertEvaluator can raise. */
export const ALERT_NAMES = ['memory', 'latency_p95', 'error_rate', 'cache_hit_rate'] as const;

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/**
 * The original service's alerts, evaluated over a window with a minimum sample size, each saying
 * its value, its threshold and since when it has held. An alert clears as soon as its condition
 * stops holding; `since` restarts if it fires again.
 */
export class AlertEvaluator {
  private readonly since = new Map<string, Date>();

  constructor(readonly thresholds: AlertThresholds) {}

  evaluate(now: Date, inputs: AlertInputs): ActiveAlert[] {
    const t = this.thresholds;
    const r = inputs.requests;
    const enough = r.count >= t.minRequests;
    const lookups = r.cacheHits + r.cacheMisses;
    const window = `over the last ${t.windowSeconds} s`;
    const candidates: (Omit<ActiveAlert, 'since'> & { holds: boolean })[] = [
      {
        name: 'memory',
        severity: inputs.memoryUsedRatio > Math.max(t.memoryRatio, 0.95) ? 'CRITICAL' : 'WARNING',
        holds: inputs.memoryUsedRatio > t.memoryRatio,
        value: inputs.memoryUsedRatio,
        threshold: t.memoryRatio,
        message: `Memory used is ${pct(inputs.memoryUsedRatio)} of the limit (alert above ${pct(t.memoryRatio)}).`,
      },
      {
        name: 'latency_p95',
        severity: 'WARNING',
        holds: enough && r.p95Ms > t.p95Ms,
        value: r.p95Ms,
        threshold: t.p95Ms,
        message: `p95 response time is ${r.p95Ms.toFixed(0)} ms ${window} (alert above ${t.p95Ms} ms).`,
      },
      {
        name: 'error_rate',
        severity: 'CRITICAL',
        holds: enough && r.serverErrors / r.count > t.errorRate,
        value: r.count === 0 ? 0 : r.serverErrors / r.count,
        threshold: t.errorRate,
        message: `${r.serverErrors} of ${r.count} requests failed on the server ${window} (alert above ${pct(t.errorRate)}).`,
      },
      {
        name: 'cache_hit_rate',
        severity: 'INFO',
        holds: inputs.cacheEnabled && enough && lookups >= t.minRequests && r.cacheHits / lookups < t.cacheHitRate,
        value: lookups === 0 ? 0 : r.cacheHits / lookups,
        threshold: t.cacheHitRate,
        message: `Cache hit rate is ${pct(lookups === 0 ? 0 : r.cacheHits / lookups)} ${window} (alert below ${pct(t.cacheHitRate)}).`,
      },
    ];
    const active: ActiveAlert[] = [];
    for (const { holds, ...alert } of candidates) {
      if (!holds) {
        this.since.delete(alert.name);
        continue;
      }
      const since = this.since.get(alert.name) ?? now;
      this.since.set(alert.name, since);
      active.push({ ...alert, since });
    }
    return active;
  }
}
