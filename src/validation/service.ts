import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import type { StoredForm, StoredIndicator } from '../indicators/registry.ts';
import { NO_OPTION } from '../indicators/registry.ts';
import { type Period, parsePeriod } from '../periods/period.ts';
import { referenceDate } from '../periods/regime.ts';
import { AppError } from '../shared/errors.ts';
import type { Unit } from '../units/model.ts';
import { formCells, requireForm } from '../values/service.ts';
import { checkOutlier, HISTORY_MONTHS } from './outliers.ts';
import {
  type FigureRow,
  historyByCell,
  previousMonths,
  readFigures,
  reportingUnitIds,
} from './repository.ts';
import { DEMO_RULES, type ValidationRule } from './rules.ts';
import { type RuleFinding, rulesForIndicators, validateFigures } from './validate.ts';

export interface RuleCheck extends RuleFinding {
  /** Whether one of the rule's cells carries a comment (a warning is then explained and may be submitted). */
  commented: boolean;
}

export interface OutlierFinding {
  /** "indicator" or "indicator/option". */
  field: string;
  indicator: string;
  option: string | null;
  value: number;
  median: number;
  months: number;
  score: number;
  ratio: number | null;
  commented: boolean;
  explanationVi: string;
  explanationEn: string;
}

export interface SubmissionValidation {
  form: string;
  unit: string;
  period: string;
  critical: RuleCheck[];
  warnings: RuleCheck[];
  outliers: OutlierFinding[];
}

function cellKey(indicator: string, option: string | null): string {
  return option === null ? indicator : `${indicator}/${option}`;
}

function optionIdOf(indicator: StoredIndicator, option: string | null): number {
  return option === null ? NO_OPTION : (indicator.optionIds.get(option) ?? -1);
}

/**
 * Judges one unit's figures: the rules on the current figures, and each figure against the unit's previous
 * months. `rows` holds the unit's rows for the period and the history months.
 */
function judgeUnit(
  ctx: AppContext,
  form: StoredForm,
  unit: Unit,
  period: Period,
  rows: FigureRow[],
  rules: readonly ValidationRule[],
): SubmissionValidation {
  const current = new Map<string, FigureRow>();
  const past: FigureRow[] = [];
  // A month whose window ended before the unit existed is not part of its history (codes were reused in 2025).
  const firstMonth = (id: string) => referenceDate(parsePeriod(id)) >= unit.validFrom;
  for (const row of rows) {
    if (row.period === period.id) current.set(`${row.indicatorId}|${row.optionId}`, row);
    else if (firstMonth(row.period)) past.push(row);
  }
  const history = historyByCell(past);
  const values = new Map<string, number | null>();
  const comments = new Set<string>();
  const outliers: OutlierFinding[] = [];
  for (const { indicator, option } of formCells(ctx, form)) {
    const key = cellKey(indicator.code, option);
    const id = `${indicator.id}|${optionIdOf(indicator, option)}`;
    const row = current.get(id);
    values.set(key, row?.value ?? null);
    if (row?.comment) comments.add(key);
    if (row?.value === null || row?.value === undefined) continue;
    const series = (history.get(id) ?? []).map((h) => h.value);
    const result = checkOutlier(row.value, series, {
      resolution: indicator.valueType === 'integer' ? 1 : 10 ** -indicator.decimals,
    });
    if (result?.flagged) {
      outliers.push({
        field: key,
        indicator: indicator.code,
        option,
        value: row.value,
        median: result.median,
        months: result.months,
        score: Math.round(result.score * 10) / 10,
        ratio: result.ratio,
        commented: comments.has(key),
        explanationVi: result.explanationVi,
        explanationEn: result.explanationEn,
      });
    }
  }
  const findings = validateFigures(values, rulesForIndicators(rules, form.indicators)).map((f) => ({
    ...f,
    commented: f.fields.some((field) => comments.has(field)),
  }));
  return {
    form: form.code,
    unit: unit.code,
    period: period.id,
    critical: findings.filter((f) => f.severity === 'critical'),
    warnings: findings.filter((f) => f.severity === 'warning'),
    outliers,
  };
}

