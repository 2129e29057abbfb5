import { z } from 'zod';

/** The answer of POST /api/extract: statistics read from narrative text, with [start, end) spans into `text`. */

const spanSchema = z.tuple([z.number(), z.number()]);

export const extractedFigureSchema = z.object({
  indicator: z.string().nullable(),
  option: z.string().nullable(),
  value: z.number(),
  unit: z.string(),
  approx: z.boolean(),
  span: spanSchema,
  /** The value in the indicator's own unit when the text used another one (12,5 gam → 0,0125 kg). */
  convertedValue: z.number().optional(),
  /** "từ 3 đến 5 vụ": both bounds; `value` is the lower one. */
  range: z.tuple([z.number(), z.number()]).optional(),
});

export const extractionSchema = z.object({
  document: z.string().nullable(),
  text: z.string(),
  figures: z.array(extractedFigureSchema),
  comparisons: z.array(
    z.object({
      direction: z.enum(['up', 'down', 'same']),
      value: z.number().nullable(),
      unit: z.string().nullable(),
      baseline: z.enum(['same_period_last_year', 'previous_period', 'previous_year', 'other']).nullable(),
      baselineText: z.string().nullable(),
      indicator: z.string().nullable(),
      option: z.string().nullable(),
      span: spanSchema,
    }),
  ),
  period: z
    .object({
      kind: z.enum(['month', 'quarter', 'months_to_date', 'year', 'holiday']),
      month: z.number().optional(),
      quarter: z.number().optional(),
      months: z.number().optional(),
      year: z.number().optional(),
      text: z.string(),
      span: spanSchema,
    })
    .nullable(),
  unit: z
    .object({
      level: z.enum(['ministry', 'province', 'city', 'district', 'town']),
      name: z.string(),
      text: z.string(),
      span: spanSchema,
    })
    .nullable(),
});

export type ExtractedFigure = z.infer<typeof extractedFigureSchema>;
export type Extraction = z.infer<typeof extractionSchema>;
