import { z } from 'zod';
import { secrecySchema } from './common.ts';

/** Answers of the briefing report routes: issued documents, settings, events and the human-written draft. */

export const issueSchema = z.object({
  id: z.number(),
  version: z.number(),
  status: z.enum(['issued', 'withdrawn', 'replaced']),
  statusLabel: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  signer: z.string(),
  summary: z.string(),
  endedAt: z.string().nullable(),
  endedReason: z.string().nullable(),
});

export const issueListSchema = z.object({ issues: z.array(issueSchema) });

export const issueVerificationSchema = z.object({
  issue: issueSchema,
  verification: z.object({
    signed: z.boolean(),
    intact: z.boolean(),
    coversWholeFile: z.boolean(),
    signer: z.string().nullable(),
    organisation: z.string().nullable(),
    signingTime: z.string().nullable(),
    reason: z.string().nullable(),
    problems: z.array(z.string()),
  }),
});

export const documentSettingAnswerSchema = z.object({
  /** Sent back with a change: 428 without it, 409 when stale (0 before the first save). */
  version: z.number(),
  symbol: z.string().nullable(),
  signers: z.array(
    z.object({
      authority: z.string().nullable(),
      position: z.string(),
      rank: z.string().nullable(),
      name: z.string(),
    }),
  ),
});

export const reportEventSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  date: z.string(),
  secrecy: secrecySchema,
  text: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
});

export const reportEventListSchema = z.object({ events: z.array(reportEventSchema) });
export const reportEventDeletedSchema = z.object({ deleted: z.number() });

const paragraphsSchema = z.array(z.string());

export const reportDraftSchema = z.object({
  human: z.object({
    situation: paragraphsSchema,
    assessment: z.object({
      strengths: paragraphsSchema,
      weaknesses: paragraphsSchema,
      causes: paragraphsSchema,
    }),
    directives: paragraphsSchema,
    recommendations: paragraphsSchema,
  }),
  status: z.enum(['draft', 'final']),
  version: z.number(),
  updatedAt: z.string().nullable(),
});

export type Issue = z.infer<typeof issueSchema>;
export type ReportDraft = z.infer<typeof reportDraftSchema>;
