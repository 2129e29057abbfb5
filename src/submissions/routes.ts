import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import type { Action } from '../auth/roles.ts';
import {
  completenessSchema,
  dueReportsSchema,
  submissionDetailSchema,
  submissionViewSchema,
} from '../contract/submissions.ts';
import { referenceDate } from '../periods/regime.ts';
import { actorOf, guard } from '../server/session.ts';
import { periodIdSchema, unitCodeSchema } from '../shared/schemas.ts';
import { requireForm } from '../values/service.ts';
import {
  completeness,
  dueForms,
  getSubmission,
  type SubmissionValidator,
  submissionEvents,
  transition,
} from './service.ts';
import { SUBMISSION_ACTIONS, type SubmissionAction } from './workflow.ts';

const ACTION_PERMISSION: Record<SubmissionAction, Action> = {
  submit: 'submission.submit',
  approve: 'submission.approve',
  lock: 'submission.approve',
  return: 'submission.return',
  reopen: 'submission.reopen',
};

const keySchema = z.object({ form: z.string().max(40), unit: unitCodeSchema, period: periodIdSchema });

export function submissionRoutes(ctx: RouteContext, validator?: SubmissionValidator): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const scope = (q: { form: string; unit: string; period: string }) => {
      const period = resolvePeriod(q.period);
      const unit = resolveUnitForPeriod(ctx.graph, q.unit, period);
      return { form: requireForm(ctx, q.form), unit, date: referenceDate(period) };
    };
    r.get(
      '/submissions',
      {
        schema: {
          tags: ['submissions'],
          summary: 'Trạng thái một báo cáo và lịch sử xử lý (a report’s status and history)',
          response: { 200: submissionDetailSchema },
          querystring: keySchema,
        },
      },
      async (request) => {
        const { form, unit, date } = scope(request.query);
        guard(ctx, request, 'values.read', { unitId: unit.id, secrecy: form.secrecy }, date);
        return {
          ...(await getSubmission(ctx, request.query)),
          // The last day of the period's data window: submitting before it has passed is asked about.
          closesOn: date,
          today: ctx.clock.today(),
          events: await submissionEvents(ctx, request.query),
        };
      },
    );
    r.post(
      '/submissions/:action',
      {
        schema: {
          tags: ['submissions'],
          summary: 'Gửi, phê duyệt, trả lại, khóa, mở lại báo cáo (submit, approve, return, lock, reopen)',
          response: { 200: submissionViewSchema },
          params: z.object({ action: z.enum(SUBMISSION_ACTIONS) }),
          body: keySchema.extend({ reason: z.string().max(2000).optional() }),
        },
      },
      async (request) => {
        const { form, unit, date } = scope(request.body);
        guard(
          ctx,
          request,
          ACTION_PERMISSION[request.params.action],
          { unitId: unit.id, secrecy: form.secrecy },
          date,
        );
        return transition(
          ctx,
          { ...request.body, action: request.params.action, actor: actorOf(request) },
          validator,
        );
      },
    );
    r.get(
      '/submissions/due',
      {
        schema: {
          tags: ['submissions'],
          summary: 'Các báo cáo đơn vị phải nộp (reports a unit owes)',
          response: { 200: dueReportsSchema },
          querystring: z.object({ unit: unitCodeSchema }),
        },
      },
      async (request) => {
        const today = ctx.clock.today();
        const unit = resolveUnitForPeriod(ctx.graph, request.query.unit, resolvePeriod(today));
        guard(ctx, request, 'values.read', { unitId: unit.id, secrecy: 'none' }, today);
        return { unit: unit.code, today, reports: await dueForms(ctx, request.query.unit) };
      },
    );
    r.get(
      '/completeness',
      {
        schema: {
          tags: ['submissions'],
          summary: 'Tính đầy đủ và kịp thời của báo cáo (completeness and timeliness)',
          response: { 200: completenessSchema },
          querystring: z.object({
            form: z.string().max(40).default('BC-THANG'),
            unit: unitCodeSchema.default('BCA'),
            period: periodIdSchema,
          }),
        },
      },
      async (request) => {
        const { form, unit, date } = scope(request.query);
        guard(ctx, request, 'aggregate.read', { unitId: unit.id, secrecy: form.secrecy }, date);
        return completeness(ctx, request.query);
      },
    );
  };
}
