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

  /** Answers being computed, by the same key as `entries`. */
  private readonly computing = new Map<string, Promise<unknown>>();

  constructor(
    /**
     * The current data generation (the sum of its counters), read before the answer's own reads, which therefore
     * see data at least as new as it: in the application, the read shared by a turn's requests with the session
     * generation (src/db/generations.ts).
     */
    readonly generation: () => Promise<string>,
    maxEntries = 500,
  ) {
    this.entries = new RecentMap(maxEntries);
  }

  /**
   * The answer to `key` at the current generation: computed once, then shared, frozen: a caller that tried to change
   * it would throw rather than change it for the next reader (a Map, whose set() freezing does not stop, is handed out
   * as a copy of its frozen entries). Copying each answer instead cost more than the rest of a cached read. Callers
   * asking for an answer while it is being computed wait for that computation instead of starting their own (after
   * a write, every reader of the dashboard would otherwise compute the same answer at once).
   */
  async answer<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const full = `${await this.generation()}|${key}`;
    if (this.entries.has(full)) {
      this.hits++;
      return handedOut(this.entries.get(full) as T);
    }
    const underWay = this.computing.get(full);
    if (underWay) {
      this.hits++;
      return handedOut((await underWay) as T);
    }
    this.misses++;
    const computing = compute().then((value) => deepFreeze(value));
    this.computing.set(full, computing);
    try {
      const value = await computing;
      this.entries.set(full, value);
      return handedOut(value);
    } finally {
      this.computing.delete(full);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A kept answer as given to a caller: a Map is copied, since freezing does not stop its set(). */
function handedOut<T>(value: T): T {
  return (value instanceof Map ? new Map(value) : value) as T;
}
