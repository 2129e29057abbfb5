import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { copyField, copyIn } from '../../src/db/copy.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

const postgres = BACKENDS.find((b) => b.backend === 'postgres');

/** Rows of (n, label) in COPY's text format; the labels carry the characters the format reserves. */
function* rows(count: number, failAt?: number): Generator<string> {
  for (let n = 0; n < count; n++) {
    if (n === failAt) throw new Error(`row ${n} cannot be made`);
    yield `${n}\t${copyField(`số ${n}\tcó tab \\ và\nxuống dòng`)}\n`;
  }
}

describe('COPY into PostgreSQL', { skip: postgres?.skip ?? 'no PostgreSQL' }, () => {
  let scratch: ScratchDatabase;
  let client: pg.Client;

  before(async () => {
    scratch = await scratchDatabase('postgres');
    client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    await client.query('CREATE TABLE copied (n integer PRIMARY KEY, label text NOT NULL)');
  });
  after(async () => {
    await client?.end();
    await scratch?.drop();
  });

  const stored = async () =>
    Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM copied')).rows[0]?.n);

  it('streams more rows than the socket holds at once, every one intact', async () => {
    // About 25 MB: far more than the socket's buffers, so making waits for the server to drain them.
    const count = 400_000;
    assert.equal(await copyIn(client, 'COPY copied (n, label) FROM STDIN', rows(count)), count);
    assert.equal(await stored(), count);
    const { rows: sample } = await client.query('SELECT label FROM copied WHERE n = 123456');
    assert.equal(sample[0]?.label, 'số 123456\tcó tab \\ và\nxuống dòng');
    await client.query('TRUNCATE copied');
  });

  it('stores nothing when a row cannot be made part-way, and the connection serves the next statement', async () => {
    await client.query('BEGIN');
    await assert.rejects(
      copyIn(client, 'COPY copied (n, label) FROM STDIN', rows(300_000, 250_000)),
      /row 250000/,
    );
    await client.query('ROLLBACK');
    assert.equal(await stored(), 0);
  });

  it('reports the row the server refuses part-way and stores none of them', async () => {
    function* withDuplicate(): Generator<string> {
      yield* rows(200_000);
      yield '17\tagain\n';
    }
    await assert.rejects(
      copyIn(client, 'COPY copied (n, label) FROM STDIN', withDuplicate()),
      (error: Error & { code?: string; where?: string }) =>
        error.code === '23505' && /line 200001/.test(error.where ?? ''),
    );
    assert.equal(await stored(), 0);
    assert.equal(await copyIn(client, 'COPY copied (n, label) FROM STDIN', rows(3)), 3);
  });
});
