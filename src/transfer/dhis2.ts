import {
  FileRejected,
  type Located,
  MAX_ROWS,
  type ParsedFile,
  type RawFigure,
  type Rejection,
} from './model.ts';
import { clean, decodeUtf8 } from './text.ts';

/**
 * DHIS2's dataValueSet, the exchange format of health and statistics systems: our form is the data set, the
 * unit the organisation unit, the indicator the data element and its option the category option combo
 * ("default" for none). Values travel as strings in machine notation ("138.6").
 */
export interface DataValueSet {
  dataSet: string;
  period: string;
  orgUnit: string;
  completeDate?: string;
  dataValues: DataValue[];
}

export interface DataValue {
  dataElement: string;
  categoryOptionCombo: string;
  value: string;
  comment?: string;
  /** DHIS2 lets a value override the envelope's period and organisation unit. */
  period?: string;
  orgUnit?: string;
}

/** "2020-02" → "202002", "2020-02-15" → "20200215": DHIS2's period identifiers for months and days. */
export function toDhis2Period(id: string): string {
  return /^\d{4}-\d{2}(-\d{2})?$/.test(id) ? id.replace(/-/g, '') : id;
}

/** "202002" → "2020-02", "20200215" → "2020-02-15"; our own identifiers pass unchanged. */
export function fromDhis2Period(id: string): string {
  const month = /^(\d{4})(\d{2})$/.exec(id);
  if (month) return `${month[1]}-${month[2]}`;
  const day = /^(\d{4})(\d{2})(\d{2})$/.exec(id);
  if (day) return `${day[1]}-${day[2]}-${day[3]}`;
  return id;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Where JSON.parse stopped, as a line number, when its message says so. */
function errorLine(source: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (!position) return 0;
  const offset = Number(position[1]);
  return source.slice(0, offset).split('\n').length;
}

/**
 * Reads a DHIS2 dataValueSet. The envelope's dataSet, period and orgUnit are reported as row 0 when wrong;
 * each data value as its index + 1.
 */
export function readDhis2(buffer: Uint8Array): ParsedFile {
  const source = decodeUtf8(buffer);
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = errorLine(source, message);
    throw new FileRejected(
      `Tệp JSON không hợp lệ${line > 0 ? ` (dòng ${line})` : ''}: không đọc được cú pháp JSON (${message})`,
    );
  }
  if (!isRecord(doc) || !Array.isArray(doc.dataValues))
    throw new FileRejected(
      'Tệp JSON không đúng dạng dataValueSet của DHIS2: cần { dataSet, period, orgUnit, dataValues: [...] }',
    );
  const values = doc.dataValues as unknown[];
  if (values.length > MAX_ROWS)
    throw new FileRejected(`Tệp có ${values.length} số liệu, vượt giới hạn ${MAX_ROWS}`);
  const envelope = (key: string): Located | null => {
    const t = text(doc[key]);
    return t === null ? null : { text: key === 'period' ? fromDhis2Period(t) : t, row: 0 };
  };
  const dataSet = envelope('dataSet');
  const period = envelope('period');
  const orgUnit = envelope('orgUnit');
  const issues: Rejection[] = [];
  if (!dataSet) issues.push({ row: 0, field: 'dataSet', reason: 'thiếu mã biểu (dataSet)' });
  const figures: RawFigure[] = [];
  values.forEach((item, index) => {
    const row = index + 1;
    if (!isRecord(item)) {
      issues.push({ row, field: 'dataValues', reason: 'mỗi số liệu phải là một đối tượng JSON' });
      return;
    }
    const ownPeriod = text(item.period);
    const ownUnit = text(item.orgUnit);
    const raw = item.value;
    let value: number | string | null = null;
    if (typeof raw === 'number') value = raw;
    else if (typeof raw === 'string') value = clean(raw);
    else if (raw !== undefined && raw !== null) {
      issues.push({ row, field: 'value', reason: 'giá trị phải là chuỗi số hoặc số' });
      return;
    }
    const comment = item.comment === undefined || item.comment === null ? null : text(item.comment);
    const option = text(item.categoryOptionCombo);
    figures.push({
      row,
      form: dataSet,
      unit: ownUnit !== null ? { text: ownUnit, row } : orgUnit,
      period: ownPeriod !== null ? { text: fromDhis2Period(ownPeriod), row } : period,
      indicator: text(item.dataElement),
      option,
      value,
      comment,
    });
  });
  // A missing envelope field is reported once, not on every value that lacks it.
  if (!orgUnit && figures.some((f) => f.unit === null))
    issues.push({ row: 0, field: 'orgUnit', reason: 'thiếu mã đơn vị (orgUnit)' });
  if (!period && figures.some((f) => f.period === null))
    issues.push({ row: 0, field: 'period', reason: 'thiếu kỳ báo cáo (period), ví dụ "202002"' });
  return {
    format: 'json',
    numberStyle: 'machine',
    figures: figures.filter((f) => f.unit !== null && f.period !== null && f.form !== null),
    issues,
  };
}

/** A figure as DHIS2 writes it: machine notation, no grouping. */
export function dhis2Value(value: number): string {
  return String(value);
}

export function writeDhis2(set: DataValueSet): Buffer {
  return Buffer.from(`${JSON.stringify(set, null, 2)}\n`, 'utf8');
}
