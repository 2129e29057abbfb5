import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { SYSTEM_ACTOR } from '../audit/actor.ts';
import { parsePeriod } from '../periods/period.ts';
import type { SubmissionValidator } from '../submissions/service.ts';
import { saveFormValues } from '../values/service.ts';
import { median } from './outliers.ts';
import { readUnitHistory } from './repository.ts';
import { checkSubmission, validatePeriod, validateSubmission } from './service.ts';

describe('validation of stored figures', () => {
  let app: TestApp;

  before(async () => {
    app = await createTestApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('finds broken rules, whether warnings are explained, and outliers against the unit’s last 12 months', async () => {
    const { ctx } = app;
    const form = ctx.catalogue.form('BC-THANG');
    const indicator = ctx.catalogue.indicator('traffic.accidents');
    const unit = ctx.graph.findByCode('40', '2026-12-14');
    assert.ok(form && indicator && unit);
    const history = await readUnitHistory(ctx.store.db, {
      formId: form.id,
      unitId: unit.id,
      period: parsePeriod('2026-12') as ReturnType<typeof parsePeriod> & { type: 'month' },
      months: 12,
    });
    const accidents = (history.get(`${indicator.id}|0`) ?? []).map((h) => h.value);
    assert.equal(accidents.length, 12);
    const usual = median(accidents);
    const spike = Math.round(usual * 8);

    await saveFormValues(ctx, {
      form: 'BC-THANG',
      unit: '40',
      period: '2026-12',
      actor: SYSTEM_ACTOR,
      source: 'cli',
      cells: [
        { indicator: 'drug.seized_tablets', option: 'synthetic', value: 500 },
        { indicator: 'drug.cases', option: null, value: 0 },
        { indicator: 'crime.solved', option: null, value: 50, comment: 'Khám phá 40 vụ tồn từ năm trước' },
        { indicator: 'crime.occurred', option: null, value: 10 },
        { indicator: 'gambling.cases', option: null, value: 5 },
        { indicator: 'gambling.suspects', option: null, value: 2 },
        { indicator: 'traffic.accidents', option: null, value: spike },
      ],
    });
    const result = await validateSubmission(ctx, { form: 'BC-THANG', unit: '40', period: '2026-12' });
    assert.deepEqual(
      result.critical.map((f) => f.ruleId),
      ['drug.tablets_need_case'],
    );
    assert.deepEqual(result.critical[0]?.fields, ['drug.seized_tablets/synthetic', 'drug.cases']);
    assert.deepEqual(
      result.warnings.map((f) => [f.ruleId, f.commented]),
      [
        ['crime.solved_le_occurred', true],
        ['gambling.suspects_per_case', false],
      ],
    );
    const outlier = result.outliers.find((o) => o.field === 'traffic.accidents');
    assert.ok(outlier, JSON.stringify(result.outliers));
    assert.equal(outlier.months, 12);
    assert.equal(outlier.median, usual);
    assert.match(outlier.explanationVi, /^gấp \d+(,\d)? lần trung vị 12 tháng \(trung vị: [\d.,]+\)$/);

    // The shape the submission step takes: critical and unexplained warnings block, the rest is noted.
    const validator: SubmissionValidator = checkSubmission;
    const form40 = ctx.catalogue.form('BC-THANG');
    assert.ok(form40);
    const check = await validator(ctx, { form: form40, unit, period: parsePeriod('2026-12') });
    assert.deepEqual(
      check.blocking.map((b) => [b.severity, b.field]),
      [
        ['critical', 'drug.seized_tablets/synthetic'],
        ['warning', 'gambling.cases'],
      ],
    );
    assert.match(check.blocking[1]?.reason ?? '', /cần ghi chú giải trình/);
    assert.ok(check.notes.some((n) => n.severity === 'warning' && n.field === 'crime.solved'));
    assert.ok(check.notes.some((n) => n.severity === 'outlier' && n.field === 'traffic.accidents'));
  });

  it('judges a unit only against its own months: a province created in July 2025 has no older history', async () => {
    const { ctx } = app;
    const form = ctx.catalogue.form('BC-THANG');
    const indicator = ctx.catalogue.indicator('drug.cases');
    const merged = ctx.graph.findByCode('37', '2025-09-14');
    const old = ctx.graph.findByCode('37', '2025-03-14');
    assert.ok(form && indicator && merged && old);
    assert.notEqual(merged.id, old.id);
    const period = parsePeriod('2025-09') as ReturnType<typeof parsePeriod> & { type: 'month' };
    const own = await readUnitHistory(ctx.store.db, {
      formId: form.id,
      unitId: merged.id,
      period,
      months: 12,
    });
    assert.deepEqual(
      (own.get(`${indicator.id}|0`) ?? []).map((h) => h.period),
      ['2025-07', '2025-08'],
    );
    const result = await validateSubmission(ctx, { form: 'BC-THANG', unit: '37', period: '2025-09' });
    assert.deepEqual(result.outliers, [], 'two months are too few to call anything unusual');
  });

  it('validates every unit that reported, or one subtree', async () => {
    const all = await validatePeriod(app.ctx, { form: 'BC-THANG', period: '2026-11' });
    assert.ok(all.units.length > 70);
    assert.ok(
      all.units.every((u) => u.critical.length === 0),
      'the demo data breaks no critical rule',
    );
    const codes = all.units.map((u) => u.unit);
    assert.deepEqual(codes, [...codes].sort());
    const one = await validatePeriod(app.ctx, { form: 'BC-THANG', period: '2026-12', unitCode: '40' });
    assert.deepEqual(
      one.units.map((u) => [u.unit, u.unitName, u.critical.length]),
      [['40', 'Công an tỉnh Nghệ An', 1]],
    );
  });
});
