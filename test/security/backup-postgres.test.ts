import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { verifyAuditLog } from '../../src/audit/repository.ts';
import { backupPostgres, restorePostgres } from '../../src/backup/postgres.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { writeValues } from '../../src/values/repository.ts';
import { OUTPUT_DIR, REFERENCE_DIR, ROOT, TEST_TODAY } from '../support/app.ts';
import {
  clusterSkipReason,
  freePort,
  removeCluster,
  type Server,
  startServer,
} from '../support/pg-cluster.ts';

// A server of its own, started as the replica tests start theirs: pg_dump and pg_restore run against it.
describe('backup and restore with pg_dump / pg_restore (PostgreSQL)', { skip: clusterSkipReason() }, () => {
  let server: Server;
  let primary: { url: string };
  let ctx: AppContext;
  const dir = join(OUTPUT_DIR, 'db');
  const root = join(OUTPUT_DIR, `pg-backup-${process.pid}`);

  async function fingerprint(url: string): Promise<string> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const hash = createHash('sha256');
      for (const table of [
        'data_value',
        'data_value_history',
        'value_rollup',
        'change_set',
        'audit_log',
        'app_user',
        'unit',
        'kysely_migration',
      ]) {
        const { rows } = await client.query({
          text: `SELECT * FROM ${table} ORDER BY 1, 2`,
          rowMode: 'array',
        });
        hash.update(table).update(JSON.stringify(rows));
      }
      return hash.digest('hex');
    } finally {
      await client.end();
    }
  }

  async function save(value: number, reason: string): Promise<void> {
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
      { at: ctx.clock.now().toISOString(), userId: null, source: 'cli', reason },
      () => ({
        at: ctx.clock.now().toISOString(),
        actorId: null,
        actorName: 'hệ thống',
        action: 'values.write',
        target: 'test',
        unitId: null,
        secrecy: 'none',
        details: { reason },
      }),
    );
  }

  before(async () => {
    mkdirSync(dir, { recursive: true });
    server = startServer(root, await freePort());
    primary = { url: server.url };
    ctx = await openApp({
      databaseUrl: primary.url,
      clock: new FixedClock(TEST_TODAY),
      referenceDataDir: REFERENCE_DIR,
    });
    await save(1111, 'before the backup');
  });
  after(async () => {
    await ctx?.close();
    if (server) removeCluster(root, [server]);
  });

  it('restores exactly what was backed up, over a changed database and into an empty one', async () => {
    const file = join(dir, `pg-backup-${process.pid}.dump`);
    const snapshot = await fingerprint(primary.url);
    const { bytes } = await backupPostgres(primary.url, file);
    assert.ok(bytes > 10_000);

    await save(2222, 'after the backup');
    assert.notEqual(await fingerprint(primary.url), snapshot);
    await restorePostgres(primary.url, file);
    assert.equal(await fingerprint(primary.url), snapshot);
    assert.equal((await verifyAuditLog(ctx.store.db)).ok, true);

    const empty = { url: server.createDatabase('giaoban_empty') };
    try {
      await restorePostgres(empty.url, file);
      assert.equal(await fingerprint(empty.url), snapshot);
      const reopened = await openApp({
        databaseUrl: empty.url,
        clock: new FixedClock(TEST_TODAY),
        referenceDataDir: REFERENCE_DIR,
      });
      try {
        assert.equal((await verifyAuditLog(reopened.store.db)).ok, true);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('refuses a missing file or one that is not a dump, and changes nothing', async () => {
    const before = await fingerprint(primary.url);
    await assert.rejects(restorePostgres(primary.url, join(dir, 'no-such.dump')), { code: 'not_found' });
    const junk = join(dir, `junk-${process.pid}.dump`);
    writeFileSync(junk, 'PGDMP but not really');
    await assert.rejects(restorePostgres(primary.url, junk), { code: 'bad_request' });
    rmSync(junk, { force: true });
    assert.equal(await fingerprint(primary.url), before);
  });

  it('giaoban backup uses pg_dump on a PostgreSQL store', () => {
    const file = join(dir, `pg-cli-${process.pid}.dump`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'backup', file], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: primary.url, GIAOBAN_NOW: TEST_TODAY, LOG_LEVEL: 'silent' },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /bytes/);
    const list = spawnSync('/usr/lib/postgresql/15/bin/pg_restore', ['--list', file], { encoding: 'utf8' });
    // Figures are stored in their years' partitions.
    assert.match(list.stdout, /TABLE DATA public data_value_y2020 /);
    rmSync(file, { force: true });
  });
});
