/** The key of one figure: which form, unit, indicator, option (0 = none) and period. */
export interface ValueKey {
  formId: number;
  unitId: number;
  indicatorId: number;
  optionId: number;
  period: string;
}

export interface ValueInput extends ValueKey {
  /** null clears the figure (the earlier one stays in history). */
  value: number | null;
  comment: string | null;
  /** The version the writer last saw; a mismatch is a conflict, never a silent overwrite. */
  expectedVersion?: number | undefined;
}

export interface StoredValue extends ValueKey {
  value: number | null;
  comment: string | null;
  version: number;
  changeId: number;
}

/** Who changed figures, when, from where and why: one row per save or import. */
export interface ChangeSetInput {
  at: string;
  userId: number | null;
  source: 'web' | 'api' | 'import' | 'demo' | 'cli' | 'extraction';
  reason: string | null;
}

export interface WriteSummary {
  changeId: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
}

export function keyString(k: ValueKey): string {
  return `${k.period}|${k.indicatorId}|${k.optionId}|${k.unitId}|${k.formId}`;
}

export class VersionConflictError extends Error {
  constructor(
    readonly key: ValueKey,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`value changed by someone else (expected version ${expected}, found ${actual})`);
    this.name = 'VersionConflictError';
  }
}

/** The report a save belongs to: its figures may change only while it is a draft or returned to its unit. */
export interface ReportKey {
  formId: number;
  unitId: number;
  period: string;
}

/** The statuses in which a report's figures may be changed. */
export const EDITABLE_STATUSES: ReadonlySet<string> = new Set(['draft', 'returned']);

/** A save into a report that has been submitted, approved or locked (as found inside the save's transaction). */
export class ReportNotEditableError extends Error {
  constructor(
    readonly status: string,
    readonly report: ReportKey,
  ) {
    super(`the report is ${status}; return or reopen it first`);
    this.name = 'ReportNotEditableError';
  }
}
