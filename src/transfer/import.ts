import type { AppContext } from '../app/context.ts';
import { resolveUnitForPeriod } from '../app/resolve.ts';
import { type Actor, SYSTEM_ACTOR } from '../audit/actor.ts';
import { reporterKindsOn } from '../indicators/model.ts';
import type { StoredForm, StoredIndicator } from '../indicators/registry.ts';
import { NO_OPTION } from '../indicators/registry.ts';
import { parseAnyPeriod } from '../periods/dhis2.ts';
import { type Period, PeriodError, periodLabelVi } from '../periods/period.ts';
import { periodWindow, referenceDate } from '../periods/regime.ts';
import { AppError } from '../shared/errors.ts';
import { highestSecrecy } from '../shared/secrecy.ts';
import { isValidOn, OPEN_END, type Unit, type UnitKind } from '../units/model.ts';
import { importFileIsolated, UntrustedFileRefused } from '../untrusted/index.ts';
import {
  EDITABLE_STATUSES,
  ReportNotEditableError,
  type ValueInput,
  VersionConflictError,
} from '../values/model.ts';
import { writeValues } from '../values/repository.ts';
import { formatDate, type IsoDate } from '../vietnamese/dates.ts';
import { NumberFormatError, parseNumber, roundTo } from '../vietnamese/numbers.ts';
import { isDhis2CsvHeader } from './dhis2.ts';
import { restoreFormula } from './formula.ts';
import { Identifiers, type IdScheme, isDefaultCombo } from './identifiers.ts';
import {
  type ImportSummary,
  type Located,
  MAX_FILE_BYTES,
  MAX_REJECTIONS,
  type ParsedFile,
  type RawFigure,
  type ReadFormat,
  type Rejection,
  type TransferFormat,
} from './model.ts';
import { existingFigures, loadUids, reportStates } from './repository.ts';

export interface ImportOptions {
  buffer: Uint8Array;
  filename: string;
  contentType?: string | undefined;
  /** Check everything and count, write nothing. */
  dryRun: boolean;
  userId: number | null;
  /** Who imports, as the audit log names them; defaults to the user id (or the system for null). */
  actor?: Actor | undefined;
  /** The channel the file came through; it is named in the change record's reason. */
  source: 'web' | 'api' | 'cli';
  /** Write the good rows even when others are rejected. Off by default: a file goes in whole or not at all. */
  partial?: boolean;
  /**
   * Why the importing user may not write a unit's figures (null when they may). The HTTP layer passes its
   * authorisation check here; the command line, run by an operator on the server, passes none.
   */
  canWrite?: (unit: Unit, form: StoredForm, date: IsoDate) => string | null;
  /** The reader to use, when the channel says (DHIS2's API is told by the content type); else detected. */
  format?: ReadFormat | undefined;
  /** DHIS2's idScheme per object type; `auto` (the default) takes a uid or a code. */
  schemes?: Partial<IdSchemes> | undefined;
  /** DHIS2's importStrategy DELETE: every value in the file is deleted, whatever its value. */
  deleteAll?: boolean | undefined;
}

export interface IdSchemes {
  dataSet: IdScheme;
  dataElement: IdScheme;
  orgUnit: IdScheme;
  categoryOptionCombo: IdScheme;
}

/** A report the file fills, and the completeDate it gives (DHIS2's completion: the report is to be submitted). */
export interface TouchedReport {
  form: StoredForm;
  unit: Unit;
  period: Period;
}

/** The result of an import with what DHIS2's summary needs besides giaoban's own. */
export interface ImportOutcome extends ImportSummary {
  /** Figures the file deletes (DHIS2's `deleted: true` or DELETE strategy): cleared, their history kept. */
  deleted: number;
  /** Rows that give nothing to do: no value and no comment, or a deletion of a figure not stored. */
  ignored: number;
  /** Reports the file filled (only when something was written, or would be in a dry run). */
  reports: TouchedReport[];
  /** The file's completeDate, when it gives one. */
  completeDate: string | null;
}

const STATUS_VI: Record<string, string> = {
  submitted: 'đã nộp',
  approved: 'đã duyệt',
  locked: 'đã khóa sổ',
};
const KIND_VI: Record<UnitKind, string> = {
  ministry: 'Bộ',
  department: 'đơn vị thuộc Bộ',
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
};
const MAX_VALUE = 1e12;
const MAX_COMMENT = 2000;

