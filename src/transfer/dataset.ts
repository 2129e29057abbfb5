import type { IncludeLevel } from '../analytics/status.ts';
import type { AppContext } from '../app/context.ts';
import { mayRead, type Principal, secrecyLens } from '../auth/gate.ts';
import { reporterKindsOn } from '../indicators/model.ts';
import { NO_OPTION, type StoredForm } from '../indicators/registry.ts';
import { parseAnyPeriod, toDhis2PeriodId } from '../periods/dhis2.ts';
import { daysOf, monthsOf, type Period, PeriodError, periodLabelVi } from '../periods/period.ts';
import { referenceDate } from '../periods/regime.ts';
import { AppError } from '../shared/errors.ts';
import type { Unit } from '../units/model.ts';
import { isValidOn } from '../units/model.ts';
import { readValues } from '../values/repository.ts';
import type { DataValue } from './dhis2.ts';
import { DEFAULT_COMBO_UID, type Identifiers } from './identifiers.ts';
import { reportStates } from './repository.ts';

/** A period in our notation or DHIS2's, as an AppError naming both notations when it is neither. */
export function resolveAnyPeriod(id: string): Period {
  try {
    return parseAnyPeriod(id);
  } catch (error) {
    if (error instanceof PeriodError)
      throw new AppError('bad_request', error.message, `invalid period "${id}"`, [
        { field: 'period', reason: error.reason },
      ]);
    throw error;
  }
}

/**
 * The stored periods of a form within a requested period: the month itself, or a quarter's, half's or year's
 * months for a monthly form (DHIS2 clients ask for 2026Q4 and get its months). A period shorter than the
 * form's (a day on a monthly form) is refused.
 */
export function formPeriodsWithin(form: StoredForm, period: Period): Period[] {
  if (period.type === form.periodType) return [period];
  const within = form.periodType === 'month' ? monthsOf(period) : daysOf(period);
  if (within.length === 0)
    throw new AppError(
      'bad_request',
      `Biểu ${form.code} là biểu ${form.periodType === 'month' ? 'tháng' : 'ngày'}; kỳ ${periodLabelVi(period)} không chứa kỳ nào của biểu`,
      `form ${form.code} has ${form.periodType} periods; ${period.id} holds none`,
      [{ field: 'period', reason: 'không đúng loại kỳ của biểu' }],
    );
  return within;
}

/** Which units a unit's figures are read for: the unit, or with `children` every unit below it on the date. */
export function unitsFor(ctx: AppContext, unit: Unit, date: string, children: boolean): Unit[] {
  if (!children) return [unit];
  return ctx.graph.subtreeOn(unit.id, date).map((id) => ctx.graph.require(id));
}

export interface SetRequest {
  form: StoredForm;
  periods: Period[];
  units: Unit[];
  ids: Identifiers;
  scheme: 'uid' | 'code';
  /**
   * Who reads: figures whose unit × indicator is classified above their clearance are left out (the read gate).
   * `null` only for the operator's own command line, which acts for nobody in particular.
   */
  reader: Pick<Principal, 'clearance'> | null;
  /** Which reports the roll-ups of units that do not report the form count (the default: submitted ones). */
  include?: IncludeLevel | undefined;
}

/**
 * DHIS2 data values of a form for units and periods. A unit that reports the form gives its own stored figures
 * (with comments); a unit that does not (the ministry, a province on the commune form) gives the roll-up of the
 * units below it, so that a national export holds the nation's figures.
 */
export async function readDataValues(ctx: AppContext, req: SetRequest): Promise<DataValue[]> {
  const { form, ids, scheme } = req;
  const out: DataValue[] = [];
  const de = (code: string) => {
    const indicator = ctx.catalogue.indicator(code);
    if (!indicator) throw new Error(`indicator ${code} of form ${form.code} is not in the catalogue`);
    return indicator;
  };
  const order = new Map(form.indicators.map((code, i) => [code, i]));
  for (const period of req.periods) {
    const date = referenceDate(period);
    const lens = req.reader ? await secrecyLens(ctx, date) : null;
    const units = req.units.filter((u) => isValidOn(u, date));
    const reporters = units.filter((u) => (reporterKindsOn(form, date) as string[]).includes(u.kind));
    const others = units.filter((u) => !reporters.includes(u));
    const stored =
      reporters.length === 0
        ? []
        : await readValues(ctx.store.db, {
            formId: form.id,
            unitIds: reporters.map((u) => u.id),
            periods: [period.id],
          });
    const rows: Array<{
      unit: Unit;
      indicatorId: number;
      optionId: number;
      value: number | null;
      comment: string | null;
    }> = [];
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const r of stored) {
      if (r.value === null && r.comment === null) continue;
      const unit = byId.get(r.unitId);
      if (unit)
        rows.push({
          unit,
          indicatorId: r.indicatorId,
          optionId: r.optionId,
          value: r.value,
          comment: r.comment,
        });
    }
    if (others.length > 0) {
      const aggregates = await ctx.engine.aggregateMany({
        unitIds: others.map((u) => u.id),
        period,
        indicators: form.indicators,
        coverage: false,
        include: req.include,
      });
      for (const { unitId, rows: cells } of aggregates) {
        const unit = byId.get(unitId) as Unit;
        for (const cell of cells) {
          if (cell.value === null) continue;
          const indicator = de(cell.indicator);
          const optionId = cell.option === null ? NO_OPTION : (indicator.optionIds.get(cell.option) ?? -1);
          if (optionId < 0) continue;
          rows.push({ unit, indicatorId: indicator.id, optionId, value: cell.value, comment: null });
        }
      }
    }
    rows.sort(
      (a, b) =>
        a.unit.code.localeCompare(b.unit.code) ||
        (order.get(ctx.catalogue.indicatorById(a.indicatorId)?.code ?? '') ?? 0) -
          (order.get(ctx.catalogue.indicatorById(b.indicatorId)?.code ?? '') ?? 0) ||
        a.optionId - b.optionId,
    );
    for (const r of rows) {
      const indicator = ctx.catalogue.indicatorById(r.indicatorId);
      if (!indicator) continue;
      if (req.reader && lens && !mayRead(req.reader, lens.levelOf(r.unit.id, indicator.code))) continue;
      const option = ctx.catalogue.optionCode(r.optionId);
      out.push({
        dataElement: scheme === 'uid' ? ids.ofIndicator(indicator) : indicator.code,
        period: toDhis2PeriodId(period),
        orgUnit: scheme === 'uid' ? ids.ofUnit(r.unit) : r.unit.code,
        categoryOptionCombo:
          r.optionId === NO_OPTION
            ? scheme === 'uid'
              ? DEFAULT_COMBO_UID
              : 'default'
            : scheme === 'uid'
              ? ids.ofOption(r.optionId)
              : (option as string),
        attributeOptionCombo: scheme === 'uid' ? DEFAULT_COMBO_UID : 'default',
        value: r.value === null ? '' : String(r.value),
        ...(r.comment !== null ? { comment: r.comment } : {}),
      });
    }
  }
  return out;
}

/** The date a reporting unit's report was submitted (DHIS2's completeDate), for one unit and period. */
export async function completeDateOf(
  ctx: AppContext,
  form: StoredForm,
  unit: Unit,
  period: Period,
): Promise<string | null> {
  const state = (await reportStates(ctx.store.db, form.id, period.id, [unit.id])).get(unit.id);
  return state?.submittedAt ? state.submittedAt.slice(0, 10) : null;
}
