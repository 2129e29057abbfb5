import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveUnit } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { authorize } from '../auth/policy.ts';
import type { Action } from '../auth/roles.ts';
import { taskDetailSchema, taskListSchema } from '../contract/meetings.ts';
import { actorOf, guard, policyDeps, requireUser } from '../server/session.ts';
import { versionRequired } from '../shared/errors.ts';
import { isoDateSchema, unitCodeSchema } from '../shared/schemas.ts';
import { actOnTask, listTasks, requireTask, type TaskRecord, taskDetail, taskSummary } from './service.ts';
import { type DerivedStatus, TASK_ACTIONS, TASK_STATUSES, type TaskAction } from './status.ts';

/** Who may take each action: the unit reports its own work; the assigning office confirms, returns and extends. */
export const TASK_ACTION_PERMISSION: Record<TaskAction, Action> = {
  start: 'task.report',
  report: 'task.report',
  report_done: 'task.report',
  request_extension: 'task.report',
  confirm: 'task.confirm',
  return: 'task.confirm',
  approve_extension: 'task.confirm',
  reject_extension: 'task.confirm',
  cancel: 'task.assign',
};

export const deadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDateSchema }),
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31), until: isoDateSchema }),
]);

const listQuery = z.object({
  at: isoDateSchema.optional(),
  status: z.enum([...TASK_STATUSES, 'cancelled']).optional(),
  unit: unitCodeSchema.optional(),
  meeting: z.coerce.number().int().positive().optional(),
  scope: z.enum(['mine', 'all']).default('all'),
});

/** Whether the signed-in user may read a task: its unit within their reach, its level within their clearance. */
export function taskReader(ctx: RouteContext, request: FastifyRequest): (t: TaskRecord) => boolean {
  const user = requireUser(request);
  return (t) =>
    authorize(user, 'values.read', { unitId: t.unitId, secrecy: t.secrecy }, policyDeps(ctx, t.assignedOn))
      .allowed ||
    authorize(user, 'task.assign', { unitId: t.unitId, secrecy: t.secrecy }, policyDeps(ctx, t.assignedOn))
      .allowed;
}

export function taskRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const filtered = async (request: FastifyRequest, q: z.infer<typeof listQuery>) => {
      const user = guard(ctx, request, 'values.read', {
        unitId: requireUser(request).unitId,
        secrecy: 'none',
      });
      const asOf = q.at ?? ctx.clock.today();
      const visible = taskReader(ctx, request);
      const unitIds =
        q.scope === 'mine' ? [user.unitId] : q.unit ? [resolveUnit(ctx.graph, q.unit, asOf).id] : undefined;
      const tasks = await listTasks(ctx, asOf, {
        visible,
        ...(unitIds ? { unitIds } : {}),
        ...(q.meeting ? { meetingIds: [q.meeting] } : {}),
        ...(q.status ? { status: q.status as DerivedStatus } : {}),
      });
      return { asOf, tasks };
    };
    r.get(
      '/tasks',
      {
        schema: {
          tags: ['tasks'],
          summary:
            'Nhiệm vụ theo đơn vị, trạng thái, thời hạn (tasks by unit, status and deadline, as of a date)',
          response: { 200: taskListSchema },
          querystring: listQuery,
        },
      },
      async (request) => {
        const { asOf, tasks } = await filtered(request, request.query);
        return { asOf, summary: taskSummary(tasks), tasks };
      },
    );
    r.get(
      '/tasks/:id',
      {
        schema: {
          tags: ['tasks'],
          summary: 'Một nhiệm vụ với lịch sử thời hạn và báo cáo tiến độ (one task with its history)',
          response: { 200: taskDetailSchema },
          params: z.object({ id: z.coerce.number().int().positive() }),
          querystring: z.object({ at: isoDateSchema.optional() }),
        },
      },
      async (request) => {
        const task = await requireTask(ctx, request.params.id);
        guard(ctx, request, 'values.read', { unitId: task.unitId, secrecy: task.secrecy }, task.assignedOn);
        return taskDetail(ctx, task, request.query.at ?? ctx.clock.today());
      },
    );
    r.post(
      '/tasks/:id/:action',
      {
        schema: {
          tags: ['tasks'],
          summary:
            'Báo cáo tiến độ, báo cáo hoàn thành, xác nhận, trả lại, gia hạn, hủy (report, confirm, return, extend, cancel)',
          response: { 200: taskDetailSchema },
          params: z.object({ id: z.coerce.number().int().positive(), action: z.enum(TASK_ACTIONS) }),
          body: z.object({
            note: z.string().max(10000).nullish(),
            period: z.string().max(7).nullish(),
            figures: z.record(z.string().max(60), z.number().finite()).nullish(),
            attachments: z.array(z.string().max(300)).max(20).nullish(),
            deadline: deadlineSchema.nullish(),
            version: z.number().int().positive().optional(),
          }),
        },
      },
      async (request) => {
        const task = await requireTask(ctx, request.params.id);
        guard(
          ctx,
          request,
          TASK_ACTION_PERMISSION[request.params.action],
          { unitId: task.unitId, secrecy: task.secrecy },
          task.assignedOn,
        );
        if (request.body.version === undefined) throw versionRequired();
        return actOnTask(ctx, task.id, { ...request.body, action: request.params.action }, actorOf(request));
      },
    );
  };
}
