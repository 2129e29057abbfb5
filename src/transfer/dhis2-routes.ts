import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DATA_STATUS_HEADER, dataStatusHeader } from '../analytics/status.ts';
import { resolveUnit } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { recordAct } from '../audit/service.ts';
import { apiErrorSchema } from '../contract/common.ts';
import { dataValueSetSchema, metadataSchema } from '../contract/transfer.ts';
import { referenceDate } from '../periods/regime.ts';
import { actorOf, guard, requireUser } from '../server/session.ts';
import { AppError } from '../shared/errors.ts';
import { includeSchema } from '../shared/schemas.ts';
import { getSubmission, type SubmissionValidator, transition } from '../submissions/service.ts';
import { formPeriodsWithin, readDataValues, resolveAnyPeriod, unitsFor } from './dataset.ts';
import { type DataValueSet, writeDhis2Csv, writeDhis2Xml } from './dhis2.ts';
import { identifiersOf } from './export.ts';
import { type ImportOutcome, importWithReports } from './import.ts';
import { buildMetadata } from './metadata.ts';
import { MAX_FILE_BYTES, type ReadFormat } from './model.ts';

/** DHIS2's ImportSummary, as its Web API answers POST /api/dataValueSets. */
export interface Dhis2ImportSummary {
  responseType: 'ImportSummary';
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  description: string;
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: Array<{ object: string; value: string; property: string; indexes: number[] }>;
  dataSetComplete: string;
}

export const dhis2SummarySchema = z.object({
  responseType: z.literal('ImportSummary'),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  description: z.string(),
  importCount: z.object({
    imported: z.number().int(),
    updated: z.number().int(),
    ignored: z.number().int(),
    deleted: z.number().int(),
  }),
  conflicts: z.array(
    z.object({
      object: z.string(),
      value: z.string(),
      property: z.string(),
      indexes: z.array(z.number().int()),
    }),
  ),
  dataSetComplete: z.string(),
});

/**
 * giaoban's outcome in DHIS2's shape. A file with conflicts writes nothing (DHIS2's atomicMode ALL): its counts
 * are then all "ignored", and each conflict names the field (object), the reason (value) and the row (indexes:
 * the value's position in the file, from 0 as DHIS2 counts; the file as a whole has none).
 */
export function toDhis2Summary(
  outcome: ImportOutcome,
  dryRun: boolean,
  warnings: string[] = [],
): Dhis2ImportSummary {
  const conflicts = outcome.rejected.map((r) => ({
    object: r.field,
    value: r.reason,
    property: r.field,
    indexes: r.row > 0 ? [r.row - 1] : [],
  }));
  if (conflicts.length > 0) {
    const total = outcome.imported + outcome.updated + outcome.unchanged + outcome.deleted + outcome.ignored;
    return {
      responseType: 'ImportSummary',
      status: 'ERROR',
      description: 'Không nhập gì: tệp có lỗi (the import was rejected; nothing was written)',
      importCount: { imported: 0, updated: 0, deleted: 0, ignored: total },
      conflicts,
      dataSetComplete: 'false',
    };
  }
  return {
    responseType: 'ImportSummary',
    status: warnings.length > 0 ? 'WARNING' : 'SUCCESS',
    description: dryRun
      ? 'Chạy thử: chưa ghi gì (dry run: nothing written)'
      : 'Import process completed successfully',
    importCount: {
      imported: outcome.imported,
      updated: outcome.updated,
      deleted: outcome.deleted,
      ignored: outcome.ignored + outcome.unchanged,
    },
    conflicts: warnings.map((w) => ({
      object: 'completeDate',
      value: w,
      property: 'completeDate',
      indexes: [],
    })),
    dataSetComplete:
      outcome.completeDate && !dryRun && warnings.length === 0 ? outcome.completeDate : 'false',
  };
}

const scheme = z.enum(['UID', 'CODE', 'uid', 'code']).optional();
const flag = z.enum(['true', 'false']).optional();
const lower = (s: string | undefined) => (s ? (s.toLowerCase() as 'uid' | 'code') : undefined);

const READ_FORMATS: Array<[RegExp, ReadFormat]> = [
  [/json/, 'json'],
  [/csv/, 'dhis2-csv'],
  [/xml/, 'dhis2-xml'],
];

