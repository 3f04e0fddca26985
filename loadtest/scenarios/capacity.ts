import { atLeastCheck, hitRateCheck } from '../checks/thresholds.js';
import { summarizeCpu } from '../measure/cpu.js';
import { ms, rate, share } from '../report/format.js';
import type { ScenarioResult, Section } from '../report/model.js';
import { cpuSection, errorsSection, integritySection, monitoringSection, operationsSection } from '../report/sections.js';
import type { RunOptions } from '../options.js';
import type { Env } from '../setup/target.js';
import { answerChecks, runStudentsScenario, type StudentsRun } from './students-run.js';
import type { TeacherBehaviour } from '../driver/virtual-teacher.js';

/**
 * capacity: active students (each doing one action every ~5 s, with a token made beforehand) are
 * added 2,000 at a time (arriving over 20 s, then given one loop of their four actions to settle)
 * and each step is held 60 s, until p95 passes 100 ms or an error appears;
 * reports the most students held, with the load generator's and the server's CPU per step (a
 * load generator near saturation would make the figure its own limit). Goal here: 10,000.
 * Env: as classroom (missing demo students are seeded when the server runs in this process).
 * Command: npm run loadtest -- capacity [--start 2000 --step 2000 --max 12000 --hold 60 --goal 10000]
 */
export async function capacity(options: RunOptions, env: Env, log: (line: string) => void): Promise<ScenarioResult> {
  return (await capacityRun(options, env, log)).result;
}

/** What school-day changes of capacity: its name, defaults and the teachers it adds. */
export interface CapacityVariant {
  scenario: string;
  defaults: { start?: number; max: number; rampS: number };
  teachers?: number;
  teacherBehaviour?: TeacherBehaviour;
  /** A step is held when every operation's p95 is within the limit. */
  perOperation?: boolean;
}

