import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyAuditLog } from '../../src/audit/repository.ts';
import { backupSqlite, restoreSqlite } from '../../src/backup/sqlite.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { writeValues } from '../../src/values/repository.ts';
import { createTestApp, OUTPUT_DIR, type TestApp } from '../support/app.ts';

describe('online backup and restore (SQLite)', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  function fingerprint(): string {
    const db = app.ctx.store.sqlite;
    assert.ok(db);
    const hash = createHash('sha256');
    for (const table of [
      'data_value',
      'data_value_history',
      'value_rollup',
      'change_set',
      'audit_log',
      'submission',
      'app_user',
    ]) {
      for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).raw().iterate())
        hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  }

  it('restores exactly what was backed up, while the store stays open', async () => {
    const db = app.ctx.store.sqlite;
    assert.ok(db);
    const file = join(OUTPUT_DIR, 'db', `backup-${process.pid}.sqlite`);
    const before = fingerprint();
    await backupSqlite(db, file);

    const form = app.ctx.catalogue.form('BC-THANG');
    const indicator = app.ctx.catalogue.indicator('drug.cases');
    const unit = app.ctx.graph.findByCode('40', '2020-02-14');
    assert.ok(form && indicator && unit);
    await writeValues(
      app.ctx.store,
      app.ctx.graph,
      [
        {
          formId: form.id,
          unitId: unit.id,
          indicatorId: indicator.id,
          optionId: NO_OPTION,
          period: '2020-02',
          value: 4242,
          comment: null,
        },
      ],
      { at: app.ctx.clock.now().toISOString(), userId: null, source: 'api', reason: 'after the backup' },
    );
    assert.notEqual(fingerprint(), before);

    await restoreSqlite(db, file);
    assert.equal(fingerprint(), before);
    const [row] = await app.ctx.engine.aggregate({
      unitId: unit.id,
      period: (await import('../../src/periods/period.ts')).parsePeriod('2020-02'),
      indicators: ['drug.cases'],
      coverage: false,
    });
    assert.notEqual(row?.value, 4242);
    assert.equal((await verifyAuditLog(app.ctx.store.db)).ok, true);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const db = app.ctx.store.sqlite;
    assert.ok(db);
    const before = fingerprint();
    await assert.rejects(restoreSqlite(db, join(OUTPUT_DIR, 'no-such-file.sqlite')));
    await assert.rejects(restoreSqlite(db, new URL(import.meta.url).pathname));
    assert.equal(fingerprint(), before);
  });
});
