import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { AggregateRow, AnalyticsSource } from '../../src/analytics/engine.ts';
import { liveAnalyticsSource } from '../../src/analytics/repository.ts';
import { figureKey } from '../../src/documents/model.ts';
import { parsePeriod } from '../../src/periods/period.ts';
import { buildBriefingReport } from '../../src/reports/briefing.ts';
import { renderBriefing } from '../../src/reports/render.ts';
import { createTestApp, OUTPUT_DIR, type TestApp } from '../support/app.ts';

describe('the monthly briefing report from the demo data', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('prints the seed sentence’s figures and the Decree 30 header in the .docx', async () => {
    const result = await renderBriefing(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      format: 'docx',
      clearance: 'tuyet_mat',
      issueDate: '2020-02-26',
    });
    mkdirSync(join(OUTPUT_DIR, 'documents'), { recursive: true });
    writeFileSync(join(OUTPUT_DIR, 'documents', 'bao-cao-giao-ban-2020-02.docx'), result.buffer);
    const zip = await JSZip.loadAsync(result.buffer);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    assert.match(text, /BỘ CÔNG AN/);
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /Hà Nội, ngày 26 tháng 02 năm 2020/);
    assert.match(text, /BÁO CÁO/);
    assert.match(text, /1\.457 vụ - 1\.978 đối tượng phạm tội về ma túy/);
    assert.match(text, /27,9 kg heroin/);
    assert.match(text, /138,6 kg và 162\.526 viên ma túy tổng hợp/);
    assert.match(text, /5,5 kg cần sa/);
    assert.match(text, /Nơi nhận/);
    assert.match(xml, /Times New Roman/);
    // The security figures are classified Mật, so the report carries the marking.
    assert.equal(result.secrecy, 'mat');
  });

  it('leaves out figures above the reader’s clearance and then carries no marking', async () => {
    const report = await buildBriefingReport(app.ctx, { unit: 'BCA', period: '2020-02', clearance: 'none' });
    assert.ok(report.fields.every((f) => f.figures.every((g) => g.secrecy === 'none')));
    assert.ok(!report.fields.some((f) => f.field === 'security'));
  });

  it('fills every appendix cell with the aggregation engine’s answer', async () => {
    const report = await buildBriefingReport(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      clearance: 'tuyet_mat',
    });
    const table = report.unitTable;
    assert.ok(table);
    assert.equal(table.rows.length, 63);
    const period = parsePeriod('2020-02');
    let checked = 0;
    for (const row of table.rows.filter((_, i) => i % 9 === 0)) {
      const unit = app.ctx.graph.findByCode(row.unitCode, '2020-02-14');
      assert.ok(unit);
      const answers: AggregateRow[] = await app.ctx.engine.aggregate({
        unitId: unit.id,
        period,
        compare: true,
        coverage: false,
      });
      for (const column of table.columns) {
        const expected: AggregateRow | undefined = answers.find(
          (a) => a.indicator === column.indicator && a.option === column.option,
        );
        const cell = row.cells[figureKey(column.indicator, column.option)];
        assert.deepEqual(
          [cell?.value, cell?.previous, cell?.samePeriodLastYear],
          [expected?.value, expected?.prev, expected?.yoy],
          `${row.unitCode} ${column.indicator}`,
        );
        checked++;
      }
    }
    assert.ok(checked >= 70);
  });

  it('reads every appendix column in one pass, from the analytics source it is given for the issue moment', async () => {
    const live = liveAnalyticsSource(app.ctx.store.readDb, () => app.ctx.graph);
    const reads: string[] = [];
    const moments: string[] = [];
    const counted: AnalyticsSource = {
      ...live,
      rollups: (q) => {
        reads.push(`rollups ${q.indicatorIds.length}`);
        return live.rollups(q);
      },
      sums: (q) => {
        reads.push(`sums ${q.indicatorIds.length}`);
        return live.sums(q);
      },
    };
    const report = await buildBriefingReport(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      clearance: 'tuyet_mat',
      source: (moment) => {
        moments.push(moment);
        return counted;
      },
    });
    assert.deepEqual(moments, [report.issueMoment?.date]);
    // The figures, the eleven appendix columns of 63 provinces and the three trend series: a handful of reads,
    // not one per column.
    assert.ok(reads.length <= 8, reads.join(', '));
    assert.equal(report.unitTable?.columns.length, 11);
    // The same figures as a report dated today, which reads them as they stand now (after the correction of
    // 02/03/2020 that the report of the briefing's moment leaves out).
    const liveReport = await buildBriefingReport(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      clearance: 'tuyet_mat',
      issueDate: app.clock.today(),
    });
    assert.deepEqual(report.unitTable, liveReport.unitTable);
    assert.deepEqual(report.fields, liveReport.fields);
  });

  it('writes the same tables to .xlsx with Vietnamese headers', async () => {
    const result = await renderBriefing(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      format: 'xlsx',
      clearance: 'tuyet_mat',
    });
    writeFileSync(join(OUTPUT_DIR, 'documents', 'bao-cao-giao-ban-2020-02.xlsx'), result.buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.buffer as unknown as ArrayBuffer);
    assert.ok(workbook.worksheets.length >= 2);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    assert.ok(cells.some((c) => c.includes('Nghệ An')));
    assert.ok(cells.includes('1457'));
  });
});

