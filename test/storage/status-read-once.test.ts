import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AnalyticsEngine, type AnalyticsSource } from '../../src/analytics/engine.ts';
import { readRanking, readSeries } from '../../src/analytics/reads.ts';
import { liveAnalyticsSource } from '../../src/analytics/repository.ts';
import { dataStatusOf } from '../../src/analytics/service.ts';
import type { AppContext } from '../../src/app/context.ts';
import { resolvePeriod } from '../../src/app/resolve.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * The ranking and the series answer with their coverage by report status computed from the engine's own read of
 * the statuses: one read per answer, and the same coverage the separate data-status read gives.
 */
describe('ranking and series read report statuses once, with the coverage', () => {
  let app: TestApp;
  let ctx: AppContext;
  let statusReads = 0;
  const reader = { clearance: 'tuyet_mat' as const };
  const admit = () => reader;

  before(async () => {
    app = await createTestApp({ demo: true });
    const live = liveAnalyticsSource(app.ctx.store.readDb, () => app.ctx.graph);
    const counting: AnalyticsSource = {
      ...live,
      reportStatuses: (q) => {
        statusReads++;
        return live.reportStatuses(q);
      },
    };
    ctx = { ...app.ctx, engine: new AnalyticsEngine(app.ctx.graph, app.ctx.catalogue, counting) };
  });
  after(() => app.close());

  const expected = (unit: string, period: string, indicator: string) => {
    const p = resolvePeriod(period);
    return dataStatusOf(app.ctx, {
      unitId: app.ctx.graph.findByCode(unit, '2026-10-15')?.id as number,
      period: p,
      indicators: [indicator],
    });
  };

  for (const [unit, indicator, compare] of [
    ['BCA', 'crime.occurred', false],
    ['BCA', 'crime.occurred', true],
    ['40', 'drug.cases', true],
    ['BCA', 'commune_police.regular', false],
  ] as const) {
    it(`ranking ${unit} ${indicator}${compare ? ' with comparisons' : ''}`, async () => {
      statusReads = 0;
      const answer = await readRanking(ctx, { unit, period: '2026-10', indicator, compare }, admit);
      assert.equal(statusReads, 1);
      assert.ok(answer.rows.length > 0);
      const status = await expected(unit, '2026-10', indicator);
      assert.ok(status.statusCoverage.length > 0);
      assert.deepEqual(
        { include: answer.include, counts: answer.counts, statusCoverage: answer.statusCoverage },
        status,
      );
    });
  }

  for (const [unit, indicator] of [
    ['BCA', 'crime.occurred'],
    ['40', 'commune_police.regular'],
  ] as const) {
    it(`series ${unit} ${indicator}`, async () => {
      statusReads = 0;
      const answer = await readSeries(ctx, { unit, indicator, to: '2026-10', months: 12 }, admit);
      assert.equal(statusReads, 1);
      assert.equal(answer.points.length, 12);
      const status = await expected(unit, '2026-10', indicator);
      assert.ok(status.statusCoverage.length > 0);
      assert.deepEqual(
        { include: answer.include, counts: answer.counts, statusCoverage: answer.statusCoverage },
        status,
      );
    });
  }
});
