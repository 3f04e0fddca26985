import { EMPTY_SUMMARY, summarize, type LatencySummary } from './summary.js';

/**
 * Every response a load run got, per operation: when it completed and how long it took, or which
 * error it was. Kept whole (not pre-aggregated) so that any window can be summarised afterwards:
 * a capacity step's hold period, one phase of a before/after run, each second of the chart.
 * Times are epoch milliseconds (performance.timeOrigin + now()), the same clock in every thread.
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export interface OperationStats extends LatencySummary {
  name: string;
  /** Responses that failed: HTTP, network, timeout or GraphQL errors (no latency sample). */
  errors: number;
  /** errors / (count + errors). */
  errorRate: number;
  errorKinds: Record<string, number>;
}

export interface TimelinePoint {
  /** Seconds since the recorder started, at the end of the bucket. */
  t: number;
  rps: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

/** What crosses a thread boundary: plain arrays of doubles, transferable without copying. */
export interface RecorderData {
  startedAt: number;
  kinds: string[];
  operations: { name: string; at: Float64Array; ms: Float64Array; errorAt: Float64Array; errorKind: Float64Array }[];
}

class Column {
  private data: Float64Array = new Float64Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  static of(values: Float64Array): Column {
    const c = new Column();
    c.data = values.length > 0 ? values : new Float64Array(256);
    c.length = values.length;
    return c;
  }
}

interface Operation {
  at: Column;
  ms: Column;
  errorAt: Column;
  errorKind: Column;
}

export class Recorder {
  private readonly ops = new Map<string, Operation>();
  private readonly kinds: string[] = [];

  constructor(readonly startedAt: number = now()) {}

  ok(name: string, ms: number, at: number = now()): void {
    const op = this.op(name);
    op.at.push(at);
    op.ms.push(ms);
  }

  error(name: string, kind: string, at: number = now()): void {
    const op = this.op(name);
    let k = this.kinds.indexOf(kind);
    if (k < 0) k = this.kinds.push(kind) - 1;
    op.errorAt.push(at);
    op.errorKind.push(k);
  }

  /** Per operation, over responses completed in [from, to). */
  operations(from = -Infinity, to = Infinity): OperationStats[] {
    return [...this.ops.entries()].map(([name, op]) => this.stats(name, [op], from, to));
  }

  /** All operations together, over [from, to). */
  overall(from = -Infinity, to = Infinity): OperationStats {
    return this.stats('all operations', [...this.ops.values()], from, to);
  }

  /** Responses per second, errors and latency percentiles, one point per bucket. */
  timeline(bucketMs = 1_000, until: number = this.lastAt()): TimelinePoint[] {
    const buckets = Math.max(0, Math.ceil((until - this.startedAt) / bucketMs));
    const latencies: number[][] = Array.from({ length: buckets }, () => []);
    const errors = new Array<number>(buckets).fill(0);
    const bucketOf = (at: number) => Math.min(buckets - 1, Math.floor((at - this.startedAt) / bucketMs));
    for (const op of this.ops.values()) {
      const at = op.at.values();
      const ms = op.ms.values();
      for (let i = 0; i < at.length; i++) if (at[i]! >= this.startedAt) latencies[bucketOf(at[i]!)]?.push(ms[i]!);
      for (const e of op.errorAt.values()) if (e >= this.startedAt) errors[bucketOf(e)]!++;
    }
    // The last bucket may cover only part of a second: its rate is over the part it covers, and a
    // sliver of one (under a fifth) is left off the chart rather than drawn as a plunge.
    const points: TimelinePoint[] = [];
    latencies.forEach((l, i) => {
      const span = Math.min(bucketMs, until - this.startedAt - i * bucketMs);
      if (span < bucketMs / 5) return;
      const s = summarize(l);
      points.push({ t: (i * bucketMs + span) / 1000, rps: ((l.length + errors[i]!) * 1000) / span, errors: errors[i]!, p50: s.p50, p95: s.p95, p99: s.p99 });
    });
    return points;
  }

  /** The latest completion recorded (the start when there is none). */
  lastAt(): number {
    let last = this.startedAt;
    for (const op of this.ops.values()) {
      const at = op.at.values();
      const errorAt = op.errorAt.values();
      if (at.length) last = Math.max(last, at[at.length - 1]!);
      if (errorAt.length) last = Math.max(last, errorAt[errorAt.length - 1]!);
    }
    return last;
  }

  /** A copy of everything recorded, to post to another thread (transfer the arrays' buffers). */
  data(): RecorderData {
    return {
      startedAt: this.startedAt,
      kinds: [...this.kinds],
      operations: [...this.ops.entries()].map(([name, op]) => ({
        name,
        at: op.at.values().slice(),
        ms: op.ms.values().slice(),
        errorAt: op.errorAt.values().slice(),
        errorKind: op.errorKind.values().slice(),
      })),
    };
  }

  static from(data: RecorderData): Recorder {
    const r = new Recorder(data.startedAt);
    r.kinds.push(...data.kinds);
    for (const o of data.operations) {
      r.ops.set(o.name, { at: Column.of(o.at), ms: Column.of(o.ms), errorAt: Column.of(o.errorAt), errorKind: Column.of(o.errorKind) });
    }
    return r;
  }

  private op(name: string): Operation {
    let op = this.ops.get(name);
    if (!op) {
      op = { at: new Column(), ms: new Column(), errorAt: new Column(), errorKind: new Column() };
      this.ops.set(name, op);
    }
    return op;
  }

  private stats(name: string, ops: Operation[], from: number, to: number): OperationStats {
    const samples: number[] = [];
    const errorKinds: Record<string, number> = {};
    let errors = 0;
    for (const op of ops) {
      const at = op.at.values();
      const ms = op.ms.values();
      for (let i = 0; i < at.length; i++) if (at[i]! >= from && at[i]! < to) samples.push(ms[i]!);
      const errorAt = op.errorAt.values();
      const errorKind = op.errorKind.values();
      for (let i = 0; i < errorAt.length; i++) {
        if (errorAt[i]! < from || errorAt[i]! >= to) continue;
        errors++;
        const kind = this.kinds[errorKind[i]!]!;
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
      }
    }
    const latency = samples.length ? summarize(samples) : { ...EMPTY_SUMMARY };
    const all = latency.count + errors;
    return { name, ...latency, errors, errorRate: all === 0 ? 0 : errors / all, errorKinds };
  }
}
