/**
 * The text of a briefing report, generated from its figures and merged with what people wrote. All three
 * renderers print the same composed body, so the .docx, .pdf and .xlsx never disagree on a sentence.
 */
import { canChiOfYear, tetDate } from '../calendar/index.ts';
import { highestSecrecy, type SecrecyLevel } from '../shared/secrecy.ts';
import {
  capitalizeFirst,
  casesAndSuspects,
  formatAdministrativeDate,
  formatDate,
  formatNumber,
  formatPaddedCount,
  joinVietnameseList,
  numberToWords,
  roundTo,
} from '../vietnamese/index.ts';
import {
  type BriefingReport,
  type FieldReport,
  type Figure,
  type FigureChange,
  figureKey,
  type TaskStatus,
} from './model.ts';
import { crossesReorganisation, forcesOf, naturalLabel, RULES } from './rules.ts';

/** Who "we" are in the results sentences: "Công an các đơn vị, địa phương" nationally, the unit itself below. */
function forces(report: BriefingReport): string {
  return forcesOf(report.level ?? 'national', report.issuer.name);
}

/** "Trong tháng", "Trong quý", "Trong 6 tháng", "Trong 9 tháng", "Trong năm". */
function within_(report: BriefingReport): string {
  switch (report.period.kind ?? 'month') {
    case 'month':
      return 'Trong tháng';
    case 'quarter':
      return 'Trong quý';
    case 'half':
      return 'Trong 6 tháng';
    case 'nine_months':
      return 'Trong 9 tháng';
    case 'year':
      return 'Trong năm';
  }
}

/** A percentage with exactly two decimals, as every figure of the report prints it: "4,40%". */
export function percentText(percent: number): string {
  return `${formatNumber(percent, RULES.percentDecimals, RULES.percentDecimals)}%`;
}

export type ParagraphSource = 'generated' | 'human';

export type BodyBlock =
  /** Level 1: "I. TÌNH HÌNH, …" (upper, bold); 2: "1. Tình hình chung" (bold); 3: "a) …" (upright). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; source: ParagraphSource };

export interface ComposedBriefing {
  /** Box 2: parent body, upper case, or null. */
  parentLine: string | null;
  /** Box 2: issuing body, upper case. */
  issuerLine: string;
  /** Box 3: "Số: 05/BC-BCA", or with a blank number to be filled on signing. */
  numberLine: string;
  /** Box 4: "Hà Nội, ngày 26 tháng 02 năm 2020". */
  placeDateLine: string;
  /** Box 10a: "MẬT", "TỐI MẬT", "TUYỆT MẬT", or null when unclassified. */
  secrecyMark: string | null;
  secrecy: SecrecyLevel;
  typeName: string;
  summary: string;
  /** "Kính gửi" lines, empty when the report is not addressed. */
  addressees: string[];
  body: BodyBlock[];
  /** "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG": upper-case lines of box 7a. */
  signerTitleLines: string[];
  /** Box 7b: "Thượng tướng Phạm Quốc Bình". */
  signerName: string;
  /** Box 9b, each line complete: "- Như trên;", …, "- Lưu: VT, V01.". */
  recipientLines: string[];
  /** "(Kèm theo Báo cáo số 05/BC-BCA ngày 26 tháng 02 năm 2020 của Bộ Công an)". */
  appendixReference: string;
}

const SECRECY_MARKS: Record<SecrecyLevel, string | null> = {
  none: null,
  mat: 'MẬT',
  toi_mat: 'TỐI MẬT',
  tuyet_mat: 'TUYỆT MẬT',
};

/**
 * The level printed in box 10a: the issuer's level, raised to the highest level of any figure, table column or
 * chart inside, so that a document is never marked below its content.
 */
export function effectiveSecrecy(report: BriefingReport): SecrecyLevel {
  const levels: SecrecyLevel[] = [report.document.secrecy];
  for (const field of report.fields) for (const f of field.figures) levels.push(f.secrecy);
  for (const c of report.unitTable?.columns ?? []) levels.push(c.secrecy);
  for (const t of report.trends) levels.push(t.secrecy);
  return highestSecrecy(levels);
}

export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

function lowerFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toLocaleLowerCase('vi') + text.slice(head.length);
}

/** "Số: 05/BC-BCA"; a blank number leaves room to write it in on signing. */
export function numberLine(number: number | null, symbol: string): string {
  if (number === null) return `Số:        /${symbol}`;
  return `Số: ${number < 10 ? `0${number}` : String(number)}/${symbol}`;
}

/** A quantity with its unit: 27,9 kg; masses under a kilogram in grams, as provincial reports write them. */
export function formatQuantity(value: number, unit: string, decimals: number): string {
  if (unit === 'kg' && value > 0 && value < 1) {
    return `${formatNumber(roundTo(value * 1000, 2), 2)} gam`;
  }
  if (unit === 'triệu đồng' && value >= 1000) {
    return `${formatNumber(roundTo(value / 1000, 2), 2)} tỷ đồng`;
  }
  return `${formatNumber(roundTo(value, decimals), decimals)} ${unit}`;
}

