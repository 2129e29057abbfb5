import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.ts';
import type { Database } from '../db/schema.ts';
import { reporterKindsOn } from '../indicators/model.ts';
import { monthPeriod } from '../periods/period.ts';
import { monthContaining, referenceDate } from '../periods/regime.ts';
import { AppError } from '../shared/errors.ts';
import { deadlineFor } from '../submissions/deadlines.ts';
import { listTasks } from '../tasks/service.ts';
import { formatDate } from '../vietnamese/dates.ts';
import type { Mailer } from './mailer.ts';
import {
  deadlineIsSoon,
  defaultPreferences,
  KIND_LABEL_VI,
  type NewNotification,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type Preference,
} from './model.ts';
import {
  claimPreferencesVersion,
  insertNotifications,
  listForUser,
  markRead,
  pendingEmails,
  readAddresses,
  readPreferences,
  readPreferencesVersion,
  saveAddress,
  savePreferences,
  sentReports,
  setEmailState,
  usersOfUnits,
  usersWithRoles,
} from './repository.ts';

let mailer: Mailer | null = null;

/** Sets (or removes) the mailer; e-mail is off until an SMTP server is configured. */
export function useMailer(next: Mailer | null): void {
  mailer = next;
}

/**
 * Puts notifications in the inboxes of whoever wants them (in a transaction when given one), marking those whose
 * owner wants e-mail as pending; sending the same key again does nothing. Returns how many were new.
 */
export async function notify(
  ctx: AppContext,
  items: NewNotification[],
  trx?: Kysely<Database>,
): Promise<number> {
  if (items.length === 0) return 0;
  const db = trx ?? ctx.store.db;
  const prefs = await readPreferences(db, [...new Set(items.map((i) => i.userId))]);
  const wanted = items.flatMap((item) => {
    const pref = prefs.get(item.userId)?.get(item.kind) ?? { inApp: true, email: true };
    if (!pref.inApp && !pref.email) return [];
    return [{ ...item, emailState: pref.email ? ('pending' as const) : ('none' as const) }];
  });
  return insertNotifications(db, wanted, ctx.clock.now().toISOString());
}

/** Sends the e-mails waiting (when a mailer is configured), each once; a failure is recorded, not retried. */
export async function deliverEmails(ctx: AppContext): Promise<number> {
  if (!mailer) return 0;
  let sent = 0;
  for (const row of await pendingEmails(ctx.store.db, 200)) {
    try {
      await mailer.send({
        to: row.email,
        subject: `[Giao ban] ${row.title}`,
        text: `${row.body}${row.link ? `\n\nXem trên hệ thống: ${row.link}` : ''}`,
      });
      await setEmailState(ctx.store.db, row.id, 'sent');
      sent++;
    } catch {
      await setEmailState(ctx.store.db, row.id, 'failed');
    }
  }
  return sent;
}

/** Notifies the unit's officers that their report was returned (with the reason) or approved. */
export async function notifySubmission(
  ctx: AppContext,
  e: {
    action: 'return' | 'reopen' | 'approve';
    form: string;
    unitId: number;
    unitCode: string;
    period: string;
    periodLabel: string;
    reason: string | null;
    by: string;
    at: string;
  },
): Promise<void> {
  const users = await usersOfUnits(ctx.store.db, [e.unitId], ['officer']);
  const returned = e.action !== 'approve';
  const kind: NotificationKind = returned ? 'report_returned' : 'report_approved';
  const title = returned
    ? `Báo cáo ${e.form} ${e.periodLabel} bị trả lại`
    : `Báo cáo ${e.form} ${e.periodLabel} đã được phê duyệt`;
  const body = returned
    ? `${e.by} trả lại báo cáo ngày ${formatDate(e.at.slice(0, 10))}. Lý do: ${e.reason ?? ''}`
    : `${e.by} phê duyệt báo cáo ngày ${formatDate(e.at.slice(0, 10))}.`;
  await notify(
    ctx,
    users.map((u) => ({
      userId: u.id,
      kind,
      title,
      body,
      link: `/bao-cao/${e.form}?unit=${e.unitCode}&period=${e.period}`,
      key: `${kind}:${e.form}/${e.unitCode}/${e.period}:${e.at}:${u.id}`,
    })),
  );
  await deliverEmails(ctx);
}

const TASK_ROLES = ['leader', 'approver', 'officer', 'analyst'];

/** Tells the units given a task (lead and coordinating), inside the transaction that assigns it. */
export async function notifyTaskAssigned(
  ctx: AppContext,
  trx: Kysely<Database>,
  t: { taskIds: number[]; unitIds: number[]; content: string; deadlineText: string },
): Promise<void> {
  const users = await usersOfUnits(trx, t.unitIds, TASK_ROLES);
  await notify(
    ctx,
    users.map((u) => ({
      userId: u.id,
      kind: 'task_assigned' as const,
      title: 'Đơn vị được giao nhiệm vụ mới',
      body: `${t.content} (thời hạn: ${t.deadlineText})`,
      link: '/nhiem-vu',
      key: `task_assigned:${t.taskIds.join(',')}:${u.id}`,
    })),
    trx,
  );
}

/** Tells the ministry's analysts and leaders that a meeting's pack is frozen and ready to read. */
export async function notifyPackReady(ctx: AppContext, m: { id: number; title: string }): Promise<void> {
  const users = await usersWithRoles(ctx.store.db, ['analyst', 'leader']);
  await notify(
    ctx,
    users.map((id) => ({
      userId: id,
      kind: 'pack_ready' as const,
      title: `Tài liệu ${m.title} đã sẵn sàng`,
      body: `Tài liệu hội nghị "${m.title}" đã được chốt và sẵn sàng để xem.`,
      link: `/giao-ban/${m.id}`,
      key: `pack_ready:${m.id}:${id}`,
    })),
  );
  await deliverEmails(ctx);
}