/**
 * Which reader a file needs: the extension first, then the content type, then the first bytes. A file named
 * .xlsx is always read as a workbook, so that a renamed text file gets "not a zip" rather than garbage.
 */
export function detectFormat(buffer: Uint8Array, filename: string, contentType?: string): TransferFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') return 'xlsx';
  const zip = buffer[0] === 0x50 && buffer[1] === 0x4b;
  const ole = buffer[0] === 0xd0 && buffer[1] === 0xcf;
  if (zip || ole) return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('spreadsheetml')) return 'xlsx';
  if (type.includes('json')) return 'json';
  if (type.includes('csv')) return 'csv';
  let i = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  while (i < buffer.length && [0x20, 0x09, 0x0a, 0x0d].includes(buffer[i] as number)) i++;
  return buffer[i] === 0x7b || buffer[i] === 0x5b ? 'json' : 'csv';
}

/**
 * The reader for a file: DHIS2's XML and DHIS2's CSV (told by its header) besides detectFormat's three. A
 * DHIS2 CSV without a header is read as DHIS2's only through /api/dataValueSets, which knows it is one.
 */
export function detectReadFormat(buffer: Uint8Array, filename: string, contentType?: string): ReadFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const type = (contentType ?? '').toLowerCase();
  let i = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  while (i < buffer.length && [0x20, 0x09, 0x0a, 0x0d].includes(buffer[i] as number)) i++;
  if (ext === 'xml' || type.includes('xml') || (buffer[i] === 0x3c && ext !== 'csv' && ext !== 'json'))
    return 'dhis2-xml';
  const format = detectFormat(buffer, filename, contentType);
  if (format === 'csv') {
    const head = Buffer.from(buffer.subarray(i, Math.min(buffer.length, i + 400))).toString('utf8');
    if (isDhis2CsvHeader(head.split(/\r?\n/)[0] ?? '')) return 'dhis2-csv';
  }
  return format;
}

type Resolved<T> = { ok: true; value: T } | { ok: false; issue: Rejection };

interface Group {
  form: StoredForm;
  unit: Unit;
  period: Period;
  firstRow: number;
  cells: Candidate[];
}

interface Candidate {
  row: number;
  indicator: StoredIndicator;
  optionId: number;
  /** undefined: the file leaves the value blank (the stored one is kept). */
  value: number | null | undefined;
  comment: string | null;
  /** DHIS2's deleted flag or DELETE strategy: the stored figure is cleared (its history kept). */
  deleted: boolean;
}

