import type { Exercise } from '../exercises/exercise.type.js';
import type { ExerciseLoaders } from '../exercises/exercises.loaders.js';
import type { Student } from '../students/student.type.js';
import type { Progress } from './progress.type.js';
import type { ProgressLoaders } from './progress.loaders.js';

/**
 * What recommendations, stats and the progress list are computed from: the student's progress
 * rows, the active curriculum of its level, and every exercise either of them names. Built from
 * per-request loaders, so asking for all three in one request costs the same queries as one.
 */
export interface StudentWork {
  progress: readonly Progress[];
  /** Active exercises of the student's level, in curriculum order. */
  curriculum: readonly Exercise[];
  /** Every exercise named by `progress` or `curriculum`. */
  exercises: ReadonlyMap<number, Exercise>;
}

export async function loadStudentWork(loaders: ExerciseLoaders & ProgressLoaders, student: Pick<Student, 'id' | 'level'>): Promise<StudentWork> {
  const [progress, curriculum] = await Promise.all([loaders.progressByStudent.load(student.id), loaders.curriculum.load(student.level)]);
  const exercises = new Map<number, Exercise>();
  for (const e of curriculum) {
    exercises.set(e.id, e);
    loaders.exercise.prime(e.id, e);
  }
  const missing = progress.map((p) => p.exerciseId).filter((id) => !exercises.has(id));
  if (missing.length > 0) {
    for (const e of await loaders.exercise.loadMany(missing)) {
      if (!(e instanceof Error)) exercises.set(e.id, e);
    }
  }
  return { progress, curriculum, exercises };
}
