import { connect } from 'node:net';

/**
 * Raw TCP clients that send an HTTP request too slowly, for the timeout tests and the fuzz run:
 * fetch and inject() cannot pause half-way through a body or leave headers unfinished.
 */
export interface SlowClient {
  /** Settles when the server closes the connection: after how long, and what it answered (bytes as text). */
  closed: Promise<{ ms: number; answer: string }>;
  /** Closes it from this side (clean-up; a test that needs this has already failed). */
  stop(): void;
}

/** The start of a POST /graphql whose body is announced as `length` bytes. */
export const slowBodyHead = (length = 1_000) => `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
/** Headers that never reach the blank line that ends them. */
export const slowHeadersHead = 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n';

/** Sends `head` at once, then one more character of `trickle` every `everyMs`, and never finishes. */
export function slowClient(port: number, head: string, trickle: string, everyMs = 500): SlowClient {
  const started = performance.now();
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.writable) socket.write(trickle[sent++ % trickle.length]!);
  }, everyMs);
  socket.on('connect', () => socket.write(head));
  socket.on('data', (d) => (answer += d.toString()));
  socket.on('error', () => {}); // a reset is one way of being cut
  const closed = new Promise<{ ms: number; answer: string }>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ ms: performance.now() - started, answer });
    }),
  );
  return {
    closed,
    stop() {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

/** Every client's outcome, or 'still open' if one of them is not closed within `withinMs`. */
export async function allClosed(clients: SlowClient[], withinMs: number): Promise<{ ms: number; answer: string }[] | 'still open'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still open'>((r) => (timer = setTimeout(() => r('still open'), withinMs)));
  try {
    return await Promise.race([Promise.all(clients.map((c) => c.closed)), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether a cut connection was answered as the server should: nothing at all (closed), or a 408
 * whose body is a GraphQL error with a stable code.
 */
export function cutCleanly(answer: string): boolean {
  if (answer === '') return true;
  const at = answer.indexOf('\r\n\r\n');
  if (at < 0 || !answer.startsWith('HTTP/1.1 408 ')) return false;
  try {
    return JSON.parse(answer.slice(at + 4)).errors?.[0]?.extensions?.code === 'BAD_REQUEST';
  } catch {
    return false;
  }
}
