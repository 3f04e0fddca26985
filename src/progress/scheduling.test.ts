import { describe, expect, it } from 'vitest';
import { ProgressStatus } from '../common/enums.js';
import { DAY_MS } from '../common/time.js';
import { decideProgress, NOT_STARTED, type ProgressState } from './scheduling.js';

const start: ProgressState = NOT_STARTED;
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY_MS);

describe('decideProgress', () => {
  it('goes NOT_STARTED -> IN_PROGRESS -> COMPLETED, paying points once', () => {
    const wrong = decideProgress(start, { correct: false, hintsUsed: 0, at: t0, exercisePoints: 10 });
    expect(wrong.next.status).toBe(ProgressStatus.IN_PROGRESS);
    expect(wrong.pointsEarned).toBe(0);
    expect(wrong.next.nextReviewAt).toBeNull();

    const right = decideProgress(wrong.next, { correct: true, hintsUsed: 0, at: at(0.01), exercisePoints: 10 });
    expect(right.next.status).toBe(ProgressStatus.COMPLETED);
    expect(right.pointsEarned).toBe(10);
    expect(right.next.pointsEarned).toBe(10);
    expect(right.next.attempts).toBe(2);
    expect(right.next.successes).toBe(1);
    expect(right.next.nextReviewAt!).toBeGreaterThan(at(0.01).getTime());

    const again = decideProgress(right.next, { correct: true, hintsUsed: 0, at: at(0.02), exercisePoints: 10 });
    expect(again.pointsEarned).toBe(0);
    expect(again.next.pointsEarned).toBe(10);
  });

  it('masters on a right answer to a due review, and review intervals grow', () => {
    let s = decideProgress(start, { correct: true, hintsUsed: 0, at: t0, exercisePoints: 5 }).next;
    expect(s.status).toBe(ProgressStatus.COMPLETED);
    const intervals = [s.reviewIntervalDays!];
    let now = new Date(s.nextReviewAt!);
    s = decideProgress(s, { correct: true, hintsUsed: 0, at: now, exercisePoints: 5 }).next;
    expect(s.status).toBe(ProgressStatus.MASTERED);
    expect(s.masteredAt).toBe(now.getTime());
    intervals.push(s.reviewIntervalDays!);
    for (let i = 0; i < 2; i++) {
      now = new Date(s.nextReviewAt!);
      s = decideProgress(s, { correct: true, hintsUsed: 0, at: now, exercisePoints: 5 }).next;
      intervals.push(s.reviewIntervalDays!);
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
  });

  it('never takes a completed exercise back to IN_PROGRESS; a miss shortens the interval', () => {
    const done = decideProgress(start, { correct: true, hintsUsed: 0, at: t0, exercisePoints: 5 }).next;
    const reviewed = decideProgress(done, { correct: true, hintsUsed: 0, at: new Date(done.nextReviewAt!), exercisePoints: 5 }).next;
    const missed = decideProgress(reviewed, { correct: false, hintsUsed: 0, at: new Date(reviewed.nextReviewAt!), exercisePoints: 5 }).next;
    expect(missed.status).toBe(ProgressStatus.COMPLETED);
    expect(missed.reviewIntervalDays!).toBeLessThan(reviewed.reviewIntervalDays!);
    const early = decideProgress(done, { correct: false, hintsUsed: 0, at: at(0.1), exercisePoints: 5 }).next;
    expect(early.status).toBe(ProgressStatus.COMPLETED);
  });

  it('does not master on an early review', () => {
    const done = decideProgress(start, { correct: true, hintsUsed: 0, at: t0, exercisePoints: 5 }).next;
    const early = decideProgress(done, { correct: true, hintsUsed: 0, at: at(0.05), exercisePoints: 5 }).next;
    expect(early.status).toBe(ProgressStatus.COMPLETED);
  });
});
