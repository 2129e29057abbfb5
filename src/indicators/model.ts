import type { SecrecyLevel } from '../shared/secrecy.ts';

/** How values of an indicator combine over units and over periods. */
export type AggregationRule =
  /** Counts and quantities: add over units and over periods. */
  | { kind: 'sum' }
  /** Stocks (e.g. communes with regular police): the latest value in the range per unit, then added over units. */
  | { kind: 'latest' }
  /** Ratios: numerator and denominator are summed first, then divided; never an average of ratios. */
  | { kind: 'ratio'; numerator: IndicatorRef; denominator: IndicatorRef; scale: number };

export interface IndicatorRef {
  indicator: string;
  option: string | null;
}

/** Which way is good news for an indicator: accidents falling is good, drug seizures rising is good. */
export type GoodDirection = 'up' | 'down' | 'neutral';

export interface IndicatorOption {
  code: string;
  nameVi: string;
  nameEn: string;
}

/** A unit of measure an indicator accepts besides its own, and the factor that converts it. */
export interface UnitConversion {
  unit: string;
  factor: number;
}

export interface Indicator {
  code: string;
  field: FieldCode;
  nameVi: string;
  nameEn: string;
  /** Unit of measure as Vietnamese reports write it: vụ, đối tượng, kg, viên, khẩu, người, %, … */
  unit: string;
  valueType: 'integer' | 'decimal';
  /** Digits kept after the decimal point; aggregates are rounded to it. */
  decimals: number;
  aggregation: AggregationRule;
  goodDirection: GoodDirection;
  options: IndicatorOption[];
  /** Other units the indicator accepts, with the factor into `unit` (g → kg: 0.001). */
  conversions: UnitConversion[];
  secrecy: SecrecyLevel;
  /** Short phrase used when a sentence is generated: "vụ phạm tội về ma túy". */
  phraseVi: string;
}

export type FieldCode =
  | 'security'
  | 'drug'
  | 'crime'
  | 'wanted'
  | 'gambling'
  | 'economy'
  | 'weapons'
  | 'traffic'
  | 'fire'
  | 'commune_police';

export interface Field {
  code: FieldCode;
  nameVi: string;
  nameEn: string;
}

/** When a form is due, counted from the end of its period's data window. */
export interface DeadlineRule {
  /** Working days (Vietnamese public holidays and weekends skipped) after the window end, per reporting level. */
  workingDaysAfterWindowEnd: Partial<Record<'commune' | 'district' | 'province' | 'department', number>>;
}

export type ReporterKind = 'department' | 'province' | 'district' | 'commune';

export interface ReportForm {
  code: string;
  nameVi: string;
  nameEn: string;
  periodType: 'day' | 'month';
  /**
   * Unit kinds expected to submit this form, from a date on: the reporting network grows (communes report
   * directly to the ministry's system from the July 2025 reform on).
   */
  reporters: Array<{ from: string; kinds: ReporterKind[] }>;
  indicators: string[];
  deadline: DeadlineRule;
  secrecy: SecrecyLevel;
}

/** The unit kinds expected to submit a form on a date. */
export function reporterKindsOn(form: Pick<ReportForm, 'reporters'>, date: string): ReporterKind[] {
  let kinds: ReporterKind[] = [];
  for (const rule of form.reporters) if (rule.from <= date) kinds = rule.kinds;
  return kinds;
}

/** Every unit kind that may ever submit a form. */
export function allReporterKinds(form: Pick<ReportForm, 'reporters'>): ReporterKind[] {
  return [...new Set(form.reporters.flatMap((r) => r.kinds))];
}
