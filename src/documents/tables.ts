/**
 * The appendix tables (Phụ lục) of a briefing report, built once as cells with both the printed text and the
 * raw number, so the .docx and .pdf print exactly what the .xlsx stores.
 */
import { capitalizeFirst, formatDate, formatNumber, roundTo } from '../vietnamese/index.ts';
import type { BriefingReport, ComparedValue, TrendSeries, UnitRow, UnitTableColumn } from './model.ts';
import { figureKey } from './model.ts';
import { type ComposedBriefing, roman, TASK_STATUS_LABEL, upperVi } from './narrative.ts';

export type CellAlign = 'left' | 'center' | 'right';

export interface TableCell {
  text: string;
  /** The number behind the text (a fraction for percentages), or null for text and blanks. */
  value: number | null;
  /** Excel number format for `value`. */
  numFmt: string | null;
  align: CellAlign;
  bold: boolean;
}

export interface AppendixTable {
  headers: string[];
  /** Column widths in millimetres; they add up to the text width of the page (165 mm). */
  widths: number[];
  rows: TableCell[][];
}

export interface Appendix {
  /** "Phụ lục I". */
  label: string;
  /** Upper case: "SỐ VỤ PHẠM TỘI VỀ MA TÚY PHÁT HIỆN, BẮT GIỮ". */
  title: string;
  /** Second title line: "(Đơn vị tính: vụ; tháng 02/2020)". */
  subtitle: string;
  /** "(Kèm theo Báo cáo số …)". */
  reference: string;
  /** Short name for a spreadsheet tab (at most 31 characters, none of []:*?/\). */
  sheetName: string;
  content:
    | { kind: 'table'; table: AppendixTable }
    | { kind: 'charts'; series: TrendSeries[]; table: AppendixTable };
}

/** The Excel format of a quantity with `decimals` digits: "#,##0", "#,##0.0". */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

const PERCENT_FORMAT = '+0.00%;-0.00%;0.00%';

/** A printed quantity: "1.457", "27,9"; blank for a missing value. */
export function quantityText(value: number | null, decimals: number): string {
  return value === null ? '' : formatNumber(roundTo(value, decimals), decimals);
}

function text(t: string, align: CellAlign = 'left', bold = false): TableCell {
  return { text: t, value: null, numFmt: null, align, bold };
}

/** The row number (TT) stored as a number, so a spreadsheet sorts and counts it. */
function ordinal(n: number): TableCell {
  return { text: String(n), value: n, numFmt: '0', align: 'center', bold: false };
}

function quantity(value: number | null, decimals: number, bold = false): TableCell {
  return {
    text: quantityText(value, decimals),
    value: value === null ? null : roundTo(value, decimals),
    numFmt: numberFormat(decimals),
    align: 'right',
    bold,
  };
}

/** Change against a base as a signed percentage: "+4,44%"; "–" where the base is 0 or missing. */
function changeCell(
  value: number | null,
  base: number | null,
  bold = false,
  enginePercent?: number | null,
): TableCell {
  if (enginePercent === null) return { ...text('–', 'center', bold) };
  if (enginePercent === undefined && (value === null || base === null || base === 0))
    return { ...text('–', 'center', bold) };
  const fraction =
    enginePercent !== undefined ? enginePercent / 100 : ((value ?? 0) - (base ?? 0)) / Math.abs(base ?? 1);
  const percent = roundTo(fraction * 100, 2);
  const sign = percent > 0 ? '+' : percent < 0 ? '-' : '';
  return {
    text: `${sign}${formatNumber(Math.abs(percent), 2, 2)}%`,
    value: roundTo(fraction, 4),
    numFmt: PERCENT_FORMAT,
    align: 'right',
    bold,
  };
}

function shortLabel(label: string): string {
  return capitalizeFirst(label);
}

/** Tables longer than this whose rows are mostly empty print the units with figures and one line for the rest. */
export const COLLAPSE_ABOVE_ROWS = 20;

function isEmptyRow(row: UnitRow, key: string): boolean {
  const v = row.cells[key];
  return !v || ((v.value ?? 0) === 0 && (v.previous ?? 0) === 0 && (v.samePeriodLastYear ?? 0) === 0);
}