const MONEY_UNITS = new Set(['đồng', 'nghìn đồng', 'triệu đồng', 'tỷ đồng']);

/**
 * "1.457 vụ phạm tội về ma túy", "46 khẩu súng các loại", "12 vụ buôn lậu"; money reads as the value of
 * something: "hàng hóa vi phạm trị giá 48,65 tỷ đồng".
 */
export function figurePhrase(figure: Figure, value: number): string {
  const amount = formatQuantity(value, figure.unit, figure.decimals);
  if (MONEY_UNITS.has(figure.unit)) return `${figure.optionName ?? figure.phrase} trị giá ${amount}`;
  if (figure.optionName !== null) return `${amount} ${figure.optionName}`;
  if (figure.phrase.startsWith(`${figure.unit} `) || figure.phrase === figure.unit) {
    return `${amount}${figure.phrase.slice(figure.unit.length)}`;
  }
  return `${amount} ${figure.phrase}`;
}

function present(figure: Figure | undefined): figure is Figure & { value: number } {
  return figure !== undefined && figure.value !== null;
}

function find(field: FieldReport, indicator: string, option: string | null = null): Figure | undefined {
  return field.figures.find((f) => f.indicator === indicator && f.option === option);
}

/** The words after a number for a figure: "vụ tai nạn giao thông", "khẩu súng các loại", "kg heroin". */
function unitPhrase(figure: Figure): string {
  if (figure.optionName !== null) return `${figure.unit} ${figure.optionName}`;
  return figure.phrase.startsWith(`${figure.unit} `) || figure.phrase === figure.unit
    ? figure.phrase
    : `${figure.unit} ${figure.phrase}`;
}

/**
 * The word each figure is compared by: the bare unit when the figures of the sentence describe the same thing
 * ("1.457 vụ - 1.978 đối tượng phạm tội về ma túy": "tăng 62 vụ, tăng 85 đối tượng"), otherwise the full phrase
 * ("giảm 59 người chết, tăng 84 người bị thương"), so that no comparison is ambiguous.
 */
function comparisonUnits(figures: Figure[]): Map<Figure, string> {
  const rests = new Set(figures.map((f) => afterUnit(f)));
  const units = new Set(figures.map((f) => f.unit));
  const bare =
    figures.length === 1 || (rests.size === 1 && !rests.has(null) && units.size === figures.length);
  const out = new Map<Figure, string>();
  for (const f of figures) out.set(f, bare && f.optionName === null ? f.unit : unitPhrase(f));
  return out;
}

/**
 * The change of a figure against a base: the engine's computed change when it came with the figure (so the
 * narrative, the tables and the dashboard print one number), else computed here from the unrounded values.
 */
export function figureChange(figure: Figure, which: 'prev' | 'yoy'): FigureChange | null {
  const engine = which === 'prev' ? figure.changePrev : figure.changeYoy;
  if (engine) return engine;
  const base = which === 'prev' ? figure.previous : figure.samePeriodLastYear;
  if (figure.value === null || base === null) return null;
  const delta = figure.value - base;
  const rounded = roundTo(delta, Math.max(figure.decimals, 3));
  return {
    absolute: rounded,
    percent: base === 0 ? null : roundTo((delta / Math.abs(base)) * 100, 2),
    direction: rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'same',
  };
}

function baseOf(figure: Figure, which: 'prev' | 'yoy'): number | null {
  return which === 'prev' ? figure.previous : figure.samePeriodLastYear;
}

/**
 * "tăng 62 vụ (+4,44%)": the absolute change with the figure's words, and the percentage only on a base of at least
 * RULES.smallBase (below it a percentage exaggerates: 1 → 0 is "giảm 100%").
 */
function changeText(c: FigureChange, base: number, figure: Figure, words: string): string {
  const amount = formatNumber(Math.abs(roundTo(c.absolute, figure.decimals)), figure.decimals);
  let text = `${c.direction === 'up' ? 'tăng' : 'giảm'} ${amount} ${words}`;
  if (c.percent !== null && Math.abs(base) >= RULES.smallBase)
    text += ` (${c.direction === 'up' ? '+' : '-'}${percentText(Math.abs(c.percent))})`;
  return text;
}

/** "số người chết, số người bị thương": how unchanged figures are named when they are grouped. */
function unchangedName(figure: Figure): string {
  const words = unitPhrase(figure);
  return words.startsWith('số ') ? words : `số ${words}`;
}

/**
 * "So với tháng 01/2020, tăng 62 vụ (+4,44%), tăng 85 đối tượng (+4,49%); so với cùng kỳ năm 2019, …".
 * Every change names its figure; unchanged figures are grouped at the end of their clause ("số người chết không
 * thay đổi"); figures that are 0 in both periods are left out. Rates are compared in percentage points elsewhere
 * ({@link rateComparison}); "cả 3 tiêu chí" is said only of the traffic triple (RULES.criteriaGroups).
 */
