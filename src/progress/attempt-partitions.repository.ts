import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
export const partitionName = (month: Date) => `attempts_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * The monthly partitions of `attempts` (see the 0003 migration). A month's partition is made
 * before its first attempt arrives; rows that landed in the default partition meanwhile are moved
 * into the new one in the same transaction, so it can always be attached.
 */
export class AttemptPartitionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async existing(): Promise<string[]> {
    const rows = await sql<{ name: string }>`
      select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent
      where p.relname = 'attempts' and c.relname <> 'attempts_default'
      order by 1`.execute(this.db);
    return rows.rows.map((r) => r.name);
  }

  /** Makes sure every month from `from` to `to` (inclusive) has its partition; returns those created. */
  async ensureMonths(from: Date, to: Date): Promise<string[]> {
    const have = new Set(await this.existing());
    const created: string[] = [];
    for (let m = monthStart(from); m <= monthStart(to); m = addMonths(m, 1)) {
      const name = partitionName(m);
      if (have.has(name)) continue;
      try {
        await this.create(name, m, addMonths(m, 1));
        created.push(name);
      } catch (error) {
        // Another instance made it in the meantime: fine.
        if ((error as { code?: string }).code !== '42P07' && !(await this.existing()).includes(name)) throw error;
      }
    }
    return created;
  }

  private async create(name: string, from: Date, to: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql.raw(`create table ${name} (like attempts including defaults including constraints)`).execute(trx);
      await sql`with moved as (delete from attempts_default where created_at >= ${from} and created_at < ${to} returning *)
                insert into ${sql.table(name)} select * from moved`.execute(trx);
      await sql.raw(`alter table attempts attach partition ${name} for values from ('${from.toISOString()}') to ('${to.toISOString()}')`).execute(trx);
    });
  }
}

/** Keeps partitions ready for this month and the next three; checked at start and every 6 hours. */
export class AttemptPartitionMaintainer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repo: AttemptPartitionsRepository,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  async run(): Promise<string[]> {
    const now = this.now();
    const created = await this.repo.ensureMonths(now, addMonths(now, 3));
    if (created.length > 0) this.logger.info({ created }, 'attempt partitions created');
    return created;
  }

  start(intervalMs = 6 * 3_600_000): void {
    this.timer = setInterval(() => this.run().catch((error: unknown) => this.logger.warn({ err: error }, 'attempt partition maintenance failed')), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
