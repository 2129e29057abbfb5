// SQLite acknowledges a write only once its commit is on disk: the write-ahead log is flushed after the commit and
// before the write resolves, and writes that commit while a flush runs share the next one. A write that fails
// leaves the writes beside it committed and itself absent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/db/store.ts';
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

  it('keeps every acknowledged write after the database is closed and opened again', async () => {
    await store.close();
    store = await openStore(scratch.url);
    assert.equal((await labels()).length, 29);
  });
});
