/**
 * Dates the Vietnamese way. Calendar dates are plain "YYYY-MM-DD" strings (local dates of Asia/Ho_Chi_Minh),
 * never instants, so that no time zone can shift a reporting window by a day.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VI_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export class DateFormatError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`"${input}": ${reason}`);
    this.name = 'DateFormatError';
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Milliseconds of a UTC midnight. Date.UTC maps years 0–99 to 1900–1999, so the year is set separately;
 * day and month may overflow and are carried over as in Date.UTC.
 */
function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** Splits a valid ISO date; throws on an impossible one such as 2020-02-30. */
export function splitIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new DateFormatError(date, 'ngày phải có dạng YYYY-MM-DD');
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new DateFormatError(date, 'ngày không tồn tại');
  }
  return { year, month, day };
}

export function isValidIsoDate(date: string): boolean {
  try {
    splitIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

/** "2020-02-26" → "26/02/2020". */
export function formatDate(date: IsoDate): string {
  const { year, month, day } = splitIsoDate(date);
  return `${pad2(day)}/${pad2(month)}/${String(year).padStart(4, '0')}`;
}

/** "26/02/2020" or "26/2/2020" → "2020-02-26"; ISO input passes through after a check. */
export function parseDate(input: string): IsoDate {
  const text = input.trim();
  if (ISO_DATE.test(text)) {
    splitIsoDate(text);
    return text;
  }
  const m = VI_DATE.exec(text);
  if (!m) throw new DateFormatError(input, 'ngày phải có dạng dd/mm/yyyy');
  const date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  splitIsoDate(date);
  return date;
}

/**
 * The date line of an administrative document (Decree 30/2020, box 4): days below 10 and the months
 * January and February are padded with 0: "ngày 05 tháng 01 năm 2020", "ngày 26 tháng 02 năm 2020",
 * but "ngày 26 tháng 3 năm 2020".
 */
export function formatAdministrativeDate(date: IsoDate): string {
  const { year, month, day } = splitIsoDate(date);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  const d = new Date(utcMs(year, month, day + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `from` to `to` (to − from). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = splitIsoDate(from);
  const b = splitIsoDate(to);
  return Math.round((utcMs(b.year, b.month, b.day) - utcMs(a.year, a.month, a.day)) / 86_400_000);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  const { year, month, day } = splitIsoDate(date);
  return new Date(utcMs(year, month, day)).getUTCDay();
}

/** The calendar date in Vietnam (UTC+7, no daylight saving) of an instant. */
export function vietnamDateOf(instant: Date): IsoDate {
  const shifted = new Date(instant.getTime() + 7 * 3_600_000);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}