export function comparisonSentence(figures: Figure[], report: BriefingReport): string | null {
  const compared = figures.filter((f) => f.value !== null && f.unit !== '%');
  const units = comparisonUnits(compared);
  const clauses: string[] = [];
  const bases: Array<[string, 'prev' | 'yoy']> = [
    [report.period.previousLabel, 'prev'],
    [report.period.samePeriodLastYearLabel, 'yoy'],
  ];
  // A year is compared with the year before only: its "previous period" is the same period last year.
  const kind = report.period.kind ?? 'month';
  for (const [label, which] of bases) {
    if (which === 'prev' && kind === 'year') continue;
    if (which === 'prev' && kind === 'nine_months') continue;
    const moved: Array<{ figure: Figure; change: FigureChange; text: string }> = [];
    const same: Figure[] = [];
    for (const f of compared) {
      const base = baseOf(f, which);
      const c = figureChange(f, which);
      if (base === null || c === null) continue;
      if (c.direction === 'same') {
        if (f.value !== 0) same.push(f);
        continue;
      }
      moved.push({ figure: f, change: c, text: changeText(c, base, f, units.get(f) ?? f.unit) });
    }
    if (moved.length === 0 && same.length === 0) continue;
    const first = moved[0];
    const group = RULES.criteriaGroups.find(
      (g) =>
        g.indicators.length === moved.length &&
        g.indicators.every((code) => moved.some((m) => m.figure.indicator === code)),
    );
    const all =
      group && first && moved.every((m) => m.change.direction === first.change.direction)
        ? `${first.change.direction === 'up' ? 'tăng' : 'giảm'} cả ${group.label}: `
        : '';
    const parts = moved.map((m) => m.text);
    if (same.length > 0) parts.push(`${joinVietnameseList(same.map(unchangedName))} không thay đổi`);
    clauses.push(`so với ${label}, ${all}${parts.join(', ')}`);
  }
  if (clauses.length === 0) return null;
  return `${capitalizeFirst(clauses.join('; '))}.`;
}

/**
 * A rate against last year, in percentage points: "tăng 1,25 điểm phần trăm so với cùng kỳ năm 2019"; a rate above
 * 100% carries the note of RULES.rateNotes.
 */
