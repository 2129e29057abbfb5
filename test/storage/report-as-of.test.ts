import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AppContext, openApp } from '../../src/app/context.ts';
import type { BriefingReport } from '../../src/documents/model.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { buildBriefingReport } from '../../src/reports/briefing.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { writeValues } from '../../src/values/repository.ts';
import { REFERENCE_DIR } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

const PERIOD = '2024-05';

function drugCases(report: BriefingReport): number | null {
  for (const field of report.fields)
    for (const f of field.figures) if (f.indicator === 'drug.cases' && f.option === null) return f.value;
  return null;
}

function cell(report: BriefingReport, code: string): number | null {
  return report.unitTable?.rows.find((r) => r.unitCode === code)?.cells['drug.cases']?.value ?? null;
}

for (const { backend, skip } of BACKENDS) {
  describe(`a report read as of its issue moment on ${backend}`, { skip }, () => {
    let scratch: ScratchDatabase;
    let ctx: AppContext;
    const clock = new FixedClock('2026-11-29');

    before(async () => {
      scratch = await scratchDatabase(backend);
      ctx = await openApp({ databaseUrl: scratch.url, clock, referenceDataDir: REFERENCE_DIR });
    });
    after(async () => {
      await ctx?.close();
      await scratch?.drop();
    });

    it('holds the reports sent by the close of the provinces’ deadline, as they stood then', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      const indicator = ctx.catalogue.indicator('drug.cases');
      const hanoi = ctx.graph.findByCode('01', '2024-05-10');
      const hcm = ctx.graph.findByCode('79', '2024-05-10');
      assert.ok(form && indicator && hanoi && hcm);
      const figure = (unitId: number, value: number) => ({
        formId: form.id,
        unitId,
        indicatorId: indicator.id,
        optionId: NO_OPTION,
        period: PERIOD,
        value,
        comment: null,
      });
      // Hà Nội sends on 16/05 (the deadline is 17/05), Hồ Chí Minh City three days late; loaded out of order.
      const sent = { [hanoi.id]: '2024-05-16T03:00:00.000Z', [hcm.id]: '2024-05-20T03:00:00.000Z' };
      await writeValues(ctx.store, ctx.graph, [figure(hcm.id, 7)], {
        at: sent[hcm.id] as string,
        userId: null,
        source: 'api',
        reason: 'gửi muộn',
      });
      await writeValues(ctx.store, ctx.graph, [figure(hanoi.id, 10)], {
        at: sent[hanoi.id] as string,
        userId: null,
        source: 'api',
        reason: 'gửi đúng hạn',
      });
      // Their reports, drafted when the figures were written, are sent then.
      await ctx.store.write(async (trx) => {
        for (const unitId of [hanoi.id, hcm.id])
          await trx
            .updateTable('submission')
            .set({
              status: 'submitted',
              submitted_at: sent[unitId] as string,
              updated_at: sent[unitId] as string,
            })
            .where('form_id', '=', form.id)
            .where('unit_id', '=', unitId)
            .where('period', '=', PERIOD)
            .execute();
      });
      // A correction today.
      await writeValues(ctx.store, ctx.graph, [{ ...figure(hanoi.id, 15), expectedVersion: 1 }], {
        at: clock.now().toISOString(),
        userId: null,
        source: 'api',
        reason: 'đính chính',
      });

      const options = { unit: 'BCA', period: PERIOD, clearance: 'tuyet_mat' as const };
      const report = await buildBriefingReport(ctx, options);
      assert.equal(report.issueMoment?.figuresAsOf, '2024-05-17T16:59:59.999Z');
      assert.equal(drugCases(report), 10);
      assert.equal(cell(report, '01'), 10);
      assert.equal(cell(report, '79'), null);
      const row = (r: BriefingReport, code: string) => r.submissions.find((s) => s.unitCode === code);
      assert.equal(row(report, '01')?.onTime, 1);
      assert.equal(row(report, '79')?.missing, 1);

      const today = await buildBriefingReport(ctx, { ...options, issueDate: clock.today() });
      assert.equal(drugCases(today), 22);
      assert.equal(cell(today, '79'), 7);
      assert.equal(row(today, '79')?.late, 1);
    });
  });
}
