import type { IncludeLevel } from '../analytics/status.ts';
import type { AppContext } from '../app/context.ts';
import { resolveUnitForPeriod } from '../app/resolve.ts';
import { redactCells, secrecyLens } from '../auth/gate.ts';
import { FIELDS } from '../indicators/catalogue.ts';
import { reporterKindsOn } from '../indicators/model.ts';
import { toDhis2PeriodId } from '../periods/dhis2.ts';
import { type Period, periodLabelVi, previousPeriod, samePeriodLastYear } from '../periods/period.ts';
import { periodWindow, referenceDate } from '../periods/regime.ts';
import { AppError } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { highestSecrecy, SECRECY_MARK } from '../shared/secrecy.ts';
import { readFormValues, requireForm } from '../values/service.ts';
import { writeCsv } from './csv.ts';
import { completeDateOf, readDataValues, resolveAnyPeriod, unitsFor } from './dataset.ts';
import { writeDhis2 } from './dhis2.ts';
import { Identifiers } from './identifiers.ts';
import { CONTENT_TYPES, type TransferFormat } from './model.ts';
import { loadUids } from './repository.ts';
import { asciiFilename } from './text.ts';
import { writeTemplate } from './xlsx.ts';

export interface ExportRequest {
  form: string;
  unit: string;
  period: string;
  format: TransferFormat;
  /** The reader: cells classified above their clearance leave no figure in the file. */
  reader?: { clearance: SecrecyLevel };
  /** DHIS2 JSON only: the units below too (DHIS2's children=true). */
  children?: boolean | undefined;
  /** DHIS2 JSON only: uids or codes (the default, as giaoban's files use). */
  idScheme?: 'uid' | 'code' | undefined;
  /** Which reports the figures summed for a unit that does not report the form count (default: submitted ones). */
  include?: IncludeLevel | undefined;
}

export interface ExportFile {
  buffer: Buffer;
  /** ASCII only, safe in a Content-Disposition header and on any disk: "BC-THANG_40_2020-02.xlsx". */
  filename: string;
  contentType: string;
  /** What the audit entry records: the level of what left (the form's, raised by any classified figure in it)… */
  secrecy: SecrecyLevel;
  /** …how many cells were left out for the reader, and the kind of unit (level) the file is for. */
  withheld: number;
  unitKind: string;
}

function shortLabel(period: Period): string {
  return periodLabelVi(period)
    .replace(/^tháng /, '')
    .replace(/^ngày /, '');
}

/**
 * A unit's own figures on a form for a period, every cell of the form: blank where nothing is stored in CSV
 * and XLSX (the XLSX is the template to fill in), left out in DHIS2 JSON. A unit that does not report the form
 * itself (the ministry, "BCA") gets the figures of the units below it, summed: a national export is the nation's.
 */
