import { describe, expect, it } from 'vitest';
import { checksTable, markdownTable, renderMarkdown } from './markdown.js';
import type { RunReport } from './model.js';

describe('markdownTable', () => {
  it('renders a header, a rule and rows, escaping pipes', () => {
    expect(markdownTable({ columns: ['a', 'b'], rows: [['1', 'x|y']] })).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});

describe('checksTable', () => {
  it('says pass, MISS or not checked', () => {
    const t = checksTable([
      { name: 'p95', limit: '< 800 ms', value: '12 ms', ok: true },
      { name: 'lost', limit: '= 0', value: '3', ok: false },
      { name: 'hit rate', limit: '> 80 %', value: 'monitoring unavailable', ok: null },
    ]);
    expect(t.rows.map((r) => r[3])).toEqual(['pass', '**MISS**', 'not checked']);
  });
});

describe('renderMarkdown', () => {
  it('names the machine, links each chart and renders each section', () => {
    const run: RunReport = {
      startedAt: '2025-01-01T00:00:00.000Z',
      command: 'npm run loadtest -- ceiling',
      machine: { cpus: 2, cpuModel: 'Test CPU', memoryGiB: 24, node: 'v20.20.2', platform: 'Linux', loadAverage: [1, 2, 3] },
      scenarios: [
        {
          scenario: 'ceiling',
          title: 'the framework alone',
          startedAt: '2025-01-01T00:00:00.000Z',
          seconds: 10,
          settings: { connections: 50 },
          throughput: [{ label: 'ceiling', rps: 1000 }],
          sections: [{ title: 'Figures', lines: ['one line'], table: { columns: ['req/s'], rows: [['1000.0']] } }],
          charts: [{ name: '', title: 'ceiling chart', timeline: [], markers: [] }],
          checks: [{ name: 'errors', limit: '< 1 %', value: '0 %', ok: true }],
          figures: {},
        },
      ],
    };
    const md = renderMarkdown(run, (scenario, name) => `${scenario}${name}.svg`);
    expect(md).toContain('# Load run 2025-01-01T00:00:00.000Z: ceiling');
    expect(md).toContain('2 x Test CPU, 24 GiB');
    expect(md).toContain('![ceiling chart](ceiling.svg)');
    expect(md).toContain('### Figures\n\n- one line\n\n| req/s |');
    expect(md).toContain('| errors | < 1 % | 0 % | pass |');
  });
});
