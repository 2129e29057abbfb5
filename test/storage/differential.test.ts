import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { AnalyticsEngine } from '../../src/analytics/engine.ts';
import { asOfAnalyticsSource } from '../../src/analytics/repository.ts';
import { countedStatuses, INCLUDE_LEVELS, type IncludeLevel } from '../../src/analytics/status.ts';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { SYSTEM_ACTOR } from '../../src/audit/actor.ts';
import type { Database } from '../../src/db/schema.ts';
import { SeededRandom } from '../../src/demo/random.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import {
  daysOf,
  monthsOf,
  type Period,
  parsePeriod,
  previousPeriod,
  samePeriodLastYear,
  yearToDateOf,
} from '../../src/periods/period.ts';
import { referenceDate } from '../../src/periods/regime.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { transition } from '../../src/submissions/service.ts';
import { SUBMISSION_ACTIONS } from '../../src/submissions/workflow.ts';
import type { ValueInput } from '../../src/values/model.ts';
import { rebuildRollups, writeValues } from '../../src/values/repository.ts';
import { roundTo } from '../../src/vietnamese/numbers.ts';
import { REFERENCE_DIR } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

/**
 * The engine against an independent recomputation: plain SQL over the stored figures, their history, the change
 * records, the reports and the unit tables (not the roll-ups, not the engine's code), over random units, every kind
 * of period, comparisons, as-of instants and data statuses, on a generated dataset loaded out of order across the
 * 2025 reorganisation.
 */

/** The kinds of lineage that pass a whole unit (anything but a split). */
const WHOLE = ['merge', 'unchanged', 'rename', 'type_change'];

interface Query {
  unitId: number;
  indicator: string;
  option: string | null;
  period: string;
  compare: boolean;
  include: IncludeLevel;
  asOf: string | null;
}