export function rateComparison(rate: Figure & { value: number }, report: BriefingReport): string {
  const parts: string[] = [];
  if (rate.value > 100)
    parts.push(RULES.rateNotes[rate.indicator] ?? 'tỷ lệ vượt 100%, cần kiểm tra số liệu');
  if (rate.samePeriodLastYear !== null) {
    const points = roundTo(rate.value - rate.samePeriodLastYear, 2);
    if (points !== 0)
      parts.push(
        `${points > 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(points), 2, 2)} điểm phần trăm so với ${report.period.samePeriodLastYearLabel}`,
      );
    else parts.push(`bằng ${report.period.samePeriodLastYearLabel}`);
  }
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** "27,9 kg heroin, 138,6 kg và 162.526 viên ma túy tổng hợp, 5,5 kg cần sa": quantities grouped by substance. */
function seizuresPhrase(field: FieldReport): string | null {
  const byOption = new Map<string, { name: string; parts: string[] }>();
  for (const f of field.figures) {
    if (!f.indicator.startsWith('drug.seized') || f.option === null || !present(f) || f.value === 0) continue;
    const entry = byOption.get(f.option) ?? { name: f.optionName ?? f.option, parts: [] };
    entry.parts.push(formatQuantity(f.value, f.unit, f.decimals));
    byOption.set(f.option, entry);
  }
  if (byOption.size === 0) return null;
  return [...byOption.values()].map((e) => `${joinVietnameseList(e.parts)} ${e.name}`).join(', ');
}

/** The remainder of a phrase after its unit ("vụ phạm tội về ma túy" → "phạm tội về ma túy"), or null. */
function afterUnit(figure: Figure): string | null {
  return figure.phrase.startsWith(`${figure.unit} `) ? figure.phrase.slice(figure.unit.length + 1) : null;
}

/** "1.457 vụ - 1.978 đối tượng phạm tội về ma túy", or each figure on its own when the phrases differ. */
function casesSuspectsPhrase(
  cases: Figure & { value: number },
  suspects: Figure & { value: number },
): string {
  const a = afterUnit(cases);
  const b = afterUnit(suspects);
  if (a !== null && a === b) {
    return `${casesAndSuspects(cases.value, suspects.value, { units: { cases: cases.unit, suspects: suspects.unit } })} ${a}`;
  }
  return `${figurePhrase(cases, cases.value)}, ${figurePhrase(suspects, suspects.value)}`;
}

function drugParagraphs(field: FieldReport, report: BriefingReport): string[] {
  const cases = find(field, 'drug.cases');
  const suspects = find(field, 'drug.suspects');
  const parts: string[] = [];
  if (present(cases) && present(suspects))
    parts.push(`phát hiện, bắt giữ ${casesSuspectsPhrase(cases, suspects)}`);
  else if (present(cases)) parts.push(`phát hiện, bắt giữ ${figurePhrase(cases, cases.value)}`);
  const seized = seizuresPhrase(field);
  if (seized) parts.push(`thu giữ ${seized}`);
  if (parts.length === 0) return genericParagraphs(field, report);
  const sentence = `${within_(report)}, ${forces(report)} đã ${parts.join(', ')}.`;
  const headline = [cases, suspects].filter((f): f is Figure => f !== undefined);
  const comparison = comparisonSentence(headline, report);
  return [comparison ? `${sentence} ${comparison}` : sentence];
}

function crimeParagraphs(field: FieldReport, report: BriefingReport): string[] {
  const occurred = find(field, 'crime.occurred');
  const solved = find(field, 'crime.solved');
  const rate = find(field, 'crime.solve_rate');
  const suspects = find(field, 'crime.suspects');
  const gangs = find(field, 'crime.gangs');
  const parts: string[] = [];
  if (present(occurred)) parts.push(`xảy ra ${figurePhrase(occurred, occurred.value)}`);
  if (present(solved)) {
    let text = `đã điều tra, khám phá ${formatQuantity(solved.value, solved.unit, 0)}`;
    const rateValue = present(rate)
      ? rate.value
      : present(occurred) && occurred.value > 0
        ? roundTo((solved.value / occurred.value) * 100, 2)
        : null;
    if (rateValue !== null) {
      text += `, đạt tỷ lệ ${percentText(rateValue)}`;
      if (present(rate)) text += rateComparison(rate, report);
      else if (rateValue > 100) text += ` (${RULES.rateNotes['crime.solve_rate']})`;
    }
    parts.push(text);
  }
  if (present(suspects) && suspects.value > 0)
    parts.push(`bắt giữ, xử lý ${formatQuantity(suspects.value, suspects.unit, 0)}`);
  if (present(gangs) && gangs.value > 0) parts.push(`triệt phá ${figurePhrase(gangs, gangs.value)}`);
  if (parts.length === 0) return genericParagraphs(field, report);
  const sentence = `${within_(report)}, ${parts.join('; ')}.`;
  const comparison = comparisonSentence(
    [occurred, solved].filter((f): f is Figure => f !== undefined),
    report,
  );
  return [comparison ? `${sentence} ${comparison}` : sentence];
}

/** Accidents and fires: "xảy ra 1.234 vụ …, làm chết 567 người, bị thương 890 người". */
function casualtiesParagraphs(
  field: FieldReport,
  report: BriefingReport,
  codes: { cases: string; deaths: string; injuries: string },
): string[] {
  const cases = find(field, codes.cases);
  const deaths = find(field, codes.deaths);
  const injuries = find(field, codes.injuries);
  if (!present(cases)) return genericParagraphs(field, report);
  let sentence = `${within_(report)}, xảy ra ${figurePhrase(cases, cases.value)}`;
  if (present(deaths) && deaths.value > 0) sentence += `, làm chết ${formatNumber(deaths.value)} người`;
  if (present(injuries) && injuries.value > 0)
    sentence += `, bị thương ${formatNumber(injuries.value)} người`;
  const used = new Set<Figure>([cases, ...[deaths, injuries].filter((f): f is Figure => f !== undefined)]);
  const damage = field.figures.find((f) => f.indicator === 'fire.damage');
  if (present(damage) && damage.value > 0) {
    sentence += `, thiệt hại tài sản ước tính ${formatQuantity(damage.value, damage.unit, damage.decimals)}`;
    used.add(damage);
  }
  const others = field.figures.filter((f) => !used.has(f) && present(f) && f.value !== 0);
  const extra = others.map((f) => figurePhrase(f, f.value ?? 0));
  sentence += extra.length > 0 ? `; ${extra.join(', ')}.` : '.';
  const comparison = comparisonSentence(
    [...used].filter((f) => f !== damage),
    report,
  );
  return [comparison ? `${sentence} ${comparison}` : sentence];
}

const VERBS: Partial<Record<FieldReport['field'], string>> = {
  security: 'phát hiện, xử lý',
  wanted: 'bắt, vận động đầu thú',
  gambling: 'phát hiện, bắt giữ',
  economy: 'phát hiện, xử lý',
  weapons: 'thu hồi',
};

function genericParagraphs(field: FieldReport, report: BriefingReport): string[] {
  // Zeros are not listed ("0 quả lựu đạn"): a field with nothing to report says so in one phrase.
  const shown = field.figures.filter(present).filter((f) => f.value !== 0);
  if (shown.length === 0) return [];
  const cases = shown.find((f) => f.unit === 'vụ' && f.option === null);
  const suspects = shown.find((f) => f.unit === 'đối tượng' && f.option === null);
  const phrases: string[] = [];
  const used = new Set<Figure>();
  if (cases && suspects) {
    phrases.push(casesSuspectsPhrase(cases, suspects));
    used.add(cases).add(suspects);
  }
  for (const f of shown) {
    if (used.has(f)) continue;
    phrases.push(
      f.unit === '%'
        ? `${naturalLabel(figureKey(f.indicator, f.option), f.name, f.optionName)} đạt ${percentText(f.value)}${f.value > 100 ? ` (${RULES.rateNotes[f.indicator] ?? 'tỷ lệ vượt 100%, cần kiểm tra số liệu'})` : ''}`
        : figurePhrase(f, f.value),
    );
  }
  const verb = VERBS[field.field];
  const sentence = verb
    ? `${within_(report)}, ${forces(report)} đã ${verb} ${phrases.join(', ')}.`
    : `${within_(report)}, ${phrases.join('; ')}.`;
  // Money is compared in the tables, not in the sentence, where "giảm 7.470 triệu đồng" reads badly.
  const headline = shown
    .filter((f) => f.option === null && f.unit !== '%' && !MONEY_UNITS.has(f.unit))
    .slice(0, 3);
  const comparison = comparisonSentence(headline, report);
  return [comparison ? `${sentence} ${comparison}` : sentence];
}

function communePoliceParagraphs(field: FieldReport, report: BriefingReport): string[] {
  const communes = find(field, 'commune_police.communes');
  const regular = find(field, 'commune_police.regular');
  if (!present(communes) || !present(regular)) return genericParagraphs(field, report);
  const share = communes.value > 0 ? roundTo((regular.value / communes.value) * 100, 2) : null;
  const rate = share === null ? '' : `, đạt ${percentText(share)}`;
  return [
    `Đến nay, đã bố trí Công an chính quy đảm nhiệm chức danh Công an xã tại ${formatNumber(regular.value)}/${formatNumber(communes.value)} đơn vị hành chính cấp xã${rate}.`,
  ];
}

/** Generated sentences of one field (the people's notes are added by the caller). */
export function fieldParagraphs(field: FieldReport, report: BriefingReport): string[] {
  switch (field.field) {
    case 'drug':
      return drugParagraphs(field, report);
    case 'crime':
      return crimeParagraphs(field, report);
    case 'traffic':
      return casualtiesParagraphs(field, report, {
        cases: 'traffic.accidents',
        deaths: 'traffic.deaths',
        injuries: 'traffic.injuries',
      });
    case 'fire':
      return casualtiesParagraphs(field, report, {
        cases: 'fire.cases',
        deaths: 'fire.deaths',
        injuries: 'fire.injuries',
      });
    case 'commune_police':
      return communePoliceParagraphs(field, report);
    default:
      return genericParagraphs(field, report);
  }
}

/** "Tết Nguyên đán Canh Tý 2020". */
export function tetName(year: number): string {
  return `Tết Nguyên đán ${canChiOfYear(year)} ${year}`;
}

function within(date: string, start: string, end: string): boolean {
  return date >= start && date <= end;
}

/**
 * Tết moves between the February and March windows, so a "cùng kỳ" comparison is only like for like when
 * Tết fell in both windows or in neither; the sentence says which.
 */
export function tetNote(report: BriefingReport): string | null {
  const p = report.period;
  const year = Number(p.windowEnd.slice(0, 4));
  const lastYear = Number(p.samePeriodLastYearEnd.slice(0, 4));
  const tet = tetDate(year);
  const lastTet = tetDate(lastYear);
  const now = within(tet, p.windowStart, p.windowEnd);
  const before = within(lastTet, p.samePeriodLastYearStart, p.samePeriodLastYearEnd);
  if (!now && !before) return null;
  if (now && before) {
    return `Kỳ báo cáo có dịp ${tetName(year)} (mùng 1 Tết là ngày ${formatDate(tet)}); ${p.samePeriodLastYearLabel} cũng có dịp ${tetName(lastYear)}, nên số liệu so sánh cùng kỳ là tương đồng.`;
  }
  if (now) {
    return `Kỳ báo cáo có dịp ${tetName(year)} (mùng 1 Tết là ngày ${formatDate(tet)}), trong khi ${p.samePeriodLastYearLabel} không có Tết; khi so sánh với cùng kỳ cần lưu ý yếu tố này.`;
  }
  return `Kỳ báo cáo không có Tết, trong khi ${p.samePeriodLastYearLabel} có dịp ${tetName(lastYear)}; khi so sánh với cùng kỳ cần lưu ý yếu tố này.`;
}

/** A count with its words in brackets, as administrative texts write totals: "03 (ba)". */
export function countWithWords(n: number): string {
  return `${formatPaddedCount(n)} (${numberToWords(n)})`;
}

export function submissionParagraph(report: BriefingReport): string | null {
  const rows = report.submissions;
  if (rows.length === 0) return null;
  let expected = 0;
  let onTime = 0;
  let late = 0;
  let missing = 0;
  for (const r of rows) {
    expected += r.expected;
    onTime += r.onTime;
    late += r.late;
    missing += r.missing;
  }
  if (expected === 0) return null;
  const received = onTime + late;
  const parts = [
    `đã nhận ${formatNumber(received)}/${formatNumber(expected)} báo cáo phải gửi (${percentText(roundTo((received / expected) * 100, 2))})`,
  ];
  if (late > 0) parts.push(`trong đó ${formatNumber(late)} báo cáo gửi chậm`);
  let text = `Về chế độ báo cáo: trong kỳ, ${parts.join(', ')}`;
  if (missing > 0) {
    const units = rows.filter((r) => r.missing > 0);
    const named =
      units.length <= RULES.maxNamedUnits
        ? joinVietnameseList(units.map((r) => r.unitName))
        : `${formatNumber(units.length)} đơn vị (chi tiết tại phụ lục tình hình gửi báo cáo)`;
    text += `; còn ${formatNumber(missing)} báo cáo chưa gửi, của ${named}`;
  }
  return `${text}.`;
}

export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  not_started: 'Chưa triển khai',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  done_late: 'Hoàn thành chậm',
  overdue: 'Quá hạn',
};

