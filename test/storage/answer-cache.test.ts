import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type QueryResult, runQuery } from '../../src/analytics/service.ts';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { setSecrecyDecision } from '../../src/secrecy/overrides.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { transition } from '../../src/submissions/service.ts';
import { writeValues } from '../../src/values/repository.ts';
import { REFERENCE_DIR, TEST_TODAY } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

/**
 * The engine's answers are cached by question and data generation. Two applications on one database stand for two
 * processes (or a server and its replica's reader): every committed write by one — a figure saved, a report
 * submitted or returned, a secrecy decision — is seen by the other's very next read, and a read repeated with
 * nothing written in between is answered from the cache.
 */
for (const { backend, skip } of BACKENDS) {
  describe(`cached analytics answers follow every write (${backend})`, { skip }, () => {
    let scratch: ScratchDatabase;
    let writer: AppContext;
    let reader: AppContext;
    const actor = { id: null, name: 'Kiểm thử' };
    const PERIOD = '2026-10';
    let commune = '';
    let province = '';

    before(async () => {
      scratch = await scratchDatabase(backend);
      const open = () =>
        openApp({
          databaseUrl: scratch.url,
          clock: new FixedClock(TEST_TODAY),
          referenceDataDir: REFERENCE_DIR,
        });
      writer = await open();
      reader = await open();
      const p = writer.graph.findByCode('37', '2026-10-15');
      assert.ok(p);
      province = p.code;
      const c = writer.graph.childrenOn(p.id, '2026-10-15')[0];
      assert.ok(c !== undefined);
      commune = writer.graph.require(c).code;
    });
    after(async () => {
      await writer?.close();
      await reader?.close();
      await scratch?.drop();
    });

    const save = async (value: number) => {
      const form = writer.catalogue.form('BC-THANG');
      const indicator = writer.catalogue.indicator('crime.occurred');
      const unit = writer.graph.findByCode(commune, '2026-10-15');
      assert.ok(form && indicator && unit);
      await writeValues(
        writer.store,
        writer.graph,
        [
          {
            formId: form.id,
            unitId: unit.id,
            indicatorId: indicator.id,
            optionId: NO_OPTION,
            period: PERIOD,
            value,
            comment: null,
          },
        ],
        { at: '2026-11-02T01:00:00.000Z', userId: null, source: 'api', reason: null },
      );
    };
    const act = (action: 'submit' | 'return') =>
      transition(writer, {
        form: 'BC-THANG',
        unit: commune,
        period: PERIOD,
        action,
        reason: action === 'return' ? 'Số liệu cần rà soát lại' : null,
        actor,
      });
    const read = (unit: string): Promise<QueryResult> =>
      runQuery(reader, { unit, period: PERIOD, indicator: 'crime.occurred', compare: true });
    const figure = (r: QueryResult) => r.rows.find((row) => row.option === null)?.value ?? null;

    it('a repeated read is answered from the cache, and a saved figure is seen at once', async () => {
      const first = await read(province);
      const misses = reader.engine.cacheStats().misses;
      const again = await read(province);
      assert.deepEqual(again, first);
      assert.equal(reader.engine.cacheStats().misses, misses, 'the repeated read computed again');
      assert.ok(reader.engine.cacheStats().hits > 0);

      await save(5);
      await act('submit');
      assert.equal(figure(await read(province)), 5);
      assert.equal(figure(await read('BCA')), 5);
      await save(9);
      assert.equal(figure(await read(province)), 9, 'a stale answer after a saved figure');
      assert.equal(figure(await read('BCA')), 9);
    });

    it('a report returned and submitted again is counted at once', async () => {
      await act('return');
      assert.equal(figure(await read(province)), null, 'a returned report still counted');
      await act('submit');
      assert.equal(figure(await read(province)), 9);
    });

    it('a secrecy decision is applied at once', async () => {
      const before = await read(province);
      assert.notEqual(before.secrecy, 'toi_mat');
      const unit = writer.graph.findByCode(province, '2026-10-15');
      assert.ok(unit);
      await setSecrecyDecision(writer, {
        indicator: 'crime.occurred',
        unitId: unit.id,
        level: 'toi_mat',
        reason: 'Quyết định độ mật để kiểm thử',
        actor,
      });
      assert.equal((await read(province)).secrecy, 'toi_mat');
      assert.equal((await read('BCA')).secrecy, 'toi_mat');
    });
  });
}
