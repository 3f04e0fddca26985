import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { SharedCache } from './shared-cache.js';

/** The PostgreSQL channel invalidations travel on (also sent by the database's own triggers). */
export const INVALIDATION_CHANNEL = 'reved_invalidate';

const message = z.object({ from: z.string().optional(), scopes: z.array(z.string().max(100)).min(1).max(100) });

/**
 * Invalidations Redis did not take go through PostgreSQL: the instance NOTIFYs the scopes, every
 * other one LISTENs and applies them (SharedCache.applyBroadcast). The database sends the same
 * when an account is deleted or its tokens revoked (migration 2026-12-07T0001).
 */
export class InvalidationBus {
  private readonly id = randomUUID();
  private stop: (() => Promise<void>) | undefined;

  constructor(
    private readonly database: Pick<DatabaseHandle, 'notify' | 'listen'>,
    private readonly cache: SharedCache,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.stop = await this.database.listen(INVALIDATION_CHANNEL, (payload) => void this.received(payload), () => void this.cache.missedBroadcasts());
    this.cache.onUndelivered((scopes) => void this.publish(scopes));
  }

  async publish(scopes: readonly string[]): Promise<void> {
    try {
      await this.database.notify(INVALIDATION_CHANNEL, JSON.stringify({ from: this.id, scopes }));
    } catch (error) {
      // The write this follows went to the same database: it is most likely down too.
      this.logger.warn({ err: error, scopes }, 'cache: an invalidation reached neither Redis nor PostgreSQL');
    }
  }

  private async received(payload: string): Promise<void> {
    let parsed: z.infer<typeof message>;
    try {
      parsed = message.parse(JSON.parse(payload));
    } catch {
      this.logger.warn({ payload: payload.slice(0, 200) }, 'cache: ignored a malformed invalidation');
      return;
    }
    if (parsed.from === this.id) return;
    await this.cache.applyBroadcast(parsed.scopes);
  }

  async close(): Promise<void> {
    await this.stop?.();
  }
}