function historyPeriods(period: Period): string[] {
  return period.type === 'month' ? previousMonths(period, HISTORY_MONTHS) : [];
}

/**
 * Validates a unit's stored figures for a form and period: broken critical rules (which block submission), broken
 * warning rules (each with whether a comment explains it) and figures far from the unit's last 12 months.
 * Outliers are judged for monthly forms only.
 */
export async function validateSubmission(
  ctx: AppContext,
  input: { form: string; unit: string; period: string; rules?: readonly ValidationRule[] },
): Promise<SubmissionValidation> {
  const form = requireForm(ctx, input.form);
  const period = resolvePeriod(input.period);
  const unit = resolveUnitForPeriod(ctx.graph, input.unit, period);
  return validateStored(ctx, form, unit, period, input.rules ?? DEMO_RULES);
}

async function validateStored(
  ctx: AppContext,
  form: StoredForm,
  unit: Unit,
  period: Period,
  rules: readonly ValidationRule[],
): Promise<SubmissionValidation> {
  const rows = await readFigures(ctx.store.db, {
    formId: form.id,
    unitIds: [unit.id],
    periods: [period.id, ...historyPeriods(period)],
  });
  return judgeUnit(ctx, form, unit, period, rows, rules);
}

/** What stops a submission and what is only noted, in the shape the submission workflow asks of a validator. */
export interface SubmissionCheckResult {
  blocking: Array<{ field: string; reason: string; severity: 'critical' | 'warning' }>;
  notes: Array<{ field: string; reason: string; severity: 'warning' | 'outlier' }>;
}

/**
 * The validator the submission step runs: critical rules block; warnings block until one of their cells has a
 * comment, then they are noted; outliers are noted (with their Vietnamese explanation) and never block.
 */
export async function checkSubmission(
  ctx: AppContext,
  q: { form: StoredForm; unit: Unit; period: Period },
): Promise<SubmissionCheckResult> {
  const result = await validateStored(ctx, q.form, q.unit, q.period, DEMO_RULES);
  // The figures are named in words ("số vụ …, số đối tượng …"), as the officer sees them in the grid.
  const nameOf = (field: string) => {
    const [code, option] = field.split('/') as [string, string | undefined];
    const indicator = ctx.catalogue.indicator(code);
    if (!indicator) return field;
    const opt = option ? indicator.options.find((o) => o.code === option) : undefined;
    return opt ? `${indicator.nameVi} – ${opt.nameVi}` : indicator.nameVi;
  };
  const cells = (fields: string[]) => (fields.length > 1 ? ` (ô: ${fields.map(nameOf).join('; ')})` : '');
  const blocking: SubmissionCheckResult['blocking'] = [];
  const notes: SubmissionCheckResult['notes'] = [];
  for (const f of result.critical)
    blocking.push({
      field: f.fields[0] ?? f.ruleId,
      reason: `${f.messageVi}${cells(f.fields)}`,
      severity: 'critical',
    });
  for (const f of result.warnings) {
    const entry = { field: f.fields[0] ?? f.ruleId, reason: `${f.messageVi}${cells(f.fields)}` };
    if (f.commented) notes.push({ ...entry, severity: 'warning' });
    else
      blocking.push({
        ...entry,
        reason: `${entry.reason}; cần ghi chú giải trình ở một trong các ô này`,
        severity: 'warning',
      });
  }
  for (const o of result.outliers)
    notes.push({ field: o.field, reason: `${nameOf(o.field)}: ${o.explanationVi}`, severity: 'outlier' });
  return { blocking, notes };
}

export interface PeriodValidation {
  form: string;
  period: string;
  /** Every unit that reported, in unit-code order, with its findings (empty lists when all is well). */
  units: Array<SubmissionValidation & { unitName: string }>;
}

