import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import type { Actor } from '../audit/actor.ts';
import type { StoredForm, StoredIndicator } from '../indicators/registry.ts';
import { NO_OPTION } from '../indicators/registry.ts';
import { type Period, previousPeriod, samePeriodLastYear } from '../periods/period.ts';
import { referenceDate } from '../periods/regime.ts';
import { AppError, type FieldIssue } from '../shared/errors.ts';
import type { SubmissionStatus } from '../submissions/workflow.ts';
import type { Unit } from '../units/model.ts';
import { roundTo } from '../vietnamese/numbers.ts';
import { ReportNotEditableError, type ValueInput, VersionConflictError, type WriteSummary } from './model.ts';
import { readValues, valueHistory, writeValues } from './repository.ts';

export interface FormCell {
  indicator: string;
  option: string | null;
  value: number | null;
  comment: string | null;
  version: number;
  /** The words the current figure was read from, if it came from a narrative report. */
  source: FigureSource | null;
  /** The same figure last period and the same period last year, so that a slip stands out. */
  previous: number | null;
  lastYear: number | null;
}

export function requireForm(ctx: AppContext, code: string): StoredForm {
  const form = ctx.catalogue.form(code);
  if (!form)
    throw new AppError('not_found', `Không có biểu mẫu "${code}"`, `unknown form "${code}"`, [
      { field: 'form', reason: 'không có trong danh mục' },
    ]);
  return form;
}

/** The (indicator, option) cells of a form, in order. */
export function formCells(
  ctx: AppContext,
  form: StoredForm,
): Array<{ indicator: StoredIndicator; option: string | null }> {
  const out: Array<{ indicator: StoredIndicator; option: string | null }> = [];
  for (const code of form.indicators) {
    const indicator = ctx.catalogue.indicator(code);
    if (!indicator) continue;
    if (indicator.options.length === 0) out.push({ indicator, option: null });
    else for (const o of indicator.options) out.push({ indicator, option: o.code });
  }
  return out;
}

/** A unit's own figures on a form for a period, with last period's and last year's beside them. */
export async function readFormValues(
  ctx: AppContext,
  form: StoredForm,
  unit: Unit,
  period: Period,
): Promise<FormCell[]> {
  const prev = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  const periods = [period.id, ...(prev ? [prev.id] : []), lastYear.id];
  const cells = formCells(ctx, form);
  // Naming the form's indicators lets PostgreSQL find the figures by key (its key leads with the indicator).
  const indicatorIds = [...new Set(cells.map((c) => c.indicator.id))];
  const rows = await readValues(ctx.store.db, { formId: form.id, unitIds: [unit.id], periods, indicatorIds });
  const byKey = new Map(rows.map((r) => [`${r.period}|${r.indicatorId}|${r.optionId}`, r]));
  const sources = await ctx.store.db
    .selectFrom('value_source')
    .selectAll()
    .where('form_id', '=', form.id)
    .where('unit_id', '=', unit.id)
    .where('period', '=', period.id)
    .execute();
  const sourceOf = new Map(sources.map((r) => [`${r.indicator_id}|${r.option_id}|${r.version}`, r]));
  return cells.map(({ indicator, option }) => {
    const optionId = option === null ? NO_OPTION : (indicator.optionIds.get(option) as number);
    const current = byKey.get(`${period.id}|${indicator.id}|${optionId}`);
    return {
      indicator: indicator.code,
      option,
      value: current?.value ?? null,
      comment: current?.comment ?? null,
      version: current?.version ?? 0,
      source: (() => {
        const found = current ? sourceOf.get(`${indicator.id}|${optionId}|${current.version}`) : undefined;
        return found
          ? {
              document: found.document,
              excerpt: found.excerpt,
              span: [found.span_start, found.span_end] as [number, number],
            }
          : null;
      })(),
      previous: prev ? (byKey.get(`${prev.id}|${indicator.id}|${optionId}`)?.value ?? null) : null,
      lastYear: byKey.get(`${lastYear.id}|${indicator.id}|${optionId}`)?.value ?? null,
    };
  });
}

export interface CellInput {
  indicator: string;
  option: string | null;
  value: number | null;
  comment?: string | null | undefined;
  /** The version the writer loaded; 0 for a figure that did not exist. */
  version?: number | undefined;
  /** Where the figure was read from, when it came out of a narrative report. */
  source?: FigureSource | undefined;
}

