import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { buildSampleBriefingReport } from './fixtures.ts';
import { figureKey } from './model.ts';
import { renderBriefingXlsx } from './xlsx.ts';

const OUT = new URL('../../test-output/documents/', import.meta.url);

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type; the bytes are the same.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The row of the table header: the first row whose first cell is "TT" (or "Chỉ tiêu"/"Tháng"). */
function headerRow(sheet: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 10; r++) {
    const v = sheet.getRow(r).getCell(1).value;
    if (v === 'TT' || v === 'Chỉ tiêu' || v === 'Tháng') return r;
  }
  assert.fail(`no header row in ${sheet.name}`);
}

describe('briefing .xlsx', () => {
  const report = buildSampleBriefingReport();
  let classified: ExcelJS.Workbook;
  let plain: ExcelJS.Workbook;

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    const a = await renderBriefingXlsx(report);
    writeFileSync(new URL('briefing-2020-02.xlsx', OUT), a);
    classified = await load(a);
    plain = await load(
      await renderBriefingXlsx(buildSampleBriefingReport({ secrecy: 'none', classifiedFigures: false })),
    );
  });

  it('has a summary sheet and one sheet per appendix', () => {
    const names = classified.worksheets.map((s) => s.name);
    assert.equal(names[0], 'Tổng hợp');
    assert.equal(names.length, 1 + 9);
    assert.ok(names.every((n) => n.length <= 31));
  });

  it('marks every sheet in red in the first row when classified, and not otherwise', () => {
    for (const sheet of classified.worksheets) {
      const cell = sheet.getRow(1).getCell(1);
      assert.equal(cell.value, 'MẬT', sheet.name);
      assert.equal(cell.font?.color?.argb, 'FFFF0000');
      assert.equal(cell.font?.bold, true);
    }
    for (const sheet of plain.worksheets) assert.notEqual(sheet.getRow(1).getCell(1).value, 'MẬT');
  });

  it('has Vietnamese headers, a title row and a frozen header row', () => {
    const sheet = classified.worksheets[1];
    assert.ok(sheet);
    const h = headerRow(sheet);
    const headers = (sheet.getRow(h).values as unknown[]).slice(1);
    assert.deepEqual(headers, [
      'TT',
      'Công an tỉnh, thành phố',
      'Tháng 02/2020',
      'Tháng 01/2020',
      'Tăng, giảm (%)',
      'Cùng kỳ năm 2019',
      'Tăng, giảm (%)',
    ]);
    assert.equal(sheet.getRow(2).getCell(1).value, 'Phụ lục I');
    assert.equal(sheet.getRow(3).getCell(1).value, 'SỐ VỤ PHẠM TỘI VỀ MA TÚY PHÁT HIỆN, BẮT GIỮ');
    const view = sheet.views[0];
    assert.equal(view?.state, 'frozen');
    assert.equal(view?.state === 'frozen' ? view.ySplit : -1, h);
    assert.ok((sheet.getColumn(2).width ?? 0) > (sheet.getColumn(1).width ?? 0));
  });

  it('stores the figures as numbers with #,##0 and #,##0.0 formats', () => {
    const table = report.unitTable;
    assert.ok(table);
    table.columns.forEach((column, i) => {
      const sheet = classified.worksheets[i + 1];
      assert.ok(sheet);
      const first = headerRow(sheet) + 1;
      const key = figureKey(column.indicator, column.option);
      table.rows.forEach((unit, j) => {
        const row = sheet.getRow(first + j);
        assert.equal(row.getCell(2).value, unit.unitName);
        assert.equal(row.getCell(3).value, unit.cells[key]?.value);
        assert.equal(row.getCell(6).value, unit.cells[key]?.samePeriodLastYear);
        assert.equal(row.getCell(3).numFmt, column.decimals === 1 ? '#,##0.0' : '#,##0');
      });
      const total = sheet.getRow(first + table.rows.length);
      assert.equal(total.getCell(3).value, table.total?.cells[key]?.value);
    });
    const summary = classified.getWorksheet('Tổng hợp');
    assert.ok(summary);
    let found = false;
    summary.eachRow((row) => {
      if (row.getCell(2).value === 'Số viên ma túy tổng hợp thu giữ') {
        assert.equal(row.getCell(4).value, 162526);
        assert.equal(row.getCell(4).numFmt, '#,##0');
        assert.equal(typeof row.getCell(1).value, 'number');
        found = true;
      }
      // Rates change in percentage points; no code column.
      if (row.getCell(2).value === 'Tỷ lệ điều tra, khám phá')
        assert.match(String(row.getCell(8).numFmt), /điểm %/);
      assert.equal(row.getCell(9).value, null);
    });
    assert.ok(found);
    // TT is a number, sheet names are short.
    const first = classified.worksheets[1];
    assert.ok(first);
    assert.equal(first.getRow(headerRow(first) + 1).getCell(1).value, 1);
    assert.ok(
      classified.worksheets.every((w) => w.name.length <= 24 && !w.name.includes('…')),
      classified.worksheets.map((w) => w.name).join('|'),
    );
  });
});
