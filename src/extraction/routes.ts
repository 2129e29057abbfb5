import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { INDICATORS } from '../indicators/catalogue.ts';
import { requireUser } from '../server/session.ts';
import { AppError } from '../shared/errors.ts';
import { docxTextIsolated, UntrustedFileRefused } from '../untrusted/index.ts';
import { extract } from './extract.ts';

const MAX_BYTES = 5 * 1024 * 1024;

const span = z
  .tuple([z.number().int(), z.number().int()])
  .describe('[start, end) character offsets into `text`');

const figureView = z
  .object({
    indicator: z
      .string()
      .nullable()
      .describe('Catalogue indicator code; null when the catalogue has none for it'),
    option: z.string().nullable(),
    noun: z.string().nullable().describe('The counted thing, lower case: "xe máy", "heroin", "đối tượng"'),
    unit: z
      .string()
      .describe('Unit as written, normalised: "vụ", "người", "kg", "chiếc", "m", "tỷ đồng", "%"'),
    value: z.number(),
    value_max: z.number().nullable().describe('Upper bound of a range ("từ 10 đến 15 con bạc")'),
    approx: z
      .string()
      .nullable()
      .describe('Approximation word before the number: "gần", "hơn", "khoảng", "trên"'),
    of: z.number().nullable().describe('The whole, for a part written "412/530 vụ"'),
    subset_of: z
      .number()
      .int()
      .nullable()
      .describe('Index in `figures` of the figure this one is part of ("trong đó có 3 nữ")'),
    span,
    convertedValue: z.number().optional().describe("`value` in the indicator's own unit (g → kg)"),
  })
  .describe('A figure read from the text');

const comparisonView = z
  .object({
    direction: z.enum(['up', 'down', 'same']),
    value: z.number().nullable().describe('Null for "giảm cả 3 tiêu chí" and "bằng cùng kỳ"'),
    unit: z.string().nullable().describe('"%", "điểm %" or the counted unit ("vụ", "người")'),
    baseline: z.enum(['same_period_last_year', 'previous_period', 'previous_year', 'other']).nullable(),
    baselineText: z.string().nullable().describe('The baseline as written after "so với"'),
    indicator: z.string().nullable(),
    option: z.string().nullable(),
    current: z.number().nullable().describe('Current count, from "(150/120 vụ)" after the change'),
    base: z.number().nullable().describe('Base count, from "(150/120 vụ)" after the change'),
    span,
  })
  .describe('A change against a baseline');

const extractionView = z.object({
  document: z.string().nullable(),
  text: z.string().describe('The NFC-normalised text all spans refer to'),
  figures: z.array(figureView),
  comparisons: z.array(comparisonView),
  period: z
    .object({
      kind: z.enum(['month', 'quarter', 'months_to_date', 'year', 'holiday']),
      month: z.number().int().optional(),
      quarter: z.number().int().optional(),
      months: z.number().int().optional(),
      year: z.number().int().optional(),
      text: z.string(),
      span,
    })
    .nullable()
    .describe("The period the passage reports on, when it states one (never a comparison's baseline)"),
  unit: z
    .object({
      level: z.enum(['ministry', 'province', 'city', 'district', 'town']),
      name: z.string(),
      text: z.string(),
      span,
    })
    .nullable()
    .describe('The reporting unit named in the passage'),
});

function present(text: string, document: string | null) {
  const result = extract(text, INDICATORS);
  return {
    document,
    text: result.text,
    figures: result.figures,
    comparisons: result.comparisons,
    period: result.period ?? null,
    unit: result.unit ?? null,
  };
}

/** Reads figures out of narrative text or a .docx, for a person to confirm in the data-entry form. */
export function extractionRoutes(ctx: AppContext): FastifyPluginAsync {
  void ctx;
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 4 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/extract',
      {
        schema: {
          tags: ['extraction'],
          summary: 'Đọc số liệu từ văn bản báo cáo (text in JSON, or a .docx/.txt upload)',
          response: { 200: extractionView },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (request) => {
        requireUser(request);
        if (request.isMultipart()) {
          const file = await request.file();
          if (!file)
            throw new AppError('bad_request', 'Chưa chọn tệp', 'no file', [
              { field: 'file', reason: 'thiếu tệp' },
            ]);
          const buffer = await file.toBuffer();
          const name = file.filename.normalize('NFC');
          if (name.toLowerCase().endsWith('.docx')) {
            let text: string;
            try {
              // Parsed in a worker with a capped heap and a time limit: a zip bomb is refused, not fatal.
              text = await docxTextIsolated(buffer);
            } catch (error) {
              if (!(error instanceof UntrustedFileRefused)) throw error;
              if (error.kind === 'busy')
                throw new AppError('rate_limited', error.reasonVi, 'busy reading files');
              if (error.kind === 'too_large')
                throw new AppError('payload_too_large', error.reasonVi, 'file exceeds the parsing limits', [
                  { field: 'file', reason: error.reasonVi },
                ]);
              throw new AppError('unsupported_media_type', error.reasonVi, 'unreadable .docx', [
                { field: 'file', reason: 'không phải .docx hợp lệ' },
              ]);
            }
            return present(text, name);
          }
          const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
          return present(text, name);
        }
        const body = z
          .object({ text: z.string().min(1).max(200_000), document: z.string().max(300).optional() })
          .safeParse(request.body);
        if (!body.success) {
          throw new AppError('bad_request', 'Cần văn bản cần đọc', 'text required', [
            { field: 'text', reason: 'trống hoặc quá dài (tối đa 200.000 ký tự)' },
          ]);
        }
        return present(body.data.text, body.data.document ?? null);
      },
    );
  };
}
