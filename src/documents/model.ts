import type { FieldCode, GoodDirection } from '../indicators/model.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import type { ReportLevel } from './rules.ts';

/**
 * The plain data a monthly briefing report (BÁO CÁO kết quả công tác tháng …, phương hướng nhiệm vụ tháng …)
 * is rendered from. Everything the renderers print comes from here: no clock, no database, no lookups, so
 * the same model gives the same .docx, .xlsx and .pdf. Dates are 'YYYY-MM-DD' strings (local dates in Vietnam).
 */
export interface BriefingReport {
  issuer: Issuer;
  document: DocumentInfo;
  period: ReportPeriod;
  /** Results by field, in the order they are reported (an ninh, ma túy, trật tự xã hội, …). */
  fields: FieldReport[];
  /** Per-unit figures for the appendices (usually the provinces, or a province's districts/communes). */
  unitTable: UnitTable | null;
  /** Who sent their reports on time, late or not at all. */
  submissions: SubmissionRow[];
  /** Directives from earlier briefings and how far they have got. */
  tasks: TaskRow[];
  /** Text written by people, printed verbatim and merged with the generated parts. */
  human: HumanSections;
  /** Series for the trend charts: 2–4 main indicators over 24 months, each with last year's line. */
  trends: TrendSeries[];
  signer: Signer;
  /** "Nơi nhận" lines without the leading "- " and the closing ";" / "." (the renderers add them). */
  recipients: string[];
  /** Level of the issuing unit, which decides how the results sentences name the forces (national by default). */
  level?: ReportLevel;
  /** Notable events and situation notes of the period from the office's register, in date order. */
  events?: ReportEvent[];
  /** What the system knows about the period: campaigns, meetings held, reorganisations, completeness. */
  context?: string[];
  /** Deployment targets due in or before the period, as they stand at its end. */
  targets?: TargetStatus[];
  /** The moment the report is computed and dated as of: the briefing date, or the window's end plus the deadline. */
  issueMoment?: {
    date: string;
    basis: string;
    /** The instant every figure and the reporting table are read as of (ISO); stated in the opening paragraph. */
    figuresAsOf?: string;
  };
  /** Which reports the figures count, and the report statuses that level takes in. */
  include?: string;
  counts?: readonly string[];
}

export interface TargetStatus {
  name: string;
  deadline: string;
  reached: number;
  total: number;
}

export interface ReportEvent {
  date: string;
  unitName: string;
  text: string;
  secrecy: SecrecyLevel;
}

/** A change as the analytics engine computed it; the narrative prints it as is so every output agrees. */
export interface FigureChange {
  absolute: number;
  /** Rounded to 2 decimals; null where the base is 0. */
  percent: number | null;
  direction: 'up' | 'down' | 'same';
}

export interface Issuer {
  /** Parent body (cơ quan chủ quản), in normal case: "Bộ Công an" for a provincial police; null for the ministry. */
  parentName: string | null;
  /** Issuing body in normal case, as it is written in running text: "Bộ Công an", "Công an tỉnh Nghệ An". */
  name: string;
  /** Place name of box 4: "Hà Nội", "Nghệ An". */
  place: string;
}

export interface DocumentInfo {
  /** Number in the register; null leaves it blank to be filled on signing ("Số:      /BC-BCA"). */
  number: number | null;
  /** Symbol after the slash: "BC-BCA", "BC-CAT-PV01". */
  symbol: string;
  issueDate: string;
  /** Type name, upper case: "BÁO CÁO". */
  typeName: string;
  /** Trích yếu: "Kết quả công tác tháng 02 năm 2020, phương hướng nhiệm vụ tháng 3 năm 2020". */
  summary: string;
  /** Level the issuer set. The printed marking is never lower than the highest level of the figures inside. */
  secrecy: SecrecyLevel;
  /** "Kính gửi" recipients for a report sent upward; empty when there are none. */
  addressees: string[];
}

export interface ReportPeriod {
  /** "2020-02". */
  id: string;
  /** In headings and running text: "tháng 02 năm 2020". */
  label: string;
  /** In table headers and comparisons: "tháng 02/2020". */
  shortLabel: string;
  /** Data window (Decree 09: the 15th of the previous month to the 14th). */
  windowStart: string;
  windowEnd: string;
  /** "tháng 01/2020". */
  previousLabel: string;
  /** "cùng kỳ năm 2019". */
  samePeriodLastYearLabel: string;
  /** Last year's data window, to tell whether Tết fell in both. */
  samePeriodLastYearStart: string;
  samePeriodLastYearEnd: string;
  /** "tháng 3 năm 2020". */
  nextLabel: string;
  /** The kind of report; monthly by default. */
  kind?: ReportKind;
  /** Start of the previous period's window (to tell whether a comparison crosses a reorganisation). */
  previousStart?: string;
}

/** Monthly, quarterly, 6-month review (sơ kết), 9-month, annual review (tổng kết). */
export type ReportKind = 'month' | 'quarter' | 'half' | 'nine_months' | 'year';

