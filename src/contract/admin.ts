import { z } from 'zod';
import { roleSchema, secrecySchema } from './common.ts';

/** Answers of user administration and the audit log. */

export const adminUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  clearance: secrecySchema,
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
});

export const userListSchema = z.object({ users: z.array(adminUserSchema) });
export const userAnswerSchema = z.object({ user: adminUserSchema });
/** A new account, or a reset: the one-time password is shown once, here. */
export const userCreatedSchema = z.object({ user: adminUserSchema, password: z.string() });
export const passwordResetSchema = z.object({ password: z.string() });
export const sessionsEndedSchema = z.object({ sessionsEnded: z.number() });

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  target: z.string(),
  unitId: z.number().nullable(),
  secrecy: secrecySchema,
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });

export const auditVerdictSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number(), headHash: z.string() }),
  z.object({
    ok: z.literal(false),
    firstBadSeq: z.number(),
    reason: z.enum(['altered', 'removed', 'reordered']),
    messageVi: z.string(),
    messageEn: z.string(),
  }),
]);

export type AdminUser = z.infer<typeof adminUserSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;
