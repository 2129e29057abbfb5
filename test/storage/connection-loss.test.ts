import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { loadConfig } from '../../src/config/env.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { REFERENCE_DIR } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

const postgres = BACKENDS.find((b) => b.backend === 'postgres');

describe('connections the PostgreSQL server drops', { skip: postgres?.skip ?? 'no PostgreSQL' }, () => {
  let scratch: ScratchDatabase;
  let ctx: AppContext;

  before(async () => {
    scratch = await scratchDatabase('postgres');
    ctx = await openApp({
      databaseUrl: scratch.url,
      clock: new FixedClock('2026-11-29'),
      referenceDataDir: REFERENCE_DIR,
    });
  });
  after(async () => {
    await ctx?.close();
    await scratch?.drop();
  });

  it('do not bring the process down; the next read and write connect anew', async () => {
    const pool = ctx.store.pool;
    assert.ok(pool);
    const countUnits = async () =>
      Number(
        (
          await ctx.store.db
            .selectFrom('unit')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Several reads at once leave several idle connections in the pool.
    const before = await Promise.all(Array.from({ length: 4 }, countUnits));
    assert.ok(pool.idleCount >= 2, `idle connections: ${pool.idleCount}`);

    // An administrator (or a restart) ends every session of the database.
    const admin = new pg.Client({ connectionString: loadConfig().testPostgresUrl ?? '' });
    await admin.connect();
    const database = new URL(scratch.url).pathname.slice(1);
    const { rowCount } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    await admin.end();
    assert.ok((rowCount ?? 0) >= 2);
    // The pool learns of each loss as an error on an idle connection; an unhandled one would end the process.
    for (let waited = 0; pool.totalCount > 0 && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(pool.totalCount, 0, 'the dropped connections left the pool');

    assert.deepEqual(await Promise.all(Array.from({ length: 4 }, countUnits)), before);
    const version = await ctx.store.write(async (trx) =>
      trx
        .insertInto('meta')
        .values({ key: 'connection-loss', value: '1' })
        .returning('key')
        .executeTakeFirst(),
    );
    assert.equal(version?.key, 'connection-loss');
  });
});
