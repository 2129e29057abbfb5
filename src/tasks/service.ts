import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { type IsoDate, vietnamDateOf } from '../vietnamese/dates.ts';
import {
  insertDirective,
  insertTask,
  insertTaskEvent,
  loadTasks,
  nextDirectivePosition,
  type TaskEventRecord,
  type TaskQuery,
  type TaskRecord,
  updateTaskState,
} from './repository.ts';

export type { TaskRecord };

import {
  checkTaskTransition,
  type Deadline,
  type DerivedStatus,
  deriveStatus,
  finalDate,
  formatDeadline,
  STATUS_LABEL_VI,
  STORED_STATE_LABEL_VI,
  type StoredState,
  summarise,
  type TaskAction,
  type TaskFacts,
} from './status.ts';

/** A task as users see it on a date: the derived status next to the stored state. */
export interface TaskView {
  id: number;
  directiveId: number;
  directive: string;
  directiveNo: number;
  meetingId: number;
  meeting: string;
  meetingHeldOn: IsoDate;
  unit: string;
  unitName: string;
  leadUnit: string;
  leadUnitName: string;
  role: 'lead' | 'coordinate';
  /** Final date of the deadline in force (the end of a recurring obligation). */
  deadline: IsoDate;
  /** The date the status is judged against: the deadline, or the next monthly report when recurring. */
  dueDate: IsoDate;
  deadlineRule: Deadline;
  deadlineText: string;
  /** Every deadline the task has had, the assigned one first. */
  deadlineHistory: Array<{ from: IsoDate; deadline: IsoDate; text: string; note: string | null }>;
  status: DerivedStatus;
  statusLabel: string;
  stateStored: StoredState;
  stateLabel: string;
  /** Sent back with an action: a stale version is a conflict, a missing one is refused. */
  version: number;
  assignedOn: IsoDate;
  confirmedAt: IsoDate | null;
  daysLate: number;
  asOf: IsoDate;
  secrecy: SecrecyLevel;
  indicators: string[];
  lastReport: { on: IsoDate; note: string | null } | null;
}

export interface TaskDetail extends TaskView {
  events: Array<Omit<TaskEventRecord, 'userId'> & { label: string }>;
}

const ACTION_LABEL_VI: Record<TaskEventRecord['action'], string> = {
  assign: 'Giao nhiệm vụ',
  start: 'Bắt đầu thực hiện',
  report: 'Báo cáo tiến độ',
  report_done: 'Báo cáo hoàn thành',
  confirm: 'Xác nhận hoàn thành',
  return: 'Trả lại',
  request_extension: 'Đề xuất gia hạn',
  approve_extension: 'Đồng ý gia hạn',
  reject_extension: 'Không đồng ý gia hạn',
  cancel: 'Hủy nhiệm vụ',
};

export function factsOf(t: TaskRecord): TaskFacts {
  return {
    assignedOn: t.assignedOn,
    deadline: t.deadline,
    facts: t.events
      .filter((e) => e.action !== 'assign')
      .map((e) => ({
        on: e.on,
        action: e.action as TaskAction,
        ...(e.deadline ? { deadline: e.deadline } : {}),
        ...(e.period ? { period: e.period } : {}),
      })),
  };
}

