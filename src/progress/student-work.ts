import { indexById } from '../exercises/exercise-index.js';
import type { Exercise } from '../exercises/exercise.type.js';
import type { ExerciseLoaders } from '../exercises/exercises.loaders.js';
import type { Student } from '../students/student.type.js';
import type { Progress } from './progress.type.js';
import type { ProgressLoaders } from './progress.loaders.js';

/**
 * What recommendations, stats and the progress list are computed from: the student's progress
 * rows, the active curriculum of its level, and every exercise either of them names. Built from
 * per-request loaders and computed once per request and student, however many fields ask.
 */
export interface StudentWork {
  progress: readonly Progress[];
  /** Active exercises of the student's level, in curriculum order. */
  curriculum: readonly Exercise[];
  /** Every exercise named by `progress` or `curriculum`. */
  exercises: ReadonlyMap<number, Exercise>;
}

type Loaders = ExerciseLoaders & ProgressLoaders;

// Request scope: keyed by the request's loaders, so it goes when the request does.
const computed = new WeakMap<Loaders, Map<number, Promise<StudentWork>>>();

export function loadStudentWork(loaders: Loaders, student: Pick<Student, 'id' | 'level'>): Promise<StudentWork> {
  let mine = computed.get(loaders);
  if (!mine) computed.set(loaders, (mine = new Map()));
  let work = mine.get(student.id);
  if (!work) {
    work = build(loaders, student);
    mine.set(student.id, work);
    work.catch(() => mine.delete(student.id));
  }
  return work;
}

/** Forgets the request's copy after a write to the student's progress. */
export function forgetStudentWork(loaders: Loaders, studentId: number): void {
  computed.get(loaders)?.delete(studentId);
}

async function build(loaders: Loaders, student: Pick<Student, 'id' | 'level'>): Promise<StudentWork> {
  const [progress, curriculum] = await Promise.all([loaders.progressByStudent.load(student.id), loaders.curriculum.load(student.level)]);
  const level = indexById(curriculum);
  const missing = progress.map((p) => p.exerciseId).filter((id) => !level.has(id));
  if (missing.length === 0) return { progress, curriculum, exercises: level };
  // Exercises of other levels (a student who moved up): a copy of the index, with them added.
  const exercises = new Map(level);
  for (const e of await loaders.exercise.loadMany(missing)) {
    if (!(e instanceof Error)) exercises.set(e.id, e);
  }
  return { progress, curriculum, exercises };
}
