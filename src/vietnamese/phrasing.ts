/**
 * Comparison phrases for the generated narrative and the dashboard cards, in the wording of ministry
 * reports: "tăng 464 vụ (+9,79%)", "giảm 3.009 vụ (-24,25%) so với cùng kỳ năm 2024".
 * A change is computed once (describeChange) and then worded against a baseline given as data.
 */

import { formatNumber, formatPaddedCount, formatPercent, roundTo } from './numbers.ts';

export type ChangeDirection = 'up' | 'down' | 'same';

/** Which parts of the change to write: "tăng 464 vụ (+9,79%)", "tăng 9,79%" or "tăng 464 vụ". */
export type ChangeShape = 'absolute-and-percent' | 'percent' | 'absolute';

export interface ChangeInput {
  current: number;
  previous: number;
  /** Decimals kept in the absolute difference (0 for counts, 1–3 for kg or tỷ đồng). Default 0. */
  decimals?: number;
  /** Unit written after the absolute difference: "vụ", "người chết", "kg". Left out when absent. */
  unit?: string;
  shape?: ChangeShape;
  /** Decimals of the percentage; ministry texts use 2. */
  percentDecimals?: number;
  /**
   * Leave the percentage out of the text when the base is below this (it is still returned), as reports
   * do for small numbers: "tăng 04 người chết". The percentage is always left out when the base is 0.
   */
  omitPercentBelow?: number;
  /** Pad counts below 10 with a zero ("giảm 05 vụ"), as MPS statistical texts do. */
  padCounts?: boolean;
  /** Write the sign in the bracketed percentage: "(+9,79%)" (default) or "(9,79%)". */
  signedPercent?: boolean;
}

export interface Change {
  direction: ChangeDirection;
  /** |current − previous|, rounded to `decimals`. */
  absolute: number;
  /** current − previous, rounded to `decimals`. */
  delta: number;
  /** (current − previous) / previous × 100, rounded; null when the base is 0. Signed. */
  percent: number | null;
  /** The phrase without a baseline: "tăng 464 vụ (+9,79%)", "không thay đổi". */
  text: string;
}

const VERB: Record<ChangeDirection, string> = { up: 'tăng', down: 'giảm', same: 'không thay đổi' };

/**
 * describeChange({ current: 5203, previous: 4739, unit: 'vụ' }).text → "tăng 464 vụ (+9,79%)".
 * Percent = (current − previous) / previous × 100, as the ministry computes it (DOMAIN §4.1).
 */
export function describeChange(input: ChangeInput): Change {
  const {
    current,
    previous,
    decimals = 0,
    unit,
    shape = 'absolute-and-percent',
    percentDecimals = 2,
    omitPercentBelow = 0,
    padCounts = false,
    signedPercent = true,
  } = input;
  const delta = roundTo(current - previous, decimals);
  const direction: ChangeDirection = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
  const absolute = Math.abs(delta);
  // A negative base only happens for balances; dividing by its size keeps the sign of the change.
  const percent = previous === 0 ? null : roundTo((delta / Math.abs(previous)) * 100, percentDecimals);

  let text = VERB[direction];
  if (direction !== 'same') {
    const amount = padCounts ? formatPaddedCount(absolute) : formatNumber(absolute, decimals);
    const absoluteText = unit ? `${amount} ${unit}` : amount;
    const percentShown = percent !== null && Math.abs(previous) >= omitPercentBelow;
    const percentText = percent === null ? '' : formatPercent(Math.abs(percent), percentDecimals);
    if (shape === 'percent' && percentShown) {
      text += ` ${percentText}`;
    } else {
      text += ` ${absoluteText}`;
      if (shape === 'absolute-and-percent' && percentShown) {
        const sign = signedPercent ? (direction === 'up' ? '+' : '-') : '';
        text += ` (${sign}${percentText})`;
      }
    }
  }
  return { direction, absolute, delta, percent, text };
}

/** What a figure is compared with. Months 1 and 2 are padded as in administrative dates ("tháng 01/2020"). */
export type Baseline =
  | { kind: 'previous-month' }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'same-period-last-year' }
  | { kind: 'same-period'; year: number }
  | { kind: 'previous-period' }
  /** A holiday window: "9 ngày nghỉ Tết Ất Tỵ năm 2025". */
  | { kind: 'holiday'; days: number; name: string; year: number }
  | { kind: 'label'; text: string };

/** baselineLabel({ kind: 'same-period', year: 2019 }) → "cùng kỳ năm 2019". */
export function baselineLabel(baseline: Baseline): string {
  switch (baseline.kind) {
    case 'previous-month':
      return 'tháng trước';
    case 'month': {
      const m = baseline.month <= 2 ? `0${baseline.month}` : String(baseline.month);
      return `tháng ${m}/${baseline.year}`;
    }
    case 'same-period-last-year':
      return 'cùng kỳ năm trước';
    case 'same-period':
      return `cùng kỳ năm ${baseline.year}`;
    case 'previous-period':
      return 'kỳ trước';
    case 'holiday':
      return `${baseline.days} ngày nghỉ ${baseline.name} năm ${baseline.year}`;
    case 'label':
      return baseline.text;
  }
}

/** comparedWith({ kind: 'month', year: 2020, month: 1 }) → "so với tháng 01/2020". A string is used as is. */
export function comparedWith(baseline: Baseline | string): string {
  return `so với ${typeof baseline === 'string' ? baseline : baselineLabel(baseline)}`;
}

export interface CompareSentenceOptions {
  /**
   * 'change-first' (default): "tăng 9,79% so với cùng kỳ năm 2019";
   * 'baseline-first': "So với tháng 7/2024, tăng 464 vụ (+9,79%)", capitalised as a sentence opener.
   */
  order?: 'change-first' | 'baseline-first';
}

/**
 * compareSentence(describeChange({ current: 1801, previous: 1891, unit: 'vụ' }), { kind: 'previous-month' })
 * → "giảm 90 vụ (-4,76%) so với tháng trước".
 */
export function compareSentence(
  change: Pick<Change, 'text'>,
  baseline: Baseline | string,
  options: CompareSentenceOptions = {},
): string {
  const against = comparedWith(baseline);
  if (options.order === 'baseline-first') {
    return `S${against.slice(1)}, ${change.text}`;
  }
  return `${change.text} ${against}`;
}

/** joinVietnameseList(['a', 'b', 'c']) → "a, b và c"; pass 'hoặc' for alternatives. */
export function joinVietnameseList(items: readonly string[], conjunction: 'và' | 'hoặc' = 'và'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export interface PairOptions {
  /** ' - ' (default, "1.457 vụ - 1.978 đối tượng") or '/' ("20 vụ/52 đối tượng"). */
  separator?: ' - ' | '/';
  /** Pad counts below 10 with a zero ("02 vụ"). */
  padCounts?: boolean;
  /** Override the units, e.g. { suspects: 'bị can' }. */
  units?: { cases?: string; suspects?: string };
}

/** casesAndSuspects(1457, 1978) → "1.457 vụ - 1.978 đối tượng". */
export function casesAndSuspects(cases: number, suspects: number, options: PairOptions = {}): string {
  const { separator = ' - ', padCounts = false, units = {} } = options;
  const count = padCounts ? formatPaddedCount : (n: number) => formatNumber(n);
  return `${count(cases)} ${units.cases ?? 'vụ'}${separator}${count(suspects)} ${units.suspects ?? 'đối tượng'}`;
}
