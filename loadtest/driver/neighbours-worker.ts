import { parentPort, workerData } from 'node:worker_threads';
import { runAttacker, runVictims, type NeighbourJob } from './neighbours.js';
import type { WorkerMessage } from './worker.js';

/** A thread of the noisy-neighbour scenario: one side (victims or attacker), then its result. */
const port = parentPort;
if (!port) throw new Error('loadtest/driver/neighbours-worker.js runs as a worker thread');

const stops: (() => void)[] = [];
port.on('message', (m: { type: string }) => {
  if (m.type === 'stop') for (const stop of stops) stop();
});
const events = {
  progress: (line: string) => port.postMessage({ type: 'progress', line } satisfies WorkerMessage),
  onStop: (stop: () => void) => void stops.push(stop),
};

const job = workerData as NeighbourJob;
try {
  const result = job.kind === 'victims' ? await runVictims(job, events) : await runAttacker(job, events);
  const buffers = result.recorder.operations.flatMap((o) => [o.at.buffer, o.ms.buffer, o.errorAt.buffer, o.errorKind.buffer]);
  port.postMessage({ type: 'done', result } satisfies WorkerMessage, buffers as ArrayBuffer[]);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
}
port.close();
