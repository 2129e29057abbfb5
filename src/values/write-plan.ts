import type { AuditDraft } from '../audit/chain.ts';
import type { FigureSealer } from '../audit/figures.ts';
import { type ChangeSetInput, type ValueInput, VersionConflictError, type WriteSummary } from './model.ts';

/** A figure's stored row, as a write finds it. */
export interface ExistingRow {
  value: number | null;
  comment: string | null;
  version: number;
  change_id: number;
}

/** The audit record of a write that changed something, written in the same transaction. */
export type AuditFor = (summary: WriteSummary) => AuditDraft;

/** Whether a write would store what is already stored. */
export function sameContent(existing: ExistingRow, input: ValueInput): boolean {
  return existing.value === input.value && existing.comment === input.comment;
}

/**
 * What writing `input` over its stored row (`old`, undefined when none) does, on every write path: a new figure, a
 * changed one, or nothing (the same content, or an empty figure where none is stored). A version the caller expected
 * that is not the stored one refuses the whole write (VersionConflictError).
 */
export function figureChange(
  input: ValueInput,
  old: ExistingRow | undefined,
): 'insert' | 'update' | 'unchanged' {
  if (!old) {
    if (input.expectedVersion !== undefined && input.expectedVersion !== 0)
      throw new VersionConflictError(input, input.expectedVersion, 0);
    return input.value === null && input.comment === null ? 'unchanged' : 'insert';
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== old.version)
    throw new VersionConflictError(input, input.expectedVersion, old.version);
  return sameContent(old, input) ? 'unchanged' : 'update';
}

/**
 * The audit entry that binds a change set's figure versions into the chain: the caller's, or a plain one when the
 * caller gave none, with the seal of the versions written added to its details (every write path seals this way).
 */
export function sealedDraft(
  change: ChangeSetInput,
  changeId: number,
  summary: WriteSummary,
  sealer: FigureSealer,
  audit?: AuditFor,
): AuditDraft {
  const seal = sealer.seal({
    id: changeId,
    at: change.at,
    userId: change.userId,
    source: change.source,
    reason: change.reason,
  });
  const draft: AuditDraft = audit
    ? audit(summary)
    : {
        at: change.at,
        actorId: change.userId,
        actorName: change.userId === null ? 'hệ thống' : `người dùng ${change.userId}`,
        action: 'values.write',
        target: `change_set:${summary.changeId}`,
        unitId: null,
        secrecy: 'none',
        details: { changeId: summary.changeId, inserted: summary.inserted, updated: summary.updated },
      };
  return { ...draft, details: { ...draft.details, figures: { ...seal } } };
}
