import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface SystemSnapshot {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** The bound that applies to this process: its cgroup's memory limit if any, else the machine's memory. */
  memoryLimitBytes: number;
  memoryLimitSource: 'cgroup' | 'machine';
  memoryUsedRatio: number;
  /** Share of one core used over the last interval (200 = two cores busy). */
  cpuPercent: number;
  eventLoopLagP99Ms: number;
  eventLoopLagMaxMs: number;
  uptimeSeconds: number;
  intervalSeconds: number;
}

/** The cgroup (v2, then v1) memory limit of this process, if it has one smaller than the machine. */
export function cgroupMemoryLimit(read: (path: string) => string | undefined = tryRead): number | undefined {
  for (const path of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    const raw = read(path)?.trim();
    if (!raw || raw === 'max') continue;
    const n = Number(raw);
    // cgroup v1 says "no limit" with a huge number (close to 2^63).
    if (Number.isFinite(n) && n > 0 && n < totalmem()) return n;
  }
  return undefined;
}

function tryRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Process figures, sampled on an interval: CPU is the process's own CPU time over the interval
 * (not cumulative seconds), memory is this process's RSS against the limit that applies to it
 * (not the host's used memory), event-loop lag is the p99 of the delay measured over the interval.
 */
export class SystemStats {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private readonly limit = cgroupMemoryLimit();
  private lastCpu = process.cpuUsage();
  private lastAt = performance.now();
  private readonly startedAt = performance.now();
  private sampled = { cpuPercent: 0, lagP99Ms: 0, lagMaxMs: 0, intervalSeconds: 0 };
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs = 5_000) {}

  start(): void {
    this.loop.enable();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.loop.disable();
  }

  /** Closes the current interval: CPU and lag figures cover it. */
  sample(): void {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    const elapsedMs = now - this.lastAt;
    this.sampled = {
      cpuPercent: elapsedMs > 0 ? ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100 : 0,
      lagP99Ms: this.loop.count > 0 ? this.loop.percentile(99) / 1e6 : 0,
      lagMaxMs: this.loop.count > 0 ? this.loop.max / 1e6 : 0,
      intervalSeconds: elapsedMs / 1000,
    };
    this.loop.reset();
    this.lastCpu = process.cpuUsage();
    this.lastAt = now;
  }

  snapshot(): SystemSnapshot {
    const mem = process.memoryUsage();
    const limit = this.limit ?? totalmem();
    return {
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      heapTotalBytes: mem.heapTotal,
      memoryLimitBytes: limit,
      memoryLimitSource: this.limit ? 'cgroup' : 'machine',
      memoryUsedRatio: mem.rss / limit,
      cpuPercent: this.sampled.cpuPercent,
      eventLoopLagP99Ms: this.sampled.lagP99Ms,
      eventLoopLagMaxMs: this.sampled.lagMaxMs,
      uptimeSeconds: (performance.now() - this.startedAt) / 1000,
      intervalSeconds: this.sampled.intervalSeconds,
    };
  }
}