export interface FigureSource {
  document?: string | null | undefined;
  /** The words the figure was read from. */
  excerpt: string;
  /** [start, end) character offsets in the NFC text of the document. */
  span: [number, number];
}

/**
 * Checks cells against the catalogue and turns them into stored values: known indicator on this form, known
 * option, a finite number of the right type, not negative. Every problem is reported, none is written.
 */
export function toValueInputs(
  ctx: AppContext,
  form: StoredForm,
  unit: Unit,
  period: Period,
  cells: CellInput[],
): ValueInput[] {
  const issues: FieldIssue[] = [];
  const out: ValueInput[] = [];
  cells.forEach((cell, index) => {
    const row = index + 1;
    const indicator = ctx.catalogue.indicator(cell.indicator);
    if (!indicator || !form.indicators.includes(cell.indicator)) {
      issues.push({
        row,
        field: 'indicator',
        reason: `chỉ tiêu "${cell.indicator}" không thuộc biểu ${form.code}`,
      });
      return;
    }
    const optionId =
      cell.option === null
        ? indicator.options.length === 0
          ? NO_OPTION
          : undefined
        : indicator.optionIds.get(cell.option);
    if (optionId === undefined) {
      issues.push({
        row,
        field: 'option',
        reason:
          cell.option === null
            ? `chỉ tiêu ${indicator.code} cần phân tổ (${indicator.options.map((o) => o.code).join(', ')})`
            : `phân tổ "${cell.option}" không có trong chỉ tiêu ${indicator.code}`,
      });
      return;
    }
    let value = cell.value;
    if (value !== null) {
      if (!Number.isFinite(value)) {
        issues.push({ row, field: 'value', reason: 'không phải số hữu hạn' });
        return;
      }
      if (value < 0) {
        issues.push({ row, field: 'value', reason: `số liệu không được âm (${indicator.code})` });
        return;
      }
      if (indicator.valueType === 'integer' && !Number.isInteger(value)) {
        issues.push({
          row,
          field: 'value',
          reason: `chỉ tiêu ${indicator.code} phải là số nguyên (${indicator.unit})`,
        });
        return;
      }
      if (Math.abs(value) > 1e12) {
        issues.push({ row, field: 'value', reason: 'số quá lớn' });
        return;
      }
      value = roundTo(value, indicator.decimals);
    }
    const comment = cell.comment?.normalize('NFC').trim() || null;
    if (comment !== null && comment.length > 2000) {
      issues.push({ row, field: 'comment', reason: 'ghi chú dài quá 2.000 ký tự' });
      return;
    }
    out.push({
      formId: form.id,
      unitId: unit.id,
      indicatorId: indicator.id,
      optionId,
      period: period.id,
      value,
      comment,
      expectedVersion: cell.version,
    });
  });
  if (issues.length > 0)
    throw new AppError(
      'validation_failed',
      'Số liệu không hợp lệ, chưa lưu',
      'invalid figures, nothing saved',
      issues,
    );
  return out;
}

/** The submission status of a unit's form for a period ("draft" when nothing was submitted). */
export async function submissionStatus(
  ctx: AppContext,
  form: StoredForm,
  unit: Unit,
  period: Period,
): Promise<SubmissionStatus> {
  const row = await ctx.store.db
    .selectFrom('submission')
    .select('status')
    .where('form_id', '=', form.id)
    .where('unit_id', '=', unit.id)
    .where('period', '=', period.id)
    .executeTakeFirst();
  // The column holds only the workflow's statuses (the workflow is the one writer).
  return (row?.status ?? 'draft') as SubmissionStatus;
}

/**
 * Saves a unit's figures for a period. Figures of a submitted, approved or locked report are not changed here:
 * the report must be returned or reopened first. A figure someone else changed meanwhile is a conflict.
 */
