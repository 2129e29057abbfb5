import {
  addDays,
  daysBetween,
  daysInMonth,
  type IsoDate,
  isoDate,
  splitIsoDate,
} from '../vietnamese/dates.ts';

/**
 * Task tracking as in QĐ 42/2014/QĐ-TTg practice. What is stored is a state and its history; what users see
 * (on time, late, overdue) is derived from the deadline in force and the confirmation date, or "today" while the
 * task is open, and never typed by hand. Everything here is pure: dates come in, nothing reads a clock.
 */

export const STORED_STATES = [
  'assigned',
  'in_progress',
  'reported_done',
  'confirmed_done',
  'extension_requested',
  'extended',
  'cancelled',
] as const;
export type StoredState = (typeof STORED_STATES)[number];

export const STORED_STATE_LABEL_VI: Record<StoredState, string> = {
  assigned: 'Đã giao',
  in_progress: 'Đang thực hiện',
  reported_done: 'Đã báo cáo hoàn thành (chờ xác nhận)',
  confirmed_done: 'Đã xác nhận hoàn thành',
  extension_requested: 'Đề xuất gia hạn',
  extended: 'Đã gia hạn',
  cancelled: 'Đã hủy',
};

/** What users see. `cancelled` tasks are outside every count. */
export const TASK_STATUSES = ['not_started', 'in_progress', 'done_on_time', 'done_late', 'overdue'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type DerivedStatus = TaskStatus | 'cancelled';

export const STATUS_LABEL_VI: Record<DerivedStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện – trong hạn',
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  overdue: 'Chưa hoàn thành – quá hạn',
  cancelled: 'Đã hủy',
};

/**
 * A deadline: one date, or a recurring obligation ("báo cáo hằng tháng trước ngày 25, đến hết năm") with one
 * occurrence per month from the month after assignment up to `until`.
 */
export type Deadline = { kind: 'date'; date: IsoDate } | { kind: 'monthly'; day: number; until: IsoDate };

