import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { deepFreeze } from '../shared/freeze.ts';
import { RecentMap } from '../shared/recent-map.ts';

/**
 * Answers of the analytics engine, kept while the data they were computed from is unchanged: each is keyed by the
 * question and the data generation (counters moved on by triggers in the same transaction as every write of
 * figures, report statuses, drafts, secrecy decisions, units, tasks and meetings; migration 0021), read from the
 * database the engine reads on every question, so a write committed by any process is seen by the next read. The
 * answers are the engine's, below the read gate: every request is still judged (scope, secrecy, audit) for its
 * reader. Bounded: least recently used answers go first beyond `maxEntries`.
 */
export class AnswerCache {
  private readonly entries: RecentMap<string, unknown>;
  hits = 0;
  misses = 0;

  constructor(
    private readonly db: () => Kysely<Database>,
    maxEntries = 500,
  ) {
    this.entries = new RecentMap(maxEntries);
  }

  /**
   * The current data generation as the engine's database sees it: the sum of its counters (one row on SQLite, one
   * per slot on PostgreSQL). Read before the answer's own reads, which therefore see data at least as new as it.
   */
  async generation(): Promise<string> {
    const row = await this.db()
      .selectFrom('data_generation')
      .select((eb) => eb.fn.sum<string | number | bigint>('n').as('n'))
      .executeTakeFirst();
    return String(row?.n ?? 'none');
  }

  /**
   * The answer to `key` at the current generation: computed once, then shared, frozen: a caller that tried to change
   * it would throw rather than change it for the next reader (a Map, whose set() freezing does not stop, is handed out
   * as a copy of its frozen entries). Copying each answer instead cost more than the rest of a cached read.
   */
  async answer<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const full = `${await this.generation()}|${key}`;
    if (this.entries.has(full)) {
      const found = this.entries.get(full) as T;
      this.hits++;
      return (found instanceof Map ? new Map(found) : found) as T;
    }
    this.misses++;
    const value = deepFreeze(await compute());
    this.entries.set(full, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
