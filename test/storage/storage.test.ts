import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AnalyticsEngine } from '../../src/analytics/engine.ts';
import { asOfAnalyticsSource } from '../../src/analytics/repository.ts';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { migrate } from '../../src/db/store.ts';
import { SeededRandom } from '../../src/demo/random.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { parsePeriod } from '../../src/periods/period.ts';
import { referenceDate } from '../../src/periods/regime.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { reparentUnit } from '../../src/units/repository.ts';
import type { ValueInput } from '../../src/values/model.ts';
import { VersionConflictError } from '../../src/values/model.ts';
import { readValues, rebuildRollups, valueHistory, writeValues } from '../../src/values/repository.ts';
import { roundTo } from '../../src/vietnamese/numbers.ts';
import { REFERENCE_DIR } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

const PERIODS = ['2025-01', '2025-02', '2025-05', '2025-08', '2026-01'];

/** Sums the stored leaf figures of a unit's subtree by walking the tree: the brute-force reference. */
async function bruteForce(
  ctx: AppContext,
  unitId: number,
  periodId: string,
  indicatorCode: string,
  option: string | null,
) {
  const indicator = ctx.catalogue.indicator(indicatorCode);
  assert.ok(indicator);
  const optionId = option === null ? NO_OPTION : (indicator.optionIds.get(option) as number);
  const date = referenceDate(parsePeriod(periodId));
  const subtree = new Set(ctx.graph.subtreeOn(unitId, date));
  const rows = await readValues(ctx.store.db, { periods: [periodId], indicatorIds: [indicator.id] });
  let total = 0;
  let count = 0;
  for (const r of rows) {
    if (r.optionId === optionId && subtree.has(r.unitId) && r.value !== null) {
      total += r.value;
      count++;
    }
  }
  return count === 0 ? null : roundTo(total, indicator.decimals);
}

async function engineValue(
  ctx: AppContext,
  unitId: number,
  periodId: string,
  indicator: string,
  option: string | null,
) {
  const rows = await ctx.engine.aggregate({
    unitId,
    period: parsePeriod(periodId),
    indicators: [indicator],
    coverage: false,
    // Figures written straight to storage belong to draft reports.
    include: 'draft',
  });
  return rows.find((r) => r.option === option)?.value ?? null;
}

