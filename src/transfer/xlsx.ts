/**
 * The Excel template a unit fills in: a title block, then one row per indicator × option with the codes in
 * hidden columns, the figure and comment to enter, and last period's and last year's figures for reference.
 * Reading back goes by the codes, never by position: rows can be sorted, moved or deleted, and a sheet laid
 * out like the CSV (a header row with form, unit, period, indicator, option, value, comment) is read too.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mapHeader } from './csv.ts';
import {
  FileRejected,
  type Located,
  MAX_ROWS,
  type ParsedFile,
  type RawFigure,
  type Rejection,
} from './model.ts';
import { clean } from './text.ts';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const INPUT_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF9DB' } };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7EEF7' } };
const MARKER = 'giaoban';
const SHEET_NAME = 'Số liệu';
/** Unpacked size beyond which a workbook is refused before it is parsed (a small zip can hold gigabytes). */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export interface TemplateCell {
  indicator: string;
  option: string | null;
  /** "Ma túy thu giữ (khối lượng) – heroin". */
  name: string;
  measure: string;
  integer: boolean;
  decimals: number;
  /** The field heading the cell is listed under ("Ma túy"). */
  section: string;
  value: number | null;
  comment: string | null;
  previous: number | null;
  lastYear: number | null;
}

export interface TemplateInput {
  formCode: string;
  formName: string;
  unitCode: string;
  unitName: string;
  periodId: string;
  periodLabel: string;
  windowStart: string;
  windowEnd: string;
  previousLabel: string | null;
  lastYearLabel: string;
  /** "MẬT" etc. for a classified form; empty when unclassified. */
  secrecyMark: string;
  cells: TemplateCell[];
}

const COL = {
  indicator: 1,
  option: 2,
  number: 3,
  name: 4,
  measure: 5,
  value: 6,
  comment: 7,
  previous: 8,
  lastYear: 9,
} as const;

function numberFormat(integer: boolean, decimals: number): string {
  return integer || decimals === 0 ? '#,##0' : `#,##0.${'#'.repeat(decimals)}`;
}

