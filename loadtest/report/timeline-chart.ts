import type { TimelinePoint } from '../measure/recorder.js';
import type { ChartSpec } from './svg-chart.js';

/** Latency percentiles (left axis) and throughput (right axis), one point per second of a run. */
export interface TimelineChart {
  /** Tells apart the charts of one scenario in their file names ("" for a single one). */
  name: string;
  title: string;
  timeline: TimelinePoint[];
  markers: { t: number; label: string }[];
}

export function timelineChartSpec(chart: TimelineChart): ChartSpec {
  const line = (pick: (p: TimelinePoint) => number) => chart.timeline.map((p) => [p.t, pick(p)] as const);
  const withErrors = chart.timeline.some((p) => p.errors > 0);
  return {
    title: chart.title,
    xLabel: 'seconds since the load started',
    leftLabel: 'latency (ms)',
    rightLabel: 'requests per second',
    series: [
      { name: 'p50', color: '#1f77b4', axis: 'left', points: line((p) => p.p50) },
      { name: 'p95', color: '#ff7f0e', axis: 'left', points: line((p) => p.p95) },
      { name: 'p99', color: '#d62728', axis: 'left', points: line((p) => p.p99) },
      { name: 'req/s', color: '#2ca02c', axis: 'right', points: line((p) => p.rps), dashed: true },
      ...(withErrors ? [{ name: 'errors/s', color: '#9467bd', axis: 'right' as const, points: line((p) => p.errors), dashed: true }] : []),
    ],
    markers: chart.markers.map((m) => ({ x: m.t, label: m.label })),
  };
}
