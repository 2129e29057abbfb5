import { z } from 'zod';
import { roleSchema, secrecySchema, unitKindSchema } from './common.ts';

/** The signed-in user, as POST /api/auth/login and GET /api/auth/me answer. */
export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  roleLabelEn: z.string(),
  clearance: secrecySchema,
  unit: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: unitKindSchema }),
  /** Send it back in the x-csrf-token header of every state change. */
  csrfToken: z.string(),
  today: z.string(),
  /** What the sign-in still lacks: a one-time code, or enrolling an authenticator; null once complete. */
  secondFactor: z.enum(['code', 'enrol']).nullable(),
  /** A temporary password, set by an administrator, must be replaced before anything else. */
  mustChangePassword: z.boolean(),
});

export const signedOutEverywhereSchema = z.object({ ok: z.boolean(), sessionsEnded: z.number() });

export const totpEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL drawn as an SVG QR code, in a data: URL. */
  qrCode: z.string(),
});

export type Me = z.infer<typeof meSchema>;
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;
