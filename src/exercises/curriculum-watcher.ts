import { scope } from '../cache/namespaces.js';
import type { SharedCache } from '../cache/shared-cache.js';
import type { ListSizes } from './list-sizes.js';
import type { Logger } from '../logger.js';
import type { ExercisesRepository } from './exercises.repository.js';

/**
 * Drops the cached curriculum when the curriculum changes in the database, whoever changed it
 * (a seed, an import, SQL by hand, another instance): one cheap query every `intervalMs`. Also
 * keeps the curriculum's list sizes, which operations are costed with, current.
 */
export class CurriculumWatcher {
  private last: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repo: ExercisesRepository,
    private readonly cache: SharedCache,
    private readonly logger: Logger,
    private readonly sizes: ListSizes,
  ) {}

  /** Compares with the last fingerprint; bumps the curriculum version if it moved. Returns whether it did. */
  async check(): Promise<boolean> {
    const now = await this.repo.signature();
    const changed = this.last !== undefined && now !== this.last;
    if (changed) {
      await this.cache.bump([scope.curriculum]);
      this.logger.info('curriculum changed: cached copies dropped');
    }
    if (changed || this.last === undefined) this.sizes.update(await this.repo.listSizes());
    this.last = now;
    return changed;
  }

  /** Checks every `intervalMs` from now on (the first check is the caller's, awaited at start). */
  start(intervalMs: number): void {
    const tick = () => {
      this.check()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'curriculum check failed'))
        .finally(() => {
          this.timer = setTimeout(tick, intervalMs);
          this.timer.unref();
        });
    };
    this.timer = setTimeout(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
