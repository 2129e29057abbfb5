import { sql } from 'kysely';
import type { Store } from './store.ts';

/** The counters caches are keyed by: the data's (migration 0021) and the sessions' (migration 0025). */
export interface Generations {
  data: string;
  sessions: string;
}

/**
 * Reads both generations in one statement, once per turn of the event loop for every caller of that turn: after
 * they have all asked, so the values are at least as new as every write committed before each of them. A request
 * then waits for one shared round trip, not one per cache (under a busy pool, each round trip is a wait in its
 * queue).
 */
export class GenerationReader {
  private gathering: Promise<Generations> | null = null;

  constructor(private readonly store: Store) {}

  read(): Promise<Generations> {
    this.gathering ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.gathering = null;
      return this.readNow();
    });
    return this.gathering;
  }

  private async readNow(): Promise<Generations> {
    const { rows } = await sql<{ data: unknown; sessions: unknown }>`
      SELECT (SELECT sum(n) FROM data_generation) AS data, (SELECT sum(n) FROM session_generation) AS sessions`.execute(
      this.store.db,
    );
    const row = rows[0];
    return { data: String(row?.data ?? 'none'), sessions: String(row?.sessions ?? 'none') };
  }
}

const readers = new WeakMap<Store, GenerationReader>();

/** The store's generation reader (one per open store). */
export function generationsOf(store: Store): GenerationReader {
  let reader = readers.get(store);
  if (!reader) {
    reader = new GenerationReader(store);
    readers.set(store, reader);
  }
  return reader;
}
