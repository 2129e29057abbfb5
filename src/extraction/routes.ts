import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../app/route-context.ts';
import { extractionSchema } from '../contract/extraction.ts';
import { INDICATORS } from '../indicators/catalogue.ts';
import { requireUser } from '../server/session.ts';
import { AppError } from '../shared/errors.ts';
import { docxTextIsolated, UntrustedFileRefused } from '../untrusted/index.ts';
import { extract } from './extract.ts';

const MAX_BYTES = 5 * 1024 * 1024;

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
export function extractionRoutes(ctx: RouteContext): FastifyPluginAsync {
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
          response: { 200: extractionSchema },
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
