import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveUnit } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { campaignListSchema, campaignSchema, campaignSummarySchema } from '../contract/programmes.ts';
import { actorOf, guard } from '../server/session.ts';
import { includeSchema, isoDateSchema, unitCodeSchema } from '../shared/schemas.ts';
import { SECRECY_LEVELS } from '../shared/secrecy.ts';
import { campaignSummary, createCampaign, listCampaigns, requireCampaign } from './service.ts';

const anchor = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(30),
  yearOffset: z.number().int().min(-1).max(1).optional(),
});

export const campaignRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), start: isoDateSchema, end: isoDateSchema }),
  z.object({ kind: z.literal('lunar'), start: anchor, end: anchor }),
  z.object({
    kind: z.literal('tet'),
    fromDay: z.number().int().min(-120).max(0),
    toDay: z.number().int().min(0).max(120),
  }),
]);

export function campaignRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/campaigns',
      {
        schema: {
          tags: ['campaigns'],
          summary: 'Các đợt cao điểm (campaigns)',
          response: { 200: campaignListSchema },
        },
      },
      async (request) => {
        guard(ctx, request, 'aggregate.read', { unitId: null, secrecy: 'none' });
        return { campaigns: await listCampaigns(ctx) };
      },
    );
    r.get(
      '/campaigns/:id/summary',
      {
        schema: {
          tags: ['campaigns'],
          summary:
            'Tổng kết đợt cao điểm: so với cùng đợt năm trước (theo âm lịch) và kỳ liền trước, xếp hạng đơn vị',
          response: { 200: campaignSummarySchema },
          params: z.object({ id: z.coerce.number().int().positive() }),
          querystring: z.object({ include: includeSchema }),
        },
      },
      async (request) => {
        const c = await requireCampaign(ctx, request.params.id);
        const user = guard(ctx, request, 'aggregate.read', { unitId: null, secrecy: c.secrecy }, c.start);
        return campaignSummary(ctx, c.id, user, request.query.include);
      },
    );
    r.post(
      '/campaigns',
      {
        schema: {
          tags: ['campaigns'],
          summary: 'Tạo đợt cao điểm (create a campaign for a year)',
          response: { 200: campaignSchema },
          body: z.object({
            series: z.string().min(1).max(60),
            name: z.string().min(1).max(300),
            year: z.number().int().min(1990).max(2100),
            rule: campaignRuleSchema,
            units: z.array(unitCodeSchema).max(200).default([]),
            indicators: z.array(z.string().max(60)).min(1).max(30),
            rankBy: z.string().max(60).nullish(),
            reportForm: z.string().max(40).nullish(),
            secrecy: z.enum(SECRECY_LEVELS).default('none'),
          }),
        },
      },
      async (request) => {
        guard(ctx, request, 'meeting.manage', { unitId: null, secrecy: request.body.secrecy });
        const b = request.body;
        const date = ctx.clock.today();
        return createCampaign(
          ctx,
          { ...b, unitIds: b.units.map((c) => resolveUnit(ctx.graph, c, date).id) },
          actorOf(request),
        );
      },
    );
  };
}
