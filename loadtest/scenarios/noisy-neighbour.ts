import { monitorEventLoopDelay } from 'node:perf_hooks';
import { exactlyCheck, type Check } from '../checks/thresholds.js';
import { GraphQLHttp } from '../driver/graphql-http.js';
import { operations } from '../driver/operations.js';
import { startNeighbour } from '../driver/neighbours-spawn.js';
import { summarizeCpu, type CpuSummary } from '../measure/cpu.js';
import { Recorder, type OperationStats } from '../measure/recorder.js';
import { ms, rate, ratio, share } from '../report/format.js';
import type { ScenarioResult, Section } from '../report/model.js';
import type { TimelineChart } from '../report/timeline-chart.js';
import type { RunOptions } from '../options.js';
import { demoStudents } from '../setup/accounts.js';
import { allPieces, costerOf, growCostliest, OPERATION_NAME, serverProbe, type Costliest } from '../setup/costliest-operation.js';
import { openTarget, SetupError, type Env, type Target } from '../setup/target.js';
import { ExercisesRepository } from '../../src/exercises/exercises.repository.js';
import { OperationCoster } from '../../src/limits/cost.js';
import { ListSizes } from '../../src/exercises/list-sizes.js';
import { OPERATION_LIMITS } from '../../src/operation-limits.js';
import { buildAppSchema } from '../../src/schema.js';

/**
 * noisy-neighbour: what one child's token sending the costliest operation it is allowed, as fast
 * as it can, does to the other children. The operation is grown from the curriculum against the
 * server until one piece more is refused (loadtest/setup/costliest-operation.ts). Then, in one run:
 * 20 other students open their Dashboard one request at a time with 0.1-0.3 s of thought, for 30 s
 * alone (the baseline), then for 30 s while the attacker (student001) sends that operation on 8
 * connections, each the next as soon as the previous one is answered (3 s unmeasured before each).
 * Reports the victims' latency and errors in both phases, what the attacker got (answered,
 * RATE_LIMITED, other errors), and the server's event loop (utilisation, delay) in each.
 * Checks: under attack, the victims' Dashboard p95 under 50 ms (--p95-limit) and no victim error.
 * Env: TARGET_URL with DATABASE_URL, or the server in this process (DATABASE_URL, REDIS_URL or embedded).
 * Command: npm run loadtest -- noisy-neighbour [--students 20 --connections 8 --duration 30 --think 0.1-0.3]
 */
interface AttackerFigures {
  answered: OperationStats;
  rateLimited: number;
  otherErrors: number;
  otherKinds: Record<string, number>;
  cpu: CpuSummary;
}

interface Phase {
  label: string;
  victims: OperationStats;
  seconds: number;
  cpu: CpuSummary;
  /** The server's event-loop delay over the measured window (in this process only). */
  loopDelay: { mean: number; p50: number; p99: number; max: number } | undefined;
  attacker: AttackerFigures | undefined;
  chart: TimelineChart;
}

type Settings = {
  victims: number;
  connections: number;
  durationS: number;
  warmupS: number;
  thinkS: [number, number];
  timeoutS: number;
  p95LimitMs: number;
};

export async function noisyNeighbour(options: RunOptions, env: Env, log: (line: string) => void): Promise<ScenarioResult> {
  const settings: Settings = {
    victims: options.students ?? 20,
    connections: options.connections ?? 8,
    durationS: options.durationS ?? 30,
    warmupS: options.warmupS ?? 3,
    thinkS: options.thinkS ?? [0.1, 0.3],
    timeoutS: options.timeoutS ?? 10,
    p95LimitMs: options.p95LimitMs ?? 50,
  };
  const startedAt = new Date().toISOString();
  const target = await openTarget(env);
  try {
    const [attacker, ...victims] = await demoStudents(target, settings.victims + 1, { tokens: true });
    const tokens = victims.map((v) => v.token!);
    const operation = await findCostliest(target, attacker!.token!, log);
    const baseline = await runPhase(target, settings, 'baseline', 'victims alone', tokens, undefined, log);
    const attack = await runPhase(target, settings, 'attack', `victims while ${attacker!.username} attacks`, tokens, { token: attacker!.token!, query: operation.text }, log);
    return report(settings, startedAt, target, attacker!.username, operation, baseline, attack);
  } finally {
    await target.close();
  }
}

