/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from astronomy rather than read from a table.
 *
 * Rules (Hồ Ngọc Đức's formulation of the traditional calendar, with Meeus's low-precision series):
 * - a lunar month starts on the local day of a new moon;
 * - month 11 is the month that contains the winter solstice;
 * - when 13 new moons separate two month-11 starts, the first month after month 11 that contains no
 *   major solar term (sun longitude crossing a multiple of 30°) is the leap month and repeats the number
 *   of the month before it.
 *
 * Every "local day" is a day in UTC+7. The time zone is a constant, never the process's zone: the same
 * rules at UTC+8 give China's calendar, which puts Tết on another day in 1985, 2007, 2030 and 2053.
 */

import type { IsoDate } from '../vietnamese/dates.ts';
import { isoDate, splitIsoDate } from '../vietnamese/dates.ts';

export interface LunarDate {
  /** Lunar year, numbered as the Gregorian year in which its month 1 starts (Tết 2020 opens lunar 2020). */
  year: number;
  month: number;
  day: number;
  /** True in the leap month (tháng nhuận), which repeats the number of the month before it. */
  leap: boolean;
}

export interface LunarDateInput {
  year: number;
  month: number;
  day: number;
  leap?: boolean;
}

export interface LunarMonth {
  year: number;
  month: number;
  leap: boolean;
  /** Gregorian date of day 1 (mùng 1). */
  start: IsoDate;
  length: 29 | 30;
}

export class LunarDateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LunarDateError';
  }
}

/** Vietnam's legal time (UTC+7, no daylight saving), in days. */
const TIME_ZONE_DAYS = 7 / 24;

/**
 * Years accepted as input (Gregorian years for solar dates, lunar years for lunar dates). Vietnam's
 * calendar has been computed for UTC+7 only since 1967; before that it followed UTC+8 and differs from
 * these results in some months, so earlier years are refused rather than answered wrongly. Late in the
 * range a few new moons fall within minutes of midnight, closer than the series can decide (the first
 * such month after 2053 is in 2072).
 */
export const LUNAR_MIN_YEAR = 1967;
export const LUNAR_MAX_YEAR = 2199;

const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 13:52 UT, the origin of the lunation count k. */
const NEW_MOON_EPOCH = 2415021.076998695;
/** Julian day number of 1970-01-01, to convert with Date.UTC. */
const JDN_UNIX_EPOCH = 2440588;
const MS_PER_DAY = 86_400_000;
const DEG = Math.PI / 180;

// ---------------------------------------------------------------------------------------------------
// Astronomy

/** Julian day (UT) of the k-th mean-lunation new moon after the one of January 1900 (Meeus, ch. 49, low precision). */
function newMoonJulianDay(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  // Mean anomalies of the sun (m) and moon (mp), and the moon's argument of latitude (f).
  const m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEG;
  const mp = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEG;
  const f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEG;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(m) +
    0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mp) +
    0.0161 * Math.sin(2 * mp) -
    0.0004 * Math.sin(3 * mp) +
    0.0104 * Math.sin(2 * f) -
    0.0051 * Math.sin(m + mp) -
    0.0074 * Math.sin(m - mp) +
    0.0004 * Math.sin(2 * f + m) -
    0.0004 * Math.sin(2 * f - m) -
    0.0006 * Math.sin(2 * f + mp) +
    0.001 * Math.sin(2 * f - mp) +
    0.0005 * Math.sin(2 * mp + m);
  // ΔT (TT − UT), in days.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** Apparent longitude of the sun in radians, in [0, 2π), at Julian day `jd` (Meeus, ch. 25, low precision). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const m = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * m) +
    0.00029 * Math.sin(3 * m);
  const l = (l0 + center) * DEG;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** Local day number (Julian day number of the UTC+7 calendar day) on which new moon k falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJulianDay(k) + 0.5 + TIME_ZONE_DAYS);
}

/**
 * Which 30° sector (0–11) the sun is in at local midnight starting `dayNumber`. Sector boundaries are the
 * major solar terms (trung khí); sector 9 begins at the winter solstice (270°).
 */
function sunSectorAtDayStart(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE_DAYS) / Math.PI) * 6);
}