/** The figures counted for one stored period, per unit of the represented subtree; null where not comparable. */
async function oracleCells(
  db: Kysely<Database>,
  q: Query,
  ids: { indicatorId: number; optionId: number },
  period: string,
): Promise<Array<{ unit_id: number; value: number }> | null> {
  const d = referenceDate(parsePeriod(period));
  const unit = (
    await sql<{ valid_from: string; valid_to: string }>`
      SELECT valid_from, valid_to FROM unit WHERE id = ${q.unitId}`.execute(db)
  ).rows[0];
  if (!unit || unit.valid_to < d) return null;
  let reps: number[];
  if (unit.valid_from <= d) reps = [q.unitId];
  else {
    // Back through lineage to the units that existed on the day.
    const walk = await sql<{ unit_id: number; dead_end: number; partial: number }>`
      WITH RECURSIVE walk(unit_id) AS (
        SELECT CAST(${q.unitId} AS integer)
        UNION
        SELECT l.from_unit_id FROM walk w
        JOIN unit_lineage l ON l.to_unit_id = w.unit_id AND l.from_unit_id <> l.to_unit_id
        JOIN unit f ON f.id = l.from_unit_id
        WHERE ${d} < f.valid_from AND l.kind IN (${sql.join(WHOLE)})
      )
      SELECT w.unit_id,
        CASE WHEN EXISTS (SELECT 1 FROM unit_lineage l WHERE l.to_unit_id = w.unit_id AND l.from_unit_id <> l.to_unit_id)
          THEN 0 ELSE 1 END AS dead_end,
        (SELECT count(*) FROM unit_lineage l WHERE l.to_unit_id = w.unit_id AND l.from_unit_id <> l.to_unit_id
          AND l.kind NOT IN (${sql.join(WHOLE)}) AND l.weight IS NULL) AS partial
      FROM walk w`.execute(db);
    if (walk.rows.some((r) => Number(r.dead_end) > 0 || Number(r.partial) > 0)) return null;
    const found = await sql<{ id: number }>`
      SELECT DISTINCT l.from_unit_id AS id FROM unit_lineage l JOIN unit f ON f.id = l.from_unit_id
      WHERE l.to_unit_id IN (${sql.join(walk.rows.map((r) => r.unit_id))}) AND l.from_unit_id <> l.to_unit_id
        AND l.kind IN (${sql.join(WHOLE)}) AND f.valid_from <= ${d} AND ${d} <= f.valid_to`.execute(db);
    reps = found.rows.map((r) => Number(r.id));
    if (reps.length === 0) return null;
  }
  const counted = countedStatuses(q.include);
  const inForce = q.asOf
    ? sql`(SELECT unit_id, form_id, value FROM (
          SELECT v.unit_id, v.form_id, v.value,
                 ROW_NUMBER() OVER (PARTITION BY v.unit_id, v.form_id ORDER BY c.at DESC, v.version DESC) AS rn
          FROM (SELECT unit_id, form_id, value, version, change_id FROM data_value
                  WHERE period = ${period} AND indicator_id = ${ids.indicatorId} AND option_id = ${ids.optionId}
                UNION ALL
                SELECT unit_id, form_id, value, version, change_id FROM data_value_history
                  WHERE period = ${period} AND indicator_id = ${ids.indicatorId} AND option_id = ${ids.optionId}) v
          JOIN change_set c ON c.id = v.change_id
          WHERE c.at <= ${q.asOf}) x WHERE rn = 1)`
    : sql`(SELECT unit_id, form_id, value FROM data_value
          WHERE period = ${period} AND indicator_id = ${ids.indicatorId} AND option_id = ${ids.optionId})`;
  const status = q.asOf
    ? sql`CASE WHEN s.locked_at IS NOT NULL AND s.locked_at <= ${q.asOf} THEN 'locked'
               WHEN s.approved_at IS NOT NULL AND s.approved_at <= ${q.asOf} THEN 'approved'
               WHEN s.submitted_at IS NOT NULL AND s.submitted_at <= ${q.asOf} THEN
                 CASE WHEN s.status = 'returned' AND s.updated_at <= ${q.asOf} THEN 'returned' ELSE 'submitted' END
               ELSE 'draft' END`
    : sql`s.status`;
  // The counted figures in force, then each one's ancestors on the day: those under a representing unit count.
  const rows = await sql<{ unit_id: number; value: number }>`
    WITH RECURSIVE f AS (
      SELECT x.unit_id, x.value FROM ${inForce} x
      JOIN submission s ON s.form_id = x.form_id AND s.unit_id = x.unit_id AND s.period = ${period}
      JOIN unit u ON u.id = x.unit_id AND u.valid_from <= ${d} AND ${d} <= u.valid_to
      WHERE x.value IS NOT NULL AND ${status} IN (${sql.join([...counted])})
    ),
    up(unit_id, ancestor) AS (
      SELECT DISTINCT unit_id, unit_id FROM f
      UNION
      SELECT up.unit_id, p.parent_id FROM up
      JOIN unit_parent p ON p.unit_id = up.ancestor AND p.valid_from <= ${d} AND ${d} <= p.valid_to
    )
    SELECT f.unit_id, f.value FROM f
    WHERE f.unit_id IN (SELECT unit_id FROM up WHERE ancestor IN (${sql.join(reps)}))`.execute(db);
  return rows.rows.map((r) => ({ unit_id: Number(r.unit_id), value: Number(r.value) }));
}

const cache = new Map<string, Array<{ unit_id: number; value: number }> | null>();

