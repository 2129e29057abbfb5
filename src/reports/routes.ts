import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DATA_STATUS_HEADER, dataStatusHeader } from '../analytics/status.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { recordAct } from '../audit/service.ts';
import {
  documentSettingAnswerSchema,
  issueListSchema,
  issueSchema,
  issueVerificationSchema,
  reportDraftSchema,
  reportEventDeletedSchema,
  reportEventListSchema,
  reportEventSchema,
} from '../contract/reports.ts';
import { periodWindow, referenceDate } from '../periods/regime.ts';
import { actorOf, guard, requireUser } from '../server/session.ts';
import { AppError, versionRequired } from '../shared/errors.ts';
import { includeSchema, periodIdSchema, unitCodeSchema, versionReadSchema } from '../shared/schemas.ts';
import { clearanceAllows } from '../shared/secrecy.ts';
import { humanSectionsSchema, readDraft, saveDraft } from './draft.ts';
import { issuedPdf, issueReport, listIssues, verifyDocument, withdrawReport } from './issue.ts';
import { renderBriefing } from './render.ts';
import {
  addEvent,
  deleteEvent,
  documentSettingSchema,
  eventInputSchema,
  eventsFor,
  readDocumentSetting,
  saveDocumentSetting,
} from './settings.ts';

export function reportRoutes(ctx: RouteContext): FastifyPluginAsync {
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
            /** Index of the signer among the unit's configured signers. */
            signer: z.coerce.number().int().min(0).max(9).optional(),
            include: includeSchema,
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
        await recordAct(ctx, {
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
          .header(DATA_STATUS_HEADER, dataStatusHeader(request.query.include))
          .send(result.buffer);
      },
    );
    r.post(
      '/reports/briefing/issue',
      {
        schema: {
          tags: ['documents'],
          summary:
            'Ban hành báo cáo: xác nhận bằng "ĐƠN VỊ/KỲ", ký số PAdES bằng chứng thư của đơn vị; bản thay thế cần lý do',
          response: { 201: issueSchema },
          body: z.object({
            unit: unitCodeSchema.default('BCA'),
            period: periodIdSchema,
            confirm: z.string().max(40),
            signer: z.number().int().min(0).max(9).optional(),
            reason: z.string().max(1000).optional(),
          }),
        },
      },
      async (request, reply) => {
        const period = resolvePeriod(request.body.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.body.unit, period);
        const me = requireUser(request);
        guard(ctx, request, 'meeting.manage', { unitId: unit.id, secrecy: 'none' }, referenceDate(period));
        const issued = await issueReport(ctx, {
          ...request.body,
          clearance: me.clearance,
          actor: actorOf(request),
        });
        return reply.code(201).send(issued);
      },
    );
    r.post(
      '/reports/briefing/withdraw',
      {
        schema: {
          tags: ['documents'],
          summary: 'Thu hồi báo cáo đã ban hành (cần lý do); bản cũ vẫn đọc được, ghi "Đã thu hồi"',
          response: { 200: issueSchema },
          body: z.object({
            unit: unitCodeSchema.default('BCA'),
            period: periodIdSchema,
            reason: z.string().max(1000),
          }),
        },
      },
      async (request) => {
        const period = resolvePeriod(request.body.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.body.unit, period);
        guard(ctx, request, 'meeting.manage', { unitId: unit.id, secrecy: 'none' }, referenceDate(period));
        return withdrawReport(ctx, { ...request.body, actor: actorOf(request) });
      },
    );
    r.get(
      '/reports/briefing/issued',
      {
        schema: {
          tags: ['documents'],
          summary: 'Các phiên bản đã ban hành của báo cáo (đang hiệu lực, đã thay thế, đã thu hồi)',
          response: { 200: issueListSchema },
          querystring: z.object({ period: periodIdSchema, unit: unitCodeSchema.default('BCA') }),
        },
      },
      async (request) => {
        const period = resolvePeriod(request.query.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.query.unit, period);
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: 'none' }, referenceDate(period));
        return { issues: await listIssues(ctx, unit.code, period.id) };
      },
    );
    r.get(
      '/reports/briefing/issued/:id',
      {
        schema: {
          tags: ['documents'],
          summary: 'Tệp PDF đã ký của một phiên bản đã ban hành',
          params: z.object({ id: z.coerce.number().int().positive() }),
        },
      },
      async (request, reply) => {
        const found = await issuedPdf(ctx, request.params.id);
        const me = requireUser(request);
        guard(
          ctx,
          request,
          'document.generate',
          { unitId: found.unitId, secrecy: found.secrecy },
          ctx.clock.today(),
        );
        await recordAct(ctx, {
          at: ctx.clock.now().toISOString(),
          actorId: me.id,
          actorName: actorOf(request).name,
          action: 'document.read',
          target: `report_issue:${request.params.id}`,
          unitId: found.unitId,
          secrecy: found.secrecy,
          details: { status: found.issue.status },
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="bao-cao-ban-hanh-${request.params.id}.pdf"`)
          .header('x-secrecy', found.secrecy)
          .header('x-document-status', found.issue.status)
          .send(found.pdf);
      },
    );
    r.get(
      '/reports/briefing/issued/:id/verify',
      {
        schema: {
          tags: ['documents'],
          summary: 'Kiểm tra chữ ký số của văn bản đã ban hành: người ký, thời gian ký, toàn vẹn',
          response: { 200: issueVerificationSchema },
          params: z.object({ id: z.coerce.number().int().positive() }),
        },
      },
      async (request) => {
        const found = await issuedPdf(ctx, request.params.id);
        guard(
          ctx,
          request,
          'document.generate',
          { unitId: found.unitId, secrecy: found.secrecy },
          ctx.clock.today(),
        );
        return { issue: found.issue, verification: verifyDocument(found.pdf) };
      },
    );
    r.get(
      '/reports/settings',
      {
        schema: {
          tags: ['documents'],
          summary: 'Ký hiệu văn bản và người ký của đơn vị (document symbol and signers of a unit)',
          response: { 200: documentSettingAnswerSchema },
          querystring: z.object({ unit: unitCodeSchema.default('BCA') }),
        },
      },
      async (request) => {
        const unit = resolveUnitForPeriod(
          ctx.graph,
          request.query.unit,
          resolvePeriod(ctx.clock.today().slice(0, 7)),
        );
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: 'none' }, ctx.clock.today());
        return readDocumentSetting(ctx, unit.id);
      },
    );
    r.put(
      '/reports/settings',
      {
        schema: {
          tags: ['documents'],
          summary: 'Đặt ký hiệu văn bản và danh sách người ký của đơn vị',
          response: { 200: documentSettingAnswerSchema },
          body: documentSettingSchema.extend({
            unit: unitCodeSchema.default('BCA'),
            version: versionReadSchema(
              'the settings version read (0 before the first save): 428 without it, 409 when stale',
            ),
          }),
        },
      },
      async (request) => {
        const { unit: code, version, ...setting } = request.body;
        if (version === undefined) throw versionRequired();
        const unit = resolveUnitForPeriod(ctx.graph, code, resolvePeriod(ctx.clock.today().slice(0, 7)));
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: 'none' }, ctx.clock.today());
        return saveDocumentSetting(ctx, unit.id, setting, actorOf(request), version);
      },
    );
    r.get(
      '/reports/events',
      {
        schema: {
          tags: ['documents'],
          summary: 'Sự kiện, tình hình nổi bật của kỳ báo cáo (the register of notable events)',
          response: { 200: reportEventListSchema },
          querystring: z.object({ period: periodIdSchema, unit: unitCodeSchema.default('BCA') }),
        },
      },
      async (request) => {
        const period = resolvePeriod(request.query.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.query.unit, period);
        const me = requireUser(request);
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: 'none' }, referenceDate(period));
        const window = periodWindow(period);
        const events = await eventsFor(ctx, [unit.id], window.start, window.end, (s) =>
          clearanceAllows(me.clearance, s),
        );
        return { events };
      },
    );
    r.post(
      '/reports/events',
      {
        schema: {
          tags: ['documents'],
          summary: 'Ghi một sự kiện, tình hình nổi bật (ngày, đơn vị, độ mật, nội dung)',
          response: { 201: reportEventSchema },
          body: eventInputSchema.extend({ unit: unitCodeSchema.default('BCA') }),
        },
      },
      async (request, reply) => {
        const { unit: code, ...input } = request.body;
        const unit = resolveUnitForPeriod(ctx.graph, code, resolvePeriod(input.date.slice(0, 7)));
        const me = requireUser(request);
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: input.secrecy }, input.date);
        if (!clearanceAllows(me.clearance, input.secrecy))
          throw new AppError('forbidden', 'Độ mật vượt quá quyền của người dùng', 'above your clearance');
        const event = await addEvent(ctx, unit.id, input, actorOf(request));
        return reply.code(201).send(event);
      },
    );
    r.delete(
      '/reports/events/:id',
      {
        schema: {
          tags: ['documents'],
          summary: 'Xóa một sự kiện khỏi sổ (giữ lại trong nhật ký)',
          response: { 200: reportEventDeletedSchema },
          params: z.object({ id: z.coerce.number().int().positive() }),
          querystring: z.object({ unit: unitCodeSchema.default('BCA') }),
        },
      },
      async (request, reply) => {
        const unit = resolveUnitForPeriod(
          ctx.graph,
          request.query.unit,
          resolvePeriod(ctx.clock.today().slice(0, 7)),
        );
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: 'none' }, ctx.clock.today());
        await deleteEvent(ctx, request.params.id, unit.id, actorOf(request));
        return reply.send({ deleted: request.params.id });
      },
    );
    r.get(
      '/reports/briefing/draft',
      {
        schema: {
          tags: ['documents'],
          summary: 'Phần do người viết của báo cáo giao ban (the written parts of the report)',
          response: { 200: reportDraftSchema },
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
          response: { 200: reportDraftSchema },
          body: z.object({
            period: periodIdSchema,
            unit: unitCodeSchema.default('BCA'),
            version: versionReadSchema(
              'the draft version read (0 before the first save): 428 without it, 409 when stale',
            ),
            finalise: z.boolean().default(false),
            human: humanSectionsSchema,
          }),
        },
      },
      async (request) => {
        const period = resolvePeriod(request.body.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.body.unit, period);
        guard(ctx, request, 'document.generate', { unitId: unit.id, secrecy: 'none' }, referenceDate(period));
        const version = request.body.version;
        if (version === undefined) throw versionRequired();
        return saveDraft(ctx, {
          unitId: unit.id,
          period: period.id,
          human: request.body.human,
          version,
          finalise: request.body.finalise,
          actor: actorOf(request),
        });
      },
    );
  };
}
