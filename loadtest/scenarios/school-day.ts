import { sqlPerRequest } from '../checks/monitoring.js';
import type { Check } from '../checks/thresholds.js';
import { ASSIGN, OVERVIEW } from '../driver/virtual-teacher.js';
import type { FreshnessSummary } from '../driver/virtual-teacher.js';
import type { RunOptions } from '../options.js';
import { ms, share } from '../report/format.js';
import type { ScenarioResult, Section } from '../report/model.js';
import { operationsSection } from '../report/sections.js';
import type { Env } from '../setup/target.js';
import { capacityRun } from './capacity.js';

/** The goals of the schools issue on this machine. */
const OVERVIEW_P95_MS = 50;
const FRESHNESS_P99_MS = 1_000;
/** The overview's statements do not grow with the class: at most 4 on a cold cache. */
const OVERVIEW_MAX_SQL = 4;

/**
 * school-day: capacity's students (one action every 4-6 s, tokens made beforehand; all of them at
 * once, arriving over the ramp, then held), plus the teachers of their classes (the demo seed's:
 * one per class, 25 children each past the first 200), each opening its class overview with its
 * assignments every 10 s and assigning a module after 2 % of them. Reports every operation over
 * the hold, the overview's SQL, and freshness: whether the answers a teacher's children were
 * acknowledged showed in the overviews sent after them.
 * Goal here: 10,000 students and their 400 teachers held at p95 <= 100 ms for every operation,
 * the overview's p95 <= 50 ms, freshness p99 <= 1 s, nothing lost or doubled.
 * Command: npm run loadtest -- school-day [--students 10000 --teachers N --overview-every 10
 *          --assign-chance 0.02 --ramp 30 --hold 60 --p95-limit 100]
 */
export async function schoolDay(options: RunOptions, env: Env, log: (line: string) => void): Promise<ScenarioResult> {
  const students = options.max ?? options.students ?? 10_000;
  const behaviour = { overviewEveryMs: (options.overviewEveryS ?? 10) * 1000, assignChance: options.assignChance ?? 0.02 };
  const { result, run, held } = await capacityRun({ ...options, max: students, goal: options.goal ?? students }, env, log, {
    scenario: 'school-day',
    defaults: { start: students, max: students, rampS: 30 },
    teachers: options.teachers ?? Number.MAX_SAFE_INTEGER,
    teacherBehaviour: behaviour,
    perOperation: true,
  });
  const p95Limit = options.p95LimitMs ?? 100;
  const rec = run.recorder;
  const [from, to] = held ? [held.from, held.to] : [rec.startedAt, rec.lastAt()];
  const during = rec.operations(from, to);
  const overall = rec.overall(from, to);
  const overview = during.find((o) => o.name === OVERVIEW);
  const freshness = run.load.result.freshness;
  const sql = sqlPerRequest(run.monitoring, [OVERVIEW]);
  const window = held ? `the last step held (${held.students} students, ${held.teachers} teachers)` : 'the whole run (no step was held)';

  const sections: Section[] = [
    { ...operationsSection(`Every operation during ${window}`, during, overall, (to - from) / 1000, run.monitoring) },
    {
      title: 'Teachers',
      lines: [
        `${held?.teachers ?? run.teachers} teachers (at the last step held), each opening its class overview (with its assignments) every ${behaviour.overviewEveryMs / 1000} s, assigning a module after ${share(behaviour.assignChance)} of them`,
        overview ? `${OVERVIEW}: ${overview.count} answered, p95 ${ms(overview.p95)} ms, p99 ${ms(overview.p99)} ms` : 'no overview answered in the window',
        `SQL per overview (server, whole run): ${sql === undefined ? 'monitoring unavailable' : sql.toFixed(2)}`,
        `${ASSIGN}: ${during.find((o) => o.name === ASSIGN)?.count ?? 0} in the window`,
      ],
    },
    freshnessSection(freshness),
  ];
  const checks: Check[] = [
    ...during.map((o) => ({ name: `${o.name}: p95 over the hold`, limit: `<= ${p95Limit} ms`, value: `${ms(o.p95)} ms`, ok: o.p95 <= p95Limit })),
    { name: `${OVERVIEW}: p95 over the hold`, limit: `<= ${OVERVIEW_P95_MS} ms`, value: overview ? `${ms(overview.p95)} ms` : 'none', ok: overview ? overview.p95 <= OVERVIEW_P95_MS : false },
    freshnessCheck(freshness),
    sql === undefined
      ? { name: 'SQL per overview', limit: `<= ${OVERVIEW_MAX_SQL}`, value: 'monitoring unavailable', ok: null }
      : { name: 'SQL per overview', limit: `<= ${OVERVIEW_MAX_SQL}`, value: sql.toFixed(2), ok: sql <= OVERVIEW_MAX_SQL },
  ];
  return {
    ...result,
    title: `${result.title} With ${run.teachers} teachers opening their class overview every ${behaviour.overviewEveryMs / 1000} s.`,
    sections: [...result.sections.slice(0, 1), ...sections, ...result.sections.slice(1)],
    checks: [...result.checks, ...checks],
    figures: { ...result.figures, teachers: run.teachers, during, freshness, overviewSql: sql },
  };
}

/** Freshness p99 within its goal, with answers to judge it on. */
export function freshnessCheck(f: FreshnessSummary | undefined): Check {
  const name = 'freshness p99 (an answer missed by an overview sent this long after it)';
  if (!f || f.checked === 0) return { name, limit: `<= ${FRESHNESS_P99_MS} ms`, value: 'no answer followed by an overview', ok: false };
  return { name, limit: `<= ${FRESHNESS_P99_MS} ms`, value: `${ms(f.p99StaleMs)} ms`, ok: f.p99StaleMs <= FRESHNESS_P99_MS };
}

export function freshnessSection(f: FreshnessSummary | undefined): Section {
  if (!f) return { title: 'Freshness', lines: ['no teacher watched'] };
  return {
    title: 'Freshness (an answer to its teacher seeing it)',
    lines: [
      `${f.checked} answers had an overview of their teacher sent after them; ${f.staleAny} were missing from one (${share(f.checked ? f.staleAny / f.checked : 0)}), ${f.staleOver1s} from one sent more than 1 s after them`,
      `p99 ${ms(f.p99StaleMs)} ms, max ${ms(f.maxStaleMs)} ms: how long after an answer's acknowledgment an overview was sent that did not show it (0 when none missed it; a lower bound on the delay, overviews being 10 s apart)`,
    ],
  };
}
