import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import { ProgressStatus } from '../common/enums.js';
import { DAY_MS, type EpochMs } from '../common/time.js';

/**
 * The rules a child's progress on one exercise follows, as one pure function of the state before
 * an attempt and the attempt. The repository applies the result inside the attempt's transaction,
 * with the progress row locked, so two concurrent attempts can never both see "not yet right".
 *
 *   NOT_STARTED -> IN_PROGRESS  tried, not yet right
 *               -> COMPLETED    right once: the exercise pays its points (once, ever) and is
 *                               scheduled for review by FSRS (the scheduler Anki uses)
 *   COMPLETED   -> MASTERED     right again on a review that was due
 *   MASTERED    -> COMPLETED    wrong on a review: mastery must be shown again (never lower)
 *
 * A later wrong answer never takes a right-once exercise back to IN_PROGRESS; it shortens the
 * review interval instead (FSRS "Again"). Right with hints rates "Hard", right without "Good".
 */
export interface ProgressState {
  status: ProgressStatus;
  attempts: number;
  successes: number;
  pointsEarned: number;
  firstSuccessAt: EpochMs | null;
  masteredAt: EpochMs | null;
  nextReviewAt: EpochMs | null;
  reviewIntervalDays: number | null;
  reviewState: unknown;
}

/** A student's progress on an exercise before its first attempt (the progress table's defaults). */
export const NOT_STARTED: Readonly<ProgressState> = Object.freeze({
  status: ProgressStatus.NOT_STARTED,
  attempts: 0,
  successes: 0,
  pointsEarned: 0,
  firstSuccessAt: null,
  masteredAt: null,
  nextReviewAt: null,
  reviewIntervalDays: null,
  reviewState: null,
});

export interface AttemptFacts {
  correct: boolean;
  hintsUsed: number;
  at: Date;
  exercisePoints: number;
}

export interface ProgressDecision {
  next: ProgressState & { lastAttemptAt: EpochMs };
  /** Points this attempt earns: the exercise's points on the first right answer, else 0. */
  pointsEarned: number;
}

const scheduler = fsrs({ enable_short_term: false, maximum_interval: 180, request_retention: 0.9, enable_fuzz: false });

export function decideProgress(before: ProgressState, attempt: AttemptFacts): ProgressDecision {
  const { correct, at } = attempt;
  const atMs = at.getTime();
  const firstSuccess = correct && before.firstSuccessAt === null;
  const pointsEarned = firstSuccess ? attempt.exercisePoints : 0;
  const base = {
    attempts: before.attempts + 1,
    successes: before.successes + (correct ? 1 : 0),
    pointsEarned: before.pointsEarned + pointsEarned,
    lastAttemptAt: atMs,
    firstSuccessAt: firstSuccess ? atMs : before.firstSuccessAt,
  };

  // Not yet right once: no review schedule, the exercise comes back as a RETRY.
  if (before.firstSuccessAt === null && !correct) {
    return { pointsEarned, next: { ...before, ...base, status: ProgressStatus.IN_PROGRESS } };
  }

  const card = firstSuccess ? createEmptyCard(at) : reviveCard(before.reviewState, at);
  const grade: Grade = !correct ? Rating.Again : attempt.hintsUsed > 0 || (firstSuccess && before.attempts > 0) ? Rating.Hard : Rating.Good;
  const reviewed = scheduler.next(card, at, grade).card;
  const wasDue = before.nextReviewAt !== null && before.nextReviewAt <= atMs;

  let status: ProgressStatus;
  let masteredAt = before.masteredAt;
  if (firstSuccess) {
    status = ProgressStatus.COMPLETED;
  } else if (correct && wasDue && before.status === ProgressStatus.COMPLETED) {
    status = ProgressStatus.MASTERED;
    masteredAt = atMs;
  } else if (!correct && wasDue && before.status === ProgressStatus.MASTERED) {
    status = ProgressStatus.COMPLETED;
    masteredAt = null;
  } else {
    status = before.status === ProgressStatus.MASTERED ? ProgressStatus.MASTERED : ProgressStatus.COMPLETED;
  }

  return {
    pointsEarned,
    next: {
      ...base,
      status,
      masteredAt,
      nextReviewAt: reviewed.due.getTime(),
      reviewIntervalDays: Math.max(1, Math.round((reviewed.due.getTime() - atMs) / DAY_MS)),
      reviewState: serializeCard(reviewed),
    },
  };
}

interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: string | null;
}

function serializeCard(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

/** The stored memory state; a missing or unreadable one restarts the card (no crash on old rows). */
function reviveCard(stored: unknown, at: Date): Card {
  const s = stored as Partial<StoredCard> | null;
  if (!s || typeof s.stability !== 'number' || typeof s.difficulty !== 'number' || typeof s.due !== 'string') {
    return createEmptyCard(at);
  }
  return {
    ...createEmptyCard(at),
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    scheduled_days: s.scheduledDays ?? 0,
    reps: s.reps ?? 0,
    lapses: s.lapses ?? 0,
    state: s.state ?? 2,
    last_review: s.lastReview ? new Date(s.lastReview) : undefined,
  } as Card;
}

/**
 * The predicted recall (0 to 1) at `at` of an exercise with this memory state, from FSRS's
 * forgetting curve; null without a memory state (never right yet). What ts-fsrs's
 * get_retrievability(card, at) computes (whole days since the last review, stability to 8
 * places), without building the card it takes: an overview asks it for every exercise of every
 * child (scheduling.test.ts pins the two together).
 */
export function recallAt(reviewState: unknown, at: Date): number | null {
  const s = reviewState as Partial<StoredCard> | null;
  if (!s || typeof s.stability !== 'number' || typeof s.lastReview !== 'string') return null;
  if ((s.state ?? State.Review) === State.New) return 0;
  const days = Math.max(Math.floor((at.getTime() - Date.parse(s.lastReview)) / DAY_MS), 0);
  return scheduler.forgetting_curve(days, +s.stability.toFixed(8));
}
