import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { redactCells, secrecyLens } from '../auth/gate.ts';
import { FIELDS } from '../indicators/catalogue.ts';
import { type Period, periodLabelVi, previousPeriod, samePeriodLastYear } from '../periods/period.ts';
import { periodWindow, referenceDate } from '../periods/regime.ts';
import { AppError } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { SECRECY_MARK } from '../shared/secrecy.ts';
import { readFormValues, requireForm } from '../values/service.ts';
import { writeCsv } from './csv.ts';
import { type DataValue, dhis2Value, toDhis2Period, writeDhis2 } from './dhis2.ts';
import { CONTENT_TYPES, type TransferFormat } from './model.ts';
import { reportStates } from './repository.ts';
import { asciiFilename } from './text.ts';
import { writeTemplate } from './xlsx.ts';

export interface ExportRequest {
  form: string;
  unit: string;
  period: string;
  format: TransferFormat;
  /** The reader: cells classified above their clearance leave no figure in the file. */
  reader?: { clearance: SecrecyLevel };
}

export interface ExportFile {
  buffer: Buffer;
  /** ASCII only, safe in a Content-Disposition header and on any disk: "BC-THANG_40_2020-02.xlsx". */
  filename: string;
  contentType: string;
}

function shortLabel(period: Period): string {
  return periodLabelVi(period)
    .replace(/^tháng /, '')
    .replace(/^ngày /, '');
}

/**
 * A unit's own figures on a form for a period, every cell of the form: blank where nothing is stored in CSV
 * and XLSX (the XLSX is the template to fill in), left out in DHIS2 JSON.
 */
export async function exportFigures(ctx: AppContext, request: ExportRequest): Promise<ExportFile> {
  const form = requireForm(ctx, request.form);
  const period = resolvePeriod(request.period);
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
  const cells = request.reader
    ? redactCells(request.reader, await secrecyLens(ctx, date), unit.id, all).cells
    : all;
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
    const state = (await reportStates(ctx.store.db, form.id, period.id, [unit.id])).get(unit.id);
    const dataValues: DataValue[] = [];
    for (const cell of cells) {
      if (cell.value === null && cell.comment === null) continue;
      dataValues.push({
        dataElement: cell.indicator,
        categoryOptionCombo: cell.option ?? 'default',
        value: cell.value === null ? '' : dhis2Value(cell.value),
        ...(cell.comment !== null ? { comment: cell.comment } : {}),
      });
    }
    const buffer = writeDhis2({
      dataSet: form.code,
      period: toDhis2Period(period.id),
      orgUnit: unit.code,
      ...(state?.submittedAt ? { completeDate: state.submittedAt.slice(0, 10) } : {}),
      dataValues,
    });
    return { buffer, filename, contentType };
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
    return { buffer, filename, contentType };
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
  return { buffer, filename, contentType };
}
