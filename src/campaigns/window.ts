import {
  canChiOfYear,
  type LunarAnchor,
  LunarDateError,
  resolveLunarWindow,
  type SolarWindow,
  tetDate,
} from '../calendar/index.ts';
import { addDays, daysBetween, type IsoDate, isValidIsoDate } from '../vietnamese/dates.ts';

/**
 * How a campaign's window (đợt cao điểm) is defined. Orders set solar date ranges, but the Tết campaigns recur
 * on lunar dates, so the same campaign a year earlier is found through the lunar calendar (Tết to Tết), never
 * by shifting Gregorian dates.
 *   fixed  explicit dates, set by the order for that year;
 *   lunar  lunar dates, e.g. 15 tháng Chạp → 15 tháng Giêng (the start in the lunar year before Tết);
 *   tet    days before and after Tết, e.g. 8 days before to 10 days after.
 */
export type CampaignRule =
  | { kind: 'fixed'; start: IsoDate; end: IsoDate }
  | { kind: 'lunar'; start: LunarAnchor; end: LunarAnchor }
  | { kind: 'tet'; fromDay: number; toDay: number };

export class CampaignRuleError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'CampaignRuleError';
  }
}

/**
 * The solar window of a campaign for lunar year `year` (the year whose Tết it surrounds). Fixed windows are
 * returned as they are whatever the year.
 * @example resolveCampaignWindow({ kind: 'lunar', start: { month: 12, day: 15, yearOffset: -1 }, end: { month: 1, day: 15 } }, 2020) // { start: '2020-01-09', end: '2020-02-08' }
 */
export function resolveCampaignWindow(rule: CampaignRule, year: number): SolarWindow {
  switch (rule.kind) {
    case 'fixed':
      if (!isValidIsoDate(rule.start) || !isValidIsoDate(rule.end))
        throw new CampaignRuleError('ngày bắt đầu hoặc kết thúc không hợp lệ', 'window');
      if (rule.end < rule.start) throw new CampaignRuleError('ngày kết thúc trước ngày bắt đầu', 'window');
      return { start: rule.start, end: rule.end };
    case 'tet': {
      if (rule.toDay < rule.fromDay)
        throw new CampaignRuleError('ngày kết thúc (so với Tết) trước ngày bắt đầu', 'window');
      const tet = tetDate(year);
      return { start: addDays(tet, rule.fromDay), end: addDays(tet, rule.toDay) };
    }
    case 'lunar':
      try {
        return resolveLunarWindow({ start: rule.start, end: rule.end }, year);
      } catch (error) {
        if (error instanceof LunarDateError) throw new CampaignRuleError(error.message, 'window');
        throw error;
      }
  }
}

/** Days in a window, both ends counted. */
export function windowLength(w: SolarWindow): number {
  return daysBetween(w.start, w.end) + 1;
}

/** The window of equal length that ends the day before `w` starts. */
export function windowBefore(w: SolarWindow): SolarWindow {
  const length = windowLength(w);
  return { start: addDays(w.start, -length), end: addDays(w.start, -1) };
}

/**
 * The same campaign a year earlier. Lunar and Tết-relative rules are resolved for the lunar year before; a fixed
 * window has no rule to follow, so it is moved to the same offset from the previous Tết (the nearest thing to
 * "the same campaign" when last year's order is not recorded).
 */
export function sameCampaignLastYear(rule: CampaignRule, year: number): SolarWindow {
  if (rule.kind !== 'fixed') return resolveCampaignWindow(rule, year - 1);
  const tet = tetDate(year);
  const before = tetDate(year - 1);
  return {
    start: addDays(before, daysBetween(tet, rule.start)),
    end: addDays(before, daysBetween(tet, rule.end)),
  };
}

function lunarLabel(a: LunarAnchor): string {
  return `${String(a.day).padStart(2, '0')}/${String(a.month).padStart(2, '0')} âm lịch`;
}

/** A rule as users write it: "15/12 âm lịch → 15/01 âm lịch", "Tết −8 → Tết +10", "01/12/2019 → 14/02/2020". */
export function describeRule(rule: CampaignRule): string {
  switch (rule.kind) {
    case 'fixed':
      return `${viDate(rule.start)} → ${viDate(rule.end)}`;
    case 'lunar':
      return `${lunarLabel(rule.start)} → ${lunarLabel(rule.end)}`;
    case 'tet':
      return `Tết ${signed(rule.fromDay)} → Tết ${signed(rule.toDay)} ngày`;
  }
}

function signed(n: number): string {
  return n === 0 ? '±0' : n > 0 ? `+${n}` : `−${-n}`;
}

function viDate(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/**
 * Reads a lunar rule written "15/12 → 15/01" (day/month, lunar). A start month later than the end month lies
 * in the lunar year before Tết.
 */
export function parseLunarRule(text: string): CampaignRule {
  const m =
    /^\s*(\d{1,2})\/(\d{1,2})(?:\s*âm lịch)?\s*(?:→|->|-|–)\s*(\d{1,2})\/(\d{1,2})(?:\s*âm lịch)?\s*$/u.exec(
      text.normalize('NFC'),
    );
  if (!m) throw new CampaignRuleError('quy tắc âm lịch phải có dạng "15/12 → 15/01"', 'rule');
  const [sd, sm, ed, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  for (const [month, field] of [
    [sm, 'start'],
    [em, 'end'],
  ] as const) {
    if (month < 1 || month > 12) throw new CampaignRuleError(`tháng âm lịch ${month} không hợp lệ`, field);
  }
  for (const day of [sd, ed]) {
    if (day < 1 || day > 30) throw new CampaignRuleError(`ngày âm lịch ${day} không hợp lệ`, 'rule');
  }
  const crossesTet = sm > em || (sm === em && sd > ed);
  return {
    kind: 'lunar',
    start: { month: sm, day: sd, yearOffset: crossesTet ? -1 : 0 },
    end: { month: em, day: ed },
  };
}

/** "Tết Nguyên đán Canh Tý 2020": the name a Tết campaign of lunar year `year` carries. */
export function tetName(year: number): string {
  return `Tết Nguyên đán ${canChiOfYear(year)} ${year}`;
}
