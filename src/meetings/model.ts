import type { SecrecyLevel } from '../shared/secrecy.ts';
import type { IsoDate } from '../vietnamese/dates.ts';

/** planned → held (the pack is frozen as of the meeting) → concluded (the Thông báo kết luận is issued). */
export const MEETING_STATUSES = ['planned', 'held', 'concluded'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABEL_VI: Record<MeetingStatus, string> = {
  planned: 'Dự kiến',
  held: 'Đã họp',
  concluded: 'Đã ban hành thông báo kết luận',
};

/** What an agenda item ends with: information noted, a decision taken, or a directive that becomes tasks. */
export const OUTCOME_KINDS = ['information', 'decision', 'directive'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const OUTCOME_LABEL_VI: Record<OutcomeKind, string> = {
  information: 'Thông tin',
  decision: 'Quyết định',
  directive: 'Chỉ đạo',
};

export interface AgendaItem {
  id: number;
  position: number;
  title: string;
  presenter: string | null;
  outcomeKind: OutcomeKind;
  outcome: string | null;
  /** Set on the items carried over from the previous meeting's open directives. */
  carriedTaskId: number | null;
  /** The item's own level when above the meeting's; null for the meeting's level. */
  secrecy?: SecrecyLevel | null;
}

export interface MeetingRecord {
  id: number;
  title: string;
  period: string;
  campaignId: number | null;
  heldOn: IsoDate;
  place: string;
  chair: string;
  participantIds: number[];
  status: MeetingStatus;
  minutes: string | null;
  /** The minutes' level: the meeting's unless set higher. */
  minutesSecrecy: SecrecyLevel;
  /** The briefing pack as JSON, once frozen. */
  pack: string | null;
  packFrozenAt: string | null;
  conclusion: { number: string; date: IsoDate; text: string } | null;
  secrecy: SecrecyLevel;
  createdAt: string;
  updatedAt: string;
  /** Raised by every change; an update names the version it was read at. */
  version: number;
}
