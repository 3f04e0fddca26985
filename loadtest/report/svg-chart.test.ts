import { describe, expect, it } from 'vitest';
import { escapeXml, formatTick, niceTicks, renderChart } from './svg-chart.js';
import { timelineChartSpec } from './timeline-chart.js';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 7, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(0, 2400, 5)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
  });

  it('copes with an empty or flat range', () => {
    expect(niceTicks(0, 0).length).toBeGreaterThan(1);
    expect(niceTicks(5, 5)[0]).toBeLessThanOrEqual(5);
    expect(niceTicks(Number.NaN, 3)).toEqual([0, 1]);
  });
});

describe('formatTick and escapeXml', () => {
  it('keep labels short and text safe', () => {
    expect(formatTick(1500)).toBe('1.5k');
    expect(formatTick(20_000)).toBe('20k');
    expect(formatTick(0.25)).toBe('0.25');
    expect(escapeXml('<p95 & "p99">')).toBe('&lt;p95 &amp; &quot;p99&quot;&gt;');
  });
});

describe('renderChart', () => {
  const spec = timelineChartSpec({
    name: '',
    title: 'classroom <200>',
    timeline: [
      { t: 1, rps: 50, errors: 0, p50: 10, p95: 40, p99: 80 },
      { t: 2, rps: 60, errors: 2, p50: 12, p95: 45, p99: 90 },
      { t: 3, rps: 55, errors: 0, p50: 11, p95: 42, p99: 85 },
    ],
    markers: [{ t: 2, label: 'logins done' }],
  });
  const svg = renderChart(spec);

  it('is a standalone SVG document with the title escaped', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('classroom &lt;200&gt;');
    expect(svg).not.toContain('NaN');
  });

  it('draws one line per series, errors only when there were some, and the markers', () => {
    expect(spec.series.map((s) => s.name)).toEqual(['p50', 'p95', 'p99', 'req/s', 'errors/s']);
    expect(svg.match(/<polyline /g)).toHaveLength(5);
    expect(svg).toContain('logins done');
    expect(svg).toContain('requests per second');
    const quiet = timelineChartSpec({ name: '', title: 't', timeline: [{ t: 1, rps: 1, errors: 0, p50: 1, p95: 1, p99: 1 }], markers: [] });
    expect(quiet.series.map((s) => s.name)).not.toContain('errors/s');
  });

  it('maps values into the plot area: higher values are drawn higher up', () => {
    const points = (name: string) =>
      /points="([^"]+)"/
        .exec(svg.split('<polyline ').find((p) => p.includes(`<title>${name}</title>`))!)![1]!
        .split(' ')
        .map((xy) => xy.split(',').map(Number) as [number, number]);
    const p99 = points('p99');
    expect(p99).toHaveLength(3);
    expect(p99[1]![1]).toBeLessThan(p99[0]![1]); // 90 ms sits above 80 ms
    expect(p99[0]![0]).toBeLessThan(p99[1]![0]);
    for (const [x, y] of p99) {
      expect(x).toBeGreaterThanOrEqual(70);
      expect(x).toBeLessThanOrEqual(900 - 70);
      expect(y).toBeGreaterThanOrEqual(44);
      expect(y).toBeLessThanOrEqual(420 - 84);
    }
  });
});
