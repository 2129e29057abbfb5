import type { AuditDraft } from '../audit/chain.ts';
import type { FigureSealer } from '../audit/figures.ts';
import type { ChangeSetInput, ValueInput, WriteSummary } from './model.ts';

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