/** Builds the template for a unit and period, already holding the figures stored so far. */
export async function writeTemplate(input: TemplateInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giaoban';
  const sheet = wb.addWorksheet(SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths: Record<number, number> = { 1: 24, 2: 12, 3: 6, 4: 58, 5: 12, 6: 16, 7: 32, 8: 16, 9: 16 };
  for (const [col, w] of Object.entries(widths)) sheet.getColumn(Number(col)).width = w;
  sheet.getColumn(COL.indicator).hidden = true;
  sheet.getColumn(COL.option).hidden = true;

  let r = 1;
  const line = (key: string | null, code: string | null, text: string, font: Partial<ExcelJS.Font>) => {
    const row = sheet.getRow(r);
    if (key !== null) row.getCell(COL.indicator).value = key;
    if (code !== null) row.getCell(COL.option).value = code;
    const c = row.getCell(COL.number);
    c.value = text;
    c.font = { name: FONT, size: 12, ...font };
    c.alignment = { vertical: 'middle', horizontal: 'left', wrapText: false };
    sheet.mergeCells(r, COL.number, r, COL.lastYear);
    r++;
  };
  if (input.secrecyMark) line(null, null, input.secrecyMark, { bold: true, color: { argb: 'FFFF0000' } });
  line(MARKER, '1', input.formName.toUpperCase(), { bold: true, size: 14 });
  line('form', input.formCode, `Biểu mẫu: ${input.formCode}`, {});
  line('unit', input.unitCode, `Đơn vị báo cáo: ${input.unitName} (mã ${input.unitCode})`, { bold: true });
  line('period', input.periodId, `Kỳ báo cáo: ${input.periodLabel}`, { bold: true });
  line(
    null,
    null,
    `Thời gian chốt số liệu: từ ngày ${viDate(input.windowStart)} đến ngày ${viDate(input.windowEnd)}`,
    {},
  );
  line(
    null,
    null,
    'Nhập số liệu vào cột "Số liệu kỳ này" (chỉ tiêu đếm là số nguyên; phần thập phân viết sau dấu phẩy). ' +
      'Ô để trống: giữ nguyên số liệu đã có. Không sửa các cột và dòng ẩn chứa mã.',
    { italic: true, size: 11 },
  );
  r++;

  const headerRow = sheet.getRow(r);
  const headers: Array<[number, string]> = [
    [COL.indicator, 'Mã chỉ tiêu'],
    [COL.option, 'Mã phân tổ'],
    [COL.number, 'STT'],
    [COL.name, 'Chỉ tiêu'],
    [COL.measure, 'Đơn vị tính'],
    [COL.value, 'Số liệu kỳ này'],
    [COL.comment, 'Ghi chú'],
    [COL.previous, `Kỳ trước${input.previousLabel ? ` (${input.previousLabel})` : ''}`],
    [COL.lastYear, `Cùng kỳ năm trước (${input.lastYearLabel})`],
  ];
  for (const [col, text] of headers) {
    const c = headerRow.getCell(col);
    c.value = text;
    c.font = { name: FONT, size: 12, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
    c.fill = HEADER_FILL;
  }
  headerRow.height = 33;
  const headerIndex = r;
  r++;

  // The machine names of the columns, in a hidden row under the labels: the reader finds the table by them,
  // wherever it was moved.
  const names = sheet.getRow(r);
  names.getCell(COL.indicator).value = 'indicator';
  names.getCell(COL.option).value = 'option';
  names.getCell(COL.value).value = 'value';
  names.getCell(COL.comment).value = 'comment';
  names.getCell(COL.previous).value = 'previous';
  names.getCell(COL.lastYear).value = 'last_year';
  names.hidden = true;
  r++;

  let section: string | null = null;
  let number = 0;
  for (const cell of input.cells) {
    if (cell.section !== section) {
      section = cell.section;
      const row = sheet.getRow(r);
      const c = row.getCell(COL.number);
      c.value = section.toUpperCase();
      c.font = { name: FONT, size: 12, bold: true };
      sheet.mergeCells(r, COL.number, r, COL.lastYear);
      r++;
    }
    number++;
    const row = sheet.getRow(r);
    row.getCell(COL.indicator).value = cell.indicator;
    row.getCell(COL.option).value = cell.option ?? '';
    row.getCell(COL.number).value = number;
    row.getCell(COL.name).value = cell.name;
    row.getCell(COL.measure).value = cell.measure;
    const fmt = numberFormat(cell.integer, cell.decimals);
    const input_ = row.getCell(COL.value);
    input_.value = cell.value;
    input_.numFmt = fmt;
    input_.fill = INPUT_FILL;
    input_.protection = { locked: false };
    input_.dataValidation = {
      type: cell.integer ? 'whole' : 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: 'Số liệu không hợp lệ',
      error: cell.integer ? 'Nhập số nguyên không âm' : 'Nhập số không âm',
    };
    const note = row.getCell(COL.comment);
    note.value = cell.comment;
    note.fill = INPUT_FILL;
    note.protection = { locked: false };
    note.alignment = { wrapText: true, vertical: 'middle' };
    row.getCell(COL.previous).value = cell.previous;
    row.getCell(COL.previous).numFmt = fmt;
    row.getCell(COL.lastYear).value = cell.lastYear;
    row.getCell(COL.lastYear).numFmt = fmt;
    for (let col = COL.number; col <= COL.lastYear; col++) {
      const c = row.getCell(col);
      c.font = { name: FONT, size: 12 };
      c.border = BORDER;
    }
    row.getCell(COL.name).alignment = { wrapText: true, vertical: 'middle' };
    r++;
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerIndex + 1, topLeftCell: `A${headerIndex + 2}` }];
  // Protection without a password: it keeps codes and reference figures from being overtyped by mistake,
  // and anyone who needs to can lift it from the Review tab.
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: true,
    autoFilter: true,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function viDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

type CellRead =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | {
      kind: 'bad';
      reason: string;
    };

/** What a cell holds, reduced to text or a number; formulas give their cached result. */
function readCell(value: ExcelJS.CellValue): CellRead {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') {
    const t = clean(value);
    return t === null ? { kind: 'empty' } : { kind: 'text', text: t };
  }
  if (typeof value === 'boolean') return { kind: 'bad', reason: 'ô chứa giá trị đúng/sai, không phải số' };
  if (value instanceof Date) return { kind: 'bad', reason: 'ô chứa ngày tháng, không phải số' };
  if ('richText' in value) {
    const t = clean(value.richText.map((p) => p.text).join(''));
    return t === null ? { kind: 'empty' } : { kind: 'text', text: t };
  }
  if ('error' in value) return { kind: 'bad', reason: `ô báo lỗi ${value.error}` };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null)
      return {
        kind: 'bad',
        reason: 'ô có công thức nhưng chưa có kết quả; hãy mở tệp bằng Excel, tính lại rồi lưu',
      };
    return readCell(result as ExcelJS.CellValue);
  }
  if ('text' in value) {
    const t = clean(String(value.text));
    return t === null ? { kind: 'empty' } : { kind: 'text', text: t };
  }
  return { kind: 'bad', reason: 'không đọc được nội dung ô' };
}

function cellText(value: ExcelJS.CellValue): string | null {
  const read = readCell(value);
  if (read.kind === 'text') return read.text;
  if (read.kind === 'number') return String(read.value);
  return null;
}

