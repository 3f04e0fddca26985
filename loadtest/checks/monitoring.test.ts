import { describe, expect, it } from 'vitest';
import { sqlPerRequest, type MonitoringReport } from './monitoring.js';

describe('sqlPerRequest', () => {
  const report: MonitoringReport = {
    available: true,
    cache: { backend: 'memory', hits: 90, misses: 10, hitRate: 0.9 },
    requests: { count: 40, p95Ms: 12 },
    operations: [
      { name: 'Dashboard', count: 30, sqlPerRequest: 2, p95Ms: 10 },
      { name: 'SubmitAttempt', count: 10, sqlPerRequest: 6, p95Ms: 20 },
      { name: 'Login', count: 0, sqlPerRequest: 0, p95Ms: 0 },
    ],
  };

  it('weights each operation by its count', () => {
    expect(sqlPerRequest(report, ['Dashboard', 'SubmitAttempt'])).toBe(3);
    expect(sqlPerRequest(report, ['Dashboard'])).toBe(2);
  });

  it('has no figure without monitoring or requests', () => {
    expect(sqlPerRequest(report, ['Login'])).toBeUndefined();
    expect(sqlPerRequest({ available: false, reason: 'none' }, ['Dashboard'])).toBeUndefined();
  });
});