/** The capacity run, with the run and the held step (school-day reports more of them). */
export async function capacityRun(
  options: RunOptions,
  env: Env,
  log: (line: string) => void,
  variant: CapacityVariant = { scenario: 'capacity', defaults: { max: 12_000, rampS: 20 } },
): Promise<{ result: ScenarioResult; run: StudentsRun; held?: { from: number; to: number; students: number; teachers: number } }> {
  const max = options.max ?? options.students ?? variant.defaults.max;
  const settings = {
    start: Math.min(options.start ?? variant.defaults.start ?? 2_000, max),
    step: options.step ?? 2_000,
    max,
    rampS: options.rampS ?? variant.defaults.rampS,
    holdS: options.holdS ?? 60,
    p95LimitMs: options.p95LimitMs ?? 100,
    goal: options.goal ?? 10_000,
    thinkS: options.thinkS ?? [4, 6],
    connections: options.connections ?? Math.min(max, 500),
    route: options.route ?? 'round-robin',
    correctRate: options.correctRate ?? 0.7,
    duplicateRate: options.duplicateRate ?? 0.05,
    timeoutS: options.timeoutS ?? 10,
  };
  // One loop of dashboard, exercise, answer and recommendations at the mean think time.
  const settleS = 4 * ((settings.thinkS[0] + settings.thinkS[1]) / 2);
  const startedAt = new Date().toISOString();
  const run = await runStudentsScenario(
    env,
    { ...settings, students: max, tokens: true, teachers: variant.teachers ?? 0, teacherBehaviour: variant.teacherBehaviour },
    { kind: 'capacity', start: settings.start, step: settings.step, max, rampMs: settings.rampS * 1000, settleMs: settleS * 1000, holdMs: settings.holdS * 1000, p95LimitMs: settings.p95LimitMs, perOperation: variant.perOperation ?? false },
    log,
    // --instances N: N server processes of their own (--route: round robin or by student) instead of one in this process.
    options.instances?.[0],
  );

  const rec = run.recorder;
  const seconds = (rec.lastAt() - rec.startedAt) / 1000;
  const steps = run.load.result.steps.map((s) => {
    const o = rec.overall(s.from, s.to);
    return { ...s, rps: (o.count + o.errors) / ((s.to - s.from) / 1000), latency: o, cpu: summarizeCpu(run.load.cpu, s.from, s.to) };
  });
  const heldSteps = steps.filter((s) => s.held);
  const best = heldSteps.at(-1);
  const held = best?.students ?? 0;
  const operations = rec.operations();
  const cpu = summarizeCpu(run.load.cpu, rec.startedAt, rec.lastAt());
  const overall = rec.overall();
  const hitRate = run.monitoring.available ? run.monitoring.cache.hitRate : undefined;

  const stepsSection: Section = {
    title: `Steps (each held ${settings.holdS} s; held = ${variant.perOperation ? "every operation's" : ''} p95 <= ${settings.p95LimitMs} ms and no error)`,
    lines: [best ? `most students held: ${held}, at ${rate(best.rps)} req/s, p95 ${ms(best.latency.p95)} ms` : 'no step was held'],
    table: {
      columns: [...(variant.teachers ? ['teachers'] : []), 'students', 'req/s', 'avg ms', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'load generator ELU (mean/peak)', 'server ELU (mean/peak)', 'server thread CPU (cores)', 'process cores', 'held'],
      rows: steps.map((s) => [
        ...(variant.teachers ? [String(s.teachers)] : []),
        String(s.students),
        rate(s.rps),
        ms(s.latency.avg),
        ms(s.latency.p50),
        ms(s.latency.p95),
        ms(s.latency.p99),
        String(s.errors),
        `${share(s.cpu.loadgenElu.mean)} / ${share(s.cpu.loadgenElu.max)}`,
        s.cpu.serverElu ? `${share(s.cpu.serverElu.mean)} / ${share(s.cpu.serverElu.max)}` : 'n/a',
        s.cpu.serverCores ? s.cpu.serverCores.mean.toFixed(2) : 'n/a',
        s.cpu.processCores.mean.toFixed(2),
        s.held ? 'yes' : '**no**',
      ]),
    },
  };

  const result: ScenarioResult = {
    scenario: variant.scenario,
    title: `Active students, one action every ${settings.thinkS.join('-')} s, added ${settings.step} at a time from ${settings.start} up to ${max} (arriving over ${settings.rampS} s, settling ${settleS} s, held ${settings.holdS} s); server: ${run.target.server}, ${run.target.database}, cache ${run.target.cache}.`,
    startedAt,
    seconds,
    settings: { ...settings, settleS },
    throughput: best ? [{ label: `capacity: ${held} students held`, rps: best.rps }] : [],
    sections: [
      stepsSection,
      operationsSection('Operations (whole run)', operations, overall, seconds, run.monitoring),
      errorsSection(operations),
      monitoringSection(run.monitoring),
      integritySection(run.integrity, { grading: run.load.result.gradingMismatches, replay: run.load.result.replayMismatches, examples: run.load.result.examples }),
      cpuSection(cpu),
    ].filter((s): s is Section => s !== undefined),
    charts: [
      {
        name: '',
        title: `${variant.scenario}: students added ${settings.step} at a time`,
        timeline: rec.timeline(),
        markers: steps.map((s) => ({ t: (s.from - rec.startedAt) / 1000, label: `hold ${s.students}` })),
      },
    ],
    checks: [atLeastCheck(`students held ${settings.holdS} s at ${variant.perOperation ? "every operation's " : ''}p95 <= ${settings.p95LimitMs} ms`, held, settings.goal), hitRateCheck(hitRate, options.thresholds), ...answerChecks(run)],
    figures: { held, steps: steps.map(({ from: _f, to: _t, ...s }) => s), operations, overall, monitoring: run.monitoring, integrity: run.integrity, cpu, target: run.target },
  };
  return { result, run, ...(best ? { held: { from: best.from, to: best.to, students: best.students, teachers: best.teachers } } : {}) };
}
