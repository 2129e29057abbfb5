/** What an import did (or, for a dry run or a rejected file, would have done). Serialised as is. */
export interface ImportSummary {
  /** Figures that did not exist and were (or would be) added. */
  imported: number;
  /** Figures that existed and were (or would be) changed. */
  updated: number;
  /** Figures the file gives exactly as they are stored. */
  unchanged: number;

  /**
   * Every problem, with the row as the user sees it: CSV line (the header is line 1), XLSX sheet row, JSON
   * dataValues index + 1. Row 0 is the file as a whole (its size, encoding, or a DHIS2 header field).
   */
  rejected: Array<{ row: number; field: string; reason: string }>;
}

export type Rejection = ImportSummary['rejected'][number];

export type TransferFormat = 'csv' | 'xlsx' | 'json';

/** What a file was read as: our formats, or DHIS2's CSV and XML data value sets. */
export type ReadFormat = TransferFormat | 'dhis2-csv' | 'dhis2-xml';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 200_000;
/** The summary lists at most this many problems, then says how many more there are. */
export const MAX_REJECTIONS = 1000;

/** A value of the file where it was read, so that a problem is reported where it can be fixed. */
export interface Located {
  text: string;
  row: number;
}

/**
 * One figure as a file gives it, before any check. `form`, `unit` and `period` may come from the row itself
 * (CSV) or from a header shared by many rows (XLSX title block, DHIS2 envelope): their `row` says which.
 */
export interface RawFigure {
  row: number;
  form: Located | null;
  unit: Located | null;
  period: Located | null;
  indicator: string | null;
  option: string | null;
  /** As read: a number (typed XLSX cell, JSON number), text, or null when blank. */
  value: number | string | null;
  comment: string | null;
  /** DHIS2: the value is to be deleted (the `deleted` flag, or the DELETE import strategy). */
  deleted?: boolean;
  /** DHIS2: the value is marked for follow-up. */
  followup?: boolean;
  /** DHIS2's attribute option combo as given (null or "default" for none). */
  attributeOptionCombo?: string | null;
}

export interface ParsedFile {
  format: ReadFormat;
  /**
   * How text values are read: `vi` takes "1.457" as 1457 and "138,6" as 138.6 (people's files); `machine` takes
   * "1.457" as 1.457, as DHIS2 writes numbers, and falls back to the Vietnamese way only for what is not a
   * machine number.
   */
  numberStyle: 'vi' | 'machine';
  figures: RawFigure[];
  /** Problems found while reading rows (a formula without a result, a value without an indicator code). */
  issues: Rejection[];
  /** DHIS2: the data set was completed on this date, i.e. the report(s) the file fills are to be submitted. */
  completeDate?: Located | null;
}

/** A file that cannot be read at all: nothing in it is imported. */
export class FileRejected extends Error {
  constructor(
    readonly reasonVi: string,
    readonly row = 0,
    readonly field = 'file',
  ) {
    super(reasonVi);
    this.name = 'FileRejected';
  }
}

export const CONTENT_TYPES: Record<TransferFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Machine column names of the CSV layout (and of the hidden name row of the XLSX template). */
export const COLUMNS = ['form', 'unit', 'period', 'indicator', 'option', 'value', 'comment'] as const;
export type Column = (typeof COLUMNS)[number];

/**
 * Header names accepted for each column: ours, the Vietnamese labels people type, and DHIS2's CSV names
 * (dataelement, orgunit, categoryoptioncombo), compared case- and accent-insensitively after trimming.
 */
export const COLUMN_ALIASES: Record<Column, string[]> = {
  form: ['form', 'dataset', 'bieu', 'bieu mau', 'ma bieu'],
  unit: ['unit', 'orgunit', 'don vi', 'ma don vi'],
  period: ['period', 'ky', 'ky bao cao'],
  indicator: ['indicator', 'dataelement', 'chi tieu', 'ma chi tieu'],
  option: ['option', 'categoryoptioncombo', 'phan to', 'ma phan to'],
  value: ['value', 'so lieu', 'gia tri'],
  comment: ['comment', 'ghi chu'],
};
