import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppContext } from '../../src/app/context.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { VersionConflictError } from '../../src/values/model.ts';
import { valueHistory, writeValues } from '../../src/values/repository.ts';
import { BACKENDS, useScratchApp } from '../support/backends.ts';

for (const { backend, skip } of BACKENDS) {
  describe(`two writers on one figure (${backend})`, { skip }, () => {
    let ctx: AppContext;
    useScratchApp(backend, '2026-11-29', async (suite) => {
      ({ ctx } = suite);
    });

    it('lets exactly one of two simultaneous edits of the same version through; the other gets a conflict', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      const indicator = ctx.catalogue.indicator('crime.occurred');
      const unit = ctx.graph.findByCode('40', '2026-11-14');
      assert.ok(form && indicator && unit);
      const key = {
        formId: form.id,
        unitId: unit.id,
        indicatorId: indicator.id,
        optionId: NO_OPTION,
        period: '2026-11',
      };
      const change = { at: '2026-11-20T01:00:00.000Z', userId: null, source: 'api' as const, reason: null };
      await writeValues(ctx.store, ctx.graph, [{ ...key, value: 10, comment: null }], change);
      for (let round = 1; round <= 10; round++) {
        const results = await Promise.allSettled([
          writeValues(
            ctx.store,
            ctx.graph,
            [{ ...key, value: 100 + round, comment: 'A', expectedVersion: round }],
            change,
          ),
          writeValues(
            ctx.store,
            ctx.graph,
            [{ ...key, value: 200 + round, comment: 'B', expectedVersion: round }],
            change,
          ),
        ]);
        const fulfilled = results.filter((r) => r.status === 'fulfilled');
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        assert.equal(fulfilled.length, 1, `round ${round}`);
        assert.equal(rejected.length, 1);
        assert.ok(rejected[0]?.reason instanceof VersionConflictError);
      }
      // No update was lost: every accepted version is in the history, one per round.
      const history = await valueHistory(ctx.store.db, key);
      assert.equal(history.length, 11);
      assert.deepEqual(
        history.map((h) => h.version),
        Array.from({ length: 11 }, (_, i) => 11 - i),
      );
      for (const h of history.slice(0, 10))
        assert.ok([100, 200].some((base) => h.value === base + (h.version - 1)));
    });
  });
}
