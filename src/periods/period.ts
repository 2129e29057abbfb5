import { addDays, daysBetween, type IsoDate, isValidIsoDate, splitIsoDate } from '../vietnamese/dates.ts';

/**
 * Reporting periods. Identifiers are what users type and what files carry:
 *   day "2020-02-15", month "2020-02", quarter "2020-Q1", half-year "2020-H1", year "2020",
 *   year to date "2020-02-ytd" (the reporting year up to and including that month),
 *   and a custom range of days "2020-01-09..2020-02-08" (campaign windows).
 */
export type Period =
  | { type: 'day'; id: string; date: IsoDate }
  | { type: 'month'; id: string; year: number; month: number }
  | { type: 'quarter'; id: string; year: number; quarter: number }
  | { type: 'half'; id: string; year: number; half: number }
  | { type: 'year'; id: string; year: number }
  | { type: 'ytd'; id: string; year: number; month: number }
  | { type: 'range'; id: string; start: IsoDate; end: IsoDate };

export type PeriodType = Period['type'];

export class PeriodError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`kỳ báo cáo "${input}" không hợp lệ: ${reason}`);
    this.name = 'PeriodError';
  }
}

const MIN_YEAR = 1990;
const MAX_RANGE_DAYS = 1096;
const MAX_YEAR = 2100;

function checkYear(input: string, year: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new PeriodError(input, `năm phải trong khoảng ${MIN_YEAR}–${MAX_YEAR}`);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function monthPeriod(year: number, month: number): Period & { type: 'month' } {
  // Normalise overflowing months so callers can step with month ± n.
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { type: 'month', id: `${y}-${pad2(m)}`, year: y, month: m };
}

export function dayPeriod(date: IsoDate): Period & { type: 'day' } {
  return { type: 'day', id: date, date };
}

export function rangePeriod(start: IsoDate, end: IsoDate): Period & { type: 'range' } {
  return { type: 'range', id: `${start}..${end}`, start, end };
}

export function quarterPeriod(year: number, quarter: number): Period & { type: 'quarter' } {
  return { type: 'quarter', id: `${year}-Q${quarter}`, year, quarter };
}

export function halfPeriod(year: number, half: number): Period & { type: 'half' } {
  return { type: 'half', id: `${year}-H${half}`, year, half };
}

export function yearPeriod(year: number): Period & { type: 'year' } {
  return { type: 'year', id: String(year), year };
}

export function ytdPeriod(year: number, month: number): Period & { type: 'ytd' } {
  return { type: 'ytd', id: `${year}-${pad2(month)}-ytd`, year, month };
}

/** Parses a period identifier; throws PeriodError naming what is wrong. */
export function parsePeriod(input: string): Period {
  const text = input.trim();
  const range = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (range) {
    const [start, end] = text.split('..') as [string, string];
    if (!isValidIsoDate(start) || !isValidIsoDate(end)) throw new PeriodError(input, 'ngày không tồn tại');
    if (end < start) throw new PeriodError(input, 'ngày kết thúc trước ngày bắt đầu');
    // Ranges are campaign and holiday windows; longer spans are asked for as months, quarters or years, which
    // are read from stored monthly figures rather than day by day.
    if (daysBetween(start, end) + 1 > MAX_RANGE_DAYS)
      throw new PeriodError(
        input,
        `khoảng ngày dài tối đa ${MAX_RANGE_DAYS.toLocaleString('vi-VN')} ngày (3 năm)`,
      );
    checkYear(input, Number(range[1]));
    checkYear(input, Number(range[4]));
    return rangePeriod(start, end);
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    if (!isValidIsoDate(text)) throw new PeriodError(input, 'ngày không tồn tại');
    checkYear(input, Number(day[1]));
    return dayPeriod(text);
  }
  const month = /^(\d{4})-(\d{2})(-ytd)?$/i.exec(text);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    checkYear(input, year);
    if (m < 1 || m > 12) throw new PeriodError(input, 'tháng phải từ 01 đến 12');
    return month[3] ? ytdPeriod(year, m) : monthPeriod(year, m);
  }
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (quarter) {
    checkYear(input, Number(quarter[1]));
    return quarterPeriod(Number(quarter[1]), Number(quarter[2]));
  }
  const half = /^(\d{4})-H([12])$/i.exec(text);
  if (half) {
    checkYear(input, Number(half[1]));
    return halfPeriod(Number(half[1]), Number(half[2]));
  }
  if (/^\d{4}$/.test(text)) {
    checkYear(input, Number(text));
    return yearPeriod(Number(text));
  }
  throw new PeriodError(
    input,
    'dùng dạng 2020-02 (tháng), 2020-Q1 (quý), 2020-H1 (6 tháng), 2020 (năm), 2020-02-ytd (lũy kế), 2020-02-15 (ngày) hoặc 2020-01-09..2020-02-08 (khoảng ngày)',
  );
}

