import { agreementChecks } from '../checks/monitoring.js';
import { hitRateCheck, latencyChecks } from '../checks/thresholds.js';
import { summarizeCpu } from '../measure/cpu.js';
import type { Route } from '../driver/graphql-http.js';
import { ms, rate } from '../report/format.js';
import type { ScenarioResult, Section } from '../report/model.js';
import { cpuSection, errorsSection, integritySection, monitoringSection, operationsSection } from '../report/sections.js';
import type { RunOptions } from '../options.js';
import type { Env } from '../setup/target.js';
import { answerChecks, runStudentsScenario, type StudentsRun } from './students-run.js';
import { freshnessCheck, freshnessSection } from './school-day.js';

/**
 * classroom: 200 students log in within 10 s (a login storm: argon2 is slow on purpose), then
 * each loops dashboard, one exercise, an answer (70 % right, 5 % double-tapped), recommendations,
 * thinking 2-5 s between actions. Reports each operation's latency and errors, req/s, the
 * server's cache hit rate and SQL per request, and whether any answer was lost or doubled.
 * Env: TARGET_URL with DATABASE_URL, or the server in this process (DATABASE_URL, REDIS_URL or embedded).
 * Command: npm run test:load  (= npm run loadtest -- classroom; --students, --duration, --think...)
 */
export async function classroom(options: RunOptions, env: Env, log: (line: string) => void): Promise<ScenarioResult> {
  const counts = options.instances;
  if (!counts) return classroomOnce(options, env, log, undefined);
  // Once per instance count, then what the extra instances bought (on this machine's cores).
  const runs: ScenarioResult[] = [];
  for (const n of counts) {
    log(`classroom against ${n} instance${n > 1 ? 's' : ''}`);
    runs.push(await classroomOnce(options, env, log, n));
  }
  return combine(runs, counts, options.route ?? 'round-robin');
}

async function classroomOnce(options: RunOptions, env: Env, log: (line: string) => void, instances: number | undefined): Promise<ScenarioResult> {
  const students = options.students ?? 200;
  const durationS = options.durationS ?? 60;
  const loginWindowS = options.loginWindowS ?? 10;
  const settings = {
    students,
    durationS,
    loginWindowS,
    thinkS: options.thinkS ?? [2, 5],
    connections: options.connections ?? students,
    route: options.route ?? 'round-robin',
    correctRate: options.correctRate ?? 0.7,
    duplicateRate: options.duplicateRate ?? 0.05,
    timeoutS: options.timeoutS ?? 10,
  };
  const startedAt = new Date().toISOString();
  const teacherBehaviour = { overviewEveryMs: (options.overviewEveryS ?? 10) * 1000, assignChance: options.assignChance ?? 0.02 };
  const run = await runStudentsScenario(
    env,
    { ...settings, tokens: false, teachers: options.teachers ?? 0, teacherBehaviour },
    { kind: 'classroom', loginWindowMs: loginWindowS * 1000, durationMs: durationS * 1000 },
    log,
    instances,
  );
  const rec = run.recorder;
  const seconds = (rec.lastAt() - rec.startedAt) / 1000;
  const operations = rec.operations();
  const cpu = summarizeCpu(run.load.cpu, rec.startedAt, rec.lastAt());
  const overall = rec.overall();
  const hitRate = run.monitoring.available ? run.monitoring.cache.hitRate : undefined;
  return {
    scenario: 'classroom',
    title: `${students} students log in within ${loginWindowS} s, then dashboard, exercise, answer, recommendations with ${settings.thinkS.join('-')} s of thought, for ${durationS} s${run.teachers ? `, ${run.teachers} teachers opening their class overview every ${teacherBehaviour.overviewEveryMs / 1000} s` : ''}; server: ${run.target.server}, ${run.target.database}, cache ${run.target.cache}.`,
    startedAt,
    seconds,
    settings,
    throughput: [{ label: `classroom, ${students} students, all operations`, rps: (overall.count + overall.errors) / seconds }],
    sections: [
      operationsSection('Operations', operations, overall, seconds, run.monitoring),
      loginStorm(run, loginWindowS),
      run.teachers ? freshnessSection(run.load.result.freshness) : undefined,
      errorsSection(operations),
      monitoringSection(run.monitoring),
      integritySection(run.integrity, { grading: run.load.result.gradingMismatches, replay: run.load.result.replayMismatches, examples: run.load.result.examples }),
      cpuSection(cpu),
    ].filter((s): s is Section => s !== undefined),
    charts: [{ name: '', title: `classroom: ${students} students`, timeline: rec.timeline(), markers: [{ t: loginWindowS, label: 'logins done' }] }],
    checks: [
      ...latencyChecks('all operations', overall, options.thresholds),
      hitRateCheck(hitRate, options.thresholds),
      ...answerChecks(run),
      ...agreementChecks(run.monitoring, operations, overall),
      ...(run.teachers ? [freshnessCheck(run.load.result.freshness)] : []),
    ],
    figures: { operations, overall, monitoring: run.monitoring, integrity: run.integrity, cpu, target: run.target, teachers: run.teachers, freshness: run.load.result.freshness },
  };
}

