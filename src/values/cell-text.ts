import type { RollupRow } from './repository.ts';

/**
 * Cells from the text a database writes for one period's and indicator's figures: "unit option value" triples, every
 * number separated from the next by a single space ("17 0 138.6 18 0 2 …"). Read character by character into the
 * cells, with no string made for a number: a drill-down's 4,000 figures read as rows made 20,000 field strings and
 * 4,000 row objects, which cost more than the database's own work and then the collector's.
 */
export function cellsFromText(period: string, indicatorId: number, text: string, out: RollupRow[]): void {
  let at = 0;
  const end = text.length;
  while (at < end) {
    const unitEnd = spaceAfter(text, at);
    const unitId = integerIn(text, at, unitEnd);
    const optionEnd = spaceAfter(text, unitEnd + 1);
    const optionId = integerIn(text, unitEnd + 1, optionEnd);
    const valueEnd = spaceAfter(text, optionEnd + 1);
    const value = numberIn(text, optionEnd + 1, valueEnd);
    out.push({ period, indicatorId, optionId, unitId, value, count: 1 });
    at = valueEnd + 1;
  }
}

function spaceAfter(text: string, from: number): number {
  const found = text.indexOf(' ', from);
  return found === -1 ? text.length : found;
}

function integerIn(text: string, from: number, to: number): number {
  let n = 0;
  let negative = false;
  let i = from;
  if (text.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  if (i >= to) throw new Error(`not a whole number: "${text.slice(from, to)}"`);
  for (; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) throw new Error(`not a whole number: "${text.slice(from, to)}"`);
    n = n * 10 + digit;
  }
  return negative ? -n : n;
}

/** Exact powers of ten: up to 10^22 each is a double exactly. */
const TENS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The double a decimal text stands for, as `parseFloat` reads it. Up to 15 significant digits and a power of ten up to
 * 22 either way, the digits as a whole number and the power are both exact doubles, and one multiplication or
 * division rounds correctly (Clinger's fast path); anything else (more digits, larger powers, "NaN", "Infinity") is
 * left to `parseFloat`.
 */
function numberIn(text: string, from: number, to: number): number {
  let i = from;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let digits = 0;
  let mantissa = 0;
  let scale = 0;
  let seenDigit = false;
  let seenPoint = false;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      seenDigit = true;
      if (mantissa !== 0 || c !== 48) digits++;
      mantissa = mantissa * 10 + (c - 48);
      if (seenPoint) scale--;
    } else if (c === 46 && !seenPoint) seenPoint = true;
    else break;
  }
  if (i < to && (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69) && seenDigit) {
    i++;
    let exponentNegative = false;
    const sign = text.charCodeAt(i);
    if (sign === 45 || sign === 43) {
      exponentNegative = sign === 45;
      i++;
    }
    let exponent = 0;
    let exponentDigits = 0;
    for (; i < to; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      exponent = exponent * 10 + digit;
      exponentDigits++;
    }
    if (exponentDigits === 0) return slowNumber(text, from, to);
    scale += exponentNegative ? -exponent : exponent;
  }
  if (i !== to || !seenDigit || digits > 15 || scale > 22 || scale < -22) return slowNumber(text, from, to);
  const magnitude = scale >= 0 ? mantissa * (TENS[scale] as number) : mantissa / (TENS[-scale] as number);
  return negative ? -magnitude : magnitude;
}

function slowNumber(text: string, from: number, to: number): number {
  const written = text.slice(from, to);
  const value = Number(written);
  if (written.trim() === '' || (Number.isNaN(value) && written !== 'NaN'))
    throw new Error(`not a number: "${written}"`);
  return value;
}
