import { describe, expect, it } from 'vitest';
import { ManualClock } from '../common/time.js';
import { MAX_OPERATIONS, OTHER_OPERATION, RequestMetrics } from './request-metrics.js';

const base = { serverError: false, clientError: false, sqlStatements: 2, cacheHits: 3, cacheMisses: 1 };

describe('RequestMetrics', () => {
  it('gives real percentiles over the window, per operation and overall', () => {
    const clock = new ManualClock(new Date('2026-01-01T10:00:00Z'));
    const m = new RequestMetrics(clock);
    // 1..1000 ms, one each: p50 = 500, p95 = 950, p99 = 990.
    for (let ms = 1; ms <= 1000; ms++) m.record({ ...base, operation: ms % 2 ? 'Odd' : 'Even', durationMs: ms });
    clock.advance(60_000);
    const all = m.overall(300);
    expect(all.count).toBe(1000);
    expect(all.p50Ms).toBeGreaterThan(495);
    expect(all.p50Ms).toBeLessThan(506);
    expect(all.p95Ms).toBeGreaterThan(940);
    expect(all.p95Ms).toBeLessThan(960);
    expect(all.p99Ms).toBeGreaterThan(980);
    expect(all.p99Ms).toBeLessThan(1000);
    expect(all.avgMs).toBeCloseTo(500.5, 5);
    expect(all.sqlPerRequest).toBe(2);
    expect(all.perSecond).toBeCloseTo(1000 / 60, 1);
    expect(m.operations(300).map((o) => [o.name, o.count]).sort()).toEqual([['Even', 500], ['Odd', 500]]);
  });

  it('forgets what falls out of the window, and keeps 15 minutes', () => {
    const clock = new ManualClock(new Date('2026-01-01T10:00:00Z'));
    const m = new RequestMetrics(clock);
    m.record({ ...base, operation: 'A', durationMs: 5, serverError: true });
    clock.advance(120_000);
    m.record({ ...base, operation: 'A', durationMs: 7 });
    expect(m.overall(60).count).toBe(1);
    expect(m.overall(300)).toMatchObject({ count: 2, serverErrors: 1 });
    clock.advance(14 * 60_000);
    expect(m.overall(900).count).toBe(1);
    clock.advance(2 * 60_000);
    expect(m.overall(900).count).toBe(0);
  });

  it('stays bounded whatever the traffic: distinct operation names per bucket are capped', () => {
    const clock = new ManualClock(new Date('2026-01-01T10:00:00Z'));
    const m = new RequestMetrics(clock);
    for (let i = 0; i < 10_000; i++) m.record({ ...base, operation: `op${i}`, durationMs: 1 + (i % 50) });
    const ops = m.operations(10);
    expect(ops.length).toBe(MAX_OPERATIONS);
    expect(ops.find((o) => o.name === OTHER_OPERATION)?.count).toBe(10_000 - (MAX_OPERATIONS - 1));
    expect(m.overall(10).count).toBe(10_000);
  });
});