/** Refuses what is not an .xlsx before the parser sees it: old .xls files, other files, and zip bombs. */
async function checkContainer(buffer: Uint8Array): Promise<void> {
  if (buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0)
    throw new FileRejected('Tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy lưu lại dưới dạng .xlsx');
  if (!(buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04))
    throw new FileRejected('Tệp không phải tệp Excel .xlsx (không phải định dạng nén zip)');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new FileRejected('Tệp Excel bị hỏng hoặc không đầy đủ (không giải nén được)');
  }
  let unpacked = 0;
  for (const entry of Object.values(zip.files)) {
    // JSZip keeps the sizes the zip directory declares; reading them costs nothing.
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    unpacked += size;
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw new FileRejected('Tệp Excel khi giải nén quá lớn (trên 200 MB)');
  if (!zip.file('xl/workbook.xml'))
    throw new FileRejected('Tệp nén không phải bảng tính Excel (thiếu xl/workbook.xml)');
}

/**
 * Reads figures from a workbook: the first sheet holding a header row with the machine names "indicator" and
 * "value". form, unit and period come from the row's own columns if the table has them, else from the title
 * block ("form", "unit", "period" in the first column, the code beside it).
 */
export async function readXlsx(buffer: Uint8Array): Promise<ParsedFile> {
  await checkContainer(buffer);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as never);
  } catch {
    // The parser's own message is internal (English, paths, stack fragments): the user gets a plain reason.
    throw new FileRejected('Tệp Excel bị hỏng hoặc không đầy đủ (không đọc được nội dung bảng tính)');
  }
  for (const sheet of wb.worksheets) {
    if (sheet.rowCount > MAX_ROWS + 50)
      throw new FileRejected(`Bảng tính có ${sheet.rowCount} dòng, vượt giới hạn ${MAX_ROWS} dòng`);
    const parsed = readSheet(sheet);
    if (parsed) return parsed;
  }
  throw new FileRejected(
    'Không tìm thấy bảng số liệu: cần một dòng tiêu đề có các cột "indicator" và "value" (hãy dùng biểu mẫu tải từ hệ thống)',
  );
}

function readSheet(sheet: ExcelJS.Worksheet): ParsedFile | null {
  const meta: Partial<Record<'form' | 'unit' | 'period', Located>> = {};
  let columns: ReturnType<typeof mapHeader> | null = null;
  let headerRow = 0;
  const figures: RawFigure[] = [];
  const issues: Rejection[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    if (!columns) {
      const first = cellText(values[1] ?? null);
      if (first === 'form' || first === 'unit' || first === 'period') {
        const code = cellText(values[2] ?? null);
        if (code !== null) meta[first] = { text: code, row: rowNumber };
        return;
      }
      const texts = values.map((v) => cellText(v ?? null) ?? '');
      const mapped = mapHeader(texts);
      if (mapped.has('indicator') && mapped.has('value')) {
        columns = mapped;
        headerRow = rowNumber;
      }
      return;
    }
    const cols = columns as ReturnType<typeof mapHeader>;
    const at = (c: Parameters<typeof cols.get>[0]) => {
      const index = cols.get(c);
      return index === undefined ? null : (values[index] ?? null);
    };
    const indicator = cellText(at('indicator'));
    const valueIndex = cols.get('value');
    // Section headings are merged across the table; their text is not a figure.
    if (indicator === null && valueIndex !== undefined && row.getCell(valueIndex).isMerged) return;
    const rawValue = readCell(at('value'));
    const rawComment = readCell(at('comment'));
    if (indicator === null) {
      if (rawValue.kind !== 'empty')
        issues.push({
          row: rowNumber,
          field: 'indicator',
          reason: 'dòng có số liệu nhưng thiếu mã chỉ tiêu',
        });
      return;
    }
    if (rawValue.kind === 'bad') {
      issues.push({ row: rowNumber, field: 'value', reason: rawValue.reason });
      return;
    }
    const own = (c: 'form' | 'unit' | 'period'): Located | null => {
      const t = cellText(at(c));
      return t !== null ? { text: t, row: rowNumber } : (meta[c] ?? null);
    };
    figures.push({
      row: rowNumber,
      form: own('form'),
      unit: own('unit'),
      period: own('period'),
      indicator,
      option: cellText(at('option')),
      value: rawValue.kind === 'number' ? rawValue.value : rawValue.kind === 'text' ? rawValue.text : null,
      comment:
        rawComment.kind === 'text'
          ? rawComment.text
          : rawComment.kind === 'number'
            ? String(rawComment.value)
            : null,
    });
  });
  if (!columns) return null;
  // A title block without a code is reported once, where it should be, not on every row.
  for (const key of ['form', 'unit', 'period'] as const) {
    if (figures.some((f) => f[key] === null)) {
      const label = { form: 'mã biểu', unit: 'mã đơn vị', period: 'kỳ báo cáo' }[key];
      issues.push({
        row: headerRow,
        field: key,
        reason: `thiếu ${label}: cần dòng "${key}" ở đầu bảng (cột ẩn A, mã ở cột B) hoặc cột "${key}" trong bảng`,
      });
    }
  }
  return {
    format: 'xlsx',
    numberStyle: 'vi',
    figures: figures.filter((f) => f.form !== null && f.unit !== null && f.period !== null),
    issues,
  };
}
