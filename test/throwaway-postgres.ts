import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { testConfig } from './config.js';
import { freePort } from './free-port.js';
import { seed } from '../db/seeds/seed.js';

/** Where initdb and pg_ctl are (PG_BIN overrides); fault tests skip only when they are absent. */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const hasPostgresBinaries = existsSync(path.join(PG_BIN, 'initdb')) && existsSync(path.join(PG_BIN, 'pg_ctl'));

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` account. */
const asRoot = process.getuid?.() === 0;

function run(binary: string, args: string[]): string {
  const file = path.join(PG_BIN, binary);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A PostgreSQL server of the test's own (initdb into a temp dir, trust auth, TCP on a free port,
 * no Unix socket) that the test may stop, hang and start again on the same port. Never the shared
 * server on 5432.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<ThrowawayPostgres> {
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'reved-pg-'));
    if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    const data = path.join(dir, 'data');
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // fsync off: the machine does not crash in these tests, only the server stops.
    appendFileSync(
      path.join(data, 'postgresql.conf'),
      `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nfsync = off\nfull_page_writes = off\nmax_connections = 40\n`,
    );
    const server = new ThrowawayPostgres(port, dir);
    await server.up();
    return server;
  }

  /** The server's own `postgres` database. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get data(): string {
    return path.join(this.dir, 'data');
  }

  async up(): Promise<void> {
    run('pg_ctl', ['start', '-D', this.data, '-w', '-t', '30', '-l', path.join(this.dir, 'server.log')]);
  }

  /**
   * Stops the server. `immediate` is a crash as far as clients are concerned (connections cut,
   * crash recovery on the next start); `fast` rolls back open transactions and says goodbye.
   */
  async down(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    run('pg_ctl', ['stop', '-D', this.data, '-w', '-t', '30', '-m', mode]);
  }

  /** Freezes every server process (SIGSTOP): sockets stay open, nothing answers. */
  pause(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGSTOP');
  }

  resume(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGCONT');
  }

  /** Creates a database, migrates it and seeds the curriculum and `students` demo students. */
  async createSeededDatabase(name: string, students = 200): Promise<string> {
    const admin = new pg.Pool({ connectionString: this.url, max: 1 });
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = this.url.replace(/\/postgres$/, `/${name}`);
    const handle = await createDatabase({ ...testConfig().database, url, poolSize: 2 });
    try {
      await migrateToLatest(handle.db);
      await seed(handle.db, { students, history: false, accounts: true, production: false });
    } finally {
      await handle.close();
    }
    return url;
  }

  async stop(): Promise<void> {
    try {
      this.resume();
      run('pg_ctl', ['stop', '-D', this.data, '-w', '-t', '30', '-m', 'immediate']);
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The postmaster and its children (backends, checkpointer, walwriter...). */
  private pids(): number[] {
    const pidFile = path.join(this.data, 'postmaster.pid');
    if (!existsSync(pidFile)) return [];
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  }
}
