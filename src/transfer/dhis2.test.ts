import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import type { AppContext } from '../app/context.ts';
import { NO_OPTION } from '../indicators/registry.ts';
import { parseAnyPeriod, readDhis2Period, toDhis2PeriodId } from '../periods/dhis2.ts';
import { PeriodError } from '../periods/period.ts';
import { deriveUid, isUid, uidSeed } from '../shared/uid.ts';
import { readDataValues } from './dataset.ts';
import { readDhis2Xml, writeDhis2Xml } from './dhis2.ts';
import { toDhis2Summary } from './dhis2-routes.ts';
import { Identifiers } from './identifiers.ts';
import { type ImportOptions, importWithReports } from './import.ts';
import { loadUids } from './repository.ts';

const FIXTURES = join(new URL('../..', import.meta.url).pathname, 'test', 'fixtures', 'dhis2');

describe('DHIS2 periods', () => {
  it('maps daily, monthly, quarterly, six-monthly and yearly onto our periods, both ways', () => {
    for (const [dhis2, ours] of [
      ['20261204', '2026-12-04'],
      ['202612', '2026-12'],
      ['2026Q4', '2026-Q4'],
      ['2026S2', '2026-H2'],
      ['2026', '2026'],
    ] as const) {
      const period = parseAnyPeriod(dhis2);
      assert.equal(period.id, ours);
      assert.equal(toDhis2PeriodId(period), dhis2);
      assert.equal(parseAnyPeriod(ours).id, ours);
    }
  });

  it('recognises the DHIS2 period types giaoban does not have, with their days, and refuses them by name', () => {
    const described = (id: string) => {
      const p = readDhis2Period(id);
      assert.ok(p && !p.mapped, id);
      return [p.type, p.start, p.end];
    };
    assert.deepEqual(described('2026W49'), ['Weekly', '2026-11-30', '2026-12-06']);
    assert.deepEqual(described('2026W1'), ['Weekly', '2025-12-29', '2026-01-04']);
    assert.deepEqual(described('2026BiW1'), ['BiWeekly', '2025-12-29', '2026-01-11']);
    assert.deepEqual(described('202601B'), ['BiMonthly', '2026-01-01', '2026-02-28']);
    assert.deepEqual(described('2026AprilS1'), ['SixMonthlyApril', '2026-04-01', '2026-09-30']);
    assert.deepEqual(described('2026April'), ['FinancialApril', '2026-04-01', '2027-03-31']);
    assert.deepEqual(described('2026July'), ['FinancialJuly', '2026-07-01', '2027-06-30']);
    assert.throws(
      () => parseAnyPeriod('2026W49'),
      (e: unknown) => {
        assert.ok(e instanceof PeriodError);
        assert.match(e.reason, /kỳ tuần của DHIS2 \(Weekly, 30\/11\/2026–06\/12\/2026\)/);
        return true;
      },
    );
    assert.throws(() => parseAnyPeriod('2026W54'), /53 tuần|52 tuần/);
    assert.throws(() => parseAnyPeriod('202613'), /tháng phải từ 01 đến 12/);
    // An unknown notation names both giaoban's and DHIS2's formats.
    assert.throws(() => parseAnyPeriod('Q4/2026'), /2020Q1/);
  });
});

describe('uids', () => {
  it('are DHIS2-shaped and derived from the identity, so that re-created databases agree', () => {
    const uid = deriveUid(uidSeed.unit('15', '2025-07-01'));
    assert.ok(isUid(uid), uid);
    assert.equal(deriveUid(uidSeed.unit('15', '2025-07-01')), uid);
    assert.notEqual(deriveUid(uidSeed.unit('15', '1990-01-01')), uid);
  });
});

/** A dhis2-core sample file with DHIS2's test uids replaced by giaoban's. */
function mapped(name: string, map: Record<string, string>): Buffer {
  let text = readFileSync(join(FIXTURES, name), 'utf8');
  for (const [from, to] of Object.entries(map)) text = text.replaceAll(from, to);
  return Buffer.from(text, 'utf8');
}