/** The costliest operation the attacker's token is allowed, found against the server, costed here. */
async function findCostliest(target: Target, token: string, log: (line: string) => void): Promise<Costliest> {
  let sizes = target.app?.listSizes;
  if (!sizes) {
    if (!target.db) throw new SetupError('costing the attacker\'s operation needs the curriculum: set DATABASE_URL to the database behind TARGET_URL');
    sizes = new ListSizes();
    sizes.update(await new ExercisesRepository(target.db).listSizes());
  }
  const costOf = costerOf(new OperationCoster(await buildAppSchema(), sizes));
  const http = new GraphQLHttp(target.url, { connections: 1, timeoutMs: 30_000 });
  try {
    const found = await growCostliest(allPieces(), costOf, serverProbe(http, token));
    log(`costliest accepted operation: cost ${found.cost} of ${OPERATION_LIMITS.cost}, ${found.pieces.length} aliases, ${Math.round(found.bytes / 1024)} KiB answered (${found.probes} probes); one piece more: ${found.refused?.cost ?? 'none refused'}`);
    return found;
  } finally {
    await http.close();
  }
}

async function runPhase(
  target: Target,
  settings: Settings,
  name: string,
  label: string,
  tokens: string[],
  attack: { token: string; query: string } | undefined,
  log: (line: string) => void,
): Promise<Phase> {
  const warmupMs = settings.warmupS * 1000;
  const durationMs = settings.durationS * 1000;
  const timeoutMs = settings.timeoutS * 1000;
  log(`${label}: ${tokens.length} victims${attack ? `, attacker on ${settings.connections} connections` : ''}, ${settings.warmupS} s unmeasured, then ${settings.durationS} s`);
  const context = { serverInProcess: target.inProcess, progress: log };
  // The server's loop delay, from the end of the warm-up to the end of the phase.
  const delay = target.inProcess ? monitorEventLoopDelay({ resolution: 10 }) : undefined;
  delay?.enable();
  const resetDelay = setTimeout(() => delay?.reset(), warmupMs);
  const attacker = attack
    ? startNeighbour(
        { kind: 'attacker', url: target.url, token: attack.token, query: attack.query, operationName: OPERATION_NAME, connections: settings.connections, maxMs: warmupMs + durationMs + 30_000, timeoutMs },
        context,
      )
    : undefined;
  let victimsRun;
  try {
    victimsRun = await startNeighbour({ kind: 'victims', url: target.url, tokens, thinkMs: [settings.thinkS[0] * 1000, settings.thinkS[1] * 1000], warmupMs, durationMs, timeoutMs }, context).done;
  } finally {
    clearTimeout(resetDelay);
    delay?.disable();
    attacker?.stop();
    // The victims failed: the attacker's thread ends before the error goes on (and the server closes).
    if (!victimsRun) await attacker?.done.catch(() => undefined);
  }
  const attackerRun = await attacker?.done;
  const { from, to } = victimsRun.result;
  const rec = Recorder.from(victimsRun.result.recorder);
  const victims = rec.overall(from, to);
  const phase: Phase = {
    label,
    victims,
    seconds: (to - from) / 1000,
    cpu: summarizeCpu(victimsRun.cpu, from, to),
    loopDelay: delay ? { mean: delay.mean / 1e6, p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 } : undefined,
    attacker: attackerRun ? attackerFigures(Recorder.from(attackerRun.result.recorder), from, to, summarizeCpu(attackerRun.cpu, from, to)) : undefined,
    chart: { name, title: `noisy-neighbour: Dashboard, ${label}`, timeline: rec.timeline(), markers: [{ t: settings.warmupS, label: 'measured from here' }] },
  };
  const a = phase.attacker;
  log(`${label}: Dashboard p50 ${ms(victims.p50)} ms, p95 ${ms(victims.p95)} ms, p99 ${ms(victims.p99)} ms, ${victims.errors} errors${a ? `; attacker ${a.answered.count} answered, ${a.rateLimited} RATE_LIMITED, ${a.otherErrors} other errors` : ''}`);
  return phase;
}

