/**
 * Public holidays and working days in Vietnam (Labour Code 45/2019/QH14, arts. 111–112).
 *
 * The statutory table below is the default. Each year the Government fixes the actual days off for
 * public servants (which days of Tết, which day next to 2/9, bridge days swapped against a Saturday), so
 * every function that decides whether a day is worked accepts overrides for that year's decision.
 */

import type { IsoDate } from '../vietnamese/dates.ts';
import { addDays, dayOfWeek, isoDate, splitIsoDate } from '../vietnamese/dates.ts';
import { lunarMonthLength, lunarToSolar, tetDate } from './lunar.ts';

export interface PublicHoliday {
  date: IsoDate;
  nameVi: string;
  nameEn: string;
}

export interface DayOff extends PublicHoliday {
  /** 'compensatory' is the working day given back for a holiday that fell on a Saturday or Sunday. */
  kind: 'holiday' | 'compensatory';
}

/**
 * The Government's arrangement for a year, applied on top of the statutory days: extra days off
 * (e.g. the Prime Minister's choice of Tết days, a bridge day) and weekend days worked in exchange
 * (ngày làm bù). A plain array means extra days off only.
 */
export interface WorkingDayOverrides {
  daysOff?: readonly IsoDate[];
  workingDays?: readonly IsoDate[];
}

/** From 2021 (Labour Code 2019) National Day is two days: 2/9 and one day next to it. */
const TWO_DAY_NATIONAL_DAY_FROM = 2021;

function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/**
 * The day next to 2/9. The Prime Minister chooses it each year; by default take the neighbour that joins
 * the holiday to a weekend (as chosen in 2021–2025), and 3/9 when neither does.
 */
function nationalDayNeighbour(year: number): IsoDate {
  const before = isoDate(year, 9, 1);
  const after = isoDate(year, 9, 3);
  const dow = dayOfWeek(isoDate(year, 9, 2));
  // Thursday → Friday 3/9; Friday → Thursday 1/9; Saturday → Friday 1/9; Monday → Tuesday 3/9 (1/9 is a
  // Sunday); Tuesday → Monday 1/9; Sunday → Monday 3/9; Wednesday → Thursday 3/9.
  switch (dow) {
    case 2:
    case 5:
    case 6:
      return before;
    default:
      return after;
  }
}

/**
 * Statutory public holidays of a Gregorian year, in date order. Tết is the last day of the lunar year
 * (29 or 30 tháng Chạp) and mùng 1 to mùng 4 tháng Giêng; the Government may choose other days each year.
 */
export function publicHolidays(year: number): PublicHoliday[] {
  const tet = tetDate(year);
  const lastLunarMonthLength = lunarMonthLength(year - 1, 12, false);
  const tetDays: PublicHoliday[] = [-1, 0, 1, 2, 3].map((offset) => {
    const label = offset === -1 ? `${lastLunarMonthLength} tháng Chạp` : `mùng ${offset + 1} tháng Giêng`;
    return {
      date: addDays(tet, offset),
      nameVi: `Tết Nguyên đán (${label})`,
      nameEn: offset === -1 ? 'Lunar New Year (New Year’s Eve)' : `Lunar New Year (day ${offset + 1})`,
    };
  });
  const hungKings = lunarToSolar({ year, month: 3, day: 10 });
  const holidays: PublicHoliday[] = [
    { date: isoDate(year, 1, 1), nameVi: 'Tết Dương lịch', nameEn: 'New Year’s Day' },
    ...tetDays,
    {
      date: hungKings,
      nameVi: 'Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)',
      nameEn: 'Hung Kings’ Commemoration Day',
    },
    {
      date: isoDate(year, 4, 30),
      nameVi: 'Ngày Giải phóng miền Nam, thống nhất đất nước',
      nameEn: 'Reunification Day',
    },
    { date: isoDate(year, 5, 1), nameVi: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day' },
    { date: isoDate(year, 9, 2), nameVi: 'Quốc khánh', nameEn: 'National Day' },
  ];
  if (year >= TWO_DAY_NATIONAL_DAY_FROM) {
    holidays.push({
      date: nationalDayNeighbour(year),
      nameVi: 'Quốc khánh (ngày liền kề)',
      nameEn: 'National Day (adjacent day)',
    });
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const daysOffCache = new Map<number, readonly DayOff[]>();

/**
 * Statutory holidays plus compensatory days: a holiday on a Saturday or Sunday gives the next working day
 * off (Labour Code art. 111.3), taken in date order so that two weekend holidays give two different days.
 */
export function daysOffOfYear(year: number): DayOff[] {
  const cached = daysOffCache.get(year);
  if (cached) return [...cached];
  const holidays = publicHolidays(year);
  const taken = new Set(holidays.map((h) => h.date));
  const result: DayOff[] = holidays.map((h) => ({ ...h, kind: 'holiday' }));
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let day = addDays(h.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    result.push({
      date: day,
      nameVi: `Nghỉ bù ${h.nameVi}`,
      nameEn: `${h.nameEn} (compensatory day off)`,
      kind: 'compensatory',
    });
  }
  result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  daysOffCache.set(year, result);
  return [...result];
}

const daysOffSetCache = new Map<number, ReadonlySet<IsoDate>>();

function daysOffSet(year: number): ReadonlySet<IsoDate> {
  let set = daysOffSetCache.get(year);
  if (!set) {
    set = new Set(daysOffOfYear(year).map((d) => d.date));
    daysOffSetCache.set(year, set);
  }
  return set;
}

function normalise(overrides: readonly IsoDate[] | WorkingDayOverrides | undefined): WorkingDayOverrides {
  if (overrides === undefined) return {};
  if (Array.isArray(overrides)) return { daysOff: overrides };
  // Array.isArray does not remove a readonly array from the union, hence the assertion.
  return overrides as WorkingDayOverrides;
}

function isWorking(date: IsoDate, overrides: WorkingDayOverrides): boolean {
  if (overrides.workingDays?.includes(date)) return true;
  if (overrides.daysOff?.includes(date)) return false;
  if (isWeekend(date)) return false;
  return !daysOffSet(splitIsoDate(date).year).has(date);
}

/**
 * Whether public offices work on `date`: not a Saturday or Sunday, not a holiday nor a compensatory day.
 * `extraHolidays` adds the year's decided days off, or takes { daysOff, workingDays } when some weekend
 * days are worked in exchange.
 */
export function isWorkingDay(
  date: IsoDate,
  extraHolidays?: readonly IsoDate[] | WorkingDayOverrides,
): boolean {
  return isWorking(date, normalise(extraHolidays));
}

/**
 * The n-th working day after `date` (n ≥ 0). With n = 0, `date` itself if it is worked, else the next
 * working day: addWorkingDays('2020-01-23', 1) → '2020-01-31' (over Tết and its compensatory days).
 */
export function addWorkingDays(
  date: IsoDate,
  n: number,
  extraHolidays?: readonly IsoDate[] | WorkingDayOverrides,
): IsoDate {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working-day count must be a whole number ≥ 0, got ${n}`);
  const overrides = normalise(extraHolidays);
  let day = date;
  if (n === 0) {
    while (!isWorking(day, overrides)) day = addDays(day, 1);
    return day;
  }
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorking(day, overrides)) left -= 1;
  }
  return day;
}
