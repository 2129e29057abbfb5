import { z } from 'zod';
import { dataStatusFields, provinceEraSchema, secrecySchema } from './common.ts';

/** Answers of campaigns, commendations, deployment targets, secrecy decisions and notifications. */

const lunarAnchorSchema = z.object({ month: z.number(), day: z.number(), yearOffset: z.number().optional() });

export const campaignSchema = z.object({
  id: z.number(),
  series: z.string(),
  name: z.string(),
  year: z.number(),
  rule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), start: z.string(), end: z.string() }),
    z.object({ kind: z.literal('lunar'), start: lunarAnchorSchema, end: lunarAnchorSchema }),
    z.object({ kind: z.literal('tet'), fromDay: z.number(), toDay: z.number() }),
  ]),
  ruleText: z.string(),
  start: z.string(),
  end: z.string(),
  days: z.number(),
  units: z.array(z.string()),
  indicators: z.array(z.string()),
  rankBy: z.string().nullable(),
  reportForm: z.string().nullable(),
  secrecy: secrecySchema,
});

export const campaignListSchema = z.object({ campaigns: z.array(campaignSchema) });

export const commendationSchema = z.object({
  id: z.number(),
  recipientKind: z.enum(['unit', 'person']),
  recipient: z.string(),
  unit: z.string(),
  unitName: z.string(),
  personName: z.string().nullable(),
  personRank: z.string().nullable(),
  personPosition: z.string().nullable(),
  form: z.string(),
  reason: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  campaignId: z.number().nullable(),
  period: z.string().nullable(),
});

export const commendationListSchema = z.object({ commendations: z.array(commendationSchema) });

const windowSchema = z.object({ start: z.string(), end: z.string() });
const comparisonSchema = z.object({
  value: z.number().nullable(),
  lastYear: z.number().nullable(),
  before: z.number().nullable(),
  diffLastYear: z.number().nullable(),
  pctLastYear: z.number().nullable(),
  diffBefore: z.number().nullable(),
  pctBefore: z.number().nullable(),
});

export const campaignSummarySchema = z.object({
  campaign: campaignSchema,
  windows: z.object({
    current: windowSchema,
    lastYear: windowSchema.extend({ campaignId: z.number().nullable(), name: z.string().nullable() }),
    before: windowSchema,
  }),
  rankBy: z.string(),
  direction: z.enum(['up', 'down', 'neutral']),
  ...dataStatusFields,
  totals: z.array(
    z.object({
      indicator: z.string(),
      name: z.string(),
      unit: z.string(),
      value: z.number().nullable(),
      lastYear: z.number().nullable(),
      before: z.number().nullable(),
    }),
  ),
  units: z.array(
    z.object({
      unit: z.string(),
      rank: z.number(),
      figures: z.record(z.string(), comparisonSchema),
      score: z.number().nullable(),
      name: z.string(),
    }),
  ),
  commendations: z.array(commendationSchema),
});

export const targetSchema = z.object({
  id: z.number(),
  name: z.string(),
  indicator: z.string(),
  targetValue: z.number(),
  deadline: z.string(),
  unitKind: z.string(),
  meetingId: z.number().nullable(),
  indicatorName: z.string(),
  unit: z.string(),
  units: z.array(z.string()),
});

export const targetListSchema = z.object({ targets: z.array(targetSchema) });

const targetUnitSchema = z.object({
  unit: z.string(),
  adminCode: z.string().nullable(),
  name: z.string(),
  value: z.number().nullable(),
  reached: z.boolean(),
  gap: z.number().nullable(),
});

export const targetProgressSchema = z.object({
  target: targetSchema,
  asOf: z.string(),
  period: z.string(),
  /** The province boundaries the units are listed in (those in force on `asOf`): the map to draw them on. */
  era: provinceEraSchema,
  national: z.number().nullable(),
  reached: z.number(),
  total: z.number(),
  overdue: z.boolean(),
  units: z.array(targetUnitSchema),
  behind: z.array(targetUnitSchema),
  series: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
  ...dataStatusFields,
});

export const secrecyDecisionSchema = z.object({
  level: secrecySchema,
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});

export const secrecyDecisionListSchema = z.object({
  unit: z.string(),
  decisions: z.array(secrecyDecisionSchema.extend({ indicator: z.string() })),
});

const notificationKindSchema = z.enum([
  'report_returned',
  'report_approved',
  'deadline_soon',
  'task_assigned',
  'task_overdue',
  'pack_ready',
]);

export const inboxSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string().nullable(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
  unread: z.number(),
});

export const notificationPreferencesSchema = z.object({
  /** Sent back with a change: a stale one is refused (409). */
  version: z.number(),
  email: z.string().nullable(),
  /** Whether the server can send e-mail at all (an SMTP server is configured). */
  emailEnabled: z.boolean(),
  kinds: z.array(
    z.object({ kind: notificationKindSchema, inApp: z.boolean(), email: z.boolean(), label: z.string() }),
  ),
});

export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;
export type Commendation = z.infer<typeof commendationSchema>;
export type Target = z.infer<typeof targetSchema>;
export type TargetProgress = z.infer<typeof targetProgressSchema>;
export type Inbox = z.infer<typeof inboxSchema>;
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
