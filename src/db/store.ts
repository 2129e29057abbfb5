import { closeSync, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, type SqliteDatabase, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { RecentMap } from '../shared/recent-map.ts';
import { noteWaits } from '../shared/waits.ts';
import { type Checkpointer, type CheckpointStats, startCheckpointer } from './checkpointer.ts';
import { copyIn } from './copy.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { PrimaryPool, quietPool, type ReadRouting, ReplicaPool } from './replicas.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * One open database. Writes go through `write()`, which serialises them in SQLite (a single connection shared
 * by Kysely and the bulk paths must never interleave two transactions) and uses a pooled transaction in PostgreSQL.
 */
export interface Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  /**
   * Where analytics and document reads go: PostgreSQL streaming replicas when DATABASE_READ_URLS lists some (each
   * used once it has replayed this process's latest commit), otherwise the same database as `db`.
   */
  readonly readDb: Kysely<Database>;
  /** How reads through `readDb` were served; null without replicas. */
  readonly readRouting: ReadRouting | null;
  /** The raw SQLite handle, for the bulk paths that prepared statements make fast. */
  readonly sqlite: BetterSqlite3.Database | null;
  /** The raw PostgreSQL pool, for bulk paths. */
  readonly pool: pg.Pool | null;
  readonly url: string;
  /** Runs `fn` in a transaction and resolves once it is committed and (SQLite) on disk. */
  write<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` holding the write lock, without opening a Kysely transaction (the bulk paths open their own); resolves
   * once what it committed is on disk. On SQLite `fn` runs inside the shared transaction of a group commit, which
   * holds Kysely's one connection: it works through the raw handle and must not wait on `db`.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Resolves once every commit made so far is on disk. `write` and `exclusive` already wait for it; this is for
   * writes made another way (the server waits for it before answering any request that may have written).
   * PostgreSQL's commits are durable when they return (synchronous_commit), so there it resolves at once.
   */
  durable(): Promise<void>;
  /** SQLite: how many times the log was flushed to disk so far (each flush covers every commit before it). */
  readonly flushes: number;
  /** SQLite: how many shared write transactions (group commits) were committed so far. */
  readonly transactions: number;
  /** SQLite (a file): the checkpoints the worker thread has done; null otherwise. */
  readonly checkpoints: CheckpointStats | null;
  /**
   * PostgreSQL: a write transaction on one connection that can also stream rows in with COPY (bulk imports); null
   * on SQLite, whose bulk path uses prepared statements instead.
   */
  readonly writeWithCopy: (<T>(fn: (trx: Kysely<Database>, copy: CopyIn) => Promise<T>) => Promise<T>) | null;
  /**
   * PostgreSQL: a write transaction on one connection whose last statements go to the server with its COMMIT, in one
   * round trip (see `AtCommit`); null on SQLite, whose writers are one at a time and need none.
   */
  readonly writeAtCommit:
    | (<T>(fn: (trx: Kysely<Database>, atCommit: AtCommit) => Promise<T>) => Promise<T>)
    | null;
  close(): Promise<void>;
}

/**
 * A function that gives each open store one value of its own, made by `make` at the first call: state kept per
 * process and database (a queue of writes, a cache), dropped with the store.
 */
export function perStore<T>(make: (store: Store) => T): (store: Store) => T {
  const made = new WeakMap<Store, T>();
  return (store) => {
    let value = made.get(store);
    if (value === undefined) {
      value = make(store);
      made.set(store, value);
    }
    return value;
  };
}

/**
 * Sends a statement, whose values are written into its text (see `jsonLiteral`), with the transaction's COMMIT; resolves
 * with its rows once committed. Rows that every writer changes (the national roll-ups, the head of the audit chain)
 * are locked from the statement that changes them until the commit: sent together, the lock lasts while the server
 * runs them, not also the round trips and the application's turns in between, which under load are most of it.
 */
export type AtCommit = (statement: string) => Promise<Array<Record<string, unknown>>>;

/** A value as a SQL literal of its JSON text, for statements sent with a COMMIT (which carry no parameters). */
export function jsonLiteral(value: unknown): string {
  return pg.escapeLiteral(JSON.stringify(value));
}

// pg returns BIGINT (int8) and NUMERIC as strings; counts and sums in this schema fit a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Streams rows, in COPY's text format, into `COPY … FROM STDIN`; resolves with the number of rows copied. */
export type CopyIn = (statement: string, data: Iterable<string>) => Promise<number>;

/**
 * A transaction on one pooled connection, seen through Kysely and through COPY at once. `after` runs on the same
 * connection once the transaction has committed.
 */
function copyWriter(
  connect: () => Promise<pg.PoolClient>,
  after?: (db: Kysely<Database>) => Promise<void>,
): NonNullable<Store['writeWithCopy']> {
  return async (fn) => {
    const client = await connect();
    try {
      const single = new Kysely<Database>({
        dialect: new PostgresDialect({
          pool: {
            connect: async () => ({
              query: client.query.bind(client) as pg.PoolClient['query'],
              release: () => undefined,
            }),
            end: async () => undefined,
          },
        }),
      });
      const result = await single
        .transaction()
        .execute((trx) => fn(trx, (statement, data) => copyIn(client, statement, data)));
      await after?.(single);
      return result;
    } finally {
      client.release();
    }
  };
}

/**
 * `Store.writeAtCommit` on connections from `connect`. The transaction begins with the first statement `fn` sends, or
 * with the statements sent at commit when it sends none. `afterCommit` (a statement outside the transaction) goes in
 * the same round trip, its rows to `committed`.
 */
function atCommitWriter(
  connect: () => Promise<pg.PoolClient>,
  afterCommit?: { statement: string; committed: (rows: Array<Record<string, unknown>>) => void },
): NonNullable<Store['writeAtCommit']> {
  return async (fn) => {
    const client = await connect();
    const late: Array<{
      statement: string;
      resolve: (rows: Array<Record<string, unknown>>) => void;
      reject: (error: unknown) => void;
    }> = [];
    let begun = false;
    let open = false;
    let broken: Error | undefined;
    try {
      const single = new Kysely<Database>({
        dialect: new PostgresDialect({
          pool: {
            connect: async () => ({
              query: (async (text: string, values: unknown[]) => {
                if (begun) return client.query(text, values);
                begun = true;
                open = true;
                if (values.length > 0) {
                  await client.query('BEGIN');
                  return client.query(text, values);
                }
                // A first statement without parameters goes with the BEGIN, in one round trip.
                const answers = (await client.query(`BEGIN;\n${text}`)) as unknown as pg.QueryResult[];
                return answers[answers.length - 1];
              }) as unknown as pg.PoolClient['query'],
              release: () => undefined,
            }),
            end: async () => undefined,
          },
        }),
      });
      const atCommit: AtCommit = (statement) => {
        const rows = new Promise<Array<Record<string, unknown>>>((resolve, reject) =>
          late.push({ statement, resolve, reject }),
        );
        // Rejected with the write itself, which its caller hears of.
        rows.catch(() => undefined);
        return rows;
      };
      const result = await fn(single, atCommit);
      const statements = [
        ...(begun ? [] : ['BEGIN']),
        ...late.map((l) => l.statement),
        'COMMIT',
        ...(afterCommit ? [afterCommit.statement] : []),
      ];
      open = true;
      const answers = (await client.query(statements.join(';\n'))) as unknown as
        | pg.QueryResult
        | pg.QueryResult[];
      open = false;
      const results = Array.isArray(answers) ? answers : [answers];
      const offset = begun ? 0 : 1;
      late.forEach((l, i) => {
        l.resolve((results[offset + i]?.rows ?? []) as Array<Record<string, unknown>>);
      });
      afterCommit?.committed((results[results.length - 1]?.rows ?? []) as Array<Record<string, unknown>>);
      return result;
    } catch (error) {
      for (const l of late) l.reject(error);
      if (open)
        await client.query('ROLLBACK').catch((rollbackFailed: unknown) => {
          broken = rollbackFailed instanceof Error ? rollbackFailed : new Error(String(rollbackFailed));
        });
      throw error;
    } finally {
      // A connection that could not roll back is closed rather than handed to the next writer.
      client.release(broken);
    }
  };
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Makes SQLite's commits durable without stopping the event loop. The connection runs with synchronous = NORMAL,
 * so a COMMIT writes its pages to the write-ahead log (the -wal file) without waiting for the disk; before a write
 * is acknowledged, the log file is flushed (fdatasync) on libuv's thread pool, and a commit is acknowledged only by
 * a flush that began after it. With synchronous = FULL SQLite would flush inside every COMMIT, on the one thread
 * that serves every request (2–3 ms each on an ordinary disk): the same guarantee, at one flush per commit and with
 * all requests stopped meanwhile. A commit waits for a flush that began after it: one already under way that began
 * after it, or else a new one started at once, beside any under way (which began too early to cover it), so that no
 * commit waits for two flushes one after the other. The commits that arrive meanwhile share it.
 */
class LogFlusher {
  flushes = 0;
  private flushedThrough = -1;
  /** Flushes under way, each with the commit position it covers. */
  private readonly underWay = new Set<{ through: number; done: Promise<void> }>();
  /** The file flushed last, kept open: opening and closing it cost two more trips to the thread pool a flush, each
   * waiting for a turn of a busy event loop. Its inode number cannot be taken by another file while it is open. */
  private held: { path: string; ino: number; handle: FileHandle } | null = null;
  private opening: Promise<FileHandle> | null = null;
  constructor(
    private readonly files: { log: string; main: string },
    /** Rises with every commit: rows changed on the connection plus the shared transactions committed (all the
     * writes of one share its position, and so one flush). */
    private readonly position: () => number,
  ) {}

  async flush(): Promise<void> {
    const target = this.position();
    if (this.flushedThrough >= target) return;
    for (const flush of this.underWay) if (flush.through >= target) return flush.done;
    const flush = {
      through: target,
      done: this.currentFile()
        .then((handle) => handle.datasync())
        .then(() => {
          this.flushes++;
          this.flushedThrough = Math.max(this.flushedThrough, target);
        })
        .finally(() => this.underWay.delete(flush)),
    };
    this.underWay.add(flush);
    return flush.done;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.underWay].map((f) => f.done));
    await this.opening?.catch(() => undefined);
    const held = this.held;
    this.held = null;
    await held?.handle.close();
  }

  /** The log, or without one (another journal mode) the database file, which the commit then went to. SQLite
   * recreates the log when the database is reopened or restored: a new file at the path is opened anew (a handle
   * closes once the operations under way on it are done). */
  private currentFile(): Promise<FileHandle> {
    const log = statSync(this.files.log, { throwIfNoEntry: false });
    const path = log ? this.files.log : this.files.main;
    const ino = log ? log.ino : statSync(path).ino;
    if (this.held?.path === path && this.held.ino === ino) return Promise.resolve(this.held.handle);
    this.opening ??= (async () => {
      const old = this.held;
      this.held = null;
      await old?.handle.close();
      const handle = await open(path, 'r');
      // The inode opened, not the one looked at: the file may have been replaced in between.
      this.held = { path, ino: (await handle.stat()).ino, handle };
      return handle;
    })().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }
}

interface BatchedWrite {
  fn: (conn: Kysely<Database>) => Promise<unknown>;
  result: Promise<unknown>;
  settle: (outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void;
  /** When it began and ended inside its batch (performance.now()). */
  started: number;
  done: number;
}

/** The shared transaction ended without committing: what a write in it did is not in the database. */
export class WriteBatchAborted extends Error {
  constructor(cause: unknown) {
    super(
      `the shared write transaction was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'WriteBatchAborted';
  }
}

