import { addDays, dayOfWeek, formatDate, type IsoDate, isValidIsoDate } from '../vietnamese/dates.ts';
import {
  dayPeriod,
  halfPeriod,
  monthPeriod,
  type Period,
  PeriodError,
  parsePeriod,
  quarterPeriod,
  yearPeriod,
} from './period.ts';

/**
 * DHIS2's period identifiers (its PeriodType ISO formats). Those that are periods of ours map onto them:
 * daily 20261204, monthly 202612, quarterly 2026Q4, six-monthly 2026S2, yearly 2026. The others are recognised
 * and described (type and days) so that a file using them is refused with a reason, never misread: weekly
 * 2026W49 (and WedW, ThuW, SatW, SunW), bi-weekly 2026BiW1, bi-monthly 202601B, six-monthly from April
 * 2026AprilS1 or November 2026NovS1, quarterly from November 2026NovQ1, and financial years 2026April, 2026July,
 * 2026Oct, 2026Nov (Vietnam's financial year is the calendar year, so only the yearly form maps).
 */
export type Dhis2Period =
  | { mapped: true; period: Period; type: string }
  | { mapped: false; type: string; typeVi: string; start: IsoDate; end: IsoDate };

const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTHS: Record<string, number> = { April: 4, July: 7, Oct: 10, Nov: 11, Feb: 2, Aug: 8, Sep: 9 };
const WEEK_STARTS: Record<string, number> = { '': 1, Wed: 3, Thu: 4, Sat: 6, Sun: 0 };

function monthEnd(year: number, month: number): IsoDate {
  const next = monthPeriod(year, month + 1);
  return addDays(`${next.year}-${pad2(next.month)}-01`, -1);
}

/** First day of DHIS2's week 1 of a year for weeks starting on `startDay` (ISO rule: the week holding the 4th day). */
function firstWeekStart(year: number, startDay: number): IsoDate {
  const anchor = `${year}-01-04`;
  const back = (dayOfWeek(anchor) - startDay + 7) % 7;
  return addDays(anchor, -back);
}

function checkYear(input: string, year: number): void {
  if (year < 1990 || year > 2100) throw new PeriodError(input, 'năm phải trong khoảng 1990–2100');
}

/**
 * Reads a DHIS2 period identifier; null when the text is not one (then it may be one of ours, "2026-12").
 * Throws PeriodError for a DHIS2-shaped identifier that names no real period (202613, 2026W54).
 */