/** "Công an tỉnh Lai Châu chủ trì: khẩn trương hoàn thành …" — the lead unit named as the one who leads. */
export function assignedTask(leadUnit: string, directive: string): string {
  return `${leadUnit} chủ trì ${lowerFirst(directive.trim().replace(/[.;]+$/, ''))}`;
}

export function taskParagraph(report: BriefingReport): string | null {
  const tasks = report.tasks;
  if (tasks.length === 0) return null;
  const n = (status: TaskStatus) => tasks.filter((t) => t.status === status).length;
  const done = n('done') + n('done_late');
  const parts: string[] = [];
  if (done > 0)
    parts.push(
      `đã hoàn thành ${formatNumber(done)} nhiệm vụ${n('done_late') > 0 ? ` (trong đó ${formatNumber(n('done_late'))} nhiệm vụ hoàn thành chậm)` : ''}`,
    );
  if (n('in_progress') > 0) parts.push(`đang thực hiện ${formatNumber(n('in_progress'))} nhiệm vụ`);
  if (n('not_started') > 0) parts.push(`chưa triển khai ${formatNumber(n('not_started'))} nhiệm vụ`);
  let text = `Về thực hiện các nhiệm vụ được giao: tổng số ${formatNumber(tasks.length)} nhiệm vụ${parts.length > 0 ? `, ${parts.join(', ')}` : ''}`;
  const overdue = tasks.filter((t) => t.status === 'overdue');
  if (overdue.length > 0) {
    const list = overdue.map((t) => assignedTask(t.leadUnit, t.directive));
    text += `; ${formatNumber(overdue.length)} nhiệm vụ quá hạn chưa hoàn thành: ${list.join('; ')}`;
  }
  return `${text}.`;
}

