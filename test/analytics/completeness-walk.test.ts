// A unit's completeness, which decides whether a comparison is made on totals, like for like or not at all, is judged
// either from its own expected reporters or from one walk of the whole tree shared by every unit; the engine picks
// by the unit's size. Both ways must give the same answers: every card of the nation, every province and a sample of
// communes, for months, quarters and years on both sides of the 2025 reorganisation, with and without drafts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { AnalyticsEngine } from '../../src/analytics/engine.ts';
import { liveAnalyticsSource } from '../../src/analytics/repository.ts';
import { resolvePeriod } from '../../src/app/resolve.ts';
import { referenceDate } from '../../src/periods/regime.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

describe('completeness judged unit by unit or from one walk of the tree', () => {
  let app: TestApp;
  let byUnit: AnalyticsEngine;
  let byWalk: AnalyticsEngine;

  before(async () => {
    app = await createTestApp({ demo: true });
    const { graph, catalogue, store } = app.ctx;
    const source = () => liveAnalyticsSource(store.readDb, () => graph);
    byUnit = new AnalyticsEngine(graph, catalogue, source(), undefined, Number.POSITIVE_INFINITY);
    byWalk = new AnalyticsEngine(graph, catalogue, source(), undefined, 0);
  });
  after(() => app.close());

  it('gives the same cards, coverage and comparisons both ways', async () => {
    const periods = [
      '2024-11',
      '2025-02',
      '2025-06',
      '2025-07',
      '2026-01',
      '2026-10',
      '2025-Q2',
      '2026-Q3',
      '2025',
      '2026-H1',
    ];
    let compared = 0;
    let incomplete = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...periods),
        fc.nat(),
        fc.constantFrom('submitted' as const, 'approved' as const),
        async (periodText, pick, include) => {
          const period = resolvePeriod(periodText);
          const day = referenceDate(period);
          const graph = app.ctx.graph;
          const root = graph.root(day);
          const provinces = graph.childrenOn(root.id, day);
          const province = provinces[pick % provinces.length] as number;
          const communes = graph.childrenOn(province, day);
          const unitIds = [root.id, province, ...communes.filter((_, i) => (i + pick) % 7 === 0).slice(0, 6)];
          const ask = (engine: AnalyticsEngine) =>
            engine.aggregateMany({ unitIds, period, compare: true, include, coverage: true });
          const [one, other] = [await ask(byUnit), await ask(byWalk)];
          assert.deepEqual(other, one, `${periodText} ${include} units ${unitIds.join(',')}`);
          for (const unit of one)
            for (const row of unit.rows) {
              compared++;
              if (row.coverage_prev && row.coverage_prev.basis !== 'complete') incomplete++;
            }
        },
      ),
      { numRuns: 25, seed: 20261205 },
    );
    // The demo has months reported in full and months with units missing: both kinds were compared.
    assert.ok(incomplete > 0 && incomplete < compared, `${incomplete} of ${compared} rows incomplete`);
  });
});
