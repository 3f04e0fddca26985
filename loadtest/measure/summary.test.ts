import { describe, expect, it } from 'vitest';
import { meanAndMax, percentile, summarize } from './summary.js';

describe('percentile (nearest rank)', () => {
  const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1..100

  it('is the smallest sample with at least p % at or below it', () => {
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7, 9], 50)).toBe(7);
    expect(percentile([7, 9], 51)).toBe(9);
  });

  it('gives the only sample, or 0 for none', () => {
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 95)).toBe(0);
    expect(percentile(sorted, 0)).toBe(1);
  });
});

describe('summarize', () => {
  it('sorts a copy and reports count, mean, percentiles and max', () => {
    const samples = [30, 10, 20, 40, 1000];
    expect(summarize(samples)).toEqual({ count: 5, avg: 220, p50: 30, p95: 1000, p99: 1000, max: 1000 });
    expect(samples).toEqual([30, 10, 20, 40, 1000]);
  });

  it('is all zeros for no sample', () => {
    expect(summarize([])).toEqual({ count: 0, avg: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });

  it('keeps a tail that a mean would hide', () => {
    const s = summarize([...Array.from({ length: 990 }, () => 5), ...Array.from({ length: 10 }, () => 900)]);
    expect(s.p50).toBe(5);
    expect(s.p95).toBe(5);
    expect(s.p99).toBe(5);
    expect(s.max).toBe(900);
    expect(s.avg).toBeCloseTo(13.95);
  });
});

describe('meanAndMax', () => {
  it('reads a series', () => {
    expect(meanAndMax([0.2, 0.6, 0.4])).toEqual({ mean: expect.closeTo(0.4), max: 0.6 });
    expect(meanAndMax([])).toEqual({ mean: 0, max: 0 });
  });
});
