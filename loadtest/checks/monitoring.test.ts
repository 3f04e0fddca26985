import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLHttp } from '../driver/graphql-http.js';
import { readMonitoring, sqlPerRequest, type MonitoringReport } from './monitoring.js';

describe('readMonitoring', () => {
  // A stand-in server: answers as Apollo does to a schema without `monitoring`, or with it.
  let server: Server;
  let url: string;
  let reply: { status: number; body: unknown };
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume().on('end', () => res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const read = async () => {
    const http = new GraphQLHttp(url, { connections: 1, timeoutMs: 5_000 });
    try {
      return await readMonitoring({ http, token: 't', close: () => http.close() });
    } finally {
      await http.close();
    }
  };

  it('says "unavailable" for a server that has no monitoring query yet', async () => {
    reply = { status: 400, body: { errors: [{ message: 'Cannot query field "monitoring" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } };
    expect(await read()).toEqual({ available: false, reason: 'this server has no `monitoring` query yet' });
  });

  it('reads the cache and per-operation figures of the contract', async () => {
    const monitoring = { cache: { backend: 'redis', hits: 80, misses: 20, hitRate: 0.8 }, requests: { count: 100, p95Ms: 12.5 }, operations: [{ name: 'Dashboard', count: 100, sqlPerRequest: 1.5, p95Ms: 12.5 }] };
    reply = { status: 200, body: { data: { monitoring } } };
    expect(await read()).toEqual({ available: true, ...monitoring });
  });

  it('passes on any other failure with its code', async () => {
    reply = { status: 200, body: { errors: [{ message: 'Only an administrator can see this.', extensions: { code: 'FORBIDDEN' } }], data: null } };
    expect(await read()).toEqual({ available: false, reason: 'GraphQL FORBIDDEN: Only an administrator can see this.' });
  });
});

describe('sqlPerRequest', () => {
  const report: MonitoringReport = {
    available: true,
    cache: { backend: 'memory', hits: 90, misses: 10, hitRate: 0.9 },
    requests: { count: 40, p95Ms: 12 },
    operations: [
      { name: 'Dashboard', count: 30, sqlPerRequest: 2, p95Ms: 10 },
      { name: 'SubmitAttempt', count: 10, sqlPerRequest: 6, p95Ms: 20 },
      { name: 'Login', count: 0, sqlPerRequest: 0, p95Ms: 0 },
    ],
  };

  it('weights each operation by its count', () => {
    expect(sqlPerRequest(report, ['Dashboard', 'SubmitAttempt'])).toBe(3);
    expect(sqlPerRequest(report, ['Dashboard'])).toBe(2);
  });

  it('has no figure without monitoring or requests', () => {
    expect(sqlPerRequest(report, ['Login'])).toBeUndefined();
    expect(sqlPerRequest({ available: false, reason: 'none' }, ['Dashboard'])).toBeUndefined();
  });
});
