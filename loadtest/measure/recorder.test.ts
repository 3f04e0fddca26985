import { describe, expect, it } from 'vitest';
import { Recorder } from './recorder.js';

const T0 = 1_000_000;

describe('Recorder', () => {
  it('summarises each operation and all of them, errors apart from latencies', () => {
    const r = new Recorder(T0);
    r.ok('Dashboard', 10, T0 + 100);
    r.ok('Dashboard', 30, T0 + 200);
    r.ok('Exercise', 5, T0 + 300);
    r.error('Dashboard', 'timeout', T0 + 400);
    r.error('Exercise', 'GraphQL INTERNAL_SERVER_ERROR', T0 + 500);
    r.error('Exercise', 'GraphQL INTERNAL_SERVER_ERROR', T0 + 600);

    const dashboard = r.operations().find((o) => o.name === 'Dashboard')!;
    expect(dashboard).toMatchObject({ count: 2, avg: 20, p50: 10, max: 30, errors: 1, errorKinds: { timeout: 1 } });
    expect(dashboard.errorRate).toBeCloseTo(1 / 3);
    const all = r.overall();
    expect(all).toMatchObject({ name: 'all operations', count: 3, errors: 3, errorRate: 0.5 });
    expect(all.errorKinds).toEqual({ timeout: 1, 'GraphQL INTERNAL_SERVER_ERROR': 2 });
  });

  it('summarises any window [from, to)', () => {
    const r = new Recorder(T0);
    for (let i = 0; i < 10; i++) r.ok('Op', i + 1, T0 + i * 1000);
    r.error('Op', 'timeout', T0 + 5000);
    const w = r.overall(T0 + 3000, T0 + 6000);
    expect(w.count).toBe(3);
    expect(w.max).toBe(6);
    expect(w.errors).toBe(1);
    expect(r.overall(T0 + 20_000).count).toBe(0);
  });

  it('draws a timeline: one point a second, with rate, errors and percentiles', () => {
    const r = new Recorder(T0);
    r.ok('Op', 10, T0 + 100);
    r.ok('Op', 20, T0 + 900);
    r.error('Op', 'HTTP 503', T0 + 950);
    r.ok('Op', 50, T0 + 2500);
    const t = r.timeline(1000);
    expect(t).toHaveLength(3);
    expect(t[0]).toEqual({ t: 1, rps: 3, errors: 1, p50: 10, p95: 20, p99: 20 });
    expect(t[1]).toEqual({ t: 2, rps: 0, errors: 0, p50: 0, p95: 0, p99: 0 });
    expect(t[2]).toMatchObject({ t: 2.5, rps: 2, p50: 50 }); // the last half second: one response in it
  });

  it('leaves a last sliver of a second off the timeline', () => {
    const r = new Recorder(T0);
    r.ok('Op', 10, T0 + 500);
    r.ok('Op', 10, T0 + 1050);
    expect(r.timeline(1000).map((p) => p.t)).toEqual([1]);
    expect(r.overall().count).toBe(2);
  });

  it('survives the trip to another thread', () => {
    const r = new Recorder(T0);
    for (let i = 0; i < 1000; i++) r.ok(i % 2 ? 'A' : 'B', i, T0 + i);
    r.error('A', 'network ECONNRESET', T0 + 5);
    const copy = Recorder.from(structuredClone(r.data()));
    expect(copy.operations()).toEqual(r.operations());
    expect(copy.timeline()).toEqual(r.timeline());
    copy.ok('A', 1, T0 + 2000); // still growable after the trip
    expect(copy.overall().count).toBe(1001);
    expect(copy.lastAt()).toBe(T0 + 2000);
  });
});
