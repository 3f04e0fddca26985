import { RateLimitedError } from '../errors.js';

export interface ViewerLimits {
  /** Requests one viewer may have in flight at once. */
  maxInflight: number;
  /** Of those, heavy ones (cost over OPERATION_LIMITS.heavyCost). */
  maxHeavyInflight: number;
}

const nothing = () => {};

/**
 * Bounds what one viewer has in flight on this instance (process scope), so that one token sending
 * as fast as it can holds at most a bounded share of the event loop and everyone else's requests
 * wait behind at most that share. A viewer is a signed-in account (however many tokens or
 * connections it uses), or for requests without a token, the client's address; requests without
 * a token are only bounded when heavy (a school's children sign in from one address at once).
 * Over the bound a request is refused at once with RATE_LIMITED: the app never needs more in
 * parallel, and a refusal costs less than a queue.
 */
export class ViewerGate {
  private readonly inflight = new Map<string, { all: number; heavy: number }>();

  constructor(private readonly limits: ViewerLimits) {}

  /** Admits a request of this viewer (or refuses it); call the function returned once it is answered. */
  enter(viewer: string, signedIn: boolean, heavy: boolean): () => void {
    if (!signedIn && !heavy) return nothing;
    let counts = this.inflight.get(viewer);
    if (!counts) this.inflight.set(viewer, (counts = { all: 0, heavy: 0 }));
    if (counts.all >= this.limits.maxInflight || (heavy && counts.heavy >= this.limits.maxHeavyInflight)) {
      if (counts.all === 0) this.inflight.delete(viewer);
      const what = heavy && counts.all < this.limits.maxInflight ? `${this.limits.maxHeavyInflight} large request(s)` : `${this.limits.maxInflight} requests`;
      throw new RateLimitedError(`Too many requests at once for this account: at most ${what} in flight. Wait for an answer before sending more.`, 1);
    }
    counts.all++;
    if (heavy) counts.heavy++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      counts.all--;
      if (heavy) counts.heavy--;
      if (counts.all === 0) this.inflight.delete(viewer);
    };
  }

  /** Viewers with something in flight now (bounded by the requests in flight). */
  get size(): number {
    return this.inflight.size;
  }
}
