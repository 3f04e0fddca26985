import { now, Recorder, type RecorderData } from '../measure/recorder.js';
import { GraphQLHttp, type Route } from './graphql-http.js';
import { Sleeper } from './sleeper.js';
import { VirtualStudent, type Behaviour, type ExerciseAnswers, type StudentAccount, type StudentWorld, type Submission } from './virtual-student.js';
import { groupBy } from '../../src/common/group-by.js';
import { Freshness, VirtualTeacher, type FreshnessSummary, type TeacherAccount, type TeacherBehaviour } from './virtual-teacher.js';

/**
 * Virtual students with think time, on one pool of keep-alive connections. autocannon cannot
 * model them: each of its connections sends the next request as soon as the previous one is
 * answered, and its rate limit is whole requests per second per connection, sent in a burst.
 *
 *   classroom: every student starts within the login window, all run for the duration.
 *   capacity:  students are added a step at a time, arriving over the ramp; once the newcomers
 *              have settled (their first, cold-cache loop done), the step is held and measured,
 *              and the run stops at the first step whose p95 passes the limit or that sees an error.
 */
export interface ClassroomPlan {
  kind: 'classroom';
  loginWindowMs: number;
  durationMs: number;
}

export interface CapacityPlan {
  kind: 'capacity';
  start: number;
  step: number;
  max: number;
  rampMs: number;
  /** After the ramp, before the hold: the newcomers' first loop, on a cold cache, is not the steady state. */
  settleMs: number;
  holdMs: number;
  p95LimitMs: number;
  /** Held only when every operation's own p95 is within the limit (school-day), not just all of them together. */
  perOperation?: boolean;
}

export interface StudentsJob {
  kind: 'students';
  url: string;
  connections: number;
  timeoutMs: number;
  route?: Route;
  students: StudentAccount[];
  answers: ExerciseAnswers[];
  behaviour: Behaviour;
  plan: ClassroomPlan | CapacityPlan;
  /** Teachers with their classes open (school-day; a few in the classroom run), from the start. */
  teachers?: TeacherAccount[];
  teacherBehaviour?: TeacherBehaviour;
}

/** One capacity step: `students` active, measured over its hold period [from, to). */
export interface Step {
  students: number;
  from: number;
  to: number;
  held: boolean;
  p95: number;
  errors: number;
  /** Teachers watching their class by then. */
  teachers: number;
}

export interface StudentsResult {
  recorder: RecorderData;
  submissions: Submission[];
  gradingMismatches: number;
  replayMismatches: number;
  examples: string[];
  steps: Step[];
  /** With teachers: how soon their overviews showed the answers. */
  freshness?: FreshnessSummary;
}

export interface DriverEvents {
  progress(line: string): void;
  onStop(stop: () => void): void;
}

export async function runStudents(job: StudentsJob, events: DriverEvents): Promise<StudentsResult> {
  const answers = new Map(job.answers.map((a) => [a.id, a]));
  const answersByLevel = groupBy(job.answers, (a) => a.level);
  const mismatches = { grading: 0, replay: 0 };
  const examples: string[] = [];
  const world: StudentWorld = {
    http: new GraphQLHttp(job.url, { connections: job.connections, timeoutMs: job.timeoutMs, route: job.route }),
    recorder: new Recorder(now()),
    sleeper: new Sleeper(),
    behaviour: job.behaviour,
    answers,
    answersByLevel,
    submissions: [],
    note(kind, example) {
      mismatches[kind]++;
      if (examples.length < 10) examples.push(`${kind}: ${example}`);
    },
  };
  events.onStop(() => world.sleeper.stop());
  const freshness = job.teachers?.length ? new Freshness() : undefined;
  if (freshness) world.answered = (id, sentAt, ackAt) => freshness.answered(id, sentAt, ackAt);

  const lives: Promise<void>[] = [];
  let active = 0;
  // A teacher opens its class when its first child arrives (a capacity step adds classes).
  const teacherBehaviour = job.teacherBehaviour ?? { overviewEveryMs: 10_000, assignChance: 0.02 };
  const position = new Map(job.students.map((s, i) => [s.id, i]));
  const waiting = (job.teachers ?? [])
    .map((t) => ({ t, first: Math.min(...t.studentIds.map((id) => position.get(id) ?? Infinity)) }))
    .sort((a, b) => a.first - b.first);
  const start = (count: number, spreadMs: number) => {
    for (; active < count; active++) lives.push(new VirtualStudent(active + 1, job.students[active]!, world).live(Math.random() * spreadMs));
    while (freshness && waiting.length && waiting[0]!.first < count) {
      lives.push(new VirtualTeacher(waiting.shift()!.t, world, teacherBehaviour, freshness).live(Math.random() * (spreadMs + teacherBehaviour.overviewEveryMs)));
    }
  };
  const ticker = setInterval(() => {
    const t = now();
    const s = world.recorder.overall(t - 10_000, t);
    events.progress(`${Math.round((t - world.recorder.startedAt) / 1000)}s: ${active} students, ${((s.count + s.errors) / 10).toFixed(1)} req/s, p95 ${s.p95.toFixed(1)} ms, ${s.errors} errors`);
  }, 10_000);

  const steps: Step[] = [];
  try {
    if (job.plan.kind === 'classroom') {
      start(job.students.length, job.plan.loginWindowMs);
      await world.sleeper.sleep(job.plan.durationMs);
    } else {
      const plan = job.plan;
      for (let target = Math.min(plan.start, plan.max); ; target = Math.min(target + plan.step, plan.max)) {
        start(target, plan.rampMs);
        if (!(await world.sleeper.sleep(plan.rampMs + plan.settleMs))) break;
        const from = now();
        if (!(await world.sleeper.sleep(plan.holdMs))) break;
        const to = now();
        const s = world.recorder.overall(from, to);
        const p95 = plan.perOperation ? Math.max(s.p95, ...world.recorder.operations(from, to).map((o) => o.p95)) : s.p95;
        const held = p95 <= plan.p95LimitMs && s.errors === 0;
        steps.push({ students: target, from, to, held, p95, errors: s.errors, teachers: (job.teachers?.length ?? 0) - waiting.length });
        events.progress(`step ${target} students: ${((s.count + s.errors) / ((to - from) / 1000)).toFixed(1)} req/s, p95 ${p95.toFixed(1)} ms${plan.perOperation ? ' (the slowest operation)' : ''}, ${s.errors} errors: ${held ? 'held' : 'not held'}`);
        if (!held || target >= plan.max) break;
      }
    }
  } finally {
    clearInterval(ticker);
    world.sleeper.stop();
    await Promise.allSettled(lives); // requests in flight finish (or time out)
    await world.http.close();
  }
  return {
    recorder: world.recorder.data(),
    submissions: world.submissions,
    gradingMismatches: mismatches.grading,
    replayMismatches: mismatches.replay,
    examples,
    steps,
    ...(freshness ? { freshness: freshness.summary() } : {}),
  };
}