function sumRows(rows: UnitRow[], key: string, name: string): UnitRow {
  const add = (pick: (v: ComparedValue) => number | null) => {
    let total: number | null = null;
    for (const r of rows) {
      const v = r.cells[key];
      const x = v ? pick(v) : null;
      if (x !== null) total = (total ?? 0) + x;
    }
    return total;
  };
  return {
    unitCode: '',
    unitName: name,
    cells: {
      [key]: {
        value: add((v) => v.value),
        previous: add((v) => v.previous),
        samePeriodLastYear: add((v) => v.samePeriodLastYear),
      },
    },
  };
}

/**
 * The rows of one unit table: the units, the issuing unit's own level where it has figures of its own ("Các đơn vị
 * thuộc Bộ", "Cấp tỉnh"), then the total, so that the rows always add up to it. A long table of mostly empty rows
 * keeps the units with figures and sums the rest in one line.
 */
export function unitTableRows(
  rows: UnitRow[],
  total: UnitRow | null,
  column: UnitTableColumn,
  own: UnitRow | null = null,
): TableCell[][] {
  const key = figureKey(column.indicator, column.option);
  const line = (row: UnitRow, index: string, bold: boolean): TableCell[] => {
    const v: ComparedValue = row.cells[key] ?? { value: null, previous: null, samePeriodLastYear: null };
    return [
      index === '' ? text('', 'center', bold) : ordinal(Number(index)),
      text(row.unitName, 'left', bold),
      quantity(v.value, column.decimals, bold),
      quantity(v.previous, column.decimals, bold),
      changeCell(v.value, v.previous, bold, v.changePrevPct),
      quantity(v.samePeriodLastYear, column.decimals, bold),
      changeCell(v.value, v.samePeriodLastYear, bold, v.changeYoyPct),
    ];
  };
  const empty = rows.filter((r) => isEmptyRow(r, key));
  const collapse = rows.length > COLLAPSE_ABOVE_ROWS && empty.length > rows.length / 2;
  const shown = collapse ? rows.filter((r) => !isEmptyRow(r, key)) : rows;
  const out = shown.map((row, i) => line(row, String(i + 1), false));
  if (collapse)
    out.push(
      line(
        sumRows(empty, key, `Các đơn vị còn lại (${formatNumber(empty.length)} đơn vị, không phát sinh)`),
        String(shown.length + 1),
        false,
      ),
    );
  if (own && !isEmptyRow(own, key)) out.push(line(own, String(out.length + 1), false));
  if (total) out.push(line(total, '', true));
  return out;
}