/** A field of work and its figures: "Đấu tranh phòng, chống tội phạm về ma túy". */
export interface FieldReport {
  field: FieldCode;
  /** Heading as printed: "Công tác đấu tranh phòng, chống tội phạm về ma túy". */
  title: string;
  figures: Figure[];
  /** Paragraphs written by people for this field, printed verbatim after the generated sentences. */
  notes: string[];
}

/** One figure of the period with its two comparison bases. */
export interface Figure {
  indicator: string;
  option: string | null;
  /** Indicator name: "Ma túy thu giữ (khối lượng)". */
  name: string;
  /** Option name: "heroin", "ma túy tổng hợp"; null without an option. */
  optionName: string | null;
  /** Unit as reports write it: "vụ", "đối tượng", "kg", "viên", "người". */
  unit: string;
  /** Phrase for sentences: "vụ phạm tội về ma túy". */
  phrase: string;
  /** Digits shown after the comma (the stored precision may be finer). */
  decimals: number;
  value: number | null;
  previous: number | null;
  samePeriodLastYear: number | null;
  goodDirection: GoodDirection;
  secrecy: SecrecyLevel;
  /** The engine's changes against the previous period and last year, when the figure came from the engine. */
  changePrev?: FigureChange | null;
  changeYoy?: FigureChange | null;
  /** The engine's notable-change test against last year (null where it does not apply). */
  notableYoy?: boolean | null;
}

/** Identifies a figure in a unit table row: `figureKey('drug.seized_kg', 'heroin')` → "drug.seized_kg:heroin". */
export function figureKey(indicator: string, option: string | null): string {
  return option === null ? indicator : `${indicator}:${option}`;
}

export interface UnitTableColumn {
  indicator: string;
  option: string | null;
  /** Title of the appendix for this column: "Số vụ phạm tội về ma túy phát hiện, bắt giữ". */
  title: string;
  unit: string;
  decimals: number;
  secrecy: SecrecyLevel;
}

export interface UnitTable {
  /** What the rows are, for headers: "Đơn vị", "Công an tỉnh, thành phố". */
  unitHeading: string;
  columns: UnitTableColumn[];
  rows: UnitRow[];
  /** Total row ("Toàn quốc"), or null when totals make no sense. */
  total: UnitRow | null;
  /**
   * The issuing unit's own level, which no row covers: "Các đơn vị thuộc Bộ" (the ministry's departments) or
   * "Cấp tỉnh" (a province's own figures beyond its communes), so that the rows add up to the total.
   */
  own?: UnitRow | null;
}

export interface UnitRow {
  unitCode: string;
  unitName: string;
  /** By `figureKey(indicator, option)`; a missing key prints as blank. */
  cells: Record<string, ComparedValue>;
}

export interface ComparedValue {
  value: number | null;
  previous: number | null;
  samePeriodLastYear: number | null;
  /**
   * The engine's change in percent where it is like for like (over the units counted in both periods), so that a
   * total row prints the number the narrative quotes; null where the engine refused the comparison. Left out, the
   * change is computed from the value and its base.
   */
  changePrevPct?: number | null;
  changeYoyPct?: number | null;
}

export interface SubmissionRow {
  unitCode: string;
  unitName: string;
  /** Reports due in the period. */
  expected: number;
  onTime: number;
  late: number;
  missing: number;
}

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'done_late' | 'overdue';

export interface TaskRow {
  /** The directive as given: "Tổng kết cao điểm tấn công, trấn áp tội phạm dịp Tết Nguyên đán Canh Tý 2020". */
  directive: string;
  leadUnit: string;
  deadline: string | null;
  status: TaskStatus;
  /** Short note on progress, printed verbatim. */
  note: string | null;
}

export interface HumanSections {
  /** Overview of the situation (tình hình chung), verbatim. */
  situation: string[];
  assessment: {
    strengths: string[];
    weaknesses: string[];
    causes: string[];
  };
  /** Directives of the meeting for next month, one per item, verbatim. */
  directives: string[];
  recommendations: string[];
}

export interface TrendPoint {
  /** "2018-03". */
  periodId: string;
  /** Axis label: "T3/18". */
  label: string;
  value: number | null;
  /** The same month one year earlier. */
  lastYear: number | null;
}

export interface TrendSeries {
  indicator: string;
  option: string | null;
  /** Chart title: "Số vụ phạm tội về ma túy phát hiện, bắt giữ". */
  title: string;
  unit: string;
  decimals: number;
  /** Oldest first, normally 24 months ending with the report's period. */
  points: TrendPoint[];
  secrecy: SecrecyLevel;
}

export interface Signer {
  /** "KT. BỘ TRƯỞNG", "TM. …", "TL. …"; null when the head signs in their own name. */
  authority: string | null;
  /** "THỨ TRƯỞNG". */
  position: string;
  /** Military or police rank printed before the name: "Thượng tướng"; null for none. */
  rank: string | null;
  name: string;
}
