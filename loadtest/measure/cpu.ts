import fs from 'node:fs';
import os from 'node:os';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { meanAndMax } from './summary.js';
import { now } from './recorder.js';

/**
 * Who used the CPU during a run, sampled every second from the main thread. The load generator
 * runs in a worker thread and an in-process server on the main thread, so each has its own event
 * loop: an event-loop utilisation near 1 means that thread was saturated. A load generator below
 * ~0.8 was not what limited the figures. Utilisation is wall-clock time busy, so on a machine
 * short of CPU it rises with the wait for a core; and under `node --cpu-prof` it is not to be
 * trusted (the load generator read 92 % while its own profile showed it 95 % idle): profile and
 * measure in separate runs.
 */
export interface CpuPoint {
  at: number;
  /** Event-loop utilisation of the load generator's thread, 0 to 1. */
  loadgen: number;
  /** Event-loop utilisation of the main thread (the in-process server), 0 to 1; null for TARGET_URL. */
  server: number | null;
  /**
   * CPU time of the main thread alone, in cores (Linux; null elsewhere, and for TARGET_URL). Below
   * its utilisation, the difference is time the loop counted busy while the thread waited for a
   * core (other processes, PostgreSQL's and Redis's among them, ran on it).
   */
  serverCores: number | null;
  /** CPU time of this whole process, in cores (1.5 = one and a half cores busy). */
  processCores: number;
  /** The whole machine, 0 to 1 of all cores: other people's work shows here. */
  machineBusy: number;
}

export interface CpuSummary {
  loadgenElu: { mean: number; max: number };
  serverElu: { mean: number; max: number } | null;
  serverCores: { mean: number; max: number } | null;
  processCores: { mean: number; max: number };
  machineBusy: { mean: number; max: number };
}

/** Read from another thread while that thread finishes its work, a utilisation can come out past 1. */
function clamp(utilization: number): number {
  return Number.isFinite(utilization) ? Math.min(1, Math.max(0, utilization)) : 0;
}

function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux architecture Node runs on). */
const USER_HZ = 100;

/**
 * utime + stime, in ms, of a `/proc/<pid>/task/<tid>/stat` line. The command name (2nd field) is in
 * parentheses and may hold spaces or parentheses itself: fields are counted after its last ')'.
 */
export function threadCpuMs(statLine: string): number {
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  // After the name: state (3rd field of the line) is fields[0], utime (14th) fields[11], stime (15th) fields[12].
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`not a /proc stat line: ${statLine.slice(0, 80)}`);
  return (ticks * 1000) / USER_HZ;
}

/** This process's main thread's CPU time in ms, or null where /proc does not tell (not Linux). */
export function mainThreadCpuMs(): number | null {
  try {
    return threadCpuMs(fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

export class CpuSampler {
  private readonly points: CpuPoint[] = [];
  private timer: NodeJS.Timeout | undefined;
  private last = { at: now(), cpu: process.cpuUsage(), thread: mainThreadCpuMs(), machine: machineTimes(), loadgen: undefined as EventLoopUtilization | undefined, server: performance.eventLoopUtilization() };

  constructor(
    private readonly worker: Worker,
    private readonly serverInProcess: boolean,
  ) {}

  start(intervalMs = 1_000): void {
    this.last = { at: now(), cpu: process.cpuUsage(), thread: mainThreadCpuMs(), machine: machineTimes(), loadgen: this.worker.performance.eventLoopUtilization(), server: performance.eventLoopUtilization() };
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): CpuPoint[] {
    clearInterval(this.timer);
    this.sample();
    return this.points;
  }

  private sample(): void {
    const at = now();
    const elapsedMs = at - this.last.at;
    if (elapsedMs < 50) return;
    const cpu = process.cpuUsage(this.last.cpu);
    const machine = machineTimes();
    const loadgen = this.worker.performance.eventLoopUtilization();
    const server = performance.eventLoopUtilization();
    const thread = mainThreadCpuMs();
    const machineTotal = machine.total - this.last.machine.total;
    this.points.push({
      at,
      loadgen: clamp(performance.eventLoopUtilization(loadgen, this.last.loadgen).utilization),
      server: this.serverInProcess ? clamp(performance.eventLoopUtilization(server, this.last.server).utilization) : null,
      serverCores: this.serverInProcess && thread !== null && this.last.thread !== null ? (thread - this.last.thread) / elapsedMs : null,
      processCores: (cpu.user + cpu.system) / 1000 / elapsedMs,
      machineBusy: machineTotal > 0 ? (machine.busy - this.last.machine.busy) / machineTotal : 0,
    });
    this.last = { at, cpu: process.cpuUsage(), thread, machine, loadgen, server };
  }
}

/** Mean and peak of each figure over the samples taken in [from, to]. */
export function summarizeCpu(points: readonly CpuPoint[], from = -Infinity, to = Infinity): CpuSummary {
  const inside = points.filter((p) => p.at >= from && p.at <= to);
  const servers = inside.map((p) => p.server).filter((s): s is number => s !== null);
  const threads = inside.map((p) => p.serverCores).filter((s): s is number => s !== null);
  return {
    loadgenElu: meanAndMax(inside.map((p) => p.loadgen)),
    serverElu: servers.length ? meanAndMax(servers) : null,
    serverCores: threads.length ? meanAndMax(threads) : null,
    processCores: meanAndMax(inside.map((p) => p.processCores)),
    machineBusy: meanAndMax(inside.map((p) => p.machineBusy)),
  };
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
