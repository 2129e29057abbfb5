/** [start, end) character offsets into the NFC-normalised text. */
export type Span = [number, number];

export type Direction = 'up' | 'down' | 'same';

export type BaselineKind = 'same_period_last_year' | 'previous_period' | 'previous_year' | 'other';

/** A statistic read from narrative text: "gần 28kg heroin" → drug.seized_kg / heroin, 28 kg, approx. */
export interface Figure {
  /** Catalogue indicator code, null when no indicator fits (money seized in a raid, "tép heroin", …). */
  indicator: string | null;
  option: string | null;
  value: number;
  /** The unit as written, normalised: "vụ", "đối tượng", "kg", "g", "tấn", "viên", "bánh", "tỷ đồng", "%", … */
  unit: string;
  /** "gần", "hơn", "khoảng", "trên", "ước", … before the number, or a range. */
  approx: boolean;
  span: Span;
  /** `value` in the indicator's own unit, when the unit differs and the catalogue gives the factor (g → kg). */
  convertedValue?: number;
  /** "từ 3 đến 5 vụ": both bounds; `value` is the lower one. */
  range?: [number, number];
}

/** A change stated against a baseline: "giảm 3.009 vụ (-24,25%) so với cùng kỳ năm 2024". */
export interface Comparison {
  direction: Direction;
  /** Null for "giảm cả 3 tiêu chí" and "bằng cùng kỳ". */
  value: number | null;
  /** "%" or a count unit ("vụ", "người", "tỷ đồng"); null when there is no value. */
  unit: string | null;
  baseline: BaselineKind | null;
  /** The baseline as written after "so với": "cùng kỳ năm 2024", "tháng 7/2024". */
  baselineText: string | null;
  indicator: string | null;
  option: string | null;
  span: Span;
}

export interface PeriodMention {
  kind: 'month' | 'quarter' | 'months_to_date' | 'year' | 'holiday';
  month?: number;
  quarter?: number;
  /** For "6 tháng đầu năm 2022". */
  months?: number;
  year?: number;
  text: string;
  span: Span;
}

export interface UnitMention {
  level: 'ministry' | 'province' | 'city' | 'district' | 'town';
  /** "Nghệ An", "Hà Nội"; "Bộ Công an" for the ministry. */
  name: string;
  text: string;
  span: Span;
}

export interface ExtractionResult {
  /** The NFC-normalised text all spans refer to. */
  text: string;
  figures: Figure[];
  comparisons: Comparison[];
  period?: PeriodMention;
  unit?: UnitMention;
}
