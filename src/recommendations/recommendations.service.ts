import { requireStudentAccess } from '../viewer.js';
import type { Context } from '../context.js';
import type { Student } from '../students/student.type.js';
import type { RankedExercise } from './ranking.js';

export class RecommendationsService {
  /** The first `limit` of the student's whole ranking (see ranking.ts), which is cached. */
  async forStudent(ctx: Context, student: Student, limit: number): Promise<RankedExercise[]> {
    requireStudentAccess(ctx.viewer, student.id);
    return (await ctx.loaders.rankingByStudent.load(student.id)).slice(0, limit);
  }
}

declare module '../context.js' {
  interface Services {
    recommendations: RecommendationsService;
  }
}
