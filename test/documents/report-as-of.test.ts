import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../src/app/context.ts';
import { SYSTEM_ACTOR } from '../../src/audit/actor.ts';
import { composeBriefing } from '../../src/documents/index.ts';
import type { BriefingReport } from '../../src/documents/model.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { createMeeting } from '../../src/meetings/service.ts';
import { parsePeriod } from '../../src/periods/period.ts';
import { buildBriefingReport } from '../../src/reports/briefing.ts';
import { saveDraft } from '../../src/reports/draft.ts';
import { configureSigning, issueReport } from '../../src/reports/issue.ts';
import { renderBriefing } from '../../src/reports/render.ts';
import { saveDocumentSetting } from '../../src/reports/settings.ts';
import { completeness, submissionEvents, transition } from '../../src/submissions/service.ts';
import { readValues, writeValues } from '../../src/values/repository.ts';
import { formatNumber } from '../../src/vietnamese/index.ts';
import { createTestApp, OUTPUT_DIR, type TestApp } from '../support/app.ts';
import { throwawayKey } from '../support/signing.ts';

/** The national drug cases a report prints, in its field figures. */
function drugCases(report: BriefingReport): number | null {
  for (const field of report.fields)
    for (const f of field.figures) if (f.indicator === 'drug.cases' && f.option === null) return f.value;
  return null;
}

