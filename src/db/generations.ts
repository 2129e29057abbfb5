import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import { perStore } from './store.ts';

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

  constructor(private readonly db: () => Kysely<Database>) {}

  read(): Promise<Generations> {
    this.gathering ??= nextTurn().then(() => {
      this.gathering = null;
      return this.readNow();
    });
    return this.gathering;
  }

  private async readNow(): Promise<Generations> {
    const { rows } = await sql<{ data: unknown; sessions: unknown }>`
      SELECT (SELECT sum(n) FROM data_generation) AS data, (SELECT sum(n) FROM session_generation) AS sessions`.execute(
      this.db(),
    );
    const row = rows[0];
    return { data: String(row?.data ?? 'none'), sessions: String(row?.sessions ?? 'none') };
  }
}

/** The store's generation reader (one per open store). */
export const generationsOf = perStore((store) => new GenerationReader(() => store.db));
