export { extractTextFromDocx } from './docx.ts';
export { extract } from './extract.ts';
export type { BaselineRule, ExtractionRules, FieldRule, IndicatorRule, UnitKind, UnitRule } from './rules.ts';
export { RULES } from './rules.ts';
export type {
  BaselineKind,
  Comparison,
  Direction,
  ExtractionResult,
  Figure,
  PeriodMention,
  Span,
  UnitMention,
} from './types.ts';
