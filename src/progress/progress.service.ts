import { requireStudentAccess } from '../access.js';
import { ProgressStatus, SUBJECTS, type Subject } from '../common/enums.js';
import { decodeCursor, encodeCursor } from '../common/pagination.js';
import { dateOf } from '../common/time.js';
import type { Context } from '../context.js';
import type { Exercise } from '../exercises/exercise.type.js';
import { indexById } from '../exercises/exercise-index.js';
import type { ProgressArgs } from '../students/student.input.js';
import type { Student, StudentStats } from '../students/student.type.js';
import { Progress, type ProgressConnection, type StudentWork } from './progress.type.js';

export class ProgressService {
  /** Stats are a pure function of the work, which is shared while its rows stay cached. */
  private readonly statsOf = new WeakMap<StudentWork, StudentStats>();

  /**
   * A student's progress, most recently attempted first (never-attempted last, then by exercise
   * id). With status NOT_STARTED: the active exercises of the student's level not tried yet.
   */
  async list(ctx: Context, student: Student, args: ProgressArgs & { first: number }): Promise<ProgressConnection> {
    const access = requireStudentAccess(ctx, student); // a promise for a teacher only
    if (access) await access;
    const work = await ctx.studentModel.work(student);
    let items: Progress[];
    if (args.status === ProgressStatus.NOT_STARTED) {
      const tried = new Set(work.progress.filter((p) => p.attempts > 0).map((p) => p.exerciseId));
      items = work.curriculum.filter((e) => !tried.has(e.id)).map((e) => notStarted(student.id, e));
    } else {
      items = work.progress.filter((p) => p.attempts > 0 && (!args.status || p.status === args.status));
    }
    if (args.subject) items = items.filter((p) => work.exercises.get(p.exerciseId)?.subject === args.subject);

    // Sort keys computed once per row, not once per comparison.
    let keyed = items.map((node) => ({ node, key: sortKey(node) }));
    keyed.sort((a, b) => compareKeys(b.key, a.key));
    const totalCount = keyed.length;
    if (args.after) {
      const [at, id] = decodeCursor(args.after, ['time?', 'id']);
      const after: SortKey = [at === null ? null : Date.parse(at), id];
      keyed = keyed.filter((k) => compareKeys(k.key, after) < 0);
    }
    const page = keyed.slice(0, args.first);
    // A cursor is encoded when a client selects it (the dashboard does not), not for every edge.
    const edges = page.map(({ node }) => ({
      node,
      get cursor() {
        return encodeCursor([dateOf(node.lastAttemptAt)?.toISOString() ?? null, node.exerciseId]);
      },
    }));
    return {
      edges,
      totalCount,
      pageInfo: {
        hasNextPage: keyed.length > args.first,
        get endCursor() {
          return edges.at(-1)?.cursor ?? null;
        },
      },
    };
  }

  async stats(ctx: Context, student: Student): Promise<StudentStats> {
    const access = requireStudentAccess(ctx, student); // a promise for a teacher only
    if (access) await access;
    const work = await ctx.studentModel.work(student);
    let stats = this.statsOf.get(work);
    if (!stats) this.statsOf.set(work, (stats = computeStats(work)));
    return stats;
  }

  exercise(ctx: Context, progress: Progress): Exercise | Promise<Exercise> {
    return ctx.loaders.exerciseNow(progress.exerciseId);
  }
}

/** [lastAttemptAt in ms | null, exerciseId]; the cursor carries the same with the time as ISO text. */
type SortKey = [number | null, number];

function sortKey(p: Progress): SortKey {
  return [p.lastAttemptAt, p.exerciseId];
}

/** Orders sort keys: null (never attempted) sorts lowest. */
function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) {
    if (a[0] === null) return -1;
    if (b[0] === null) return 1;
    return a[0] < b[0] ? -1 : 1;
  }
  return a[1] - b[1];
}

function notStarted(studentId: number, e: Exercise): Progress {
  return Object.assign(new Progress(), {
    studentId,
    exerciseId: e.id,
    status: ProgressStatus.NOT_STARTED,
    attempts: 0,
    successes: 0,
    pointsEarned: 0,
    lastAttemptAt: null,
    firstSuccessAt: null,
    masteredAt: null,
    nextReviewAt: null,
    reviewIntervalDays: null,
    reviewState: null,
  });
}

const done = (s: ProgressStatus) => s === ProgressStatus.COMPLETED || s === ProgressStatus.MASTERED;
const rate = (ok: number, all: number) => (all === 0 ? 0 : ok / all);

/**
 * A student's summary, from its work. Overall figures count every exercise tried; per subject,
 * `completed` and `total` are over the curriculum of the student's level (so completed <= total)
 * and `successRate` over every attempt in that subject.
 */
export function computeStats(work: StudentWork): StudentStats {
  // The level's index, built once per curriculum list and shared (not a Set made per call).
  const inLevel = indexById(work.curriculum);
  const bySubject = new Map<Subject, { completed: number; total: number; attempts: number; successes: number }>(
    SUBJECTS.map((s) => [s, { completed: 0, total: 0, attempts: 0, successes: 0 }]),
  );
  for (const e of work.curriculum) bySubject.get(e.subject)!.total++;

  let attempted = 0, completed = 0, mastered = 0, attempts = 0, successes = 0;
  for (const p of work.progress) {
    if (p.attempts === 0) continue;
    attempted++;
    attempts += p.attempts;
    successes += p.successes;
    if (done(p.status)) completed++;
    if (p.status === ProgressStatus.MASTERED) mastered++;
    const subject = work.exercises.get(p.exerciseId)?.subject;
    const s = subject && bySubject.get(subject);
    if (!s) continue;
    s.attempts += p.attempts;
    s.successes += p.successes;
    if (done(p.status) && inLevel.has(p.exerciseId)) s.completed++;
  }
  return {
    exercisesAttempted: attempted,
    exercisesCompleted: completed,
    exercisesMastered: mastered,
    successRate: rate(successes, attempts),
    bySubject: SUBJECTS.map((subject) => {
      const s = bySubject.get(subject)!;
      return { subject, completed: s.completed, total: s.total, successRate: rate(s.successes, s.attempts) };
    }),
  };
}

declare module '../context.js' {
  interface Services {
    progress: ProgressService;
  }
}