/** Several runs (one per instance count) as one result, with the scaling between them. */
function combine(runs: ScenarioResult[], counts: number[], route: Route): ScenarioResult {
  const label = (n: number) => `${n} instance${n > 1 ? 's' : ''}`;
  const base = runs[0]!;
  const row = (r: ScenarioResult, n: number) => {
    const f = r.figures as { overall: { avg: number; p95: number }; cpu: { machineBusy?: { mean: number } } };
    const rps = r.throughput[0]?.rps ?? 0;
    return [label(n), rate(rps), `${ms(f.overall.avg)} ms`, `${ms(f.overall.p95)} ms`, base.throughput[0] ? `${(rps / base.throughput[0].rps).toFixed(2)}x` : ''];
  };
  return {
    ...base,
    title: `${base.title} Run once per instance count: ${counts.join(', ')}.`,
    seconds: runs.reduce((s, r) => s + r.seconds, 0),
    throughput: runs.flatMap((r, i) => r.throughput.map((t) => ({ ...t, label: `${t.label}, ${label(counts[i]!)}` }))),
    sections: [
      {
        title: 'Scaling',
        lines: [
          `The same classroom against each instance count (processes of their own on one PostgreSQL and one Redis, ${route === 'student' ? "each student's requests to one instance" : 'round robin'}). On a 2-core machine the instances share the cores with each other, the database, Redis and the load generator.`,
        ],
        table: { columns: ['instances', 'req/s', 'avg', 'p95', 'req/s against the first'], rows: runs.map((r, i) => row(r, counts[i]!)) },
      },
      ...runs.flatMap((r, i) => r.sections.map((sec) => ({ ...sec, title: `${label(counts[i]!)}: ${sec.title}` }))),
    ],
    charts: runs.flatMap((r, i) => r.charts.map((c) => ({ ...c, name: `${c.name}${counts[i]}i`, title: `${c.title}, ${label(counts[i]!)}` }))),
    checks: runs.flatMap((r, i) => r.checks.map((c) => ({ ...c, name: `${label(counts[i]!)}: ${c.name}` }))),
    figures: { runs: runs.map((r, i) => ({ instances: counts[i], figures: r.figures, throughput: r.throughput })) },
  };
}

/** The logins and what the rest of the traffic saw while they ran, against after. */
function loginStorm(run: StudentsRun, loginWindowS: number): Section {
  const rec = run.recorder;
  const end = rec.startedAt + loginWindowS * 1000;
  const login = rec.operations().find((o) => o.name === 'Login');
  const during = rec.overall(rec.startedAt, end);
  const after = rec.overall(end);
  return {
    title: 'Login storm',
    lines: [
      login ? `${login.count} logins (${login.errors} failed): avg ${ms(login.avg)} ms, p95 ${ms(login.p95)} ms, max ${ms(login.max)} ms` : 'no login',
      `every operation during the first ${loginWindowS} s: ${rate((during.count + during.errors) / loginWindowS)} req/s, p95 ${ms(during.p95)} ms; after: p95 ${ms(after.p95)} ms`,
    ],
  };
}
