import { createRequire } from 'node:module';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
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
  dataSet?: string;
  period?: string;
  orgUnit?: string;
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
  attributeOptionCombo?: string;
  followup?: boolean;
  deleted?: boolean;
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

/** DHIS2's booleans as its readers accept them ("true", "True", "t", "1"). */
function flag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null || value === '') return false;
  const t = String(value).trim().toLowerCase();
  if (t === 'true' || t === 't' || t === '1') return true;
  if (t === 'false' || t === 'f' || t === '0') return false;
  return null;
}

/** The fields DHIS2 gives a data value, however the file spells them (JSON keys, XML attributes, CSV columns). */
interface Dhis2Fields {
  dataSet: Located | null;
  period: Located | null;
  orgUnit: Located | null;
  dataElement: unknown;
  categoryOptionCombo: unknown;
  attributeOptionCombo: unknown;
  value: unknown;
  comment: unknown;
  followup: unknown;
  deleted: unknown;
}

/** One data value as a RawFigure, or the reason it cannot be read. */
function toFigure(row: number, f: Dhis2Fields, issues: Rejection[]): RawFigure | null {
  let value: number | string | null = null;
  if (typeof f.value === 'number') value = f.value;
  else if (typeof f.value === 'string') value = clean(f.value) || null;
  else if (f.value !== undefined && f.value !== null) {
    issues.push({ row, field: 'value', reason: 'giá trị phải là chuỗi số hoặc số' });
    return null;
  }
  const deleted = flag(f.deleted);
  const followup = flag(f.followup);
  if (deleted === null) {
    issues.push({
      row,
      field: 'deleted',
      reason: `"deleted" phải là true hoặc false, không phải "${f.deleted}"`,
    });
    return null;
  }
  if (followup === null) {
    issues.push({
      row,
      field: 'followup',
      reason: `"followup" phải là true hoặc false, không phải "${f.followup}"`,
    });
    return null;
  }
  const comment = f.comment === undefined || f.comment === null ? null : text(f.comment) || null;
  return {
    row,
    form: f.dataSet,
    unit: f.orgUnit,
    period: f.period,
    indicator: text(f.dataElement) || null,
    option: text(f.categoryOptionCombo) || null,
    value,
    comment,
    deleted,
    followup,
    attributeOptionCombo: text(f.attributeOptionCombo) || null,
  };
}

function finish(
  format: ParsedFile['format'],
  figures: RawFigure[],
  issues: Rejection[],
  envelope: { orgUnit: Located | null; period: Located | null; completeDate: Located | null },
): ParsedFile {
  // A missing envelope field is reported once, not on every value that lacks it.
  if (!envelope.orgUnit && figures.some((f) => f.unit === null))
    issues.push({ row: 0, field: 'orgUnit', reason: 'thiếu mã đơn vị (orgUnit)' });
  if (!envelope.period && figures.some((f) => f.period === null))
    issues.push({ row: 0, field: 'period', reason: 'thiếu kỳ báo cáo (period), ví dụ "202002"' });
  return {
    format,
    numberStyle: 'machine',
    figures: figures.filter((f) => f.unit !== null && f.period !== null),
    issues,
    completeDate: envelope.completeDate,
  };
}

/**
 * Reads a DHIS2 dataValueSet in JSON. The envelope's dataSet, period, orgUnit and completeDate are reported as
 * row 0 when wrong; each data value as its index + 1. Without a dataSet, the data elements decide the form.
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
    return t === null || t === '' ? null : { text: t, row: 0 };
  };
  const dataSet = envelope('dataSet');
  const period = envelope('period');
  const orgUnit = envelope('orgUnit');
  const completeDate = envelope('completeDate');
  const envelopeAoc = text(doc.attributeOptionCombo);
  const issues: Rejection[] = [];
  const figures: RawFigure[] = [];
  values.forEach((item, index) => {
    const row = index + 1;
    if (!isRecord(item)) {
      issues.push({ row, field: 'dataValues', reason: 'mỗi số liệu phải là một đối tượng JSON' });
      return;
    }
    const ownPeriod = text(item.period);
    const ownUnit = text(item.orgUnit);
    const figure = toFigure(
      row,
      {
        dataSet,
        period: ownPeriod ? { text: ownPeriod, row } : period,
        orgUnit: ownUnit ? { text: ownUnit, row } : orgUnit,
        dataElement: item.dataElement,
        categoryOptionCombo: item.categoryOptionCombo,
        attributeOptionCombo: item.attributeOptionCombo ?? envelopeAoc,
        value: item.value,
        comment: item.comment,
        followup: item.followup,
        deleted: item.deleted,
      },
      issues,
    );
    if (figure) figures.push(figure);
  });
  return finish('json', figures, issues, { orgUnit, period, completeDate });
}

/** DHIS2's CSV columns, in DHIS2's order: its reader goes by position, not by header names. */
export const DHIS2_CSV_COLUMNS = [
  'dataelement',
  'period',
  'orgunit',
  'catoptcombo',
  'attroptcombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
  'deleted',
] as const;

