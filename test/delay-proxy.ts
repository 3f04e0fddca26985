import net from 'node:net';

/**
 * A TCP proxy in front of a Redis that can hold back the replies on the connections of one client
 * name (CLIENT SETNAME, sent by node-redis when it connects), while every other connection goes
 * straight through: Redis answering, one connection's replies late, as on a server whose own
 * backlog delays what it reads from one socket.
 */
export class DelayProxy {
  private readonly links = new Set<Link>();
  private delayMs = 0;
  private slowName = '';
  /** Cut: every connection dropped, new ones closed at once (the network between one instance and Redis gone). */
  private isCut = false;

  private constructor(private readonly server: net.Server) {}

  static async start(target: { host: string; port: number }): Promise<DelayProxy> {
    const server = net.createServer();
    const proxy = new DelayProxy(server);
    server.on('connection', (client) => {
      if (proxy.isCut) {
        client.destroy();
        return;
      }
      const upstream = net.connect(target.port, target.host);
      const link = new Link(client, upstream, proxy);
      proxy.links.add(link);
      const drop = () => {
        proxy.links.delete(link);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', drop).on('error', drop);
      upstream.on('close', drop).on('error', drop);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `redis://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** Replies to connections named `name` are held `ms` each (Infinity: until `fast`). */
  slow(name: string, ms: number): void {
    this.slowName = name;
    this.delayMs = ms;
  }

  /** Replies go straight through again; held ones are delivered now, in order. */
  fast(): void {
    this.delayMs = 0;
    for (const link of this.links) link.release();
  }

  /** Drops every connection through this proxy and refuses new ones until `restore`. */
  cut(): void {
    this.isCut = true;
    for (const link of this.links) link.destroy();
    this.links.clear();
  }

  restore(): void {
    this.isCut = false;
  }

  delayFor(name: string | undefined): number {
    return name !== undefined && name === this.slowName ? this.delayMs : 0;
  }

  async close(): Promise<void> {
    for (const link of this.links) link.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

class Link {
  private name: string | undefined;
  private sent = '';
  private readonly held: { chunk: Buffer; timer?: NodeJS.Timeout }[] = [];

  constructor(
    private readonly client: net.Socket,
    private readonly upstream: net.Socket,
    private readonly proxy: DelayProxy,
  ) {
    client.on('data', (chunk) => {
      if (this.name === undefined && this.sent.length < 4_096) {
        // The name is the bulk string after SETNAME (in HELLO or CLIENT SETNAME).
        this.sent += chunk.toString('latin1');
        this.name = /SETNAME\r\n\$\d+\r\n([^\r]*)\r\n/i.exec(this.sent)?.[1];
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => this.reply(chunk));
  }

  private reply(chunk: Buffer): void {
    const ms = this.proxy.delayFor(this.name);
    if (ms === 0 && this.held.length === 0) {
      this.client.write(chunk);
      return;
    }
    const entry: { chunk: Buffer; timer?: NodeJS.Timeout } = { chunk };
    this.held.push(entry);
    if (Number.isFinite(ms)) entry.timer = setTimeout(() => this.flushUpTo(entry), ms);
  }

  /** Delivers held replies in order, up to and including `entry`. */
  private flushUpTo(entry: { chunk: Buffer }): void {
    while (this.held.length > 0) {
      const next = this.held.shift()!;
      clearTimeout(next.timer);
      this.client.write(next.chunk);
      if (next === entry) return;
    }
  }

  release(): void {
    const last = this.held.at(-1);
    if (last) this.flushUpTo(last);
  }

  destroy(): void {
    for (const h of this.held) clearTimeout(h.timer);
    this.client.destroy();
    this.upstream.destroy();
  }
}
