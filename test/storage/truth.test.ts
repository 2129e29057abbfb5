import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AggregateRow, AnalyticsEngine } from '../../src/analytics/engine.ts';
import { asOfAnalyticsSource } from '../../src/analytics/repository.ts';
import { runQuery } from '../../src/analytics/service.ts';
import type { IncludeLevel } from '../../src/analytics/status.ts';
import type { AppContext } from '../../src/app/context.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { parsePeriod } from '../../src/periods/period.ts';
import { referenceDate } from '../../src/periods/regime.ts';
import { writeValues } from '../../src/values/repository.ts';
import { BACKENDS, useScratchApp } from '../support/backends.ts';

/**
 * The figures are the truth at every step: what an aggregate counts by report status, as of an instant by time,
 * across reorganisations without double counting, and stocks over partly reported periods.
 */
for (const { backend, skip } of BACKENDS) {
  describe(`the figures aggregates count, on ${backend}`, { skip }, () => {
    let ctx: AppContext;

    useScratchApp(backend, '2026-12-04', async (suite) => {
      ({ ctx } = suite);
    });

    const unitOn = (code: string, period: string) => {
      const unit = ctx.graph.findByCode(code, referenceDate(parsePeriod(period)));
      assert.ok(unit, `${code} in ${period}`);
      return unit.id;
    };
    const write = async (
      form: string,
      at: string,
      figures: Array<{
        unit: number;
        period: string;
        indicator: string;
        option?: string;
        value: number | null;
      }>,
    ) => {
      const f = ctx.catalogue.form(form);
      assert.ok(f);
      await writeValues(
        ctx.store,
        ctx.graph,
        figures.map((x) => {
          const indicator = ctx.catalogue.indicator(x.indicator);
          assert.ok(indicator);
          return {
            formId: f.id,
            unitId: x.unit,
            indicatorId: indicator.id,
            optionId: x.option ? (indicator.optionIds.get(x.option) as number) : NO_OPTION,
            period: x.period,
            value: x.value,
            comment: null,
          };
        }),
        { at, userId: null, source: 'api', reason: null },
      );
    };
    /** Puts a report in a status, with the times a workflow would have recorded. */
    const setStatus = async (form: string, unit: number, period: string, status: string, at: string) => {
      const f = ctx.catalogue.form(form);
      assert.ok(f);
      await ctx.store.db
        .updateTable('submission')
        .set({
          status,
          updated_at: at,
          submitted_at: status === 'draft' ? null : at,
          approved_at: ['approved', 'locked'].includes(status) ? at : null,
          locked_at: status === 'locked' ? at : null,
        })
        .where('form_id', '=', f.id)
        .where('unit_id', '=', unit)
        .where('period', '=', period)
        .execute();
    };
    const row = async (
      unit: number,
      period: string,
      indicator: string,
      options: { compare?: boolean; include?: IncludeLevel; engine?: AnalyticsEngine } = {},
    ): Promise<AggregateRow> => {
      const [found] = await (options.engine ?? ctx.engine).aggregate({
        unitId: unit,
        period: parsePeriod(period),
        indicators: [indicator],
        compare: options.compare ?? false,
        ...(options.include ? { include: options.include } : {}),
      });
      assert.ok(found);
      return found;
    };

    it('counts submitted, approved and locked reports by default, and says how many units are in each status', async () => {
      // Hà Tĩnh (42) in 2026-11: one commune has submitted, one is still a draft, one was returned.
      const province = unitOn('42', '2026-11');
      const [a, b, c] = ctx.graph.childrenOn(province, referenceDate(parsePeriod('2026-11')));
      assert.ok(a !== undefined && b !== undefined && c !== undefined);
      await write('BC-THANG', '2026-11-15T02:00:00.000Z', [
        { unit: a, period: '2026-11', indicator: 'drug.cases', value: 5 },
        { unit: b, period: '2026-11', indicator: 'drug.cases', value: 7 },
        { unit: c, period: '2026-11', indicator: 'drug.cases', value: 11 },
      ]);
      await setStatus('BC-THANG', a, '2026-11', 'submitted', '2026-11-16T02:00:00.000Z');
      await setStatus('BC-THANG', c, '2026-11', 'returned', '2026-11-16T02:00:00.000Z');
      const byDefault = await row(province, '2026-11', 'drug.cases');
      assert.equal(byDefault.value, 5);
      assert.equal(byDefault.include, 'submitted');
      assert.equal((await row(province, '2026-11', 'drug.cases', { include: 'draft' })).value, 23);
      assert.equal((await row(province, '2026-11', 'drug.cases', { include: 'approved' })).value, null);
      // National figures leave the drafts out too (the roll-ups hold them; the engine takes them out).
      assert.equal((await row(unitOn('BCA', '2026-11'), '2026-11', 'drug.cases')).value, 5);
      const coverage = byDefault.coverage;
      assert.ok(coverage);
      assert.equal(coverage.statuses.submitted, 1);
      assert.equal(coverage.statuses.draft, 1);
      assert.equal(coverage.statuses.returned, 1);
      assert.equal(coverage.statuses.not_started, coverage.expected - 3);
      assert.equal(coverage.counted, 1);
      assert.equal(coverage.reported, 1);
      const answer = await runQuery(ctx, {
        unit: '42',
        period: '2026-11',
        indicator: 'drug.cases',
        include: 'approved',
      });
      assert.deepEqual(answer.counts, ['approved', 'locked']);
    });

    it('compares like for like: a change over the units counted in both periods, never flagged from a part', async () => {
      // Nghệ An (40): in 2026-10 every reporter's figures are approved; in 2026-12 nobody has submitted yet.
      const province = unitOn('40', '2026-10');
      const date = referenceDate(parsePeriod('2026-10'));
      const reporters = ctx.graph.subtreeOn(province, date);
      const october = reporters.map((unit) => ({
        unit,
        period: '2026-10',
        indicator: 'crime.occurred',
        value: 3,
      }));
      await write('BC-THANG', '2026-10-20T02:00:00.000Z', october);
      for (const unit of reporters)
        await setStatus('BC-THANG', unit, '2026-10', 'approved', '2026-10-21T02:00:00.000Z');
      const [first, second] = ctx.graph.childrenOn(province, date);
      assert.ok(first !== undefined && second !== undefined);
      await write('BC-THANG', '2026-11-20T02:00:00.000Z', [
        { unit: province, period: '2026-11', indicator: 'crime.occurred', value: 1 },
        { unit: first, period: '2026-11', indicator: 'crime.occurred', value: 12 },
        { unit: second, period: '2026-11', indicator: 'crime.occurred', value: 40 },
      ]);
      await setStatus('BC-THANG', first, '2026-11', 'submitted', '2026-11-21T02:00:00.000Z');
      // Only the first commune has submitted for November: it alone is compared with its own October.
      const november = await row(province, '2026-11', 'crime.occurred', { compare: true });
      assert.equal(november.value, 12);
      assert.equal(november.prev, 3 * reporters.length);
      assert.deepEqual(november.coverage_prev, {
        compared: 1,
        expected: reporters.length,
        basis: 'matched',
      });
      assert.equal(november.change_prev?.absolute, 9);
      assert.equal(november.change_prev?.percent, 300);
      assert.equal(november.notable_prev, null);
      // The ranking of provinces compares Nghệ An the same way.
      const ranking = await ctx.engine.ranking({
        unitId: unitOn('BCA', '2026-11'),
        period: parsePeriod('2026-11'),
        indicator: 'crime.occurred',
        option: null,
        compare: true,
        kind: 'province',
      });
      const ngheAn = ranking.find((r) => r.code === '40');
      assert.equal(ngheAn?.value, 12);
      assert.equal(ngheAn?.change_prev?.absolute, 9);
      assert.equal(ngheAn?.coverage_prev?.basis, 'matched');
      // The drafts of December are not figures: nothing to show, nothing to compare.
      await write('BC-THANG', '2026-12-20T02:00:00.000Z', [
        { unit: first, period: '2026-12', indicator: 'crime.occurred', value: 1 },
      ]);
      const december = await row(province, '2026-12', 'crime.occurred', { compare: true });
      assert.equal(december.value, null);
      assert.equal(december.change_prev, null);
      assert.equal(december.notable_prev, null);
      assert.equal(december.coverage?.reported, 0);
      // With every reporter approved in both months the totals are compared and may be flagged.
      const all = reporters.map((unit) => ({
        unit,
        period: '2026-11',
        indicator: 'crime.occurred',
        value: 30,
      }));
      await write('BC-THANG', '2026-11-25T02:00:00.000Z', all);
      for (const unit of reporters)
        await setStatus('BC-THANG', unit, '2026-11', 'approved', '2026-11-26T02:00:00.000Z');
      const complete = await row(province, '2026-11', 'crime.occurred', { compare: true });
      assert.equal(complete.coverage_prev?.basis, 'complete');
      assert.equal(complete.change_prev?.percent, 900);
      assert.equal(complete.notable_prev?.notable, true);
    });

    it('reads figures as of an instant by the time of each change, whatever order they were loaded in', async () => {
      const province = unitOn('01', '2020-02');
      // A back-dated batch of January and February figures is loaded after March's figures entered on 22/03.
      await write('BC-THANG', '2020-03-22T03:00:00.000Z', [
        { unit: province, period: '2020-03', indicator: 'traffic.deaths', value: 400 },
      ]);
      await write('BC-THANG', '2020-02-20T03:00:00.000Z', [
        { unit: province, period: '2020-01', indicator: 'traffic.deaths', value: 30 },
        { unit: province, period: '2020-02', indicator: 'traffic.deaths', value: 20 },
      ]);
      // A correction of February recorded on 01/03, then one back-dated to 25/02 loaded after it.
      await write('BC-THANG', '2020-03-01T03:00:00.000Z', [
        { unit: province, period: '2020-02', indicator: 'traffic.deaths', value: 26 },
      ]);
      await write('BC-THANG', '2020-02-25T03:00:00.000Z', [
        { unit: province, period: '2020-02', indicator: 'traffic.deaths', value: 22 },
      ]);
      const at = (instant: string) =>
        new AnalyticsEngine(ctx.graph, ctx.catalogue, asOfAnalyticsSource(ctx.store.db, ctx.graph, instant));
      const quarter = async (instant: string) =>
        (await row(province, '2020-Q1', 'traffic.deaths', { include: 'draft', engine: at(instant) })).value;
      assert.equal(await quarter('2020-02-26T01:00:00.000Z'), 30 + 22);
      assert.equal(await quarter('2020-02-21T01:00:00.000Z'), 30 + 20);
      assert.equal(await quarter('2020-03-02T01:00:00.000Z'), 30 + 26);
      assert.equal(await quarter('2020-03-23T01:00:00.000Z'), 30 + 26 + 400);
      assert.equal(await quarter('2020-02-19T01:00:00.000Z'), null);
      // The query service reads the same way (Vietnam time unless a zone is given).
      const answer = await runQuery(ctx, {
        unit: '01',
        period: '2020-Q1',
        indicator: 'traffic.deaths',
        asOf: '2020-02-26T08:00',
        include: 'draft',
      });
      assert.equal(answer.rows[0]?.value, 52);
    });

    it('counts commune 14698 against its two old communes only, not also the district they were in', async () => {
      const oldDistrict = unitOn('376', '2025-01');
      const communes = ctx.graph.childrenOn(oldDistrict, referenceDate(parsePeriod('2025-01')));
      const code = (id: number) => ctx.graph.require(id).code;
      const kimTrung = communes.find((id) => code(id) === '14695');
      const oldKimDong = communes.find((id) => code(id) === '14698');
      const other = communes.find((id) => !['14695', '14698'].includes(code(id)));
      assert.ok(kimTrung !== undefined && oldKimDong !== undefined && other !== undefined);
      await write('BC-THANG', '2025-02-20T03:00:00.000Z', [
        { unit: kimTrung, period: '2025-01', indicator: 'crime.occurred', value: 2 },
        { unit: oldKimDong, period: '2025-01', indicator: 'crime.occurred', value: 4 },
        { unit: other, period: '2025-01', indicator: 'crime.occurred', value: 1 },
      ]);
      const kimDong = unitOn('14698', '2026-01');
      await write('BC-THANG', '2026-02-20T03:00:00.000Z', [
        { unit: kimDong, period: '2026-01', indicator: 'crime.occurred', value: 5 },
      ]);
      const r = await row(kimDong, '2026-01', 'crime.occurred', { compare: true, include: 'draft' });
      assert.equal(r.yoy, 6);
      assert.deepEqual(r.yoy_units, ['14695', '14698']);
    });

    it('takes each unit’s latest report of a stock within the period: a late month never reads as the whole', async () => {
      const a = unitOn('01', '2026-10');
      const b = unitOn('79', '2026-10');
      await write('BC-CAX', '2026-11-20T03:00:00.000Z', [
        { unit: a, period: '2026-10', indicator: 'commune_police.communes', value: 126 },
        { unit: b, period: '2026-10', indicator: 'commune_police.communes', value: 168 },
        { unit: a, period: '2026-10', indicator: 'commune_police.regular', value: 126 },
        { unit: b, period: '2026-10', indicator: 'commune_police.regular', value: 84 },
      ]);
      // November: only one of the two has reported.
      await write('BC-CAX', '2026-12-01T03:00:00.000Z', [
        { unit: a, period: '2026-11', indicator: 'commune_police.communes', value: 126 },
        { unit: a, period: '2026-11', indicator: 'commune_police.regular', value: 126 },
      ]);
      for (const unit of [a, b])
        await setStatus('BC-CAX', unit, '2026-10', 'approved', '2026-11-21T03:00:00.000Z');
      await setStatus('BC-CAX', a, '2026-11', 'submitted', '2026-12-02T03:00:00.000Z');
      const nation = unitOn('BCA', '2026-11');
      assert.equal((await row(nation, '2026-Q4', 'commune_police.communes')).value, 126 + 168);
      assert.equal((await row(nation, '2026-11', 'commune_police.communes')).value, 126);
      // The share of regular police is computed from the same latest reports.
      assert.equal(
        (await row(nation, '2026-Q4', 'commune_police.coverage')).value,
        Math.round(((126 + 84) / (126 + 168)) * 10000) / 100,
      );
    });
  });
}
