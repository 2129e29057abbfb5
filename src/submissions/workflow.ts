/**
 * The life of a unit's report for one form and period:
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──lock──▶ locked
 *     ▲                  │                     │                  │
 *     └──── returned ◀───┴──────return─────────┘                  │
 *              ▲                                                  │
 *              └───────────────────reopen─────────────────────────┘
 *
 * Only draft and returned reports can be edited. Returning and reopening need a reason; reopening a locked (or
 * approved) report is how a figure of a closed period gets corrected, and it is recorded.
 */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'locked', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_ACTIONS = ['submit', 'approve', 'return', 'lock', 'reopen'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

const TRANSITIONS: Record<
  SubmissionAction,
  { from: SubmissionStatus[]; to: SubmissionStatus; needsReason: boolean }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', needsReason: false },
  approve: { from: ['submitted'], to: 'approved', needsReason: false },
  return: { from: ['submitted', 'approved'], to: 'returned', needsReason: true },
  lock: { from: ['approved'], to: 'locked', needsReason: false },
  reopen: { from: ['approved', 'locked'], to: 'returned', needsReason: true },
};

export const STATUS_LABEL_VI: Record<SubmissionStatus, string> = {
  draft: 'Đang nhập',
  submitted: 'Đã gửi',
  approved: 'Đã phê duyệt',
  locked: 'Đã khóa',
  returned: 'Bị trả lại',
};

export type TransitionCheck =
  | { ok: true; to: SubmissionStatus }
  | { ok: false; messageVi: string; messageEn: string };

/** Whether an action may move a report from its current status, and where to. */
export function checkTransition(
  action: SubmissionAction,
  from: SubmissionStatus,
  reason: string | null | undefined,
): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      messageVi: `Không thể thực hiện "${action}" khi báo cáo ở trạng thái "${STATUS_LABEL_VI[from]}"`,
      messageEn: `cannot ${action} a report that is ${from}`,
    };
  }
  if (rule.needsReason && !(reason ?? '').trim()) {
    return { ok: false, messageVi: 'Cần ghi rõ lý do', messageEn: 'a reason is required' };
  }
  return { ok: true, to: rule.to };
}

export function isEditable(status: SubmissionStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** On time when submitted by the end of the deadline day in Vietnam (UTC+7). */
export function timeliness(submittedAt: string | null, deadline: string): 'on_time' | 'late' | 'missing' {
  if (!submittedAt) return 'missing';
  const endOfDeadline = new Date(`${deadline}T23:59:59.999+07:00`).getTime();
  return new Date(submittedAt).getTime() <= endOfDeadline ? 'on_time' : 'late';
}

/** What is stored of a report: its current status and the times on it. */
export interface StoredReportTimes {
  status: string;
  updated_at: string;
  submitted_at: string | null;
  approved_at: string | null;
  locked_at: string | null;
}

/** A report as it stood at an instant: its status then, and when the submission then in force was made. */
export interface ReportStateAt {
  status: SubmissionStatus;
  submittedAt: string | null;
}

/**
 * A report's state at an instant, from its recorded transitions (in order) where there are any, otherwise from
 * the times on the report. A report submitted before the instant and returned and submitted again after it was
 * received at its first submission: the later one had not happened yet.
 */
export function reportStateAt(
  row: StoredReportTimes,
  events: ReadonlyArray<{ at: string; to_status: string }> | undefined,
  instant: string,
): ReportStateAt {
  if (events && events.length > 0) {
    let status: SubmissionStatus = 'draft';
    let submittedAt: string | null = null;
    for (const e of events) {
      if (e.at > instant) break;
      status = e.to_status as SubmissionStatus;
      if (status === 'submitted') submittedAt = e.at;
    }
    return { status, submittedAt: isEditable(status) ? null : submittedAt };
  }
  if (row.locked_at && row.locked_at <= instant)
    return { status: 'locked', submittedAt: row.submitted_at ?? row.locked_at };
  if (row.approved_at && row.approved_at <= instant)
    return { status: 'approved', submittedAt: row.submitted_at ?? row.approved_at };
  if (row.submitted_at && row.submitted_at <= instant)
    return row.status === 'returned' && row.updated_at <= instant
      ? { status: 'returned', submittedAt: null }
      : { status: 'submitted', submittedAt: row.submitted_at };
  return { status: 'draft', submittedAt: null };
}

/**
 * The transitions a report went through before its history was kept (a report loaded with its times), recovered
 * from the times on it, so that its first recorded transition does not erase when it was submitted.
 */
export function transitionsFromTimes(
  row: Pick<StoredReportTimes, 'status' | 'submitted_at' | 'approved_at' | 'locked_at'>,
): Array<{
  action: SubmissionAction;
  from_status: SubmissionStatus;
  to_status: SubmissionStatus;
  at: string;
}> {
  if (row.submitted_at === null || isEditable(row.status as SubmissionStatus)) return [];
  const out: Array<{
    action: SubmissionAction;
    from_status: SubmissionStatus;
    to_status: SubmissionStatus;
    at: string;
  }> = [{ action: 'submit', from_status: 'draft', to_status: 'submitted', at: row.submitted_at }];
  if (row.approved_at !== null && (row.status === 'approved' || row.status === 'locked'))
    out.push({ action: 'approve', from_status: 'submitted', to_status: 'approved', at: row.approved_at });
  if (row.locked_at !== null && row.status === 'locked' && row.approved_at !== null)
    out.push({ action: 'lock', from_status: 'approved', to_status: 'locked', at: row.locked_at });
  return out;
}
