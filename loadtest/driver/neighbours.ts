import { Pool } from 'undici';
import { now, Recorder, type RecorderData } from '../measure/recorder.js';
import { GraphQLHttp } from './graphql-http.js';
import { operations } from './operations.js';
import { Sleeper } from './sleeper.js';

/**
 * The two sides of the noisy-neighbour scenario, each run in a worker thread of its own, so that
 * the attacker's large responses never delay the victims' clock:
 *   victims:  children who open their Dashboard one request at a time, thinking in between;
 *   attacker: one token sending one operation on N connections, each the next as soon as the
 *             previous one is answered, until told to stop (or its time is up).
 */
export interface VictimsJob {
  kind: 'victims';
  url: string;
  /** One token per child. */
  tokens: string[];
  thinkMs: [number, number];
  /** Unmeasured, then measured. */
  warmupMs: number;
  durationMs: number;
  timeoutMs: number;
}

export interface AttackerJob {
  kind: 'attacker';
  url: string;
  token: string;
  /** The operation's document. */
  query: string;
  operationName: string;
  connections: number;
  /** It stops by itself after this, if it was not told to before. */
  maxMs: number;
  timeoutMs: number;
}

export type NeighbourJob = VictimsJob | AttackerJob;

export interface NeighbourResult {
  recorder: RecorderData;
  /** The window measured (victims: after the warm-up). */
  from: number;
  to: number;
}

export interface NeighbourEvents {
  progress(line: string): void;
  onStop(stop: () => void): void;
}

const DASHBOARD = operations.dashboard;

export async function runVictims(job: VictimsJob, events: NeighbourEvents): Promise<NeighbourResult> {
  const http = new GraphQLHttp(job.url, { connections: job.tokens.length, timeoutMs: job.timeoutMs });
  const sleeper = new Sleeper();
  events.onStop(() => sleeper.stop());
  const recorder = new Recorder(now());
  const [min, max] = job.thinkMs;
  const child = async (token: string) => {
    // Spread over the first think time, so the children do not all ask in the same millisecond.
    if (!(await sleeper.sleep(Math.random() * max))) return;
    do {
      const r = await http.send(DASHBOARD, { limit: 5, first: 20 }, token);
      if (r.ok) recorder.ok(DASHBOARD.name, r.ms, r.at);
      else recorder.error(DASHBOARD.name, r.kind, r.at);
    } while (await sleeper.sleep(min + Math.random() * (max - min)));
  };
  const lives = job.tokens.map(child);
  await sleeper.sleep(job.warmupMs);
  const from = now();
  await sleeper.sleep(job.durationMs);
  const to = now();
  sleeper.stop();
  await Promise.allSettled(lives);
  await http.close();
  return { recorder: recorder.data(), from, to };
}

/**
 * The attacker reads each response whole, as a client would, but parses only the small ones: a
 * refusal's code is what is counted. Answers are recorded under the operation's name, errors by
 * code (RATE_LIMITED apart from anything else).
 */
export async function runAttacker(job: AttackerJob, events: NeighbourEvents): Promise<NeighbourResult> {
  const url = new URL(job.url);
  const pool = new Pool(url.origin, { connections: job.connections, pipelining: 1, headersTimeout: job.timeoutMs, bodyTimeout: job.timeoutMs });
  const body = JSON.stringify({ query: job.query, operationName: job.operationName });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${job.token}` };
  const recorder = new Recorder(now());
  let stopped = false;
  const deadline = setTimeout(() => (stopped = true), job.maxMs);
  events.onStop(() => (stopped = true));
  let first = true;
  const connection = async () => {
    while (!stopped) {
      const started = now();
      try {
        const res = await pool.request({ path: `${url.pathname}${url.search}`, method: 'POST', headers, body });
        const text = await res.body.text();
        const at = now();
        const kind = classify(res.statusCode, text);
        if (kind === undefined) recorder.ok(job.operationName, at - started, at);
        else recorder.error(job.operationName, kind, at);
        if (first && kind === undefined) {
          first = false;
          events.progress(`attacker: first answer after ${(at - started).toFixed(0)} ms, ${(text.length / 1024).toFixed(0)} KiB`);
        }
      } catch (error) {
        recorder.error(job.operationName, `network ${(error as { code?: string }).code ?? (error as Error).name}`);
      }
    }
  };
  const from = now();
  await Promise.all(Array.from({ length: job.connections }, connection));
  const to = now();
  clearTimeout(deadline);
  await pool.close();
  return { recorder: recorder.data(), from, to };
}

/** undefined: answered with data and no error; else the error's code (or HTTP status). */
export function classify(status: number, text: string): string | undefined {
  // An answer is large and starts with its data (Apollo writes errors first when there are any).
  if (status === 200 && text.startsWith('{"data":{') && !text.includes('"errors":[')) return undefined;
  try {
    const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    const code = parsed.errors?.[0]?.extensions?.code;
    if (code) return code;
  } catch {}
  return `HTTP ${status}`;
}
