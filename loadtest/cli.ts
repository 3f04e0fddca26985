import 'reflect-metadata';
import { anyFailed } from './checks/thresholds.js';
import { machineInfo } from './measure/cpu.js';
import { rate, share } from './report/format.js';
import { writeRunFiles } from './report/files.js';
import type { RunReport, ScenarioResult } from './report/model.js';
import { parseRunOptions, UsageError, USAGE, type RunOptions, type ScenarioName } from './options.js';
import { beforeAfter } from './scenarios/before-after.js';
import { bigTables } from './scenarios/big-tables.js';
import { overhead } from './scenarios/overhead.js';
import { capacity } from './scenarios/capacity.js';
import { ceiling } from './scenarios/ceiling.js';
import { classroom } from './scenarios/classroom.js';
import { noisyNeighbour } from './scenarios/noisy-neighbour.js';
import { schoolDay } from './scenarios/school-day.js';
import { checkTargetUrl, SetupError, type Env } from './setup/target.js';

/**
 * The load scenarios' entry point, and the only loadtest file that reads process.env:
 *   node dist/loadtest/cli.js <scenario...> [options]     (npm run loadtest -- ...)
 * Runs the scenarios one after the other (the ceiling first), writes the JSON, Markdown and SVG
 * files of the run, prints the report, and exits 1 when a check missed (2 on a usage error).
 */
const SCENARIOS: Record<ScenarioName, (options: RunOptions, env: Env, log: (line: string) => void) => Promise<ScenarioResult>> = {
  ceiling,
  classroom,
  capacity,
  'before-after': beforeAfter,
  'big-tables': bigTables,
  overhead,
  'noisy-neighbour': noisyNeighbour,
  'school-day': schoolDay,
};

/** Each scenario's throughput as a share of what the framework alone served in the same run. */
function againstCeiling(results: ScenarioResult[]): void {
  const top = results.find((r) => r.scenario === 'ceiling')?.throughput[0];
  if (!top) return;
  for (const r of results) {
    if (r.scenario === 'ceiling' || r.throughput.length === 0) continue;
    r.sections.push({
      title: 'Against the framework ceiling',
      lines: [`ceiling in this run: ${rate(top.rps)} req/s (Apollo on Fastify, { __typename })`],
      table: { columns: ['figure', 'req/s', 'share of the ceiling'], rows: r.throughput.map((t) => [t.label, rate(t.rps), share(t.rps / top.rps)]) },
    });
    r.figures.ceilingShare = Object.fromEntries(r.throughput.map((t) => [t.label, t.rps / top.rps]));
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options: RunOptions;
  try {
    options = parseRunOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  const env: Env = { ...process.env };
  try {
    if (env.TARGET_URL) checkTargetUrl(env.TARGET_URL);
    if (env.TARGET_URL && options.scenarios.includes('before-after')) throw new SetupError('before-after starts its own two servers (switches on, then off): unset TARGET_URL');
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(error.message);
    return 2;
  }
  const log = (line: string) => console.error(`[loadtest] ${line}`);
  const report: RunReport = {
    startedAt: new Date().toISOString(),
    command: `npm run loadtest -- ${args.join(' ')}`,
    machine: machineInfo(),
    scenarios: [],
  };
  for (const name of options.scenarios) {
    log(`${name}...`);
    report.scenarios.push(await SCENARIOS[name](options, env, log));
  }
  againstCeiling(report.scenarios);

  const files = writeRunFiles(options.out, report);
  process.stdout.write(files.text);
  console.log(`\nwritten: ${files.markdown}\n         ${files.json}\n         ${files.charts.join('\n         ')}`);
  const missed = report.scenarios.flatMap((s) => s.checks.filter((c) => c.ok === false).map((c) => `${s.scenario}: ${c.name} ${c.value} (limit ${c.limit})`));
  if (missed.length) console.log(`\nMISSED:\n  ${missed.join('\n  ')}`);
  return anyFailed(report.scenarios.flatMap((s) => s.checks)) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SetupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