/** Whether a CSV's first line is DHIS2's header (its 11 columns, or the older names), not our own layout. */
export function isDhis2CsvHeader(firstLine: string): boolean {
  const cells = firstLine
    .replace(/^\ufeff/, '')
    .split(',')
    .map((c) => c.replace(/"/g, '').trim().toLowerCase());
  return (
    cells.length >= 6 &&
    cells[1] === 'period' &&
    cells[2] === 'orgunit' &&
    /^(catoptcombo|categoryoptioncombo)$/.test(cells[3] ?? '') &&
    /^(attroptcombo|attributeoptioncombo)$/.test(cells[4] ?? '')
  );
}

/**
 * Reads DHIS2's data value CSV: one value per line in the 11 columns of DHIS2_CSV_COLUMNS (storedby and
 * lastupdated are read and not kept: giaoban records who imported and when). Rows are numbered as lines.
 */
export function readDhis2Csv(buffer: Uint8Array): ParsedFile {
  const source = decodeUtf8(buffer);
  let records: string[][];
  try {
    records = parse(source, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError)
      throw new FileRejected(
        `Tệp CSV DHIS2 sai cấu trúc: ${error.message}`,
        (error as { lines?: number }).lines,
      );
    throw error;
  }
  if (records.length - 1 > MAX_ROWS)
    throw new FileRejected(`Tệp có ${records.length - 1} dòng số liệu, vượt giới hạn ${MAX_ROWS} dòng`);
  const issues: Rejection[] = [];
  const figures: RawFigure[] = [];
  records.forEach((cells, index) => {
    const row = index + 1;
    if (index === 0 && isDhis2CsvHeader(cells.join(','))) return;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length < 6) {
      issues.push({
        row,
        field: 'file',
        reason: `dòng có ${cells.length} cột, cần ít nhất 6 (đến cột value)`,
      });
      return;
    }
    const at = (i: number) => clean(cells[i] ?? '') ?? '';
    const figure = toFigure(
      row,
      {
        dataSet: null,
        period: at(1) ? { text: at(1), row } : null,
        orgUnit: at(2) ? { text: at(2), row } : null,
        dataElement: at(0),
        categoryOptionCombo: at(3),
        attributeOptionCombo: at(4),
        value: at(5),
        comment: at(8),
        followup: at(9),
        deleted: at(10),
      },
      issues,
    );
    if (!figure) return;
    if (!figure.unit) issues.push({ row, field: 'orgUnit', reason: 'thiếu mã đơn vị (orgunit)' });
    if (!figure.period) issues.push({ row, field: 'period', reason: 'thiếu kỳ báo cáo (period)' });
    figures.push(figure);
  });
  return finish('dhis2-csv', figures, issues, {
    orgUnit: { text: '', row: 0 },
    period: { text: '', row: 0 },
    completeDate: null,
  });
}

interface XmlElement {
  localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  childNodes: { length: number; [index: number]: XmlElement & { nodeType: number } };
  lineNumber?: number;
}
interface XmlParser {
  parseFromString(source: string, mimeType: string): { documentElement: XmlElement | null };
}

// @xmldom/xmldom (installed with mammoth) is loaded without its typings, which would pull the browser's DOM
// types into the server's compilation. It reads no DTD and expands no external entity.
const xmldom = createRequire(import.meta.url)('@xmldom/xmldom') as {
  DOMParser: new (options: { errorHandler: (level: string, message: string) => void }) => XmlParser;
};

/**
 * Reads DHIS2's dataValueSet XML (namespace http://dhis2.org/schema/dxf/2.0): the envelope as attributes of
 * <dataValueSet>, each value a <dataValue> element numbered in document order from 1.
 */
export function readDhis2Xml(buffer: Uint8Array): ParsedFile {
  const source = decodeUtf8(buffer);
  if (/<!DOCTYPE|<!ENTITY/i.test(source))
    throw new FileRejected(
      'Tệp XML có khai báo DOCTYPE/ENTITY; dataValueSet của DHIS2 không dùng, không đọc',
    );
  const errors: string[] = [];
  const parser = new xmldom.DOMParser({
    errorHandler: (level, message) => {
      if (level !== 'warning') errors.push(String(message).split('\n')[0] ?? '');
    },
  });
  let root: XmlElement | null = null;
  try {
    root = parser.parseFromString(source, 'text/xml').documentElement;
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  if (errors.length > 0 || !root)
    throw new FileRejected(`Tệp XML không hợp lệ: ${errors[0] ?? 'không có phần tử gốc'}`);
  if (root.localName !== 'dataValueSet')
    throw new FileRejected(`Tệp XML không phải dataValueSet của DHIS2 (phần tử gốc là <${root.localName}>)`);
  const attr = (el: XmlElement, name: string) => (el.hasAttribute(name) ? el.getAttribute(name) : null);
  const envelope = (name: string): Located | null => {
    const t = attr(root as XmlElement, name);
    const c = clean(t);
    return c ? { text: c, row: 0 } : null;
  };
  const dataSet = envelope('dataSet');
  const period = envelope('period');
  const orgUnit = envelope('orgUnit');
  const completeDate = envelope('completeDate');
  const envelopeAoc = attr(root, 'attributeOptionCombo');
  const issues: Rejection[] = [];
  const figures: RawFigure[] = [];
  let row = 0;
  for (let i = 0; i < root.childNodes.length; i++) {
    const el = root.childNodes[i];
    if (el?.nodeType !== 1) continue;
    row++;
    if (row > MAX_ROWS) throw new FileRejected(`Tệp có hơn ${MAX_ROWS} số liệu`);
    if (el.localName !== 'dataValue') {
      issues.push({ row, field: 'dataValues', reason: `phần tử <${el.localName}> không phải <dataValue>` });
      continue;
    }
    const ownPeriod = attr(el, 'period');
    const ownUnit = attr(el, 'orgUnit');
    const figure = toFigure(
      row,
      {
        dataSet,
        period: clean(ownPeriod) ? { text: clean(ownPeriod) as string, row } : period,
        orgUnit: clean(ownUnit) ? { text: clean(ownUnit) as string, row } : orgUnit,
        dataElement: attr(el, 'dataElement'),
        categoryOptionCombo: attr(el, 'categoryOptionCombo'),
        attributeOptionCombo: attr(el, 'attributeOptionCombo') ?? envelopeAoc,
        value: attr(el, 'value'),
        comment: attr(el, 'comment'),
        followup: attr(el, 'followup'),
        deleted: attr(el, 'deleted'),
      },
      issues,
    );
    if (figure) figures.push(figure);
  }
  return finish('dhis2-xml', figures, issues, { orgUnit, period, completeDate });
}

/** A figure as DHIS2 writes it: machine notation, no grouping. */
export function dhis2Value(value: number): string {
  return String(value);
}

export function writeDhis2(set: DataValueSet): Buffer {
  return Buffer.from(`${JSON.stringify(set, null, 2)}\n`, 'utf8');
}

/** DHIS2's CSV of data values: its 11 columns, header first (storedby and lastupdated left empty). */
export function writeDhis2Csv(values: DataValue[]): Buffer {
  const rows = values.map((v) => [
    v.dataElement,
    v.period ?? '',
    v.orgUnit ?? '',
    v.categoryOptionCombo,
    v.attributeOptionCombo ?? '',
    v.value,
    '',
    '',
    v.comment ?? '',
    v.followup ? 'true' : 'false',
    v.deleted ? 'true' : '',
  ]);
  return Buffer.from(stringify([[...DHIS2_CSV_COLUMNS], ...rows], { record_delimiter: '\n' }), 'utf8');
}

function xmlAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** DHIS2's dataValueSet XML (namespace http://dhis2.org/schema/dxf/2.0), values as attributes. */
export function writeDhis2Xml(set: DataValueSet): Buffer {
  const attrs = (pairs: Array<[string, string | undefined]>) =>
    pairs
      .filter((p): p is [string, string] => p[1] !== undefined)
      .map(([k, v]) => ` ${k}="${xmlAttr(v)}"`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"${attrs([
      ['dataSet', set.dataSet],
      ['completeDate', set.completeDate],
      ['period', set.period],
      ['orgUnit', set.orgUnit],
    ])}>`,
    ...set.dataValues.map(
      (v) =>
        `  <dataValue${attrs([
          ['dataElement', v.dataElement],
          ['period', v.period],
          ['orgUnit', v.orgUnit],
          ['categoryOptionCombo', v.categoryOptionCombo],
          ['attributeOptionCombo', v.attributeOptionCombo],
          ['value', v.value],
          ['comment', v.comment],
          ['followup', v.followup === undefined ? undefined : String(v.followup)],
        ])}/>`,
    ),
    '</dataValueSet>',
  ];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