export interface Movement {
  figure: Figure;
  change: FigureChange;
  good: boolean;
}

/**
 * The figures an assessment may judge against the same period last year: a change of at least
 * RULES.assessmentMinPercent on a base of at least RULES.smallBase, that the engine's notable-change test does not
 * call noise, and not a structural series across a reorganisation (commune counts in July 2025). Largest first.
 */
export function assessmentMovements(report: BriefingReport): Movement[] {
  const out: Movement[] = [];
  const reorganised = crossesReorganisation(report.period.samePeriodLastYearStart, report.period.windowEnd);
  for (const field of report.fields) {
    for (const f of field.figures) {
      if (f.value === null || f.samePeriodLastYear === null) continue;
      if (Math.abs(f.samePeriodLastYear) < RULES.smallBase) continue;
      if (f.goodDirection === 'neutral' || f.unit === '%') continue;
      if (reorganised && RULES.structural.includes(f.indicator)) continue;
      if (f.notableYoy === false) continue;
      const c = figureChange(f, 'yoy');
      if (!c || c.direction === 'same' || c.percent === null) continue;
      if (Math.abs(c.percent) < RULES.assessmentMinPercent) continue;
      const good = (c.direction === 'up') === (f.goodDirection === 'up');
      out.push({ figure: f, change: c, good });
    }
  }
  return out.sort((a, b) => Math.abs(b.change.percent ?? 0) - Math.abs(a.change.percent ?? 0));
}

/** "lượng heroin thu giữ giảm 12,5 kg (-30,91%)": natural label, absolute change and the engine's percentage. */
export function movementText(m: Movement): string {
  const f = m.figure;
  const label = naturalLabel(figureKey(f.indicator, f.option), f.name, f.optionName);
  const amount = formatQuantity(Math.abs(m.change.absolute), f.unit, f.decimals);
  const sign = m.change.direction === 'up' ? '+' : '-';
  return `${label} ${m.change.direction === 'up' ? 'tăng' : 'giảm'} ${amount} (${sign}${percentText(Math.abs(m.change.percent ?? 0))})`;
}

/** "chỉ tiêu “Công an chính quy tại 100% xã” (hạn 30/06/2020): 34/34 đơn vị đạt". */
function targetText(t: NonNullable<BriefingReport['targets']>[number]): string {
  return `chỉ tiêu “${t.name}” (hạn ${formatDate(t.deadline)}): ${formatNumber(t.reached)}/${formatNumber(t.total)} đơn vị đạt`;
}

