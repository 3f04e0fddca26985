import type { SharedCache } from '../cache/shared-cache.js';
import { pingDatabase, type DatabaseHandle } from '../db/client.js';
import { HealthStatus, type DependencyHealth, type Health } from './health.type.js';

/** Probes never wait longer than this: health must answer even when a dependency hangs. */
export const PROBE_TIMEOUT_MS = 1_000;

export class HealthService {
  private readonly startedAt = performance.now();

  constructor(
    private readonly database: DatabaseHandle,
    private readonly cache: SharedCache,
  ) {}

  async check(): Promise<Health> {
    const [database, cache] = await Promise.all([this.probeDatabase(), this.probeCache()]);
    const status =
      database.status === HealthStatus.DOWN ? HealthStatus.DOWN : cache.status !== HealthStatus.OK ? HealthStatus.DEGRADED : HealthStatus.OK;
    return { status, uptimeSeconds: (performance.now() - this.startedAt) / 1000, database, cache };
  }

  async probeDatabase(): Promise<DependencyHealth> {
    try {
      const latencyMs = await pingDatabase(this.database.db, PROBE_TIMEOUT_MS);
      return { status: HealthStatus.OK, latencyMs, detail: this.database.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL' };
    } catch {
      // Health needs no token: say what is wrong without naming hosts or ports.
      return { status: HealthStatus.DOWN, latencyMs: null, detail: `no answer within ${PROBE_TIMEOUT_MS} ms` };
    }
  }

  /** Redis away is DEGRADED, not DOWN: the service keeps answering from memory and the database. */
  async probeCache(): Promise<DependencyHealth> {
    const h = await this.cache.health();
    return { status: h.status === 'OK' ? HealthStatus.OK : HealthStatus.DEGRADED, latencyMs: h.latencyMs, detail: h.detail };
  }
}

declare module '../context.js' {
  interface Services {
    health: HealthService;
  }
}
