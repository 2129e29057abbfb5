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
  /** Sent back with a change: a stale one is refused (409). */
  version: z.number(),
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

const namedFigureSchema = z.object({
  unit: z.string(),
  period: z.string(),
  indicator: z.string(),
  option: z.string().nullable(),
  form: z.string(),
  version: z.number(),
});

const integrityProblemSchema = z.object({
  kind: z.enum([
    'chain',
    'truncated',
    'rechained',
    'forged_checkpoint',
    'figures_altered',
    'figures_unsealed',
  ]),
  messageVi: z.string(),
  messageEn: z.string(),
  seq: z.number().optional(),
  changeId: z.number().optional(),
  figures: z.array(namedFigureSchema).optional(),
});

/** What the seals and signed checkpoints found, beside the chain's own verdict. */
const sealExtras = {
  sealed: z.boolean(),
  checkpoint: z.object({ seq: z.number(), at: z.string(), keyId: z.string() }).nullable(),
  figures: z.object({
    changeSets: z.number(),
    versions: z.number(),
    notCovered: z.number(),
    /** Change sets written before migration 0015 and sealed afterwards by `giaoban audit seal-legacy`. */
    sealedRetroactively: z.array(
      z.object({ seq: z.number(), at: z.string(), changeIds: z.array(z.number()) }),
    ),
  }),
};

export const auditVerdictSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number(), headHash: z.string(), ...sealExtras }),
  z.object({
    ok: z.literal(false),
    firstBadSeq: z.number().nullable(),
    reason: z.string(),
    messageVi: z.string(),
    messageEn: z.string(),
    problems: z.array(integrityProblemSchema),
    ...sealExtras,
  }),
]);

export type AdminUser = z.infer<typeof adminUserSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;
