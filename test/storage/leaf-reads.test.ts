import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import type { ValueInput } from '../../src/values/model.ts';
import { readLeafCells, writeValues } from '../../src/values/repository.ts';
import { REFERENCE_DIR, TEST_TODAY } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

/**
 * The figures of units without children (a drill-down's cells) are read however the units lie: communes whose ids
 * lie close together with others between them that have figures too (read as a stretch, the units asked kept), units
 * far apart (PostgreSQL: one key at a time) and many units spread thinly. Every read
 * gives the figures of the units, periods and indicator asked, and nothing else.
 */
for (const { backend, skip } of BACKENDS) {
  describe(`figures of units without children, read by key (${backend})`, { skip }, () => {
    let scratch: ScratchDatabase;
    let ctx: AppContext;
    const PERIODS = ['2026-08', '2026-09', '2026-10'];
    let communes: number[] = [];
    let crime = 0;
    /** The figures written, by "period|unit" (crime.occurred, no option). */
    const written = new Map<string, number>();

    before(async () => {
      scratch = await scratchDatabase(backend);
      ctx = await openApp({
        databaseUrl: scratch.url,
        clock: new FixedClock(TEST_TODAY),
        referenceDataDir: REFERENCE_DIR,
      });
      const date = '2026-10-15';
      const g = ctx.graph;
      communes = g
        .subtreeOn(g.root(date).id, date)
        .filter((id) => g.require(id).kind === 'commune')
        .sort((a, b) => a - b);
      assert.ok(communes.length > 300, `${communes.length} communes`);
      const form = ctx.catalogue.form('BC-THANG');
      const indicator = ctx.catalogue.indicator('crime.occurred');
      const other = ctx.catalogue.indicator('crime.solved');
      assert.ok(form && indicator && other);
      crime = indicator.id;
      const inputs: ValueInput[] = [];
      // Every commune of the first 260 has figures (some months erased or never given), and another indicator's.
      for (const [i, unitId] of communes.slice(0, 260).entries()) {
        for (const [m, period] of PERIODS.entries()) {
          if ((i + m) % 5 === 4) continue;
          const value = (i * 7 + m * 3) % 23;
          inputs.push({
            formId: form.id,
            unitId,
            indicatorId: crime,
            optionId: NO_OPTION,
            period,
            value,
            comment: null,
          });
          written.set(`${period}|${unitId}`, value);
          inputs.push({
            formId: form.id,
            unitId,
            indicatorId: other.id,
            optionId: NO_OPTION,
            period,
            value: value + 100,
            comment: null,
          });
        }
      }
      await writeValues(ctx.store, ctx.graph, inputs, {
        at: '2026-11-02T01:00:00.000Z',
        userId: null,
        source: 'import',
        reason: null,
      });
      // One figure erased: the reads leave it out.
      const erased = communes[2] as number;
      await writeValues(
        ctx.store,
        ctx.graph,
        [
          {
            formId: form.id,
            unitId: erased,
            indicatorId: crime,
            optionId: NO_OPTION,
            period: '2026-09',
            value: null,
            comment: null,
          },
        ],
        { at: '2026-11-03T01:00:00.000Z', userId: null, source: 'api', reason: 'erased' },
      );
      written.delete(`2026-09|${erased}`);
    });
    after(async () => {
      await ctx?.close();
      await scratch?.drop();
    });

    const expected = (unitIds: number[], periods: string[]) =>
      periods
        .flatMap((p) =>
          unitIds.filter((u) => written.has(`${p}|${u}`)).map((u) => `${p}|${u}|${written.get(`${p}|${u}`)}`),
        )
        .sort();
    const read = async (unitIds: number[], periods: string[]) =>
      (await readLeafCells(ctx.store.readDb, { unitIds, periods, indicatorIds: [crime] }))
        .map((c) => {
          assert.equal(c.indicatorId, crime);
          assert.equal(c.optionId, NO_OPTION);
          assert.equal(c.count, 1);
          return `${c.period}|${c.unitId}|${c.value}`;
        })
        .sort();

    it('reads every other commune of a stretch whose others have figures too, and none of those', async () => {
      const asked = communes.slice(0, 40).filter((_, i) => i % 2 === 0);
      const got = await read(asked, PERIODS);
      assert.ok(got.length > 40);
      assert.deepEqual(got, expected(asked, PERIODS));
      // Some months only, not next to each other.
      assert.deepEqual(await read(asked, ['2026-08', '2026-10']), expected(asked, ['2026-08', '2026-10']));
    });

    it('reads units far apart', async () => {
      const asked = [communes[1], communes[130], communes[259], communes[communes.length - 1]] as number[];
      assert.deepEqual(await read(asked, PERIODS), expected(asked, PERIODS));
      assert.deepEqual(
        await read([communes[7] as number], ['2026-10']),
        expected([communes[7] as number], ['2026-10']),
      );
    });

    it('reads more units than are looked up one by one, and units without figures', async () => {
      const asked = communes.slice(20, 320);
      const got = await read(asked, PERIODS);
      assert.ok(got.length > 500);
      assert.deepEqual(got, expected(asked, PERIODS));
      assert.deepEqual(await read(communes.slice(300, 320), PERIODS), []);
    });

    it('reads back exactly the numbers written, however awkward their decimals, signs and sizes', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      const weight = ctx.catalogue.indicator('drug.seized_kg');
      assert.ok(form && weight);
      const optionId =
        weight.options.length > 0
          ? (weight.optionIds.get(weight.options[0]?.code ?? '') as number)
          : NO_OPTION;
      const awkward = [
        138.6,
        0.1 + 0.2,
        1e-7,
        123456789.12345679,
        5e21,
        3e-12,
        -2.5,
        0,
        27.9,
        1 / 3,
        2 ** 53 + 2,
        2 ** 53 - 1,
        0.000123,
        1e22,
        1e23,
      ];
      // A stretch of communes (read as one range) and units far apart (PostgreSQL: one key each).
      const near = communes.slice(0, awkward.length);
      const far = awkward.map((_, i) => communes[i * 17] as number);
      for (const [label, units] of [
        ['near', near],
        ['far', far],
      ] as const) {
        const inputs: ValueInput[] = units.map((unitId, i) => ({
          formId: form.id,
          unitId,
          indicatorId: weight.id,
          optionId,
          period: '2026-07',
          value: awkward[i] as number,
          comment: null,
        }));
        await writeValues(ctx.store, ctx.graph, inputs, {
          at: '2026-11-04T01:00:00.000Z',
          userId: null,
          source: 'import',
          reason: null,
        });
        const cells = await readLeafCells(ctx.store.readDb, {
          unitIds: units,
          periods: ['2026-07'],
          indicatorIds: [weight.id],
        });
        const got = new Map(cells.filter((c) => c.optionId === optionId).map((c) => [c.unitId, c.value]));
        for (const [i, unitId] of units.entries())
          assert.ok(
            Object.is(got.get(unitId), awkward[i]),
            `${label}: ${awkward[i]} read back as ${got.get(unitId)}`,
          );
      }
    });

    it('reads many units spread too thinly to be read as a stretch', async () => {
      // Every fifth commune: the ids span more than four per unit asked, and there are more than are looked up one by one.
      const asked = communes.filter((_, i) => i % 5 === 0).slice(0, 240);
      assert.ok(asked.length > 200, `${asked.length} units`);
      const got = await read(asked, PERIODS);
      assert.ok(got.length > 100);
      assert.deepEqual(got, expected(asked, PERIODS));
    });
  });
}
