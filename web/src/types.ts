// Shapes of the API responses the page reads. They mirror the server's presenters; only the fields used here.

export type Role = 'officer' | 'approver' | 'analyst' | 'leader' | 'admin';
export type Secrecy = 'none' | 'mat' | 'toi_mat' | 'tuyet_mat';
export type UnitKind = 'ministry' | 'department' | 'province' | 'district' | 'commune';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  roleLabelEn: string;
  clearance: Secrecy;
  unit: { id: number; code: string; name: string; kind: UnitKind };
  csrfToken: string;
  today: string;
  /** What the sign-in still lacks: a one-time code, or enrolling an authenticator; null once complete. */
  secondFactor: 'code' | 'enrol' | null;
  /** A temporary password, set by an administrator, must be replaced before anything else. */
  mustChangePassword: boolean;
}

export interface UnitSummary {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  parent: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface UnitDetail extends UnitSummary {
  children: UnitSummary[];
}

export interface UnitList {
  at: string;
  total: number;
  units: UnitSummary[];
}

export interface Field {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface IndicatorOption {
  code: string;
  name: string;
  nameEn: string;
}

export interface Indicator {
  code: string;
  field: string;
  name: string;
  nameEn: string;
  unit: string;
  valueType: 'integer' | 'decimal';
  decimals: number;
  goodDirection: 'up' | 'down' | 'neutral';
  secrecy: Secrecy;
  options: IndicatorOption[];
}

export interface Catalogue {
  fields: Field[];
  indicators: Indicator[];
}

export interface Form {
  code: string;
  name: string;
  nameEn: string;
  periodType: 'month' | 'day';
  indicators: string[];
  secrecy: Secrecy;
}

export interface Change {
  absolute: number;
  /** Null where the base is 0. */
  percent: number | null;
  direction: 'up' | 'down' | 'same';
}

export interface Notability {
  z: number;
  notable: boolean;
}

export interface Coverage {
  reported: number;
  expected: number;
  missing: string[];
}

export interface AggregateRow {
  indicator: string;
  option: string | null;
  value: number | null;
  unit: string;
  decimals: number;
  secrecy: Secrecy;
  coverage: Coverage | null;
  prev?: number | null;
  yoy?: number | null;
  change_prev?: Change | null;
  change_yoy?: Change | null;
  notable_prev?: Notability | null;
  notable_yoy?: Notability | null;
}

export interface Aggregates {
  unit: { code: string; name: string; kind: UnitKind };
  period: { id: string; label: string; start: string; end: string };
  secrecy: Secrecy;
  withheld: number;
  rows: AggregateRow[];
}

export interface RankingRow extends AggregateRow {
  rank: number;
  unitId: number;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface Ranking {
  unit: string;
  period: string;
  indicator: string;
  option: string | null;
  rows: RankingRow[];
}

export interface SeriesPoint {
  period: string;
  value: number | null;
  lastYear: number | null;
}

export interface Series {
  unit: string;
  indicator: string;
  option: string | null;
  points: SeriesPoint[];
}

export interface ProvinceMap {
  era: '63' | '34';
  geojson: GeoJsonCollection;
}

export interface GeoJsonCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { code: string; name: string }; geometry: unknown }>;
}

export type SubmissionStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'locked';

export interface SubmissionView {
  form: string;
  unit: string;
  unitName: string;
  period: string;
  status: SubmissionStatus;
  statusLabel: string;
  deadline: string;
  submittedAt: string | null;
  approvedAt: string | null;
  returnedReason: string | null;
  timeliness: 'on_time' | 'late' | 'missing';
}

export interface DueReports {
  unit: string;
  today: string;
  reports: SubmissionView[];
}

export interface Completeness {
  form: string;
  period: string;
  unit: string;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  units: SubmissionView[];
}

export interface FormCell {
  indicator: string;
  option: string | null;
  value: number | null;
  comment: string | null;
  version: number;
  previous: number | null;
  lastYear: number | null;
  /** Where an accepted figure was read from; null for a figure typed in. */
  source?: FigureSource | null;
}

export interface FigureSource {
  document: string | null;
  excerpt: string;
  span: [number, number];
}

export interface FormValues {
  form: string;
  unit: { code: string; name: string };
  period: string;
  status: SubmissionStatus;
  cells: FormCell[];
}

export interface ApiIssue {
  row?: number;
  field: string;
  reason: string;
  severity?: 'critical' | 'warning';
}

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  unit: { code: string; name: string } | null;
  clearance: Secrecy;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  target: string;
  unitId: number | null;
  secrecy: Secrecy;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type AuditVerdict =
  | { ok: true; count: number; headHash: string }
  | { ok: false; firstBadSeq: number; reason: string; messageVi: string; messageEn: string };

/** A statistic read from narrative text; spans are [start, end) offsets into the returned text. */
export interface ExtractedFigure {
  indicator: string | null;
  option: string | null;
  /** The counted thing: "xe máy", "heroin", "gậy điện". */
  noun: string | null;
  value: number;
  /** Upper bound of a range ("từ 10 đến 15 con bạc"). */
  value_max: number | null;
  unit: string;
  /** The approximation word before the number ("gần", "hơn", "khoảng"), or null. */
  approx: string | null;
  /** The whole, for "412/530 vụ". */
  of: number | null;
  /** Index of the figure this one is part of ("trong đó có 3 nữ"). */
  subset_of: number | null;
  span: [number, number];
  /** The value in the indicator's own unit when the text used another one (12,5 gam → 0,0125 kg). */
  convertedValue?: number;
}

export interface ExtractedComparison {
  direction: 'up' | 'down' | 'same';
  value: number | null;
  unit: string | null;
  baseline: 'same_period_last_year' | 'previous_period' | 'previous_year' | 'other' | null;
  baselineText: string | null;
  indicator: string | null;
  option: string | null;
  current: number | null;
  base: number | null;
  span: [number, number];
}

export interface Extraction {
  document: string | null;
  text: string;
  figures: ExtractedFigure[];
  comparisons: ExtractedComparison[];
  period: { text: string } | null;
  unit: { name: string; text: string } | null;
}