/**
 * SQLite's group commit: writes asked for in the same turn of the event loop (and while a batch runs) share one
 * transaction, each in a SAVEPOINT of its own, so that a write that fails rolls back only itself and its neighbours
 * commit. Each is answered only after the shared COMMIT. One COMMIT writes a page the batch's writes share (the
 * audit chain's last page, a province's roll-ups, an index's inner pages) once, not once per write. Bulk paths that
 * open their own better-sqlite3 transaction get a savepoint inside the shared one. An error that ends the whole
 * transaction (SQLite rolls it back itself, e.g. a full disk) fails every write of the batch with WriteBatchAborted.
 */
class WriteBatches {
  private readonly queue: BatchedWrite[] = [];
  private scheduled = false;
  /** Shared transactions committed so far. */
  committed = 0;
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly db: Kysely<Database>,
    private readonly mutex: Mutex,
    private readonly maxBatch = 64,
  ) {}

  add<T>(fn: (conn: Kysely<Database>) => Promise<T>): BatchedWrite & { result: Promise<T> } {
    let settle: BatchedWrite['settle'] = () => undefined;
    const result = new Promise<unknown>((resolve, reject) => {
      settle = (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error));
    });
    const item = { fn, result, settle, started: 0, done: 0 };
    this.queue.push(item);
    this.schedule();
    return item as BatchedWrite & { result: Promise<T> };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.mutex.run(() => this.runBatch());
    });
  }

  private async runBatch(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0) this.schedule();
    if (batch.length === 0) return;
    const sqlite = this.sqlite;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.db.connection().execute(async (conn) => {
        sqlite.exec('BEGIN IMMEDIATE');
        for (const item of batch) {
          item.started = performance.now();
          sqlite.exec('SAVEPOINT batched_write');
          try {
            const value = await item.fn(conn);
            sqlite.exec('RELEASE batched_write');
            outcomes.push({ ok: true, value });
          } catch (error) {
            if (!sqlite.inTransaction) throw new WriteBatchAborted(error);
            sqlite.exec('ROLLBACK TO batched_write');
            sqlite.exec('RELEASE batched_write');
            outcomes.push({ ok: false, error });
          } finally {
            item.done = performance.now();
          }
        }
        sqlite.exec('COMMIT');
      });
      this.committed++;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      const aborted = error instanceof WriteBatchAborted ? error : new WriteBatchAborted(error);
      for (const item of batch) item.settle({ ok: false, error: aborted });
      return;
    }
    batch.forEach((item, i) => {
      item.settle(outcomes[i] ?? { ok: false, error: new Error('the write did not run') });
    });
  }
}

