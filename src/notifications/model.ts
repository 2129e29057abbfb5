/** What a person can be told about; each user chooses, per kind, the inbox and e-mail. */
export const NOTIFICATION_KINDS = [
  'report_returned',
  'report_approved',
  'deadline_soon',
  'task_assigned',
  'task_overdue',
  'pack_ready',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const KIND_LABEL_VI: Record<NotificationKind, string> = {
  report_returned: 'Báo cáo bị trả lại',
  report_approved: 'Báo cáo được phê duyệt',
  deadline_soon: 'Sắp đến hạn nộp báo cáo (còn 2 ngày)',
  task_assigned: 'Được giao nhiệm vụ',
  task_overdue: 'Nhiệm vụ quá hạn',
  pack_ready: 'Tài liệu hội nghị đã sẵn sàng',
};

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Where the page shows the matter, as the page's own address ("/bao-cao/BC-THANG?unit=…"). */
  link: string | null;
  /** The same key is sent once: "deadline:BC-THANG/13285/2026-12:7". */
  key: string;
}

export interface Preference {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

/** Everything is on by default: nothing is missed until someone turns it off. */
export function defaultPreferences(): Preference[] {
  return NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: true, email: true }));
}

/** Days from one ISO date to another (2026-12-17 from 2026-12-15 is 2). Pure. */
export function daysBetweenIso(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A deadline is announced when it is today, tomorrow or the day after, for a report not yet sent. */
export function deadlineIsSoon(today: string, deadline: string): boolean {
  const days = daysBetweenIso(today, deadline);
  return days >= 0 && days <= 2;
}