describe('the written parts of the briefing report', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('takes the month’s directives from the meeting, keeps what people wrote, and refuses changes once final', async () => {
    const { readDraft, saveDraft } = await import('../../src/reports/draft.ts');
    const report = await buildBriefingReport(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      clearance: 'tuyet_mat',
      issueDate: '2020-02-26',
    });
    // The February 2020 meeting's directives become "nhiệm vụ trọng tâm tháng tới".
    assert.ok(
      report.human.directives.some((d) => /Công an chính quy|100%/.test(d)),
      report.human.directives.join(' | '),
    );
    // The tasks were set after the meeting: the next month's report follows them up with their status then.
    const march = await buildBriefingReport(app.ctx, {
      unit: 'BCA',
      period: '2020-03',
      clearance: 'tuyet_mat',
      issueDate: '2020-03-26',
    });
    assert.ok(march.tasks.length > 0);
    assert.ok(
      march.tasks.every((t) =>
        ['not_started', 'in_progress', 'done', 'done_late', 'overdue'].includes(t.status),
      ),
    );
    const root = app.ctx.graph.root('2020-02-14').id;
    const actor = { id: null, name: 'test' };
    const human = {
      situation: ['Tình hình an ninh chính trị cơ bản ổn định.'],
      assessment: { strengths: ['Chủ động nắm tình hình.'], weaknesses: [], causes: [] },
      directives: [],
      recommendations: ['Đề nghị bổ sung biên chế.'],
    };
    const saved = await saveDraft(app.ctx, {
      unitId: root,
      period: '2020-02',
      human,
      version: 0,
      finalise: false,
      actor,
    });
    assert.equal(saved.version, 1);
    await assert.rejects(
      saveDraft(app.ctx, { unitId: root, period: '2020-02', human, version: 0, finalise: false, actor }),
      /người khác/,
    );
    const rendered = await renderBriefing(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      format: 'docx',
      clearance: 'tuyet_mat',
    });
    const xml =
      (await (await JSZip.loadAsync(rendered.buffer)).file('word/document.xml')?.async('string')) ?? '';
    assert.match(xml, /Tình hình an ninh chính trị cơ bản ổn định\./);
    assert.match(xml, /Đề nghị bổ sung biên chế\./);
    await saveDraft(app.ctx, { unitId: root, period: '2020-02', human, version: 1, finalise: true, actor });
    await assert.rejects(
      saveDraft(app.ctx, { unitId: root, period: '2020-02', human, version: 2, finalise: false, actor }),
      /ban hành/,
    );
    assert.equal((await readDraft(app.ctx, root, '2020-02')).status, 'final');
  });
});