describe('dhis2-core’s sample data value sets', () => {
  let app: TestApp;
  let ctx: AppContext;
  let ids: Identifiers;
  let map: Record<string, string>;
  const units: Record<string, number> = {};

  const load = (buffer: Buffer, filename: string, extra: Partial<ImportOptions> = {}) =>
    importWithReports(ctx, { buffer, filename, dryRun: false, userId: null, source: 'cli', ...extra });

  const stored = async (unitId: number, period: string) => {
    const form = ctx.catalogue.form('BC-THANG');
    assert.ok(form);
    const rows = await ctx.store.db
      .selectFrom('data_value')
      .select(['indicator_id', 'option_id', 'value', 'comment'])
      .where('unit_id', '=', unitId)
      .where('form_id', '=', form.id)
      .where('period', '=', period)
      .execute();
    return Object.fromEntries(
      rows
        .filter((r) => r.value !== null || r.comment !== null)
        .map((r) => [ctx.catalogue.indicatorById(r.indicator_id)?.code, [r.value, r.comment]]),
    );
  };

  before(async () => {
    app = await createTestApp();
    ctx = app.ctx;
    ids = new Identifiers(await loadUids(ctx.store.db), ctx.graph, ctx.catalogue);
    const unit = (code: string) => {
      const u = ctx.graph.findByCode(code, '2012-01-15');
      assert.ok(u, code);
      units[code] = u.id;
      return ids.ofUnit(u);
    };
    const de = (code: string) => {
      const indicator = ctx.catalogue.indicator(code);
      assert.ok(indicator && indicator.options.length === 0, code);
      return ids.ofIndicator(indicator);
    };
    const form = ctx.catalogue.form('BC-THANG');
    assert.ok(form);
    map = {
      pBOMPrpg1QX: ids.ofForm(form),
      DiszpKrYNg8: unit('40'),
      BdfsJfj87js: unit('42'),
      f7n9E0hX8qk: de('drug.cases'),
      Ix2HsbDMLea: de('crime.occurred'),
      eY5ehpbEsB7: de('fire.cases'),
    };
  });
  after(async () => {
    await app?.close();
  });

  it('gives every unit, indicator, option and form its own uid', async () => {
    const uids = await loadUids(ctx.store.db);
    const all = [...uids.units, ...uids.indicators, ...uids.options, ...uids.forms].map((r) => r.uid);
    assert.ok(all.every(isUid));
    assert.equal(new Set(all).size, all.length);
    assert.equal(uids.units.length, [...ctx.graph.allUnits()].length);
    for (const unit of ctx.graph.allUnits())
      assert.equal(ids.ofUnit(unit), deriveUid(uidSeed.unit(unit.code, unit.validFrom)));
    // Code 15 was Yên Bái before the 2025 reform and Lào Cai after it: one code, two uids.
    const before = ctx.graph.findByCode('15', '2020-01-15');
    const after = ctx.graph.findByCode('15', '2026-01-15');
    assert.ok(before && after && before.id !== after.id);
    assert.notEqual(ids.ofUnit(before), ids.ofUnit(after));
    assert.equal(ids.ofUnit(after), deriveUid(uidSeed.unit('15', after.validFrom)));
  });

  it('imports dataValueSetJ.json (no dataSet: the data element decides the form)', async () => {
    const outcome = await load(mapped('dataValueSetJ.json', map), 'dataValueSetJ.json');
    assert.deepEqual(outcome.rejected, []);
    assert.equal(outcome.imported, 1);
    assert.deepEqual(await stored(units['40'] as number, '2012-01'), { 'drug.cases': [10, null] });
  });

  it('imports dataValueSetA.xml, deletes with dataValueSetADeleted.xml, and counts like DHIS2', async () => {
    const a = await load(mapped('dataValueSetA.xml', map), 'dataValueSetA.xml');
    assert.deepEqual(a.rejected, []);
    // 40/2012-01 drug.cases came with dataValueSetJ: an update; the other two are new.
    assert.deepEqual([a.imported, a.updated], [2, 1]);
    assert.deepEqual(await stored(units['40'] as number, '2012-01'), { 'drug.cases': [10001, 'comment'] });
    assert.deepEqual(await stored(units['42'] as number, '2012-01'), { 'drug.cases': [10002, 'comment'] });
    assert.deepEqual(await stored(units['40'] as number, '2012-02'), { 'drug.cases': [10003, 'comment'] });
    // Deleted values are cleared, never stored as values; the two not stored are ignored, as DHIS2 counts.
    const d = await load(mapped('dataValueSetADeleted.xml', map), 'dataValueSetADeleted.xml', {
      dryRun: true,
    });
    assert.deepEqual(d.rejected, []);
    assert.deepEqual([d.imported, d.updated, d.deleted, d.ignored], [0, 0, 1, 2]);
    assert.equal(d.completeDate, '2012-01-09');
    const summary = toDhis2Summary(d, true);
    assert.deepEqual(summary.importCount, { imported: 0, updated: 0, deleted: 1, ignored: 2 });
    const real = await load(mapped('dataValueSetADeleted.xml', map), 'dataValueSetADeleted.xml');
    assert.equal(real.deleted, 1);
    assert.deepEqual(await stored(units['40'] as number, '2012-01'), {});
    assert.deepEqual(await stored(units['42'] as number, '2012-01'), { 'drug.cases': [10002, 'comment'] });
  });

  it('round-trips: what giaoban writes as DHIS2 XML reads back to the same values', async () => {
    const form = ctx.catalogue.form('BC-THANG');
    assert.ok(form);
    const values = await readDataValues(ctx, {
      form,
      periods: [parseAnyPeriod('201202')],
      units: [ctx.graph.require(units['40'] as number)],
      ids,
      scheme: 'uid',
      reader: null,
    });
    assert.deepEqual(
      values.map((v) => [v.dataElement, v.period, v.orgUnit, v.value, v.comment]),
      [[map.f7n9E0hX8qk, '201202', map.DiszpKrYNg8, '10003', 'comment']],
    );
    const xml = writeDhis2Xml({ dataSet: ids.ofForm(form), dataValues: values });
    assert.deepEqual(
      readDhis2Xml(xml).figures.map((f) => [f.indicator, f.period?.text, f.unit?.text, f.value, f.comment]),
      [[map.f7n9E0hX8qk, '201202', map.DiszpKrYNg8, '10003', 'comment']],
    );
    const again = await load(xml, 'again.xml');
    assert.deepEqual([again.imported, again.updated, again.unchanged, again.rejected.length], [0, 0, 1, 0]);
  });

  it('refuses dataValueSetBooleanTest.csv row by row: unknown data elements and values that are not numbers', async () => {
    const before = await stored(units['40'] as number, '2012-02');
    const outcome = await load(mapped('dataValueSetBooleanTest.csv', map), 'dataValueSetBooleanTest.csv');
    assert.equal(outcome.rejected.length, 18);
    assert.ok(outcome.rejected.every((r) => r.field === 'form' && /jH26dja2f3[01]/.test(r.reason)));
    assert.deepEqual(outcome.rejected[0], {
      row: 2,
      field: 'form',
      reason: 'thiếu mã biểu (dataSet) và không có chỉ tiêu "jH26dja2f30" trong danh mục',
    });
    assert.deepEqual(await stored(units['40'] as number, '2012-02'), before);
  });

  it('refuses what giaoban cannot hold, each with a reason, and writes nothing of the file', async () => {
    const set = {
      dataSet: map.pBOMPrpg1QX,
      period: '201203',
      orgUnit: map.DiszpKrYNg8,
      dataValues: [
        { dataElement: map.f7n9E0hX8qk, value: '5' },
        { dataElement: map.Ix2HsbDMLea, value: '6', attributeOptionCombo: 'xYerKDKCefk' },
        { dataElement: map.eY5ehpbEsB7, value: '7', period: '2012W10' },
        { dataElement: map.eY5ehpbEsB7, value: '8', period: '2012Q1' },
        { dataElement: map.eY5ehpbEsB7, value: '9', followup: true },
      ],
    };
    const outcome = await load(Buffer.from(JSON.stringify(set)), 'set.json');
    assert.deepEqual(
      outcome.rejected.map((r) => [r.row, r.field]),
      [
        [2, 'attributeOptionCombo'],
        [3, 'period'],
        [4, 'period'],
        [5, 'followup'],
      ],
    );
    assert.match(outcome.rejected[1]?.reason ?? '', /Weekly, 05\/03\/2012–11\/03\/2012/);
    assert.match(outcome.rejected[2]?.reason ?? '', /biểu tháng/);
    assert.deepEqual(await stored(units['40'] as number, '2012-03'), {});
  });

  it('reads uids or codes as the idScheme says, and a unit uid names one identity whatever the date', async () => {
    const byCode = {
      dataSet: 'BC-THANG',
      period: '2012-04',
      orgUnit: '40',
      dataValues: [{ dataElement: 'fire.cases', categoryOptionCombo: 'default', value: '3' }],
    };
    const uidOnly = await load(Buffer.from(JSON.stringify(byCode)), 'c.json', {
      dryRun: true,
      schemes: { dataElement: 'uid' },
    });
    assert.deepEqual(
      uidOnly.rejected.map((r) => r.field),
      ['indicator'],
    );
    const ok = await load(Buffer.from(JSON.stringify(byCode)), 'c.json', {
      schemes: { dataElement: 'code' },
    });
    assert.deepEqual([ok.imported, ok.rejected.length], [1, 0]);
    // The uid of the pre-reform unit 15 is refused in 2026, when code 15 is another unit.
    const old = ctx.graph.findByCode('15', '2020-01-15');
    assert.ok(old);
    const late = await load(
      Buffer.from(
        JSON.stringify({
          ...byCode,
          period: '202601',
          orgUnit: ids.ofUnit(old),
          dataValues: byCode.dataValues,
        }),
      ),
      'late.json',
      { dryRun: true },
    );
    assert.equal(late.rejected[0]?.field, 'unit');
    assert.match(late.rejected[0]?.reason ?? '', /chỉ có hiệu lực/);
  });

  it('stores nothing for a value marked deleted that was never there (issue: deleted imported as a value)', async () => {
    const set = {
      dataSet: 'BC-THANG',
      period: '201205',
      orgUnit: '40',
      dataValues: [{ dataElement: 'fire.cases', value: '12', deleted: true }],
    };
    const outcome = await load(Buffer.from(JSON.stringify(set)), 'd.json');
    assert.deepEqual(
      [outcome.imported, outcome.deleted, outcome.ignored, outcome.rejected.length],
      [0, 0, 1, 0],
    );
    const rows = await ctx.store.db
      .selectFrom('data_value')
      .select('value')
      .where('unit_id', '=', units['40'] as number)
      .where('period', '=', '2012-05')
      .where('option_id', '=', NO_OPTION)
      .execute();
    assert.deepEqual(rows, []);
  });
});
