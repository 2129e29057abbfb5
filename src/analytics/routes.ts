import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { referenceDate } from '../periods/regime.ts';
import { guard } from '../server/session.ts';
import { indicatorCodeSchema, periodIdSchema, unitCodeSchema } from '../shared/schemas.ts';
import { clearanceAllows, highestSecrecy } from '../shared/secrecy.ts';
import { runQuery } from './service.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export function analyticsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/aggregates',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Tổng hợp số liệu theo đơn vị và kỳ, có so sánh (aggregates with comparisons)',
          querystring: z.object({
            unit: unitCodeSchema,
            period: periodIdSchema,
            indicator: indicatorCodeSchema.optional(),
            compare: booleanFlag,
            asOf: z.string().max(40).optional(),
          }),
        },
        config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      },
      async (request) => {
        const period = resolvePeriod(request.query.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.query.unit, period);
        const user = guard(
          ctx,
          request,
          'aggregate.read',
          { unitId: unit.id, secrecy: 'none' },
          referenceDate(period),
        );
        const result = await runQuery(ctx, request.query);
        // Rows above the reader's clearance are left out, not refused whole: the rest of the picture stays usable.
        const rows = result.rows.filter((row) => clearanceAllows(user.clearance, row.secrecy));
        return {
          ...result,
          secrecy: highestSecrecy(rows.map((row) => row.secrecy)),
          withheld: result.rows.length - rows.length,
          rows,
        };
      },
    );
    r.get(
      '/aggregates/ranking',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Xếp hạng các đơn vị trực thuộc (ranking of child units)',
          querystring: z.object({
            unit: unitCodeSchema,
            period: periodIdSchema,
            indicator: indicatorCodeSchema,
            option: z.string().max(40).optional(),
            compare: booleanFlag,
          }),
        },
        config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      },
      async (request) => {
        const period = resolvePeriod(request.query.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.query.unit, period);
        const indicator = ctx.catalogue.indicator(request.query.indicator);
        guard(
          ctx,
          request,
          'aggregate.read',
          { unitId: unit.id, secrecy: indicator?.secrecy ?? 'none' },
          referenceDate(period),
        );
        const rows = await ctx.engine.ranking({
          unitId: unit.id,
          period,
          indicator: request.query.indicator,
          option: request.query.option ?? null,
          compare: request.query.compare,
        });
        return {
          unit: unit.code,
          period: period.id,
          indicator: request.query.indicator,
          option: request.query.option ?? null,
          rows,
        };
      },
    );
  };
}
