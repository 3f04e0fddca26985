/**
 * The part of autocannon 9's programmatic API the scenarios use (the package ships no types).
 * See its README: autocannon(opts) returns an EventEmitter that is also a promise of the results.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Returns the request to send (or a falsy value to restart the sequence). */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null | undefined;
    /** Called with every response to this request, before the instance's `response` event. */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  }

  export interface Options extends Request {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds a request may wait for its response. */
    timeout?: number;
    pipelining?: number;
    requests?: Request[];
  }

  /**
   * Outside the main thread (the scenarios run autocannon in a worker) the result is not
   * aggregated: counts only, with the histograms still encoded.
   */
  export interface Result {
    totalCompletedRequests: number;
    totalRequests: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Seconds. */
    duration: number;
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
}
