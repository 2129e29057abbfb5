import { roundTo } from '../vietnamese/numbers.ts';

export interface Change {
  absolute: number;
  /** (current − base) / base × 100, rounded to 2 decimals; null where the base is 0. */
  percent: number | null;
  direction: 'up' | 'down' | 'same';
}

/** Absolute and relative change; null when either side is missing (not reported, or not comparable). */
export function changeBetween(
  current: number | null | undefined,
  base: number | null | undefined,
  decimals: number,
): Change | null {
  if (current === null || current === undefined || base === null || base === undefined) return null;
  const absolute = roundTo(current - base, decimals);
  return {
    absolute,
    percent: base === 0 ? null : roundTo(((current - base) / base) * 100, 2),
    direction: absolute > 0 ? 'up' : absolute < 0 ? 'down' : 'same',
  };
}

export interface Notability {
  /** The variance-stabilised difference of two Poisson counts: 2(√current − √base). */
  z: number;
  notable: boolean;
}

/** Threshold on |z|: beyond ±3 a change of counts is unlikely to be noise. */
export const NOTABLE_Z = 3;

/**
 * Whether a change of counts stands out from noise. Counts of events are roughly Poisson, and the square root
 * stabilises their variance (Var √X ≈ 1/4), so 2(√a − √b) is about standard normal when nothing changed:
 * a rise from 2 to 4 cases gives z ≈ 1.2 (noise), from 200 to 260 gives z ≈ 3.97 (notable).
 */
export function notableChange(
  current: number | null | undefined,
  base: number | null | undefined,
): Notability | null {
  if (current === null || current === undefined || base === null || base === undefined) return null;
  if (current < 0 || base < 0) return null;
  const z = roundTo(2 * (Math.sqrt(current) - Math.sqrt(base)), 2);
  return { z, notable: Math.abs(z) > NOTABLE_Z };
}
