import { z } from 'zod';

/** The answer of POST /api/extract: statistics read from narrative text, with [start, end) spans into `text`. */

const span = z
  .tuple([z.number().int(), z.number().int()])
  .describe('[start, end) character offsets into `text`');

export const extractedFigureSchema = z
  .object({
    indicator: z
      .string()
      .nullable()
      .describe('Catalogue indicator code; null when the catalogue has none for it'),
    option: z.string().nullable(),
    noun: z.string().nullable().describe('The counted thing, lower case: "xe máy", "heroin", "đối tượng"'),
    unit: z
      .string()
      .describe('Unit as written, normalised: "vụ", "người", "kg", "chiếc", "m", "tỷ đồng", "%"'),
    value: z.number(),
    value_max: z.number().nullable().describe('Upper bound of a range ("từ 10 đến 15 con bạc")'),
    approx: z
      .string()
      .nullable()
      .describe('Approximation word before the number: "gần", "hơn", "khoảng", "trên"'),
    of: z.number().nullable().describe('The whole, for a part written "412/530 vụ"'),
    subset_of: z
      .number()
      .int()
      .nullable()
      .describe('Index in `figures` of the figure this one is part of ("trong đó có 3 nữ")'),
    span,
    convertedValue: z.number().optional().describe("`value` in the indicator's own unit (g → kg)"),
  })
  .describe('A figure read from the text');

export const extractedComparisonSchema = z
  .object({
    direction: z.enum(['up', 'down', 'same']),
    value: z.number().nullable().describe('Null for "giảm cả 3 tiêu chí" and "bằng cùng kỳ"'),
    unit: z.string().nullable().describe('"%", "điểm %" or the counted unit ("vụ", "người")'),
    baseline: z.enum(['same_period_last_year', 'previous_period', 'previous_year', 'other']).nullable(),
    baselineText: z.string().nullable().describe('The baseline as written after "so với"'),
    indicator: z.string().nullable(),
    option: z.string().nullable(),
    current: z.number().nullable().describe('Current count, from "(150/120 vụ)" after the change'),
    base: z.number().nullable().describe('Base count, from "(150/120 vụ)" after the change'),
    span,
  })
  .describe('A change against a baseline');

export const extractionSchema = z.object({
  document: z.string().nullable(),
  text: z.string().describe('The NFC-normalised text all spans refer to'),
  figures: z.array(extractedFigureSchema),
  comparisons: z.array(extractedComparisonSchema),
  period: z
    .object({
      kind: z.enum(['month', 'quarter', 'months_to_date', 'year', 'holiday']),
      month: z.number().int().optional(),
      quarter: z.number().int().optional(),
      months: z.number().int().optional(),
      year: z.number().int().optional(),
      text: z.string(),
      span,
    })
    .nullable()
    .describe("The period the passage reports on, when it states one (never a comparison's baseline)"),
  unit: z
    .object({
      level: z.enum(['ministry', 'province', 'city', 'district', 'town']),
      name: z.string(),
      text: z.string(),
      span,
    })
    .nullable()
    .describe('The reporting unit named in the passage'),
});

export type ExtractedFigure = z.infer<typeof extractedFigureSchema>;
export type ExtractedComparison = z.infer<typeof extractedComparisonSchema>;
export type Extraction = z.infer<typeof extractionSchema>;
