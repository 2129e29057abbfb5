import type { Catalogue } from '../indicators/registry.ts';
import { type Expr, evaluate, type FigureMap, parseRule, RuleSyntaxError, references } from './expression.ts';
import type { RuleImportance, ValidationRule } from './rules.ts';

export interface RuleFinding {
  ruleId: string;
  severity: RuleImportance;
  messageVi: string;
  messageEn: string;
  /** Cells the rule reads ("indicator" or "indicator/option"); a warning is explained by a comment on one of them. */
  fields: string[];
}

const compiled = new Map<string, Expr>();

/** Parses a rule's expression once; rules are data that rarely change, so the tree is kept by its text. */
export function compileRule(rule: Pick<ValidationRule, 'expression'>): Expr {
  let expr = compiled.get(rule.expression);
  if (!expr) {
    expr = parseRule(rule.expression);
    compiled.set(rule.expression, expr);
  }
  return expr;
}

/**
 * Checks figures against rules and returns the broken ones, in rule order. A missing figure counts as 0; a rule
 * whose figures are all missing is skipped (nothing was reported, so nothing contradicts), and so is one that
 * cannot be decided (a division by zero). Pure.
 * Example: validateFigures(new Map([['crime.solved', 5], ['crime.occurred', 3]]), rules) → the solved ≤ occurred finding.
 */
export function validateFigures(
  values: ReadonlyMap<string, number | null>,
  rules: readonly ValidationRule[],
): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const rule of rules) {
    const result = evaluate(compileRule(rule), values as FigureMap);
    if (result.result !== false) continue;
    out.push({
      ruleId: rule.id,
      severity: rule.importance,
      messageVi: rule.messageVi,
      messageEn: rule.messageEn,
      fields: result.fields,
    });
  }
  return out;
}

export interface RuleProblem {
  ruleId: string;
  reasonVi: string;
  reasonEn: string;
  /** 1-based column in the expression, where the problem is a syntax error. */
  column?: number;
}

/**
 * Checks rules against the catalogue: each parses, names known indicators and options, and does not read an
 * indicator with options bare (that figure does not exist; use sum() or name the option). Ids must be unique.
 */
export function checkRules(rules: readonly ValidationRule[], catalogue: Catalogue): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id))
      problems.push({ ruleId: rule.id, reasonVi: 'trùng mã quy tắc', reasonEn: 'duplicate rule id' });
    ids.add(rule.id);
    let expr: Expr;
    try {
      expr = parseRule(rule.expression);
    } catch (error) {
      if (!(error instanceof RuleSyntaxError)) throw error;
      problems.push({
        ruleId: rule.id,
        reasonVi: error.reasonVi,
        reasonEn: error.reasonEn,
        column: error.column,
      });
      continue;
    }
    for (const ref of references(expr)) {
      const indicator = catalogue.indicator(ref.indicator);
      if (!indicator) {
        problems.push({
          ruleId: rule.id,
          reasonVi: `không có chỉ tiêu "${ref.indicator}"`,
          reasonEn: `unknown indicator "${ref.indicator}"`,
        });
      } else if (ref.option === null && indicator.options.length > 0) {
        problems.push({
          ruleId: rule.id,
          reasonVi: `chỉ tiêu ${ref.indicator} có phân tổ: dùng sum(${ref.indicator}) hoặc ${ref.indicator}[phân tổ]`,
          reasonEn: `${ref.indicator} has options: use sum(${ref.indicator}) or name the option`,
        });
      } else if (ref.option !== null && ref.option !== '*' && !indicator.optionIds.has(ref.option)) {
        problems.push({
          ruleId: rule.id,
          reasonVi: `chỉ tiêu ${ref.indicator} không có phân tổ "${ref.option}"`,
          reasonEn: `${ref.indicator} has no option "${ref.option}"`,
        });
      }
    }
  }
  return problems;
}

/** The rules whose every indicator is on a form: a rule spanning two forms cannot be judged on one of them. */
export function rulesForIndicators(
  rules: readonly ValidationRule[],
  indicators: readonly string[],
): ValidationRule[] {
  const on = new Set(indicators);
  return rules.filter((rule) => references(compileRule(rule)).every((r) => on.has(r.indicator)));
}