/**
 * The periodic job: reports due within two days and not yet sent, and tasks overdue, each announced once to the
 * people concerned (the keys make a second run a no-op); then the pending e-mails. Judged on the context's clock.
 */
export async function runNotificationJob(ctx: AppContext): Promise<{ created: number; emailed: number }> {
  const today = ctx.clock.today();
  const items: NewNotification[] = [];
  const current = monthContaining(today);
  const periods = [0, 1].map((back) => monthPeriod(current.year, current.month - back));
  const sent = await sentReports(
    ctx.store.db,
    periods.map((p) => p.id),
  );
  const officers = await usersWithRoles(ctx.store.db, ['officer']);
  const officerUnits = await usersOfUnits(
    ctx.store.db,
    [...new Set((await unitIdsOf(ctx, officers)).values())],
    ['officer'],
  );
  for (const form of ctx.catalogue.forms) {
    if (form.periodType !== 'month') continue;
    for (const period of periods) {
      const date = referenceDate(period);
      const kinds: string[] = reporterKindsOn(form, date);
      for (const user of officerUnits) {
        const unit = ctx.graph.require(user.unitId);
        if (!kinds.includes(unit.kind) || ctx.graph.findByCode(unit.code, date)?.id !== unit.id) continue;
        if (sent.has(`${form.id}|${unit.id}|${period.id}`)) continue;
        const deadline = deadlineFor(form, period, unit.kind);
        if (!deadlineIsSoon(today, deadline)) continue;
        items.push({
          userId: user.id,
          kind: 'deadline_soon',
          title: `Sắp đến hạn nộp báo cáo ${form.code} ${period.id}`,
          body: `Báo cáo ${form.code} kỳ ${period.id} của đơn vị phải nộp trước hết ngày ${formatDate(deadline)}.`,
          link: `/bao-cao/${form.code}?unit=${unit.code}&period=${period.id}`,
          key: `deadline_soon:${form.code}/${unit.code}/${period.id}:${user.id}`,
        });
      }
    }
  }
  const overdue = await listTasks(ctx, today, { status: 'overdue' });
  const unitOf = (code: string, on: string) => ctx.graph.findByCode(code, on)?.id;
  const taskUnitIds = [
    ...new Set(overdue.map((t) => unitOf(t.unit, t.assignedOn)).filter((id) => id !== undefined)),
  ];
  const taskUsers = await usersOfUnits(ctx.store.db, taskUnitIds as number[], TASK_ROLES);
  for (const task of overdue) {
    const unitId = unitOf(task.unit, task.assignedOn);
    for (const user of taskUsers.filter((u) => u.unitId === unitId)) {
      items.push({
        userId: user.id,
        kind: 'task_overdue',
        title: 'Nhiệm vụ quá hạn',
        body: `${task.directive} (thời hạn: ${task.deadlineText})`,
        link: '/nhiem-vu?view=overdue',
        key: `task_overdue:${task.id}:${user.id}`,
      });
    }
  }
  const created = await notify(ctx, items);
  return { created, emailed: await deliverEmails(ctx) };
}

async function unitIdsOf(ctx: AppContext, userIds: number[]): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await ctx.store.db
    .selectFrom('app_user')
    .select(['id', 'unit_id'])
    .where('id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.unit_id]));
}

/** Runs the job now and then every `intervalMs`; returns a function that stops it. */
export function startNotificationJob(
  ctx: AppContext,
  intervalMs: number,
  onError: (e: unknown) => void,
): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runNotificationJob(ctx)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

export async function inbox(ctx: AppContext, userId: number) {
  return listForUser(ctx.store.db, userId, 100);
}

export async function readNotifications(ctx: AppContext, userId: number, ids: number[] | 'all') {
  await markRead(ctx.store.db, userId, ids, ctx.clock.now().toISOString());
}

export async function preferencesOf(ctx: AppContext, userId: number) {
  const saved = (await readPreferences(ctx.store.db, [userId])).get(userId);
  const email = (await readAddresses(ctx.store.db, [userId])).get(userId) ?? null;
  return {
    email,
    emailEnabled: mailer !== null,
    /** Sent back with a change: a stale one is refused (409). */
    version: await readPreferencesVersion(ctx.store.db, userId),
    kinds: defaultPreferences().map((p) => ({
      ...p,
      ...(saved?.get(p.kind) ?? {}),
      label: KIND_LABEL_VI[p.kind],
    })),
  };
}

export async function setPreferences(
  ctx: AppContext,
  userId: number,
  input: { email: string | null; kinds: Preference[]; version: number },
) {
  await ctx.store.write(async (trx) => {
    if (!(await claimPreferencesVersion(trx, userId, input.version)))
      throw new AppError(
        'conflict',
        'Lựa chọn thông báo vừa được thay đổi ở nơi khác: hãy tải lại rồi chọn lại',
        'the choices changed meanwhile: reload and choose again',
        [{ field: 'version', reason: `hiện là ${await readPreferencesVersion(trx, userId)}` }],
      );
    await savePreferences(
      trx,
      userId,
      input.kinds.filter((k) => NOTIFICATION_KINDS.includes(k.kind)),
    );
    await saveAddress(trx, userId, input.email?.trim() || null);
  });
  return preferencesOf(ctx, userId);
}
