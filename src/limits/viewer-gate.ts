import { LRUCache } from 'lru-cache';
import { RateLimitedError } from '../errors.js';

export interface ViewerLimits {
  /** Requests one viewer may have in flight at once. */
  maxInflight: number;
  /** Of those, heavy ones (cost over OPERATION_LIMITS.heavyCost). */
  maxHeavyInflight: number;
  /** Cost a viewer's budget regains per second, and holds at most. */
  costPerSecond: number;
  costBurst: number;
}

const nothing = () => {};

interface Budget {
  /** Cost that can be spent now, as of `at`. */
  left: number;
  at: number;
}

/**
 * Bounds what one viewer takes of this instance (process scope), so that one token sending as fast
 * as it can holds a small, bounded share of the event loop, and everyone else's requests wait behind
 * little of it. Two bounds, both answered with RATE_LIMITED at once (the app never comes near them,
 * and a refusal costs less than a queue):
 * - in flight: at most `maxInflight` requests, `maxHeavyInflight` of them heavy, from when the
 *   operation is known until its response is written (serializing and writing a large answer is
 *   a good part of its cost);
 * - cost per second: a budget of `costBurst` that regains `costPerSecond` (a token bucket), spent
 *   by each operation's cost. A child's dashboard costs ~300: thousands a minute; the costliest
 *   operation allowed (36,000 cost, ~0.6 MB) at most every 1.8 s, a few % of one core.
 * A viewer is a signed-in account, however many tokens and connections it uses; requests without a
 * token count per client address, and only when heavy (a school's children sign in from one address
 * at once; signing in has limits of its own).
 */
export class ViewerGate {
  private readonly inflight = new Map<string, { all: number; heavy: number }>();
  // A budget idle long enough is full again: forgetting it (LRU) changes nothing.
  private readonly budgets = new LRUCache<string, Budget>({ max: 200_000 });

  constructor(
    private readonly limits: ViewerLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Admits a request of this viewer (or refuses it); call the function returned once its response is written. */
  enter(viewer: string, signedIn: boolean, cost: number, heavy: boolean): () => void {
    // Without a token only heavy requests count (per address): a classroom's sign-ins arrive from
    // one address at once, and what else a request without a token can ask for is cheap.
    if (!signedIn && !heavy) return nothing;
    let counts = this.inflight.get(viewer);
    if (counts && (counts.all >= this.limits.maxInflight || (heavy && counts.heavy >= this.limits.maxHeavyInflight))) {
      const what = heavy && counts.all < this.limits.maxInflight ? `${this.limits.maxHeavyInflight} large request(s)` : `${this.limits.maxInflight} requests`;
      throw new RateLimitedError(`Too many requests at once for this account: at most ${what} in flight. Wait for an answer before sending more.`, 1);
    }
    this.spend(viewer, cost);
    if (!counts) this.inflight.set(viewer, (counts = { all: 0, heavy: 0 }));
    counts.all++;
    if (heavy) counts.heavy++;
    const held = counts;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held.all--;
      if (heavy) held.heavy--;
      if (held.all === 0 && this.inflight.get(viewer) === held) this.inflight.delete(viewer);
    };
  }

  private spend(viewer: string, cost: number): void {
    const now = this.now();
    const { costPerSecond: rate, costBurst: burst } = this.limits;
    const budget = this.budgets.get(viewer) ?? { left: burst, at: now };
    const left = Math.min(burst, budget.left + ((now - budget.at) / 1000) * rate);
    if (left < cost) {
      budget.left = left;
      budget.at = now;
      this.budgets.set(viewer, budget);
      const seconds = Math.max(1, Math.ceil((cost - left) / rate));
      throw new RateLimitedError(`This account asked for too much in a short time (each request costs what it returns). Try again in ${seconds} s.`, seconds);
    }
    budget.left = left - cost;
    budget.at = now;
    this.budgets.set(viewer, budget);
  }

  /** Viewers with something in flight now (bounded by the requests in flight). */
  get size(): number {
    return this.inflight.size;
  }
}
