import { describe, expect, it } from 'vitest';
import { parseRunOptions, UsageError } from './options.js';

describe('parseRunOptions', () => {
  it('takes scenarios in a fixed order, the ceiling first, with the seed thresholds', () => {
    const o = parseRunOptions(['before-after', 'classroom', '--ceiling']);
    expect(o.scenarios).toEqual(['ceiling', 'classroom', 'before-after']);
    expect(o.thresholds).toEqual({ maxAvgMs: 300, maxP95Ms: 800, maxErrorRate: 0.01, minHitRate: 0.8 });
    expect(o.students).toBeUndefined(); // each scenario's own default
    expect(o.out).toBe('loadtest/results');
  });

  it('reads sizes, think time and thresholds (percentages as shares)', () => {
    const o = parseRunOptions(['classroom', '--students', '50', '--duration', '30', '--think', '1-3', '--max-errors', '0.5', '--min-hit-rate', '90', '--max-p95', '500']);
    expect(o).toMatchObject({ students: 50, durationS: 30, thinkS: [1, 3] });
    expect(o.thresholds).toEqual({ maxAvgMs: 300, maxP95Ms: 500, maxErrorRate: 0.005, minHitRate: 0.9 });
    expect(parseRunOptions(['capacity', '--think', '5']).thinkS).toEqual([5, 5]);
  });

  it('reads how requests are spread over instances, round robin unless told', () => {
    expect(parseRunOptions(['capacity', '--instances', '2', '--route', 'student'])).toMatchObject({ instances: [2], route: 'student' });
    expect(parseRunOptions(['capacity']).route).toBeUndefined(); // the scenarios' default: round-robin
    expect(() => parseRunOptions(['capacity', '--route', 'sticky'])).toThrow(/--route must be one of round-robin, student, not sticky/);
  });

  it('takes noisy-neighbour with its victims, attacker connections, think time and p95 limit', () => {
    const o = parseRunOptions(['noisy-neighbour', '--duration', '20', '--students', '20', '--connections', '8', '--think', '0.1-0.3', '--p95-limit', '50']);
    expect(o).toMatchObject({ scenarios: ['noisy-neighbour'], durationS: 20, students: 20, connections: 8, thinkS: [0.1, 0.3], p95LimitMs: 50 });
    expect(parseRunOptions(['noisy-neighbour', 'ceiling']).scenarios).toEqual(['ceiling', 'noisy-neighbour']);
  });

  it('lists every problem at once, and bounds every count and duration', () => {
    try {
      parseRunOptions(['classrom', '--students', '0', '--duration', '99999', '--think', '5-2', '--correct-rate', '2']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      const problems = (error as UsageError).problems;
      expect(problems).toHaveLength(6);
      for (const p of ['unknown scenario classrom', 'at least one scenario', '--students', '--duration', '--think', '--correct-rate']) expect(problems.join('\n')).toContain(p);
    }
    expect(() => parseRunOptions(['classroom', '--nope'])).toThrow(UsageError);
    expect(() => parseRunOptions([])).toThrow(/name at least one scenario/);
  });
});
