import { parseArgs } from 'node:util';
import { SEED_THRESHOLDS, type Thresholds } from './checks/thresholds.js';
import { ROUTES, type Route } from './driver/graphql-http.js';

/**
 * The command line of `npm run loadtest -- <scenario...> [options]`. Every option is bounded (a
 * load run stops by itself); unset ones take each scenario's own default. Every problem is listed
 * at once, as the app's configuration does.
 */
export const SCENARIO_NAMES = ['ceiling', 'classroom', 'capacity', 'before-after', 'big-tables', 'overhead', 'noisy-neighbour', 'school-day'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface RunOptions {
  scenarios: ScenarioName[];
  out: string;
  thresholds: Thresholds;
  students?: number;
  durationS?: number;
  connections?: number;
  /** Seconds between a student's actions, [min, max]. */
  thinkS?: [number, number];
  loginWindowS?: number;
  correctRate?: number;
  duplicateRate?: number;
  warmupS?: number;
  timeoutS?: number;
  start?: number;
  step?: number;
  max?: number;
  rampS?: number;
  holdS?: number;
  p95LimitMs?: number;
  goal?: number;
  /** classroom: run against this many server processes of their own, once per count (e.g. [1, 2]). */
  instances?: number[];
  /** How requests are spread over several instances (see Route). */
  route?: Route;
  /** big-tables: days of history seeded per student. */
  historyDays?: number;
  /** classroom, school-day: teachers with their class's overview open (school-day: one per class). */
  teachers?: number;
  /** Seconds between a teacher's overviews. */
  overviewEveryS?: number;
  /** The chance an overview is followed by an assignment. */
  assignChance?: number;
}

export class UsageError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.map((p) => `  - ${p}`).join('\n')}\n\n${USAGE}`);
    this.name = 'UsageError';
  }
}

export const USAGE = `usage: npm run loadtest -- <scenario...> [options]
scenarios: ${SCENARIO_NAMES.join(', ')} (ceiling runs first; the others are then also given as a fraction of it)

  --students N         students (classroom and before-after 200; capacity: as --max; noisy-neighbour: victims, 20)
  --duration S         seconds of load (classroom 60; before-after 20 per phase; ceiling 10; noisy-neighbour 30 per phase)
  --connections N      HTTP connections (classroom: one per student; capacity 500; before-after and ceiling 50;
                       noisy-neighbour: the attacker's, 8)
  --think MIN-MAX      seconds between a student's actions (classroom 2-5, capacity 4-6, noisy-neighbour 0.1-0.3)
  --login-window S     classroom: every student logs in within this (10)
  --correct-rate R     share of right answers, 0 to 1 (0.7)
  --duplicate-rate R   share of answers sent twice at once, a double tap (0.05)
  --warmup S           before-after, ceiling, overhead, big-tables, noisy-neighbour: unmeasured seconds first (5, 2, 5, 20, 3 per phase)
  --timeout S          seconds a request may take before it counts as an error (10)
  --start N --step N --max N   capacity, school-day: students at the first step, added per step, at most (2000, 2000, 12000)
  --ramp S --hold S    capacity: seconds over which a step's students arrive, seconds each step is held (20, 60);
                       in between, one loop of the students' four actions lets the newcomers settle
  --p95-limit MS       capacity: a step is held while p95 stays at or under this, with no error (100);
                       noisy-neighbour: the victims' Dashboard p95 under attack must stay under this (50)
  --goal N             capacity: students it must hold (10000)
  --max-avg MS --max-p95 MS --max-errors PCT --min-hit-rate PCT   thresholds (300, 800, 1, 80)
  --instances N[,M]    classroom: against N servers started as processes of their own (round robin, on
                       DATABASE_URL and REDIS_URL), once per count listed, and the scaling between them;
                       capacity: against N such servers (the first count)
  --route R            with several instances: round-robin (each request to the next), or student (each
                       student's requests to one instance, as a load balancer hashing the Authorization
                       header does; sign-ins still round robin) (round-robin)
  --teachers N         classroom: teachers of the students' classes watching their overview (0);
                       school-day: at most this many (every class of the students: one per 25)
  --overview-every S   classroom, school-day: seconds between a teacher's overviews (10)
  --assign-chance R    classroom, school-day: chance an overview is followed by an assignment (0.02)
  --history-days N     big-tables: days of history per student (200: about 5 million attempts for 10,000)
  --ceiling            also measure the framework ceiling in this run
  --out DIR            where the JSON, Markdown and SVG files go (loadtest/results)

env: TARGET_URL (a running server on this machine; then DATABASE_URL to its database, and JWT_SECRET
to pre-generate tokens), else the server runs in this process on DATABASE_URL and REDIS_URL or the
embedded defaults (PGLITE_DIR, default .data/loadtest-pglite). ADMIN_USERNAME, ADMIN_PASSWORD.`;

export function parseRunOptions(args: string[]): RunOptions {
  const flags = ['students', 'duration', 'connections', 'think', 'login-window', 'correct-rate', 'duplicate-rate', 'warmup', 'timeout', 'start', 'step', 'max', 'ramp', 'hold', 'p95-limit', 'goal', 'max-avg', 'max-p95', 'max-errors', 'min-hit-rate', 'out', 'instances', 'route', 'history-days', 'teachers', 'overview-every', 'assign-chance'] as const;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { ...Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])), ceiling: { type: 'boolean' as const } },
    });
  } catch (error) {
    throw new UsageError([(error as Error).message]);
  }
  const values = parsed.values as Partial<Record<(typeof flags)[number], string>> & { ceiling?: boolean };
  const problems: string[] = [];

  const scenarios = new Set<ScenarioName>();
  for (const p of parsed.positionals) {
    if ((SCENARIO_NAMES as readonly string[]).includes(p)) scenarios.add(p as ScenarioName);
    else problems.push(`unknown scenario ${p}`);
  }
  if (values.ceiling) scenarios.add('ceiling');
  if (scenarios.size === 0) problems.push('name at least one scenario');

  const number = (flag: (typeof flags)[number], min: number, max: number, integer = false): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      problems.push(`--${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${raw}`);
      return undefined;
    }
    return n;
  };
  let thinkS: [number, number] | undefined;
  if (values.think !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(values.think);
    const [min, max] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [NaN, NaN];
    if (!m || min > max || max > 600) problems.push(`--think must be seconds, MIN-MAX or one value, at most 600, not ${values.think}`);
    else thinkS = [min, max];
  }
  const percent = (flag: 'max-errors' | 'min-hit-rate', fallback: number) => {
    const v = number(flag, 0, 100);
    return v === undefined ? fallback : v / 100;
  };

  let instances: number[] | undefined;
  if (values.instances !== undefined) {
    instances = values.instances.split(',').map(Number);
    if (instances.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) {
      problems.push(`--instances must list counts of 1 to 8, comma-separated, not ${values.instances}`);
      instances = undefined;
    }
  }

  let route: Route | undefined;
  if (values.route !== undefined) {
    if ((ROUTES as readonly string[]).includes(values.route)) route = values.route as Route;
    else problems.push(`--route must be one of ${ROUTES.join(', ')}, not ${values.route}`);
  }

  const options: RunOptions = {
    instances,
    route,
    historyDays: number('history-days', 1, 3_650, true),
    scenarios: SCENARIO_NAMES.filter((s) => scenarios.has(s)),
    out: values.out ?? 'loadtest/results',
    thresholds: {
      maxAvgMs: number('max-avg', 1, 600_000) ?? SEED_THRESHOLDS.maxAvgMs,
      maxP95Ms: number('max-p95', 1, 600_000) ?? SEED_THRESHOLDS.maxP95Ms,
      maxErrorRate: percent('max-errors', SEED_THRESHOLDS.maxErrorRate),
      minHitRate: percent('min-hit-rate', SEED_THRESHOLDS.minHitRate),
    },
    students: number('students', 1, 50_000, true),
    durationS: number('duration', 1, 3_600),
    connections: number('connections', 1, 10_000, true),
    thinkS,
    loginWindowS: number('login-window', 0, 600),
    correctRate: number('correct-rate', 0, 1),
    duplicateRate: number('duplicate-rate', 0, 1),
    warmupS: number('warmup', 0, 600),
    timeoutS: number('timeout', 1, 120),
    start: number('start', 1, 50_000, true),
    step: number('step', 1, 50_000, true),
    max: number('max', 1, 50_000, true),
    rampS: number('ramp', 0, 600),
    holdS: number('hold', 1, 3_600),
    p95LimitMs: number('p95-limit', 1, 60_000),
    goal: number('goal', 0, 1_000_000, true),
    teachers: number('teachers', 0, 5_000, true),
    overviewEveryS: number('overview-every', 0.1, 600),
    assignChance: number('assign-chance', 0, 1),
  };
  if (problems.length) throw new UsageError(problems);
  return options;
}
