import { z } from 'zod';
import {
  dataStatusFields,
  includeSchema,
  provinceEraSchema,
  reportStatusesSchema,
  secrecySchema,
  unitKindSchema,
} from './common.ts';
import { secrecyDecisionSchema } from './programmes.ts';

/** Answers of the analytics routes: aggregates with comparisons, rankings, series, Tết windows, corrections. */

export const changeSchema = z.object({
  absolute: z.number(),
  /** Null where the base is 0. */
  percent: z.number().nullable(),
  direction: z.enum(['up', 'down', 'same']),
});

export const notabilitySchema = z.object({ z: z.number(), notable: z.boolean() });

/** Which expected units a row's figure counts. The codes of the units that have not reported are the same for every
 * row of a form, so the answer states them once, in `missingUnits` under the row's `form`. */
export const coverageSchema = z.object({
  /** Code of the form whose reports the row counts: the key of its list in the answer's `missingUnits`. */
  form: z.string(),
  reported: z.number(),
  expected: z.number(),
  counted: z.number(),
  /** Expected units by the state of their report. */
  statuses: reportStatusesSchema,
});

export const comparisonCoverageSchema = z.object({
  compared: z.number(),
  expected: z.number(),
  basis: z.enum(['complete', 'matched', 'refused']),
});

export const aggregateRowSchema = z.object({
  indicator: z.string(),
  include: includeSchema,
  option: z.string().nullable(),
  value: z.number().nullable(),
  unit: z.string(),
  decimals: z.number(),
  secrecy: secrecySchema,
  coverage: coverageSchema.nullable(),
  prev: z.number().nullable().optional(),
  yoy: z.number().nullable().optional(),
  ytd: z.number().nullable().optional(),
  ytd_prev: z.number().nullable().optional(),
  yoy_units: z.array(z.string()).optional(),
  yoy_rule: z
    .enum(['same_unit', 'predecessors', 'weighted_predecessors', 'not_comparable', 'not_existing'])
    .optional(),
  coverage_prev: comparisonCoverageSchema.nullable().optional(),
  coverage_yoy: comparisonCoverageSchema.nullable().optional(),
  coverage_ytd: comparisonCoverageSchema.nullable().optional(),
  change_prev: changeSchema.nullable().optional(),
  change_yoy: changeSchema.nullable().optional(),
  change_ytd: changeSchema.nullable().optional(),
  notable_prev: notabilitySchema.nullable().optional(),
  notable_yoy: notabilitySchema.nullable().optional(),
});

export const aggregatesSchema = z.object({
  unit: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: unitKindSchema }),
  period: z.object({ id: z.string(), label: z.string(), start: z.string(), end: z.string() }),
  asOf: z.string().nullable(),
  include: includeSchema,
  counts: z.array(z.string()).readonly(),
  secrecy: secrecySchema,
  /** Rows left out because they are classified above the reader's clearance. */
  withheld: z.number(),
  /** By form code (a row's `coverage.form`): codes of the expected units that have not reported, sorted; only for
   * the forms of the rows shown. */
  missingUnits: z.record(z.string(), z.array(z.string())),
  rows: z.array(
    aggregateRowSchema.extend({
      name: z.string(),
      optionName: z.string().nullable(),
      secrecyDecision: secrecyDecisionSchema.optional(),
    }),
  ),
});

export const rankingRowSchema = z.object({
  rank: z.number(),
  unitId: z.number(),
  code: z.string(),
  adminCode: z.string().nullable(),
  name: z.string(),
  kind: unitKindSchema,
  value: z.number().nullable(),
  secrecy: secrecySchema,
  prev: z.number().nullable().optional(),
  yoy: z.number().nullable().optional(),
  change_prev: changeSchema.nullable().optional(),
  change_yoy: changeSchema.nullable().optional(),
  coverage_prev: comparisonCoverageSchema.nullable().optional(),
  coverage_yoy: comparisonCoverageSchema.nullable().optional(),
});

export const rankingSchema = z.object({
  unit: z.string(),
  period: z.string(),
  /** The province boundaries in force in the period (63 before July 2025, 34 from then): the map to draw it on. */
  era: provinceEraSchema,
  indicator: z.string(),
  option: z.string().nullable(),
  secrecy: secrecySchema,
  withheld: z.number(),
  rows: z.array(rankingRowSchema),
  ...dataStatusFields,
});

export const seriesPointSchema = z.object({
  period: z.string(),
  value: z.number().nullable(),
  lastYear: z.number().nullable(),
});

export const seriesSchema = z.object({
  unit: z.string(),
  indicator: z.string(),
  option: z.string().nullable(),
  secrecy: secrecySchema,
  points: z.array(seriesPointSchema),
  ...dataStatusFields,
});

export const provinceMapSchema = z.object({
  era: provinceEraSchema,
  geojson: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ code: z.string(), name: z.string() }),
        geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
      }),
    ),
  }),
});

export const correctionsSchema = z.object({
  unit: z.string(),
  period: z.string(),
  asOf: z.string(),
  secrecy: secrecySchema,
  withheld: z.number(),
  corrections: z.array(
    z.object({
      period: z.string(),
      unit: z.string(),
      unitName: z.string(),
      indicator: z.string(),
      option: z.string().nullable(),
      before: z.number().nullable(),
      after: z.number().nullable(),
      difference: z.number().nullable(),
      at: z.string(),
      by: z.string().nullable(),
      source: z.string(),
      reason: z.string().nullable(),
      secrecy: secrecySchema,
    }),
  ),
});

export type Change = z.infer<typeof changeSchema>;
export type Notability = z.infer<typeof notabilitySchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type AggregateRow = z.infer<typeof aggregateRowSchema>;
export type Aggregates = z.infer<typeof aggregatesSchema>;
export type RankingRow = z.infer<typeof rankingRowSchema>;
export type Ranking = z.infer<typeof rankingSchema>;
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
export type Series = z.infer<typeof seriesSchema>;
export type ProvinceMap = z.infer<typeof provinceMapSchema>;
export type GeoJsonCollection = ProvinceMap['geojson'];

const tetWindowSchema = z.object({ tet: z.string(), start: z.string(), end: z.string(), name: z.string() });

export const tetComparisonSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  window: tetWindowSchema,
  lastYearWindow: tetWindowSchema,
  secrecy: secrecySchema,
  withheld: z.number(),
  ...dataStatusFields,
  rows: z.array(
    z.object({
      indicator: z.string(),
      option: z.string().nullable(),
      unit: z.string(),
      value: z.number().nullable(),
      lastYear: z.number().nullable(),
      change: changeSchema.nullable(),
      secrecy: secrecySchema,
    }),
  ),
});