/** The view of a stored task as of `asOf`: events after that date are ignored, as if it were that day. */
export function presentTask(ctx: AppContext, t: TaskRecord, asOf: IsoDate): TaskView {
  const s = deriveStatus(factsOf(t), asOf);
  const unit = ctx.graph.require(t.unitId);
  const lead = ctx.graph.require(t.leadUnitId);
  const nameDate = t.assignedOn;
  const history = [
    { from: t.assignedOn, deadline: finalDate(t.deadline), text: formatDeadline(t.deadline), note: null },
    ...t.events
      .filter((e) => e.action === 'approve_extension' && e.deadline && e.on <= asOf)
      .map((e) => ({
        from: e.on,
        deadline: finalDate(e.deadline as Deadline),
        text: formatDeadline(e.deadline as Deadline),
        note: e.note,
      })),
  ];
  const reports = t.events.filter(
    (e) => (e.action === 'report' || e.action === 'report_done') && e.on <= asOf,
  );
  const last = reports[reports.length - 1];
  return {
    id: t.id,
    directiveId: t.directiveId,
    directive: t.directive,
    directiveNo: t.directivePosition,
    meetingId: t.meetingId,
    meeting: t.meetingTitle,
    meetingHeldOn: t.meetingHeldOn,
    unit: unit.code,
    unitName: ctx.graph.nameOn(unit.id, nameDate),
    leadUnit: lead.code,
    leadUnitName: ctx.graph.nameOn(lead.id, nameDate),
    role: t.role,
    deadline: finalDate(s.deadline),
    dueDate: s.dueDate,
    deadlineRule: s.deadline,
    deadlineText: formatDeadline(s.deadline),
    deadlineHistory: history,
    status: s.status,
    statusLabel: STATUS_LABEL_VI[s.status],
    stateStored: s.stored,
    stateLabel: STORED_STATE_LABEL_VI[s.stored],
    version: t.version,
    assignedOn: t.assignedOn,
    confirmedAt: s.confirmedOn,
    daysLate: s.daysLate,
    asOf,
    secrecy: t.secrecy,
    indicators: t.indicators,
    lastReport: last ? { on: last.on, note: last.note } : null,
  };
}

export interface TaskFilter extends TaskQuery {
  status?: DerivedStatus | undefined;
  /** Whether cancelled tasks are listed; they are left out unless asked for. */
  includeCancelled?: boolean;
  /** Only tasks the reader may see. */
  visible?: (t: TaskRecord) => boolean;
}

/**
 * The stored tasks a query names, kept with the engine's answers: tasks, their events and meetings move the data
 * generation those answers are keyed by (a directive is written with its tasks, never alone), so a kept list is
 * the stored one. Shared and frozen: every reader's view is made from it anew.
 */
function taskRecords(ctx: AppContext, q: TaskQuery): Promise<TaskRecord[]> {
  const key = JSON.stringify([q.ids ?? null, q.meetingIds ?? null, q.unitIds ?? null]);
  return ctx.engine.cached(`tasks:${key}`, () => loadTasks(ctx.store.db, q));
}

/** Tasks as of a date (events after it are not seen; tasks assigned after it do not exist yet). */
export async function listTasks(
  ctx: AppContext,
  asOf: IsoDate,
  filter: TaskFilter = {},
): Promise<TaskView[]> {
  const records = await taskRecords(ctx, filter);
  return records
    .filter((t) => t.assignedOn <= asOf && (filter.visible?.(t) ?? true))
    .map((t) => presentTask(ctx, t, asOf))
    .filter((v) =>
      filter.status ? v.status === filter.status : filter.includeCancelled || v.status !== 'cancelled',
    );
}

export async function requireTask(ctx: AppContext, id: number): Promise<TaskRecord> {
  const [t] = await loadTasks(ctx.store.db, { ids: [id] });
  if (!t)
    throw new AppError('not_found', `Không tìm thấy nhiệm vụ số ${id}`, `task ${id} not found`, [
      { field: 'id', reason: 'không tồn tại' },
    ]);
  return t;
}

export async function taskDetail(ctx: AppContext, t: TaskRecord, asOf: IsoDate): Promise<TaskDetail> {
  return {
    ...presentTask(ctx, t, asOf),
    events: t.events
      .filter((e) => e.on <= asOf)
      .map(({ userId: _user, ...e }) => ({ ...e, label: ACTION_LABEL_VI[e.action] })),
  };
}

/** Counts by status and the completion rate over tasks fallen due, overall and per unit. */
export function taskSummary(views: TaskView[]) {
  const byUnit = new Map<string, TaskView[]>();
  for (const v of views) byUnit.set(v.unit, [...(byUnit.get(v.unit) ?? []), v]);
  return {
    ...summarise(views.map((v) => v.status)),
    units: [...byUnit.entries()]
      .map(([unit, list]) => ({
        unit,
        unitName: list[0]?.unitName ?? unit,
        ...summarise(list.map((v) => v.status)),
      }))
      .sort((a, b) => b.overdue - a.overdue || a.unit.localeCompare(b.unit)),
  };
}

