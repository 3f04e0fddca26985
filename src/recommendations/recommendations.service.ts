import { requireStudentAccess } from '../viewer.js';
import type { Clock } from '../common/time.js';
import type { Context } from '../context.js';
import type { Student } from '../students/student.type.js';
import { rankRecommendations, type RankedExercise } from './ranking.js';

export class RecommendationsService {
  constructor(private readonly clock: Clock) {}

  /** The first `limit` exercises of the student's ranking (see ranking.ts), from its work. */
  async forStudent(ctx: Context, student: Student, limit: number): Promise<RankedExercise[]> {
    requireStudentAccess(ctx.viewer, student.id);
    return rankRecommendations(await ctx.studentModel.work(student), this.clock.now(), limit);
  }
}

declare module '../context.js' {
  interface Services {
    recommendations: RecommendationsService;
  }
}
