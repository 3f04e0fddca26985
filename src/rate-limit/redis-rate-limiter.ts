import { closeRedisClient, connectRedis, createRedisClient, ReplyClock, withTimeout, type RedisClient, type RedisNodes } from '../redis/redis-client.js';
import type { Logger } from '../logger.js';
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

export interface RedisRateLimiterOptions {
  redis: RedisNodes;
  /** Counters live under `<prefix>:rl:` (other data may share the Redis). */
  prefix: string;
  commandTimeoutMs: number;
}

/** Counters shared by every instance: one Redis key per rule and subject, expiring with its window. */
export class RedisRateLimiter implements RateLimiter {
  readonly backend = 'redis' as const;
  private readonly client: RedisClient;
  private readonly replies = new ReplyClock();

  constructor(private readonly options: RedisRateLimiterOptions) {
    this.client = createRedisClient(options.redis, options.commandTimeoutMs, 'reved-ratelimit');
    this.client.on('error', () => {}); // failures reach callers through the commands
  }

  /** Starts connecting; resolves once connected or after `waitMs` (the service starts without it). */
  connect(waitMs: number): Promise<boolean> {
    return connectRedis(this.client, this.options.redis, waitMs);
  }

  async hit(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const reply = await withTimeout(
      this.client.eval(HIT, { keys: [this.key(rule, subject)], arguments: [String(rule.windowMs), String(rule.limit), String(rule.blockMs ?? 0)] }),
      this.options.commandTimeoutMs,
      this.replies,
    );
    const [count, remainingMs] = reply as [number, number];
    return decide(rule, count, remainingMs);
  }

  async peek(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const reply = await withTimeout(this.client.eval(PEEK, { keys: [this.key(rule, subject)] }), this.options.commandTimeoutMs, this.replies);
    const [count, remainingMs] = reply as [number, number];
    return decide(rule, count + 1, remainingMs);
  }

  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    await withTimeout(this.client.unlink(this.key(rule, subject)), this.options.commandTimeoutMs, this.replies);
  }

  async close(): Promise<void> {
    await closeRedisClient(this.client, this.options.commandTimeoutMs);
  }

  private key(rule: RateLimitRule, subject: string): string {
    return `${this.options.prefix}:rl:${rule.name}:${subject}`;
  }
}

/** Redis (with this process's memory while it is away) when REDIS_URL is set; memory alone otherwise. */
export async function createRateLimiter(
  options: { redis: RedisNodes; keyPrefix: string; commandTimeoutMs: number },
  clock: Clock,
  logger: Logger,
): Promise<RateLimiter> {
  const memory = new MemoryRateLimiter(clock);
  if (options.redis.urls.length === 0) return memory;
  const redis = new RedisRateLimiter({ redis: options.redis, prefix: options.keyPrefix, commandTimeoutMs: options.commandTimeoutMs });
  await redis.connect(1_000);
  return new FallbackRateLimiter(redis, memory, logger);
}