/** Flushes a directory, so that a file just created in it (the write-ahead log) survives a power loss. */
function flushDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function parseDatabaseUrl(url: string): { dialect: Dialect; target: string } {
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', target: url.slice('sqlite:'.length) };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    return { dialect: 'postgres', target: url };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

export interface StoreOptions {
  /** PostgreSQL streaming replicas for analytics and document reads, also the candidates to fail over to. */
  readUrls?: readonly string[];
  /** How long a read waits for a replica to replay the latest commit before going to the primary. */
  readWaitMs?: number;
  /** SQLite: the log's length in pages from which the checkpoint worker restarts it (8,192 = 32 MB by default). */
  checkpointRestartPages?: number;
}

/**
 * The SQLite handle as Kysely sees it, with its compiled statements kept by their SQL text: Kysely prepares every
 * query anew, and compiling the statement cost about as much as running it for the small reads of a request.
 * Bounded (least recently used out first), since lists of ids make statements of many lengths. Nothing here streams
 * a query, which would hold a kept statement busy.
 */
function keepingStatements(sqlite: BetterSqlite3.Database, max = 2000): SqliteDatabase {
  const statements = new RecentMap<string, BetterSqlite3.Statement>(max);
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const { dialect, target } = parseDatabaseUrl(url);
  const mutex = new Mutex();
  if (dialect === 'sqlite') {
    if (target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
    const sqlite = new BetterSqlite3(target);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL: COMMIT does not wait for the disk; LogFlusher makes each commit durable before it is acknowledged.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -200000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) });
    const inMemory = target === ':memory:' || target === '';
    const changes = sqlite.prepare('SELECT total_changes()').pluck();
    const flusher = inMemory
      ? null
      : new LogFlusher(
          { log: `${target}-wal`, main: target },
          () => Number(changes.get()) + batches.committed,
        );
    let checkpointer: Checkpointer | null = null;
    if (!inMemory) {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      flushDirectory(dirname(target));
      // Checkpoints run on a worker thread (see checkpointer.ts), not inside a commit on this one. The log is cut
      // back to 64 MB when it starts again from its beginning.
      sqlite.pragma('wal_autocheckpoint = 0');
      sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
      checkpointer = startCheckpointer(target, (fn) => mutex.run(fn), {
        ...(options.checkpointRestartPages ? { restartPages: options.checkpointRestartPages } : {}),
        onError: (message, stopped) => {
          console.error(`giaoban: checkpoint of ${target}: ${message}`);
          if (stopped && sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
        },
      });
    }
    const durable = async (): Promise<void> => {
      await flusher?.flush();
    };
    const batches = new WriteBatches(sqlite, db, mutex);
    /** Runs `fn` in the next shared transaction, then waits until it is committed and on disk. */
    const committed = async <T>(fn: (conn: Kysely<Database>) => Promise<T>): Promise<T> => {
      const asked = performance.now();
      const item = batches.add(fn);
      try {
        return await item.result;
      } finally {
        await durable();
        const started = item.started || asked;
        const done = item.done || started;
        noteWaits(started - asked, done - started, performance.now() - done);
      }
    };
    return {
      dialect,
      db,
      readDb: db,
      readRouting: null,
      sqlite,
      pool: null,
      url,
      write: (fn) => committed(fn),
      exclusive: (fn) => committed(() => fn()),
      durable,
      get flushes() {
        return flusher?.flushes ?? 0;
      },
      get checkpoints() {
        return checkpointer?.stats ?? null;
      },
      get transactions() {
        return batches.committed;
      },
      writeWithCopy: null,
      writeAtCommit: null,
      close: async () => {
        await checkpointer?.stop();
        await flusher?.close();
        await db.destroy();
      },
    };
  }
  const readUrls = [...(options.readUrls ?? [])];
  if (readUrls.length === 0) {
    const pool = quietPool(target, 10);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      dialect,
      db,
      readDb: db,
      readRouting: null,
      sqlite: null,
      pool,
      url,
      write: (fn) => db.transaction().execute(fn),
      exclusive: (fn) => fn(),
      durable: async () => undefined,
      flushes: 0,
      transactions: 0,
      checkpoints: null,
      writeWithCopy: copyWriter(() => pool.connect()),
      writeAtCommit: atCommitWriter(() => pool.connect()),
      close: async () => {
        await db.destroy();
      },
    };
  }
  const primary = new PrimaryPool([target, ...readUrls], 10);
  const replicas = new ReplicaPool(readUrls, primary, options.readWaitMs ?? 500, 10);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: primary }) });
  const readDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: replicas }) });
  return {
    dialect,
    db,
    readDb,
    readRouting: replicas.routing,
    sqlite: null,
    get pool() {
      return primary.pool;
    },
    get url() {
      return primary.url;
    },
    write: async (fn) => {
      const result = await db.transaction().execute(fn);
      // The commit's position in the log (or later): reads wait for a replica that has replayed it.
      const { rows } = await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(db);
      if (rows[0]) replicas.noteCommit(rows[0].lsn);
      return result;
    },
    exclusive: (fn) => fn(),
    durable: async () => undefined,
    flushes: 0,
    transactions: 0,
    checkpoints: null,
    writeWithCopy: copyWriter(
      () => primary.connect(),
      async (single) => {
        const { rows } = await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(single);
        if (rows[0]) replicas.noteCommit(rows[0].lsn);
      },
    ),
    writeAtCommit: atCommitWriter(() => primary.connect(), {
      statement: 'SELECT pg_current_wal_lsn()::text AS lsn',
      committed: (rows) => {
        if (typeof rows[0]?.lsn === 'string') replicas.noteCommit(rows[0].lsn);
      },
    }),
    close: async () => {
      await readDb.destroy();
      await db.destroy();
    },
  };
}

/** Brings the schema up to date; refuses a history that does not match the known migrations. */
export async function migrate(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
