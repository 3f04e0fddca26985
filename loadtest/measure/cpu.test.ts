import { describe, expect, it } from 'vitest';
import { mainThreadCpuMs, threadCpuMs } from './cpu.js';

describe('threadCpuMs', () => {
  it('adds utime and stime (ticks of 10 ms), counting fields after the last parenthesis of the name', () => {
    // utime 250 ticks, stime 17 ticks; the name holds spaces and a ") (" that must not shift the fields.
    const line = '4321 (node (x) y) S 1 4321 4321 0 -1 4194560 9000 0 0 0 250 17 0 0 20 0 11 0 1234 1000000 5000 18446744073709551615';
    expect(threadCpuMs(line)).toBe(2_670);
  });

  it('refuses what is not a stat line', () => {
    expect(() => threadCpuMs('no such thing')).toThrow(/not a \/proc stat line/);
  });
});

describe.runIf(process.platform === 'linux')('mainThreadCpuMs on Linux', () => {
  it("counts this thread's own work, not its waits", async () => {
    const before = mainThreadCpuMs()!;
    const processBefore = process.cpuUsage();
    // A fixed amount of work: its CPU time does not depend on how busy the machine is.
    let x = 0;
    for (let i = 0; i < 30_000_000; i++) x += Math.sqrt(i);
    const busy = mainThreadCpuMs()! - before;
    const p = process.cpuUsage(processBefore);
    const processMs = (p.user + p.system) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const idle = mainThreadCpuMs()! - before - busy;
    expect(x).toBeGreaterThan(0);
    // The work ran on this thread: most of the process's CPU time is its (ticks of 10 ms), none beyond it.
    expect(busy).toBeGreaterThanOrEqual(0.7 * processMs - 20);
    expect(busy).toBeLessThanOrEqual(processMs + 20);
    expect(busy).toBeGreaterThanOrEqual(20);
    // 300 ms asleep costs the thread (almost) nothing.
    expect(idle).toBeLessThan(50);
  });
});
