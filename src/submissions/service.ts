import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import { reporterKindsOn } from '../indicators/model.ts';
import type { StoredForm } from '../indicators/registry.ts';
import { notifySubmission } from '../notifications/service.ts';
import { monthPeriod, type Period, periodLabelVi } from '../periods/period.ts';
import { monthContaining, referenceDate } from '../periods/regime.ts';
import { AppError } from '../shared/errors.ts';
import type { Unit } from '../units/model.ts';
import { requireForm } from '../values/service.ts';
import { deadlineFor } from './deadlines.ts';
import {
  checkTransition,
  type ReportStateAt,
  reportStateAt,
  STATUS_LABEL_VI,
  type StoredReportTimes,
  type SubmissionAction,
  type SubmissionStatus,
  timeliness,
  transitionsFromTimes,
} from './workflow.ts';

export interface SubmissionView {
  form: string;
  unit: string;
  unitName: string;
  period: string;
  status: SubmissionStatus;
  statusLabel: string;
  deadline: string;
  submittedAt: string | null;
  approvedAt: string | null;
  lockedAt: string | null;
  returnedReason: string | null;
  timeliness: 'on_time' | 'late' | 'missing';
  version: number;
}

/** Problems that stop a submission: critical rule failures, and warnings left without a comment. */
export interface SubmissionCheck {
  blocking: Array<{ field: string; reason: string; severity: 'critical' | 'warning' }>;
  notes: Array<{ field: string; reason: string; severity: 'warning' | 'outlier' }>;
}

/** Validates a report before it is submitted; supplied by the validation module. */
export type SubmissionValidator = (
  ctx: AppContext,
  q: { form: StoredForm; unit: Unit; period: Period },
) => Promise<SubmissionCheck>;

type Row = {
  status: string;
  version: number;
  submitted_at: string | null;
  approved_at: string | null;
  locked_at: string | null;
  returned_reason: string | null;
};

async function readRow(
  ctx: AppContext,
  form: StoredForm,
  unit: Unit,
  period: Period,
): Promise<Row | undefined> {
  return ctx.store.db
    .selectFrom('submission')
    .select(['status', 'version', 'submitted_at', 'approved_at', 'locked_at', 'returned_reason'])
    .where('form_id', '=', form.id)
    .where('unit_id', '=', unit.id)
    .where('period', '=', period.id)
    .executeTakeFirst();
}

function present(
  ctx: AppContext,
  form: StoredForm,
  unit: Unit,
  period: Period,
  row: Row | undefined,
  then?: ReportStateAt,
): SubmissionView {
  const status = then?.status ?? ((row?.status ?? 'draft') as SubmissionStatus);
  const deadline = deadlineFor(form, period, unit.kind);
  const submittedAt = then
    ? then.submittedAt
    : status === 'draft' || status === 'returned'
      ? null
      : (row?.submitted_at ?? null);
  return {
    form: form.code,
    unit: unit.code,
    unitName: ctx.graph.nameOn(unit.id, referenceDate(period)),
    period: period.id,
    status,
    statusLabel: STATUS_LABEL_VI[status],
    deadline,
    submittedAt,
    approvedAt: row?.approved_at ?? null,
    lockedAt: row?.locked_at ?? null,
    returnedReason: row?.returned_reason ?? null,
    timeliness: timeliness(submittedAt, deadline),
    version: row?.version ?? 0,
  };
}

export async function getSubmission(
  ctx: AppContext,
  q: { form: string; unit: string; period: string },
): Promise<SubmissionView> {
  const period = resolvePeriod(q.period);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
  const form = requireForm(ctx, q.form);
  return present(ctx, form, unit, period, await readRow(ctx, form, unit, period));
}

/**
 * Moves a report through its workflow, recording the event. Submitting runs the validator first: a failed
 * critical rule, or a warning without a comment on one of its figures, stops it with the reasons.
 */
