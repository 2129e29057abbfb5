import { generationsOf } from '../db/generations.ts';
import { perStore, type Store } from '../db/store.ts';
import { RecentMap } from '../shared/recent-map.ts';

/**
 * Sessions as last read from the database, each kept under the session generation it was read at (migration 0025):
 * every change to a session or an account moves that generation on in its own transaction, so a kept session is
 * used only while the generation read for the request is the one it was kept under — a sign-out, a disabled
 * account or a lowered clearance committed by any process is seen by the next request. The generation is read with
 * the data generation, once per turn of the event loop for all the requests of that turn (src/db/generations.ts),
 * from the primary: one round trip shared by them instead of one each.
 */
export class SessionCache<Row> {
  private readonly kept: RecentMap<string, { generation: string; row: Row }>;

  constructor(
    private readonly store: Store,
    capacity = 10_000,
  ) {
    this.kept = new RecentMap(capacity);
  }

  generation(): Promise<string> {
    return generationsOf(this.store)
      .read()
      .then((g) => g.sessions);
  }

  /** The row kept for a token under exactly this generation, if any. */
  get(tokenHash: string, generation: string): Row | undefined {
    const entry = this.kept.get(tokenHash);
    return entry && entry.generation === generation ? entry.row : undefined;
  }

  /** Keeps a row read after `generation` was: it is at least that new, and is read again once the generation moves. */
  set(tokenHash: string, generation: string, row: Row): void {
    this.kept.set(tokenHash, { generation, row });
  }

  forget(tokenHash: string): void {
    this.kept.delete(tokenHash);
  }
}

const caches = perStore((store) => new SessionCache<unknown>(store));

/** The store's session cache (one per open store, so per process and database). */
export function sessionCacheOf<Row>(store: Store): SessionCache<Row> {
  return caches(store) as SessionCache<Row>;
}
