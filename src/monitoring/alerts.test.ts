import { describe, expect, it } from 'vitest';
import { AlertEvaluator } from './alerts.js';

const thresholds = { memoryRatio: 0.85, p95Ms: 2000, errorRate: 0.1, cacheHitRate: 0.5, windowSeconds: 300, minRequests: 20 };
const quiet = { memoryUsedRatio: 0.1, requests: { count: 0, p95Ms: 0, serverErrors: 0, cacheHits: 0, cacheMisses: 0 }, cacheEnabled: true };

describe('AlertEvaluator', () => {
  it('fires nothing with no traffic, even where rates would be "bad"', () => {
    const a = new AlertEvaluator(thresholds);
    expect(a.evaluate(new Date(), quiet)).toEqual([]);
    expect(a.evaluate(new Date(), { ...quiet, requests: { count: 5, p95Ms: 9000, serverErrors: 5, cacheHits: 0, cacheMisses: 50 } })).toEqual([]);
  });

  it('fires each condition with its value, threshold and since, and clears it', () => {
    const a = new AlertEvaluator(thresholds);
    const t0 = new Date('2026-01-01T10:00:00Z');
    const bad = { memoryUsedRatio: 0.9, requests: { count: 100, p95Ms: 2500, serverErrors: 20, cacheHits: 10, cacheMisses: 90 }, cacheEnabled: true };
    const fired = a.evaluate(t0, bad);
    expect(fired.map((x) => [x.name, x.severity])).toEqual([
      ['memory', 'WARNING'],
      ['latency_p95', 'WARNING'],
      ['error_rate', 'CRITICAL'],
      ['cache_hit_rate', 'INFO'],
    ]);
    expect(fired.find((x) => x.name === 'error_rate')).toMatchObject({ value: 0.2, threshold: 0.1, since: t0 });
    const later = a.evaluate(new Date(t0.getTime() + 60_000), bad);
    expect(later.every((x) => x.since.getTime() === t0.getTime())).toBe(true);
    expect(a.evaluate(new Date(t0.getTime() + 120_000), { ...bad, memoryUsedRatio: 0.5 }).map((x) => x.name)).not.toContain('memory');
    expect(a.evaluate(new Date(t0.getTime() + 180_000), quiet)).toEqual([]);
    const again = a.evaluate(new Date(t0.getTime() + 240_000), bad);
    expect(again[0]!.since.getTime()).toBe(t0.getTime() + 240_000);
  });

  it('does not report a low hit rate while the cache is off', () => {
    const a = new AlertEvaluator(thresholds);
    expect(a.evaluate(new Date(), { ...quiet, cacheEnabled: false, requests: { count: 100, p95Ms: 1, serverErrors: 0, cacheHits: 0, cacheMisses: 100 } })).toEqual([]);
  });
});
