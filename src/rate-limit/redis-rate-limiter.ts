import type { RedisLink } from '../redis/redis-link.js';
import type { Clock } from '../common/time.js';
import { decide, FallbackRateLimiter, MemoryRateLimiter, type RateLimitDecision, type RateLimiter, type RateLimitRule } from './rate-limiter.js';

// One round trip, atomic: count the hit, start the window on the first one, restart it for
// `blockMs` on the hit that reaches the limit, and never leave a counter without an expiry.
// KEYS[1] counter; ARGV window ms, limit, block ms (0: none). Returns { count, ms left }.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if n == tonumber(ARGV[2]) and tonumber(ARGV[3]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { n, ttl }`;

// KEYS[1] counter. Returns { count so far, ms left } (a missing counter: 0 and a negative time).
const PEEK = `
return { tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]) }`;

/** Counters shared by every instance: one Redis key per rule and subject, expiring with its window. */
export class RedisRateLimiter implements RateLimiter {
  readonly backend = 'redis' as const;

  constructor(private readonly link: RedisLink) {}

  async hit(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const args = [String(rule.windowMs), String(rule.limit), String(rule.blockMs ?? 0)];
    const [count, remainingMs] = (await this.link.run(this.link.client.eval(HIT, { keys: [this.key(rule, subject)], arguments: args }))) as [number, number];
    return decide(rule, count, remainingMs);
  }

  async peek(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const [count, remainingMs] = (await this.link.run(this.link.client.eval(PEEK, { keys: [this.key(rule, subject)] }))) as [number, number];
    return decide(rule, count + 1, remainingMs);
  }

  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    await this.link.run(this.link.client.unlink(this.key(rule, subject)));
  }

  /** The link is closed by its owner (it is shared). */
  async close(): Promise<void> {}

  private key(rule: RateLimitRule, subject: string): string {
    return `${this.link.options.prefix}:rl:${rule.name}:${subject}`;
  }
}

/** Redis (with this process's memory while it is away) when there is a Redis link; memory alone otherwise. */
export function createRateLimiter(link: RedisLink | undefined, clock: Clock): RateLimiter {
  const memory = new MemoryRateLimiter(clock);
  return link ? new FallbackRateLimiter(new RedisRateLimiter(link), memory, link) : memory;
}
