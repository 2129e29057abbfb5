import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './formula.ts';
import {
  COLUMN_ALIASES,
  COLUMNS,
  type Column,
  FileRejected,
  MAX_ROWS,
  type ParsedFile,
  type RawFigure,
} from './model.ts';
import { clean, decodeUtf8, headerKey } from './text.ts';

/**
 * The separator of a CSV file, from its first line: a Vietnamese Excel writes ";" (the comma is the decimal
 * mark there), others write ",", and "Unicode text" is tab-separated.
 */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [',', ';', '\t'].map((d) => ({ d, n: count(d) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0] && candidates[0].n > 0 ? candidates[0].d : ',';
}

/** Maps header cells to our columns; unknown columns (names, units of measure) are read-only extras. */
export function mapHeader(cells: string[]): Map<Column, number> {
  const out = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const key = headerKey(cell);
    for (const column of COLUMNS) {
      if (!out.has(column) && COLUMN_ALIASES[column].includes(key)) out.set(column, index);
    }
  });
  return out;
}

/**
 * Reads a CSV file of figures: a header row naming the columns, then one figure per row. Rows are numbered
 * as the lines of the file (the header is line 1), also when a quoted comment spans several lines.
 */
export function readCsv(buffer: Uint8Array): ParsedFile {
  const text = decodeUtf8(buffer);
  let records: Array<{ record: string[]; info: { bytes_records: number } }>;
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as Array<{ record: string[]; info: { bytes_records: number } }>;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      throw new FileRejected(
        `Tệp CSV sai cấu trúc ở dòng ${line}: ${error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'dấu ngoặc kép không được đóng' : error.message}`,
        line,
      );
    }
    throw error;
  }
  if (records.length - 1 > MAX_ROWS)
    throw new FileRejected(`Tệp có ${records.length - 1} dòng số liệu, vượt giới hạn ${MAX_ROWS} dòng`);
  // Line numbers are counted here from the byte offsets where records end: the parser's own line counter
  // counts a CRLF inside a quoted comment twice.
  const bytes = Buffer.from(text, 'utf8');
  let pos = 0;
  let line = 1;
  const starts = records.map((r) => {
    while (pos < bytes.length && (bytes[pos] === 0x0a || bytes[pos] === 0x0d)) {
      if (bytes[pos] === 0x0a) line++;
      pos++;
    }
    const start = line;
    for (; pos < r.info.bytes_records && pos < bytes.length; pos++) if (bytes[pos] === 0x0a) line++;
    return start;
  });
  const header = records[0];
  if (!header) throw new FileRejected('Tệp CSV trống');
  const columns = mapHeader(header.record);
  const missing = (['form', 'unit', 'period', 'indicator', 'value'] as const).filter((c) => !columns.has(c));
  if (missing.length > 0)
    throw new FileRejected(
      `Dòng tiêu đề thiếu cột ${missing.join(', ')} (cần: form,unit,period,indicator,option,value,comment)`,
      starts[0] ?? 1,
      'header',
    );
  const figures: RawFigure[] = [];
  for (const [index, r] of records.entries()) {
    if (index === 0) continue;
    const row = starts[index] ?? 0;
    const cell = (c: Column) => {
      const index = columns.get(c);
      return index === undefined ? null : clean(r.record[index]);
    };
    const located = (c: Column) => {
      const t = cell(c);
      return t === null ? null : { text: t, row };
    };
    if (r.record.every((f) => clean(f) === null)) continue;
    figures.push({
      row,
      form: located('form'),
      unit: located('unit'),
      period: located('period'),
      indicator: cell('indicator'),
      option: cell('option'),
      value: cell('value'),
      comment: cell('comment'),
    });
  }
  return { format: 'csv', numberStyle: 'vi', figures, issues: [] };
}

export interface CsvFigureRow {
  form: string;
  unit: string;
  period: string;
  indicator: string;
  option: string | null;
  value: number | null;
  comment: string | null;
  indicatorName: string;
  measure: string;
}

/**
 * A number for the CSV: no thousands separator and a decimal comma ("1457", "138,6", "1,457" for 1.457 kg).
 * A plain "1.457" would read back as 1457 under the Vietnamese convention the reader accepts.
 */
export function csvNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** Writes figures as CSV with a byte order mark, so that Excel opens the Vietnamese text as UTF-8. */
export function writeCsv(rows: CsvFigureRow[]): Buffer {
  const body = stringify(
    rows.map((r) => [
      neutraliseFormula(r.form),
      neutraliseFormula(r.unit),
      neutraliseFormula(r.period),
      neutraliseFormula(r.indicator),
      neutraliseFormula(r.option ?? ''),
      // A figure is written from a number, never from text: "-5" is a figure, not a formula.
      r.value === null ? '' : csvNumber(r.value),
      neutraliseFormula(r.comment ?? ''),
      neutraliseFormula(r.indicatorName),
      neutraliseFormula(r.measure),
    ]),
    {
      header: true,
      columns: [...COLUMNS, 'indicator_name', 'measure'],
      record_delimiter: '\r\n',
    },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}