export const TASK_ACTIONS = [
  'start',
  'report',
  'report_done',
  'confirm',
  'return',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'cancel',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** One dated fact in a task's life, as the status rules need it. */
export interface TaskFact {
  on: IsoDate;
  action: TaskAction;
  /** For approve_extension: the new deadline in force from `on`. */
  deadline?: Deadline;
  /** For report on a recurring task: the month "YYYY-MM" the report answers; the month of `on` when absent. */
  period?: string;
}

export interface TaskFacts {
  assignedOn: IsoDate;
  deadline: Deadline;
  /** In the order they happened. */
  facts: TaskFact[];
}

interface Move {
  to: StoredState | 'previous';
  from: readonly StoredState[];
}

const OPEN: readonly StoredState[] = ['assigned', 'in_progress', 'extended'];

const MOVES: Record<TaskAction, Move> = {
  start: { from: ['assigned'], to: 'in_progress' },
  report: { from: [...OPEN, 'extension_requested'], to: 'previous' },
  report_done: { from: OPEN, to: 'reported_done' },
  confirm: { from: ['reported_done'], to: 'confirmed_done' },
  // The office sends a wrong completion report back; the task counts as not completed (Thanh Hóa practice).
  return: { from: ['reported_done'], to: 'in_progress' },
  request_extension: { from: OPEN, to: 'extension_requested' },
  approve_extension: { from: ['extension_requested'], to: 'extended' },
  reject_extension: { from: ['extension_requested'], to: 'in_progress' },
  cancel: { from: [...OPEN, 'extension_requested', 'reported_done'], to: 'cancelled' },
};

export type TransitionCheck =
  | { ok: true; to: StoredState }
  | { ok: false; messageVi: string; messageEn: string; field: string };

/** Whether an action may be taken in a stored state, and the state it leads to. */
export function checkTaskTransition(
  action: TaskAction,
  from: StoredState,
  input: { reason?: string | null | undefined; deadline?: Deadline | undefined } = {},
): TransitionCheck {
  const move = MOVES[action];
  if (!move.from.includes(from)) {
    return {
      ok: false,
      field: 'state',
      messageVi: `Không thể thực hiện thao tác này khi nhiệm vụ ở trạng thái "${STORED_STATE_LABEL_VI[from]}"`,
      messageEn: `cannot ${action} a task that is ${from}`,
    };
  }
  if (
    (action === 'return' || action === 'cancel' || action === 'request_extension') &&
    !input.reason?.trim()
  ) {
    return {
      ok: false,
      field: 'reason',
      messageVi: 'Cần ghi rõ lý do',
      messageEn: `a reason is required to ${action}`,
    };
  }
  if (action === 'approve_extension' && !input.deadline) {
    return {
      ok: false,
      field: 'deadline',
      messageVi: 'Cần ghi thời hạn mới khi gia hạn',
      messageEn: 'an extension needs the new deadline',
    };
  }
  if (action === 'report' && from === 'assigned') return { ok: true, to: 'in_progress' };
  return { ok: true, to: move.to === 'previous' ? from : move.to };
}

/** The stored state after the facts dated on or before `asOf`. */
export function storedStateAt(task: TaskFacts, asOf: IsoDate): StoredState {
  let state: StoredState = 'assigned';
  for (const fact of task.facts) {
    if (fact.on > asOf) continue;
    const check = checkTaskTransition(fact.action, state, {
      reason: 'x',
      deadline: fact.deadline ?? { kind: 'date', date: fact.on },
    });
    if (check.ok) state = check.to;
  }
  return state;
}

/** The deadline in force on `asOf`: the assigned one, replaced by each approved extension dated on or before it. */
export function deadlineInForce(task: TaskFacts, asOf: IsoDate): Deadline {
  let deadline = task.deadline;
  for (const fact of task.facts) {
    if (fact.on <= asOf && fact.action === 'approve_extension' && fact.deadline) deadline = fact.deadline;
  }
  return deadline;
}

/** The last day of a deadline: the date itself, or the end of a recurring obligation. */
export function finalDate(deadline: Deadline): IsoDate {
  return deadline.kind === 'date' ? deadline.date : deadline.until;
}

/**
 * The due dates of a recurring deadline: day `day` (clamped to the month's length) of each month after the
 * assignment date, up to `until`; at least `until` itself when no month falls in between.
 */
export function occurrences(deadline: Deadline, assignedOn: IsoDate): IsoDate[] {
  if (deadline.kind === 'date') return [deadline.date];
  const out: IsoDate[] = [];
  let { year, month } = splitIsoDate(assignedOn);
  for (;;) {
    const due = isoDate(year, month, Math.min(deadline.day, daysInMonth(year, month)));
    if (due > deadline.until) break;
    if (due > assignedOn) out.push(due);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out.length > 0 ? out : [deadline.until];
}

export interface StatusResult {
  status: DerivedStatus;
  stored: StoredState;
  /** The deadline in force, and the due date that decides the status (the next open occurrence when recurring). */
  deadline: Deadline;
  dueDate: IsoDate;
  /** Date the office confirmed completion, if it had by `asOf`. */
  confirmedOn: IsoDate | null;
  /** Days past the due date (overdue, done late); 0 otherwise. */
  daysLate: number;
  /** Whether the task has fallen due by `asOf` ("nhiệm vụ đến hạn"): done, or its due date has passed. */
  fallenDue: boolean;
}

function lastFactOn(task: TaskFacts, action: TaskAction, asOf: IsoDate): IsoDate | null {
  let on: IsoDate | null = null;
  for (const fact of task.facts) if (fact.action === action && fact.on <= asOf) on = fact.on;
  return on;
}

/** For a recurring task: each occurrence and the first report that answered it (by `asOf`). */
function coverage(task: TaskFacts, deadline: Deadline, asOf: IsoDate) {
  const dues = occurrences(deadline, task.assignedOn);
  const reported = new Map<string, IsoDate>();
  for (const fact of task.facts) {
    if (fact.on > asOf || (fact.action !== 'report' && fact.action !== 'report_done')) continue;
    const month = fact.period ?? fact.on.slice(0, 7);
    if (!reported.has(month)) reported.set(month, fact.on);
  }
  return dues.map((due) => ({ due, reportedOn: reported.get(due.slice(0, 7)) ?? null }));
}

/**
 * The status users see on `asOf`. A deadline date is met by anything done on that day; the task is overdue from
 * the next day. Completion counts from the office's confirmation, not from the unit's own report of it.
 * @example deriveStatus({ assignedOn: '2020-02-26', deadline: { kind: 'date', date: '2020-03-31' }, facts: [] }, '2020-04-01').status // 'overdue'
 */
export function deriveStatus(task: TaskFacts, asOf: IsoDate): StatusResult {
  const stored = storedStateAt(task, asOf);
  const deadline = deadlineInForce(task, asOf);
  const confirmedOn = stored === 'confirmed_done' ? lastFactOn(task, 'confirm', asOf) : null;
  const started = task.facts.some((f) => f.on <= asOf && f.action !== 'cancel');
  const result = (status: DerivedStatus, dueDate: IsoDate, against: IsoDate): StatusResult => ({
    status,
    stored,
    deadline,
    dueDate,
    confirmedOn,
    daysLate: Math.max(0, daysBetween(dueDate, against)),
    fallenDue: status === 'done_on_time' || status === 'done_late' || status === 'overdue',
  });

  if (deadline.kind === 'date') {
    const due = deadline.date;
    if (stored === 'cancelled') return result('cancelled', due, due);
    if (confirmedOn) return result(confirmedOn <= due ? 'done_on_time' : 'done_late', due, confirmedOn);
    if (asOf > due) return result('overdue', due, asOf);
    return result(stored === 'assigned' && !started ? 'not_started' : 'in_progress', due, asOf);
  }

  // Recurring: each monthly report is due on its day; the obligation ends with the office's confirmation.
  const cover = coverage(task, deadline, asOf);
  const end = deadline.until;
  if (stored === 'cancelled') return result('cancelled', end, end);
  if (confirmedOn) {
    const lateOccurrence = cover.find((c) => c.reportedOn === null || c.reportedOn > c.due);
    const late = confirmedOn > end || lateOccurrence !== undefined;
    const lateBy = lateOccurrence
      ? daysBetween(lateOccurrence.due, lateOccurrence.reportedOn ?? confirmedOn)
      : daysBetween(end, confirmedOn);
    return {
      ...result(late ? 'done_late' : 'done_on_time', end, confirmedOn),
      daysLate: Math.max(0, lateBy),
    };
  }
  const missed = cover.find((c) => c.due < asOf && c.reportedOn === null);
  if (missed) return result('overdue', missed.due, asOf);
  if (asOf > end) return result('overdue', end, asOf);
  const next = cover.find((c) => c.reportedOn === null)?.due ?? end;
  return result(stored === 'assigned' && !started ? 'not_started' : 'in_progress', next, asOf);
}

export interface CompletionSummary {
  total: number;
  notStarted: number;
  inProgress: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  /** Tasks fallen due: done (on time or late) plus overdue, the denominator official reports use. */
  fallenDue: number;
  /** Done over fallen due, in percent with two decimals; null when nothing has fallen due. */
  completionRate: number | null;
  /** Overdue over fallen due, in percent ("tỷ lệ nhiệm vụ quá hạn"). */
  overdueRate: number | null;
}

/**
 * Counts as Báo cáo 1270/BC-TCTTTg does: "16.051 nhiệm vụ đến hạn đã hoàn thành, đạt 98,62%" is done over done
 * plus overdue; cancelled tasks are left out.
 */
export function summarise(statuses: DerivedStatus[]): CompletionSummary {
  const count = (s: DerivedStatus) => statuses.filter((x) => x === s).length;
  const doneOnTime = count('done_on_time');
  const doneLate = count('done_late');
  const overdue = count('overdue');
  const fallenDue = doneOnTime + doneLate + overdue;
  const pct = (n: number) => (fallenDue === 0 ? null : Math.round((n / fallenDue) * 10000) / 100);
  return {
    total: statuses.filter((s) => s !== 'cancelled').length,
    notStarted: count('not_started'),
    inProgress: count('in_progress'),
    doneOnTime,
    doneLate,
    overdue,
    fallenDue,
    completionRate: pct(doneOnTime + doneLate),
    overdueRate: pct(overdue),
  };
}

/** A deadline as a report writes it: "31/03/2020", or "hằng tháng, ngày 25, đến 31/12/2020". */
export function formatDeadline(deadline: Deadline): string {
  const vi = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return deadline.kind === 'date'
    ? vi(deadline.date)
    : `hằng tháng, ngày ${deadline.day}, đến ${vi(deadline.until)}`;
}

/** The day after a date: the first day a task with that deadline is overdue. */
export function firstOverdueDay(deadline: Deadline): IsoDate {
  return addDays(finalDate(deadline), 1);
}
