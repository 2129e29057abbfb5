import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { recordAct } from '../audit/service.ts';
import {
  aggregatesSchema,
  correctionsSchema,
  provinceMapSchema,
  rankingSchema,
  seriesSchema,
  tetComparisonSchema,
} from '../contract/analytics.ts';
import { provinceEraSchema } from '../contract/common.ts';
import { tableToXlsx } from '../exports/table.ts';
import { type ProvinceEra, provinceEraOn, provinceMap } from '../geo/provinces.ts';
import { referenceDate } from '../periods/regime.ts';
import { actorOf, auditClassifiedRead, guard, requireUser } from '../server/session.ts';
import { includeSchema, indicatorCodeSchema, periodIdSchema, unitCodeSchema } from '../shared/schemas.ts';
import { SECRECY_LEVELS, SECRECY_MARK } from '../shared/secrecy.ts';
import {
  missingUnitsOnce,
  readAggregates,
  readCorrections,
  readRanking,
  readSeries,
  readTetWindow,
} from './reads.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export function analyticsRoutes(ctx: RouteContext, geoDir: string): FastifyPluginAsync {
  const mapTexts = new Map<string, string>();
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/aggregates',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Tổng hợp số liệu theo đơn vị và kỳ, có so sánh (aggregates with comparisons)',
          response: { 200: aggregatesSchema },
          querystring: z.object({
            unit: unitCodeSchema,
            period: periodIdSchema,
            indicator: indicatorCodeSchema.optional(),
            compare: booleanFlag,
            ytd: z
              .enum(['true', 'false', '1', '0'])
              .optional()
              .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'))
              .describe(
                'với compare: cả lũy kế năm (mặc định có); false để bỏ (with compare: year to date too)',
              ),
            asOf: z.string().max(40).optional(),
            include: includeSchema,
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
        // Rows above the reader's clearance are left out, not refused whole: the rest of the picture stays usable.
        const result = await readAggregates(ctx, user, request.query);
        await auditClassifiedRead(ctx, request, {
          target: `aggregates:${unit.code}/${period.id}`,
          unitId: unit.id,
          secrecy: result.secrecy,
          details: { indicator: request.query.indicator ?? null, asOf: request.query.asOf ?? null },
        });
        return missingUnitsOnce(result);
      },
    );
    r.get(
      '/aggregates/ranking',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Xếp hạng các đơn vị trực thuộc (ranking of child units)',
          response: { 200: rankingSchema },
          querystring: z.object({
            unit: unitCodeSchema,
            period: periodIdSchema,
            indicator: indicatorCodeSchema,
            option: z.string().max(40).optional(),
            kind: z.enum(['department', 'province', 'district', 'commune']).optional(),
            compare: booleanFlag,
            include: includeSchema,
          }),
        },
        config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      },
      async (request) => {
        const { unitId, ...shown } = await readRanking(ctx, request.query, (id, secrecy, date) =>
          guard(ctx, request, 'aggregate.read', { unitId: id, secrecy }, date),
        );
        await auditClassifiedRead(ctx, request, {
          target: `ranking:${shown.unit}/${shown.period}/${shown.indicator}`,
          unitId,
          secrecy: shown.secrecy,
        });
        return shown;
      },
    );
    r.get(
      '/aggregates/series',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Chuỗi số liệu theo tháng, kèm cùng kỳ năm trước (monthly series with last year)',
          response: { 200: seriesSchema },
          querystring: z.object({
            unit: unitCodeSchema,
            indicator: indicatorCodeSchema,
            option: z.string().max(40).optional(),
            to: z.string().regex(/^\d{4}-\d{2}$/, 'tháng dạng YYYY-MM'),
            months: z.coerce.number().int().min(1).max(120).default(24),
            include: includeSchema,
          }),
        },
      },
      async (request) => {
        const { unitId, ...shown } = await readSeries(ctx, request.query, (id, secrecy, date) =>
          guard(ctx, request, 'aggregate.read', { unitId: id, secrecy }, date),
        );
        await auditClassifiedRead(ctx, request, {
          target: `series:${shown.unit}/${shown.indicator}/${request.query.to}`,
          unitId,
          secrecy: shown.secrecy,
        });
        return shown;
      },
    );
    // The outlines of an era never change: held to the contract and written out once, then sent as written (a
    // megabyte of coordinates is otherwise serialised again on every month asked for).
    const sendMap = (reply: FastifyReply, era: ProvinceEra) => {
      reply.header('cache-control', 'private, max-age=3600');
      let text = mapTexts.get(era);
      if (text === undefined) {
        text = JSON.stringify(provinceMapSchema.parse(provinceMap(geoDir, era)));
        mapTexts.set(era, text);
      }
      reply.type('application/json; charset=utf-8').serializer((payload) => payload as string);
      return text as unknown as z.infer<typeof provinceMapSchema>;
    };
    r.get(
      '/geo/provinces',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Bản đồ ranh giới tỉnh của thời kỳ (province boundaries of the era: 63 or 34)',
          response: { 200: provinceMapSchema },
          querystring: z.object({ period: periodIdSchema }),
        },
      },
      async (request, reply) => {
        const date = referenceDate(resolvePeriod(request.query.period));
        guard(ctx, request, 'aggregate.read', { unitId: null, secrecy: 'none' }, date);
        return sendMap(reply, provinceEraOn(date));
      },
    );
    r.get(
      '/geo/provinces/:era',
      {
        schema: {
          tags: ['analytics'],
          summary:
            'Bản đồ ranh giới tỉnh theo thời kỳ (province boundaries by era, as a ranking names it: one address for every month of the era)',
          response: { 200: provinceMapSchema },
          params: z.object({ era: provinceEraSchema }),
        },
      },
      async (request, reply) => {
        guard(ctx, request, 'aggregate.read', { unitId: null, secrecy: 'none' }, ctx.clock.today());
        return sendMap(reply, request.params.era);
      },
    );
    r.post(
      '/exports/table.xlsx',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Xuất bảng ra Excel (export a table to .xlsx)',
          body: z.object({
            title: z.string().min(1).max(300),
            subtitle: z.string().max(300).optional(),
            columns: z.array(z.string().max(200)).min(1).max(200),
            rows: z.array(z.array(z.union([z.string().max(1000), z.number(), z.null()])).max(200)).max(20000),
            secrecy: z.enum(SECRECY_LEVELS).default('none'),
          }),
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        // The table was built from figures the user could read; exporting it is judged at the user's own unit.
        const me = requireUser(request);
        guard(
          ctx,
          request,
          'export',
          { unitId: me.unitId, secrecy: request.body.secrecy },
          ctx.clock.today(),
        );
        await recordAct(ctx, {
          at: ctx.clock.now().toISOString(),
          actorId: me.id,
          actorName: actorOf(request).name,
          action: 'export.table',
          target: `table:${request.body.title.slice(0, 80)}`,
          unitId: me.unitId,
          secrecy: request.body.secrecy,
          details: { rows: request.body.rows.length },
        });
        const buffer = await tableToXlsx({
          ...request.body,
          marking: SECRECY_MARK[request.body.secrecy] || undefined,
        });
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="giaoban-bang.xlsx"')
          .send(buffer);
      },
    );
    r.get(
      '/aggregates/tet',
      {
        schema: {
          tags: ['analytics'],
          summary: 'So sánh theo lịch âm quanh Tết (a Tết-aligned window against last year’s)',
          response: { 200: tetComparisonSchema },
          querystring: z.object({
            unit: unitCodeSchema.default('BCA'),
            year: z.coerce.number().int().min(1991).max(2100),
            from: z.coerce.number().int().min(-60).max(60).default(-7),
            to: z.coerce.number().int().min(-60).max(90).default(9),
            include: includeSchema,
          }),
        },
      },
      async (request) => {
        const req = {
          unit: request.query.unit,
          year: request.query.year,
          fromOffset: request.query.from,
          toOffset: request.query.to,
          include: request.query.include,
        };
        // The unit is judged on the window's last day, then the rows as the reader may see them.
        const { unitId, ...shown } = await readTetWindow(ctx, req, (id, date) =>
          guard(ctx, request, 'aggregate.read', { unitId: id, secrecy: 'none' }, date),
        );
        await auditClassifiedRead(ctx, request, {
          target: `tet:${shown.unit.code}/${request.query.year}`,
          unitId,
          secrecy: shown.secrecy,
        });
        return shown;
      },
    );
    r.get(
      '/aggregates/corrections',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Đính chính sau một thời điểm: số đã báo cáo và số hiện nay (corrections since a moment)',
          response: { 200: correctionsSchema },
          querystring: z.object({
            unit: unitCodeSchema,
            period: periodIdSchema,
            asOf: z.string().max(40),
            indicator: indicatorCodeSchema.optional(),
          }),
        },
      },
      async (request) => {
        const period = resolvePeriod(request.query.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.query.unit, period);
        const date = referenceDate(period);
        const user = guard(ctx, request, 'aggregate.read', { unitId: unit.id, secrecy: 'none' }, date);
        const shown = await readCorrections(ctx, user, request.query);
        await auditClassifiedRead(ctx, request, {
          target: `corrections:${unit.code}/${period.id}`,
          unitId: unit.id,
          secrecy: shown.secrecy,
          details: { asOf: request.query.asOf, indicator: request.query.indicator ?? null },
        });
        return shown;
      },
    );
  };
}
