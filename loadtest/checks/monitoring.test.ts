import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLHttp } from '../driver/graphql-http.js';
import { agreementChecks, MONITORING, readMonitoring, sqlPerRequest, type MonitoringReport } from './monitoring.js';

describe('the monitoring query the load scenarios send', () => {
  it('is valid against the emitted schema (else every run would report monitoring unavailable)', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
    expect(validate(schema, parse(MONITORING)).map((e) => e.message)).toEqual([]);
  });
});

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

  it("reads the cache and per-operation figures of the contract, each layer's hits summed over the namespaces", async () => {
    const namespaces = [
      { memoryHits: 50, redisHits: 10 },
      { memoryHits: 5, redisHits: 15 },
    ];
    const monitoring = { cache: { backend: 'redis', hits: 80, misses: 20, hitRate: 0.8, namespaces }, requests: { count: 100, p95Ms: 12.5 }, operations: [{ name: 'Dashboard', count: 100, sqlPerRequest: 1.5, p95Ms: 12.5 }] };
    reply = { status: 200, body: { data: { monitoring } } };
    expect(await read()).toEqual({ available: true, ...monitoring, cache: { backend: 'redis', hits: 80, misses: 20, hitRate: 0.8, memoryHits: 55, redisHits: 25 } });
  });

  it('passes on any other failure with its code', async () => {
    reply = { status: 200, body: { errors: [{ message: 'Only an administrator can see this.', extensions: { code: 'FORBIDDEN' } }], data: null } };
    expect(await read()).toEqual({ available: false, reason: 'GraphQL FORBIDDEN: Only an administrator can see this.' });
  });
});

describe('sqlPerRequest', () => {
  const report: MonitoringReport = {
    available: true,
    cache: { backend: 'memory', hits: 90, misses: 10, hitRate: 0.9, memoryHits: 90, redisHits: 0, entries: 20, bytes: 40_960 },
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

describe('agreementChecks', () => {
  const op = (name: string, count: number, errors = 0, p95 = 10) => ({ name, count, errors, errorRate: 0, errorKinds: {}, avg: p95 / 2, p50: p95 / 2, p95, p99: p95, max: p95 });
  const server = (counts: Record<string, number>, p95Ms: number): MonitoringReport => ({
    available: true,
    cache: { backend: 'memory', hits: 1, misses: 1, hitRate: 0.5, memoryHits: 1, redisHits: 0, entries: 1, bytes: 1_024 },
    requests: { count: Object.values(counts).reduce((a, b) => a + b, 0), p95Ms },
    operations: Object.entries(counts).map(([name, count]) => ({ name, count, sqlPerRequest: 0, p95Ms })),
  });

  it('compares the students\' operations only (double taps counted with their operation) and the overall p95', () => {
    const measured = [op('Dashboard', 100), op('SubmitAttempt', 90, 2), op('SubmitAttempt (double tap)', 8), op('Login', 10)];
    const checks = agreementChecks(server({ Dashboard: 100, SubmitAttempt: 100, Login: 11, Solutions: 1 }, 11), measured, op('all', 208, 2, 10));
    expect(checks.map((c) => c.ok)).toEqual([true, true]);
  });

  it('fails a count off by more than 1 % or a p95 off by more than 20 %', () => {
    const measured = [op('Dashboard', 100)];
    expect(agreementChecks(server({ Dashboard: 98 }, 10), measured, op('all', 100)).map((c) => c.ok)).toEqual([false, true]);
    expect(agreementChecks(server({ Dashboard: 100 }, 13), measured, op('all', 100, 0, 10)).map((c) => c.ok)).toEqual([true, false]);
    expect(agreementChecks({ available: false, reason: 'x' }, measured, op('all', 100))[0]!.ok).toBeNull();
  });
});
