import { describe, expect, it } from 'vitest';
import { Difficulty, ExerciseType, Level, Period, ProgressStatus, RecommendationReason, Subject } from '../common/enums.js';
import { Exercise } from '../exercises/exercise.type.js';
import { Progress } from '../progress/progress.type.js';
import type { StudentWork } from '../progress/progress.type.js';
import { rankRecommendations } from './recommendations.service.js';

const now = new Date('2026-05-10T10:00:00Z');
const hour = 3_600_000;

function exercise(id: number, subject: Subject, extra: Partial<Exercise> = {}): Exercise {
  return Object.assign(new Exercise(), {
    id, moduleId: 1, title: `e${id}`, instructions: '', type: ExerciseType.QCM, difficulty: Difficulty.DECOUVERTE, points: 10,
    estimatedMinutes: 2, content: {}, solution: {}, level: Level.CE1, subject, period: Period.P1, moduleOrder: 1, order: id, active: true, ...extra,
  });
}

function progress(exerciseId: number, status: ProgressStatus, extra: Partial<Progress> = {}): Progress {
  return Object.assign(new Progress(), {
    studentId: 1, exerciseId, status, attempts: 1, successes: status === ProgressStatus.IN_PROGRESS ? 0 : 1, pointsEarned: 0,
    lastAttemptAt: now.getTime() - hour, firstSuccessAt: null, masteredAt: null, nextReviewAt: null, reviewIntervalDays: null, reviewState: null, ...extra,
  });
}

function work(curriculum: Exercise[], rows: Progress[], others: Exercise[] = []): StudentWork {
  return { curriculum, progress: rows, exercises: new Map([...curriculum, ...others].map((e) => [e.id, e])) };
}

describe('rankRecommendations', () => {
  const M = Subject.MATHEMATIQUES, F = Subject.FRANCAIS, S = Subject.SCIENCES;

  it('puts due reviews first (most overdue first), then retries, then new exercises', () => {
    const curriculum = [exercise(1, M), exercise(2, M), exercise(3, F), exercise(4, F), exercise(5, S)];
    const rows = [
      progress(1, ProgressStatus.COMPLETED, { nextReviewAt: now.getTime() - hour }),
      progress(2, ProgressStatus.MASTERED, { nextReviewAt: now.getTime() - 5 * hour }),
      progress(3, ProgressStatus.IN_PROGRESS),
      progress(4, ProgressStatus.COMPLETED, { nextReviewAt: now.getTime() + hour }),
    ];
    const ranked = rankRecommendations(work(curriculum, rows), now);
    expect(ranked).toEqual([
      { exerciseId: 2, reason: RecommendationReason.REVIEW_DUE },
      { exerciseId: 1, reason: RecommendationReason.REVIEW_DUE },
      { exerciseId: 3, reason: RecommendationReason.RETRY },
      { exerciseId: 5, reason: RecommendationReason.NEW },
    ]);
  });

  it('alternates subjects among new exercises in curriculum order, after the subject last worked on', () => {
    const curriculum = [exercise(1, M), exercise(2, M), exercise(3, M), exercise(4, F), exercise(5, F), exercise(6, S)];
    const fresh = rankRecommendations(work(curriculum, []), now).map((r) => r.exerciseId);
    expect(fresh).toEqual([1, 4, 6, 2, 5, 3]);
    const afterMaths = rankRecommendations(work([...curriculum, exercise(7, M)], [progress(7, ProgressStatus.COMPLETED, { nextReviewAt: now.getTime() + hour })]), now);
    expect(afterMaths.map((r) => r.exerciseId)).toEqual([4, 6, 1, 5, 2, 3]);
  });

  it('never recommends retired exercises and caps the ranking', () => {
    const curriculum = Array.from({ length: 40 }, (_, i) => exercise(i + 1, i % 2 ? M : F));
    const retired = exercise(99, M, { active: false });
    const ranked = rankRecommendations(work(curriculum, [progress(99, ProgressStatus.IN_PROGRESS)], [retired]), now);
    expect(ranked).toHaveLength(20);
    expect(ranked.some((r) => r.exerciseId === 99)).toBe(false);
  });
});

describe('rankRecommendations with assigned modules', () => {
  const M = Subject.MATHEMATIQUES, F = Subject.FRANCAIS;
  const due = (moduleId: number, dueAt: number | null, assignedAt = now.getTime() - 10 * hour) => ({ moduleId, dueAt, assignedAt });

  it('puts the exercises of assigned modules not yet completed first, earliest due first, then undated, before due reviews', () => {
    const curriculum = [
      exercise(1, M, { moduleId: 10 }), exercise(2, M, { moduleId: 10 }),
      exercise(3, F, { moduleId: 20 }), exercise(4, F, { moduleId: 20 }),
      exercise(5, F, { moduleId: 30 }), exercise(6, M, { moduleId: 40 }),
    ];
    const rows = [
      progress(3, ProgressStatus.COMPLETED, { nextReviewAt: now.getTime() + hour }), // module 20 half done
      progress(4, ProgressStatus.IN_PROGRESS),
      progress(5, ProgressStatus.COMPLETED, { nextReviewAt: now.getTime() + hour }), // module 30 completed
      progress(6, ProgressStatus.COMPLETED, { nextReviewAt: now.getTime() - hour }), // a review due
    ];
    const assigned = [due(10, null), due(30, now.getTime()), due(20, now.getTime() + 24 * hour), due(99, now.getTime())]; // 99: another level's
    expect(rankRecommendations(work(curriculum, rows), now, 20, assigned)).toEqual([
      { exerciseId: 4, reason: RecommendationReason.RETRY }, // module 20, due first of those left
      { exerciseId: 1, reason: RecommendationReason.NEW }, // module 10, undated
      { exerciseId: 2, reason: RecommendationReason.NEW },
      { exerciseId: 6, reason: RecommendationReason.REVIEW_DUE }, // then the ranking without assignments, without repeats
    ]);
  });

  it('ranks two undated modules by when they were assigned, and caps the whole ranking', () => {
    const curriculum = Array.from({ length: 30 }, (_, i) => exercise(i + 1, M, { moduleId: i < 15 ? 1 : 2 }));
    const ranked = rankRecommendations(work(curriculum, []), now, 20, [due(2, null, now.getTime() - hour), due(1, null, now.getTime() - 2 * hour)]);
    expect(ranked.map((r) => r.exerciseId)).toEqual([...Array.from({ length: 15 }, (_, i) => i + 1), 16, 17, 18, 19, 20]);
  });
});
