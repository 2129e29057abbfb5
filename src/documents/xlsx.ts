/**
 * The appendix tables of a briefing report as an Excel workbook: one sheet per appendix, a summary sheet of all
 * figures first. Numbers are stored as numbers with their formats ("#,##0", "#,##0.0"), so Excel shows them with
 * the reader's separators (1.457 on a Vietnamese system). A classified report carries its mark in red in the
 * first row of every sheet, since a sheet can be printed or copied on its own.
 */
import ExcelJS from 'exceljs';
import type { BriefingReport } from './model.ts';
import { figureKey } from './model.ts';
import { composeBriefing } from './narrative.ts';
import { naturalLabel } from './rules.ts';
import { type AppendixTable, buildAppendices, numberFormat, type TableCell } from './tables.ts';

const FONT = 'Times New Roman';
const RED = 'FFFF0000';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Millimetres to Excel's column width (characters of the default font, about 2 mm each at 12 pt). */
const width = (mm: number) => Math.max(6, Math.round(mm / 1.9));

interface SheetTitle {
  mark: string | null;
  lines: Array<{ text: string; bold?: boolean; italic?: boolean }>;
}

/** Writes the mark and title rows, then the table; freezes the panes under the header row. */
function writeSheet(sheet: ExcelJS.Worksheet, title: SheetTitle, table: AppendixTable): void {
  const columns = table.headers.length;
  let row = 1;
  const merged = (text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' = 'center') => {
    const r = sheet.getRow(row);
    const c = r.getCell(1);
    c.value = text;
    c.font = { name: FONT, size: 12, ...font };
    c.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    if (columns > 1) sheet.mergeCells(row, 1, row, columns);
    row++;
  };
  if (title.mark) merged(title.mark, { bold: true, size: 13, color: { argb: RED } }, 'left');
  for (const line of title.lines)
    merged(line.text, { bold: line.bold ?? false, italic: line.italic ?? false });
  row++; // a blank row between the title and the table

  const headerRow = sheet.getRow(row);
  table.headers.forEach((h, i) => {
    const c = headerRow.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, size: 12, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  headerRow.height = 33;
  const headerIndex = row;
  row++;

  for (const cells of table.rows) {
    const r = sheet.getRow(row);
    cells.forEach((cell: TableCell, i) => {
      const c = r.getCell(i + 1);
      c.value = cell.value ?? (cell.numFmt ? null : cell.text);
      if (cell.numFmt && cell.value !== null) c.numFmt = cell.numFmt;
      c.font = { name: FONT, size: 12, bold: cell.bold };
      c.alignment = { horizontal: cell.align, vertical: 'middle', wrapText: cell.align === 'left' };
      c.border = BORDER;
    });
    row++;
  }
  table.widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = width(w);
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerIndex, topLeftCell: `A${headerIndex + 1}` }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerIndex}:${headerIndex}`,
    margins: { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.39, footer: 0.39 },
  };
}

/** Every figure of the report with its comparisons: the data behind section I. */
function summaryTable(report: BriefingReport): AppendixTable {
  const p = report.period;
  const rows: TableCell[][] = [];
  let n = 0;
  const text = (t: string, bold = false): TableCell => ({
    text: t,
    value: null,
    numFmt: null,
    align: 'left',
    bold,
  });
  const num = (v: number | null, decimals: number): TableCell => ({
    text: '',
    value: v,
    numFmt: numberFormat(decimals),
    align: 'right',
    bold: false,
  });
  // Rates change in percentage points, not in percent of themselves.
  const points = (v: number | null, base: number | null): TableCell =>
    v === null || base === null
      ? { text: '–', value: null, numFmt: null, align: 'center', bold: false }
      : {
          text: '',
          value: Math.round((v - base) * 100) / 100,
          numFmt: '+0.00" điểm %";-0.00" điểm %";0.00" điểm %"',
          align: 'right',
          bold: false,
        };
  const change = (v: number | null, base: number | null): TableCell =>
    v === null || base === null || base === 0
      ? { text: '–', value: null, numFmt: null, align: 'center', bold: false }
      : {
          text: '',
          value: Math.round(((v - base) / Math.abs(base)) * 10000) / 10000,
          numFmt: '+0.00%;-0.00%;0.00%',
          align: 'right',
          bold: false,
        };
  for (const field of report.fields) {
    rows.push([
      text(''),
      text(field.title, true),
      text(''),
      text(''),
      text(''),
      text(''),
      text(''),
      text(''),
    ]);
    for (const f of field.figures) {
      const compare = f.unit === '%' ? points : change;
      const label = naturalLabel(figureKey(f.indicator, f.option), f.name, f.optionName);
      rows.push([
        { text: String(++n), value: n, numFmt: '0', align: 'center', bold: false },
        text(label.charAt(0).toLocaleUpperCase('vi') + label.slice(1)),
        { ...text(f.unit), align: 'center' },
        num(f.value, f.decimals),
        num(f.previous, f.decimals),
        compare(f.value, f.previous),
        num(f.samePeriodLastYear, f.decimals),
        compare(f.value, f.samePeriodLastYear),
      ]);
    }
  }
  const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
  return {
    headers: [
      'TT',
      'Chỉ tiêu',
      'Đơn vị tính',
      cap(p.shortLabel),
      cap(p.previousLabel || 'Kỳ trước'),
      'Tăng, giảm (%; tỷ lệ: điểm %)',
      cap(p.samePeriodLastYearLabel),
      'Tăng, giảm (%; tỷ lệ: điểm %)',
    ],
    widths: [10, 70, 16, 20, 20, 22, 20, 22],
    rows,
  };
}

/** The report's tables as an .xlsx file. */
export async function renderBriefingXlsx(report: BriefingReport): Promise<Buffer> {
  const composed = composeBriefing(report);
  const appendices = buildAppendices(report, composed);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.issuer.name;
  // Fixed timestamps keep the file a pure function of the report.
  const issued = new Date(`${report.document.issueDate}T00:00:00Z`);
  workbook.created = issued;
  workbook.modified = issued;
  workbook.title = `${composed.typeName} ${composed.summary}`;

  const heading = [composed.issuerLine, `${composed.typeName} ${composed.summary}`.trim()];
  writeSheet(
    workbook.addWorksheet('Tổng hợp'),
    {
      mark: composed.secrecyMark,
      lines: [
        { text: heading[0] ?? '', bold: true },
        { text: 'SỐ LIỆU KẾT QUẢ CÔNG TÁC', bold: true },
        { text: `(${composed.summary})`, italic: true },
      ],
    },
    summaryTable(report),
  );
  for (const a of appendices) {
    writeSheet(
      workbook.addWorksheet(a.sheetName),
      {
        mark: composed.secrecyMark,
        lines: [
          { text: a.label, bold: true },
          { text: a.title, bold: true },
          { text: a.subtitle, italic: true },
          { text: a.reference, italic: true },
        ],
      },
      a.content.table,
    );
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}
