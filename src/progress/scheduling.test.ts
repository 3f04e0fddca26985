import { describe, expect, it } from 'vitest';
import { ProgressStatus } from '../common/enums.js';
import { DAY_MS } from '../common/time.js';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { decideProgress, NOT_STARTED, recallAt, type ProgressState } from './scheduling.js';

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

describe('recallAt', () => {
  it("is ts-fsrs's get_retrievability for the card the scheduler stored, at any time after", () => {
    const scheduler = fsrs({ enable_short_term: false, maximum_interval: 180, request_retention: 0.9, enable_fuzz: false });
    const start = new Date('2026-09-03T08:30:00Z');
    let state: ProgressState = NOT_STARTED;
    let card = createEmptyCard(start);
    let checked = 0;
    // A child's answers over a term (right, right, wrong, right with a hint...), each checked at several later times.
    for (const [i, answer] of [{ correct: true, hintsUsed: 0 }, { correct: true, hintsUsed: 0 }, { correct: false, hintsUsed: 0 }, { correct: true, hintsUsed: 1 }, { correct: true, hintsUsed: 0 }].entries()) {
      const at = new Date(start.getTime() + i * 9.7 * DAY_MS);
      state = decideProgress(state, { ...answer, at, exercisePoints: 10 }).next;
      if (state.reviewState === null) continue;
      card = scheduler.next(card, at, answer.correct ? (answer.hintsUsed ? Rating.Hard : Rating.Good) : Rating.Again).card;
      for (const later of [0, 0.4, 1, 3.5, 30, 200]) {
        const when = new Date(at.getTime() + later * DAY_MS);
        expect(recallAt(state.reviewState, when)).toBe(scheduler.get_retrievability(card, when, false));
        checked++;
      }
    }
    expect(checked).toBe(30);
    expect(recallAt(null, start)).toBeNull();
  });
});