export function strengthsParagraph(report: BriefingReport): string | null {
  const reached = (report.targets ?? []).filter((t) => t.total > 0 && t.reached === t.total);
  const targets = reached.length > 0 ? ` Hoàn thành ${reached.map(targetText).join('; ')}.` : '';
  const text = strengthsFromFigures(report);
  return text === null ? (targets ? targets.trim() : null) : `${text}${targets}`;
}

function strengthsFromFigures(report: BriefingReport): string | null {
  const good = assessmentMovements(report)
    .filter((m) => m.good)
    .slice(0, RULES.assessmentMaxPoints);
  if (good.length === 0)
    return `So với ${report.period.samePeriodLastYearLabel}, không có chỉ tiêu chuyển biến tích cực nổi bật (thay đổi từ ${formatNumber(RULES.assessmentMinPercent)}% trở lên); các chỉ tiêu chủ yếu cơ bản ổn định.`;
  return `So với ${report.period.samePeriodLastYearLabel}, ${good.length > 1 ? 'các chỉ tiêu sau chuyển biến tích cực' : 'có chuyển biến tích cực'}: ${good.map(movementText).join('; ')}.`;
}

export function weaknessesParagraph(report: BriefingReport): string | null {
  const bad = assessmentMovements(report)
    .filter((m) => !m.good)
    .slice(0, RULES.assessmentMaxPoints);
  const sentences: string[] = [];
  if (bad.length > 0) {
    sentences.push(
      `Một số chỉ tiêu diễn biến chưa tích cực so với ${report.period.samePeriodLastYearLabel}: ${bad.map(movementText).join('; ')}.`,
    );
  }
  const lateUnits = report.submissions.filter((r) => r.late > 0 || r.missing > 0).length;
  if (lateUnits > 0) {
    sentences.push(
      `Còn ${formatNumber(lateUnits)} đơn vị gửi báo cáo chậm hoặc chưa gửi báo cáo theo quy định.`,
    );
  }
  const overdue = report.tasks.filter((t) => t.status === 'overdue').length;
  if (overdue > 0)
    sentences.push(`Còn ${formatNumber(overdue)} nhiệm vụ được giao đã quá hạn nhưng chưa hoàn thành.`);
  const behind = (report.targets ?? []).filter((t) => t.total > 0 && t.reached < t.total);
  if (behind.length > 0) sentences.push(`Chưa hoàn thành ${behind.map(targetText).join('; ')}.`);
  return sentences.length > 0 ? sentences.join(' ') : null;
}

/** Vietnamese letters for "điểm" (a, b, c, d, đ, e, g, …). */
const POINT_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];