/** A number as the file writes it, by the convention decided for the whole file (see `decimalConvention`). */
function parseValue(raw: number | string, style: ParsedFile['numberStyle']): number {
  if (typeof raw === 'number') return raw;
  if (style === 'machine' && /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
  return parseNumber(raw);
}

/** "1.477": a thousands group (1477) or three decimals (1,477) — only the file's convention tells. */
const AMBIGUOUS = /^[+-]?\d{1,3}\.\d{3}$/;
/** A decimal point: "0.63", "12.5", "1234.5", "1.2345". */
const POINT_DECIMAL = /^[+-]?\d+\.\d+$/;
/** A decimal comma ("138,6", "1.250,5") or several thousands groups ("1.234.567"). */
const COMMA_DECIMAL = /^[+-]?(\d{1,3}(\.\d{3})*|\d+),\d+$|^[+-]?\d{1,3}(\.\d{3}){2,}$/;

/**
 * The decimal convention of a file's value column, decided for the whole column, never value by value: a decimal
 * comma anywhere makes it Vietnamese ("1.477" is 1477), a decimal point anywhere makes it the machine convention
 * ("1.477" is 1,477). A file with both is refused naming the rows of each; so is a file where only values like
 * "1.477" could tell and they belong to indicators with decimals. Where they are counts, "1.477" can only be 1477.
 * DHIS2 files declare the machine convention by their format.
 */
function decimalConvention(
  parsed: ParsedFile,
  decimalsOf: (figure: RawFigure) => number,
): { style: ParsedFile['numberStyle'] } | { issue: Rejection } {
  if (parsed.numberStyle === 'machine') return { style: 'machine' };
  const comma: RawFigure[] = [];
  const point: RawFigure[] = [];
  const ambiguous: RawFigure[] = [];
  for (const f of parsed.figures) {
    if (typeof f.value !== 'string') continue;
    const text = f.value.trim();
    if (AMBIGUOUS.test(text)) ambiguous.push(f);
    else if (POINT_DECIMAL.test(text)) point.push(f);
    else if (COMMA_DECIMAL.test(text)) comma.push(f);
  }
  const rows = (list: RawFigure[]) =>
    `${list
      .slice(0, 10)
      .map((f) => `${f.row} (${f.value})`)
      .join(', ')}${list.length > 10 ? ', …' : ''}`;
  if (comma.length > 0 && point.length > 0)
    return {
      issue: {
        row: Math.min(comma[0]?.row ?? 0, point[0]?.row ?? 0),
        field: 'value',
        reason: `tệp viết số theo hai cách: dấu phẩy thập phân ở dòng ${rows(comma)} và dấu chấm thập phân ở dòng ${rows(point)}; cả cột số liệu phải theo một cách (138,6 hoặc 138.6), không nhập gì`,
      },
    };
  if (point.length > 0) return { style: 'machine' };
  if (comma.length > 0) return { style: 'vi' };
  const unclear = ambiguous.filter((f) => decimalsOf(f) > 0);
  if (unclear.length > 0)
    return {
      issue: {
        row: unclear[0]?.row ?? 0,
        field: 'value',
        reason: `không xác định được dấu thập phân ở dòng ${rows(unclear)}: "1.477" có thể là 1.477 (nghìn) hoặc 1,477; hãy viết số thập phân bằng dấu phẩy (1,477) hoặc bỏ dấu chấm phân cách hàng nghìn (1477), không nhập gì`,
      },
    };
  return { style: 'vi' };
}

/** Checks every row of a parsed file against the catalogue, the unit tree and the reports' states. */
class Planner {
  readonly rejected: Rejection[] = [];
  private readonly seenIssues = new Set<string>();
  private readonly forms = new Map<string, Resolved<StoredForm>>();
  private readonly periods = new Map<string, Resolved<Period>>();
  private readonly units = new Map<string, Resolved<Unit>>();
  private readonly firstRowOfKey = new Map<string, number>();
  readonly groups = new Map<string, Group>();
  /** Rows that say nothing (no value, no comment): counted so that a left-out value is never silent. */
  ignored = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly canWrite: ImportOptions['canWrite'],
    private readonly ids: Identifiers,
    private readonly schemes: IdSchemes,
    private readonly deleteAll: boolean,
  ) {}

  /** Records a problem once: a shared header field (XLSX title block, DHIS2 envelope) is reported at its own row. */
  reject(issue: Rejection): false {
    const key = `${issue.row}|${issue.field}|${issue.reason}`;
    if (!this.seenIssues.has(key)) {
      this.seenIssues.add(key);
      this.rejected.push(issue);
    }
    return false;
  }

  private form(at: Located): Resolved<StoredForm> {
    let found = this.forms.get(at.text);
    if (!found) {
      const form = this.ids.form(at.text, this.schemes.dataSet);
      found = form
        ? { ok: true, value: form }
        : {
            ok: false,
            issue: { row: at.row, field: 'form', reason: `không có biểu mẫu "${at.text}" trong danh mục` },
          };
      this.forms.set(at.text, found);
    }
    return found;
  }

  private period(at: Located, form: StoredForm): Resolved<Period> {
    const cacheKey = `${form.id}|${at.text}`;
    let found = this.periods.get(cacheKey);
    if (!found) {
      found = this.checkPeriod(at, form);
      this.periods.set(cacheKey, found);
    }
    return found;
  }

  private checkPeriod(at: Located, form: StoredForm): Resolved<Period> {
    const fail = (reason: string): Resolved<Period> => ({
      ok: false,
      issue: { row: at.row, field: 'period', reason },
    });
    let period: Period;
    try {
      period = parseAnyPeriod(at.text);
    } catch (error) {
      if (error instanceof PeriodError) return fail(error.message);
      throw error;
    }
    if (period.type !== form.periodType) {
      return fail(
        form.periodType === 'month'
          ? `biểu ${form.code} là biểu tháng: kỳ phải có dạng 2020-02 hoặc 202002, không phải "${at.text}"`
          : `biểu ${form.code} là biểu ngày: kỳ phải có dạng 2020-02-15 hoặc 20200215, không phải "${at.text}"`,
      );
    }
    const start = periodWindow(period).start;
    if (start > this.ctx.clock.today())
      return fail(`kỳ ${periodLabelVi(period)} chưa bắt đầu (số liệu chốt từ ngày ${formatDate(start)})`);
    return { ok: true, value: period };
  }

  private unit(at: Located, form: StoredForm, period: Period): Resolved<Unit> {
    const cacheKey = `${form.id}|${period.id}|${at.text}`;
    let found = this.units.get(cacheKey);
    if (!found) {
      found = this.checkUnit(at, form, period);
      this.units.set(cacheKey, found);
    }
    return found;
  }

  private checkUnit(at: Located, form: StoredForm, period: Period): Resolved<Unit> {
    const fail = (reason: string): Resolved<Unit> => ({
      ok: false,
      issue: { row: at.row, field: 'unit', reason },
    });
    const date = referenceDate(period);
    let unit: Unit | undefined = this.schemes.orgUnit === 'code' ? undefined : this.ids.unit(at.text);
    if (unit && !isValidOn(unit, date))
      return fail(
        `đơn vị ${at.text} (${this.ctx.graph.nameOn(unit.id, date)}) chỉ có hiệu lực từ ${formatDate(unit.validFrom)}${
          unit.validTo === OPEN_END ? '' : ` đến ${formatDate(unit.validTo)}`
        }, không có trong kỳ ${periodLabelVi(period)}`,
      );
    if (!unit && this.schemes.orgUnit === 'uid') return fail(`không có đơn vị mang uid "${at.text}"`);
    if (!unit) {
      try {
        unit = resolveUnitForPeriod(this.ctx.graph, at.text, period);
      } catch (error) {
        if (error instanceof AppError) return fail(error.messageVi);
        throw error;
      }
    }
    if (!(reporterKindsOn(form, date) as string[]).includes(unit.kind))
      return fail(
        `${this.ctx.graph.nameOn(unit.id, date)} (cấp ${KIND_VI[unit.kind]}) không thuộc diện báo cáo biểu ${form.code} kỳ ${periodLabelVi(period)}`,
      );
    const denied = this.canWrite?.(unit, form, date) ?? null;
    if (denied !== null) return fail(denied);
    return { ok: true, value: unit };
  }

  /** Checks one figure; a good one joins its report's group (true), a bad one is rejected (false). */
  /**
   * The form of a DHIS2 value sent without a dataSet: the one form of the period's type that has the data
   * element. Several (or none) are refused with their codes.
   */
  private inferForm(figure: RawFigure): Resolved<StoredForm> {
    const { row } = figure;
    const fail = (reason: string): Resolved<StoredForm> => ({
      ok: false,
      issue: { row, field: 'form', reason },
    });
    if (figure.indicator === null) return fail('thiếu mã biểu (dataSet) và mã chỉ tiêu');
    const indicator = this.ids.indicator(figure.indicator, this.schemes.dataElement);
    if (!indicator)
      return fail(`thiếu mã biểu (dataSet) và không có chỉ tiêu "${figure.indicator}" trong danh mục`);
    let type: Period['type'] | null = null;
    if (figure.period) {
      try {
        type = parseAnyPeriod(figure.period.text).type;
      } catch (error) {
        if (!(error instanceof PeriodError)) throw error;
        return { ok: false, issue: { row: figure.period.row, field: 'period', reason: error.message } };
      }
    }
    const candidates = this.ctx.catalogue
      .formsFor(indicator.code)
      .filter((f) => type === null || f.periodType === type);
    if (candidates.length === 1) return { ok: true, value: candidates[0] as StoredForm };
    if (candidates.length === 0)
      return fail(
        `chỉ tiêu ${indicator.code} không có trong biểu nào có loại kỳ của "${figure.period?.text ?? ''}" (${this.ctx.catalogue
          .formsFor(indicator.code)
          .map((f) => `${f.code}: kỳ ${f.periodType === 'month' ? 'tháng' : 'ngày'}`)
          .join(', ')})`,
      );
    return fail(
      `chỉ tiêu ${indicator.code} có trong nhiều biểu (${candidates.map((f) => f.code).join(', ')}): cần ghi dataSet`,
    );
  }

  add(figure: RawFigure, style: ParsedFile['numberStyle']): boolean {
    const { row } = figure;
    // What giaoban cannot hold is refused, never dropped.
    if (!isDefaultCombo(figure.attributeOptionCombo))
      return this.reject({
        row,
        field: 'attributeOptionCombo',
        reason: `giaoban không có phân tổ thuộc tính (attributeOptionCombo "${figure.attributeOptionCombo}"); chỉ nhận mặc định (default, ${'HllvX50cXC0'})`,
      });
    if (figure.followup)
      return this.reject({
        row,
        field: 'followup',
        reason:
          'giaoban không có dấu theo dõi (followup=true) cho từng số liệu; gửi followup=false và ghi chú trong comment',
      });
    const form = figure.form ? this.form(figure.form) : this.inferForm(figure);
    if (!form.ok) return this.reject(figure.form ? { ...form.issue, row: figure.form.row } : form.issue);
    if (!figure.period) return this.reject({ row, field: 'period', reason: 'thiếu kỳ báo cáo' });
    const period = this.period(figure.period, form.value);
    if (!period.ok) return this.reject({ ...period.issue, row: figure.period.row });
    if (!figure.unit) return this.reject({ row, field: 'unit', reason: 'thiếu mã đơn vị' });
    const unit = this.unit(figure.unit, form.value, period.value);
    if (!unit.ok) return this.reject({ ...unit.issue, row: figure.unit.row });

    const f = form.value;
    if (figure.indicator === null)
      return this.reject({ row, field: 'indicator', reason: 'thiếu mã chỉ tiêu' });
    const indicator = this.ids.indicator(figure.indicator, this.schemes.dataElement);
    if (!indicator || !f.indicators.includes(indicator.code))
      return this.reject({
        row,
        field: 'indicator',
        reason: `chỉ tiêu "${figure.indicator}" không thuộc biểu ${f.code}`,
      });
    const optionCode = isDefaultCombo(figure.option)
      ? null
      : this.schemes.categoryOptionCombo === 'code'
        ? figure.option
        : (this.ids.optionCode(figure.option as string, indicator) ??
          (this.schemes.categoryOptionCombo === 'uid' ? `uid:${figure.option}` : figure.option));
    const optionId =
      optionCode === null
        ? indicator.options.length === 0
          ? NO_OPTION
          : undefined
        : indicator.optionIds.get(optionCode);
    if (optionId === undefined)
      return this.reject({
        row,
        field: 'option',
        reason:
          optionCode === null
            ? `chỉ tiêu ${indicator.code} cần mã phân tổ (${indicator.options.map((o) => o.code).join(', ')})`
            : `phân tổ "${optionCode}" không có trong chỉ tiêu ${indicator.code}${
                indicator.options.length > 0
                  ? ` (có: ${indicator.options.map((o) => o.code).join(', ')})`
                  : ' (chỉ tiêu không phân tổ; để trống cột option)'
              }`,
      });

    const deleted = this.deleteAll || figure.deleted === true;
    let value: number | undefined;
    if (figure.value !== null && !deleted) {
      let parsed: number;
      try {
        parsed = parseValue(figure.value, style);
      } catch (error) {
        if (!(error instanceof NumberFormatError)) throw error;
        return this.reject({
          row,
          field: 'value',
          reason: `"${figure.value}" không phải số: ${error.reason}`,
        });
      }
      if (!Number.isFinite(parsed))
        return this.reject({ row, field: 'value', reason: 'không phải số hữu hạn' });
      if (parsed < 0)
        return this.reject({
          row,
          field: 'value',
          reason: `số liệu không được âm (${indicator.code}: ${parsed})`,
        });
      if (indicator.valueType === 'integer' && !Number.isInteger(parsed))
        return this.reject({
          row,
          field: 'value',
          reason: `chỉ tiêu ${indicator.code} là số đếm (${indicator.unit}), phải là số nguyên, không phải ${figure.value}`,
        });
      if (parsed > MAX_VALUE) return this.reject({ row, field: 'value', reason: 'số quá lớn' });
      // More decimals than the indicator keeps would be cut silently: the row is refused instead.
      if (roundTo(parsed, indicator.decimals) !== parsed)
        return this.reject({
          row,
          field: 'value',
          reason: `${figure.value} có nhiều chữ số thập phân hơn chỉ tiêu ${indicator.code} cho phép (${indicator.decimals})`,
        });
      value = parsed;
    }
    // An exported CSV carries "'=..." for a comment that starts like a formula; it imports back as written.
    const comment = figure.comment === null ? null : restoreFormula(figure.comment);
    if (comment !== null && comment.length > MAX_COMMENT)
      return this.reject({ row, field: 'comment', reason: 'ghi chú dài quá 2.000 ký tự' });
    // A row giving neither a figure nor a comment says nothing: it is skipped, never read as "erase", and counted.
    if (value === undefined && comment === null && !deleted) {
      this.ignored++;
      return false;
    }

    const key = `${f.id}|${unit.value.id}|${period.value.id}|${indicator.id}|${optionId}`;
    const first = this.firstRowOfKey.get(key);
    if (first !== undefined)
      return this.reject({
        row,
        field: 'indicator',
        reason: `trùng với dòng ${first} (cùng biểu, đơn vị, kỳ, chỉ tiêu ${indicator.code}${optionCode ? `[${optionCode}]` : ''})`,
      });
    this.firstRowOfKey.set(key, row);

    const groupKey = `${f.id}|${unit.value.id}|${period.value.id}`;
    let group = this.groups.get(groupKey);
    if (!group) {
      group = { form: f, unit: unit.value, period: period.value, firstRow: row, cells: [] };
      this.groups.set(groupKey, group);
    }
    group.cells.push({ row, indicator, optionId, value, comment: deleted ? null : comment, deleted });
    return true;
  }
}

