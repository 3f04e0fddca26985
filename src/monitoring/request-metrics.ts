import * as hdr from 'hdr-histogram-js';
import type { Clock } from '../common/time.js';
import { groupBy } from '../common/group-by.js';

/**
 * Request figures in sliding windows: 10 s buckets kept for 15 minutes, each holding, per
 * operation, counts and an HDR histogram of durations (microseconds, 2 significant digits, packed
 * so a sparse histogram costs little). A window query merges the buckets it covers, so
 * percentiles are real percentiles, not averages of averages. Memory is bounded whatever the
 * traffic: at most MAX_OPERATIONS names per bucket, OTHER_OPERATION included (it counts the rest).
 */
export const BUCKET_MS = 10_000;
export const BUCKETS = 90;
export const MAX_OPERATIONS = 100;
export const OTHER_OPERATION = '(other operations)';
const HIGHEST_US = 120_000_000;

export interface RequestRecord {
  operation: string;
  durationMs: number;
  serverError: boolean;
  clientError: boolean;
  sqlStatements: number;
  cacheHits: number;
  cacheMisses: number;
}

interface Cell {
  count: number;
  serverErrors: number;
  clientErrors: number;
  totalMs: number;
  sql: number;
  cacheHits: number;
  cacheMisses: number;
  histogram: hdr.Histogram;
}

interface Bucket {
  index: number;
  cells: Map<string, Cell>;
  all: Cell;
}

export interface WindowStats {
  count: number;
  serverErrors: number;
  clientErrors: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  perSecond: number;
  sqlPerRequest: number;
  cacheHits: number;
  cacheMisses: number;
}

function newHistogram(): hdr.Histogram {
  return hdr.build({ bitBucketSize: 'packed', lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 2, autoResize: false });
}

function newCell(): Cell {
  return { count: 0, serverErrors: 0, clientErrors: 0, totalMs: 0, sql: 0, cacheHits: 0, cacheMisses: 0, histogram: newHistogram() };
}

export class RequestMetrics {
  private readonly buckets: (Bucket | undefined)[] = new Array(BUCKETS);
  private readonly startedAt: number;

  constructor(private readonly clock: Clock) {
    this.startedAt = clock.now().getTime();
  }

  record(r: RequestRecord): void {
    const bucket = this.bucket(Math.floor(this.clock.now().getTime() / BUCKET_MS));
    let cell = bucket.cells.get(r.operation);
    if (!cell) {
      const name = bucket.cells.size < MAX_OPERATIONS - 1 ? r.operation : OTHER_OPERATION;
      cell = bucket.cells.get(name) ?? newCell();
      bucket.cells.set(name, cell);
    }
    add(cell, r);
    add(bucket.all, r);
  }

  /** Everything over the last `windowSeconds` (rounded up to whole buckets). */
  overall(windowSeconds: number): WindowStats {
    return this.summarize(this.window(windowSeconds).map((b) => b.all), windowSeconds);
  }

  /** Per operation over the last `windowSeconds`. */
  operations(windowSeconds: number): (WindowStats & { name: string })[] {
    const byName = groupBy(this.window(windowSeconds).flatMap((b) => [...b.cells]), ([name]) => name);
    return [...byName].map(([name, cells]) => ({ name, ...this.summarize(cells.map(([, cell]) => cell), windowSeconds) }));
  }

  private window(windowSeconds: number): Bucket[] {
    const current = Math.floor(this.clock.now().getTime() / BUCKET_MS);
    const span = Math.min(BUCKETS, Math.max(1, Math.ceil((windowSeconds * 1000) / BUCKET_MS)));
    const out: Bucket[] = [];
    for (let i = current - span + 1; i <= current; i++) {
      const b = this.buckets[mod(i, BUCKETS)];
      if (b && b.index === i) out.push(b);
    }
    return out;
  }

  private summarize(cells: Cell[], windowSeconds: number): WindowStats {
    const merged = newCell();
    merged.histogram = newHistogram();
    for (const c of cells) {
      merged.count += c.count;
      merged.serverErrors += c.serverErrors;
      merged.clientErrors += c.clientErrors;
      merged.totalMs += c.totalMs;
      merged.sql += c.sql;
      merged.cacheHits += c.cacheHits;
      merged.cacheMisses += c.cacheMisses;
      merged.histogram.add(c.histogram);
    }
    // A window longer than the process has run covers only the time it has run.
    const elapsed = Math.max(1, Math.min(windowSeconds, (this.clock.now().getTime() - this.startedAt) / 1000));
    const at = (p: number) => (merged.count === 0 ? 0 : merged.histogram.getValueAtPercentile(p) / 1000);
    const stats: WindowStats = {
      count: merged.count,
      serverErrors: merged.serverErrors,
      clientErrors: merged.clientErrors,
      avgMs: merged.count === 0 ? 0 : merged.totalMs / merged.count,
      p50Ms: at(50),
      p95Ms: at(95),
      p99Ms: at(99),
      maxMs: merged.count === 0 ? 0 : merged.histogram.maxValue / 1000,
      perSecond: merged.count / elapsed,
      sqlPerRequest: merged.count === 0 ? 0 : merged.sql / merged.count,
      cacheHits: merged.cacheHits,
      cacheMisses: merged.cacheMisses,
    };
    merged.histogram.destroy();
    return stats;
  }

  private bucket(index: number): Bucket {
    const slot = mod(index, BUCKETS);
    let b = this.buckets[slot];
    if (!b || b.index !== index) {
      if (b) for (const c of [...b.cells.values(), b.all]) c.histogram.destroy();
      b = { index, cells: new Map(), all: newCell() };
      this.buckets[slot] = b;
    }
    return b;
  }
}

function add(cell: Cell, r: RequestRecord): void {
  cell.count++;
  if (r.serverError) cell.serverErrors++;
  if (r.clientError) cell.clientErrors++;
  cell.totalMs += r.durationMs;
  cell.sql += r.sqlStatements;
  cell.cacheHits += r.cacheHits;
  cell.cacheMisses += r.cacheMisses;
  cell.histogram.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(r.durationMs * 1000))));
}

function mod(i: number, n: number): number {
  return ((i % n) + n) % n;
}
