import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveUnit } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { requireUser } from '../server/session.ts';
import { isoDateSchema } from '../shared/schemas.ts';
import { UNIT_KINDS } from './model.ts';
import { presentUnit } from './presenter.ts';
import { searchUnits } from './search.ts';

const unitView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(UNIT_KINDS),
  adminCode: z.string().nullable(),
  parent: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  predecessors: z.array(
    z.object({ code: z.string(), name: z.string(), kind: z.string(), effectiveDate: z.string() }),
  ),
});

export function unitRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/units',
      {
        schema: {
          tags: ['units'],
          summary: 'Đơn vị có hiệu lực vào một ngày (units valid on a date)',
          querystring: z.object({
            at: isoDateSchema.optional(),
            kind: z.enum(UNIT_KINDS).optional(),
            parent: z.string().max(20).optional(),
            q: z.string().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(20000).default(5000),
          }),
          response: { 200: z.object({ at: z.string(), total: z.number(), units: z.array(unitView) }) },
        },
      },
      async (request) => {
        requireUser(request);
        const at = request.query.at ?? ctx.clock.today();
        let units = ctx.graph.unitsOn(at, request.query.kind);
        if (request.query.parent) {
          const parent = resolveUnit(ctx.graph, request.query.parent, at);
          const children = new Set(ctx.graph.childrenOn(parent.id, at));
          units = units.filter((u) => children.has(u.id));
        }
        let views = units.map((u) => presentUnit(ctx.graph, u, at));
        if (request.query.q) views = searchUnits(views, request.query.q);
        else views.sort((a, b) => a.code.localeCompare(b.code));
        return { at, total: views.length, units: views.slice(0, request.query.limit) };
      },
    );
    r.get(
      '/units/:code',
      {
        schema: {
          tags: ['units'],
          summary: 'Một đơn vị, các đơn vị con và lịch sử hình thành (one unit, its children and lineage)',
          params: z.object({ code: z.string().max(20) }),
          querystring: z.object({ at: isoDateSchema.optional() }),
          response: {
            200: unitView.extend({
              children: z.array(unitView),
              successors: z.array(
                z.object({ code: z.string(), kind: z.string(), effectiveDate: z.string() }),
              ),
            }),
          },
        },
      },
      async (request) => {
        requireUser(request);
        const at = request.query.at ?? ctx.clock.today();
        const unit = resolveUnit(ctx.graph, request.params.code, at);
        return {
          ...presentUnit(ctx.graph, unit, at),
          children: ctx.graph
            .childrenOn(unit.id, at)
            .map((id) => presentUnit(ctx.graph, ctx.graph.require(id), at))
            .sort((a, b) => a.code.localeCompare(b.code)),
          successors: ctx.graph
            .successorEvents(unit.id)
            .filter((e) => e.toUnitId !== unit.id)
            .map((e) => ({
              code: ctx.graph.require(e.toUnitId).code,
              kind: e.kind,
              effectiveDate: e.effectiveDate,
            })),
        };
      },
    );
  };
}