export const dataValueSchema = z.object({
  dataElement: z.string(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  categoryOptionCombo: z.string(),
  attributeOptionCombo: z.string().optional(),
  value: z.string(),
  comment: z.string().optional(),
  followup: z.boolean().optional(),
  deleted: z.boolean().optional(),
});

/**
 * The subset of DHIS2's Web API that a DHIS2 client or instance needs to send giaoban figures and read them back:
 * POST and GET /api/dataValueSets (JSON, DHIS2's CSV and XML). Same checks as every write: the user's scope and
 * clearance per unit and form, all or nothing, row-level reasons.
 */
export function dhis2Routes(ctx: RouteContext, validator?: SubmissionValidator): FastifyPluginAsync {
  return async (app) => {
    // The body is read by giaoban's own readers (row numbers in conflicts), not by Fastify's JSON parser.
    app.removeContentTypeParser(['application/json']);
    app.addContentTypeParser(
      ['application/json', 'application/csv', 'text/csv', 'application/xml', 'text/xml'],
      { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/dataValueSets',
      {
        schema: {
          tags: ['dhis2'],
          summary:
            'Nhập số liệu theo Web API của DHIS2 (DHIS2 data value set import): JSON, CSV 11 cột hoặc XML; dryRun, idScheme, importStrategy',
          querystring: z.object({
            dryRun: flag,
            idScheme: scheme,
            dataElementIdScheme: scheme,
            orgUnitIdScheme: scheme,
            dataSetIdScheme: scheme,
            categoryOptionComboIdScheme: scheme,
            importStrategy: z
              .enum(['CREATE_AND_UPDATE', 'DELETE', 'CREATE', 'UPDATE', 'NEW_AND_UPDATES', 'NEW', 'UPDATES'])
              .optional(),
          }),
          // Conflicts are a 409 with DHIS2's import summary; a file that cannot be read at all, the error body.
          response: { 200: dhis2SummarySchema, 409: z.union([dhis2SummarySchema, apiErrorSchema]) },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const q = request.query;
        const strategy = q.importStrategy ?? 'CREATE_AND_UPDATE';
        if (!['CREATE_AND_UPDATE', 'NEW_AND_UPDATES', 'DELETE'].includes(strategy))
          throw new AppError(
            'conflict',
            `giaoban chỉ nhận importStrategy CREATE_AND_UPDATE hoặc DELETE, không nhận ${strategy}`,
            `importStrategy ${strategy} is not supported: use CREATE_AND_UPDATE or DELETE`,
            [{ field: 'importStrategy', reason: 'không hỗ trợ' }],
          );
        const type = (request.headers['content-type'] ?? '').toLowerCase();
        const format = READ_FORMATS.find(([re]) => re.test(type))?.[1];
        const body = request.body;
        if (!format || !Buffer.isBuffer(body))
          throw new AppError(
            'unsupported_media_type',
            'Cần gửi application/json, application/csv hoặc application/xml',
            'send application/json, application/csv or application/xml',
          );
        const dryRun = q.dryRun === 'true';
        const all = lower(q.idScheme) ?? 'auto';
        const outcome = await importWithReports(ctx, {
          buffer: body,
          filename: `dataValueSets.${format === 'json' ? 'json' : format === 'dhis2-csv' ? 'csv' : 'xml'}`,
          contentType: type,
          format,
          dryRun,
          userId: user.id,
          actor: actorOf(request),
          source: 'api',
          deleteAll: strategy === 'DELETE',
          schemes: {
            dataSet: lower(q.dataSetIdScheme) ?? all,
            dataElement: lower(q.dataElementIdScheme) ?? all,
            orgUnit: lower(q.orgUnitIdScheme) ?? all,
            categoryOptionCombo: lower(q.categoryOptionComboIdScheme) ?? all,
          },
          canWrite: (unit, form, date) => {
            try {
              guard(ctx, request, 'values.write', { unitId: unit.id, secrecy: form.secrecy }, date);
              if (completes(body, format))
                guard(ctx, request, 'submission.submit', { unitId: unit.id, secrecy: form.secrecy }, date);
              return null;
            } catch (error) {
              if (error instanceof AppError)
                return `không được nhập số liệu của đơn vị này: ${error.messageVi}`;
              throw error;
            }
          },
        });
        const warnings =
          outcome.rejected.length === 0 && !dryRun && outcome.completeDate
            ? await complete(ctx, request, outcome, validator)
            : [];
        const summary = toDhis2Summary(outcome, dryRun, warnings);
        return reply.status(summary.status === 'ERROR' ? 409 : 200).send(summary);
      },
    );

    r.get(
      '/metadata',
      {
        schema: {
          tags: ['dhis2'],
          summary:
            'Danh mục theo dạng metadata của DHIS2 (DHIS2 metadata export): dataElements, categoryCombos, categoryOptionCombos, dataSets, organisationUnits',
          response: { 200: metadataSchema },
        },
      },
      async (request, reply) => {
        requireUser(request);
        const ids = await identifiersOf(ctx);
        return reply.header('cache-control', 'no-store').send(buildMetadata(ctx.graph, ctx.catalogue, ids));
      },
    );

    r.get(
      '/dataValueSets',
      {
        schema: {
          tags: ['dhis2'],
          summary:
            'Đọc số liệu theo Web API của DHIS2 (DHIS2 data value set export): dataSet, period, orgUnit, children=true; JSON, CSV hoặc XML',
          response: { 200: dataValueSetSchema },
          querystring: z.object({
            dataSet: z.string().min(1).max(40),
            period: z.string().min(4).max(30),
            orgUnit: z.string().min(1).max(20),
            children: flag,
            idScheme: scheme,
            format: z.enum(['json', 'csv', 'xml']).optional(),
            include: includeSchema,
          }),
        },
      },
      async (request, reply) => {
        const q = request.query;
        const ids = await identifiersOf(ctx);
        const form = ids.form(q.dataSet, 'auto');
        if (!form)
          throw new AppError(
            'not_found',
            `Không có biểu mẫu "${q.dataSet}"`,
            `unknown dataSet "${q.dataSet}"`,
            [{ field: 'dataSet', reason: 'không có trong danh mục' }],
          );
        const period = resolveAnyPeriod(q.period);
        const periods = formPeriodsWithin(form, period);
        const date = referenceDate(periods[periods.length - 1] ?? period);
        const unit = ids.unit(q.orgUnit) ?? resolveUnit(ctx.graph, q.orgUnit, date);
        guard(ctx, request, 'export', { unitId: unit.id, secrecy: form.secrecy }, date);
        const scheme = lower(q.idScheme) ?? 'uid';
        const dataValues = await readDataValues(ctx, {
          form,
          periods,
          units: unitsFor(ctx, unit, date, q.children === 'true'),
          ids,
          scheme,
          reader: requireUser(request),
          include: q.include,
        });
        const actor = actorOf(request);
        await recordAct(ctx, {
          at: ctx.clock.now().toISOString(),
          actorId: actor.id,
          actorName: actor.name,
          action: 'export.figures',
          target: `values:${form.code}/${unit.code}/${period.id}`,
          unitId: unit.id,
          secrecy: form.secrecy,
          details: {
            form: form.code,
            unitLevel: unit.kind,
            format: `dhis2-${q.format ?? 'json'}`,
            formSecrecy: form.secrecy,
            secrecy: form.secrecy,
            children: q.children === 'true',
            values: dataValues.length,
          },
        });
        const set: DataValueSet = { dataSet: scheme === 'uid' ? ids.ofForm(form) : form.code, dataValues };
        const accept = (request.headers.accept ?? '').toLowerCase();
        const format = q.format ?? (accept.includes('csv') ? 'csv' : accept.includes('xml') ? 'xml' : 'json');
        reply.header('cache-control', 'no-store').header(DATA_STATUS_HEADER, dataStatusHeader(q.include));
        // CSV and XML are bytes with their own content type, sent past the JSON schema (which fastify applies to
        // objects only); the document lists them beside the JSON answer.
        const bytes = reply as FastifyReply;
        if (format === 'csv')
          return bytes
            .header('content-type', 'application/csv; charset=utf-8')
            .send(writeDhis2Csv(dataValues));
        if (format === 'xml')
          return bytes.header('content-type', 'application/xml; charset=utf-8').send(writeDhis2Xml(set));
        return set;
      },
    );
  };
}

/** Whether a body gives a completeDate (checked before any write, so that completing needs its permission). */
function completes(body: Buffer, format: ReadFormat): boolean {
  const head = body.subarray(0, 4096).toString('utf8');
  return format !== 'dhis2-csv' && /completeDate/.test(head);
}

/**
 * DHIS2's completeDate: each report the file filled is submitted (through the workflow and its validation). A
 * report that cannot be submitted is named in a warning; its figures stay written.
 */
async function complete(
  ctx: RouteContext,
  request: FastifyRequest,
  outcome: ImportOutcome,
  validator: SubmissionValidator | undefined,
): Promise<string[]> {
  const warnings: string[] = [];
  for (const report of outcome.reports) {
    const key = { form: report.form.code, unit: report.unit.code, period: report.period.id };
    const current = await getSubmission(ctx, key);
    if (current.status !== 'draft' && current.status !== 'returned') continue;
    try {
      await transition(ctx, { ...key, action: 'submit', actor: actorOf(request) }, validator);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const details = error.issues.map((i) => i.reason).join('; ');
      warnings.push(
        `báo cáo ${key.form}/${key.unit}/${key.period} chưa gửi được: ${error.messageVi}${details ? ` (${details})` : ''}`,
      );
    }
  }
  return warnings;
}
