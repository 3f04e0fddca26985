import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { testConfig } from '../test/config.js';
import { allClosed, cutCleanly, slowBodyHead, slowClient, slowHeadersHead, type SlowClient } from '../test/slow-client.js';
import { HTTP_TIMEOUT_CHECK_MS } from './server.js';

/**
 * Slow clients against a real listening server (inject() has no sockets): a client trickling its
 * body or its headers holds a connection, a parser and a request's memory for as long as it likes
 * unless Node cuts it. Timeouts are set small here (2 s, 1 s); production's are in config.ts.
 */
const REQUEST_TIMEOUT_MS = 2_000;
const HEADERS_TIMEOUT_MS = 1_000;
/** A loaded 2-core machine runs the check late; generous, but far below "never". */
const SLACK_MS = 2_500;

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp({ env: { HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS) } });
  await t.server.fastify.listen({ host: '127.0.0.1', port: 0 });
  port = (t.server.fastify.server.address() as { port: number }).port;
});
afterAll(() => t?.close());

const health = () => fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ health { status } }' }) });

/** Waits for every client to be cut; each must be cut within (minMs, maxMs) of its start, cleanly. Then stops them all. */
async function expectCut(clients: SlowClient[], what: string, minMs: number, maxMs: number) {
  try {
    const outcomes = await allClosed(clients, 10_000);
    if (outcomes === 'still open') throw new Error(`${what} still open after 10 s`);
    for (const { ms, answer } of outcomes) {
      expect(ms).toBeGreaterThan(minMs);
      expect(ms).toBeLessThan(maxMs);
      expect(cutCleanly(answer), answer).toBe(true);
    }
  } finally {
    for (const c of clients) c.stop();
  }
}

describe('slow clients', () => {
  it('cut a body trickled a byte every 500 ms within the request timeout, while others are answered', async () => {
    const clients = Array.from({ length: 5 }, () => slowClient(port, slowBodyHead(1_000), '{"query": "{ health { status } }"'));
    // Meanwhile, another connection is answered at once.
    await new Promise((r) => setTimeout(r, 700));
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { health: { status: 'OK' } } });

    await expectCut(clients, 'a slow body', REQUEST_TIMEOUT_MS - 100, REQUEST_TIMEOUT_MS + HTTP_TIMEOUT_CHECK_MS + SLACK_MS);
    // And the server still answers.
    expect((await health()).status).toBe(200);
  }, 20_000);

  it('cut headers that never end within the headers timeout', async () => {
    const clients = Array.from({ length: 3 }, () => slowClient(port, slowHeadersHead, 'X-Slow: a\r\n'));
    await expectCut(clients, 'unfinished headers', 0, HEADERS_TIMEOUT_MS + HTTP_TIMEOUT_CHECK_MS + SLACK_MS);
    expect((await health()).status).toBe(200);
  }, 20_000);

  it('are given to Node as configured', () => {
    const http = t.server.fastify.server;
    expect({ request: http.requestTimeout, headers: http.headersTimeout }).toEqual({ request: REQUEST_TIMEOUT_MS, headers: HEADERS_TIMEOUT_MS });
  });
});

describe('the default timeouts', () => {
  it('cut a slow body within 30 s and slow headers sooner', () => {
    const { http } = testConfig();
    expect(http.requestTimeoutMs + HTTP_TIMEOUT_CHECK_MS).toBeLessThanOrEqual(30_000);
    expect(http.headersTimeoutMs).toBeLessThanOrEqual(http.requestTimeoutMs);
    // A connection idle between requests is kept longer than the request may take, not forever.
    expect(http.idleTimeoutMs).toBeGreaterThan(http.requestTimeoutMs);
    expect(http.keepAliveTimeoutMs).toBeLessThanOrEqual(120_000);
  });
});
