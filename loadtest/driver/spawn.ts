import { Worker } from 'node:worker_threads';
import { CpuSampler, type CpuPoint } from '../measure/cpu.js';
import type { Job, WorkerMessage } from './worker.js';

export interface LoadRun<R> {
  result: R;
  /** One point a second while the job ran: load generator, server and machine CPU. */
  cpu: CpuPoint[];
}

/** Ctrl-C ends the job early (its partial result is still reported), a second one exits. */
let current: Worker | undefined;
process.on('SIGINT', () => {
  if (!current) process.exit(130);
  console.error('\nstopping the load (Ctrl-C again to quit at once)');
  current.postMessage({ type: 'stop' });
  current = undefined;
});

/** Runs a load job in a worker thread while sampling CPU from this one; resolves with its result. */
export function runLoad<R>(job: Job, options: { serverInProcess: boolean; progress?: (line: string) => void }): Promise<LoadRun<R>> {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });
  current = worker;
  const sampler = new CpuSampler(worker, options.serverInProcess);
  return new Promise<LoadRun<R>>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      if (current === worker) current = undefined;
      fn();
    };
    worker.once('online', () => sampler.start());
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') options.progress?.(m.line);
      else if (m.type === 'done') settle(() => resolve({ result: m.result as R, cpu: sampler.stop() }));
      else settle(() => reject(new Error(`the load generator failed: ${m.message}`)));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the load generator exited (${code}) before it finished`))));
  });
}
