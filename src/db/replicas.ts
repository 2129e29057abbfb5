import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';

/** A WAL position ("16/B374D848") as a number that orders like the log. */
export function parseLsn(text: string): bigint {
  const [hi = '0', lo = '0'] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

/** How reads were served, for /metrics and tests. */
export interface ReadRouting {
  /** Reads served by a replica that had replayed this process's last commit. */
  replica: number;
  /** Reads sent to the primary because no replica caught up within the wait (or none answered). */
  primary: number;
}

/**
 * A pool whose connections may be dropped by the server (a restart, a failover, an administrator) without bringing
 * the process down: the error is dropped with the connection, and the next checkout connects anew.
 */
export function quietPool(url: string, max: number, onLost: () => void = () => undefined): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle connection whose server went away must not bring the process down; the next checkout reconnects.
  pool.on('error', onLost);
  // Nor may one that is checked out between two queries.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

async function isPrimary(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    return rows[0]?.standby === false;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The write pool. It connects to the first candidate (DATABASE_URL, then each DATABASE_READ_URLS entry) that is a
 * primary, checks every new connection is still to a primary, and when the primary is gone or has become a standby
 * it finds the one promoted in its place: after a failover the application carries on without a restart.
 */
export class PrimaryPool implements PostgresPool {
  private current: pg.Pool;
  private currentUrl: string;
  private readonly verified = new WeakSet<object>();
  private switching: Promise<void> | null = null;
  private ended = false;

  constructor(
    private readonly candidates: string[],
    private readonly max: number,
  ) {
    this.currentUrl = candidates[0] as string;
    this.current = this.open(this.currentUrl);
  }

  private open(url: string): pg.Pool {
    // When the server drops the pool's idle connections (it stopped, or was fenced for a failover), look for the
    // primary at once rather than on the next request.
    const pool: pg.Pool = quietPool(url, this.max, () => {
      if (this.candidates.length > 1 && !this.ended) this.findPrimary(pool).catch(() => undefined);
    });
    return pool;
  }

  get url(): string {
    return this.currentUrl;
  }

  get pool(): pg.Pool {
    return this.current;
  }

  async connect(): Promise<PostgresPoolClient & pg.PoolClient> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const pool = this.current;
      try {
        const client = await pool.connect();
        if (!this.verified.has(client)) {
          const { rows } = await client
            .query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby')
            .catch((error: unknown) => {
              client.release(true);
              throw error;
            });
          if (rows[0]?.standby !== false) {
            client.release(true);
            throw new Error(`${this.currentUrl} is a standby, not the primary`);
          }
          this.verified.add(client);
        }
        return client;
      } catch (error) {
        lastError = error;
        if (this.candidates.length < 2 || this.ended) break;
        await this.findPrimary(pool);
        // A promotion takes a moment: do not spin through the attempts while it completes.
        if (this.current === pool) await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
      }
    }
    throw lastError;
  }

  private findPrimary(failed: pg.Pool): Promise<void> {
    if (this.current !== failed) return Promise.resolve();
    this.switching ??= (async () => {
      for (const url of this.candidates) {
        if (await isPrimary(url)) {
          if (url !== this.currentUrl || this.current === failed) {
            this.current = this.open(url);
            this.currentUrl = url;
            failed.end().catch(() => undefined);
          }
          return;
        }
      }
    })().finally(() => {
      this.switching = null;
    });
    return this.switching;
  }

  async end(): Promise<void> {
    this.ended = true;
    await this.current.end();
  }
}

/**
 * The read pool for analytics and documents: replicas in turn, each used only once it has replayed this
 * process's latest commit (read-your-writes: a user who just saved sees the figure). A replica that is behind is
 * waited for up to `waitMs`, then the read goes to the primary.
 */
export class ReplicaPool implements PostgresPool {
  private readonly pools: pg.Pool[];
  private readonly replayed: bigint[];
  private next = 0;
  private needed = 0n;
  readonly routing: ReadRouting = { replica: 0, primary: 0 };

  constructor(
    urls: string[],
    private readonly primary: PrimaryPool,
    private readonly waitMs: number,
    max: number,
  ) {
    this.pools = urls.map((url) => quietPool(url, max));
    this.replayed = urls.map(() => 0n);
  }

  /** Records a commit's WAL position: later reads wait for a replica to have replayed it. */
  noteCommit(lsn: string): void {
    const value = parseLsn(lsn);
    if (value > this.needed) this.needed = value;
  }

  async connect(): Promise<PostgresPoolClient> {
    const need = this.needed;
    for (let tried = 0; tried < this.pools.length; tried++) {
      const i = this.next++ % this.pools.length;
      const pool = this.pools[i] as pg.Pool;
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch {
        continue;
      }
      try {
        const deadline = Date.now() + this.waitMs;
        let fresh = (this.replayed[i] as bigint) >= need;
        while (!fresh) {
          const { rows } = await client.query<{ lsn: string | null; standby: boolean }>(
            'SELECT pg_last_wal_replay_lsn()::text AS lsn, pg_is_in_recovery() AS standby',
          );
          const row = rows[0];
          // A promoted replica replays nothing any more and has every commit it acknowledged.
          if (row && !row.standby) {
            fresh = true;
            break;
          }
          this.replayed[i] = row?.lsn ? parseLsn(row.lsn) : 0n;
          fresh = (this.replayed[i] as bigint) >= need;
          if (fresh || Date.now() >= deadline) break;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        if (fresh) {
          this.routing.replica++;
          return client;
        }
        client.release();
      } catch {
        client.release(true);
      }
    }
    this.routing.primary++;
    return this.primary.connect();
  }

  async end(): Promise<void> {
    await Promise.all(this.pools.map((p) => p.end()));
  }
}
