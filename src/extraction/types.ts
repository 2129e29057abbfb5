/** [start, end) character offsets into the NFC-normalised text. */
export type Span = [number, number];

export type Direction = 'up' | 'down' | 'same';

export type BaselineKind = 'same_period_last_year' | 'previous_period' | 'previous_year' | 'other';

/**
 * A statistic read from narrative text: "gần 28kg heroin" → drug.seized_kg / heroin, 28 kg, approx "gần";
 * "12 chiếc xe máy" → indicator null, noun "xe máy", unit "chiếc", for a person to place.
 */
export interface Figure {
  /** Catalogue indicator code, null when no indicator fits or the counted thing is outside the catalogue. */
  indicator: string | null;
  option: string | null;
  /** The counted thing, lower case: "xe máy", "heroin", "đối tượng", "tụ điểm"; null when nothing names it. */
  noun: string | null;
  /** The unit as written, normalised: "vụ", "đối tượng", "kg", "chiếc", "m", "tỷ đồng", "%", … */
  unit: string;
  value: number;
  /** Upper bound of a range ("từ 10 đến 15 con bạc": value 10, value_max 15); null otherwise. */
  value_max: number | null;
  /** The approximation word as written before the number ("gần", "hơn", "khoảng", "trên", "ít nhất"), or null. */
  approx: string | null;
  /** The whole, for a part written "412/530 vụ" (value 412, of 530). */
  of: number | null;
  /** Index in `figures` of the figure this one is part of ("6.000 trường hợp, trong đó có 670 …"). */
  subset_of: number | null;
  span: Span;
  /** `value` in the indicator's own unit, when the unit differs and the catalogue gives the factor (g → kg). */
  convertedValue?: number;
}

/** A change stated against a baseline: "giảm 3.009 vụ (-24,25%) so với cùng kỳ năm 2024". */
export interface Comparison {
  direction: Direction;
  /** Null for "giảm cả 3 tiêu chí" and "bằng cùng kỳ". */
  value: number | null;
  /** "%", "điểm %" or the counted unit ("vụ", "người", "tỷ đồng"); null when there is no value. */
  unit: string | null;
  /** "tăng 30 vụ (150/120 vụ)": the current and the base counts, when the text gives them. */
  current: number | null;
  base: number | null;
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
