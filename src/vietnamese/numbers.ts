/**
 * Numbers the Vietnamese way: "." groups thousands, "," marks decimals (1.457; 138,6).
 * Formatting goes through Intl's vi-VN locale; parsing is strict so that a slip is an error, not a guess.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits,
      maximumFractionDigits,
      useGrouping: true,
      // 'auto' would print "-0" for -0 and for tiny negatives that round to zero.
      signDisplay: 'negative',
    });
    formatters.set(key, found);
  }
  return found;
}

/** formatNumber(1457) → "1.457"; formatNumber(138.6) → "138,6"; at most `maxDecimals` digits after the comma. */
export function formatNumber(value: number, maxDecimals = 3, minDecimals = 0): string {
  // Intl groups 4-digit numbers in vi-VN ("1.457"), which is what official texts do.
  return formatter(minDecimals, Math.max(minDecimals, maxDecimals)).format(value);
}

/** formatPercent(9.7912) → "9,79%" (the argument is already a percentage, not a fraction). */
export function formatPercent(percent: number, decimals = 2): string {
  return `${formatNumber(percent, decimals)}%`;
}

/** Pads counts below 10 with a zero, as ministry statistical texts do ("02 vụ nổ"). */
export function formatPaddedCount(value: number): string {
  return Number.isInteger(value) && value >= 0 && value < 10 ? `0${value}` : formatNumber(value);
}

export class NumberFormatError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`"${input}": ${reason}`);
    this.name = 'NumberFormatError';
  }
}

const VI_NUMBER = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

/**
 * Parses a number written the Vietnamese way: "1.457" → 1457, "138,6" → 138.6, "1.000.000" → 1000000, "-3" → -3.
 * A plain "1.5" is rejected as ambiguous (thousands separators always group three digits).
 * Surrounding spaces and non-breaking spaces are ignored.
 */
export function parseNumber(input: string): number {
  // Only the ends are trimmed: "12 3" is a typo, not 123.
  const text = input.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  if (text === '') throw new NumberFormatError(input, 'trống (empty)');
  if (!VI_NUMBER.test(text)) {
    if (/^[+-]?\d+\.\d{1,2}$/.test(text) || /^[+-]?\d+\.\d{4,}$/.test(text)) {
      throw new NumberFormatError(
        input,
        'dấu chấm chỉ dùng để phân cách hàng nghìn; số thập phân viết bằng dấu phẩy (138,6)',
      );
    }
    throw new NumberFormatError(input, 'không phải là số hợp lệ (ví dụ: 1.457 hoặc 138,6)');
  }
  const value = Number(text.replace(/\./g, '').replace(',', '.'));
  if (!Number.isFinite(value)) throw new NumberFormatError(input, 'số quá lớn');
  return value;
}

/** Like parseNumber, but also accepts machine notation ("138.6", "1457") as JSON and DHIS2 files carry it. */
export function parseNumberLenient(input: string): number {
  const text = input.trim();
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) && !/^[+-]?\d{1,3}(\.\d{3})+$/.test(text)) {
    return Number(text);
  }
  return parseNumber(text);
}

const POWERS_OF_TEN: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Shifts the decimal point through the string form, so that no binary multiplication error creeps in. */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds half away from zero, like Excel's ROUND that report templates use: 1.005 → 1.01, -4.765 → -4.77.
 * Near a half it works on the decimal string form, so there is no binary drift from naive multiplication.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // A whole number is already rounded to any number of places (most figures are counts): no text work.
  if (Number.isInteger(value) && decimals >= 0) return value === 0 ? 0 : value;
  // Away from a half, the binary product rounds the same way as the decimal text (its error is some 1e-7 at most
  // below 1e9), and an integer divided by an exact power of ten is the number the text "ne-d" reads as: no text work.
  const scale = POWERS_OF_TEN[decimals];
  if (scale !== undefined) {
    const shifted = Math.abs(value) * scale;
    if (shifted < 1e9) {
      const floor = Math.floor(shifted);
      const fraction = shifted - floor;
      if (Math.abs(fraction - 0.5) > 1e-5) {
        const magnitude = (fraction > 0.5 ? floor + 1 : floor) / scale;
        return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
      }
    }
  }
  const magnitude = shiftDecimal(Math.round(shiftDecimal(Math.abs(value), decimals)), -decimals);
  const rounded = value < 0 ? -magnitude : magnitude;
  return Object.is(rounded, -0) ? 0 : rounded;
}
