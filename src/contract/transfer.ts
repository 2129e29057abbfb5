import { z } from 'zod';

/** Answers of the import and DHIS2 routes: giaoban's import summary, DHIS2's data value sets and metadata. */

export const importSummarySchema = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
});

export const dataValueSetSchema = z.object({
  dataSet: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  completeDate: z.string().optional(),
  dataValues: z.array(
    z.object({
      dataElement: z.string(),
      categoryOptionCombo: z.string(),
      value: z.string(),
      comment: z.string().optional(),
      period: z.string().optional(),
      orgUnit: z.string().optional(),
      attributeOptionCombo: z.string().optional(),
      followup: z.boolean().optional(),
      deleted: z.boolean().optional(),
    }),
  ),
});

const refSchema = z.object({ id: z.string() });

export const metadataSchema = z.object({
  dataElements: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      description: z.string(),
      domainType: z.string(),
      valueType: z.string(),
      aggregationType: z.string(),
      zeroIsSignificant: z.boolean(),
      categoryCombo: refSchema,
    }),
  ),
  categories: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      dataDimensionType: z.string(),
      categoryOptions: z.array(refSchema),
    }),
  ),
  categoryOptions: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), shortName: z.string() }),
  ),
  categoryCombos: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      dataDimensionType: z.string(),
      categories: z.array(refSchema),
    }),
  ),
  categoryOptionCombos: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      categoryCombo: refSchema,
      categoryOptions: z.array(refSchema),
    }),
  ),
  dataSets: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      periodType: z.string(),
      categoryCombo: refSchema,
      dataSetElements: z.array(z.object({ dataElement: refSchema })),
    }),
  ),
  organisationUnits: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      level: z.number(),
      path: z.string(),
      openingDate: z.string(),
      closedDate: z.string().optional(),
      parent: refSchema.optional(),
    }),
  ),
});

export type ImportSummary = z.infer<typeof importSummarySchema>;
export type DataValueSet = z.infer<typeof dataValueSetSchema>;