/** A short tab name: "PL I Ma túy thu giữ heroin", whole words up to 24 characters (Excel allows 31). */
export function sheetName(prefix: string, title: string): string {
  const words = title
    .replace(/[[\]:*?/\\()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  let name = prefix;
  for (const w of words) {
    if (`${name} ${w}`.length > 24) break;
    name = `${name} ${w}`;
  }
  return name.replace(/,$/, '');
}

/** Every appendix of the report in the order the documents print them: unit tables, reporting, tasks, trends. */
export function buildAppendices(report: BriefingReport, composed: ComposedBriefing): Appendix[] {
  const out: Appendix[] = [];
  const p = report.period;
  const next = () => roman(out.length + 1);
  const ref = composed.appendixReference;

  const table = report.unitTable;
  if (table) {
    for (const column of table.columns) {
      const n = next();
      out.push({
        label: `Phụ lục ${n}`,
        title: upperVi(column.title),
        subtitle: `(Đơn vị tính: ${column.unit}; số liệu ${p.shortLabel}, từ ngày ${formatDate(p.windowStart)} đến ngày ${formatDate(p.windowEnd)})`,
        reference: ref,
        sheetName: sheetName(`PL${n}`, column.title),
        content: {
          kind: 'table',
          table: {
            headers: [
              'TT',
              table.unitHeading,
              shortLabel(p.shortLabel),
              shortLabel(p.previousLabel),
              'Tăng, giảm (%)',
              shortLabel(p.samePeriodLastYearLabel),
              'Tăng, giảm (%)',
            ],
            widths: [11, 46, 22, 22, 20, 24, 20],
            rows: unitTableRows(table.rows, table.total, column, table.own ?? null),
          },
        },
      });
    }
  }

  if (report.submissions.length > 0) {
    const n = next();
    const rows: TableCell[][] = report.submissions.map((r, i) => [
      ordinal(i + 1),
      text(r.unitName),
      quantity(r.expected, 0),
      quantity(r.onTime, 0),
      quantity(r.late, 0),
      quantity(r.missing, 0),
      r.expected > 0
        ? {
            text: `${formatNumber(roundTo((r.onTime / r.expected) * 100, 2), 2, 2)}%`,
            value: roundTo(r.onTime / r.expected, 4),
            numFmt: '0.00%',
            align: 'right',
            bold: false,
          }
        : text('–', 'center'),
    ]);
    const sum = (pick: (r: (typeof report.submissions)[number]) => number) =>
      report.submissions.reduce((acc, r) => acc + pick(r), 0);
    const expected = sum((r) => r.expected);
    const onTime = sum((r) => r.onTime);
    rows.push([
      text('', 'center', true),
      text('Tổng cộng', 'left', true),
      quantity(expected, 0, true),
      quantity(onTime, 0, true),
      quantity(
        sum((r) => r.late),
        0,
        true,
      ),
      quantity(
        sum((r) => r.missing),
        0,
        true,
      ),
      expected > 0
        ? {
            text: `${formatNumber(roundTo((onTime / expected) * 100, 2), 2, 2)}%`,
            value: roundTo(onTime / expected, 4),
            numFmt: '0.00%',
            align: 'right',
            bold: true,
          }
        : text('–', 'center', true),
    ]);
    out.push({
      label: `Phụ lục ${n}`,
      title: 'TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO',
      subtitle: `(Kỳ báo cáo ${p.shortLabel})`,
      reference: ref,
      sheetName: sheetName(`PL${n}`, 'Chế độ báo cáo'),
      content: {
        kind: 'table',
        table: {
          headers: ['TT', 'Đơn vị', 'Phải gửi', 'Đúng hạn', 'Chậm', 'Chưa gửi', 'Tỷ lệ đúng hạn'],
          widths: [11, 62, 18, 18, 16, 18, 22],
          rows,
        },
      },
    });
  }

  if (report.tasks.length > 0) {
    const n = next();
    out.push({
      label: `Phụ lục ${n}`,
      title: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO',
      subtitle: `(Đến ngày ${formatDate(p.windowEnd)})`,
      reference: ref,
      sheetName: sheetName(`PL${n}`, 'Nhiệm vụ'),
      content: {
        kind: 'table',
        table: {
          headers: ['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tình trạng', 'Ghi chú'],
          widths: [11, 58, 22, 22, 22, 30],
          rows: report.tasks.map((t, i) => [
            ordinal(i + 1),
            text(t.directive),
            text(t.leadUnit, 'center'),
            text(t.deadline ? formatDate(t.deadline) : '', 'center'),
            text(TASK_STATUS_LABEL[t.status], 'center'),
            text(t.note ?? ''),
          ]),
        },
      },
    });
  }

  if (report.trends.length > 0) {
    const n = next();
    const first = report.trends[0];
    const headers = ['Tháng'];
    for (const s of report.trends) headers.push(`${s.title} (${s.unit})`, 'Cùng kỳ năm trước');
    const rows: TableCell[][] = (first?.points ?? []).map((point, i) => {
      const row: TableCell[] = [text(point.label, 'center')];
      for (const s of report.trends) {
        const pt = s.points[i];
        row.push(quantity(pt?.value ?? null, s.decimals), quantity(pt?.lastYear ?? null, s.decimals));
      }
      return row;
    });
    const rest = 165 - 20;
    out.push({
      label: `Phụ lục ${n}`,
      title: 'DIỄN BIẾN MỘT SỐ CHỈ TIÊU CHỦ YẾU',
      subtitle: `(${formatNumber(first?.points.length ?? 0)} tháng gần nhất, so với cùng kỳ năm trước)`,
      reference: ref,
      sheetName: sheetName(`PL${n}`, 'Diễn biến'),
      content: {
        kind: 'charts',
        series: report.trends,
        table: { headers, widths: [20, ...headers.slice(1).map(() => rest / (headers.length - 1))], rows },
      },
    });
  }
  return out;
}