interface Plan {
  inputs: ValueInput[];
  groups: Group[];
  imported: number;
  updated: number;
  unchanged: number;
  deleted: number;
  ignored: number;
  rejected: Rejection[];
}

async function plan(
  ctx: AppContext,
  parsed: ParsedFile,
  canWrite: ImportOptions['canWrite'],
  ids: Identifiers,
  schemes: IdSchemes,
  deleteAll: boolean,
): Promise<Plan> {
  const planner = new Planner(ctx, canWrite, ids, schemes, deleteAll);
  for (const issue of parsed.issues) planner.reject(issue);
  const convention = decimalConvention(parsed, (f) =>
    f.indicator ? (ids.indicator(f.indicator, schemes.dataElement)?.decimals ?? 0) : 0,
  );
  if ('issue' in convention) {
    planner.reject(convention.issue);
    return {
      inputs: [],
      groups: [],
      imported: 0,
      updated: 0,
      unchanged: 0,
      deleted: 0,
      ignored: 0,
      rejected: planner.rejected,
    };
  }
  for (const figure of parsed.figures) planner.add(figure, convention.style);

  // Reports are looked up per form and period, for all their units at once.
  const byFormPeriod = new Map<string, Group[]>();
  for (const group of planner.groups.values()) {
    const key = `${group.form.id}|${group.period.id}`;
    const list = byFormPeriod.get(key);
    if (list) list.push(group);
    else byFormPeriod.set(key, [group]);
  }
  const inputs: ValueInput[] = [];
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  let deleted = 0;
  let ignored = planner.ignored;
  for (const groups of byFormPeriod.values()) {
    const { form, period } = groups[0] as Group;
    const unitIds = groups.map((g) => g.unit.id);
    const states = await reportStates(ctx.store.db, form.id, period.id, unitIds);
    const existing = await existingFigures(ctx.store.db, form.id, period.id, unitIds);
    for (const group of groups) {
      const status = states.get(group.unit.id)?.status ?? 'draft';
      // Figures identical to what a closed report holds change nothing: they count as unchanged, not as an error.
      const same = (cell: Candidate) => {
        const old = existing.get(`${group.unit.id}|${cell.indicator.id}|${cell.optionId}`);
        const value = cell.value === undefined ? (old?.value ?? null) : cell.value;
        const comment = cell.comment ?? old?.comment ?? null;
        return old ? old.value === value && old.comment === comment : value === null && comment === null;
      };
      if (!EDITABLE_STATUSES.has(status) && group.cells.every(same)) {
        unchanged += group.cells.length;
        continue;
      }
      if (!EDITABLE_STATUSES.has(status)) {
        const date = referenceDate(period);
        planner.reject({
          row: group.firstRow,
          field: 'status',
          reason: `báo cáo ${form.code} kỳ ${periodLabelVi(period)} của ${ctx.graph.nameOn(group.unit.id, date)} ${
            STATUS_VI[status] ?? `ở trạng thái "${status}"`
          }, không nhập được ${group.cells.length} số liệu; cần trả lại hoặc mở lại báo cáo trước`,
        });
        continue;
      }
      for (const cell of group.cells) {
        const old = existing.get(`${group.unit.id}|${cell.indicator.id}|${cell.optionId}`);
        if (cell.deleted) {
          // Nothing stored to delete: DHIS2 counts such a value as ignored.
          if (!old || (old.value === null && old.comment === null)) {
            ignored++;
            continue;
          }
          deleted++;
          inputs.push({
            formId: form.id,
            unitId: group.unit.id,
            indicatorId: cell.indicator.id,
            optionId: cell.optionId,
            period: period.id,
            value: null,
            comment: null,
            expectedVersion: old.version,
          });
          continue;
        }
        // Blank in the file keeps what is stored: an import adds and corrects, it never erases.
        const value = cell.value === undefined ? (old?.value ?? null) : cell.value;
        const comment = cell.comment ?? old?.comment ?? null;
        if (!old) {
          if (value === null && comment === null) continue;
          imported++;
        } else if (old.value === value && old.comment === comment) {
          unchanged++;
          continue;
        } else updated++;
        inputs.push({
          formId: form.id,
          unitId: group.unit.id,
          indicatorId: cell.indicator.id,
          optionId: cell.optionId,
          period: period.id,
          value,
          comment,
          expectedVersion: old?.version ?? 0,
        });
      }
    }
  }
  return {
    inputs,
    groups: [...planner.groups.values()],
    imported,
    updated,
    unchanged,
    deleted,
    ignored,
    rejected: planner.rejected,
  };
}