export async function exportFigures(ctx: AppContext, request: ExportRequest): Promise<ExportFile> {
  const form = requireForm(ctx, request.form);
  const period = resolveAnyPeriod(request.period);
  if (period.type !== form.periodType)
    throw new AppError(
      'bad_request',
      `Biểu ${form.code} là biểu ${form.periodType === 'month' ? 'tháng (kỳ dạng 2020-02)' : 'ngày (kỳ dạng 2020-02-15)'}`,
      `form ${form.code} is a ${form.periodType} form`,
      [{ field: 'period', reason: 'không đúng loại kỳ của biểu' }],
    );
  const unit = resolveUnitForPeriod(ctx.graph, request.unit, period);
  const date = referenceDate(period);
  const all = await readFormValues(ctx, form, unit, period);
  if (!(reporterKindsOn(form, date) as string[]).includes(unit.kind)) {
    const rows = await ctx.engine.aggregate({
      unitId: unit.id,
      period,
      indicators: form.indicators,
      coverage: false,
      include: request.include,
    });
    const byKey = new Map(rows.map((r) => [`${r.indicator}|${r.option ?? ''}`, r.value]));
    for (const cell of all) cell.value = byKey.get(`${cell.indicator}|${cell.option ?? ''}`) ?? null;
  }
  const lens = await secrecyLens(ctx, date);
  const redacted = request.reader
    ? redactCells(request.reader, lens, unit.id, all)
    : { cells: all, withheld: 0 };
  const cells = redacted.cells;
  // Judged at the unit itself: its level covers decisions on every unit below, so it bounds a children=true export.
  const audit = {
    secrecy: highestSecrecy([
      form.secrecy,
      ...cells
        .filter((c) => c.value !== null && !('withheld' in c && c.withheld))
        .map((c) => lens.levelOf(unit.id, c.indicator)),
    ]),
    withheld: redacted.withheld,
    unitKind: unit.kind,
  };
  const filename = `${asciiFilename(`${form.code}_${unit.code}_${period.id}`)}.${request.format}`;
  const contentType = CONTENT_TYPES[request.format];
  const indicatorOf = (code: string) => {
    const indicator = ctx.catalogue.indicator(code);
    if (!indicator) throw new Error(`indicator ${code} of form ${form.code} is not in the catalogue`);
    return indicator;
  };
  const nameOf = (code: string, option: string | null) => {
    const indicator = indicatorOf(code);
    const o = option === null ? null : indicator.options.find((x) => x.code === option);
    return o ? `${indicator.nameVi} – ${o.nameVi}` : indicator.nameVi;
  };

  if (request.format === 'json') {
    const ids = new Identifiers(await loadUids(ctx.store.db), ctx.graph, ctx.catalogue);
    const scheme = request.idScheme ?? 'code';
    const children = request.children ?? false;
    const dataValues = await readDataValues(ctx, {
      form,
      periods: [period],
      units: unitsFor(ctx, unit, date, children),
      ids,
      scheme,
      reader: request.reader ?? null,
      include: request.include,
    });
    const completeDate = children ? null : await completeDateOf(ctx, form, unit, period);
    const buffer = writeDhis2({
      dataSet: scheme === 'uid' ? ids.ofForm(form) : form.code,
      period: toDhis2PeriodId(period),
      ...(children ? {} : { orgUnit: scheme === 'uid' ? ids.ofUnit(unit) : unit.code }),
      ...(completeDate ? { completeDate } : {}),
      dataValues,
    });
    return { buffer, filename, contentType, ...audit };
  }

  if (request.format === 'csv') {
    const buffer = writeCsv(
      cells.map((cell) => ({
        form: form.code,
        unit: unit.code,
        period: period.id,
        indicator: cell.indicator,
        option: cell.option,
        value: cell.value,
        comment: cell.comment,
        indicatorName: nameOf(cell.indicator, cell.option),
        measure: indicatorOf(cell.indicator).unit,
      })),
    );
    return { buffer, filename, contentType, ...audit };
  }

  const window = periodWindow(period);
  const previous = previousPeriod(period);
  const fieldName = new Map(FIELDS.map((f) => [f.code as string, f.nameVi]));
  const buffer = await writeTemplate({
    formCode: form.code,
    formName: form.nameVi,
    unitCode: unit.code,
    unitName: ctx.graph.nameOn(unit.id, date),
    periodId: period.id,
    periodLabel: periodLabelVi(period),
    windowStart: window.start,
    windowEnd: window.end,
    previousLabel: previous ? shortLabel(previous) : null,
    lastYearLabel: shortLabel(samePeriodLastYear(period)),
    secrecyMark: SECRECY_MARK[form.secrecy],
    cells: cells.map((cell) => {
      const indicator = indicatorOf(cell.indicator);
      return {
        indicator: cell.indicator,
        option: cell.option,
        name: nameOf(cell.indicator, cell.option),
        measure: indicator.unit,
        integer: indicator.valueType === 'integer',
        decimals: indicator.decimals,
        section: fieldName.get(indicator.field) ?? indicator.field,
        value: cell.value,
        comment: cell.comment,
        previous: cell.previous,
        lastYear: cell.lastYear,
      };
    }),
  });
  return { buffer, filename, contentType, ...audit };
}

/** The stable identifiers (uids and codes) of units, indicators, options and forms: names only, no figures. */
export async function identifiersOf(ctx: AppContext): Promise<Identifiers> {
  return new Identifiers(await loadUids(ctx.store.db), ctx.graph, ctx.catalogue);
}
