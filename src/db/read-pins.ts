import { LRUCache } from 'lru-cache';
import type { RedisLink } from '../redis/redis-link.js';

/**
 * Read-after-write with a read replica: a student who just wrote reads from the primary for
 * `ms` (READ_AFTER_WRITE_MS), on every instance, so a replica's lag never shows it its own past.
 * The pin is kept in this process and, when REDIS_URL is set, in Redis for the other instances;
 * when Redis cannot say, the student reads from the primary (unsure means pinned).
 */
export class ReadPins {
  private readonly local = new LRUCache<number, true>({ max: 100_000 });

  constructor(
    private readonly ms: number,
    /** Where the other instances see the pins (none: this process only). */
    private readonly link: RedisLink | undefined,
  ) {}

  /** These students have just written. */
  async pin(students: readonly number[]): Promise<void> {
    if (this.ms <= 0 || students.length === 0) return;
    for (const id of students) this.local.set(id, true, { ttl: this.ms });
    if (!this.link || this.link.away) return;
    try {
      await this.link.run(Promise.all(students.map((id) => this.link!.client.set(this.key(id), '1', { PX: this.ms }))));
    } catch (error) {
      // Other instances may read the replica for this student a moment: its next write pins it again.
      this.link.failed(error);
    }
  }

  /** Whether the student's reads must go to the primary now (unsure means pinned). */
  async isPinned(student: number): Promise<boolean> {
    if (this.ms <= 0) return false;
    if (this.local.get(student)) return true;
    if (!this.link) return false;
    if (this.link.away) return true;
    try {
      return (await this.link.run(this.link.client.exists(this.key(student)))) > 0;
    } catch (error) {
      this.link.failed(error);
      return true;
    }
  }

  private key(student: number): string {
    return `${this.link!.options.prefix}:pin:{s${student}}`;
  }
}