/** The months a period covers, in order (empty for days and day ranges, which are made of days). */
export function monthsOf(period: Period): Array<Period & { type: 'month' }> {
  const span = (year: number, from: number, to: number) => {
    const out: Array<Period & { type: 'month' }> = [];
    for (let month = from; month <= to; month++) out.push(monthPeriod(year, month));
    return out;
  };
  switch (period.type) {
    case 'month':
      return [period];
    case 'quarter':
      return span(period.year, period.quarter * 3 - 2, period.quarter * 3);
    case 'half':
      return span(period.year, period.half * 6 - 5, period.half * 6);
    case 'year':
      return span(period.year, 1, 12);
    case 'ytd':
      return span(period.year, 1, period.month);
    case 'day':
    case 'range':
      return [];
  }
}

/** Every day of a day range (or the single day of a day period). */
export function daysOf(period: Period): Array<Period & { type: 'day' }> {
  if (period.type === 'day') return [period];
  if (period.type !== 'range') return [];
  const out: Array<Period & { type: 'day' }> = [];
  for (let d = period.start; d <= period.end; d = addDays(d, 1)) out.push(dayPeriod(d));
  return out;
}

/**
 * The period before: the previous month, quarter, half-year or year; for a day range, the window of equal
 * length that ends the day before it starts. A year to date has no "previous" of its own (compare it with last
 * year's year to date instead), so it returns null.
 */
export function previousPeriod(period: Period): Period | null {
  switch (period.type) {
    case 'day':
      return dayPeriod(addDays(period.date, -1));
    case 'month':
      return monthPeriod(period.year, period.month - 1);
    case 'quarter':
      return period.quarter === 1
        ? quarterPeriod(period.year - 1, 4)
        : quarterPeriod(period.year, period.quarter - 1);
    case 'half':
      return period.half === 1 ? halfPeriod(period.year - 1, 2) : halfPeriod(period.year, 1);
    case 'year':
      return yearPeriod(period.year - 1);
    case 'ytd':
      return null;
    case 'range': {
      const length = daysBetween(period.start, period.end) + 1;
      const end = addDays(period.start, -1);
      return rangePeriod(addDays(end, -(length - 1)), end);
    }
  }
}

function shiftDateOneYear(date: IsoDate): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  // 29 February maps to 28 February in a common year.
  const candidate = `${year - 1}-${pad2(month)}-${pad2(day)}`;
  return isValidIsoDate(candidate) ? candidate : `${year - 1}-${pad2(month)}-28`;
}

/** The same period of the previous year ("cùng kỳ"), by the Gregorian calendar. Lunar-aligned windows are the
 * campaigns module's business. */
export function samePeriodLastYear(period: Period): Period {
  switch (period.type) {
    case 'day':
      return dayPeriod(shiftDateOneYear(period.date));
    case 'month':
      return monthPeriod(period.year - 1, period.month);
    case 'quarter':
      return quarterPeriod(period.year - 1, period.quarter);
    case 'half':
      return halfPeriod(period.year - 1, period.half);
    case 'year':
      return yearPeriod(period.year - 1);
    case 'ytd':
      return ytdPeriod(period.year - 1, period.month);
    case 'range':
      return rangePeriod(shiftDateOneYear(period.start), shiftDateOneYear(period.end));
  }
}

/** The year to date that ends with the last month of a month-based period (month 2020-02 → 2020-02-ytd). */
export function yearToDateOf(period: Period): (Period & { type: 'ytd' }) | null {
  const months = monthsOf(period);
  const last = months[months.length - 1];
  if (!last) return null;
  return ytdPeriod(last.year, last.month);
}

/** Human label in Vietnamese: "tháng 02/2020", "quý I/2020", "6 tháng đầu năm 2020", "năm 2020". */
export function periodLabelVi(period: Period): string {
  const roman = ['I', 'II', 'III', 'IV'];
  switch (period.type) {
    case 'day':
      return `ngày ${period.date.slice(8, 10)}/${period.date.slice(5, 7)}/${period.date.slice(0, 4)}`;
    case 'month':
      return `tháng ${pad2(period.month)}/${period.year}`;
    case 'quarter':
      return `quý ${roman[period.quarter - 1]}/${period.year}`;
    case 'half':
      return period.half === 1 ? `6 tháng đầu năm ${period.year}` : `6 tháng cuối năm ${period.year}`;
    case 'year':
      return `năm ${period.year}`;
    case 'ytd':
      return period.month === 12 ? `năm ${period.year}` : `${period.month} tháng đầu năm ${period.year}`;
    case 'range':
      return `từ ${formatShort(period.start)} đến ${formatShort(period.end)}`;
  }
}

export function periodLabelEn(period: Period): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  switch (period.type) {
    case 'day':
      return period.date;
    case 'month':
      return `${months[period.month - 1]} ${period.year}`;
    case 'quarter':
      return `Q${period.quarter} ${period.year}`;
    case 'half':
      return `H${period.half} ${period.year}`;
    case 'year':
      return String(period.year);
    case 'ytd':
      return `Jan–${months[period.month - 1]} ${period.year}`;
    case 'range':
      return `${period.start} – ${period.end}`;
  }
}

function formatShort(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
