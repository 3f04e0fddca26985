import autocannon, { type Request as CannonRequest } from 'autocannon';
import { now, Recorder, type RecorderData } from '../measure/recorder.js';

/**
 * A closed loop at fixed concurrency with autocannon: each connection sends its next request as
 * soon as the previous one is answered. Right for "how much can it serve" (before/after, the
 * framework ceiling); a child's pauses are the students driver's business.
 */
export interface CannonJob {
  kind: 'cannon';
  url: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** The name the responses are recorded under (the GraphQL operation). */
  operationName: string;
  /** The POST body, sent as is. */
  body: string;
  /** Bearer tokens, one per request in turn (none: anonymous). */
  tokens: string[];
}

export interface CannonResult {
  recorder: RecorderData;
  /** autocannon's own counts over the measured run, to cross-check the recorder's. */
  autocannon: { completed: number; errors: number; timeouts: number; non2xx: number; durationSeconds: number };
}

/** A GraphQL response is good when it has data and no errors (HTTP 200 alone says little). */
export function isGoodGraphQLBody(status: number, body: string): boolean {
  if (status !== 200 || !body.startsWith('{')) return false;
  // Parsing every body would cost the load generator more than the check is worth: only bodies
  // that could hold errors are parsed.
  if (!body.includes('"errors"')) return body.includes('"data":{');
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
    return !parsed.errors?.length && parsed.data !== null && parsed.data !== undefined;
  } catch {
    return false;
  }
}

export async function runCannon(job: CannonJob, stopSignal: { onStop(fn: () => void): void }): Promise<CannonResult> {
  let next = 0;
  const request = (onResponse?: (status: number, body: string) => void): CannonRequest => ({
    method: 'POST',
    path: new URL(job.url).pathname,
    headers: { 'content-type': 'application/json' },
    body: job.body,
    ...(job.tokens.length > 0
      ? { setupRequest: (r) => ({ ...r, headers: { ...r.headers, authorization: `Bearer ${job.tokens[next++ % job.tokens.length]}` } }) }
      : {}),
    ...(onResponse ? { onResponse } : {}),
  });
  const base = { url: job.url, connections: job.connections, timeout: 10 };

  if (job.warmupSeconds > 0) await autocannon({ ...base, duration: job.warmupSeconds, requests: [request()] });

  const recorder = new Recorder(now());
  // onResponse runs just before the instance's `response` event for the same response (same tick).
  let good = false;
  const instance = autocannon({ ...base, duration: job.durationSeconds, requests: [request((status, body) => (good = isGoodGraphQLBody(status, body)))] });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (good) recorder.ok(job.operationName, ms);
    else recorder.error(job.operationName, status === 200 ? 'GraphQL error' : `HTTP ${status}`);
  });
  instance.on('reqError', (error: Error & { code?: string }) => recorder.error(job.operationName, /timeout/i.test(error.message) ? 'timeout' : `network ${error.code ?? error.name}`));
  stopSignal.onStop(() => instance.stop());
  const result = await instance;
  return {
    recorder: recorder.data(),
    autocannon: { completed: result.totalCompletedRequests, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, durationSeconds: result.duration },
  };
}
