import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operation } from '../../test/operations.js';
import { spawnServer, type SpawnedServer } from '../../test/spawn-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/src/main.js', ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

describe('admin commands against a running server', () => {
  let server: SpawnedServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    server = await spawnServer();
    env = { API_URL: `${server.url}/graphql`, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'admin1234' };
    const post = (query: string, variables: object, token?: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) }).then((r) => r.json() as Promise<any>);
    const token = (await post(operation('Login'), { username: 'student001', password: 'demo1234' })).data.login.token;
    for (let i = 0; i < 3; i++) await post(operation('Dashboard'), {}, token);
  }, 60_000);
  afterAll(() => server?.stop());

  it('npm run monitor -- --once prints health, traffic, alerts and operations', async () => {
    const { code, out } = await run(['monitor', '--once'], env);
    expect(code, out).toBe(0);
    expect(out).toMatch(/health\s+OK/);
    expect(out).toMatch(/p95/);
    expect(out).toMatch(/alerts\s+none/);
    expect(out).toMatch(/Dashboard\s+3/);
  });

  it('npm run cache:stats prints every namespace; cache:clear empties one and counts', async () => {
    const stats = await run(['cache-stats'], env);
    expect(stats.code, stats.out).toBe(0);
    for (const ns of ['curriculum', 'students', 'progress', 'sessions']) expect(stats.out).toContain(ns);
    const cleared = await run(['cache-clear', 'progress'], env);
    expect(cleared.out).toMatch(/cleared progress: [1-9]\d* entries went/);
    const bad = await run(['cache-clear', 'nope'], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/namespace must be one of/);
  });

  it('says what is wrong with bad credentials', async () => {
    const { code, out } = await run(['cache-stats'], { ...env, ADMIN_PASSWORD: 'wrong-password' });
    expect(code).toBe(1);
    expect(out).toMatch(/Wrong username or password/);
  });
});