for (const { backend, skip } of BACKENDS) {
  describe(`storage on ${backend}`, { skip }, () => {
    let scratch: ScratchDatabase;
    let ctx: AppContext;
    const clock = new FixedClock('2026-02-20');

    before(async () => {
      scratch = await scratchDatabase(backend);
      ctx = await openApp({ databaseUrl: scratch.url, clock, referenceDataDir: REFERENCE_DIR });
    });
    after(async () => {
      await ctx?.close();
      await scratch?.drop();
    });

    it('loads the real units of both eras, with the counts of the official tables', async () => {
      const count = (date: string, kind: 'province' | 'district' | 'commune') =>
        ctx.graph.unitsOn(date, kind).length;
      assert.equal(count('2025-06-30', 'province'), 63);
      assert.equal(count('2025-07-01', 'province'), 34);
      assert.equal(count('2025-02-28', 'district'), 694);
      assert.equal(count('2025-03-01', 'district'), 0);
      // 3,321 communes less Hoàng Sa and Trường Sa, which have no police unit.
      assert.equal(count('2025-07-01', 'commune'), 3319);
      assert.equal(count('2025-06-30', 'commune'), 10035 - 3);
      // Code 15 was Yên Bái until 30/06/2025 and is Lào Cai since: the code alone does not identify a unit.
      assert.equal(
        ctx.graph.nameOn(ctx.graph.findByCode('15', '2025-06-30')?.id ?? 0, '2025-06-30'),
        'Công an tỉnh Yên Bái',
      );
      assert.equal(
        ctx.graph.nameOn(ctx.graph.findByCode('15', '2025-07-01')?.id ?? 0, '2025-07-01'),
        'Công an tỉnh Lào Cai',
      );
      const laoCai = ctx.graph.findByCode('15', '2025-07-01');
      assert.ok(laoCai);
      assert.deepEqual(
        ctx.graph
          .predecessorEvents(laoCai.id)
          .map((e) => ctx.graph.require(e.fromUnitId).adminCode)
          .sort(),
        ['10', '15'],
      );
    });

    it('runs the migrations once: a second run applies nothing', async () => {
      assert.deepEqual(await migrate(ctx.store), []);
    });

    it('keeps every version of a figure and refuses a stale write', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      const indicator = ctx.catalogue.indicator('drug.cases');
      const unit = ctx.graph.findByCode('40', '2020-02-14');
      assert.ok(form && indicator && unit);
      const key = {
        formId: form.id,
        unitId: unit.id,
        indicatorId: indicator.id,
        optionId: NO_OPTION,
        period: '2020-02',
      };
      const change = (at: string) => ({ at, userId: null, source: 'api' as const, reason: 'test' });
      const first = await writeValues(
        ctx.store,
        ctx.graph,
        [{ ...key, value: 10, comment: null }],
        change('2020-02-20T01:00:00.000Z'),
      );
      assert.deepEqual([first.inserted, first.updated, first.unchanged], [1, 0, 0]);
      const same = await writeValues(
        ctx.store,
        ctx.graph,
        [{ ...key, value: 10, comment: null }],
        change('2020-02-21T01:00:00.000Z'),
      );
      assert.deepEqual([same.inserted, same.updated, same.unchanged, same.changeId], [0, 0, 1, null]);
      await writeValues(
        ctx.store,
        ctx.graph,
        [{ ...key, value: 12, comment: 'bổ sung', expectedVersion: 1 }],
        change('2020-02-22T01:00:00.000Z'),
      );
      await assert.rejects(
        writeValues(
          ctx.store,
          ctx.graph,
          [{ ...key, value: 99, comment: null, expectedVersion: 1 }],
          change('2020-02-23T01:00:00.000Z'),
        ),
        VersionConflictError,
      );
      const history = await valueHistory(ctx.store.db, key);
      assert.deepEqual(
        history.map((h) => [h.version, h.value, h.comment]),
        [
          [2, 12, 'bổ sung'],
          [1, 10, null],
        ],
      );
      assert.equal(history[1]?.supersededBy, history[0]?.changeId);
      // As of a moment between the two writes, the first figure is what counted.
      const asOf = new AnalyticsEngine(
        ctx.graph,
        ctx.catalogue,
        asOfAnalyticsSource(ctx.store.db, ctx.graph, '2020-02-21T12:00:00.000Z'),
      );
      const root = ctx.graph.root('2020-02-14').id;
      const [then] = await asOf.aggregate({
        unitId: root,
        period: parsePeriod('2020-02'),
        indicators: ['drug.cases'],
        coverage: false,
        include: 'draft',
      });
      const [now] = await ctx.engine.aggregate({
        unitId: root,
        period: parsePeriod('2020-02'),
        indicators: ['drug.cases'],
        coverage: false,
        include: 'draft',
      });
      assert.equal(then?.value, 10);
      assert.equal(now?.value, 12);
    });

    it('agrees with brute force over random subtrees, periods and indicators, through edits and re-parenting', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      assert.ok(form);
      const rng = new SeededRandom(backend === 'sqlite' ? 7 : 11);
      const pairs: Array<[string, string | null]> = [
        ['crime.occurred', null],
        ['drug.seized_kg', 'heroin'],
        ['gambling.cases', null],
      ];
      const writeRandom = async (share: number, at: string) => {
        const inputs: ValueInput[] = [];
        for (const periodId of PERIODS) {
          const date = referenceDate(parsePeriod(periodId));
          const province = ctx.graph.findByCode(periodId < '2025-07' ? '35' : '37', date);
          assert.ok(province);
          for (const unitId of ctx.graph.subtreeOn(province.id, date)) {
            for (const [code, option] of pairs) {
              if (rng.next() > share) continue;
              const indicator = ctx.catalogue.indicator(code);
              assert.ok(indicator);
              const raw = rng.next() < 0.1 ? null : rng.int(0, 40) / (indicator.decimals > 0 ? 8 : 1);
              inputs.push({
                formId: form.id,
                unitId,
                indicatorId: indicator.id,
                optionId: option === null ? NO_OPTION : (indicator.optionIds.get(option) as number),
                period: periodId,
                value: raw,
                comment: null,
              });
            }
          }
        }
        await writeValues(ctx.store, ctx.graph, inputs, {
          at,
          userId: null,
          source: 'import',
          reason: 'random',
        });
      };
      const compareAll = async (label: string) => {
        let checked = 0;
        for (const periodId of PERIODS) {
          const date = referenceDate(parsePeriod(periodId));
          const province = ctx.graph.findByCode(periodId < '2025-07' ? '35' : '37', date);
          assert.ok(province);
          const subtree = ctx.graph.subtreeOn(province.id, date);
          const targets = [ctx.graph.root(date).id, province.id, ...subtree.filter(() => rng.next() < 0.08)];
          for (const unitId of targets) {
            for (const [code, option] of pairs) {
              const expected = await bruteForce(ctx, unitId, periodId, code, option);
              const actual = await engineValue(ctx, unitId, periodId, code, option);
              assert.equal(actual, expected, `${label}: unit ${unitId} ${periodId} ${code}/${option}`);
              checked++;
            }
          }
        }
        assert.ok(checked > 30, `checked ${checked} aggregates`);
      };
      await writeRandom(0.6, '2026-02-01T01:00:00.000Z');
      await compareAll('after import');
      await writeRandom(0.3, '2026-02-02T01:00:00.000Z');
      await compareAll('after edits');

      // Move a commune of Hà Nam to another district from 2025-02-01 on: roll-ups of later periods follow.
      const date = referenceDate(parsePeriod('2025-01'));
      const province = ctx.graph.findByCode('35', date);
      assert.ok(province);
      const districts = ctx.graph.childrenOn(province.id, date);
      const [fromDistrict, toDistrict] = districts;
      assert.ok(fromDistrict !== undefined && toDistrict !== undefined);
      const commune = ctx.graph.childrenOn(fromDistrict, date)[0];
      assert.ok(commune !== undefined);
      await ctx.store.write((trx) => reparentUnit(trx, commune, toDistrict, '2025-02-01'));
      await ctx.reload();
      assert.equal(ctx.graph.parentOn(commune, '2025-02-10'), toDistrict);
      assert.equal(ctx.graph.parentOn(commune, '2025-01-10'), fromDistrict);
      await rebuildRollups(ctx.store, ctx.graph, ['2025-02']);
      await compareAll('after re-parenting');
    });

    it('compares a post-reform province with the sum of its predecessors', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      const indicator = ctx.catalogue.indicator('traffic.accidents');
      assert.ok(form && indicator);
      const before = '2025-01';
      const beforeDate = referenceDate(parsePeriod(before));
      const inputs: ValueInput[] = [];
      const byCode: Record<string, number> = { '35': 21, '36': 34, '37': 15 };
      for (const [code, value] of Object.entries(byCode)) {
        const unit = ctx.graph.findByCode(code, beforeDate);
        assert.ok(unit);
        inputs.push({
          formId: form.id,
          unitId: unit.id,
          indicatorId: indicator.id,
          optionId: NO_OPTION,
          period: before,
          value,
          comment: null,
        });
      }
      const ninhBinh = ctx.graph.findByCode('37', '2026-01-14');
      assert.ok(ninhBinh);
      inputs.push({
        formId: form.id,
        unitId: ninhBinh.id,
        indicatorId: indicator.id,
        optionId: NO_OPTION,
        period: '2026-01',
        value: 60,
        comment: null,
      });
      await writeValues(ctx.store, ctx.graph, inputs, {
        at: '2026-02-03T01:00:00.000Z',
        userId: null,
        source: 'api',
        reason: null,
      });
      const [row] = await ctx.engine.aggregate({
        unitId: ninhBinh.id,
        period: parsePeriod('2026-01'),
        indicators: ['traffic.accidents'],
        compare: true,
        coverage: false,
        include: 'draft',
      });
      assert.ok(row);
      assert.equal(row.value, 60);
      assert.equal(row.yoy, 21 + 34 + 15);
      assert.deepEqual(row.yoy_units, ['35', '36', '37']);
      assert.equal(row.yoy_rule, 'predecessors');
      // Its communes (expected reporters since July 2025) have not reported: no change is computed over a part.
      assert.equal(row.change_yoy, null);
      assert.equal(row.coverage_yoy?.basis, 'refused');
    });
  });
}