/** Adds `delta` to a unit's stored monthly figure now, as a correction made long after the period. */
async function correct(ctx: AppContext, unitCode: string, period: string, code: string, delta: number) {
  const form = ctx.catalogue.form('BC-THANG');
  const indicator = ctx.catalogue.indicator(code);
  const unit = ctx.graph.findByCode(unitCode, parsePeriod(period).type === 'month' ? `${period}-10` : period);
  assert.ok(form && indicator && unit);
  const [stored] = await readValues(ctx.store.db, {
    formId: form.id,
    unitIds: [unit.id],
    periods: [period],
    indicatorIds: [indicator.id],
  });
  assert.ok(stored?.value !== null && stored?.value !== undefined, `${unitCode} reported ${code}`);
  await writeValues(
    ctx.store,
    ctx.graph,
    [
      {
        formId: form.id,
        unitId: unit.id,
        indicatorId: indicator.id,
        optionId: NO_OPTION,
        period,
        value: stored.value + delta,
        comment: null,
      },
    ],
    { at: ctx.clock.now().toISOString(), userId: null, source: 'api', reason: 'đính chính số liệu' },
  );
  return stored.value;
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
    configureSigning({});
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
    // The document states its moment: the morning of the briefing of 26/02/2020.
    assert.equal(before.issueMoment.date, '2020-02-26');
    assert.ok(text.includes('số liệu tính đến 08 giờ 00 ngày 26/02/2020'), 'the moment is stated');
    const xlsxBefore = await xlsxNumbers((await renderBriefing(ctx, { ...options, format: 'xlsx' })).buffer);

    // A correction written today (long after the issue moment) to Nghệ An's drug cases of February 2020.
    await correct(ctx, '40', '2020-02', 'drug.cases', 40);
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

  it('counts a report sent after the moment as not yet received, and leaves its figures out, until a later report', async () => {
    const { ctx } = app;
    // May 2024: no briefing recorded, so the moment is the close of the provinces' deadline (3 working days).
    const options = { unit: 'BCA', period: '2024-05', clearance: 'tuyet_mat' as const };
    const atDeadline = await buildBriefingReport(ctx, options);
    assert.equal(atDeadline.issueMoment?.date, '2024-05-17');
    assert.equal(atDeadline.issueMoment?.figuresAsOf, '2024-05-17T16:59:59.999Z');
    assert.ok(narrative(atDeadline).includes('số liệu tính đến hết ngày 17/05/2024'));
    const today = await buildBriefingReport(ctx, { ...options, issueDate: ctx.clock.today() });
    const cell = (r: BriefingReport, code: string) =>
      r.unitTable?.rows.find((x) => x.unitCode === code)?.cells['drug.cases']?.value ?? null;
    const late = atDeadline.submissions.filter((s) => s.missing > 0 && /^\d+$/.test(s.unitCode));
    assert.ok(late.length > 0, 'some provinces sent May 2024 after the deadline');
    // The provinces (the ministry's departments have no row of their own in the appendix).
    for (const s of atDeadline.submissions.filter((x) => /^\d+$/.test(x.unitCode))) {
      const later = today.submissions.find((x) => x.unitCode === s.unitCode);
      if (s.missing > 0) {
        // Not received at the moment: no figure in that document; received late by today.
        assert.equal(cell(atDeadline, s.unitCode), null, s.unitCode);
        assert.equal(later?.late, 1, s.unitCode);
        assert.ok((cell(today, s.unitCode) ?? 0) > 0, s.unitCode);
      } else {
        assert.equal(s.onTime, 1, s.unitCode);
        assert.equal(cell(atDeadline, s.unitCode), cell(today, s.unitCode), s.unitCode);
      }
    }
    assert.ok((drugCases(atDeadline) ?? 0) < (drugCases(today) ?? 0));
  });

  it('regenerates an issued report as of the moment recorded when it was issued, whatever is recorded or corrected later; a replacement reads the figures as they stand', async () => {
    const { ctx } = app;
    const dir = join(OUTPUT_DIR, 'signing-as-of');
    mkdirSync(dir, { recursive: true });
    const key = throwawayKey('Bộ Công an', 'Bộ Công an', 'mat-khau-thu');
    writeFileSync(join(dir, 'BCA.p12'), key.p12);
    configureSigning({ dir, passphrase: key.passphrase });
    const bca = ctx.graph.findByCode('BCA', '2024-04-14');
    assert.ok(bca);
    await saveDocumentSetting(
      ctx,
      bca.id,
      {
        symbol: null,
        signers: [{ authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', rank: null, name: 'Lê Văn Ký' }],
      },
      SYSTEM_ACTOR,
      0,
    );
    await saveDraft(ctx, {
      unitId: bca.id,
      period: '2024-04',
      human: {
        situation: ['Tình hình an ninh, trật tự cơ bản ổn định.'],
        assessment: { strengths: [], weaknesses: [], causes: [] },
        directives: [],
        recommendations: [],
      },
      version: 0,
      finalise: false,
      actor: SYSTEM_ACTOR,
    });
    const options = { unit: 'BCA', period: '2024-04', clearance: 'tuyet_mat' as const };
    const issued = await issueReport(ctx, { ...options, confirm: 'BCA/2024-04', actor: SYSTEM_ACTOR });
    const asIssued = await buildBriefingReport(ctx, options);
    assert.equal(asIssued.issueMoment?.figuresAsOf, '2024-04-17T16:59:59.999Z', 'the close of the deadline');
    assert.ok(issued.issuedAt > '2026-11-01', 'issued today');

    // Later: a correction, and a briefing recorded for the month (which would move the moment of a new report).
    const quoted = drugCases(asIssued) ?? 0;
    await correct(ctx, '40', '2024-04', 'drug.cases', 25);
    await createMeeting(
      ctx,
      {
        period: '2024-04',
        heldOn: '2024-04-25',
        place: 'Hà Nội',
        chair: 'Bộ trưởng',
        participantIds: [bca.id],
      },
      SYSTEM_ACTOR,
    );
    const again = await buildBriefingReport(ctx, options);
    assert.deepEqual(again, asIssued, 'the issued report regenerates unchanged');

    // A replacement, issued today to take the correction in, reads the figures as they stand now.
    const replaced = await issueReport(ctx, {
      ...options,
      confirm: 'BCA/2024-04',
      reason: 'Bổ sung số liệu đính chính của Công an tỉnh Nghệ An',
      actor: SYSTEM_ACTOR,
    });
    assert.equal(replaced.version, 2);
    const current = await buildBriefingReport(ctx, options);
    assert.equal(current.issueMoment?.date, ctx.clock.today());
    const [live] = await ctx.engine.aggregate({
      unitId: bca.id,
      period: parsePeriod('2024-04'),
      indicators: ['drug.cases'],
    });
    assert.ok(
      live?.value !== null && live?.value !== undefined && live.value > quoted + 25,
      'late reports and the correction',
    );
    assert.equal(drugCases(current), live.value);
  });

  it('counts a report returned and sent again after the moment by its submission in force then, in the table as in the figures', async () => {
    const { ctx } = app;
    const options = { unit: 'BCA', period: '2024-06', clearance: 'tuyet_mat' as const };
    const before = await buildBriefingReport(ctx, options);
    const moment = before.issueMoment?.figuresAsOf;
    assert.ok(moment && moment < '2024-07-01', moment);
    const onTime = before.submissions.find((s) => /^\d+$/.test(s.unitCode) && s.onTime === 1);
    assert.ok(onTime, 'a province sent June 2024 on time');
    const cellOf = (r: BriefingReport) =>
      r.unitTable?.rows.find((x) => x.unitCode === onTime.unitCode)?.cells['drug.cases']?.value ?? null;
    const figure = cellOf(before);
    assert.ok(figure !== null && figure > 0);
    const report = { form: 'BC-THANG', unit: onTime.unitCode, period: '2024-06' };
    const [state] = (await completeness(ctx, report)).units.filter((u) => u.unit === onTime.unitCode);
    const firstSubmission = state?.submittedAt;
    assert.ok(firstSubmission && firstSubmission < moment);

    // Today, long after the moment: the province's report is sent back and submitted again.
    await transition(ctx, {
      ...report,
      action: state?.status === 'submitted' ? 'return' : 'reopen',
      reason: 'Bổ sung số liệu',
      actor: SYSTEM_ACTOR,
    });
    await transition(ctx, { ...report, action: 'submit', actor: SYSTEM_ACTOR });
    const [now] = (await completeness(ctx, report)).units.filter((u) => u.unit === onTime.unitCode);
    assert.ok((now?.submittedAt ?? '') > moment, 'its latest submission is after the moment');
    // Its history keeps the submission it was received by, before the return.
    const history = await submissionEvents(ctx, report);
    assert.deepEqual(history.map((e) => e.action).slice(-2), [
      state?.status === 'submitted' ? 'return' : 'reopen',
      'submit',
    ]);
    assert.equal(history[0]?.action, 'submit');
    assert.equal(history[0]?.at, firstSubmission);

    const again = await buildBriefingReport(ctx, options);
    const row = again.submissions.find((s) => s.unitCode === onTime.unitCode);
    assert.deepEqual(
      row,
      before.submissions.find((s) => s.unitCode === onTime.unitCode),
      'received on time then',
    );
    assert.equal(cellOf(again), figure, 'and its figures counted');
    assert.deepEqual(again, before, 'the report is the same report');
  });
});
