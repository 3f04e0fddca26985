import type { DatabaseHandle, QueryEvent } from '../db/client.js';

export interface SlowQuery {
  name: string;
  durationMs: number;
  at: Date;
  failed: boolean;
}

export interface DatabaseSnapshot {
  engine: 'postgres' | 'pglite';
  poolSize: number;
  poolMax: number;
  idle: number;
  waiting: number;
  queries: number;
  failedQueries: number;
  slowQueries: number;
  slowQueryThresholdMs: number;
  recentSlowQueries: SlowQuery[];
}

/** Kept for an admin to read: the most recent slow statements, newest first. */
export const RECENT_SLOW_QUERIES = 50;

/**
 * Statements sent since the process started, and the slow ones (over a configurable threshold)
 * with their query name (see db/named.ts), in a bounded list.
 */
export class DatabaseStats {
  private queries = 0;
  private failed = 0;
  private slow = 0;
  private readonly recent: SlowQuery[] = [];

  constructor(
    private readonly database: DatabaseHandle,
    private readonly slowThresholdMs: number,
  ) {
    database.onQuery((e) => this.record(e));
  }

  private record(e: QueryEvent): void {
    this.queries++;
    if (e.failed) this.failed++;
    if (e.durationMs < this.slowThresholdMs) return;
    this.slow++;
    this.recent.unshift({ name: e.name ?? e.sql.replace(/\s+/g, ' ').slice(0, 80), durationMs: e.durationMs, at: new Date(), failed: e.failed });
    if (this.recent.length > RECENT_SLOW_QUERIES) this.recent.pop();
  }

  snapshot(): DatabaseSnapshot {
    const pool = this.database.poolStats();
    return {
      engine: this.database.kind,
      poolSize: pool.size,
      poolMax: pool.max,
      idle: pool.idle,
      waiting: pool.waiting,
      queries: this.queries,
      failedQueries: this.failed,
      slowQueries: this.slow,
      slowQueryThresholdMs: this.slowThresholdMs,
      recentSlowQueries: [...this.recent],
    };
  }
}
