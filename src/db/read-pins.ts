import { LRUCache } from 'lru-cache';
import { closeRedisClient, connectRedis, createRedisClient, withTimeout, type RedisClient, type RedisNodes } from '../redis/redis-client.js';

/**
 * Read-after-write with a read replica: a student who just wrote reads from the primary for
 * `ms` (READ_AFTER_WRITE_MS), on every instance, so a replica's lag never shows it its own past.
 * The pin is kept in this process and, when REDIS_URL is set, in Redis for the other instances;
 * when Redis cannot say, the student reads from the primary (unsure means pinned).
 */
export class ReadPins {
  private readonly local = new LRUCache<number, true>({ max: 100_000 });
  private readonly client: RedisClient | undefined;

  constructor(
    private readonly ms: number,
    private readonly redis: { nodes: RedisNodes; prefix: string; commandTimeoutMs: number },
  ) {
    if (ms <= 0 || redis.nodes.urls.length === 0) return;
    this.client = createRedisClient(redis.nodes, redis.commandTimeoutMs, 'reved-read-pins');
    this.client.on('error', () => {}); // a failed command means "pinned"
  }

  async start(): Promise<void> {
    if (this.client) await connectRedis(this.client, this.redis.nodes, 1_000);
  }

  /** These students have just written. */
  async pin(students: readonly number[]): Promise<void> {
    if (this.ms <= 0 || students.length === 0) return;
    for (const id of students) this.local.set(id, true, { ttl: this.ms });
    if (!this.client) return;
    try {
      await withTimeout(Promise.all(students.map((id) => this.client!.set(this.key(id), '1', { PX: this.ms }))), this.redis.commandTimeoutMs);
    } catch {
      // Other instances may read the replica for this student a moment: its next write pins it again.
    }
  }

  /** Whether the student's reads must go to the primary now. */
  async isPinned(student: number): Promise<boolean> {
    if (this.ms <= 0) return false;
    if (this.local.get(student)) return true;
    if (!this.client) return false;
    try {
      return (await withTimeout(this.client.exists(this.key(student)), this.redis.commandTimeoutMs)) > 0;
    } catch {
      return true;
    }
  }

  async close(): Promise<void> {
    if (this.client) await closeRedisClient(this.client, this.redis.commandTimeoutMs);
  }

  private key(student: number): string {
    return `${this.redis.prefix}:pin:{s${student}}`;
  }
}
