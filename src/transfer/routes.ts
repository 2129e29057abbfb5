import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DATA_STATUS_HEADER, dataStatusHeader } from '../analytics/status.ts';
import { resolvePeriod, resolveUnitForPeriod } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { recordAct } from '../audit/service.ts';
import { apiErrorSchema } from '../contract/common.ts';
import { importSummarySchema } from '../contract/transfer.ts';
import { referenceDate } from '../periods/regime.ts';
import { actorOf, guard, requireUser } from '../server/session.ts';
import { AppError } from '../shared/errors.ts';
import { includeSchema, periodIdSchema, unitCodeSchema } from '../shared/schemas.ts';
import { requireForm } from '../values/service.ts';
import { exportFigures } from './export.ts';
import { importFigures } from './import.ts';
import { MAX_FILE_BYTES } from './model.ts';

const flag = z.enum(['true', 'false', '1', '0']).optional();
const isTrue = (value: string | undefined) => value === 'true' || value === '1';

interface Upload {
  buffer: Buffer;
  filename: string;
  mimetype: string;
  fields: Map<string, string>;
}

/** Reads the one uploaded file and the text fields beside it, whatever their order in the form. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart())
    throw new AppError(
      'unsupported_media_type',
      'Cần gửi tệp dạng multipart/form-data, trường "file"',
      'send the file as multipart/form-data in the field "file"',
    );
  let file: Omit<Upload, 'fields'> | null = null;
  const fields = new Map<string, string>();
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = { buffer: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype };
      } else if (typeof part.value === 'string') fields.set(part.fieldname, part.value);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(
        'payload_too_large',
        'Tệp vượt giới hạn 10 MB, chưa nhập gì',
        'the file is larger than 10 MB; nothing was imported',
        [{ row: 0, field: 'file', reason: 'tệp lớn hơn 10 MB' }],
      );
    if (code === 'FST_FILES_LIMIT_ERROR')
      throw new AppError('bad_request', 'Mỗi lần chỉ nhập một tệp', 'one file per import', [
        { field: 'file', reason: 'chỉ gửi một tệp' },
      ]);
    throw error;
  }
  if (!file)
    throw new AppError('bad_request', 'Thiếu tệp cần nhập (trường "file")', 'missing the "file" field', [
      { field: 'file', reason: 'thiếu tệp' },
    ]);
  return { ...file, fields };
}

/**
 * Figures in and out as files: the fill-in Excel template, CSV and DHIS2 JSON for one unit, form and period;
 * and the import of such files, checked row by row, all or nothing.
 */
export function transferRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/exports/figures',
      {
        schema: {
          tags: ['transfer'],
          summary:
            'Tải số liệu của một đơn vị (download a unit’s figures): xlsx (biểu mẫu để điền), csv hoặc JSON DHIS2',
          querystring: z.object({
            form: z.string().max(40).default('BC-THANG'),
            unit: unitCodeSchema,
            period: periodIdSchema,
            format: z.enum(['xlsx', 'csv', 'json']).default('xlsx'),
            include: includeSchema,
          }),
        },
      },
      async (request, reply) => {
        const form = requireForm(ctx, request.query.form);
        const period = resolvePeriod(request.query.period);
        const unit = resolveUnitForPeriod(ctx.graph, request.query.unit, period);
        const user = guard(
          ctx,
          request,
          'export',
          { unitId: unit.id, secrecy: form.secrecy },
          referenceDate(period),
        );
        const file = await exportFigures(ctx, { ...request.query, reader: user });
        // Exported figures leave the system: who took which report, and in what form, is recorded.
        const actor = actorOf(request);
        await recordAct(ctx, {
          at: ctx.clock.now().toISOString(),
          actorId: actor.id,
          actorName: actor.name,
          action: 'export.figures',
          target: `values:${form.code}/${unit.code}/${period.id}`,
          unitId: unit.id,
          secrecy: file.secrecy,
          details: {
            form: form.code,
            unitLevel: file.unitKind,
            format: request.query.format,
            formSecrecy: form.secrecy,
            secrecy: file.secrecy,
            withheld: file.withheld,
            bytes: file.buffer.length,
          },
        });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .header(DATA_STATUS_HEADER, dataStatusHeader(request.query.include))
          .send(file.buffer);
      },
    );
    r.post(
      '/imports',
      {
        schema: {
          tags: ['transfer'],
          summary:
            'Nhập số liệu từ tệp (import figures from a file): multipart, trường "file" (.xlsx, .csv, .json DHIS2); dryRun=true chỉ kiểm tra',
          querystring: z.object({ dryRun: flag }),
          // A file with rejected rows is a 422 with the summary; a file that cannot be read at all, the error body.
          response: { 200: importSummarySchema, 422: z.union([importSummarySchema, apiErrorSchema]) },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const upload = await readUpload(request);
        const dryRun = isTrue(request.query.dryRun) || isTrue(upload.fields.get('dryRun'));
        const summary = await importFigures(ctx, {
          buffer: upload.buffer,
          filename: upload.filename,
          contentType: upload.mimetype,
          dryRun,
          userId: user.id,
          actor: actorOf(request),
          source: 'web',
          canWrite: (unit, form, date) => {
            try {
              guard(ctx, request, 'values.write', { unitId: unit.id, secrecy: form.secrecy }, date);
              return null;
            } catch (error) {
              if (error instanceof AppError)
                return `không được nhập số liệu của đơn vị này: ${error.messageVi}`;
              throw error;
            }
          },
        });
        return reply.status(summary.rejected.length === 0 ? 200 : 422).send(summary);
      },
    );
  };
}