/** Lunation index k of a new moon that starts on local day `dayNumber`. */
function lunationOf(dayNumber: number): number {
  return Math.round((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
}

// ---------------------------------------------------------------------------------------------------
// Day numbers

function dayNumberOf(date: IsoDate): number {
  const { year, month, day } = splitIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + JDN_UNIX_EPOCH;
}

function dateOfDayNumber(dayNumber: number): IsoDate {
  const d = new Date((dayNumber - JDN_UNIX_EPOCH) * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// ---------------------------------------------------------------------------------------------------
// Months

interface MonthRecord {
  year: number;
  month: number;
  leap: boolean;
  startDay: number;
  /** Start of the next month, exclusive end of this one. */
  endDay: number;
}

/** Local day on which the month containing the winter solstice of Gregorian year `gregorianYear` starts. */
function month11Start(gregorianYear: number): number {
  const dec31 = Date.UTC(gregorianYear, 11, 31) / MS_PER_DAY + JDN_UNIX_EPOCH;
  // The new moon at or just before 31 December; if the sun is already past 270° when that month starts,
  // the solstice belongs to the month before.
  let k = Math.floor((dec31 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  while (newMoonDay(k) > dec31) k -= 1;
  while (newMoonDay(k + 1) <= dec31) k += 1;
  const start = newMoonDay(k);
  return sunSectorAtDayStart(start) >= 9 ? newMoonDay(k - 1) : start;
}

const segmentCache = new Map<number, readonly MonthRecord[]>();

/**
 * The months from month 11 of lunar year `g − 1` (starting in late Gregorian `g − 1`) up to, excluding,
 * month 11 of lunar year `g`: 12 months, or 13 when one of them is a leap month.
 */
function solsticeSegment(g: number): readonly MonthRecord[] {
  const cached = segmentCache.get(g);
  if (cached) return cached;
  const first = month11Start(g - 1);
  const next = month11Start(g);
  const k0 = lunationOf(first);
  const count = Math.round((next - first) / SYNODIC_MONTH);
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(newMoonDay(k0 + i));
  if (starts[0] !== first || starts[count] !== next) {
    throw new Error(`lunar calendar: inconsistent new moons around Gregorian year ${g}`);
  }

  // Offset (from month 11) of the leap month: the first month whose start and end fall in the same sector.
  let leapOffset = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (sunSectorAtDayStart(at(starts, i)) === sunSectorAtDayStart(at(starts, i + 1))) {
        leapOffset = i;
        break;
      }
    }
    if (leapOffset < 0) throw new Error(`lunar calendar: no leap month found around Gregorian year ${g}`);
  }

  const months: MonthRecord[] = [];
  for (let i = 0; i < count; i++) {
    const afterLeap = leapOffset >= 0 && i >= leapOffset;
    const month = ((i + (afterLeap ? 10 : 11) - 1) % 12) + 1;
    // Months 11 and 12 (and a leap 11 or 12) sit at the front of the segment and close the previous lunar year.
    const year = month >= 11 && i < 4 ? g - 1 : g;
    months.push({ year, month, leap: i === leapOffset, startDay: at(starts, i), endDay: at(starts, i + 1) });
  }
  segmentCache.set(g, months);
  return months;
}

function at(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new Error(`lunar calendar: index ${index} out of range`);
  return value;
}

function monthsOfLunarYear(year: number): MonthRecord[] {
  checkYear(year, 'lunar year');
  return [...solsticeSegment(year), ...solsticeSegment(year + 1)].filter((m) => m.year === year);
}

function toLunarMonth(m: MonthRecord): LunarMonth {
  const length = m.endDay - m.startDay;
  if (length !== 29 && length !== 30) throw new Error(`lunar calendar: month of ${length} days`);
  return { year: m.year, month: m.month, leap: m.leap, start: dateOfDayNumber(m.startDay), length };
}

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`${what} ${year} is outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
}

function findMonth(year: number, month: number, leap: boolean): MonthRecord {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new LunarDateError(`tháng âm lịch ${month} không tồn tại (phải từ 1 đến 12)`);
  }
  const found = monthsOfLunarYear(year).find((m) => m.month === month && m.leap === leap);
  if (!found) {
    throw new LunarDateError(`năm âm lịch ${year} không có tháng ${month} nhuận`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Public API

/** The lunar date of a Gregorian date: solarToLunar('2020-01-25') → { year: 2020, month: 1, day: 1, leap: false }. */
export function solarToLunar(date: IsoDate): LunarDate {
  const dayNumber = dayNumberOf(date);
  const gregorianYear = splitIsoDate(date).year;
  checkYear(gregorianYear, 'year');
  // Days from month 11 onwards belong to the segment that ends at next year's month 11.
  const segment = solsticeSegment(
    dayNumber >= month11Start(gregorianYear) ? gregorianYear + 1 : gregorianYear,
  );
  for (const m of segment) {
    if (dayNumber >= m.startDay && dayNumber < m.endDay) {
      return { year: m.year, month: m.month, day: dayNumber - m.startDay + 1, leap: m.leap };
    }
  }
  throw new Error(`lunar calendar: ${date} fell outside its solstice segment`);
}

/**
 * The Gregorian date of a lunar date: lunarToSolar({ year: 2026, month: 1, day: 1 }) → '2026-02-17'.
 * Throws LunarDateError for a leap month the year does not have or a day the month does not have
 * (day 30 of a 29-day month).
 */
export function lunarToSolar(l: LunarDateInput): IsoDate {
  const m = findMonth(l.year, l.month, l.leap ?? false);
  const length = m.endDay - m.startDay;
  if (!Number.isInteger(l.day) || l.day < 1 || l.day > length) {
    const label = `tháng ${l.month}${l.leap ? ' nhuận' : ''} năm ${l.year}`;
    throw new LunarDateError(`ngày ${l.day} không tồn tại: ${label} âm lịch có ${length} ngày`);
  }
  return dateOfDayNumber(m.startDay + l.day - 1);
}

/** Tết Nguyên đán, day 1 of month 1 of lunar year `year`: tetDate(2020) → '2020-01-25'. */
export function tetDate(year: number): IsoDate {
  return lunarToSolar({ year, month: 1, day: 1 });
}

/** The months of a lunar year in order, the leap month (if any) right after the month it repeats. */
export function lunarMonthsOfYear(year: number): LunarMonth[] {
  return monthsOfLunarYear(year).map(toLunarMonth);
}

/** Number of days (29 or 30) of a lunar month; throws LunarDateError for a leap month that does not exist. */
export function lunarMonthLength(year: number, month: number, leap = false): 29 | 30 {
  return toLunarMonth(findMonth(year, month, leap)).length;
}

/** The month number repeated as a leap month in lunar year `year` (leapMonthOf(2020) → 4), or null. */
export function leapMonthOf(year: number): number | null {
  return monthsOfLunarYear(year).find((m) => m.leap)?.month ?? null;
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const BRANCHES = [
  'Tý',
  'Sửu',
  'Dần',
  'Mão',
  'Thìn',
  'Tỵ',
  'Ngọ',
  'Mùi',
  'Thân',
  'Dậu',
  'Tuất',
  'Hợi',
] as const;

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** Sexagenary name of a lunar year: canChiOfYear(2026) → 'Bính Ngọ'. Year 4 was Giáp Tý. */
export function canChiOfYear(lunarYear: number): string {
  if (!Number.isInteger(lunarYear)) throw new RangeError(`lunar year ${lunarYear} is not an integer`);
  const stem = STEMS[mod(lunarYear - 4, 10)];
  const branch = BRANCHES[mod(lunarYear - 4, 12)];
  return `${stem} ${branch}`.normalize('NFC');
}

/** How a month is named in speech and in reports: 1 → 'Giêng', 12 → 'Chạp', others by number. */
export function lunarMonthName(month: number): string {
  if (month === 1) return 'Giêng';
  if (month === 12) return 'Chạp';
  return String(month);
}

/**
 * A lunar date as written in reports: '27 tháng Chạp năm Ất Tỵ', 'mùng 6 tháng Giêng năm Bính Ngọ',
 * 'mùng 1 tháng 4 nhuận năm Canh Tý'. Days 1–10 take "mùng".
 */
export function formatLunarDate(l: LunarDate): string {
  const day = l.day <= 10 ? `mùng ${l.day}` : String(l.day);
  const month = `tháng ${lunarMonthName(l.month)}${l.leap ? ' nhuận' : ''}`;
  return `${day} ${month} năm ${canChiOfYear(l.year)}`;
}

/** One end of a recurring lunar window, relative to the year the window is resolved for. */
export interface LunarAnchor {
  /** Month 1–12; always the regular month, never the leap month that may repeat it. */
  month: number;
  /** Day 1–30. Day 30 of a 29-day month is clamped to day 29, so "30 tháng Chạp" means the last day of the year. */
  day: number;
  /** Added to the resolved year: −1 for a date in the lunar year before (e.g. 15 tháng Chạp before Tết). Default 0. */
  yearOffset?: number;
}

/** A window defined by lunar dates that recurs every year, e.g. 15 tháng Chạp → 15 tháng Giêng around Tết. */
export interface LunarWindow {
  start: LunarAnchor;
  end: LunarAnchor;
}

/** Both ends inclusive. */
export interface SolarWindow {
  start: IsoDate;
  end: IsoDate;
}

function resolveAnchor(anchor: LunarAnchor, year: number): IsoDate {
  if (!Number.isInteger(anchor.day) || anchor.day < 1 || anchor.day > 30) {
    throw new LunarDateError(`ngày âm lịch ${anchor.day} không hợp lệ (phải từ 1 đến 30)`);
  }
  const lunarYear = year + (anchor.yearOffset ?? 0);
  const length = lunarMonthLength(lunarYear, anchor.month, false);
  return lunarToSolar({ year: lunarYear, month: anchor.month, day: Math.min(anchor.day, length) });
}

/**
 * The Gregorian dates of a lunar window in a given year, e.g.
 * resolveLunarWindow({ start: { month: 12, day: 15, yearOffset: -1 }, end: { month: 1, day: 15 } }, 2020)
 * → { start: '2020-01-09', end: '2020-02-08' }. Throws LunarDateError if the window ends before it starts.
 */
export function resolveLunarWindow(window: LunarWindow, year: number): SolarWindow {
  const start = resolveAnchor(window.start, year);
  const end = resolveAnchor(window.end, year);
  if (end < start) {
    throw new LunarDateError(`khoảng âm lịch kết thúc (${end}) trước khi bắt đầu (${start})`);
  }
  return { start, end };
}
