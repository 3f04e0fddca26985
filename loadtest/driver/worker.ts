import { parentPort, workerData } from 'node:worker_threads';
import { runCannon, type CannonJob } from './cannon.js';
import { runAttacker, runVictims, type NeighbourJob } from './neighbours.js';
import { runStudents, type StudentsJob } from './students.js';

/**
 * The load generator's thread: it runs one job and posts its result back. It has an event loop of
 * its own, so an in-process server on the main thread and the load it is sent do not queue behind
 * each other, and each thread's utilisation can be read apart.
 */
export type Job = StudentsJob | CannonJob | NeighbourJob;

export type WorkerMessage = { type: 'progress'; line: string } | { type: 'done'; result: unknown } | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('loadtest/driver/worker.js runs as a worker thread');

const stops: (() => void)[] = [];
port.on('message', (m: { type: string }) => {
  if (m.type === 'stop') for (const stop of stops) stop();
});
const events = {
  progress: (line: string) => port.postMessage({ type: 'progress', line } satisfies WorkerMessage),
  onStop: (stop: () => void) => void stops.push(stop),
};

const job = workerData as Job;
try {
  const result =
    job.kind === 'students'
      ? await runStudents(job, events)
      : job.kind === 'cannon'
        ? await runCannon(job, events)
        : job.kind === 'victims'
          ? await runVictims(job, events)
          : await runAttacker(job, events);
  const buffers = result.recorder.operations.flatMap((o) => [o.at.buffer, o.ms.buffer, o.errorAt.buffer, o.errorKind.buffer]);
  port.postMessage({ type: 'done', result } satisfies WorkerMessage, buffers as ArrayBuffer[]);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
}
port.close();
