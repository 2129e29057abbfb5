import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

/** The tables whose rows are split by the year of their period on PostgreSQL (migration 0014). */
export const YEAR_PARTITIONED = ['data_value', 'data_value_history'] as const;

/** The year a stored period belongs to: every period id begins with it ("2026-11", "2026-02-05", "2026-Q1"). */
export function periodYear(period: string): number {
  const year = /^(\d{4})/.exec(period)?.[1];
  if (!year) throw new Error(`period "${period}" does not begin with a year`);
  return Number(year);
}

/** The years each store is known to have partitions for, so that a write checks at most once per year. */
const known = new WeakMap<object, Set<number>>();

/**
 * Makes sure the figures' tables have a partition for each year (PostgreSQL; nothing to do on SQLite). A partition
 * is created once per year, in its own short statement before the write that needs it, never inside a figures'
 * transaction; `createYearsAhead` makes the coming years' in advance so that January's first save creates nothing.
 */
export async function ensureYearPartitions(store: Store, years: Iterable<number>): Promise<void> {
  if (store.dialect !== 'postgres') return;
  let done = known.get(store);
  if (!done) {
    done = new Set();
    known.set(store, done);
  }
  for (const year of years) {
    if (done.has(year)) continue;
    await createYearPartition(store.db, year);
    done.add(year);
  }
}

/** Partitions for this year and the next `ahead` years (PostgreSQL), e.g. when the server starts. */
export async function createYearsAhead(store: Store, thisYear: number, ahead = 2): Promise<void> {
  await ensureYearPartitions(
    store,
    Array.from({ length: ahead + 1 }, (_, i) => thisYear + i),
  );
}

async function createYearPartition(db: Kysely<Database>, year: number): Promise<void> {
  if (!Number.isInteger(year) || year < 1000 || year > 9998) throw new Error(`no partition for year ${year}`);
  for (const table of YEAR_PARTITIONED) {
    try {
      // Periods are text that begins with the year, so the year's range is ['2026', '2027').
      await sql
        .raw(
          `CREATE TABLE IF NOT EXISTS ${table}_y${year} PARTITION OF ${table} FOR VALUES FROM ('${year}') TO ('${year + 1}')`,
        )
        .execute(db);
    } catch (error) {
      // Another process created it at the same moment: what was wanted exists.
      const code = (error as { code?: string }).code;
      if (code !== '42P07' && code !== '23505') throw error;
    }
  }
}
