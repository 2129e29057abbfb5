// Checks figures while they are typed, with the server's own rule definitions and evaluator (src/validation is
// pure: no SQL, no HTTP), so that the page and the submission step can never disagree about a rule.
import { checkOutlier } from '../../src/validation/outliers.ts';
import { DEMO_RULES } from '../../src/validation/rules.ts';
import { rulesForIndicators, validateFigures } from '../../src/validation/validate.ts';

export interface LiveFinding {
  /** A stable id: the rule's, or "outlier:" and the cell. */
  id: string;
  kind: 'critical' | 'warning' | 'outlier';
  messageVi: string;
  messageEn: string;
  /** Cells concerned ("indicator" or "indicator/option"); a comment on one of them explains the finding. */
  fields: string[];
}

/** A unit's last 12 months of each cell, as the server gives them (`/api/validation/history`). */
export interface OutlierHistory {
  months: number;
  cells: Record<string, number[]>;
  resolution: Record<string, number>;
}

/**
 * The rules broken by the figures and the figures far from the unit's own history. Critical rules must be
 * fixed; warnings and outliers are fixed or explained. Pure.
 */
export function liveFindings(
  values: ReadonlyMap<string, number | null>,
  formIndicators: readonly string[],
  history: OutlierHistory | null,
): LiveFinding[] {
  const out: LiveFinding[] = validateFigures(values, rulesForIndicators(DEMO_RULES, formIndicators)).map(
    (f) => ({
      id: f.ruleId,
      kind: f.severity,
      messageVi: f.messageVi,
      messageEn: f.messageEn,
      fields: f.fields,
    }),
  );
  if (history) {
    for (const [key, value] of values) {
      if (value === null) continue;
      const result = checkOutlier(value, history.cells[key] ?? [], {
        resolution: history.resolution[key] ?? 1,
      });
      if (!result?.flagged) continue;
      out.push({
        id: `outlier:${key}`,
        kind: 'outlier',
        messageVi: `Bất thường: ${result.explanationVi}`,
        messageEn: `Unusual: ${result.explanationEn}`,
        fields: [key],
      });
    }
  }
  return out;
}

/** A finding is open until fixed, or, unless critical, until one of its cells carries an explanation. */
export function isOpen(finding: LiveFinding, comments: ReadonlyMap<string, string>): boolean {
  if (finding.kind === 'critical') return true;
  return !finding.fields.some((field) => (comments.get(field) ?? '').trim() !== '');
}