/** A term's value: sums add up over the stored periods; a stock takes each unit's latest counted figure. */
async function oracleValue(
  ctx: AppContext,
  q: Query,
  period: Period | null,
  daily: boolean,
): Promise<number | null> {
  if (!period) return null;
  const indicator = ctx.catalogue.indicator(q.indicator);
  assert.ok(indicator);
  const ids = {
    indicatorId: indicator.id,
    optionId: q.option === null ? NO_OPTION : (indicator.optionIds.get(q.option) as number),
  };
  const stored =
    period.type === 'day' || period.type === 'range'
      ? daily
        ? daysOf(period).map((p) => p.id)
        : []
      : monthsOf(period).map((p) => p.id);
  const latest = new Map<number, number>();
  let total = 0;
  let count = 0;
  for (const p of stored) {
    // The same stored period is asked about by many queries: each is recomputed once.
    const key = `${q.unitId}|${q.indicator}|${q.option}|${q.include}|${q.asOf}|${p}`;
    let cells = cache.get(key);
    if (cells === undefined) {
      cells = await oracleCells(ctx.store.db, q, ids, p);
      cache.set(key, cells);
    }
    if (cells === null) return null;
    const perUnit = new Map<number, number>();
    for (const c of cells) {
      total += c.value;
      count++;
      perUnit.set(c.unit_id, (perUnit.get(c.unit_id) ?? 0) + c.value);
    }
    for (const [u, v] of perUnit) latest.set(u, v);
  }
  if (indicator.aggregation.kind === 'latest') {
    if (latest.size === 0) return null;
    return roundTo(
      [...latest.values()].reduce((a, b) => a + b, 0),
      indicator.decimals,
    );
  }
  return count === 0 ? null : roundTo(total, indicator.decimals);
}

const PERIODS: Record<string, string[]> = {
  'crime.occurred': [
    '2024-05',
    '2025-01',
    '2025-03',
    '2025-07',
    '2025-11',
    '2026-02',
    '2025-Q1',
    '2025-Q3',
    '2026-Q1',
    '2025-H1',
    '2025-H2',
    '2025',
    '2025-08-ytd',
    '2026-02-ytd',
    '2026-02-12',
    '2026-02-10..2026-02-16',
    '2025-01-27..2025-02-02',
  ],
  'drug.seized_kg': ['2024-12', '2025-06', '2025-08', '2026-01', '2025-Q2', '2025-H2', '2025', '2026-01-ytd'],
  'commune_police.communes': ['2025-06', '2025-09', '2025-Q4', '2026-Q1', '2025-H2', '2025', '2025-12-ytd'],
};