function capped(rejected: Rejection[]): Rejection[] {
  const sorted = [...rejected].sort((a, b) => a.row - b.row);
  if (sorted.length <= MAX_REJECTIONS) return sorted;
  const rest = sorted.length - MAX_REJECTIONS;
  const next = sorted[MAX_REJECTIONS] as Rejection;
  return [
    ...sorted.slice(0, MAX_REJECTIONS),
    { row: next.row, field: 'file', reason: `còn ${rest} lỗi khác từ dòng ${next.row} trở đi không liệt kê` },
  ];
}

function fileRejection(issue: Rejection): ImportOutcome {
  return {
    imported: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    ignored: 0,
    rejected: [issue],
    reports: [],
    completeDate: null,
  };
}

const AUTO_SCHEMES: IdSchemes = {
  dataSet: 'auto',
  dataElement: 'auto',
  orgUnit: 'auto',
  categoryOptionCombo: 'auto',
};

const SOURCE_VI: Record<ImportOptions['source'], string> = {
  web: 'qua web',
  api: 'qua API',
  cli: 'dòng lệnh',
};

/**
 * Imports a unit's (or several units') figures from a CSV, XLSX or DHIS2 JSON file. Everything is checked
 * first; unless `partial`, one rejected row means nothing is written, and the summary lists every problem with
 * what would have been imported. Writing is one transaction with one change record (source "import"), so an
 * import stopped midway leaves the store as it was, and a file imported twice changes nothing the second time.
 */
