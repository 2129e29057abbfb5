import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveUnit } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { targetListSchema, targetProgressSchema, targetSchema } from '../contract/programmes.ts';
import { actorOf, guard } from '../server/session.ts';
import { includeSchema, isoDateSchema, unitCodeSchema } from '../shared/schemas.ts';
import { createTarget, listTargets, targetProgress } from './service.ts';

export function targetRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/targets',
      {
        schema: {
          tags: ['targets'],
          summary: 'Chỉ tiêu triển khai (deployment targets)',
          response: { 200: targetListSchema },
        },
      },
      async (request) => {
        guard(ctx, request, 'aggregate.read', { unitId: null, secrecy: 'none' });
        return { targets: await listTargets(ctx) };
      },
    );
    r.get(
      '/targets/:id/progress',
      {
        schema: {
          tags: ['targets'],
          summary: 'Tiến độ theo tỉnh và các đơn vị chưa đạt (progress per province, units behind)',
          response: { 200: targetProgressSchema },
          params: z.object({ id: z.coerce.number().int().positive() }),
          querystring: z.object({ at: isoDateSchema.optional(), include: includeSchema }),
        },
      },
      async (request) => {
        guard(ctx, request, 'aggregate.read', { unitId: null, secrecy: 'none' });
        return targetProgress(
          ctx,
          request.params.id,
          request.query.at ?? ctx.clock.today(),
          request.query.include,
        );
      },
    );
    r.post(
      '/targets',
      {
        schema: {
          tags: ['targets'],
          summary: 'Đặt chỉ tiêu triển khai (set a deployment target)',
          response: { 200: targetSchema },
          body: z.object({
            name: z.string().min(1).max(300),
            indicator: z.string().min(1).max(60),
            targetValue: z.number().finite(),
            deadline: isoDateSchema,
            unitKind: z.enum(['province', 'department', 'commune']).default('province'),
            units: z.array(unitCodeSchema).max(200).default([]),
            meetingId: z.number().int().positive().nullish(),
          }),
        },
      },
      async (request) => {
        guard(ctx, request, 'meeting.manage', { unitId: null, secrecy: 'none' });
        const b = request.body;
        const today = ctx.clock.today();
        return createTarget(
          ctx,
          {
            name: b.name,
            indicator: b.indicator,
            targetValue: b.targetValue,
            deadline: b.deadline,
            unitKind: b.unitKind,
            unitIds: b.units.map((c) => resolveUnit(ctx.graph, c, today).id),
            meetingId: b.meetingId ?? null,
          },
          actorOf(request),
        );
      },
    );
  };
}
