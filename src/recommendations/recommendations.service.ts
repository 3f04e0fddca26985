import { requireStudentAccess } from '../auth/viewer.js';
import type { Clock } from '../common/time.js';
import type { Context } from '../context.js';
import { loadStudentWork } from '../progress/student-work.js';
import type { Student } from '../students/student.type.js';
import { rankRecommendations, type RankedExercise } from './ranking.js';

export class RecommendationsService {
  constructor(private readonly clock: Clock) {}

  /** The first `limit` of the student's ranking (see ranking.ts). */
  async forStudent(ctx: Context, student: Student, limit: number): Promise<RankedExercise[]> {
    requireStudentAccess(ctx.viewer, student.id);
    const work = await loadStudentWork(ctx.loaders, student);
    return rankRecommendations(work, this.clock.now()).slice(0, limit);
  }
}
