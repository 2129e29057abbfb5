import { formatNumber } from '../vietnamese/numbers.ts';

/**
 * Outliers against a unit's own history, by the modified z-score of Iglewicz and Hoaglin:
 *   z = |x − median| / (1.4826 · MAD)   flagged when z > 3.5,
 * where MAD is the median absolute deviation of the history (1.4826 · MAD estimates the standard deviation of
 * normal data, and neither a past outlier nor a single bad month moves the median or the MAD much).
 *
 * MAD = 0 happens whenever half the months or more carry the same figure (a quiet commune with 0 explosions most
 * months). Dividing by it would flag any change, so the scale falls back, in turn, to 1.2533 · mean absolute
 * deviation (the same estimate for normal data), and is never below a floor: 10 % of the median, and the
 * indicator's resolution (1 for counts). So a flat series of 1,000 is not flagged for 1,040, while a commune
 * that always reports 0 is flagged for 4 but not for 1.
 */
export const OUTLIER_THRESHOLD = 3.5;
/** At least this many past months must carry a figure before anything is called unusual. */
export const MIN_HISTORY = 6;
export const HISTORY_MONTHS = 12;

export interface OutlierResult {
  flagged: boolean;
  value: number;
  median: number;
  mad: number;
  /** The scale used: 1.4826 · MAD or its fallback. */
  scale: number;
  score: number;
  /** How many past figures were used. */
  months: number;
  /** value / median, null when the median is 0. */
  ratio: number | null;
  explanationVi: string;
  explanationEn: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function formatRatio(ratio: number): string {
  // One decimal reads well ("gấp 6,3 lần"); small ratios keep two so that 0,04 is not shown as 0.
  return formatNumber(ratio, ratio < 0.1 ? 2 : 1);
}

/**
 * Judges one figure against its history (the figures of the previous months, missing months left out); null
 * when there is too little history to judge. Pure.
 * Example: checkOutlier(63, [10, 9, 11, 10, 12, 8, 10, 11, 9, 10, 12, 10]) → flagged, "gấp 6,3 lần trung vị 12 tháng (trung vị: 10)".
 */
export function checkOutlier(
  value: number,
  history: readonly number[],
  options: { resolution?: number; threshold?: number; minHistory?: number } = {},
): OutlierResult | null {
  const minHistory = options.minHistory ?? MIN_HISTORY;
  if (history.length < minHistory || !Number.isFinite(value)) return null;
  const m = median(history);
  const deviations = history.map((v) => Math.abs(v - m));
  const mad = median(deviations);
  let scale = 1.4826 * mad;
  if (scale === 0) scale = (1.2533 * deviations.reduce((a, b) => a + b, 0)) / deviations.length;
  scale = Math.max(scale, 0.1 * Math.abs(m), options.resolution ?? 1);
  const score = Math.abs(value - m) / scale;
  const flagged = score > (options.threshold ?? OUTLIER_THRESHOLD);
  const ratio = m === 0 ? null : value / m;
  const months = history.length;
  const med = formatNumber(m, 3);
  let explanationVi: string;
  let explanationEn: string;
  if (ratio === null) {
    explanationVi = `${formatNumber(value, 3)}, trong khi trung vị ${months} tháng là 0`;
    explanationEn = `${value} while the ${months}-month median is 0`;
  } else if (value === 0) {
    explanationVi = `bằng 0, trong khi trung vị ${months} tháng là ${med}`;
    explanationEn = `0 while the ${months}-month median is ${m}`;
  } else if (ratio >= 1) {
    explanationVi = `gấp ${formatRatio(ratio)} lần trung vị ${months} tháng (trung vị: ${med})`;
    explanationEn = `${ratio.toFixed(1)} times the ${months}-month median (median: ${m})`;
  } else {
    explanationVi = `bằng ${formatRatio(ratio)} lần trung vị ${months} tháng (trung vị: ${med})`;
    explanationEn = `${ratio.toFixed(ratio < 0.1 ? 2 : 1)} times the ${months}-month median (median: ${m})`;
  }
  return { flagged, value, median: m, mad, scale, score, months, ratio, explanationVi, explanationEn };
}
