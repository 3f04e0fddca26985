import { Worker } from 'node:worker_threads';
import { CpuSampler } from '../measure/cpu.js';
import type { LoadRun } from './spawn.js';
import type { NeighbourJob, NeighbourResult } from './neighbours.js';
import type { WorkerMessage } from './worker.js';

/** One side of the noisy-neighbour scenario running in its thread: stop it, or wait for its result. */
export interface RunningNeighbour {
  stop(): void;
  done: Promise<LoadRun<NeighbourResult>>;
}

/**
 * Starts a job in a thread of its own (worker.ts), sampling its CPU and the server's
 * from this thread as spawn.ts's runLoad does; several may run at once.
 */
export function startNeighbour(job: NeighbourJob, options: { serverInProcess: boolean; progress: (line: string) => void }): RunningNeighbour {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });
  const sampler = new CpuSampler(worker, options.serverInProcess);
  const done = new Promise<LoadRun<NeighbourResult>>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (!settled) (settled = true), fn();
    };
    worker.once('online', () => sampler.start());
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') options.progress(m.line);
      else if (m.type === 'done') settle(() => resolve({ result: m.result as NeighbourResult, cpu: sampler.stop() }));
      else settle(() => reject(new Error(`the ${job.kind} thread failed: ${m.message}`)));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the ${job.kind} thread exited (${code}) before it finished`))));
  });
  return { stop: () => worker.postMessage({ type: 'stop' }), done };
}