export async function importFigures(ctx: AppContext, options: ImportOptions): Promise<ImportSummary> {
  const outcome = await importWithReports(ctx, options);
  // giaoban's own summary counts a deletion as a change (the figure is cleared, its history kept).
  return {
    imported: outcome.imported,
    updated: outcome.updated + outcome.deleted,
    unchanged: outcome.unchanged,
    rejected: outcome.rejected,
  };
}

/** importFigures, also naming the reports the file filled and its completeDate (for DHIS2's completion). */
export async function importWithReports(ctx: AppContext, options: ImportOptions): Promise<ImportOutcome> {
  const { buffer } = options;
  if (buffer.length === 0) return fileRejection({ row: 0, field: 'file', reason: 'Tệp trống' });
  if (buffer.length > MAX_FILE_BYTES)
    return fileRejection({
      row: 0,
      field: 'file',
      reason: `Tệp lớn ${(buffer.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB, vượt giới hạn 10 MB`,
    });
  let parsed: ParsedFile;
  try {
    // Parsed in a worker with a capped heap and a time limit; zip containers inflated under counted limits.
    parsed = await importFileIsolated(
      options.format ?? detectReadFormat(buffer, options.filename, options.contentType),
      buffer,
    );
  } catch (error) {
    if (error instanceof UntrustedFileRefused) {
      if (error.kind === 'busy') throw new AppError('rate_limited', error.reasonVi, 'busy reading files');
      return fileRejection({ row: error.row, field: error.field, reason: error.reasonVi });
    }
    throw error;
  }
  const ids = new Identifiers(await loadUids(ctx.store.db), ctx.graph, ctx.catalogue);
  const result = await plan(
    ctx,
    parsed,
    options.canWrite,
    ids,
    { ...AUTO_SCHEMES, ...options.schemes },
    options.deleteAll ?? false,
  );
  const summary: ImportOutcome = {
    imported: result.imported,
    updated: result.updated,
    unchanged: result.unchanged,
    deleted: result.deleted,
    ignored: result.ignored,
    rejected: capped(result.rejected),
    reports:
      result.rejected.length > 0
        ? []
        : result.groups.map((g) => ({ form: g.form, unit: g.unit, period: g.period })),
    completeDate: parsed.completeDate?.text ?? null,
  };
  if (options.dryRun || result.inputs.length === 0) return summary;
  if (result.rejected.length > 0 && !options.partial) return summary;
  const name = options.filename.normalize('NFC').replace(/[\\/]/g, '_').slice(-200);
  const at = ctx.clock.now().toISOString();
  const actor =
    options.actor ??
    (options.userId === null ? SYSTEM_ACTOR : { id: options.userId, name: `người dùng ${options.userId}` });
  const changedReports = new Set(result.inputs.map((i) => `${i.formId}|${i.unitId}|${i.period}`));
  const groups = result.groups.filter((g) => changedReports.has(`${g.form.id}|${g.unit.id}|${g.period.id}`));
  const units = [...new Set(groups.map((g) => g.unit.id))];
  try {
    const written = await writeValues(
      ctx.store,
      ctx.graph,
      result.inputs,
      {
        at,
        userId: options.userId,
        source: 'import',
        reason: `Nhập từ tệp "${name}" (${SOURCE_VI[options.source]})`,
      },
      (w) => ({
        at,
        actorId: actor.id,
        actorName: actor.name,
        action: 'values.import',
        target: `file:${name}`,
        unitId: units.length === 1 ? (units[0] as number) : null,
        secrecy: highestSecrecy(groups.map((g) => g.form.secrecy)),
        details: {
          changeId: w.changeId,
          inserted: w.inserted,
          updated: w.updated,
          format: parsed.format,
          source: options.source,
          reports: groups.map((g) => `${g.form.code}/${g.unit.code}/${g.period.id}`).slice(0, 50),
        },
      }),
      // The reports written into must still be editable inside the write's transaction (checked above from a read
      // before it): a report submitted or approved meanwhile is not changed behind its approver.
      groups.map((g) => ({ formId: g.form.id, unitId: g.unit.id, period: g.period.id })),
    );
    // A deletion is written as a cleared figure (its history kept), which the store counts as an update.
    return { ...summary, imported: written.inserted, updated: Math.max(0, written.updated - result.deleted) };
  } catch (error) {
    if (error instanceof VersionConflictError) {
      throw new AppError(
        'conflict',
        'Số liệu vừa được người khác sửa trong lúc nhập tệp; chưa nhập gì, hãy nhập lại tệp',
        'figures changed during the import; nothing was imported, import the file again',
      );
    }
    if (error instanceof ReportNotEditableError) {
      const group = groups.find(
        (g) =>
          g.form.id === error.report.formId &&
          g.unit.id === error.report.unitId &&
          g.period.id === error.report.period,
      );
      const name = group
        ? ctx.graph.nameOn(group.unit.id, referenceDate(group.period))
        : `đơn vị ${error.report.unitId}`;
      const row = group ? ` (dòng ${group.firstRow})` : '';
      throw new AppError(
        'conflict',
        `Báo cáo ${group?.form.code ?? ''} kỳ ${group ? periodLabelVi(group.period) : error.report.period} của ${name}${row} đã chuyển sang trạng thái "${
          STATUS_VI[error.status] ?? error.status
        }" trong lúc nhập tệp; chưa nhập gì, cần trả lại hoặc mở lại báo cáo rồi nhập lại tệp`,
        `a report was ${error.status} during the import${group ? ` (row ${group.firstRow})` : ''}; nothing was imported`,
      );
    }
    throw error;
  }
}
