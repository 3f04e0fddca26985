import type { Exercise } from '../exercises/exercise.type.js';
import type { Progress } from './progress.type.js';

/**
 * What recommendations, stats and the progress list are computed from: the student's progress
 * rows, the active curriculum of its level, and every exercise either of them names. The student
 * read model builds it once per request and student (student-model/student-model.ts).
 */
export interface StudentWork {
  progress: readonly Progress[];
  /** Active exercises of the student's level, in curriculum order. */
  curriculum: readonly Exercise[];
  /** Every exercise named by `progress` or `curriculum`. */
  exercises: ReadonlyMap<number, Exercise>;
}
