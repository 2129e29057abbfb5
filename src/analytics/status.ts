import { SUBMISSION_STATUSES } from '../submissions/workflow.ts';

/**
 * Which reports an aggregate counts. A figure belongs to a unit's report for a form and period, and the report has a
 * status (draft, submitted, approved, locked, or returned to the unit for correction). By default the ministry
 * counts what units have submitted: `submitted` counts submitted, approved and locked reports; `approved` only
 * approved and locked ones; `draft` everything stored, drafts and returned reports included.
 */
export const INCLUDE_LEVELS = ['approved', 'submitted', 'draft'] as const;
export type IncludeLevel = (typeof INCLUDE_LEVELS)[number];

/** A briefing compiled on the deadline day reads what units have submitted (see README, "Data status"). */
export const DEFAULT_INCLUDE: IncludeLevel = 'submitted';

/** The states a report can be in for an aggregate's coverage; `not_started` is a report with no row at all. */
export const REPORT_STATES = ['not_started', 'draft', 'returned', 'submitted', 'approved', 'locked'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

const COUNTED: Record<IncludeLevel, readonly string[]> = {
  approved: ['approved', 'locked'],
  submitted: ['submitted', 'approved', 'locked'],
  draft: ['draft', 'returned', 'submitted', 'approved', 'locked'],
};

/** The statuses a stored report can have whose figures an aggregate does not count, given those it counts. */
export function uncountedStatuses(counted: readonly string[]): string[] {
  return SUBMISSION_STATUSES.filter((s) => !counted.includes(s));
}

/** The report statuses whose figures an aggregate counts at a level of inclusion. */
export function countedStatuses(include: IncludeLevel): readonly string[] {
  return COUNTED[include];
}

/** Reports in each state, all zero. */
export function emptyStates(): Record<ReportState, number> {
  return { not_started: 0, draft: 0, returned: 0, submitted: 0, approved: 0, locked: 0 };
}

const RANK: Record<string, number> = {
  not_started: 0,
  draft: 1,
  returned: 2,
  submitted: 3,
  approved: 4,
  locked: 5,
};

/** Of two states of one unit over several stored periods, the one furthest from done (a quarter is as far along as its
 * least advanced month). */
export function weakerState(a: ReportState, b: ReportState): ReportState {
  return (RANK[a] ?? 0) <= (RANK[b] ?? 0) ? a : b;
}

export function asReportState(status: string | undefined): ReportState {
  if (status === undefined) return 'not_started';
  return (REPORT_STATES as readonly string[]).includes(status) ? (status as ReportState) : 'draft';
}

/** The response header by which a file answer (a spreadsheet, a CSV, a DHIS2 set) states what its figures count:
 * "include=submitted; counts=submitted,approved,locked". */
export const DATA_STATUS_HEADER = 'x-data-status';

export function dataStatusHeader(include: IncludeLevel = DEFAULT_INCLUDE): string {
  return `include=${include}; counts=${countedStatuses(include).join(',')}`;
}