export interface DirectiveInput {
  content: string;
  leadUnitId: number;
  coordinatingUnitIds: number[];
  deadline: Deadline;
  indicators: string[];
  targetId?: number | null;
  secrecy: SecrecyLevel;
}

function checkDeadline(deadline: Deadline, assignedOn: IsoDate): void {
  const end = finalDate(deadline);
  if (end < assignedOn) {
    throw new AppError(
      'bad_request',
      `Thời hạn ${formatDeadline(deadline)} trước ngày giao nhiệm vụ`,
      'the deadline is before the assignment date',
      [{ field: 'deadline', reason: 'trước ngày giao' }],
    );
  }
  if (deadline.kind === 'monthly' && (deadline.day < 1 || deadline.day > 31)) {
    throw new AppError(
      'bad_request',
      'Ngày báo cáo hằng tháng phải từ 1 đến 31',
      'monthly day out of range',
      [{ field: 'deadline.day', reason: 'phải từ 1 đến 31' }],
    );
  }
}

/**
 * Records a directive of a meeting's conclusion and gives every assignee unit its task, in one transaction with
 * its audit entry. `on` is the assignment date (the conclusion's date; today by default).
 */
export async function assignDirective(
  ctx: AppContext,
  trx: Kysely<Database>,
  meetingId: number,
  input: DirectiveInput,
  actor: Actor,
  on: IsoDate,
  at: string,
): Promise<{ directiveId: number; taskIds: number[] }> {
  const content = input.content.normalize('NFC').trim();
  if (!content)
    throw new AppError('bad_request', 'Nội dung chỉ đạo không được để trống', 'the directive is empty', [
      { field: 'content', reason: 'bắt buộc' },
    ]);
  checkDeadline(input.deadline, on);
  for (const code of input.indicators) {
    if (!ctx.catalogue.indicator(code))
      throw new AppError('bad_request', `Không có chỉ tiêu "${code}"`, `unknown indicator ${code}`, [
        { field: 'indicators', reason: `không có chỉ tiêu ${code}` },
      ]);
  }
  const coordinating = [...new Set(input.coordinatingUnitIds)].filter((id) => id !== input.leadUnitId);
  const directiveId = await insertDirective(trx, {
    meetingId,
    position: await nextDirectivePosition(trx, meetingId),
    content,
    leadUnitId: input.leadUnitId,
    coordinatingUnitIds: coordinating,
    deadline: input.deadline,
    indicators: input.indicators,
    targetId: input.targetId ?? null,
    secrecy: input.secrecy,
    createdAt: at,
  });
  const taskIds: number[] = [];
  for (const [unitId, role] of [
    [input.leadUnitId, 'lead'] as const,
    ...coordinating.map((id) => [id, 'coordinate'] as const),
  ]) {
    const id = await insertTask(trx, {
      directiveId,
      unitId,
      role,
      deadline: input.deadline,
      assignedOn: on,
      at,
    });
    await insertTaskEvent(trx, id, {
      on,
      at,
      action: 'assign',
      fromState: 'assigned',
      toState: 'assigned',
      userId: actor.id,
      actorName: actor.name,
      note: null,
      period: null,
      figures: null,
      attachments: null,
      deadline: input.deadline,
    });
    taskIds.push(id);
  }
  await appendAudit(trx, {
    at,
    actorId: actor.id,
    actorName: actor.name,
    action: 'task.assign',
    target: `directive:${directiveId}`,
    unitId: input.leadUnitId,
    secrecy: input.secrecy,
    details: {
      meetingId,
      content,
      deadline: formatDeadline(input.deadline),
      units: [input.leadUnitId, ...coordinating],
      tasks: taskIds,
    },
  });
  return { directiveId, taskIds };
}

export interface TaskActionInput {
  action: TaskAction;
  note?: string | null | undefined;
  period?: string | null | undefined;
  figures?: Record<string, number> | null | undefined;
  attachments?: string[] | null | undefined;
  deadline?: Deadline | null | undefined;
  /** The version the user saw; a mismatch means someone else acted first. */
  version?: number | undefined;
}

