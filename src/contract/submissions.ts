import { z } from 'zod';
import { secrecySchema } from './common.ts';

/** Answers of the reporting routes: submissions, due reports, completeness, figures and their history. */

export const submissionStatusSchema = z.enum(['draft', 'submitted', 'approved', 'locked', 'returned']);

export const submissionViewSchema = z.object({
  form: z.string(),
  unit: z.string(),
  unitName: z.string(),
  period: z.string(),
  status: submissionStatusSchema,
  statusLabel: z.string(),
  deadline: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  timeliness: z.enum(['on_time', 'late', 'missing']),
  version: z.number(),
});

export const submissionDetailSchema = submissionViewSchema.extend({
  /** The last day of the period's data window. */
  closesOn: z.string(),
  today: z.string(),
  events: z.array(
    z.object({
      action: z.enum(['submit', 'approve', 'return', 'lock', 'reopen']),
      from: z.string().nullable(),
      to: z.string(),
      at: z.string(),
      reason: z.string().nullable(),
      by: z.string().nullable(),
    }),
  ),
});

export const dueReportsSchema = z.object({
  unit: z.string(),
  today: z.string(),
  reports: z.array(submissionViewSchema),
});

export const completenessSchema = z.object({
  form: z.string(),
  period: z.string(),
  unit: z.string(),
  expected: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  units: z.array(submissionViewSchema),
  reminders: z.array(
    z.object({
      province: z.string(),
      provinceName: z.string(),
      missing: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
});

export const figureSourceSchema = z.object({
  document: z.string().nullable().optional(),
  excerpt: z.string(),
  span: z.tuple([z.number(), z.number()]),
});

export const formCellSchema = z.object({
  indicator: z.string(),
  option: z.string().nullable(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
  version: z.number(),
  /** Where an accepted figure was read from; null for a figure typed in. */
  source: figureSourceSchema.nullable(),
  previous: z.number().nullable(),
  lastYear: z.number().nullable(),
});

export const formValuesSchema = z.object({
  form: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  period: z.string(),
  status: submissionStatusSchema,
  secrecy: secrecySchema,
  withheld: z.number(),
  cells: z.array(formCellSchema),
});

export const writeSummarySchema = z.object({
  changeId: z.number().nullable(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});

export const valueHistorySchema = z.object({
  indicator: z.string(),
  option: z.string().nullable(),
  versions: z.array(
    z.object({
      version: z.number(),
      value: z.number().nullable(),
      comment: z.string().nullable(),
      changeId: z.number(),
      at: z.string(),
      userId: z.number().nullable(),
      source: z.string(),
      reason: z.string().nullable(),
      supersededBy: z.number().nullable(),
    }),
  ),
});

export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;
export type SubmissionView = z.infer<typeof submissionViewSchema>;
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;
export type DueReports = z.infer<typeof dueReportsSchema>;
export type Completeness = z.infer<typeof completenessSchema>;
export type FigureSource = z.infer<typeof figureSourceSchema>;
export type FormCell = z.infer<typeof formCellSchema>;
export type FormValues = z.infer<typeof formValuesSchema>;
export type WriteSummary = z.infer<typeof writeSummarySchema>;
export type ValueHistory = z.infer<typeof valueHistorySchema>;

/** Each figure's past months (for the page's outlier check) and the resolution its values are reported at. */
export const outlierHistorySchema = z.object({
  months: z.number(),
  cells: z.record(z.string(), z.array(z.number())),
  resolution: z.record(z.string(), z.number()),
});

export const openWarningsSchema = z.object({
  form: z.string(),
  period: z.string(),
  units: z.array(z.object({ unit: z.string(), open: z.number(), total: z.number() })),
});
