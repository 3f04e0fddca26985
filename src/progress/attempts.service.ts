import { isDeepStrictEqual } from 'node:util';
import { requireStudent } from '../viewer.js';
import { parseId } from '../common/pagination.js';
import type { RateLimiter, RateLimitRule } from '../rate-limit/rate-limiter.js';
import { parisDay, previousDay, type Clock } from '../common/time.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { BadUserInputError, NotFoundError, RateLimitedError, ServiceUnavailableError } from '../errors.js';
import { AnswerShapeError, grade } from '../exercises/grading.js';
import { SESSION_IDLE_MS } from '../sessions/sessions.service.js';
import { storedForm, type AttemptInput } from './attempt.input.js';
import type { RecordOutcome, StoredAttempt } from './attempts.repository.js';
import type { AttemptResult } from './progress.type.js';
import { decideProgress, type ProgressState } from './scheduling.js';

type Standing = Extract<RecordOutcome, { kind: 'replayed' }>['standing'];

export class AttemptsService {
  private readonly rate: RateLimitRule;
  /**
   * Answers to one exercise by one student, recorded one after another in this process (for the
   * process's life; a pair's entry lives while it has answers in flight). Concurrent answers to
   * the same progress row would otherwise refuse each other's decisions until one gives up.
   */
  private readonly recording = new KeyedQueue();

  constructor(
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    limits: Config['rateLimits'],
  ) {
    this.rate = { name: 'attempts', limit: limits.attemptsPerMinute, windowMs: 60_000 };
  }

  /**
   * Grades an answer on the server and records it with everything it changes, in one transaction.
   * A retry with the same idempotencyKey returns the first result and changes nothing; the same
   * key sent with a different exercise or answer is refused, since it cannot be the same attempt.
   */
  async submit(ctx: Context, input: AttemptInput): Promise<AttemptResult> {
    const viewer = requireStudent(ctx.viewer);
    const exerciseId = parseId(input.exerciseId, 'exerciseId');
    // Graded, stored and compared with a retry's as the database holds it.
    const answer = storedForm(input.answer);
    const rate = await this.limiter.hit(this.rate, String(viewer.studentId));
    if (!rate.allowed) {
      // A retry of an attempt already recorded changes nothing, so it gets its answer even past the
      // limit (a child on a bad connection is not punished for the app's retries). Only refused
      // calls pay for this lookup.
      const first = await ctx.repositories.attempts.byKey(viewer.studentId, input.idempotencyKey);
      if (!first) throw new RateLimitedError(`Too many answers: at most ${this.rate.limit} a minute. Try again in ${rate.retryAfterSeconds} s.`, rate.retryAfterSeconds);
      return this.replay(ctx, viewer.studentId, exerciseId, answer, first);
    }
    // From the curriculum's loader: a missing exercise is a NotFoundError, as is a retired one.
    const exercise = await ctx.loaders.exercise.load(exerciseId);
    if (!exercise.active) throw new NotFoundError(`Exercise ${exerciseId}`);

    let correct: boolean;
    try {
      correct = grade(exercise.type, exercise.solution, answer);
    } catch (error) {
      if (error instanceof AnswerShapeError) throw new BadUserInputError(error.message, 'answer');
      throw error;
    }

    // What the write starts from: the student's rows as of the version this request read.
    const before = await ctx.studentModel.beforeWrite(viewer.studentId, true);
    const at = this.clock.now();
    // The row the decision starts from without asking the database (null: none yet). The database
    // refuses a decision made on a row that has changed since, and it is made again.
    const known = before?.rows ? (before.rows.find((r) => r.exerciseId === exerciseId) ?? null) : undefined;
    const day = parisDay(at);
    const attempt = {
      studentId: viewer.studentId,
      exerciseId,
      idempotencyKey: input.idempotencyKey,
      answer,
      correct,
      durationSeconds: input.durationSeconds,
      hintsUsed: input.hintsUsed ?? 0,
      at,
      day,
      previousDay: previousDay(day),
      sessionActiveSince: new Date(at.getTime() - SESSION_IDLE_MS),
    };
    const decide = (before: ProgressState) => decideProgress(before, { correct, hintsUsed: attempt.hintsUsed, at, exercisePoints: exercise.points });
    const outcome = await this.recording.run(`${viewer.studentId}:${exerciseId}`, () => ctx.repositories.attempts.record(attempt, decide, known));

    if (outcome.kind === 'replayed') return this.replay(ctx, viewer.studentId, exerciseId, answer, outcome.attempt, outcome.standing);
    if (outcome.kind === 'contended') {
      // Other instances recorded answers to this exercise under every decision made here. Nothing
      // was kept: the same request again is safe, and recorded once whatever happened to this one.
      throw new ServiceUnavailableError('Other answers to this exercise were being recorded at the same moment: send the same answer again, with the same idempotencyKey.');
    }

    // Every instance: what is cached about the student is stale; its profile and rows as they now
    // stand are written through, so its next dashboard is served from the cache.
    await ctx.studentModel.written(viewer.studentId, { base: before, profile: outcome.student, row: outcome.progress });
    return { correct, pointsEarned: outcome.attempt.pointsEarned, progress: outcome.progress, student: outcome.student, replayed: false };
  }

  /** The first result recorded under this idempotencyKey, as it stands now; changes nothing. */
  private async replay(ctx: Context, studentId: number, exerciseId: number, answer: unknown, first: StoredAttempt, standing?: Standing): Promise<AttemptResult> {
    if (first.exerciseId !== exerciseId || !isDeepStrictEqual(first.answer, answer)) {
      throw new BadUserInputError('idempotencyKey was already used for a different attempt: use a new key for a new answer.', 'idempotencyKey');
    }
    // From the primary, not the cache: the first request may have committed a moment ago, after
    // this request read its version tokens (a double tap), or a replica may not have it yet.
    const { student, progress } = standing ?? (await ctx.repositories.attempts.standing(studentId, exerciseId));
    if (!progress) throw new Error(`progress missing for a recorded attempt ${first.id}`);
    return { correct: first.correct, pointsEarned: first.pointsEarned, progress, student, replayed: true };
  }

  /** How many (student, exercise) pairs have answers being recorded in this process now. */
  get recordingNow(): number {
    return this.recording.size;
  }
}

/**
 * Runs the tasks given under one key one after another, in the order given; tasks under other keys
 * are not held. A key is forgotten when its last task settles, so the map holds only keys with work
 * in flight. A failed task does not stop the ones queued after it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => {},
      () => {},
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}

declare module '../context.js' {
  interface Services {
    attempts: AttemptsService;
  }
}
