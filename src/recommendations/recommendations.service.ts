import { requireStudentAccess } from '../viewer.js';
import { ProgressStatus } from '../common/enums.js';
import type { Clock } from '../common/time.js';
import type { Context } from '../context.js';
import type { StudentWork } from '../progress/student-work.js';
import type { Student } from '../students/student.type.js';
import { rankRecommendations, type RankedExercise } from './ranking.js';

export class RecommendationsService {
  /**
   * The whole ranking of a student's work (any `limit` is a prefix of it), kept with the work
   * until the next review falls due: the ranking changes then, whatever else happens.
   */
  private readonly rankings = new WeakMap<StudentWork, { ranked: RankedExercise[]; validUntil: number }>();

  constructor(private readonly clock: Clock) {}

  /** The first `limit` exercises of the student's ranking (see ranking.ts), from its work. */
  async forStudent(ctx: Context, student: Student, limit: number): Promise<RankedExercise[]> {
    requireStudentAccess(ctx.viewer, student.id);
    const work = await ctx.studentModel.work(student);
    const now = this.clock.now().getTime();
    let kept = this.rankings.get(work);
    if (!kept || kept.validUntil <= now) this.rankings.set(work, (kept = { ranked: rankRecommendations(work, new Date(now)), validUntil: nextReviewAfter(work, now) }));
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

declare module '../context.js' {
  interface Services {
    recommendations: RecommendationsService;
  }
}
