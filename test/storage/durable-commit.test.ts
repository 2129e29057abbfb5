// SQLite acknowledges a write only once its commit is on disk: the write-ahead log is flushed after the commit and
// before the write resolves, and writes that commit while a flush runs share the next one. A write that fails
// leaves the writes beside it committed and itself absent.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/db/store.ts';
import { buildServer } from '../../src/server/app.ts';
import { createTestApp } from '../support/app.ts';
import { type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

describe('durable commits on SQLite', () => {
  let scratch: ScratchDatabase;
  let store: Store;
  before(async () => {
    scratch = await scratchDatabase('sqlite');
    store = await openStore(scratch.url);
    await store.write((trx) =>
      sql`CREATE TABLE saved (id INTEGER PRIMARY KEY, label TEXT NOT NULL)`.execute(trx),
    );
  });
  after(async () => {
    await store.close();
    await scratch.drop();
  });

  const labels = async () =>
    (await sql<{ label: string }>`SELECT label FROM saved ORDER BY id`.execute(store.db)).rows.map(
      (r) => r.label,
    );

  it('flushes the log to disk after a commit and before the write is acknowledged', async () => {
    const before = store.flushes;
    await store.write((trx) => sql`INSERT INTO saved (label) VALUES ('một')`.execute(trx));
    assert.equal(store.flushes, before + 1, 'one flush after the commit');
    const sqlite = store.sqlite;
    assert.ok(sqlite);
    const before2 = store.flushes;
    await store.exclusive(async () => {
      sqlite.prepare("INSERT INTO saved (label) VALUES ('hai')").run();
    });
    assert.equal(store.flushes, before2 + 1, 'the bulk path waits for a flush as well');
    // A write made outside the store is made durable by durable() (the server calls it before answering).
    sqlite.prepare("INSERT INTO saved (label) VALUES ('ba')").run();
    const before3 = store.flushes;
    await store.durable();
    assert.equal(store.flushes, before3 + 1);
    // Nothing new: nothing to flush.
    await store.durable();
    assert.equal(store.flushes, before3 + 1);
    assert.deepEqual(await labels(), ['một', 'hai', 'ba']);
  });

  it('flushes the write-ahead log itself, the file there now, from one flush to the next', async () => {
    const file = scratch.url.replace(/^sqlite:/, '');
    const probe = await open(file, 'r');
    const handles = Object.getPrototypeOf(probe) as { datasync: (this: FileHandle) => Promise<void> };
    await probe.close();
    const datasync = handles.datasync;
    const synced: number[] = [];
    handles.datasync = async function (this: FileHandle) {
      synced.push((await this.stat()).ino);
      return datasync.call(this);
    };
    try {
      await store.write((trx) => sql`INSERT INTO saved (label) VALUES ('bốn')`.execute(trx));
      await store.write((trx) => sql`INSERT INTO saved (label) VALUES ('năm')`.execute(trx));
    } finally {
      handles.datasync = datasync;
    }
    const log = statSync(`${file}-wal`).ino;
    assert.deepEqual(synced, [log, log]);
    await store.write((trx) => sql`DELETE FROM saved WHERE label IN ('bốn', 'năm')`.execute(trx));
  });

  it('lets writes arriving together share flushes; a failing one is absent and its neighbours are committed', async () => {
    await store.write((trx) => sql`DELETE FROM saved`.execute(trx));
    const before = store.flushes;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        store.write(async (trx) => {
          await sql`INSERT INTO saved (label) VALUES (${`ghi ${i}`})`.execute(trx);
          if (i === 13) throw new Error('the thirteenth write fails after its insert');
          return i;
        }),
      ),
    );
    assert.equal(outcomes.filter((o) => o.status === 'rejected').length, 1);
    assert.equal(outcomes[13]?.status, 'rejected');
    const expected = Array.from({ length: 30 }, (_, i) => `ghi ${i}`).filter((l) => l !== 'ghi 13');
    assert.deepEqual(await labels(), expected);
    const flushes = store.flushes - before;
    assert.ok(flushes >= 1 && flushes < 30, `30 writes took ${flushes} flushes`);
  });

  it('commits writes asked for together in shared transactions, a bulk path and a failing write among them', async () => {
    await store.write((trx) => sql`DELETE FROM saved`.execute(trx));
    const sqlite = store.sqlite;
    assert.ok(sqlite);
    const before = store.transactions;
    const outcomes = await Promise.allSettled([
      store.write((trx) => sql`INSERT INTO saved (label) VALUES ('trước')`.execute(trx)),
      // A bulk path's own transaction becomes a savepoint of the shared one; failing, it leaves nothing.
      store.exclusive(async () =>
        sqlite.transaction(() => {
          sqlite.prepare("INSERT INTO saved (label) VALUES ('hỏng')").run();
          throw new Error('the bulk write fails after its insert');
        })(),
      ),
      store.exclusive(async () => {
        sqlite.transaction(() => sqlite.prepare("INSERT INTO saved (label) VALUES ('hàng loạt')").run())();
      }),
      store.write((trx) => sql`INSERT INTO saved (label) VALUES ('sau')`.execute(trx)),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    assert.deepEqual(await labels(), ['trước', 'hàng loạt', 'sau']);
    assert.equal(store.transactions - before, 1, 'four writes asked together, one transaction');
    assert.equal(sqlite.inTransaction, false);
  });

  it('fails every write of a shared transaction that ends without committing, and goes on after', async () => {
    await store.write((trx) => sql`DELETE FROM saved`.execute(trx));
    const sqlite = store.sqlite;
    assert.ok(sqlite);
    // As when SQLite rolls the whole transaction back itself (a full disk): the neighbours' work is gone too, so
    // none of them may be answered as committed.
    const outcomes = await Promise.allSettled([
      store.write((trx) => sql`INSERT INTO saved (label) VALUES ('một')`.execute(trx)),
      store.exclusive(async () => {
        sqlite.exec('ROLLBACK');
        throw new Error('the transaction is gone');
      }),
      store.write((trx) => sql`INSERT INTO saved (label) VALUES ('hai')`.execute(trx)),
    ]);
    for (const o of outcomes) {
      assert.equal(o.status, 'rejected');
      assert.equal((o as PromiseRejectedResult).reason.name, 'WriteBatchAborted');
    }
    assert.deepEqual(await labels(), []);
    await store.write((trx) => sql`INSERT INTO saved (label) VALUES ('ba')`.execute(trx));
    assert.deepEqual(await labels(), ['ba']);
  });

  it('keeps every acknowledged write after the database is closed and opened again', async () => {
    await store.close();
    store = await openStore(scratch.url);
    assert.deepEqual(await labels(), ['ba']);
  });
});

describe('checkpoints of SQLite off the serving thread', () => {
  let scratch: ScratchDatabase;
  let store: Store;
  before(async () => {
    scratch = await scratchDatabase('sqlite');
    store = await openStore(scratch.url, { checkpointRestartPages: 300 });
    await store.write((trx) =>
      sql`CREATE TABLE blob (id INTEGER PRIMARY KEY, body BLOB NOT NULL)`.execute(trx),
    );
  });
  after(async () => {
    await store.close();
    await scratch.drop();
  });

  const until = async (done: () => boolean): Promise<void> => {
    for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
  };

  it('never checkpoints inside a commit; the worker copies the log back and starts it again', async () => {
    assert.equal(store.sqlite?.pragma('wal_autocheckpoint', { simple: true }), 0);
    // About 1,200 pages of log in 30 writes, more than the restart threshold of 300 pages.
    const writes = Array.from({ length: 30 }, (_, i) =>
      store.write((trx) => sql`INSERT INTO blob (body) VALUES (zeroblob(${160_000 + i}))`.execute(trx)),
    );
    await Promise.all(writes);
    await until(() => (store.checkpoints?.passes ?? 0) >= 1);
    assert.ok((store.checkpoints?.passes ?? 0) >= 1, JSON.stringify(store.checkpoints));
    // Once copied back, the next write starts the log again from its beginning: the worker finds it short.
    await store.write((trx) => sql`INSERT INTO blob (body) VALUES (zeroblob(10))`.execute(trx));
    await until(() => (store.checkpoints?.logPages ?? 0) < 300);
    assert.ok((store.checkpoints?.logPages ?? 0) < 300, JSON.stringify(store.checkpoints));
    await store.close();
    store = await openStore(scratch.url);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM blob`.execute(store.db);
    assert.equal(rows[0]?.n, 31);
  });
});

describe('the server answers a request that wrote only once the write is on disk', () => {
  it('flushes what a POST committed outside the store before answering it, and nothing for a GET', async () => {
    const app = await createTestApp();
    const server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    const sqlite = app.ctx.store.sqlite;
    assert.ok(sqlite);
    const write = () => sqlite.prepare('UPDATE data_generation SET n = n + 1').run();
    const seen: number[] = [];
    server.post('/api/test-direct-write', async () => {
      write();
      seen.push(app.ctx.store.flushes);
      return { ok: true };
    });
    server.get('/api/test-direct-write', async () => {
      write();
      seen.push(app.ctx.store.flushes);
      return { ok: true };
    });
    try {
      assert.equal((await server.inject({ method: 'POST', url: '/api/test-direct-write' })).statusCode, 200);
      assert.equal(app.ctx.store.flushes, (seen[0] ?? 0) + 1, 'flushed after the handler, before the answer');
      assert.equal((await server.inject({ method: 'GET', url: '/api/test-direct-write' })).statusCode, 200);
      assert.equal(app.ctx.store.flushes, seen[1], 'a GET waits for no flush');
    } finally {
      await server.close();
      await app.close();
    }
  });
});
