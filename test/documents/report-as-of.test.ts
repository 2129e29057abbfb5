import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { composeBriefing } from '../../src/documents/index.ts';
import type { BriefingReport } from '../../src/documents/model.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { parsePeriod } from '../../src/periods/period.ts';
import { buildBriefingReport } from '../../src/reports/briefing.ts';
import { renderBriefing } from '../../src/reports/render.ts';
import { readValues, writeValues } from '../../src/values/repository.ts';
import { formatNumber } from '../../src/vietnamese/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/** The national drug cases a report prints, in its field figures. */
function drugCases(report: BriefingReport): number | null {
  for (const field of report.fields)
    for (const f of field.figures) if (f.indicator === 'drug.cases' && f.option === null) return f.value;
  return null;
}

/** Every text block of the composed document, narrative and tables alike. */
function narrative(report: BriefingReport): string {
  return JSON.stringify(composeBriefing(report));
}

async function xlsxNumbers(buffer: Buffer): Promise<number[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: number[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number') out.push(cell.value);
      }),
    ),
  );
  return out;
}

/**
 * Documents of the past stay in their time: a report is computed as of its issue moment, so a correction written
 * after that moment changes nothing in it when it is regenerated, and a report issued after the correction shows it.
 */
describe('a report’s figures as of its issue moment', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('regenerates the February 2020 report with the same figures after a later correction; a report issued after it shows the new figure', async () => {
    const { ctx } = app;
    const options = { unit: 'BCA', period: '2020-02', clearance: 'tuyet_mat' as const };
    const before = await buildBriefingReport(ctx, options);
    assert.ok(before.issueMoment?.figuresAsOf);
    assert.ok(before.issueMoment.figuresAsOf < '2020-03-01', before.issueMoment.figuresAsOf);
    const quoted = drugCases(before);
    assert.ok(quoted !== null && quoted > 0);
    const text = narrative(before);
    assert.ok(text.includes(`${formatNumber(quoted)} vụ`), 'the narrative quotes the national drug cases');
    const xlsxBefore = await xlsxNumbers((await renderBriefing(ctx, { ...options, format: 'xlsx' })).buffer);

    // A correction written today (long after the issue moment) to Nghệ An's drug cases of February 2020.
    const form = ctx.catalogue.form('BC-THANG');
    const indicator = ctx.catalogue.indicator('drug.cases');
    const unit = ctx.graph.findByCode('40', '2020-02-14');
    assert.ok(form && indicator && unit);
    const [stored] = await readValues(ctx.store.db, {
      formId: form.id,
      unitIds: [unit.id],
      periods: ['2020-02'],
      indicatorIds: [indicator.id],
    });
    assert.ok(stored?.value !== null && stored?.value !== undefined, 'Nghệ An reported drug cases');
    await writeValues(
      ctx.store,
      ctx.graph,
      [
        {
          formId: form.id,
          unitId: unit.id,
          indicatorId: indicator.id,
          optionId: NO_OPTION,
          period: '2020-02',
          value: stored.value + 40,
          comment: null,
        },
      ],
      { at: ctx.clock.now().toISOString(), userId: null, source: 'api', reason: 'đính chính số liệu' },
    );
    // The live figure moved: the correction is real.
    const [live] = await ctx.engine.aggregate({
      unitId: ctx.graph.root('2020-02-14').id,
      period: parsePeriod('2020-02'),
      indicators: ['drug.cases'],
    });
    assert.equal(live?.value, quoted + 40);

    const again = await buildBriefingReport(ctx, options);
    assert.deepEqual(again, before, 'the regenerated report is the same report');
    assert.equal(narrative(again), text);
    const xlsxAgain = await xlsxNumbers((await renderBriefing(ctx, { ...options, format: 'xlsx' })).buffer);
    assert.deepEqual(xlsxAgain, xlsxBefore, 'the .xlsx holds the same numbers');

    // Issued today, after the correction, the report reads the corrected figures, in its narrative too.
    const later = await buildBriefingReport(ctx, { ...options, issueDate: ctx.clock.today() });
    assert.equal(drugCases(later), quoted + 40);
    assert.ok(narrative(later).includes(`${formatNumber(quoted + 40)} vụ`));
    const row40 = later.unitTable?.rows.find((r) => r.unitCode === '40');
    const row40Before = before.unitTable?.rows.find((r) => r.unitCode === '40');
    assert.equal(
      row40?.cells['drug.cases']?.value,
      (row40Before?.cells['drug.cases']?.value ?? 0) + 40,
      'the appendix row of Nghệ An moves with it',
    );
  });
});