for (const { backend, skip } of BACKENDS) {
  describe(`the engine against plain SQL over the stored figures, on ${backend}`, { skip }, () => {
    let scratch: ScratchDatabase;
    let ctx: AppContext;
    const units: number[] = [];
    const broad: number[] = [];
    const instants: string[] = [];

    before(async () => {
      cache.clear();
      scratch = await scratchDatabase(backend);
      ctx = await openApp({
        databaseUrl: scratch.url,
        clock: new FixedClock('2026-04-20'),
        referenceDataDir: REFERENCE_DIR,
      });
      const rng = new SeededRandom(backend === 'sqlite' ? 101 : 202);
      const g = ctx.graph;
      const on = (code: string, date: string) => {
        const u = g.findByCode(code, date);
        assert.ok(u, `${code} on ${date}`);
        return u.id;
      };
      // Ninh Bình across the 2025 merger: the old provinces 35, 36 and 37 (their districts until 28/02/2025 and a
      // sample of communes, Kim Sơn's included), the new 37 and a sample of its communes (Kim Đông among them).
      const oldProvinces = ['35', '36', '37'].map((c) => on(c, '2025-01-14'));
      const kimSon = on('376', '2025-01-14');
      const oldCommunes = [
        ...g.childrenOn(kimSon, '2025-01-14'),
        ...oldProvinces.flatMap((p) =>
          g
            .subtreeOn(p, '2025-01-14')
            .filter((id) => g.require(id).kind === 'commune')
            .filter(() => rng.next() < 0.04),
        ),
      ];
      const districts = oldProvinces.flatMap((p) =>
        g.childrenOn(p, '2025-01-14').filter((id) => g.require(id).kind === 'district'),
      );
      const newProvince = on('37', '2026-01-14');
      const newCommunes = [
        on('14698', '2026-01-14'),
        ...g.childrenOn(newProvince, '2026-01-14').filter(() => rng.next() < 0.12),
      ];
      broad.push(on('BCA', '2026-01-14'), newProvince, on('14698', '2026-01-14'), ...oldProvinces);
      units.push(
        on('BCA', '2026-01-14'),
        ...oldProvinces,
        kimSon,
        ...districts.filter(() => rng.next() < 0.3),
        ...oldCommunes.filter(() => rng.next() < 0.4),
        newProvince,
        ...newCommunes,
      );

      const form = (code: string) => {
        const f = ctx.catalogue.form(code);
        assert.ok(f);
        return f.id;
      };
      const ind = (code: string) => {
        const i = ctx.catalogue.indicator(code);
        assert.ok(i);
        return i;
      };
      const crime = ind('crime.occurred');
      const kg = ind('drug.seized_kg');
      const communes = ind('commune_police.communes');
      const heroin = kg.optionIds.get('heroin') as number;
      const months: string[] = [];
      for (let y = 2024; y <= 2026; y++)
        for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
      const figures: ValueInput[] = [];
      for (const period of months.filter((m) => m <= '2026-03')) {
        const date = referenceDate(parsePeriod(period));
        const valid = (id: number) => {
          const u = g.require(id);
          return u.validFrom <= date && date <= u.validTo;
        };
        const present = [...new Set(units)].filter(valid);
        for (const unitId of present) {
          if (rng.next() < 0.55)
            figures.push({
              formId: form('BC-THANG'),
              unitId,
              indicatorId: crime.id,
              optionId: NO_OPTION,
              period,
              value: rng.int(0, 30),
              comment: null,
            });
          if (rng.next() < 0.35)
            figures.push({
              formId: form('BC-THANG'),
              unitId,
              indicatorId: kg.id,
              optionId: heroin,
              period,
              value: rng.int(0, 400) / 10,
              comment: null,
            });
          if (g.require(unitId).kind === 'province' && rng.next() < 0.8)
            figures.push({
              formId: form('BC-CAX'),
              unitId,
              indicatorId: communes.id,
              optionId: NO_OPTION,
              period,
              value: rng.int(90, 130),
              comment: null,
            });
        }
      }
      // Daily figures of provinces around two Tết holidays.
      for (const [from, to] of [
        ['2025-01-20', '2025-02-06'],
        ['2026-02-05', '2026-02-20'],
      ] as const) {
        for (const day of daysOf(parsePeriod(`${from}..${to}`))) {
          const provinces = from < '2025-07' ? oldProvinces : [newProvince];
          for (const unitId of provinces)
            if (rng.next() < 0.8)
              figures.push({
                formId: form('BC-NGAY-TET'),
                unitId,
                indicatorId: crime.id,
                optionId: NO_OPTION,
                period: day.id,
                value: rng.int(0, 9),
                comment: null,
              });
        }
      }
      // Loaded in batches whose recorded times are shuffled (back-dated loads), then corrected twice, also
      // back-dated, with some figures erased.
      const time = (i: number) =>
        new Date(Date.UTC(2024, 1, 1) + i * 9 * 86_400_000 + rng.int(0, 86_399) * 1000).toISOString();
      const batches: Array<{ at: string; inputs: ValueInput[] }> = [];
      const shuffled = [...figures].sort(() => rng.next() - 0.5);
      for (let i = 0; i < 10; i++)
        batches.push({ at: time(rng.int(0, 90)), inputs: shuffled.filter((_, j) => j % 10 === i) });
      for (let round = 0; round < 2; round++) {
        const inputs = figures
          .filter(() => rng.next() < 0.15)
          .map((f) => ({
            ...f,
            value: rng.next() < 0.1 ? null : f.indicatorId === kg.id ? rng.int(0, 400) / 10 : rng.int(0, 40),
          }));
        batches.push({ at: time(rng.int(0, 90)), inputs });
      }
      for (const b of batches) {
        instants.push(b.at);
        await writeValues(ctx.store, ctx.graph, b.inputs, {
          at: b.at,
          userId: null,
          source: 'import',
          reason: 'differential',
        });
      }
      // Reports in every status, with the times a workflow records.
      const reports = await ctx.store.db
        .selectFrom('submission')
        .select(['form_id', 'unit_id', 'period'])
        .execute();
      const byStatus = new Map<string, typeof reports>();
      for (const r of reports) {
        const status = ['draft', 'returned', 'submitted', 'approved', 'locked'][rng.int(0, 4)] as string;
        const day = rng.int(0, 90);
        const key = `${status}|${day}`;
        byStatus.set(key, [...(byStatus.get(key) ?? []), r]);
      }
      for (const [key, list] of byStatus) {
        const [status, day] = key.split('|') as [string, string];
        const at = (offset: number) => time(Number(day) + offset);
        const submitted = status === 'draft' ? null : at(0);
        for (let i = 0; i < list.length; i += 200) {
          const part = list.slice(i, i + 200);
          await ctx.store.db
            .updateTable('submission')
            .set({
              status,
              submitted_at: submitted,
              approved_at: ['approved', 'locked'].includes(status) ? at(1) : null,
              locked_at: status === 'locked' ? at(2) : null,
              updated_at: status === 'returned' ? at(1) : (submitted ?? at(0)),
            })
            .where((eb) =>
              eb.or(
                part.map((r) =>
                  eb.and([
                    eb('form_id', '=', r.form_id),
                    eb('unit_id', '=', r.unit_id),
                    eb('period', '=', r.period),
                  ]),
                ),
              ),
            )
            .execute();
        }
      }
      instants.push(time(rng.int(0, 95)), time(rng.int(0, 95)));
    });
    after(async () => {
      await ctx?.close();
      await scratch?.drop();
    });

    it('agrees on every value, comparison and as-of figure for random units, periods and statuses', async () => {
      const indicators = Object.keys(PERIODS);
      let checked = 0;
      let nonNull = 0;
      let engineMs = 0;
      let seriesChecked = 0;
      let rankingChecked = 0;
      let drillChecked = 0;
      let drillNonNull = 0;
      let packChecked = 0;
      const query = fc.record({
        // The nation and the provinces on both sides of the merger are asked about most: they exist in most periods.
        unit: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...broad) },
          { weight: 2, arbitrary: fc.constantFrom(...units) },
        ),
        indicator: fc.constantFrom(...indicators),
        pick: fc.nat(),
        compare: fc.boolean(),
        include: fc.constantFrom(...INCLUDE_LEVELS),
        asOf: fc.option(fc.constantFrom(...instants.filter((t) => t >= '2025-06')), { nil: null, freq: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(query, async (r) => {
          const periods = PERIODS[r.indicator] as string[];
          const q: Query = {
            unitId: r.unit,
            indicator: r.indicator,
            option: r.indicator === 'drug.seized_kg' ? 'heroin' : null,
            period: periods[r.pick % periods.length] as string,
            compare: r.compare,
            include: r.include,
            asOf: r.asOf,
          };
          const engine = q.asOf
            ? new AnalyticsEngine(
                ctx.graph,
                ctx.catalogue,
                asOfAnalyticsSource(ctx.store.db, ctx.graph, q.asOf),
              )
            : ctx.engine;
          const period = parsePeriod(q.period);
          const t0 = performance.now();
          const [row] = (
            await engine.aggregate({
              unitId: q.unitId,
              period,
              indicators: [q.indicator],
              compare: q.compare,
              include: q.include,
              coverage: false,
            })
          ).filter((x) => x.option === q.option);
          engineMs += performance.now() - t0;
          assert.ok(row);
          const daily = q.indicator === 'crime.occurred';
          const label = JSON.stringify(q);
          const expected = await oracleValue(ctx, q, period, daily);
          assert.equal(row.value, expected, `value ${label}`);
          checked++;
          if (expected !== null) nonNull++;
          if (q.compare) {
            const ytd = yearToDateOf(period);
            const sides: Array<[string, number | null | undefined, Period | null]> = [
              ['prev', row.prev, previousPeriod(period)],
              ['yoy', row.yoy, samePeriodLastYear(period)],
              ['ytd', row.ytd, ytd],
              ['ytd_prev', row.ytd_prev, ytd ? samePeriodLastYear(ytd) : null],
            ];
            for (const [name, actual, p] of sides) {
              const expectedSide = await oracleValue(ctx, q, p, daily);
              assert.equal(actual, expectedSide, `${name} ${label}`);
              checked++;
              if (expectedSide !== null) nonNull++;
            }
            // A change on complete data is the difference of the two totals.
            if (row.coverage_prev?.basis === 'complete' && row.value != null && row.prev != null)
              assert.equal(row.change_prev?.absolute, roundTo(row.value - row.prev, row.decimals), label);
          }
          // The briefing pack's way: every indicator of the catalogue for several units at once (a list of indicators
          // too long to give the database, filtered as read) agrees with the figures asked one by one.
          if (r.pick % 8 === 2) {
            const asked = [q.unitId, ...broad.filter((u) => u !== q.unitId).slice(0, 1)];
            const pack = await engine.aggregateMany({
              unitIds: asked,
              period,
              compare: q.compare,
              include: q.include,
              coverage: false,
            });
            const mine = pack
              .find((p) => p.unitId === q.unitId)
              ?.rows.find((x) => x.indicator === q.indicator && x.option === q.option);
            assert.ok((pack[0]?.rows.length ?? 0) > 16, 'the pack asks for every indicator');
            assert.deepEqual(mine, row, `pack ${label}`);
            packChecked++;
          }
          // The series and the ranking count by the same status: a month's point and last year's, and each child
          // unit's figure, against the recomputation.
          if (period.type === 'month') {
            const [point] = await engine.series({
              unitId: q.unitId,
              indicator: q.indicator,
              option: q.option,
              months: [period],
              include: q.include,
            });
            assert.equal(point?.value, expected, `series ${label}`);
            assert.equal(
              point?.lastYear,
              await oracleValue(ctx, q, samePeriodLastYear(period), daily),
              `series last year ${label}`,
            );
            seriesChecked++;
          }
          // The drill-down (each child over some months, read in one pass) counts like the single figures: each
          // child's month against the recomputation, across the reorganisation where a month falls before it.
          if (period.type === 'month' && r.pick % 4 === 1) {
            const before = previousPeriod(period);
            const months = (before ? [before, period] : [period]) as Array<Period & { type: 'month' }>;
            const rows = await engine.drilldown({
              unitId: q.unitId,
              indicator: q.indicator,
              option: q.option,
              months,
              include: q.include,
            });
            for (const child of rows)
              for (const [i, month] of months.entries()) {
                const childValue = await oracleValue(ctx, { ...q, unitId: child.unitId }, month, daily);
                assert.equal(child.values[i], childValue, `drill-down ${child.code} ${month.id} ${label}`);
                drillChecked++;
                if (childValue !== null) drillNonNull++;
              }
          }
          if (r.pick % 3 === 0 && period.type !== 'day' && period.type !== 'range') {
            const rows = await engine.ranking({
              unitId: q.unitId,
              period,
              indicator: q.indicator,
              option: q.option,
              include: q.include,
            });
            // Every child with a figure, and a few without (the nation has some sixty children, most empty here).
            let empty = 0;
            for (const child of rows) {
              if (child.value === null && empty++ >= 5) continue;
              const childValue = await oracleValue(ctx, { ...q, unitId: child.unitId }, period, daily);
              assert.equal(child.value, childValue, `ranking ${child.code} ${label}`);
              rankingChecked++;
            }
          }
        }),
        { numRuns: 160, seed: backend === 'sqlite' ? 4242 : 2424 },
      );
      // Reported in the test's name of what was covered: figures compared with the recomputation.
      assert.ok(checked >= 160, `checked ${checked}`);
      assert.ok(nonNull >= checked / 3, `only ${nonNull} of ${checked} figures were not null`);
      console.log(
        `differential on ${backend}: ${checked} figures (${nonNull} not null) over 160 queries, ${seriesChecked} series points, ${rankingChecked} ranking rows, ${drillChecked} drill-down cells (${drillNonNull} not null), ${packChecked} pack rows, engine ${Math.round(engineMs)} ms`,
      );
      assert.ok(
        seriesChecked > 10 && rankingChecked > 20 && drillNonNull > 5 && packChecked > 8,
        `series ${seriesChecked}, ranking ${rankingChecked}, drill-down ${drillNonNull} of ${drillChecked}, pack ${packChecked}`,
      );
    });

    it('keeps years to date, quarters and months right across random saves, corrections, erasures, status changes and roll-up rebuilds', async () => {
      // Runs after the test above, on its data: each step changes what a year to date adds up by one write path (the
      // running totals kept on write must follow every one), then the nation or a province is asked again.
      const g = ctx.graph;
      const crime = ctx.catalogue.indicator('crime.occurred');
      const kg = ctx.catalogue.indicator('drug.seized_kg');
      const form = ctx.catalogue.form('BC-THANG');
      assert.ok(crime && kg && form);
      const heroin = kg.optionIds.get('heroin') as number;
      const months = [
        '2024-11',
        '2024-12',
        '2025-01',
        '2025-02',
        '2025-06',
        '2025-09',
        '2025-12',
        '2026-01',
        '2026-03',
      ];
      const asked = [
        '2025-12-ytd',
        '2025',
        '2025-Q3',
        '2025-H1',
        '2026-03-ytd',
        '2026-Q1',
        '2025-09',
        '2024-12-ytd',
      ];
      let clock = Date.UTC(2026, 8, 1);
      let checked = 0;
      let nonNull = 0;
      let moved = 0;
      const steps: Record<string, number> = {};
      const step = fc.oneof(
        fc.record({
          kind: fc.constant('save' as const),
          pick: fc.nat(),
          month: fc.constantFrom(...months),
          n: fc.integer({ min: 1, max: 4 }),
        }),
        fc.record({
          kind: fc.constant('erase' as const),
          pick: fc.nat(),
          month: fc.constantFrom(...months),
          n: fc.constant(1),
        }),
        fc.record({
          kind: fc.constant('status' as const),
          pick: fc.nat(),
          month: fc.constantFrom(...months),
          n: fc.integer({ min: 1, max: 3 }),
        }),
        fc.record({
          kind: fc.constant('rebuild' as const),
          pick: fc.nat(),
          month: fc.constantFrom(...months),
          n: fc.constant(1),
        }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 1, maxLength: 3 }),
          fc.constantFrom(...broad),
          fc.constantFrom(...asked),
          fc.constantFrom(...INCLUDE_LEVELS),
          fc.boolean(),
          async (todo, unitId, periodId, include, kilograms) => {
            for (const s of todo) {
              steps[s.kind] = (steps[s.kind] ?? 0) + 1;
              const date = referenceDate(parsePeriod(s.month));
              const present = units.filter((id) => {
                const u = g.require(id);
                return u.validFrom <= date && date <= u.validTo;
              });
              clock += 61_000;
              const at = new Date(clock).toISOString();
              if (s.kind === 'save' || s.kind === 'erase') {
                // New figures and corrections of stored ones (a stored key gets a new version), or one erased.
                const stored = await ctx.store.db
                  .selectFrom('data_value')
                  .select(['unit_id', 'indicator_id', 'option_id'])
                  .where('period', '=', s.month)
                  .where('form_id', '=', form.id)
                  .where('value', 'is not', null)
                  .execute();
                const inputs = new Map<string, ValueInput>();
                for (let i = 0; i < s.n; i++) {
                  const useStored = s.kind === 'erase' || (s.pick + i) % 2 === 0;
                  const row = stored[(s.pick + i * 7) % Math.max(1, stored.length)];
                  const target =
                    useStored && row
                      ? { unitId: row.unit_id, indicatorId: row.indicator_id, optionId: row.option_id }
                      : {
                          unitId: present[(s.pick + i * 13) % present.length] as number,
                          indicatorId: (s.pick + i) % 3 === 0 ? kg.id : crime.id,
                          optionId: (s.pick + i) % 3 === 0 ? heroin : NO_OPTION,
                        };
                  const value =
                    s.kind === 'erase'
                      ? null
                      : target.indicatorId === kg.id
                        ? ((s.pick + i) % 400) / 10
                        : (s.pick + i) % 50;
                  inputs.set(`${target.unitId}|${target.indicatorId}|${target.optionId}`, {
                    formId: form.id,
                    ...target,
                    period: s.month,
                    value,
                    comment: null,
                  });
                }
                await writeValues(ctx.store, g, [...inputs.values()], {
                  at,
                  userId: null,
                  source: s.kind === 'erase' ? 'web' : 'api',
                  reason: 'differential',
                });
              } else if (s.kind === 'status') {
                // Reports moved through their workflow: submitted, approved, returned, locked, reopened.
                const reports = await ctx.store.db
                  .selectFrom('submission')
                  .select(['unit_id'])
                  .where('period', '=', s.month)
                  .where('form_id', '=', form.id)
                  .execute();
                const report = reports[s.pick % Math.max(1, reports.length)];
                if (!report) continue;
                for (let i = 0; i < s.n; i++) {
                  const action = SUBMISSION_ACTIONS[(s.pick + i) % SUBMISSION_ACTIONS.length] as string;
                  await transition(ctx, {
                    form: 'BC-THANG',
                    unit: g.require(report.unit_id).code,
                    period: s.month,
                    action: action as (typeof SUBMISSION_ACTIONS)[number],
                    reason: 'Bổ sung số liệu',
                    actor: SYSTEM_ACTOR,
                  })
                    .then(() => {
                      moved++;
                    })
                    .catch((error: { code?: string }) => {
                      // An action the report's status does not allow is refused: nothing changed.
                      if (error.code !== 'conflict') throw error;
                    });
                }
              } else await rebuildRollups(ctx.store, g, [s.month]);
            }
            cache.clear();
            const q: Query = {
              unitId,
              indicator: kilograms ? 'drug.seized_kg' : 'crime.occurred',
              option: kilograms ? 'heroin' : null,
              period: periodId,
              compare: true,
              include,
              asOf: null,
            };
            const period = parsePeriod(periodId);
            const [row] = (
              await ctx.engine.aggregate({
                unitId,
                period,
                indicators: [q.indicator],
                compare: true,
                include,
                coverage: false,
              })
            ).filter((x) => x.option === q.option);
            assert.ok(row);
            const ytd = yearToDateOf(period);
            const label = JSON.stringify({ q, todo });
            for (const [name, actual, p] of [
              ['value', row.value, period],
              ['ytd', row.ytd, ytd],
              ['ytd_prev', row.ytd_prev, ytd ? samePeriodLastYear(ytd) : null],
              ['yoy', row.yoy, samePeriodLastYear(period)],
            ] as Array<[string, number | null | undefined, Period | null]>) {
              const expected = await oracleValue(ctx, q, p, false);
              assert.equal(actual, expected, `${name} ${label}`);
              checked++;
              if (expected !== null) nonNull++;
            }
          },
        ),
        { numRuns: 30, seed: backend === 'sqlite' ? 77 : 78 },
      );
      // Every running total kept equals the monthly roll-ups added up from January (all of them, not only those asked).
      const { rows: drift } = await sql<{ n: number }>`
        SELECT count(*) AS n FROM value_rollup_ytd y
        WHERE y.value_count <> (SELECT coalesce(sum(r.value_count), 0) FROM value_rollup r
            WHERE r.unit_id = y.unit_id AND r.indicator_id = y.indicator_id AND r.option_id = y.option_id
              AND length(r.period) = 7 AND r.period >= ${sql.raw("substr(y.period, 1, 5) || '01'")} AND r.period <= y.period)
          OR abs(y.value - (SELECT coalesce(sum(r.value), 0) FROM value_rollup r
            WHERE r.unit_id = y.unit_id AND r.indicator_id = y.indicator_id AND r.option_id = y.option_id
              AND length(r.period) = 7 AND r.period >= ${sql.raw("substr(y.period, 1, 5) || '01'")} AND r.period <= y.period)) > 1e-6`.execute(
        ctx.store.db,
      );
      assert.equal(Number(drift[0]?.n), 0, 'running totals that differ from the roll-ups added up');
      console.log(
        `differential after writes on ${backend}: ${checked} figures (${nonNull} not null), steps ${JSON.stringify(steps)}, ${moved} reports moved`,
      );
      assert.ok(
        nonNull >= checked / 3 && Object.keys(steps).length === 4 && moved > 0,
        `${nonNull} of ${checked}; ${JSON.stringify(steps)}; ${moved} reports moved`,
      );
    });
  });
}