export async function transition(
  ctx: AppContext,
  q: {
    form: string;
    unit: string;
    period: string;
    action: SubmissionAction;
    reason?: string | null;
    actor: Actor;
  },
  validator?: SubmissionValidator,
): Promise<SubmissionView> {
  const period = resolvePeriod(q.period);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
  const form = requireForm(ctx, q.form);
  if (q.action === 'submit' && validator) {
    const check = await validator(ctx, { form, unit, period });
    if (check.blocking.length > 0) {
      throw new AppError(
        'validation_failed',
        'Báo cáo chưa gửi được: còn lỗi cần sửa hoặc cảnh báo cần giải trình',
        'the report cannot be submitted: fix the errors or explain the warnings',
        check.blocking.map((b) => ({
          field: b.field,
          reason: `${b.severity === 'critical' ? 'Lỗi' : 'Cảnh báo'}: ${b.reason}`,
        })),
      );
    }
  }
  const now = ctx.clock.now().toISOString();
  await ctx.store.write(async (trx) => {
    const row = await trx
      .selectFrom('submission')
      .select(['status', 'version', 'submitted_at', 'approved_at', 'locked_at'])
      .where('form_id', '=', form.id)
      .where('unit_id', '=', unit.id)
      .where('period', '=', period.id)
      .executeTakeFirst();
    const from = (row?.status ?? 'draft') as SubmissionStatus;
    const check = checkTransition(q.action, from, q.reason);
    if (!check.ok)
      throw new AppError('conflict', check.messageVi, check.messageEn, [
        { field: 'status', reason: STATUS_LABEL_VI[from] },
      ]);
    // A report loaded with its times has no history yet: record what its times say before they are overwritten,
    // so that what stood at an earlier instant can still be told.
    const earlier = row ? transitionsFromTimes(row) : [];
    if (earlier.length > 0) {
      const recorded = await trx
        .selectFrom('submission_event')
        .select('id')
        .where('form_id', '=', form.id)
        .where('unit_id', '=', unit.id)
        .where('period', '=', period.id)
        .limit(1)
        .executeTakeFirst();
      if (!recorded)
        await trx
          .insertInto('submission_event')
          .values(
            earlier.map((e) => ({
              form_id: form.id,
              unit_id: unit.id,
              period: period.id,
              ...e,
              user_id: null,
              reason: null,
            })),
          )
          .execute();
    }
    const changes = {
      status: check.to,
      updated_at: now,
      ...(q.action === 'submit'
        ? { submitted_at: now, submitted_by: q.actor.id, returned_reason: null }
        : {}),
      ...(q.action === 'approve' ? { approved_at: now, approved_by: q.actor.id } : {}),
      ...(q.action === 'lock' ? { locked_at: now } : {}),
      ...(q.action === 'return' || q.action === 'reopen'
        ? {
            returned_reason: (q.reason ?? '').normalize('NFC').trim(),
            approved_at: null,
            approved_by: null,
            locked_at: null,
          }
        : {}),
    };
    if (row) {
      await trx
        .updateTable('submission')
        .set({ ...changes, version: row.version + 1 })
        .where('form_id', '=', form.id)
        .where('unit_id', '=', unit.id)
        .where('period', '=', period.id)
        .execute();
    } else {
      await trx
        .insertInto('submission')
        .values({
          form_id: form.id,
          unit_id: unit.id,
          period: period.id,
          version: 1,
          submitted_at: null,
          submitted_by: null,
          approved_at: null,
          approved_by: null,
          locked_at: null,
          returned_reason: null,
          ...changes,
        })
        .execute();
    }
    await trx
      .insertInto('submission_event')
      .values({
        form_id: form.id,
        unit_id: unit.id,
        period: period.id,
        action: q.action,
        from_status: from,
        to_status: check.to,
        at: now,
        user_id: q.actor.id,
        reason: q.reason?.normalize('NFC').trim() || null,
      })
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: q.actor.id,
      actorName: q.actor.name,
      action: `submission.${q.action}`,
      target: `submission:${form.code}/${unit.code}/${period.id}`,
      unitId: unit.id,
      secrecy: form.secrecy,
      details: { from, to: check.to, reason: q.reason?.trim() || null },
    });
  });
  if (q.action === 'return' || q.action === 'reopen' || q.action === 'approve') {
    await notifySubmission(ctx, {
      action: q.action,
      form: form.code,
      unitId: unit.id,
      unitCode: unit.code,
      period: period.id,
      periodLabel: periodLabelVi(period),
      reason: q.reason?.normalize('NFC').trim() || null,
      by: q.actor.name,
      at: now,
    });
  }
  return present(ctx, form, unit, period, await readRow(ctx, form, unit, period));
}

export async function submissionEvents(ctx: AppContext, q: { form: string; unit: string; period: string }) {
  const period = resolvePeriod(q.period);
  const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
  const form = requireForm(ctx, q.form);
  const rows = await ctx.store.db
    .selectFrom('submission_event')
    .leftJoin('app_user', 'app_user.id', 'submission_event.user_id')
    .select(['action', 'from_status', 'to_status', 'at', 'reason', 'app_user.display_name'])
    .where('form_id', '=', form.id)
    .where('submission_event.unit_id', '=', unit.id)
    .where('period', '=', period.id)
    .orderBy('submission_event.id')
    .execute();
  return rows.map((r) => ({
    // Written only by `transition`, with one of the workflow's actions.
    action: r.action as SubmissionAction,
    from: r.from_status,
    to: r.to_status,
    at: r.at,
    reason: r.reason,
    by: r.display_name,
  }));
}