function pointLetter(index: number): string {
  return POINT_LETTERS[index] ?? String(index + 1);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

export function roman(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}

/** How many appendices the report carries; the renderers number them I, II, … in this order. */
export function appendixCount(report: BriefingReport): number {
  return (
    (report.unitTable?.columns.length ?? 0) +
    (report.submissions.length > 0 ? 1 : 0) +
    (report.tasks.length > 0 ? 1 : 0) +
    (report.trends.length > 0 ? 1 : 0)
  );
}

/** An instant in Vietnam's time as a document states it: "08 giờ 00 ngày 26/02/2020", or "hết ngày 19/02/2020". */
export function instantText(instant: string): string {
  const local = new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString();
  const day = formatDate(local.slice(0, 10));
  if (local.slice(11, 19) === '23:59:59') return `hết ngày ${day}`;
  return `${local.slice(11, 13)} giờ ${local.slice(14, 16)} ngày ${day}`;
}

/** Assembles the whole text of the report: header lines, sections I–IV, closing, signature and recipients. */
export function composeBriefing(report: BriefingReport): ComposedBriefing {
  const { issuer, document: doc, period } = report;
  const secrecy = effectiveSecrecy(report);
  const body: BodyBlock[] = [];
  const gen = (text: string | null) => {
    if (text) body.push({ kind: 'paragraph', text, source: 'generated' });
  };
  const human = (texts: string[]) => {
    for (const text of texts) body.push({ kind: 'paragraph', text, source: 'human' });
  };

  const asOf = report.issueMoment?.figuresAsOf;
  gen(
    `Thực hiện chế độ báo cáo định kỳ, ${issuer.name} báo cáo ${lowerFirst(doc.summary)} (số liệu từ ngày ${formatDate(period.windowStart)} đến ngày ${formatDate(period.windowEnd)}${asOf ? `; số liệu tính đến ${instantText(asOf)}` : ''}) như sau:`,
  );

  body.push({ kind: 'heading', level: 1, text: `I. TÌNH HÌNH, KẾT QUẢ CÔNG TÁC ${upperVi(period.label)}` });
  body.push({ kind: 'heading', level: 2, text: '1. Tình hình chung' });
  // What people wrote first, then the office's register of events, then what the system knows of the period.
  human(report.human.situation);
  for (const e of report.events ?? [])
    human([`Ngày ${formatDate(e.date)}, ${lowerFirst(e.text.replace(/\.?$/, '.'))}`]);
  gen(tetNote(report));
  for (const text of report.context ?? []) gen(text);
  if (body.at(-1)?.kind === 'heading')
    gen(
      `${within_(report)}, tình hình an ninh, trật tự trên địa bàn cơ bản ổn định; không có sự kiện nổi bật được ghi nhận.`,
    );

  const fields = report.fields.filter((f) => f.figures.some((x) => x.value !== null) || f.notes.length > 0);
  if (fields.length > 0) {
    body.push({ kind: 'heading', level: 2, text: '2. Kết quả công tác trên các lĩnh vực' });
    fields.forEach((field, i) => {
      body.push({ kind: 'heading', level: 3, text: `${pointLetter(i)}) ${field.title}` });
      for (const text of fieldParagraphs(field, report)) gen(text);
      human(field.notes);
    });
  }
  const submissions = submissionParagraph(report);
  const tasks = taskParagraph(report);
  if (submissions || tasks) {
    body.push({
      kind: 'heading',
      level: 2,
      text: `${fields.length > 0 ? 3 : 2}. Chế độ báo cáo và thực hiện nhiệm vụ được giao`,
    });
    gen(submissions);
    gen(tasks);
  }

  body.push({ kind: 'heading', level: 1, text: 'II. ĐÁNH GIÁ' });
  body.push({ kind: 'heading', level: 2, text: '1. Ưu điểm' });
  human(report.human.assessment.strengths);
  gen(strengthsParagraph(report));
  body.push({ kind: 'heading', level: 2, text: '2. Tồn tại, hạn chế' });
  human(report.human.assessment.weaknesses);
  gen(weaknessesParagraph(report));
  if (report.human.assessment.causes.length > 0) {
    body.push({ kind: 'heading', level: 2, text: '3. Nguyên nhân' });
    human(report.human.assessment.causes);
  }

  body.push({
    kind: 'heading',
    level: 1,
    text: `III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM ${upperVi(period.nextLabel)}`,
  });
  if (report.human.directives.length > 0) {
    gen(
      `Để thực hiện thắng lợi nhiệm vụ công tác ${period.nextLabel}, ${forces(report)} tập trung thực hiện tốt các nhiệm vụ trọng tâm sau:`,
    );
    report.human.directives.forEach((d, i) => {
      body.push({ kind: 'paragraph', text: `${i + 1}. ${d}`, source: 'human' });
    });
  } else {
    gen(`${forces(report)} tiếp tục thực hiện các nhiệm vụ theo chương trình, kế hoạch công tác năm.`);
  }
  // Open tasks carry over into the next period by name, with who leads them.
  const open = report.tasks.filter(
    (t) => t.status === 'overdue' || t.status === 'in_progress' || t.status === 'not_started',
  );
  if (open.length > 0)
    gen(
      `Các đơn vị chủ trì khẩn trương hoàn thành ${formatNumber(open.length)} nhiệm vụ được giao chưa hoàn thành (chi tiết tại phụ lục tình hình thực hiện nhiệm vụ).`,
    );

  body.push({ kind: 'heading', level: 1, text: 'IV. KIẾN NGHỊ, ĐỀ XUẤT' });
  if (report.human.recommendations.length > 0) human(report.human.recommendations);
  else gen('Không có kiến nghị, đề xuất.');

  const appendices = appendixCount(report);
  const attached = appendices > 0 ? ` (kèm theo ${formatNumber(appendices)} phụ lục)` : '';
  gen(`Trên đây là báo cáo ${lowerFirst(doc.summary)} của ${issuer.name}${attached}./.`);

  const number = numberLine(doc.number, doc.symbol).replace(/^Số: /, '');
  const mark = SECRECY_MARKS[secrecy];
  const signer = report.signer;
  const recipients = report.recipients.map((r) => r.replace(/[;.]\s*$/, '').trim()).filter((r) => r !== '');
  return {
    parentLine: issuer.parentName ? upperVi(issuer.parentName) : null,
    issuerLine: upperVi(issuer.name),
    numberLine: numberLine(doc.number, doc.symbol),
    placeDateLine: `${issuer.place}, ${formatAdministrativeDate(doc.issueDate)}`,
    secrecyMark: mark,
    secrecy,
    typeName: upperVi(doc.typeName),
    summary: doc.summary,
    addressees: doc.addressees,
    body,
    signerTitleLines: [signer.authority, signer.position].filter((s): s is string => s !== null).map(upperVi),
    signerName: signer.rank ? `${signer.rank} ${signer.name}` : signer.name,
    recipientLines: recipients.map((r, i) => `- ${r}${i === recipients.length - 1 ? '.' : ';'}`),
    appendixReference: `(Kèm theo ${capitalizeFirst(doc.typeName.toLocaleLowerCase('vi'))} số ${number} ${formatAdministrativeDate(doc.issueDate)} của ${issuer.name})`,
  };
}
