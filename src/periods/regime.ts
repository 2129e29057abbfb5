import { addDays, daysInMonth, type IsoDate, isoDate } from '../vietnamese/dates.ts';
import { monthPeriod, monthsOf, type Period } from './period.ts';

/**
 * How a monthly window is cut. `cutoff` with startDay 15 is Decree 09/2019/NĐ-CP: the report for month M
 * covers the 15th of M−1 to the 14th of M. The ministry used the 16th before 2019. `calendar` is the plain month.
 */
export type WindowRule = { kind: 'calendar' } | { kind: 'cutoff'; startDay: number };

export interface RegimeRule {
  /** First reporting month the rule applies to, "YYYY-MM". */
  fromMonth: string;
  rule: WindowRule;
  basisVi: string;
}

export interface ReportingRegime {
  code: string;
  nameVi: string;
  rules: RegimeRule[];
}

/**
 * The ministry's regime. Decree 09 took effect on 12/03/2019; its first whole monthly window is April 2019
 * (15/03–14/04). Where rules change, the new window starts the day after the old one ended, so no day is
 * counted twice or lost.
 */
export const MPS_REGIME: ReportingRegime = {
  code: 'BCA',
  nameVi: 'Chế độ báo cáo của Bộ Công an',
  rules: [
    {
      fromMonth: '1990-01',
      rule: { kind: 'cutoff', startDay: 16 },
      basisVi: 'Thời gian chốt số liệu từ ngày 16 tháng trước đến ngày 15',
    },
    {
      fromMonth: '2019-04',
      rule: { kind: 'cutoff', startDay: 15 },
      basisVi: 'Nghị định 09/2019/NĐ-CP, Điều 12',
    },
  ],
};

export const CALENDAR_REGIME: ReportingRegime = {
  code: 'LICH',
  nameVi: 'Tháng dương lịch',
  rules: [{ fromMonth: '1990-01', rule: { kind: 'calendar' }, basisVi: 'Tháng dương lịch' }],
};

export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

function ruleFor(regime: ReportingRegime, monthId: string): RegimeRule {
  let found: RegimeRule | undefined;
  for (const rule of regime.rules) if (rule.fromMonth <= monthId) found = rule;
  // Before the first rule (a comparison reaching back past 1990), the earliest rule is taken as in force: the
  // answer is then an empty window of data, never an error.
  found ??= regime.rules[0];
  if (!found) throw new Error(`no reporting rule for ${monthId} in regime ${regime.code}`);
  return found;
}

function rawMonthWindow(rule: WindowRule, year: number, month: number): DateWindow {
  if (rule.kind === 'calendar')
    return { start: isoDate(year, month, 1), end: isoDate(year, month, daysInMonth(year, month)) };
  const prev = monthPeriod(year, month - 1);
  const startDay = Math.min(rule.startDay, daysInMonth(prev.year, prev.month));
  return {
    start: isoDate(prev.year, prev.month, startDay),
    end: addDays(isoDate(year, month, 1), rule.startDay - 2),
  };
}

/** The data window of one reporting month under a regime. */
export function monthWindow(regime: ReportingRegime, year: number, month: number): DateWindow {
  const id = monthPeriod(year, month).id;
  const current = ruleFor(regime, id);
  const window = rawMonthWindow(current.rule, year, month);
  const prev = monthPeriod(year, month - 1);
  const previousRule = ruleFor(regime, prev.id);
  if (previousRule !== current) {
    const prevEnd = rawMonthWindow(previousRule.rule, prev.year, prev.month).end;
    return { start: addDays(prevEnd, 1), end: window.end };
  }
  return window;
}

/** The data window of any period: months nest into quarters, half-years and years exactly. */
export function periodWindow(period: Period, regime: ReportingRegime = MPS_REGIME): DateWindow {
  if (period.type === 'day') return { start: period.date, end: period.date };
  if (period.type === 'range') return { start: period.start, end: period.end };
  const months = monthsOf(period);
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) throw new Error(`period ${period.id} has no months`);
  return {
    start: monthWindow(regime, first.year, first.month).start,
    end: monthWindow(regime, last.year, last.month).end,
  };
}

/**
 * The date on which the organisation tree is read for a period: the last day of its window. The July 2025
 * report (15/06–14/07) is made by the units that exist after the 1 July reform.
 */
export function referenceDate(period: Period, regime: ReportingRegime = MPS_REGIME): IsoDate {
  return periodWindow(period, regime).end;
}

/** The reporting month whose window contains a date. */
export function monthContaining(
  date: IsoDate,
  regime: ReportingRegime = MPS_REGIME,
): Period & { type: 'month' } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  for (const candidate of [
    monthPeriod(year, month),
    monthPeriod(year, month + 1),
    monthPeriod(year, month - 1),
  ]) {
    const w = monthWindow(regime, candidate.year, candidate.month);
    if (w.start <= date && date <= w.end) return candidate;
  }
  throw new Error(`no reporting month contains ${date}`);
}

/** The whole reporting months whose windows lie inside a day range (a campaign made of monthly reports). */
export function wholeMonthsWithin(
  window: DateWindow,
  regime: ReportingRegime = MPS_REGIME,
): Array<Period & { type: 'month' }> {
  const out: Array<Period & { type: 'month' }> = [];
  let month = monthContaining(window.start, regime);
  for (;;) {
    const w = monthWindow(regime, month.year, month.month);
    if (w.start > window.end) break;
    if (w.start >= window.start && w.end <= window.end) out.push(month);
    month = monthPeriod(month.year, month.month + 1);
  }
  return out;
}
