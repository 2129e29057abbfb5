import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { parsePeriod } from '../../src/periods/period.ts';
import { buildServer } from '../../src/server/app.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { writeValues } from '../../src/values/repository.ts';
import { OUTPUT_DIR, REFERENCE_DIR, ROOT, TEST_TODAY } from '../support/app.ts';
import {
  clusterSkipReason,
  freePort,
  removeCluster,
  type Server,
  startPrimaryAndReplica,
} from '../support/pg-cluster.ts';

const execFileAsync = promisify(execFile);

describe('PostgreSQL read replica and failover', { skip: clusterSkipReason() }, () => {
  const root = join(OUTPUT_DIR, `pg-cluster-${process.pid}`);
  let primary: Server;
  let replica: Server;
  let ctx: AppContext;

  before(async () => {
    ({ primary, replica } = startPrimaryAndReplica(root, await freePort(), await freePort()));
  });
  after(async () => {
    await ctx?.close().catch(() => undefined);
    removeCluster(root, [primary, replica].filter(Boolean));
  });

  async function save(value: number): Promise<void> {
    const form = ctx.catalogue.form('BC-THANG');
    const indicator = ctx.catalogue.indicator('drug.cases');
    const unit = ctx.graph.findByCode('40', '2020-02-14');
    assert.ok(form && indicator && unit);
    await writeValues(
      ctx.store,
      ctx.graph,
      [
        {
          formId: form.id,
          unitId: unit.id,
          indicatorId: indicator.id,
          optionId: NO_OPTION,
          period: '2020-02',
          value,
          comment: null,
        },
      ],
      { at: ctx.clock.now().toISOString(), userId: null, source: 'api', reason: 'replica test' },
    );
  }

  async function national(): Promise<number | null> {
    const root = ctx.graph.root('2020-02-14');
    const [row] = await ctx.engine.aggregate({
      unitId: root.id,
      period: parsePeriod('2020-02'),
      indicators: ['drug.cases'],
      coverage: false,
      // The figures saved here stay in a draft report: the saving officer's own view counts drafts.
      include: 'draft',
    });
    return row?.value ?? null;
  }

  it('sends analytics reads to the replica, and a reader sees their own write at once', async () => {
    ctx = await openApp({
      databaseUrl: primary.url,
      readUrls: [replica.url],
      readWaitMs: 2000,
      clock: new FixedClock(TEST_TODAY),
      referenceDataDir: REFERENCE_DIR,
    });
    const routing = ctx.store.readRouting;
    assert.ok(routing);
    for (let i = 1; i <= 5; i++) {
      await save(100 * i);
      assert.equal(await national(), 100 * i, `read after save ${i}`);
    }
    assert.ok(routing.replica >= 5, JSON.stringify(routing));
    assert.equal(routing.primary, 0);
    // The replica really is a standby, so those reads were served by streaming replication.
    assert.equal(replica.sql('SELECT pg_is_in_recovery()'), 't');
  });

  it('reads from the primary when the replica has not replayed the commit within the wait', async () => {
    const routing = ctx.store.readRouting;
    assert.ok(routing);
    replica.sql('SELECT pg_wal_replay_pause()');
    try {
      await save(4242);
      const before = routing.primary;
      const started = Date.now();
      assert.equal(await national(), 4242);
      assert.ok(routing.primary > before, JSON.stringify(routing));
      assert.ok(Date.now() - started >= 1900, 'it waited for the replica first');
      const server = await buildServer(ctx, {
        secureCookies: false,
        logLevel: 'silent',
        metrics: { token: undefined, allow: ['127.0.0.1'] },
      });
      const metrics = (await server.inject({ method: 'GET', url: '/metrics' })).body;
      await server.close();
      assert.match(
        metrics,
        new RegExp(`giaoban_replica_reads\\{served_by="primary"\\} ${routing.primary}\\b`),
      );
      assert.match(
        metrics,
        new RegExp(`giaoban_replica_reads\\{served_by="replica"\\} ${routing.replica}\\b`),
      );
    } finally {
      replica.sql('SELECT pg_wal_replay_resume()');
    }
  });

  it('failover drill: promote the replica; the running application writes to it and lost no acknowledged write', async () => {
    const acknowledged: number[] = [];
    for (let i = 0; i < 5; i++) {
      await save(7000 + i);
      acknowledged.push(7000 + i);
    }
    // Run asynchronously, as an operator's shell would: the application's event loop keeps running meanwhile.
    const drill = await execFileAsync('bash', [
      join(ROOT, 'scripts/failover.sh'),
      join(primary.dir, 'data'),
      join(replica.dir, 'data'),
      String(replica.port),
    ]);
    assert.match(drill.stdout, /promoted/);

    // The same process, not restarted: the first write after the promotion finds the new primary.
    await save(8000);
    assert.equal(ctx.store.url, replica.url);
    assert.equal(await national(), 8000);
    const unit = ctx.graph.findByCode('40', '2020-02-14');
    assert.ok(unit);
    // Every acknowledged version is in the promoted server's history, in order.
    const history = replica.sql(
      `SELECT string_agg(value::int::text, ',' ORDER BY version) FROM data_value_history h JOIN indicator i ON i.id = h.indicator_id WHERE i.code = 'drug.cases' AND period = '2020-02' AND unit_id = ${unit.id}`,
    );
    for (const value of acknowledged)
      assert.ok(history.split(',').includes(String(value)), `${value} in ${history}`);
  });
});
