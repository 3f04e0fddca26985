import { describe, expect, it } from 'vitest';
import type { OperationStats } from '../measure/recorder.js';
import { anyFailed, atLeastCheck, exactlyCheck, hitRateCheck, latencyChecks, SEED_THRESHOLDS } from './thresholds.js';

const stats = (over: Partial<OperationStats>): OperationStats => ({ name: 'all', count: 100, avg: 50, p50: 40, p95: 120, p99: 200, max: 400, errors: 0, errorRate: 0, errorKinds: {}, ...over });

describe('thresholds', () => {
  it('holds the seed bar: avg < 300 ms, p95 < 800 ms, errors < 1 %, hits > 80 %', () => {
    expect(SEED_THRESHOLDS).toEqual({ maxAvgMs: 300, maxP95Ms: 800, maxErrorRate: 0.01, minHitRate: 0.8 });
    expect(latencyChecks('all', stats({}), SEED_THRESHOLDS).every((c) => c.ok)).toBe(true);
    const missed = latencyChecks('all', stats({ avg: 300, p95: 900, errorRate: 0.02 }), SEED_THRESHOLDS);
    expect(missed.map((c) => c.ok)).toEqual([false, false, false]);
    expect(missed[1]).toMatchObject({ limit: '< 800.0 ms', value: '900.0 ms' });
  });

  it('does not fail a hit rate the server cannot report, and says why', () => {
    expect(hitRateCheck(undefined, SEED_THRESHOLDS)).toMatchObject({ ok: null, value: 'monitoring unavailable' });
    expect(hitRateCheck(0.93, SEED_THRESHOLDS)).toMatchObject({ ok: true, value: '93.0 %' });
    expect(hitRateCheck(0.5, SEED_THRESHOLDS).ok).toBe(false);
  });

  it('fails a run on any miss, never on an unchecked value', () => {
    expect(anyFailed([hitRateCheck(undefined, SEED_THRESHOLDS), exactlyCheck('lost', 0, 0)])).toBe(false);
    expect(anyFailed([exactlyCheck('lost', 1, 0)])).toBe(true);
    expect(anyFailed([atLeastCheck('held', 8000, 10_000)])).toBe(true);
  });
});
