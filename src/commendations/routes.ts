import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveUnit } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { inScope } from '../auth/gate.ts';
import { commendationListSchema, commendationSchema } from '../contract/programmes.ts';
import { actorOf, guard, requireUser } from '../server/session.ts';
import { isoDateSchema, periodIdSchema, unitCodeSchema } from '../shared/schemas.ts';
import { createCommendation, listCommendations } from './service.ts';

export function commendationRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/commendations',
      {
        schema: {
          tags: ['commendations'],
          summary: 'Khen thưởng theo đơn vị và đợt cao điểm (commendations by unit and campaign)',
          response: { 200: commendationListSchema },
          querystring: z.object({
            unit: unitCodeSchema.optional(),
            campaign: z.coerce.number().int().positive().optional(),
          }),
        },
      },
      async (request) => {
        const today = ctx.clock.today();
        const unit = request.query.unit ? resolveUnit(ctx.graph, request.query.unit, today) : null;
        const user = guard(ctx, request, 'values.read', {
          unitId: unit?.id ?? requireUser(request).unitId,
          secrecy: 'none',
        });
        const all = await listCommendations(ctx, {
          ...(unit ? { unitIds: [unit.id] } : {}),
          ...(request.query.campaign ? { campaignIds: [request.query.campaign] } : {}),
        });
        // Without a unit, the reader's own subtree: never every unit's.
        return {
          commendations: all.filter((c) => {
            if (user.unitId === ctx.graph.root(today).id) return true;
            const at = ctx.graph.findByCode(c.unit, today);
            return at !== undefined && inScope(ctx, user, at.id, today);
          }),
        };
      },
    );
    r.post(
      '/commendations',
      {
        schema: {
          tags: ['commendations'],
          summary: 'Ghi nhận khen thưởng (record a commendation)',
          response: { 200: commendationSchema },
          body: z.object({
            recipientKind: z.enum(['unit', 'person']),
            unit: unitCodeSchema,
            personName: z.string().max(200).nullish(),
            personRank: z.string().max(100).nullish(),
            personPosition: z.string().max(300).nullish(),
            form: z.string().min(1).max(200),
            reason: z.string().min(1).max(5000),
            decisionNumber: z.string().min(1).max(60),
            decisionDate: isoDateSchema,
            campaignId: z.number().int().positive().nullish(),
            period: periodIdSchema.nullish(),
          }),
        },
      },
      async (request) => {
        const b = request.body;
        const unit = resolveUnit(ctx.graph, b.unit, b.decisionDate);
        guard(ctx, request, 'meeting.manage', { unitId: null, secrecy: 'none' });
        return createCommendation(
          ctx,
          {
            recipientKind: b.recipientKind,
            unitId: unit.id,
            personName: b.personName ?? null,
            personRank: b.personRank ?? null,
            personPosition: b.personPosition ?? null,
            form: b.form,
            reason: b.reason,
            decisionNumber: b.decisionNumber,
            decisionDate: b.decisionDate,
            campaignId: b.campaignId ?? null,
            period: b.period ?? null,
          },
          actorOf(request),
        );
      },
    );
  };
}