export async function saveFormValues(
  ctx: AppContext,
  input: {
    form: string;
    unit: string;
    period: string;
    cells: CellInput[];
    actor: Actor;
    source: 'web' | 'api' | 'cli' | 'extraction';
    reason?: string | null;
  },
): Promise<WriteSummary> {
  const period = resolvePeriod(input.period);
  const unit = resolveUnitForPeriod(ctx.graph, input.unit, period);
  const form = requireForm(ctx, input.form);
  const values = toValueInputs(ctx, form, unit, period, input.cells);
  try {
    const at = ctx.clock.now().toISOString();
    const summary = await writeValues(
      ctx.store,
      ctx.graph,
      values,
      { at, userId: input.actor.id, source: input.source, reason: input.reason ?? null },
      (summary) => ({
        at,
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: 'values.write',
        target: `values:${form.code}/${unit.code}/${period.id}`,
        unitId: unit.id,
        secrecy: form.secrecy,
        details: {
          changeId: summary.changeId,
          inserted: summary.inserted,
          updated: summary.updated,
          source: input.source,
        },
      }),
      // Checked inside the save's transaction: a report submitted or approved meanwhile is not changed behind it.
      [{ formId: form.id, unitId: unit.id, period: period.id }],
    );
    await recordSources(ctx, form, unit, period, input.cells, at);
    return summary;
  } catch (error) {
    if (error instanceof ReportNotEditableError) {
      throw new AppError(
        'locked',
        `Báo cáo đang ở trạng thái "${error.status}", không sửa được; cần trả lại hoặc mở lại báo cáo trước`,
        `the report is ${error.status}; return or reopen it first`,
      );
    }
    if (error instanceof VersionConflictError) {
      const indicator = ctx.catalogue.indicatorById(error.key.indicatorId);
      throw new AppError(
        'conflict',
        `Số liệu "${indicator?.nameVi ?? error.key.indicatorId}" vừa được người khác sửa (phiên bản ${error.actual}); hãy tải lại rồi nhập lại`,
        `the figure was changed by someone else (version ${error.actual}, you had ${error.expected})`,
        [{ field: indicator?.code ?? 'value', reason: 'xung đột phiên bản' }],
      );
    }
    throw error;
  }
}

export async function figureHistory(
  ctx: AppContext,
  q: { form: string; unit: string; period: string; indicator: string; option: string | null },
) {
  const period = resolvePeriod(q.period);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
  const form = requireForm(ctx, q.form);
  const indicator = ctx.catalogue.indicator(q.indicator);
  if (!indicator)
    throw new AppError(
      'not_found',
      `Không có chỉ tiêu "${q.indicator}"`,
      `unknown indicator "${q.indicator}"`,
    );
  const optionId = ctx.catalogue.optionId(indicator, q.option);
  if (optionId === undefined)
    throw new AppError('bad_request', `Phân tổ không hợp lệ: ${q.option}`, `invalid option ${q.option}`);
  return {
    unit,
    period,
    form,
    indicator,
    versions: await valueHistory(ctx.store.db, {
      formId: form.id,
      unitId: unit.id,
      indicatorId: indicator.id,
      optionId,
      period: period.id,
    }),
  };
}

export function unitForPeriod(
  ctx: AppContext,
  code: string,
  periodId: string,
): { unit: Unit; period: Period; date: string } {
  const period = resolvePeriod(periodId);
  const unit = resolveUnitForPeriod(ctx.graph, code, period);
  return { unit, period, date: referenceDate(period) };
}

/** Remembers where accepted figures were read from, against the versions just written. */
async function recordSources(
  ctx: AppContext,
  form: StoredForm,
  unit: Unit,
  period: Period,
  cells: CellInput[],
  at: string,
): Promise<void> {
  const withSource = cells.filter((c) => c.source);
  if (withSource.length === 0) return;
  const current = await readValues(ctx.store.db, {
    formId: form.id,
    unitIds: [unit.id],
    periods: [period.id],
  });
  const versionOf = new Map(current.map((v) => [`${v.indicatorId}|${v.optionId}`, v.version]));
  await ctx.store.write(async (trx) => {
    for (const cell of withSource) {
      const indicator = ctx.catalogue.indicator(cell.indicator);
      const source = cell.source;
      if (!indicator || !source) continue;
      const optionId = cell.option === null ? NO_OPTION : (indicator.optionIds.get(cell.option) ?? NO_OPTION);
      const version = versionOf.get(`${indicator.id}|${optionId}`);
      if (version === undefined) continue;
      await trx
        .insertInto('value_source')
        .values({
          period: period.id,
          unit_id: unit.id,
          form_id: form.id,
          indicator_id: indicator.id,
          option_id: optionId,
          version,
          document: source.document?.normalize('NFC').slice(0, 300) ?? null,
          excerpt: source.excerpt.normalize('NFC').slice(0, 2000),
          span_start: source.span[0],
          span_end: source.span[1],
          created_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['period', 'unit_id', 'form_id', 'indicator_id', 'option_id', 'version']).doNothing(),
        )
        .execute();
    }
  });
}
