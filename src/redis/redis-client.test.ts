import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisTimeoutError, ReplyClock, withTimeout } from './redis-client.js';

/** Keeps the thread busy, as a saturated server does: no timer and no socket is served meanwhile. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('withTimeout', () => {
  // A reply that travels through a real socket from another thread, as Redis's comes from another
  // process: it arrives while this thread is busy, and is read in the loop's poll phase.
  let server: Worker;
  let client: net.Socket;
  beforeAll(async () => {
    server = new Worker(
      `const net = require('node:net');
       const { parentPort } = require('node:worker_threads');
       // Echoes what it gets, after as many ms as the text says (0 when it is not a number).
       const s = net.createServer((c) => c.on('data', (d) => setTimeout(() => c.write(d), Number(d.toString()) || 0)));
       s.listen(0, '127.0.0.1', () => parentPort.postMessage(s.address().port));`,
      { eval: true },
    );
    const port = await new Promise<number>((resolve) => server.once('message', resolve));
    client = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
  });
  afterAll(async () => {
    client.destroy();
    await server.terminate();
  });

  const echo = () => new Promise<string>((resolve) => client.once('data', (d) => resolve(d.toString())));

  it('gives the reply when it came in time', async () => {
    const reply = echo();
    client.write('a');
    await expect(withTimeout(reply, 200)).resolves.toBe('a');
  });

  it('takes a reply that waited unread while the thread was busy for a reply, not a timeout', async () => {
    const reply = echo();
    const timed = withTimeout(reply, 50);
    client.write('b');
    busy(150); // the reply arrives meanwhile; the timer is overdue when the thread comes back
    await expect(timed).resolves.toBe('b');
  });

  it('gives Redis a fair wait again when the thread itself came back late', async () => {
    const reply = echo();
    const timed = withTimeout(reply, 50);
    busy(150); // the command goes out late, as on a saturated server
    client.write('30'); // and is answered 30 ms later: 180 ms after the call, but 30 ms after it left
    await expect(timed).resolves.toBe('30');
  });

  it('still times out when no reply comes', async () => {
    const started = performance.now();
    await expect(withTimeout(new Promise(() => {}), 50)).rejects.toBeInstanceOf(RedisTimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('waits on while other answers keep coming (the command is queued behind them), up to 4 times the timeout', async () => {
    const clock = new ReplyClock();
    const flowing = setInterval(() => clock.heard(), 10);
    try {
      const queued = new Promise<string>((resolve) => setTimeout(() => resolve('late'), 150));
      await expect(withTimeout(queued, 50, clock)).resolves.toBe('late');
      const started = performance.now();
      await expect(withTimeout(new Promise(() => {}), 50, clock)).rejects.toBeInstanceOf(RedisTimeoutError);
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(200);
      expect(waited).toBeLessThan(1_000);
    } finally {
      clearInterval(flowing);
    }
  });

  it('passes a failure through', async () => {
    await expect(withTimeout(Promise.reject(new Error('refused')), 50)).rejects.toThrow('refused');
  });
});