/**
 * Validates every unit that reported a form for a period, or those in one unit's subtree: what the ministry's
 * staff run before a briefing.
 */
export async function validatePeriod(
  ctx: AppContext,
  input: { form: string; period: string; unitCode?: string; rules?: readonly ValidationRule[] },
): Promise<PeriodValidation> {
  const form = requireForm(ctx, input.form);
  const period = resolvePeriod(input.period);
  if (period.type !== form.periodType)
    throw new AppError(
      'bad_request',
      `Biểu ${form.code} là biểu ${form.periodType === 'month' ? 'tháng' : 'ngày'}; kỳ "${period.id}" không phù hợp`,
      `form ${form.code} is a ${form.periodType} form`,
      [{ field: 'period', reason: 'không đúng loại kỳ của biểu' }],
    );
  const date = referenceDate(period);
  let unitIds = await reportingUnitIds(ctx.store.db, form.id, period.id);
  if (input.unitCode !== undefined) {
    const root = resolveUnitForPeriod(ctx.graph, input.unitCode, period);
    unitIds = unitIds.filter((id) => ctx.graph.isInSubtree(id, root.id, date));
  }
  const rows = await readFigures(ctx.store.db, {
    formId: form.id,
    unitIds,
    periods: [period.id, ...historyPeriods(period)],
  });
  const byUnit = new Map<number, FigureRow[]>();
  for (const row of rows) {
    const list = byUnit.get(row.unitId);
    if (list) list.push(row);
    else byUnit.set(row.unitId, [row]);
  }
  const units = unitIds
    .map((id) => ctx.graph.require(id))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((unit) => ({
      ...judgeUnit(ctx, form, unit, period, byUnit.get(unit.id) ?? [], input.rules ?? DEMO_RULES),
      unitName: ctx.graph.nameOn(unit.id, date),
    }));
  return { form: form.code, period: period.id, units };
}

/**
 * A unit's own figures for the 12 months before a month, by cell ("indicator" or "indicator/option"), oldest
 * first: what the page needs to judge outliers while the officer types, with the same checkOutlier as the server.
 */
export async function outlierHistory(
  ctx: AppContext,
  q: { form: string; unit: string; period: string },
): Promise<{ months: number; cells: Record<string, number[]>; resolution: Record<string, number> }> {
  const form = requireForm(ctx, q.form);
  const period = resolvePeriod(q.period);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
  const periods = historyPeriods(period);
  const rows = (await readFigures(ctx.store.db, { formId: form.id, unitIds: [unit.id], periods })).filter(
    (row) => referenceDate(parsePeriod(row.period)) >= unit.validFrom,
  );
  const history = historyByCell(rows);
  const cells: Record<string, number[]> = {};
  const resolution: Record<string, number> = {};
  for (const { indicator, option } of formCells(ctx, form)) {
    const key = cellKey(indicator.code, option);
    cells[key] = (history.get(`${indicator.id}|${optionIdOf(indicator, option)}`) ?? []).map((h) => h.value);
    resolution[key] = indicator.valueType === 'integer' ? 1 : 10 ** -indicator.decimals;
  }
  return { months: periods.length, cells, resolution };
}

/** For each unit below that reported: how many warnings are still open (not explained) and how many in all. */
export async function openWarnings(
  ctx: AppContext,
  q: { form: string; unit: string; period: string },
): Promise<{ form: string; period: string; units: Array<{ unit: string; open: number; total: number }> }> {
  const result = await validatePeriod(ctx, { form: q.form, period: q.period, unitCode: q.unit });
  return {
    form: result.form,
    period: result.period,
    units: result.units.map((u) => {
      const all = [...u.critical.map((c) => ({ ...c, commented: false })), ...u.warnings, ...u.outliers];
      return { unit: u.unit, open: all.filter((f) => !f.commented).length, total: all.length };
    }),
  };
}
