import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import { recordAudit } from '../audit/repository.ts';
import { referenceDate } from '../periods/regime.ts';
import { actorOf, guard, requireUser } from '../server/session.ts';
import { periodIdSchema, unitCodeSchema } from '../shared/schemas.ts';
import { humanSectionsSchema, readDraft, saveDraft } from './draft.ts';
import { renderBriefing } from './render.ts';

export function reportRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/reports/briefing',
      {
        schema: {
          tags: ['documents'],
          summary: 'Báo cáo giao ban tháng (.docx, .xlsx, .pdf) theo Nghị định 30/2020',
          querystring: z.object({
            period: periodIdSchema,
            unit: unitCodeSchema.default('BCA'),
            format: z.enum(['docx', 'xlsx', 'pdf']).default('docx'),
          }),
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const period = resolvePeriod(request.query.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.query.unit, period);
        const me = requireUser(request);
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: 'none' }, referenceDate(period));
        const result = await renderBriefing(ctx, { ...request.query, clearance: me.clearance });
        // Every generated document is recorded, classified or not: it leaves the system.
        await recordAudit(ctx.store, {
          at: ctx.clock.now().toISOString(),
          actorId: me.id,
          actorName: actorOf(request).name,
          action: 'document.generate',
          target: `report:${unit.code}/${period.id}.${request.query.format}`,
          unitId: unit.id,
          secrecy: result.secrecy,
          details: { bytes: result.buffer.length },
        });
        return reply
          .header('content-type', result.contentType)
          .header('content-disposition', `attachment; filename="${result.filename}"`)
          .header('x-secrecy', result.secrecy)
          .send(result.buffer);
      },
    );
    r.get(
      '/reports/briefing/draft',
      {
        schema: {
          tags: ['documents'],
          summary: 'Phần do người viết của báo cáo giao ban (the written parts of the report)',
          querystring: z.object({ period: periodIdSchema, unit: unitCodeSchema.default('BCA') }),
        },
      },
      async (request) => {
        const period = resolvePeriod(request.query.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.query.unit, period);
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: 'none' }, referenceDate(period));
        return readDraft(ctx, unit.id, period.id);
      },
    );
    r.put(
      '/reports/briefing/draft',
      {
        schema: {
          tags: ['documents'],
          summary: 'Sửa phần do người viết; finalise=true để ban hành (không sửa được nữa)',
          body: z.object({
            period: periodIdSchema,
            unit: unitCodeSchema.default('BCA'),
            version: z.number().int().min(0),
            finalise: z.boolean().default(false),
            human: humanSectionsSchema,
          }),
        },
      },
      async (request) => {
        const period = resolvePeriod(request.body.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.body.unit, period);
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: 'none' }, referenceDate(period));
        return saveDraft(ctx, {
          unitId: unit.id,
          period: period.id,
          human: request.body.human,
          version: request.body.version,
          finalise: request.body.finalise,
          actor: actorOf(request),
        });
      },
    );
  };
}
