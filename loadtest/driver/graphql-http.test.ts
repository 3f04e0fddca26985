import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLHttp } from './graphql-http.js';

/** Two real HTTP servers on loopback; each records the Authorization header of what it serves. */
const servers: { server: http.Server; seen: string[] }[] = [];
let url = '';

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers.authorization ?? '');
      req.resume().on('end', () => res.setHeader('content-type', 'application/json').end('{"data":{"ok":true}}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ server, seen });
  }
  url = servers.map((s) => `http://127.0.0.1:${(s.server.address() as AddressInfo).port}/graphql`).join(',');
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.server.close(resolve))));
});

// An odd count: in round robin, a student's next round then starts on the other instance.
const tokens = Array.from({ length: 41 }, (_, i) => `eyJhbGciOiJIUzI1NiJ9.student-${i}.signature-${i * 7919}`);

async function send(route: 'round-robin' | 'student'): Promise<Map<string, Set<number>>> {
  for (const s of servers) s.seen.length = 0;
  const client = new GraphQLHttp(url, { connections: 4, timeoutMs: 5_000, route });
  try {
    for (let round = 0; round < 3; round++) for (const t of tokens) expect((await client.post('{ ok }', undefined, t)).ok).toBe(true);
  } finally {
    await client.close();
  }
  const where = new Map<string, Set<number>>();
  servers.forEach((s, i) => s.seen.forEach((auth) => where.set(auth, (where.get(auth) ?? new Set()).add(i))));
  return where;
}

describe('GraphQLHttp over several instances', () => {
  it("route student: each student's requests go to one instance, the students spread over all", async () => {
    const where = await send('student');
    expect(where.size).toBe(tokens.length);
    for (const instances of where.values()) expect(instances.size).toBe(1);
    for (const s of servers) expect(s.seen.length).toBeGreaterThan(tokens.length * 3 * 0.2);
  });

  it("round-robin: each request to the next instance, so a student's go to both", async () => {
    const where = await send('round-robin');
    for (const instances of where.values()) expect(instances.size).toBe(2);
    expect(servers.map((s) => s.seen.length).sort()).toEqual([61, 62]); // 41 students × 3 rounds, alternating
  });
});
