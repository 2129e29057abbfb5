import { z } from 'zod';

/**
 * Shapes shared by the answers of many routes. This folder holds the API's response schemas: the server
 * serializes every answer through them (src/server/app.ts), the OpenAPI document is generated from them, and the
 * web page takes its types from them (`import type`), so the three cannot drift apart. Files here import only zod.
 */

export const secrecySchema = z.enum(['none', 'mat', 'toi_mat', 'tuyet_mat']);
export const roleSchema = z.enum(['officer', 'approver', 'analyst', 'leader', 'admin']);
export const unitKindSchema = z.enum(['ministry', 'department', 'province', 'district', 'commune']);

/** The body of every error answer: a stable code, a Vietnamese message, an English one, the fields at fault. */
export const apiErrorSchema = z.object({
  error: z.string().describe('stable code: bad_request, unauthenticated, forbidden, not_found, conflict…'),
  message: z.string().describe('Vietnamese message for people'),
  messageEn: z.string().optional(),
  issues: z
    .array(
      z.object({
        row: z.number().int().optional(),
        field: z.string(),
        reason: z.string(),
        severity: z.enum(['critical', 'warning']).optional(),
      }),
    )
    .optional(),
});

/** `{ ok: true }`: a state change that has nothing else to say (failures are error answers). */
export const okSchema = z.object({ ok: z.boolean() });

export type Secrecy = z.infer<typeof secrecySchema>;
export type Role = z.infer<typeof roleSchema>;
export type UnitKind = z.infer<typeof unitKindSchema>;
export type ProvinceEra = z.infer<typeof provinceEraSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ApiIssue = NonNullable<ApiError['issues']>[number];

/** Which reports the figures count: approved ones only, submitted and approved (the default), or drafts too. */
export const includeSchema = z.enum(['approved', 'submitted', 'draft']);

export const reportStatusesSchema = z.object({
  not_started: z.number(),
  draft: z.number(),
  returned: z.number(),
  submitted: z.number(),
  approved: z.number(),
  locked: z.number(),
});

/** The province boundaries in force on a date (63 before July 2025, 34 from then): the map a figure is drawn on. */
export const provinceEraSchema = z.enum(['63', '34']);

/**
 * What an answer about figures counts (issue 13): the level of inclusion asked for, the report statuses it counts,
 * and per form how many units were expected, how many were counted and how many are in each status.
 */
export const dataStatusFields = {
  include: includeSchema,
  counts: z.array(z.string()).readonly(),
  statusCoverage: z.array(
    z.object({ form: z.string(), expected: z.number(), counted: z.number(), statuses: reportStatusesSchema }),
  ),
};
