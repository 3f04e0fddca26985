import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/free-port.js';

/** The built server (dist/src/main.js) as a process of its own, as `npm start` runs it. */
export interface Instance {
  url: string;
  stop(): Promise<void>;
}

const main = fileURLToPath(new URL('../../src/main.js', import.meta.url));

/**
 * As package.json's start: V8's young generation at 128 MB a semi-space (16 by default) makes fewer
 * scavenges under load (docs/performance.md).
 */
const SERVER_NODE_FLAG = '--max-semi-space-size=128';

const telemetry = fileURLToPath(new URL('../../src/telemetry/register.js', import.meta.url));

/** `withTelemetry`: with the OpenTelemetry preload, as `npm start` runs it. */
export async function spawnInstance(env: Record<string, string>, withTelemetry = false): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_NODE_FLAG, ...(withTelemetry ? ['--import', telemetry] : []), main, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d) => (errors = (errors + d).slice(-2_000)));
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`an instance exited (${child.exitCode}) at start: ${errors}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`an instance did not become ready: ${errors}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `${base}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
