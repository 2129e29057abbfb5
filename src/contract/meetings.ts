import { z } from 'zod';
import { dataStatusFields, secrecySchema } from './common.ts';

/** Answers of the meeting and task routes: meetings, their packs and directives, and the tasks they set. */

const deadlineRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: z.string() }),
  z.object({ kind: z.literal('monthly'), day: z.number(), until: z.string() }),
]);

const storedStateSchema = z.enum([
  'assigned',
  'in_progress',
  'reported_done',
  'confirmed_done',
  'extension_requested',
  'extended',
  'cancelled',
]);

export const taskSchema = z.object({
  id: z.number(),
  directiveId: z.number(),
  directive: z.string(),
  directiveNo: z.number(),
  meetingId: z.number(),
  meeting: z.string(),
  meetingHeldOn: z.string(),
  unit: z.string(),
  unitName: z.string(),
  leadUnit: z.string(),
  leadUnitName: z.string(),
  role: z.enum(['lead', 'coordinate']),
  /** Final date of the deadline in force (the end of a recurring obligation). */
  deadline: z.string(),
  /** The date the status is judged against: the deadline, or the next monthly report when recurring. */
  dueDate: z.string(),
  deadlineRule: deadlineRuleSchema,
  deadlineText: z.string(),
  deadlineHistory: z.array(
    z.object({ from: z.string(), deadline: z.string(), text: z.string(), note: z.string().nullable() }),
  ),
  status: z.enum(['not_started', 'in_progress', 'done_on_time', 'done_late', 'overdue', 'cancelled']),
  statusLabel: z.string(),
  stateStored: storedStateSchema,
  stateLabel: z.string(),
  /** Send it back with an action: a stale version is a conflict. */
  version: z.number(),
  assignedOn: z.string(),
  confirmedAt: z.string().nullable(),
  daysLate: z.number(),
  asOf: z.string(),
  secrecy: secrecySchema,
  indicators: z.array(z.string()),
  lastReport: z.object({ on: z.string(), note: z.string().nullable() }).nullable(),
});

export const taskDetailSchema = taskSchema.extend({
  events: z.array(
    z.object({
      id: z.number(),
      on: z.string(),
      at: z.string(),
      action: z.string(),
      fromState: storedStateSchema,
      toState: storedStateSchema,
      actorName: z.string(),
      note: z.string().nullable(),
      period: z.string().nullable(),
      figures: z.record(z.string(), z.number()).nullable(),
      attachments: z.array(z.string()).nullable(),
      deadline: deadlineRuleSchema.nullable(),
      label: z.string(),
    }),
  ),
});

const completionCountsSchema = z.object({
  total: z.number(),
  notStarted: z.number(),
  inProgress: z.number(),
  doneOnTime: z.number(),
  doneLate: z.number(),
  overdue: z.number(),
  fallenDue: z.number(),
  /** Done over fallen due, in percent; null when nothing has fallen due. */
  completionRate: z.number().nullable(),
  overdueRate: z.number().nullable(),
});

export const taskSummarySchema = completionCountsSchema.extend({
  units: z.array(completionCountsSchema.extend({ unit: z.string(), unitName: z.string() })),
});

export const taskListSchema = z.object({
  asOf: z.string(),
  summary: taskSummarySchema,
  tasks: z.array(taskSchema),
});

const conclusionSchema = z.object({ number: z.string(), date: z.string(), text: z.string() });

export const meetingSchema = z.object({
  id: z.number(),
  title: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  heldOn: z.string(),
  place: z.string(),
  chair: z.string(),
  participants: z.array(z.object({ code: z.string(), name: z.string() })),
  status: z.enum(['planned', 'held', 'concluded']),
  statusLabel: z.string(),
  packFrozenAt: z.string().nullable(),
  conclusion: conclusionSchema.nullable(),
  secrecy: secrecySchema,
  /** Sent back with every change to the meeting or its texts: a stale one is refused (409). */
  version: z.number(),
});

export const meetingListSchema = z.object({ meetings: z.array(meetingSchema) });

export const agendaItemSchema = z.object({
  id: z.number(),
  position: z.number(),
  title: z.string(),
  presenter: z.string().nullable(),
  outcomeKind: z.enum(['information', 'decision', 'directive']),
  outcome: z.string().nullable(),
  carriedTaskId: z.number().nullable(),
  secrecy: secrecySchema.nullable().optional(),
  outcomeLabel: z.string().optional(),
});

export const agendaSchema = z.object({
  agenda: z.array(agendaItemSchema),
  /** The meeting's version after the change, to send with the next one. */
  version: z.number(),
});

export const directiveSchema = z.object({
  id: z.number(),
  position: z.number(),
  content: z.string(),
  leadUnit: z.string(),
  leadUnitName: z.string(),
  coordinating: z.array(z.object({ code: z.string(), name: z.string() })),
  deadlineText: z.string(),
  indicators: z.array(z.string()),
  secrecy: secrecySchema,
  tasks: z.array(taskSchema),
});

export const meetingDetailSchema = meetingSchema.extend({
  agenda: z.array(agendaItemSchema),
  minutes: z.string().nullable(),
  directives: z.array(directiveSchema),
  /** How many directives, agenda items or minutes were left out for the reader's clearance. */
  withheld: z.number(),
  notice: z.string().optional(),
  /** Whether this reader may open the briefing pack (the nation's figures: the ministry's scope only). */
  packReadable: z.boolean().optional(),
});

export const directiveAssignedSchema = z.object({
  directiveId: z.number(),
  taskIds: z.array(z.number()),
  meeting: meetingDetailSchema,
});

export const briefingPackSchema = z.object({
  meetingId: z.number(),
  period: z.string(),
  periodLabel: z.string(),
  asOf: z.string(),
  builtAt: z.string(),
  frozen: z.boolean(),
  // Packs frozen before data status was recorded state only what they counted.
  include: dataStatusFields.include.optional(),
  counts: dataStatusFields.counts.optional(),
  statusCoverage: dataStatusFields.statusCoverage.optional(),
  figures: z.array(
    z.object({
      indicator: z.string(),
      name: z.string(),
      option: z.string().nullable(),
      unit: z.string(),
      value: z.number().nullable(),
      prev: z.number().nullable(),
      yoy: z.number().nullable(),
      changePrevPct: z.number().nullable(),
      changeYoyPct: z.number().nullable(),
      secrecy: secrecySchema,
    }),
  ),
  completeness: z
    .object({
      form: z.string(),
      expected: z.number(),
      onTime: z.number(),
      late: z.number(),
      missing: z.number(),
    })
    .nullable(),
  tasksDue: z.array(taskSchema),
  overdue: z.array(taskSchema),
  followUp: z.object({
    previousMeetingId: z.number().nullable(),
    summary: taskSummarySchema,
    tasks: z.array(taskSchema),
  }),
  secrecy: secrecySchema,
  withheld: z.number(),
  notice: z.string().optional(),
});

export { conclusionSchema };

export type Task = z.infer<typeof taskSchema>;
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type TaskList = z.infer<typeof taskListSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;
export type BriefingPack = z.infer<typeof briefingPackSchema>;