export interface Completeness {
  form: string;
  period: string;
  unit: string;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  units: SubmissionView[];
  /** For each province in the subtree: its expected units that have not reported, to remind them. */
  reminders: Array<{
    province: string;
    provinceName: string;
    missing: Array<{ code: string; name: string }>;
  }>;
}

/**
 * Which units were expected to submit a form for a period, and which did on time, late or not at all, over a
 * unit's subtree; with `asOf`, as the reports stood at that instant (a report returned and submitted again since
 * counts by its submission then in force, one received after it as not yet received).
 */
export async function completeness(
  ctx: AppContext,
  q: { form: string; period: string; unit: string; asOf?: string },
): Promise<Completeness> {
  const period = resolvePeriod(q.period);
  const root = resolveUnitForPeriod(ctx.graph, q.unit, period);
  const form = requireForm(ctx, q.form);
  const date = referenceDate(period);
  const kinds: string[] = reporterKindsOn(form, date);
  const expected = ctx.graph
    .subtreeOn(root.id, date)
    .map((id) => ctx.graph.require(id))
    .filter((u) => kinds.includes(u.kind));
  const rows = await ctx.store.db
    .selectFrom('submission')
    .select([
      'unit_id',
      'status',
      'version',
      'updated_at',
      'submitted_at',
      'approved_at',
      'locked_at',
      'returned_reason',
    ])
    .where('form_id', '=', form.id)
    .where('period', '=', period.id)
    .execute();
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const statesThen = q.asOf === undefined ? undefined : await statesAt(ctx, form, period, rows, q.asOf);
  const units = expected
    .map((u) => present(ctx, form, u, period, byUnit.get(u.id), statesThen?.get(u.id)))
    .sort((a, b) => a.unit.localeCompare(b.unit));
  const reminders = new Map<number, Array<{ code: string; name: string }>>();
  for (const view of units) {
    if (view.timeliness !== 'missing') continue;
    const unit = ctx.graph.findByCode(view.unit, date) as Unit;
    const province = [unit.id, ...ctx.graph.ancestorsOn(unit.id, date)]
      .map((id) => ctx.graph.require(id))
      .find((u) => u.kind === 'province');
    if (!province || province.id === unit.id) continue;
    const list = reminders.get(province.id) ?? [];
    list.push({ code: view.unit, name: view.unitName });
    reminders.set(province.id, list);
  }
  return {
    form: form.code,
    period: period.id,
    unit: root.code,
    expected: units.length,
    onTime: units.filter((u) => u.timeliness === 'on_time').length,
    late: units.filter((u) => u.timeliness === 'late').length,
    missing: units.filter((u) => u.timeliness === 'missing').length,
    units,
    reminders: [...reminders.entries()].map(([id, missing]) => ({
      province: ctx.graph.require(id).code,
      provinceName: ctx.graph.nameOn(id, date),
      missing,
    })),
  };
}

/** Each stored report's state at an instant, by unit, from its recorded transitions. */
async function statesAt(
  ctx: AppContext,
  form: StoredForm,
  period: Period,
  rows: ReadonlyArray<StoredReportTimes & { unit_id: number }>,
  instant: string,
): Promise<Map<number, ReportStateAt>> {
  const events = await ctx.store.db
    .selectFrom('submission_event')
    .select(['unit_id', 'at', 'to_status'])
    .where('form_id', '=', form.id)
    .where('period', '=', period.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const byUnit = new Map<number, Array<{ at: string; to_status: string }>>();
  for (const e of events) {
    const list = byUnit.get(e.unit_id) ?? [];
    list.push(e);
    byUnit.set(e.unit_id, list);
  }
  return new Map(rows.map((r) => [r.unit_id, reportStateAt(r, byUnit.get(r.unit_id), instant)]));
}

/** The reports a unit owes: each monthly form it submits, for the month being collected and the two before. */
export async function dueForms(ctx: AppContext, unitCode: string): Promise<SubmissionView[]> {
  const today = ctx.clock.today();
  const unit = resolveUnitForPeriod(ctx.graph, unitCode, resolvePeriod(today));
  const current = monthContaining(today);
  const out: SubmissionView[] = [];
  for (const form of ctx.catalogue.forms) {
    if (form.periodType !== 'month') continue;
    for (let back = 0; back <= 2; back++) {
      const period = monthPeriod(current.year, current.month - back);
      if (!(reporterKindsOn(form, referenceDate(period)) as string[]).includes(unit.kind)) continue;
      if (ctx.graph.findByCode(unit.code, referenceDate(period))?.id !== unit.id) continue;
      out.push(present(ctx, form, unit, period, await readRow(ctx, form, unit, period)));
    }
  }
  return out;
}

export function periodLabel(id: string): string {
  return periodLabelVi(resolvePeriod(id));
}
