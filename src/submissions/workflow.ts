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