/** The attacker's responses completed within the victims' measured window. */
function attackerFigures(rec: Recorder, from: number, to: number, cpu: CpuSummary): AttackerFigures {
  const answered = rec.overall(from, to);
  const { RATE_LIMITED: rateLimited = 0, ...otherKinds } = answered.errorKinds;
  return { answered, rateLimited, otherErrors: answered.errors - rateLimited, otherKinds, cpu };
}

function report(settings: Settings, startedAt: string, target: Target, attacker: string, op: Costliest, baseline: Phase, attack: Phase): ScenarioResult {
  const a = attack.attacker!;
  const perS = (n: number) => rate(n / attack.seconds);
  const victimRow = (p: Phase) => [p.label, String(p.victims.count + p.victims.errors), rate((p.victims.count + p.victims.errors) / p.seconds), ms(p.victims.avg), ms(p.victims.p50), ms(p.victims.p95), ms(p.victims.p99), ms(p.victims.max), String(p.victims.errors)];
  const serverRow = (p: Phase) => [
    p.label,
    p.cpu.serverElu ? `${share(p.cpu.serverElu.mean)} (peak ${share(p.cpu.serverElu.max)})` : 'n/a (TARGET_URL)',
    p.cpu.serverCores ? p.cpu.serverCores.mean.toFixed(2) : 'n/a',
    p.loopDelay ? `${ms(p.loopDelay.p50)} / ${ms(p.loopDelay.p99)} / ${ms(p.loopDelay.max)}` : 'n/a',
    share(p.cpu.loadgenElu.mean),
    p.attacker ? share(p.attacker.cpu.loadgenElu.mean) : '',
    share(p.cpu.machineBusy.mean),
  ];
  const victimErrors = [baseline, attack].flatMap((p) => Object.entries(p.victims.errorKinds).map(([kind, n]) => `victims, ${p.label}: ${n} x ${kind}`));
  const attackerErrors = Object.entries(a.otherKinds).map(([kind, n]) => `attacker: ${n} x ${kind}`);
  const checks: Check[] = [
    { name: "under attack: victims' Dashboard p95", limit: `< ${ms(settings.p95LimitMs)} ms`, value: `${ms(attack.victims.p95)} ms`, ok: attack.victims.p95 < settings.p95LimitMs },
    exactlyCheck("under attack: victims' errors", attack.victims.errors, 0),
    exactlyCheck("baseline: victims' errors", baseline.victims.errors, 0),
  ];
  return {
    scenario: 'noisy-neighbour',
    title: `${settings.victims} students open their Dashboard (one request at a time, ${settings.thinkS.join('-')} s of thought) for ${settings.durationS} s alone, then for ${settings.durationS} s while ${attacker} sends the costliest operation it is allowed (cost ${op.cost}) on ${settings.connections} connections as fast as it can; server: ${target.describe.server}, ${target.describe.database}, cache ${target.describe.cache}.`,
    startedAt,
    seconds: baseline.seconds + attack.seconds,
    settings,
    throughput: [],
    sections: [
      {
        title: "The attacker's operation",
        lines: [
          `cost ${op.cost} (limit ${OPERATION_LIMITS.cost}; heavy past ${OPERATION_LIMITS.heavyCost}), ${op.pieces.length} aliases of modules(level[, subject]), ${op.text.length} characters; its answer: ${Math.round(op.bytes / 1024)} KiB`,
          op.refused
            ? `one piece more was refused by the server (OPERATION_LIMIT_EXCEEDED): cost ${op.refused.cost} by the server, ${op.refused.expectedCost} by the same coster here${op.refused.cost === op.refused.expectedCost ? '' : ' (they disagree: the server and this run see different curriculum sizes)'}; ${op.probes} probes in all`
            : `no piece more was refused: the alias limit (${OPERATION_LIMITS.aliases}) stopped the growth`,
          `\`${op.text}\``,
        ],
      },
      {
        title: "Victims' Dashboard",
        lines: [`p95 under attack / alone: ${ratio(attack.victims.p95 / baseline.victims.p95)}`],
        table: { columns: ['phase', 'requests', 'req/s', 'avg ms', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'], rows: [victimRow(baseline), victimRow(attack)] },
      },
      {
        title: 'The attacker (over the same window)',
        lines: [
          `${a.answered.count + a.answered.errors} responses: ${a.answered.count} answered (${perS(a.answered.count)}/s), ${a.rateLimited} RATE_LIMITED (${perS(a.rateLimited)}/s), ${a.otherErrors} other errors`,
          ...(a.rateLimited === 0 && settings.connections > 1
            ? [`no RATE_LIMITED on ${settings.connections} connections: the per-viewer bound on heavy requests (VIEWER_MAX_HEAVY_INFLIGHT, 1 by default) never saw two of them in flight at once`]
            : []),
        ],
        table: {
          columns: ['answered', 'answered/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'RATE_LIMITED', 'RATE_LIMITED/s', 'other errors'],
          rows: [[String(a.answered.count), perS(a.answered.count), ms(a.answered.p50), ms(a.answered.p95), ms(a.answered.p99), ms(a.answered.max), String(a.rateLimited), perS(a.rateLimited), String(a.otherErrors)]],
        },
      },
      {
        title: 'Where the time went',
        lines: [
          'server ELU: share of wall-clock time its event loop was busy; loop delay: how late a 10 ms timer fired (p50 / p99 / max), over the measured window.',
          ...attackerCost(baseline, attack),
        ],
        table: { columns: ['phase', 'server ELU', 'server main thread, cores', 'loop delay ms', 'victims thread ELU', 'attacker thread ELU', 'machine busy'], rows: [serverRow(baseline), serverRow(attack)] },
      },
      ...(victimErrors.length || attackerErrors.length ? [{ title: 'Errors by kind', lines: [...victimErrors, ...attackerErrors] } satisfies Section] : []),
    ],
    charts: [baseline.chart, attack.chart],
    checks,
    figures: {
      operation: { cost: op.cost, limit: OPERATION_LIMITS.cost, aliases: op.pieces.length, bytes: op.bytes, refused: op.refused, probes: op.probes, text: op.text },
      phases: [baseline, attack].map(({ chart: _chart, ...p }) => p),
      target: target.describe,
    },
  };
}

/**
 * What each attacker response held of the server's main thread: its busy time (wall clock, a wait
 * for a core included) and its CPU time, the victims' share taken off at what a victim's request
 * cost alone (in this process only).
 */
function attackerCost(baseline: Phase, attack: Phase): string[] {
  const a = attack.attacker!;
  const responses = a.answered.count + a.answered.errors;
  const b = baseline.cpu;
  const t = attack.cpu;
  if (!t.serverElu || !b.serverElu || responses === 0 || baseline.victims.count === 0) return [];
  const perVictim = (v: number) => (v * baseline.seconds * 1000) / baseline.victims.count;
  const perAttack = (total: number, victimMs: number) => ms(Math.max(0, total * attack.seconds * 1000 - attack.victims.count * victimMs) / responses);
  return [
    `each attacker response (answered or refused) held the server's loop about ${perAttack(t.serverElu.mean, perVictim(b.serverElu.mean))} ms busy` +
      (t.serverCores && b.serverCores ? `, ${perAttack(t.serverCores.mean, perVictim(b.serverCores.mean))} ms of its CPU` : '') +
      ` (a victim's Dashboard alone: ${ms(perVictim(b.serverElu.mean))} ms busy${b.serverCores ? `, ${ms(perVictim(b.serverCores.mean))} ms of CPU` : ''})`,
  ];
}
