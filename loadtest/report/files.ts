import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderMarkdown } from './markdown.js';
import type { RunReport } from './model.js';
import { renderChart } from './svg-chart.js';
import { timelineChartSpec } from './timeline-chart.js';

/**
 * Writes a run's files side by side in `dir` (loadtest/results/, git-ignored):
 * <stamp>-<scenarios>.json (every figure), .md (the report) and one .svg chart per timeline.
 */
export function writeRunFiles(dir: string, run: RunReport): { json: string; markdown: string; charts: string[]; text: string } {
  mkdirSync(dir, { recursive: true });
  const base = `${run.startedAt.replace(/[:.]/g, '-')}-${run.scenarios.map((s) => s.scenario).join('+')}`;
  const chartFile = (scenario: string, name: string) => `${base}-${scenario}${name ? `-${name}` : ''}.svg`;
  const charts: string[] = [];
  for (const s of run.scenarios) {
    for (const c of s.charts) {
      const file = path.join(dir, chartFile(s.scenario, c.name));
      writeFileSync(file, renderChart(timelineChartSpec(c)));
      charts.push(file);
    }
  }
  const json = path.join(dir, `${base}.json`);
  writeFileSync(json, `${JSON.stringify(run, null, 2)}\n`);
  const markdown = path.join(dir, `${base}.md`);
  const text = renderMarkdown(run, chartFile);
  writeFileSync(markdown, text);
  return { json, markdown, charts, text };
}
