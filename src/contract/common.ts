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
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ApiIssue = NonNullable<ApiError['issues']>[number];
