import type { Recorder } from '../measure/recorder.js';
import type { GqlOutcome, GraphQLHttp } from './graphql-http.js';
import { operations, type Operation } from './operations.js';
import type { Sleeper } from './sleeper.js';

/**
 * One child using the app: signs in (unless it was handed a token), then loops over the
 * dashboard, one exercise, an answer (right or wrong on purpose, so grading is checked too) and
 * the recommendations, thinking between actions. Answers are sent as a real client does: once,
 * sometimes twice at once (a double tap), and again with the same idempotency key when the first
 * try failed in a way that leaves its fate unknown.
 */
export interface StudentAccount {
  id: number;
  username: string;
  password: string;
  token: string | null;
}

/** The expected answer of an exercise and a plausible mistake (from the admin's answer key). */
export interface ExerciseAnswers {
  id: string;
  level: string;
  right: unknown;
  wrong: unknown;
}

/** One answer sent, and what the server said about it (acknowledged: at least one response). */
export interface Submission {
  key: string;
  studentId: number;
  exerciseId: number;
  expectedCorrect: boolean;
  acknowledged: boolean;
  correct: boolean | null;
  pointsEarned: number | null;
  /** When the first response came (wall clock). */
  ackAt?: number;
}

export interface Behaviour {
  runId: string;
  thinkMs: [number, number];
  correctRate: number;
  duplicateRate: number;
}

/** What every student shares: the HTTP pool, the recorder, the clock and the answer key. */
export interface StudentWorld {
  http: GraphQLHttp;
  recorder: Recorder;
  sleeper: Sleeper;
  behaviour: Behaviour;
  answers: Map<string, ExerciseAnswers>;
  answersByLevel: Map<string, ExerciseAnswers[]>;
  submissions: Submission[];
  /** A server answer that contradicts the answer key or an earlier answer to the same key. */
  note(kind: 'grading' | 'replay', example: string): void;
  /** Told of each answer acknowledged (wall-clock times), when teachers watch for it. */
  answered?(studentId: number, sentAt: number, ackAt: number): void;
}

const SUBMIT = 'SubmitAttempt';
const DOUBLE_TAP = 'SubmitAttempt (double tap)';

function pick<T>(items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}

export class VirtualStudent {
  private token: string | null;
  private level: string | undefined;
  private sent = 0;

  constructor(
    private readonly index: number,
    private readonly account: StudentAccount,
    private readonly world: StudentWorld,
  ) {
    this.token = account.token;
  }

  async live(startDelayMs: number): Promise<void> {
    const { sleeper } = this.world;
    if (!(await sleeper.sleep(startDelayMs))) return;
    if (!this.token && !(await this.login())) return;
    while (!sleeper.stopped) {
      const exerciseId = await this.dashboard();
      if (!(await this.think())) return;
      await this.act(operations.exercise, { id: exerciseId });
      if (!(await this.think())) return;
      await this.submit(exerciseId);
      if (!(await this.think())) return;
      await this.act(operations.recommendations, { limit: 5 });
      if (!(await this.think())) return;
    }
  }

  private think(): Promise<boolean> {
    const [min, max] = this.world.behaviour.thinkMs;
    return this.world.sleeper.sleep(min + Math.random() * (max - min));
  }

  private async act<R, V>(operation: Operation<R, V>, variables: V, name = operation.name): Promise<GqlOutcome<R>> {
    const outcome = await this.world.http.send(operation, variables, this.token ?? undefined);
    if (outcome.ok) this.world.recorder.ok(name, outcome.ms, outcome.at);
    else this.world.recorder.error(name, outcome.kind, outcome.at);
    return outcome;
  }

  /** A login storm meets rate limits and slow hashing: retry as the app would, a few times. */
  private async login(): Promise<boolean> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const r = await this.act(operations.login, { username: this.account.username, password: this.account.password });
      if (r.ok) {
        this.token = r.data.login.token;
        return true;
      }
      if (!r.retryable || !(await this.world.sleeper.sleep((r.retryAfterSeconds ?? attempt) * 1000))) return false;
    }
    return false;
  }

  /** Opens the dashboard and picks one of its recommendations (any exercise of the level if none). */
  private async dashboard(): Promise<string> {
    const r = await this.act(operations.dashboard, { limit: 5, first: 20 });
    if (r.ok && r.data.me) {
      this.level = r.data.me.level;
      const recommended = pick(r.data.me.recommendations);
      if (recommended) return recommended.exercise.id;
    }
    const pool = (this.level && this.world.answersByLevel.get(this.level)) || [...this.world.answers.values()];
    return pick(pool)!.id;
  }

  private async submit(exerciseId: string): Promise<void> {
    const { behaviour, answers, submissions } = this.world;
    const key = answers.get(exerciseId);
    if (!key) {
      this.world.recorder.error(SUBMIT, 'no answer key for the exercise');
      return;
    }
    const right = Math.random() < behaviour.correctRate;
    const input = {
      exerciseId,
      answer: right ? key.right : key.wrong,
      durationSeconds: 5 + Math.floor(Math.random() * 115),
      hintsUsed: 0,
      idempotencyKey: `lt-${behaviour.runId}-${this.index}-${++this.sent}`,
    };
    const submission: Submission = { key: input.idempotencyKey, studentId: this.account.id, exerciseId: Number(exerciseId), expectedCorrect: right, acknowledged: false, correct: null, pointsEarned: null };
    submissions.push(submission);
    const sentAt = Date.now();
    const doubleTap = Math.random() < behaviour.duplicateRate;
    await Promise.all([this.send(input, submission, SUBMIT), ...(doubleTap ? [this.send(input, submission, DOUBLE_TAP)] : [])]);
    if (submission.acknowledged) this.world.answered?.(this.account.id, sentAt, submission.ackAt!);
  }

  private async send(input: { exerciseId: string; answer: unknown; durationSeconds: number; hintsUsed: number; idempotencyKey: string }, submission: Submission, name: string): Promise<void> {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const r = await this.act(operations.submitAttempt, { input }, name);
      if (r.ok) {
        this.acknowledge(submission, r.data.submitAttempt);
        return;
      }
      // Its fate unknown (timeout, reset, 5xx), the answer is sent again under the same key.
      if (!r.retryable || attempt === 2 || !(await this.world.sleeper.sleep((r.retryAfterSeconds ?? 1) * 1000))) return;
    }
  }

  private acknowledge(s: Submission, result: { correct: boolean; pointsEarned: number }): void {
    if (!s.acknowledged) {
      s.acknowledged = true;
      s.ackAt = Date.now();
      s.correct = result.correct;
      s.pointsEarned = result.pointsEarned;
      if (result.correct !== s.expectedCorrect) {
        this.world.note('grading', `${s.key}: exercise ${s.exerciseId} was sent a ${s.expectedCorrect ? 'right' : 'wrong'} answer and graded ${result.correct ? 'right' : 'wrong'}`);
      }
    } else if (result.correct !== s.correct || result.pointsEarned !== s.pointsEarned) {
      this.world.note('replay', `${s.key}: answered ${String(s.correct)}/${String(s.pointsEarned)} points, then ${String(result.correct)}/${String(result.pointsEarned)}`);
    }
  }
}