/**
 * Applies an action to a task inside `trx`, dated `on` (today for users; a past date when loading history),
 * recording the event and its audit entry together.
 */
export async function applyTaskAction(
  trx: Kysely<Database>,
  task: TaskRecord,
  input: TaskActionInput,
  actor: Actor,
  on: IsoDate,
  at: string,
): Promise<StoredState> {
  const note = input.note?.normalize('NFC').trim() || null;
  if (input.version !== undefined && input.version !== task.version) {
    throw new AppError(
      'conflict',
      'Nhiệm vụ vừa được người khác cập nhật; hãy tải lại trước khi thao tác',
      'the task changed since it was read',
      [{ field: 'version', reason: `đang là ${task.version}` }],
    );
  }
  const check = checkTaskTransition(input.action, task.state, {
    reason: note,
    deadline: input.deadline ?? undefined,
  });
  if (!check.ok)
    throw new AppError(
      check.field === 'state' ? 'conflict' : 'bad_request',
      check.messageVi,
      check.messageEn,
      [
        {
          field: check.field,
          reason: check.field === 'state' ? STORED_STATE_LABEL_VI[task.state] : 'bắt buộc',
        },
      ],
    );
  if (input.action === 'approve_extension' && input.deadline) checkDeadline(input.deadline, task.assignedOn);
  if ((input.action === 'report' || input.action === 'report_done') && !note && !input.figures) {
    throw new AppError(
      'bad_request',
      'Báo cáo tiến độ cần có nội dung hoặc số liệu',
      'a report needs text or figures',
      [{ field: 'note', reason: 'bắt buộc' }],
    );
  }
  if (input.period && !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period)) {
    throw new AppError('bad_request', 'Kỳ báo cáo phải có dạng YYYY-MM', 'period must be YYYY-MM', [
      { field: 'period', reason: 'sai định dạng' },
    ]);
  }
  const ok = await updateTaskState(trx, task.id, {
    state: check.to,
    version: task.version,
    at,
    ...(input.action === 'confirm' ? { confirmedOn: on } : {}),
    ...(input.action === 'return' ? { confirmedOn: null } : {}),
  });
  if (!ok)
    throw new AppError('conflict', 'Nhiệm vụ vừa được người khác cập nhật', 'the task changed meanwhile', [
      { field: 'version', reason: 'đã thay đổi' },
    ]);
  await insertTaskEvent(trx, task.id, {
    on,
    at,
    action: input.action,
    fromState: task.state,
    toState: check.to,
    userId: actor.id,
    actorName: actor.name,
    note,
    period: input.period ?? null,
    figures: input.figures ?? null,
    attachments: input.attachments ?? null,
    deadline:
      input.action === 'approve_extension' || input.action === 'request_extension'
        ? (input.deadline ?? null)
        : null,
  });
  await appendAudit(trx, {
    at,
    actorId: actor.id,
    actorName: actor.name,
    action: `task.${input.action}`,
    target: `task:${task.id}`,
    unitId: task.unitId,
    secrecy: task.secrecy,
    details: {
      from: task.state,
      to: check.to,
      ...(note ? { note } : {}),
      ...(input.deadline ? { deadline: formatDeadline(input.deadline) } : {}),
      ...(input.period ? { period: input.period } : {}),
    },
  });
  return check.to;
}

/** A user's action on a task, dated today by the injected clock. */
export async function actOnTask(
  ctx: AppContext,
  taskId: number,
  input: TaskActionInput,
  actor: Actor,
): Promise<TaskDetail> {
  const now = ctx.clock.now();
  const today = vietnamDateOf(now);
  await ctx.store.write(async (trx) => {
    const [task] = await loadTasks(trx, { ids: [taskId] });
    if (!task)
      throw new AppError('not_found', `Không tìm thấy nhiệm vụ số ${taskId}`, `task ${taskId} not found`);
    await applyTaskAction(trx, task, input, actor, today, now.toISOString());
  });
  return taskDetail(ctx, await requireTask(ctx, taskId), today);
}
