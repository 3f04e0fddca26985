import { ProgressStatus, SUBJECTS, type Subject } from '../common/enums.js';
import type { StudentStats } from '../students/student.type.js';
import type { StudentWork } from './student-work.js';
import { indexById } from '../exercises/exercise-index.js';

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
