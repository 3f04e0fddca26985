import { requireStudentAccess } from '../access.js';
import { ProgressStatus, RecommendationReason, SUBJECTS, type Subject } from '../common/enums.js';
import type { Clock } from '../common/time.js';
import type { Context } from '../context.js';
import type { Exercise } from '../exercises/exercise.type.js';
import type { StudentWork } from '../progress/progress.type.js';
import type { AssignedModule, Student } from '../students/student.type.js';

export class RecommendationsService {
  /**
   * The whole ranking of a student's work (any `limit` is a prefix of it), kept with the work
   * until the next review falls due: the ranking changes then, whatever else happens.
   */
  private readonly rankings = new WeakMap<StudentWork, { ranked: RankedExercise[]; validUntil: number; assigned: string }>();

  constructor(private readonly clock: Clock) {}

  /** The first `limit` exercises of the student's ranking (see ranking.ts), from its work. */
  async forStudent(ctx: Context, student: Student, limit: number): Promise<RankedExercise[]> {
    const access = requireStudentAccess(ctx, student); // a promise for a teacher only
    if (access) await access;
    const work = await ctx.studentModel.work(student);
    const assignments = student.assignments ?? (await ctx.studentModel.assignments(student)); // read again only for a write's row
    const now = this.clock.now().getTime();
    const assigned = assignments.length === 0 ? '' : JSON.stringify(assignments);
    let kept = this.rankings.get(work);
    if (!kept || kept.validUntil <= now || kept.assigned !== assigned) {
      this.rankings.set(work, (kept = { ranked: rankRecommendations(work, new Date(now), MAX_RECOMMENDATIONS, assignments), validUntil: nextReviewAfter(work, now), assigned }));
    }
    return kept.ranked.slice(0, limit);
  }
}

/** When the first review after `now` falls due (Infinity: none is scheduled). */
function nextReviewAfter(work: StudentWork, now: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const p of work.progress) {
    const done = p.status === ProgressStatus.COMPLETED || p.status === ProgressStatus.MASTERED;
    if (done && p.nextReviewAt !== null && p.nextReviewAt > now && p.nextReviewAt < next) next = p.nextReviewAt;
  }
  return next;
}

export const MAX_RECOMMENDATIONS = 20;

export interface RankedExercise {
  exerciseId: number;
  reason: RecommendationReason;
}

/**
 * The whole ranking of what a student should do next (up to MAX_RECOMMENDATIONS, so any `limit`
 * is a prefix of it). Pure: same work, assignments and time, same ranking.
 *   0. Its class's assigned modules it has not completed, earliest due first (then undated, oldest
 *      assignment first): their exercises not yet done right, in curriculum order (RETRY when
 *      tried, NEW when not). Only modules of the child's level count (a class can mix levels).
 *   1. REVIEW_DUE: right before, review date passed; most overdue first.
 *   2. RETRY: tried, never right; the one left alone longest first, so retries rotate.
 *   3. NEW: never tried, of the student's level, in curriculum order (period, module, exercise),
 *      alternating subjects, starting after the subject of the student's latest attempt.
 * Retired (inactive) exercises are never recommended.
 */
export function rankRecommendations(work: StudentWork, now: Date, max = MAX_RECOMMENDATIONS, assignments: readonly AssignedModule[] = []): RankedExercise[] {
  const ranked: RankedExercise[] = assignedFirst(work, assignments);
  if (ranked.length >= max) return ranked.slice(0, max);
  const listed = new Set(ranked.map((r) => r.exerciseId));
  const active = (id: number) => !listed.has(id) && work.exercises.get(id)?.active === true;
  const t = now.getTime();

  const due = work.progress
    .filter((p) => (p.status === ProgressStatus.COMPLETED || p.status === ProgressStatus.MASTERED) && p.nextReviewAt !== null && p.nextReviewAt <= t && active(p.exerciseId))
    .sort((a, b) => a.nextReviewAt! - b.nextReviewAt! || a.exerciseId - b.exerciseId);
  for (const p of due) ranked.push({ exerciseId: p.exerciseId, reason: RecommendationReason.REVIEW_DUE });

  const retries = work.progress
    .filter((p) => p.status === ProgressStatus.IN_PROGRESS && active(p.exerciseId))
    .sort((a, b) => (a.lastAttemptAt ?? 0) - (b.lastAttemptAt ?? 0) || a.exerciseId - b.exerciseId);
  for (const p of retries) ranked.push({ exerciseId: p.exerciseId, reason: RecommendationReason.RETRY });
  if (ranked.length >= max) return ranked.slice(0, max);

  const tried = new Set(work.progress.filter((p) => p.attempts > 0).map((p) => p.exerciseId));
  for (const id of listed) tried.add(id);
  const queues = new Map<Subject, Exercise[]>(SUBJECTS.map((s) => [s, []]));
  for (const e of work.curriculum) if (!tried.has(e.id)) queues.get(e.subject)?.push(e);

  const latest = work.progress.reduce<(typeof work.progress)[number] | undefined>(
    (acc, p) => (p.lastAttemptAt !== null && (!acc || acc.lastAttemptAt === null || p.lastAttemptAt > acc.lastAttemptAt) ? p : acc),
    undefined,
  );
  const latestSubject = latest ? work.exercises.get(latest.exerciseId)?.subject : undefined;
  const start = latestSubject ? (SUBJECTS.indexOf(latestSubject) + 1) % SUBJECTS.length : 0;
  const order = [...SUBJECTS.slice(start), ...SUBJECTS.slice(0, start)];

  const cursors = new Map<Subject, number>(order.map((s) => [s, 0]));
  while (ranked.length < max) {
    let added = false;
    for (const s of order) {
      const queue = queues.get(s)!;
      const i = cursors.get(s)!;
      if (i < queue.length && ranked.length < max) {
        ranked.push({ exerciseId: queue[i]!.id, reason: RecommendationReason.NEW });
        cursors.set(s, i + 1);
        added = true;
      }
    }
    if (!added) break;
  }
  return ranked;
}

/** Step 0 of the ranking: the exercises of assigned modules the child has not completed. */
function assignedFirst(work: StudentWork, assignments: readonly AssignedModule[]): RankedExercise[] {
  if (assignments.length === 0) return [];
  const order = [...assignments].sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.assignedAt - b.assignedAt || a.moduleId - b.moduleId);
  const status = new Map(work.progress.map((p) => [p.exerciseId, p]));
  const ranked: RankedExercise[] = [];
  for (const { moduleId } of order) {
    for (const e of work.curriculum) {
      if (e.moduleId !== moduleId) continue;
      const p = status.get(e.id);
      if (p && (p.status === ProgressStatus.COMPLETED || p.status === ProgressStatus.MASTERED)) continue;
      ranked.push({ exerciseId: e.id, reason: p && p.attempts > 0 ? RecommendationReason.RETRY : RecommendationReason.NEW });
    }
  }
  return ranked;
}

declare module '../context.js' {
  interface Services {
    recommendations: RecommendationsService;
  }
}
