import { isIPv6 } from 'node:net';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../common/time.js';

/**
 * What is counted: `limit` hits per subject (a username, a student id) in a fixed window that
 * starts at the subject's first hit. With `blockMs`, the hit that reaches the limit restarts the
 * clock: the subject is refused for `blockMs` from that hit, whatever was left of the window.
 */
export interface RateLimitRule {
  /** Part of every key: one counter per rule and subject. */
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  readonly blockMs?: number;
}

export interface RateLimitDecision {
  /** Whether this hit is within the limit (the hits counted so far, this one included, <= limit). */
  allowed: boolean;
  count: number;
  /** 0 when allowed; otherwise how long until the subject's counter goes (whole seconds, >= 1). */
  retryAfterSeconds: number;
}

/**
 * Counts hits per subject and says when a subject is over its limit. Implemented in memory (one
 * instance) and in Redis (shared by every instance); both pass rate-limiter.contract.test.ts.
 */
export interface RateLimiter {
  readonly backend: 'memory' | 'redis';
  /** Counts one hit of `subject` under `rule`. */
  hit(rule: RateLimitRule, subject: string): Promise<RateLimitDecision>;
  /**
   * The decision a hit of `subject` would get now, without counting one: to refuse early what
   * is counted only once it has turned out to count (a failed login, not a good one).
   */
  peek(rule: RateLimitRule, subject: string): Promise<RateLimitDecision>;
  /** Forgets the subject's hits (a good login clears the failures before it). */
  reset(rule: RateLimitRule, subject: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The subject a client address counts as in limits per address: an IPv4 address itself, an IPv6
 * address's /64 network (one client is commonly given a whole /64, so counting its 2^64 addresses
 * apart would be no bound). An IPv4 address written as IPv6 (::ffff:a.b.c.d) is the IPv4 address.
 */
export function addressSubject(address: string): string {
  const bare = address.replace(/%.*$/, '').toLowerCase(); // without an interface's zone (fe80::1%eth0)
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped) return mapped[1]!;
  if (!isIPv6(bare)) return bare;
  // Enough of the address to hold its first four groups: '::' stands for the groups it leaves out.
  const [head, tail] = bare.split('::') as [string, string | undefined];
  const groups = head === '' ? [] : head.split(':');
  if (tail !== undefined) {
    const after = tail === '' ? [] : tail.split(':');
    const written = groups.length + after.length + (after.at(-1)?.includes('.') ? 1 : 0); // a dotted IPv4 tail is two groups
    groups.push(...Array<string>(8 - written).fill('0'), ...after);
  }
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

export function decide(rule: RateLimitRule, count: number, remainingMs: number): RateLimitDecision {
  const allowed = count <= rule.limit;
  return { allowed, count, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(remainingMs / 1000)) };
}

/**
 * One process's counters, in a bounded LRU (a flood of subjects evicts the oldest counters rather
 * than growing the heap). Time comes from the injected clock, so tests can move it forward.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly backend = 'memory' as const;
  private readonly counters: LRUCache<string, { count: number; expiresAt: number }>;

  constructor(
    private readonly clock: Clock,
    maxSubjects = 100_000,
  ) {
    this.counters = new LRUCache({ max: maxSubjects });
  }

  async hit(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const key = `${rule.name}:${subject}`;
    const now = this.clock.now().getTime();
    let counter = this.counters.get(key);
    if (!counter || counter.expiresAt <= now) counter = { count: 0, expiresAt: now + rule.windowMs };
    counter.count++;
    if (counter.count === rule.limit && rule.blockMs) counter.expiresAt = now + rule.blockMs;
    this.counters.set(key, counter);
    return decide(rule, counter.count, counter.expiresAt - now);
  }

  async peek(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const now = this.clock.now().getTime();
    const counter = this.counters.peek(`${rule.name}:${subject}`);
    const live = counter && counter.expiresAt > now ? counter : { count: 0, expiresAt: now };
    return decide(rule, live.count + 1, live.expiresAt - now);
  }

  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    this.counters.delete(`${rule.name}:${subject}`);
  }

  async close(): Promise<void> {
    this.counters.clear();
  }
}

/** What the fallback needs to know of the link to Redis (src/redis/redis-link.ts). */
export interface LinkState {
  readonly away: boolean;
  failed(error: unknown): void;
}

/**
 * Redis first, this process's memory while Redis is away or did not answer in time: a limiter
 * outage never fails a request, it only makes the limits per instance until Redis is back. The
 * link decides when Redis is away, logs it once, and finds it again.
 */
export class FallbackRateLimiter implements RateLimiter {
  constructor(
    private readonly primary: RateLimiter,
    private readonly fallback: RateLimiter,
    private readonly link: LinkState,
  ) {}

  get backend(): 'memory' | 'redis' {
    return this.link.away ? this.fallback.backend : this.primary.backend;
  }

  hit(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    return this.run((limiter) => limiter.hit(rule, subject));
  }

  peek(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    return this.run((limiter) => limiter.peek(rule, subject));
  }

  reset(rule: RateLimitRule, subject: string): Promise<void> {
    return this.run((limiter) => limiter.reset(rule, subject));
  }

  async close(): Promise<void> {
    await Promise.all([this.primary.close(), this.fallback.close()]);
  }

  private async run<T>(op: (limiter: RateLimiter) => Promise<T>): Promise<T> {
    if (!this.link.away) {
      try {
        return await op(this.primary);
      } catch (error) {
        this.link.failed(error);
      }
    }
    return op(this.fallback);
  }
}
