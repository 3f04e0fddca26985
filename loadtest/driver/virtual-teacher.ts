import type { StudentWorld } from './virtual-student.js';
import { operations } from './operations.js';

/**
 * One teacher with its class open: the class overview every `overviewEveryMs` (give or take a
 * tenth, so a school's teachers drift apart), and now and then a module assigned to the class.
 * Each overview is also a freshness probe: every child's row says when it last answered
 * (`lastActiveAt`), and the answers its students were acknowledged before the overview was sent
 * must show there (see Freshness).
 */
export interface TeacherAccount {
  teacherId: number;
  token: string;
  classroomId: number;
  studentIds: number[];
  /** Modules of the class's level, to assign. */
  moduleIds: string[];
}

export interface TeacherBehaviour {
  overviewEveryMs: number;
  /** The chance that an overview is followed by an assignment. */
  assignChance: number;
}

export const OVERVIEW = 'ClassOverview';
export const ASSIGN = 'AssignModules';

export class VirtualTeacher {
  constructor(
    private readonly account: TeacherAccount,
    private readonly world: StudentWorld,
    private readonly behaviour: TeacherBehaviour,
    private readonly freshness: Freshness,
  ) {}

  async live(startDelayMs: number): Promise<void> {
    const { sleeper } = this.world;
    if (!(await sleeper.sleep(startDelayMs))) return;
    while (!sleeper.stopped) {
      await this.overview();
      if (Math.random() < this.behaviour.assignChance) await this.assign();
      const every = this.behaviour.overviewEveryMs;
      if (!(await sleeper.sleep(every * (0.9 + Math.random() * 0.2)))) return;
    }
  }

  private async overview(): Promise<void> {
    const sentAt = Date.now();
    const r = await this.world.http.send(operations.classOverview, { id: String(this.account.classroomId) }, this.account.token);
    if (!r.ok) return this.world.recorder.error(OVERVIEW, r.kind, r.at);
    const rows = r.data.classroom?.overview.rows ?? [];
    if (rows.length !== this.account.studentIds.length) return this.world.recorder.error(OVERVIEW, `${rows.length} rows for ${this.account.studentIds.length} children`, r.at);
    this.world.recorder.ok(OVERVIEW, r.ms, r.at);
    for (const row of rows) this.freshness.observe(Number(row.student.id), row.student.lastActiveAt ? Date.parse(row.student.lastActiveAt) : null, sentAt);
  }

  private async assign(): Promise<void> {
    const moduleId = this.account.moduleIds[Math.floor(Math.random() * this.account.moduleIds.length)];
    if (!moduleId) return;
    const dueAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const r = await this.world.http.send(operations.assignModules, { classroomId: String(this.account.classroomId), moduleIds: [moduleId], dueAt }, this.account.token);
    if (r.ok) this.world.recorder.ok(ASSIGN, r.ms, r.at);
    else this.world.recorder.error(ASSIGN, r.kind, r.at);
  }
}

/** An acknowledged answer, as the freshness probe follows it. */
interface Answer {
  sentAt: number;
  ackAt: number;
  /** Overviews sent after its acknowledgment: one was sent `staleMs` after it and did not show it. */
  checked: boolean;
  staleMs: number;
}

export interface FreshnessSummary {
  /** Answers an overview of their teacher was sent after (the ones the figure is about). */
  checked: number;
  /** Of those, missing from an overview sent after their acknowledgment (at any delay). */
  staleAny: number;
  /** Missing from an overview sent more than 1 s after their acknowledgment. */
  staleOver1s: number;
  /** The longest an answer was missed: an overview sent this long after it did not show it. */
  maxStaleMs: number;
  /** The 99th percentile of that (0 for answers never missed): a lower bound on their delay. */
  p99StaleMs: number;
}

/**
 * Time from an answer to its teacher seeing it, as far as overviews sent every 10 s can tell: an
 * answer acknowledged at t is missed by an overview sent at T > t when the child's row there says
 * it last answered before the answer was sent (the server dates an attempt between the two, on
 * the same clock). Such a miss means the answer took more than T - t to show; an answer never
 * missed showed in the first overview sent after it. Times are wall-clock milliseconds.
 */
export class Freshness {
  private readonly answers = new Map<number, Answer[]>();

  answered(studentId: number, sentAt: number, ackAt: number): void {
    const list = this.answers.get(studentId) ?? [];
    list.push({ sentAt, ackAt, checked: false, staleMs: 0 });
    this.answers.set(studentId, list);
  }

  observe(studentId: number, lastActiveAt: number | null, overviewSentAt: number): void {
    const list = this.answers.get(studentId);
    if (!list) return;
    // The latest answer acknowledged before the overview was sent (answers are acknowledged in order).
    let latest: Answer | undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.ackAt <= overviewSentAt) {
        latest = list[i];
        break;
      }
    }
    if (!latest) return;
    latest.checked = true;
    // Milliseconds on the wire: the attempt's time may read up to 1 ms before the request left.
    const shown = lastActiveAt !== null && lastActiveAt >= latest.sentAt - 1;
    if (!shown) latest.staleMs = Math.max(latest.staleMs, overviewSentAt - latest.ackAt);
  }

  summary(): FreshnessSummary {
    const checked = [...this.answers.values()].flat().filter((a) => a.checked);
    const stale = checked.map((a) => a.staleMs).sort((a, b) => a - b);
    const p99 = stale.length === 0 ? 0 : stale[Math.min(stale.length - 1, Math.ceil(stale.length * 0.99) - 1)]!;
    return {
      checked: checked.length,
      staleAny: checked.filter((a) => a.staleMs > 0).length,
      staleOver1s: checked.filter((a) => a.staleMs > 1000).length,
      maxStaleMs: stale.at(-1) ?? 0,
      p99StaleMs: p99,
    };
  }
}
