import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openApp } from '../../src/app/context.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { deriveUid, uidSeed } from '../../src/shared/uid.ts';
import { loadUids } from '../../src/transfer/repository.ts';
import { REFERENCE_DIR, TEST_TODAY } from '../support/app.ts';
import { BACKENDS, scratchDatabase } from '../support/backends.ts';

// SQLite is checked by src/transfer/dhis2.test.ts on its test database; this runs the same on PostgreSQL.
for (const { backend, skip } of BACKENDS.filter((b) => b.backend === 'postgres')) {
  describe(`uids on ${backend}`, { skip }, () => {
    it('are the ones derived from each identity, so that every database built from the reference data agrees', async () => {
      const db = await scratchDatabase(backend);
      const ctx = await openApp({
        databaseUrl: db.url,
        clock: new FixedClock(TEST_TODAY),
        referenceDataDir: REFERENCE_DIR,
      });
      try {
        const uids = await loadUids(ctx.store.db);
        const units = [...ctx.graph.allUnits()];
        assert.equal(uids.units.length, units.length);
        const byId = new Map(uids.units.map((r) => [r.id, r.uid]));
        for (const unit of units)
          assert.equal(byId.get(unit.id), deriveUid(uidSeed.unit(unit.code, unit.validFrom)));
        const indicators = new Map(uids.indicators.map((r) => [r.id, r.uid]));
        for (const indicator of ctx.catalogue.indicators) {
          assert.equal(indicators.get(indicator.id), deriveUid(uidSeed.indicator(indicator.code)));
          for (const [code, id] of indicator.optionIds)
            assert.equal(
              uids.options.find((o) => o.id === id)?.uid,
              deriveUid(uidSeed.option(indicator.code, code)),
            );
        }
        for (const form of ctx.catalogue.forms)
          assert.equal(uids.forms.find((f) => f.id === form.id)?.uid, deriveUid(uidSeed.form(form.code)));
      } finally {
        await ctx.close();
        await db.drop();
      }
    });
  });
}
