import { z } from 'zod';
import { secrecySchema, unitKindSchema } from './common.ts';

/** Answers of the catalogue and unit routes: units, indicators, forms, periods. */

const predecessorSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  effectiveDate: z.string(),
});

export const unitSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: unitKindSchema,
  adminCode: z.string().nullable(),
  parent: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  predecessors: z.array(predecessorSchema),
});

export const unitListSchema = z.object({
  at: z.string(),
  total: z.number(),
  units: z.array(unitSummarySchema),
});

export const unitDetailSchema = unitSummarySchema.extend({
  children: z.array(unitSummarySchema),
  successors: z.array(z.object({ code: z.string(), kind: z.string(), effectiveDate: z.string() })),
});

const fieldCodeSchema = z.enum([
  'security',
  'drug',
  'crime',
  'wanted',
  'gambling',
  'economy',
  'weapons',
  'traffic',
  'fire',
  'commune_police',
]);

export const fieldSchema = z.object({ code: fieldCodeSchema, nameVi: z.string(), nameEn: z.string() });

export const indicatorOptionSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

const indicatorRefSchema = z.object({ indicator: z.string(), option: z.string().nullable() });

export const indicatorSchema = z.object({
  code: z.string(),
  field: fieldCodeSchema,
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  valueType: z.enum(['integer', 'decimal']),
  decimals: z.number(),
  aggregation: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('sum') }),
    z.object({ kind: z.literal('latest') }),
    z.object({
      kind: z.literal('ratio'),
      numerator: indicatorRefSchema,
      denominator: indicatorRefSchema,
      scale: z.number(),
    }),
  ]),
  goodDirection: z.enum(['up', 'down', 'neutral']),
  secrecy: secrecySchema,
  options: z.array(indicatorOptionSchema),
  conversions: z.array(z.object({ unit: z.string(), factor: z.number() })),
});

export const catalogueSchema = z.object({
  fields: z.array(fieldSchema),
  indicators: z.array(indicatorSchema),
});

const reporterKindSchema = z.enum(['department', 'province', 'district', 'commune']);

export const formSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  periodType: z.enum(['month', 'day']),
  reporters: z.array(z.object({ from: z.string(), kinds: z.array(reporterKindSchema) })),
  indicators: z.array(z.string()),
  deadline: z.object({ workingDaysAfterWindowEnd: z.partialRecord(reporterKindSchema, z.number()) }),
  secrecy: secrecySchema,
});

export const formListSchema = z.object({ forms: z.array(formSchema) });

const windowSchema = z.object({ start: z.string(), end: z.string() });
const periodRefSchema = z.object({ id: z.string(), label: z.string(), window: windowSchema });

export const periodInfoSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  labelEn: z.string(),
  window: windowSchema,
  referenceDate: z.string(),
  previous: periodRefSchema.nullable(),
  samePeriodLastYear: periodRefSchema,
  yearToDate: periodRefSchema.nullable(),
});

export type UnitSummary = z.infer<typeof unitSummarySchema>;
export type UnitList = z.infer<typeof unitListSchema>;
export type UnitDetail = z.infer<typeof unitDetailSchema>;
export type Field = z.infer<typeof fieldSchema>;
export type IndicatorOption = z.infer<typeof indicatorOptionSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
export type Form = z.infer<typeof formSchema>;
export type PeriodInfo = z.infer<typeof periodInfoSchema>;
