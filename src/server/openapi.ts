import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../contract/common.ts';
import { dataValueSetSchema } from '../contract/transfer.ts';

type Transform = typeof jsonSchemaTransform;
type TransformArgs = Parameters<Transform>[0];

/** The body of every error answer (the error handler in app.ts sends it), as JSON Schema for the document. */
export const ERROR_BODY_SCHEMA = {
  $id: 'ApiError',
  description: 'Lỗi (error): a stable code, a Vietnamese message, an English one, and the fields at fault',
  ...withoutDialect(z.toJSONSchema(apiErrorSchema)),
};

function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

const ERROR_DESCRIPTIONS: Record<string, string> = {
  400: 'Yêu cầu không hợp lệ (invalid request)',
  401: 'Chưa đăng nhập (not signed in)',
  403: 'Không được phép, hoặc thiếu mã CSRF (forbidden, or missing CSRF token)',
  404: 'Không tìm thấy (not found)',
  409: 'Xung đột trạng thái (conflict)',
  415: 'Định dạng không hỗ trợ (unsupported media type)',
  422: 'Không qua kiểm tra (validation failed)',
  428: 'Cần phiên bản (precondition required)',
  429: 'Quá nhiều yêu cầu (too many requests)',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TEXT_TYPES = new Set(['text/csv', 'application/csv', 'application/xml']);
const TEXT_FILE = {
  description: 'Tệp văn bản tải về (a text download: CSV or XML)',
  type: 'string',
};
const FILE = {
  description: 'Tệp tải về (a file download, with Content-Disposition: attachment)',
  type: 'string',
  format: 'binary',
};

/**
 * What the zod schemas cannot say, for the document only (requests are still read and checked by the routes):
 * bodies that are files, and the content types of downloads.
 */
const DOCUMENT_ONLY: Record<
  string,
  { consumes?: string[]; body?: object; produces?: string[]; json?: Record<string, unknown> }
> = {
  'POST /api/imports': {
    consumes: ['multipart/form-data'],
    body: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: '.xlsx, .csv, DHIS2 .json, .csv or .xml; at most 10 MB',
        },
        dryRun: { type: 'string', enum: ['true', 'false'], description: 'check only, write nothing' },
      },
    },
  },
  'POST /api/dataValueSets': {
    consumes: ['application/json', 'application/csv', 'application/xml'],
    body: {
      description:
        'DHIS2 dataValueSet: a JSON object { dataSet, period, orgUnit, completeDate, dataValues: [...] }, DHIS2’s 11-column CSV, or dxf2 XML',
    },
  },
  'GET /api/dataValueSets': { produces: ['application/json', 'application/csv', 'application/xml'] },
  // The JSON download is a DHIS2 data value set, sent as a file (bytes are past the serializer; the contract
  // test validates them against this schema).
  'GET /api/exports/figures': {
    produces: [XLSX, 'text/csv', 'application/json'],
    json: withoutDialect(z.toJSONSchema(dataValueSetSchema)),
  },
  'POST /api/exports/table.xlsx': { produces: [XLSX] },
  'GET /api/reports/briefing': { produces: [DOCX, XLSX, 'application/pdf'] },
  'GET /api/reports/briefing/issued/:id': { produces: ['application/pdf'] },
};

/** Operations anyone may call: signing in opens the session the others need. */
const PUBLIC = new Set(['POST /api/auth/login', 'GET /healthz', 'GET /readyz']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** "GET /api/dataValueSets" → "getDataValueSets"; "/api/submissions/:action" → "postSubmissionsByAction". */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]?.toUpperCase() + w.slice(1))].join('');
}

/**
 * The route schemas' JSON Schema (fastify-type-provider-zod) completed for the document, in one place: an
 * operationId, the security each operation needs (the session cookie; for a state change also the CSRF header),
 * and the error answers every operation can give, unless the route declares its own.
 */
export const openApiTransform: Transform = (args: TransformArgs) => {
  // The shared error body (declareErrorAnswers in contract.ts) is referenced once, not repeated inline.
  const declaredResponse = (args.schema as { response?: Record<string, unknown> } | undefined)?.response;
  const errors = Object.entries(declaredResponse ?? {})
    .filter(([, schema]) => schema === apiErrorSchema)
    .map(([status]) => status);
  const own = Object.fromEntries(
    Object.entries(declaredResponse ?? {}).filter(([, schema]) => schema !== apiErrorSchema),
  );
  const out = jsonSchemaTransform(
    declaredResponse ? { ...args, schema: { ...args.schema, response: own } as typeof args.schema } : args,
  );
  // The web page's files are not part of the API.
  const declared = (out.schema ?? {}) as { summary?: string; tags?: string[] };
  if (!out.url.startsWith('/api/') && !declared.summary && !declared.tags)
    return { ...out, schema: { ...((out.schema ?? {}) as object), hide: true } };
  const method = String(Array.isArray(args.route.method) ? args.route.method[0] : args.route.method);
  const schema = { ...(out.schema as Record<string, unknown>) };
  schema.operationId ??= operationIdOf(method, out.url);
  if (PUBLIC.has(`${method} ${out.url}`)) schema.security = [];
  else schema.security ??= STATE_CHANGING.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const extra = DOCUMENT_ONLY[`${method} ${out.url}`];
  if (extra?.consumes) schema.consumes = extra.consumes;
  if (extra?.body) schema.body = extra.body;
  if (extra?.produces) {
    // Each content type of the answer: the route's JSON schema for JSON, bytes for the others.
    const json = response[200] as Record<string, unknown> | undefined;
    const { description: _described, ...jsonSchema } = json ?? {};
    response[200] = {
      description: 'OK',
      content: Object.fromEntries(
        extra.produces.map((type) => [
          type,
          {
            schema:
              type === 'application/json' && (json || extra.json)
                ? json
                  ? jsonSchema
                  : extra.json
                : TEXT_TYPES.has(type)
                  ? TEXT_FILE
                  : FILE,
          },
        ]),
      ),
    };
  }
  for (const status of errors)
    response[status] = { description: ERROR_DESCRIPTIONS[status] ?? 'Lỗi (error)', $ref: 'ApiError#' };
  schema.response = response;
  return { ...out, schema };
};
