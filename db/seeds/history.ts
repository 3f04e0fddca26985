import type { ExerciseType, Subject } from '../../src/db/database.js';
import { ProgressStatus } from '../../src/common/enums.js';
import { DAY_MS, parisDay, previousDay, type EpochMs } from '../../src/common/time.js';
import { decideProgress, NOT_STARTED, type ProgressState } from '../../src/progress/scheduling.js';
import { mulberry32 } from './curriculum/prng.js';

/**
 * A plausible past for one student, simulated with the server's own progress rules (so points,
 * statuses, review dates and streaks agree with what submitAttempt would have written):
 * 60 days, active on a share of them, one session per active day of 3 to 10 attempts that pick a
 * due review, a retry, or the next new exercise of the level. Deterministic per student id.
 */
export interface HistoryExercise {
  id: number;
  type: ExerciseType;
  points: number;
  solution: unknown;
  content: unknown;
  subject: Subject;
}

export interface StudentHistory {
  studentId: number;
  sessions: { startedAt: Date; endedAt: Date; attempted: number; succeeded: number; pointsEarned: number }[];
  attempts: {
    exerciseId: number;
    sessionStartedAt: Date;
    idempotencyKey: string;
    answer: unknown;
    correct: boolean;
    durationSeconds: number;
    hintsUsed: number;
    pointsEarned: number;
    at: Date;
  }[];
  progress: (ProgressState & { exerciseId: number; lastAttemptAt: EpochMs })[];
  totalPoints: number;
  streakDays: number;
  streakLastDay: string | null;
  lastActiveAt: Date | null;
}

export function generateHistory(studentId: number, curriculum: readonly HistoryExercise[], now: Date, days = 60): StudentHistory {
  const rng = mulberry32(studentId * 2654435761);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const activity = 0.15 + rng() * 0.45;
  const skill = 0.55 + rng() * 0.4;

  const history: StudentHistory = { studentId, sessions: [], attempts: [], progress: [], totalPoints: 0, streakDays: 0, streakLastDay: null, lastActiveAt: null };
  const state = new Map<number, ProgressState & { exerciseId: number; lastAttemptAt: EpochMs }>();
  const byId = new Map(curriculum.map((e) => [e.id, e]));
  let nextNew = 0;
  const activeDays: string[] = [];

  for (let d = days - 1; d >= 0; d--) {
    if (rng() > activity || curriculum.length === 0) continue;
    const dayStart = new Date(now.getTime() - d * DAY_MS);
    dayStart.setUTCHours(int(7, 16), int(0, 59), 0, 0);
    if (dayStart > now) continue;
    let t = dayStart.getTime();
    const session = { startedAt: new Date(t), endedAt: new Date(t), attempted: 0, succeeded: 0, pointsEarned: 0 };
    for (let k = int(3, 10); k > 0; k--) {
      t += int(30, 180) * 1000;
      const at = new Date(t);
      if (at > now) break;
      const due = [...state.values()].filter((p) => p.nextReviewAt !== null && p.nextReviewAt <= t);
      const retries = [...state.values()].filter((p) => p.status === ProgressStatus.IN_PROGRESS);
      let exercise: HistoryExercise | undefined;
      let chance = skill;
      if (due.length > 0 && rng() < 0.5) {
        exercise = byId.get(due[int(0, due.length - 1)]!.exerciseId);
        chance = Math.min(0.97, skill + 0.1);
      } else if (retries.length > 0 && rng() < 0.4) {
        exercise = byId.get(retries[int(0, retries.length - 1)]!.exerciseId);
        chance = skill - 0.1;
      } else if (nextNew < curriculum.length) {
        exercise = curriculum[nextNew++];
      }
      if (!exercise) continue;
      const correct = rng() < chance;
      const hintsUsed = rng() < 0.15 ? int(1, 2) : 0;
      const before = state.get(exercise.id) ?? emptyProgress(exercise.id);
      const decision = decideProgress(before, { correct, hintsUsed, at, exercisePoints: exercise.points });
      state.set(exercise.id, { ...decision.next, exerciseId: exercise.id });
      history.attempts.push({
        exerciseId: exercise.id,
        sessionStartedAt: session.startedAt,
        idempotencyKey: `seed-${studentId}-${history.attempts.length + 1}`,
        answer: correct ? exercise.solution : wrongAnswer(exercise),
        correct,
        durationSeconds: int(10, 240),
        hintsUsed,
        pointsEarned: decision.pointsEarned,
        at,
      });
      history.totalPoints += decision.pointsEarned;
      session.attempted++;
      session.succeeded += correct ? 1 : 0;
      session.pointsEarned += decision.pointsEarned;
      session.endedAt = at;
      history.lastActiveAt = at;
    }
    if (session.attempted > 0) {
      history.sessions.push(session);
      activeDays.push(parisDay(session.endedAt));
    }
  }

  history.progress = [...state.values()];
  if (activeDays.length > 0) {
    const last = activeDays.at(-1)!;
    const set = new Set(activeDays);
    let streak = 0;
    for (let day = last; set.has(day); day = previousDay(day)) streak++;
    history.streakDays = streak;
    history.streakLastDay = last;
  }
  return history;
}

function emptyProgress(exerciseId: number): ProgressState & { exerciseId: number; lastAttemptAt: EpochMs } {
  return { ...NOT_STARTED, exerciseId, lastAttemptAt: 0 };
}

/** A mistake a child could make, in the shape the exercise type expects. */
export function wrongAnswer(exercise: Pick<HistoryExercise, 'type' | 'solution' | 'content'>): unknown {
  const solution = exercise.solution as { choice?: string; value?: number; text?: string; order?: string[] };
  switch (exercise.type) {
    case 'QCM':
    case 'LECTURE': {
      const choices = (exercise.content as { choices: { id: string }[] }).choices;
      return { choice: choices.find((c) => c.id !== solution.choice)!.id };
    }
    case 'CALCUL':
    case 'GEOMETRIE':
    case 'PROBLEME':
      return { value: (solution.value ?? 0) + 1 };
    case 'TEXTE_LIBRE':
    case 'CONJUGAISON':
      return { text: `${solution.text ?? ''}x` };
    case 'DRAG_DROP':
      return { order: [...(solution.order ?? [])].reverse() };
  }
}
