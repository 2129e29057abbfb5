import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveUnit } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { secrecyDecisionListSchema, secrecyDecisionSchema } from '../contract/programmes.ts';
import { actorOf, guard } from '../server/session.ts';
import { indicatorCodeSchema, unitCodeSchema } from '../shared/schemas.ts';
import { highestSecrecy, SECRECY_LEVELS } from '../shared/secrecy.ts';
import { overridesFor, setSecrecyDecision } from './overrides.ts';

export function secrecyRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/secrecy/decisions',
      {
        schema: {
          tags: ['security'],
          summary: 'Các quyết định độ mật của số liệu tổng hợp một đơn vị',
          response: { 200: secrecyDecisionListSchema },
          querystring: z.object({ unit: unitCodeSchema }),
        },
      },
      async (request) => {
        const unit = resolveUnit(ctx.graph, request.query.unit, ctx.clock.today());
        const me = guard(ctx, request, 'aggregate.read', { unitId: unit.id, secrecy: 'none' });
        const decisions = [...(await overridesFor(ctx, unit.id)).entries()].map(([indicator, d]) => ({
          indicator,
          ...d,
        }));
        // Decisions above the reader's clearance say nothing to them, not even that they exist.
        return {
          unit: unit.code,
          decisions: decisions.filter((d) => highestSecrecy([d.level, me.clearance]) === me.clearance),
        };
      },
    );
    r.post(
      '/secrecy/decisions',
      {
        schema: {
          tags: ['security'],
          summary:
            'Quyết định độ mật cho số liệu tổng hợp, có ghi lý do (set the level of an aggregate, with a reason)',
          response: { 200: secrecyDecisionSchema },
          body: z.object({
            unit: unitCodeSchema,
            indicator: indicatorCodeSchema,
            level: z.enum(SECRECY_LEVELS),
            reason: z.string().min(1).max(2000),
          }),
        },
      },
      async (request) => {
        const today = ctx.clock.today();
        const unit = resolveUnit(ctx.graph, request.body.unit, today);
        const inputs = ctx.catalogue.indicator(request.body.indicator)?.secrecy ?? 'none';
        // Nobody may lower what they cannot read, nor raise anything above their own clearance.
        guard(ctx, request, 'secrecy.override', {
          unitId: unit.id,
          secrecy: highestSecrecy([inputs, request.body.level]),
        });
        return setSecrecyDecision(ctx, {
          indicator: request.body.indicator,
          unitId: unit.id,
          level: request.body.level,
          reason: request.body.reason,
          actor: actorOf(request),
        });
      },
    );
  };
}
