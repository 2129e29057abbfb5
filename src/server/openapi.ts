import { jsonSchemaTransform } from 'fastify-type-provider-zod';

type Transform = typeof jsonSchemaTransform;
type TransformArgs = Parameters<Transform>[0];

/** The body of every error answer (see the error handler in app.ts), as JSON Schema for the document. */
export const ERROR_BODY_SCHEMA = {
  $id: 'ApiError',
  type: 'object',
  description: 'Lỗi (error): a stable code, a Vietnamese message, an English one, and the fields at fault',
  required: ['error', 'message'],
  properties: {
    error: {
      type: 'string',
      description: 'stable code: bad_request, unauthenticated, forbidden, not_found, conflict…',
    },
    message: { type: 'string', description: 'Vietnamese message for people' },
    messageEn: { type: 'string' },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          row: { type: 'integer' },
          field: { type: 'string' },
          reason: { type: 'string' },
        },
        required: ['reason'],
      },
    },
  },
} as const;

const ERROR_STATUSES: Record<string, string> = {
  400: 'Yêu cầu không hợp lệ (invalid request)',
  401: 'Chưa đăng nhập (not signed in)',
  403: 'Không được phép, hoặc thiếu mã CSRF (forbidden, or missing CSRF token)',
  404: 'Không tìm thấy (not found)',
  409: 'Xung đột trạng thái (conflict)',
  415: 'Định dạng không hỗ trợ (unsupported media type)',
  422: 'Không qua kiểm tra (validation failed)',
  428: 'Cần phiên bản (precondition required)',
};

/** Operations anyone may call: signing in opens the session the others need. */
const PUBLIC = new Set(['POST /api/auth/login']);
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
  const out = jsonSchemaTransform(args);
  // The web page's files are not part of the API.
  if (!out.url.startsWith('/api/')) return { ...out, schema: { ...(out.schema as object), hide: true } };
  const method = String(Array.isArray(args.route.method) ? args.route.method[0] : args.route.method);
  const schema = { ...(out.schema as Record<string, unknown>) };
  schema.operationId ??= operationIdOf(method, out.url);
  if (PUBLIC.has(`${method} ${out.url}`)) schema.security = [];
  else schema.security ??= STATE_CHANGING.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  for (const [status, description] of Object.entries(ERROR_STATUSES))
    if (!(status in response)) response[status] = { description, $ref: 'ApiError#' };
  // Routes without a declared answer still answer 200 (the document says so, without a shape).
  if (!Object.keys(response).some((status) => status.startsWith('2'))) response[200] = { description: 'OK' };
  schema.response = response;
  return { ...out, schema };
};
