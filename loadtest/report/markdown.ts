import type { Check } from '../checks/thresholds.js';
import type { RunReport, ScenarioResult, Section, Table } from './model.js';

/** The Markdown report of a run: machine, each scenario's sections, charts and checks. */
export function markdownTable(table: Table): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${table.columns.map(cell).join(' | ')} |`, `| ${table.columns.map(() => '---').join(' | ')} |`, ...table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function checksTable(checks: readonly Check[]): Table {
  return {
    columns: ['check', 'limit', 'value', 'result'],
    rows: checks.map((c) => [c.name, c.limit, c.value, c.ok === null ? 'not checked' : c.ok ? 'pass' : '**MISS**']),
  };
}

function section(s: Section): string {
  const parts = [`### ${s.title}`];
  if (s.lines?.length) parts.push(s.lines.map((l) => `- ${l}`).join('\n'));
  if (s.table) parts.push(markdownTable(s.table));
  return parts.join('\n\n');
}

function scenario(s: ScenarioResult, chartFile: (name: string) => string): string {
  const parts = [`## ${s.scenario}`, s.title, `Started ${s.startedAt}, ${s.seconds.toFixed(0)} s. Settings: \`${JSON.stringify(s.settings)}\``];
  for (const c of s.charts) parts.push(`![${c.title}](${chartFile(c.name)})`);
  parts.push(...s.sections.map(section));
  if (s.checks.length) parts.push(section({ title: 'Checks', table: checksTable(s.checks) }));
  return parts.join('\n\n');
}

export function renderMarkdown(run: RunReport, chartFile: (scenario: string, name: string) => string): string {
  const m = run.machine;
  const head = [
    `# Load run ${run.startedAt}: ${run.scenarios.map((s) => s.scenario).join(', ')}`,
    `\`${run.command}\``,
    `Machine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}; load average at the start ${m.loadAverage.join(' / ')}. The load generator runs on the same machine.`,
  ];
  return `${[...head, ...run.scenarios.map((s) => scenario(s, (name) => chartFile(s.scenario, name)))].join('\n\n')}\n`;
}