export function readDhis2Period(input: string): Dhis2Period | null {
  const text = input.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (!isValidIsoDate(date)) throw new PeriodError(input, 'ngày không tồn tại');
    checkYear(input, Number(m[1]));
    return { mapped: true, type: 'Daily', period: dayPeriod(date) };
  }
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    checkYear(input, year);
    if (month < 1 || month > 12) throw new PeriodError(input, 'tháng phải từ 01 đến 12');
    return { mapped: true, type: 'Monthly', period: monthPeriod(year, month) };
  }
  m = /^(\d{4})Q([1-4])$/.exec(text);
  if (m) {
    checkYear(input, Number(m[1]));
    return { mapped: true, type: 'Quarterly', period: quarterPeriod(Number(m[1]), Number(m[2])) };
  }
  m = /^(\d{4})S([12])$/.exec(text);
  if (m) {
    checkYear(input, Number(m[1]));
    return { mapped: true, type: 'SixMonthly', period: halfPeriod(Number(m[1]), Number(m[2])) };
  }
  m = /^(\d{4})(Wed|Thu|Sat|Sun|Bi)?W(\d{1,2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    checkYear(input, year);
    const n = Number(m[3]);
    const bi = m[2] === 'Bi';
    const startDay = bi ? 1 : (WEEK_STARTS[m[2] ?? ''] as number);
    const first = firstWeekStart(year, startDay);
    const weeks = Math.round(
      (Date.parse(firstWeekStart(year + 1, startDay)) - Date.parse(first)) / (7 * 86_400_000),
    );
    const max = bi ? Math.ceil(weeks / 2) : weeks;
    if (n < 1 || n > max)
      throw new PeriodError(input, `năm ${year} có ${max} ${bi ? 'kỳ hai tuần' : 'tuần'}`);
    const start = addDays(first, (n - 1) * (bi ? 14 : 7));
    return {
      mapped: false,
      type: bi ? 'BiWeekly' : `Weekly${m[2] ?? ''}`,
      typeVi: bi ? 'kỳ hai tuần' : 'kỳ tuần',
      start,
      end: addDays(start, bi ? 13 : 6),
    };
  }
  m = /^(\d{4})(\d{2})B$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const n = Number(m[2]);
    checkYear(input, year);
    if (n < 1 || n > 6) throw new PeriodError(input, 'kỳ hai tháng đánh số từ 01 đến 06');
    return {
      mapped: false,
      type: 'BiMonthly',
      typeVi: 'kỳ hai tháng',
      start: `${year}-${pad2(2 * n - 1)}-01`,
      end: monthEnd(year, 2 * n),
    };
  }
  m = /^(\d{4})(April|Nov)S([12])$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    checkYear(input, year);
    const first = (MONTHS[m[2] as string] as number) + (Number(m[3]) - 1) * 6;
    const start = monthPeriod(year, first);
    const end = monthPeriod(year, first + 5);
    return {
      mapped: false,
      type: `SixMonthly${m[2]}`,
      typeVi: `kỳ sáu tháng bắt đầu từ tháng ${MONTHS[m[2] as string]}`,
      start: `${start.id}-01`,
      end: monthEnd(end.year, end.month),
    };
  }
  m = /^(\d{4})NovQ([1-4])$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    checkYear(input, year);
    const first = 11 + (Number(m[2]) - 1) * 3 - 12;
    const start = monthPeriod(year, first);
    const end = monthPeriod(year, first + 2);
    return {
      mapped: false,
      type: 'QuarterlyNov',
      typeVi: 'quý bắt đầu từ tháng 11',
      start: `${start.id}-01`,
      end: monthEnd(end.year, end.month),
    };
  }
  m = /^(\d{4})(April|July|Oct|Nov|Feb|Aug|Sep)$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    checkYear(input, year);
    const month = MONTHS[m[2] as string] as number;
    return {
      mapped: false,
      type: `Financial${m[2]}`,
      typeVi: `năm tài chính bắt đầu từ tháng ${month}`,
      start: `${year}-${pad2(month)}-01`,
      end: monthEnd(year + 1, month - 1),
    };
  }
  if (/^\d{4}$/.test(text)) {
    checkYear(input, Number(text));
    return { mapped: true, type: 'Yearly', period: yearPeriod(Number(text)) };
  }
  return null;
}

const FORMATS_VI =
  'dạng của giaoban: 2020-02 (tháng), 2020-Q1 (quý), 2020-H1 (6 tháng), 2020 (năm), 2020-02-15 (ngày); dạng của DHIS2: 202002, 2020Q1, 2020S1, 2020, 20200215';

/**
 * A period in our notation or DHIS2's: "2026-12" and "202612" are the same month, "2026Q4" and "2026-Q4" the same
 * quarter. A DHIS2 period type we do not have (weekly, bi-monthly, financial years…) throws a PeriodError that
 * names the type and its days.
 */
export function parseAnyPeriod(input: string): Period {
  const dhis2 = readDhis2Period(input);
  if (dhis2?.mapped) return dhis2.period;
  if (dhis2)
    throw new PeriodError(
      input,
      `${dhis2.typeVi} của DHIS2 (${dhis2.type}, ${formatDate(dhis2.start)}–${formatDate(dhis2.end)}) không có trong giaoban; chỉ nhận kỳ ngày, tháng, quý, 6 tháng và năm`,
    );
  try {
    return parsePeriod(input);
  } catch (error) {
    if (error instanceof PeriodError && !/^\d{4}-/.test(input.trim()))
      throw new PeriodError(input, FORMATS_VI);
    throw error;
  }
}

/** Our period in DHIS2's notation: "2026-12" → "202612", "2026-Q4" → "2026Q4", "2026-H2" → "2026S2". */
export function toDhis2PeriodId(period: Period): string {
  switch (period.type) {
    case 'day':
      return period.date.replace(/-/g, '');
    case 'month':
      return `${period.year}${pad2(period.month)}`;
    case 'quarter':
      return `${period.year}Q${period.quarter}`;
    case 'half':
      return `${period.year}S${period.half}`;
    case 'year':
      return String(period.year);
    default:
      return period.id;
  }
}
