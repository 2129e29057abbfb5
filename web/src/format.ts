// Numbers and dates are always written the Vietnamese way (1.457; 138,6; 26/02/2020), in both languages: the
// figures are the ministry's official statistics and must read the same in every view and every export.

import type { Lang } from './i18n.ts';
import type { Change } from './types.ts';

/**
 * 1457 → "1.457", 138.6 → "138,6": up to `decimals` decimal places, trailing zeros dropped, a half rounded away from
 * zero, no sign on a zero. Written out rather than asked of Intl.NumberFormat: a new tab's first vi-VN formatter
 * loads the locale's data, 30–100 ms measured before a first view's figures could be drawn. It gives what Intl's
 * vi-VN formatter gives (signDisplay 'negative'), which a test checks over random numbers: like Intl it rounds the
 * shortest decimal that reads back as the number (1.005 → "1,01").
 */
export function formatNumber(value: number, decimals = 0): string {
  const text = String(Math.abs(value));
  const plain = /^(\d+)(?:\.(\d+))?$/.exec(text);
  // Very large or small numbers (written with an exponent), NaN and infinities: Intl knows their forms.
  if (!plain) return intlFormat(value, decimals);
  const whole = plain[1] ?? '0';
  const fraction = plain[2] ?? '';
  let digits = whole + fraction.slice(0, decimals).padEnd(decimals, '0');
  if ((fraction[decimals] ?? '0') >= '5') digits = incremented(digits);
  const integer = digits.slice(0, digits.length - decimals).replace(/^0+(?=\d)/, '') || '0';
  const decimalPart = digits.slice(digits.length - decimals).replace(/0+$/, '');
  const zero = /^0*$/.test(integer + decimalPart);
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 && !zero ? '-' : ''}${grouped}${decimalPart ? `,${decimalPart}` : ''}`;
}

/** A string of decimal digits plus one ("0999" → "1000"). */
function incremented(digits: string): string {
  let end = digits.length - 1;
  while (end >= 0 && digits[end] === '9') end--;
  if (end < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, end)}${Number(digits[end]) + 1}${'0'.repeat(digits.length - end - 1)}`;
}

function intlFormat(value: number, decimals: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals, signDisplay: 'negative' }).format(
    value,
  );
}

/** A value with its unit of measure: "1.457 vụ", "138,6 kg"; an em dash when there is no figure. */
export function formatQuantity(value: number | null | undefined, decimals: number, unit: string): string {
  if (value === null || value === undefined) return '—';
  return unit === '%' ? `${formatNumber(value, decimals)}%` : `${formatNumber(value, decimals)} ${unit}`;
}

/** "26/02/2020" from an ISO date or timestamp. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** "26/02/2020 14:05" in Vietnam time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

export type ParsedNumber =
  | { ok: true; value: number | null }
  | { ok: false; reason: 'ambiguous' | 'invalid' | 'negative' | 'fraction' };

/**
 * Reads a figure typed the Vietnamese way: "." groups thousands, "," marks decimals. "1.457" is 1457,
 * "138,6" is 138.6, "1.234.567,5" is 1234567.5. A "." not followed by exactly three digits ("1.5") could be
 * an English decimal point and is refused as ambiguous rather than guessed. Empty means no figure.
 */
export function parseVietnameseNumber(text: string, options: { integer: boolean }): ParsedNumber {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact === '') return { ok: true, value: null };
  if (compact.startsWith('-')) return { ok: false, reason: 'negative' };
  if (!/^[\d.,]+$/.test(compact)) return { ok: false, reason: 'invalid' };
  const [whole = '', fraction, extra] = compact.split(',');
  if (extra !== undefined || whole === '') return { ok: false, reason: 'invalid' };
  if (whole.includes('.') && !/^\d{1,3}(\.\d{3})+$/.test(whole)) {
    return { ok: false, reason: /\.\d{1,2}$|\.\d{4,}$/.test(whole) ? 'ambiguous' : 'invalid' };
  }
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { ok: false, reason: 'invalid' };
  if (fraction !== undefined && options.integer) return { ok: false, reason: 'fraction' };
  const value = Number(`${whole.replaceAll('.', '')}${fraction === undefined ? '' : `.${fraction}`}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'invalid' };
}

const UNIT_EN: Record<string, string> = {
  vụ: 'cases',
  'vụ việc': 'incidents',
  'đối tượng': 'persons',
  người: 'people',
  viên: 'units',
  bánh: 'bricks',
  khẩu: 'guns',
  quả: 'pieces',
  chiếc: 'items',
  xã: 'communes',
  'băng, nhóm': 'gangs',
  'triệu đồng': 'million VND',
};

/** The unit of measure in the reader's language ("vụ" → "cases"). */
export function unitLabel(unit: string, lang: Lang): string {
  return lang === 'en' ? (UNIT_EN[unit] ?? unit) : unit;
}

export type Comparison = 'prev' | 'yoy';

/**
 * The comparison as a briefing writes it: "tăng 136 vụ (+10,3%) so với cùng kỳ", "giảm 3 vụ so với tháng
 * trước". The percentage is left out where the base was 0. For rates (unit "%") the change is in points.
 */
export function phraseChange(
  change: Change,
  against: Comparison,
  decimals: number,
  unit: string,
  lang: Lang,
): string {
  const base =
    lang === 'vi'
      ? against === 'prev'
        ? 'so với tháng trước'
        : 'so với cùng kỳ'
      : against === 'prev'
        ? 'on the previous month'
        : 'on the same period last year';
  if (change.direction === 'same') return lang === 'vi' ? `không đổi ${base}` : `unchanged ${base}`;
  const verb =
    lang === 'vi' ? (change.direction === 'up' ? 'tăng' : 'giảm') : change.direction === 'up' ? 'up' : 'down';
  const magnitude = Math.abs(change.absolute);
  const amount =
    unit === '%'
      ? `${formatNumber(magnitude, decimals)} ${lang === 'vi' ? 'điểm %' : 'points'}`
      : `${formatNumber(magnitude, decimals)} ${unitLabel(unit, lang)}`;
  const percent =
    change.percent === null || unit === '%'
      ? ''
      : ` (${change.percent > 0 ? '+' : '−'}${formatNumber(Math.abs(change.percent), 2)}%)`;
  return `${verb} ${amount}${percent} ${base}`;
}

export type Tone = 'good' | 'bad' | 'neutral';

/** Whether a change is welcome: more drug cases uncovered is good, more traffic deaths is bad. */
export function toneOf(change: Change | null | undefined, goodDirection: 'up' | 'down' | 'neutral'): Tone {
  if (!change || change.direction === 'same' || goodDirection === 'neutral') return 'neutral';
  return change.direction === goodDirection ? 'good' : 'bad';
}

// Periods are months, identified "YYYY-MM".

export function shiftMonth(period: string, months: number): string {
  const [year = 0, month = 1] = period.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "tháng 02/2020" or "Feb 2020". */
export function periodLabel(period: string, lang: Lang): string {
  const [year, month] = period.split('-');
  if (lang === 'vi') return `tháng ${month}/${year}`;
  const name = new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleString('en-GB', {
    month: 'short',
    timeZone: 'UTC',
  });
  return `${name} ${year}`;
}

/** "02/2020": compact, for chart axes and table headers. */
export function periodShort(period: string): string {
  const [year, month] = period.split('-');
  return `${month}/${year}`;
}

/** The date a period's figures describe, for looking up which units existed: the 14th of the month. */
export function periodDate(period: string): string {
  return `${period}-14`;
}

export const isPeriod = (text: string | undefined): text is string =>
  !!text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
