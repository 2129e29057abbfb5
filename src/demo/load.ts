import type { AppContext } from '../app/context.ts';
import { SYSTEM_ACTOR } from '../audit/actor.ts';
import { NO_OPTION } from '../indicators/registry.ts';
import { monthPeriod } from '../periods/period.ts';
import { monthContaining } from '../periods/regime.ts';
import type { ValueInput } from '../values/model.ts';
import { writeValues } from '../values/repository.ts';
import { loadBriefingDemo } from './briefing.ts';
import { type DemoBatch, DemoGenerator, type DemoScale } from './generate.ts';

export interface DemoResult {
  loaded: boolean;
  values: number;
  submissions: number;
  months: number;
  to: string;
}

const DEMO_KEY = 'demo';
const REASON = 'Dữ liệu minh họa (demo)';

/** The last reporting month whose window has closed by `today`. */
export function lastClosedMonth(today: string): string {
  const current = monthContaining(today);
  return monthPeriod(current.year, current.month - 1).id;
}

/**
 * A batch's figures by when they were entered: each unit's on the morning (08:00 in Vietnam) of the day it sent its
 * report, so that figures read as of an instant hold exactly the reports sent by then; the few sent late come in on
 * their own day, after the deadline.
 */
function enteredByDay(batch: DemoBatch): Array<{ at: string; values: ValueInput[] }> {
  const enteredAt = new Map<string, string>();
  for (const s of batch.submissions) {
    const day = new Date(new Date(s.submittedAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const morning = new Date(`${day}T08:00:00+07:00`).toISOString();
    enteredAt.set(`${s.formId}|${s.unitId}|${s.period}`, [morning, s.submittedAt].sort()[0] ?? morning);
  }
  const groups = new Map<string, ValueInput[]>();
  for (const v of batch.values) {
    const at = enteredAt.get(`${v.formId}|${v.unitId}|${v.period}`) ?? batch.enteredAt;
    const list = groups.get(at) ?? [];
    list.push(v);
    groups.set(at, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([at, values]) => ({ at, values }));
}

async function writeSubmissions(ctx: AppContext, batch: DemoBatch): Promise<void> {
  const rows = batch.submissions.map((s) => ({
    form_id: s.formId,
    unit_id: s.unitId,
    period: s.period,
    status: s.status,
    version: 1,
    updated_at: s.lockedAt ?? s.approvedAt ?? s.submittedAt,
    submitted_at: s.submittedAt,
    submitted_by: null,
    approved_at: s.approvedAt,
    approved_by: null,
    locked_at: s.lockedAt,
    returned_reason: null,
  }));
  await ctx.store.write(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('submission')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.columns(['form_id', 'period', 'unit_id']).doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            updated_at: eb.ref('excluded.updated_at'),
            submitted_at: eb.ref('excluded.submitted_at'),
            approved_at: eb.ref('excluded.approved_at'),
            locked_at: eb.ref('excluded.locked_at'),
          })),
        )
        .execute();
    }
  });
}

/**
 * Loads the demo data once: monthly figures from 2019-01 to the last closed month for the ministry's departments,
 * every province and the demo communes, daily figures around each Tết, the submissions behind them, and one
 * correction made after the February 2020 briefing. A second run finds the marker and changes nothing.
 */
export async function loadDemo(
  ctx: AppContext,
  options: {
    scale?: DemoScale;
    to?: string;
    onProgress?: (label: string, done: number, total: number) => void;
  } = {},
): Promise<DemoResult> {
  const existing = await ctx.store.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', DEMO_KEY)
    .executeTakeFirst();
  const to = options.to ?? lastClosedMonth(ctx.clock.today());
  if (existing) {
    const info = JSON.parse(existing.value) as { to: string };
    // The briefing half has its own marker, so a database loaded before it existed gets it now.
    await loadBriefingDemo(ctx);
    return { loaded: false, values: 0, submissions: 0, months: 0, to: info.to };
  }
  const generator = new DemoGenerator(ctx.graph, ctx.catalogue, {
    from: '2019-01',
    to,
    scale: options.scale ?? 'full',
  });
  const months = generator.months();
  let values = 0;
  let submissions = 0;
  const batches: Array<() => DemoBatch> = [
    ...months.map((m) => () => generator.monthBatch(m)),
    ...generator.tetBatches(ctx.clock.today()).map((b) => () => b),
  ];
  for (const [i, make] of batches.entries()) {
    const batch = make();
    for (const entry of enteredByDay(batch)) {
      await writeValues(
        ctx.store,
        ctx.graph,
        entry.values,
        { at: entry.at, userId: null, source: 'demo', reason: REASON },
        (summary) => ({
          at: entry.at,
          actorId: SYSTEM_ACTOR.id,
          actorName: SYSTEM_ACTOR.name,
          action: 'values.import',
          target: `demo:${batch.label}`,
          unitId: null,
          secrecy: 'mat',
          details: { changeId: summary.changeId, inserted: summary.inserted, updated: summary.updated },
        }),
      );
    }
    await writeSubmissions(ctx, batch);
    values += batch.values.length;
    submissions += batch.submissions.length;
    options.onProgress?.(batch.label, i + 1, batches.length);
  }
  await applyDemoCorrection(ctx);
  await ctx.store.write((trx) =>
    trx
      .insertInto('meta')
      .values({ key: DEMO_KEY, value: JSON.stringify({ to, scale: options.scale ?? 'full', values }) })
      .execute(),
  );
  await loadBriefingDemo(ctx);
  return { loaded: true, values, submissions, months: months.length, to };
}

/**
 * A correction after the briefing of 26/02/2020: Nghệ An revised its February traffic deaths on 02/03/2020, so
 * the briefed national figure and the current one differ, as they do in real life.
 */
async function applyDemoCorrection(ctx: AppContext): Promise<void> {
  const form = ctx.catalogue.form('BC-THANG');
  const indicator = ctx.catalogue.indicator('traffic.deaths');
  const province = ctx.graph.findByCode('40', '2020-02-14');
  if (!form || !indicator || !province) return;
  const current = await ctx.store.db
    .selectFrom('data_value')
    .select(['value', 'version'])
    .where('period', '=', '2020-02')
    .where('indicator_id', '=', indicator.id)
    .where('option_id', '=', NO_OPTION)
    .where('unit_id', '=', province.id)
    .where('form_id', '=', form.id)
    .executeTakeFirst();
  if (!current || current.value === null) return;
  const correction: ValueInput = {
    formId: form.id,
    unitId: province.id,
    indicatorId: indicator.id,
    optionId: NO_OPTION,
    period: '2020-02',
    value: current.value + 2,
    comment: 'Bổ sung 02 trường hợp tử vong sau khi hết hạn chốt số liệu',
    expectedVersion: current.version,
  };
  await writeValues(ctx.store, ctx.graph, [correction], {
    at: '2020-03-02T02:00:00.000Z',
    userId: null,
    source: 'demo',
    reason: 'Đính chính số liệu tháng 02/2020',
  });
}
