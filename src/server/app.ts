import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { analyticsRoutes } from '../analytics/routes.ts';
import type { AppContext } from '../app/context.ts';
import { forRoutes } from '../app/route-context.ts';
import { campaignRoutes } from '../campaigns/routes.ts';
import { commendationRoutes } from '../commendations/routes.ts';
import { extractionRoutes } from '../extraction/routes.ts';
import { catalogueRoutes } from '../indicators/routes.ts';
import { meetingRoutes } from '../meetings/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import type { MetricsAccess } from '../ops/access.ts';
import { opsHandle } from '../ops/handle.ts';
import { registerOps, requestIdFrom } from '../ops/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { secrecyRoutes } from '../secrecy/routes.ts';
import { AppError, HTTP_STATUS } from '../shared/errors.ts';
import { countingWaits, newRequestWaits, type RequestWaits } from '../shared/waits.ts';
import { submissionRoutes } from '../submissions/routes.ts';
import { targetRoutes } from '../targets/routes.ts';
import { taskRoutes } from '../tasks/routes.ts';
import { dhis2Routes } from '../transfer/dhis2-routes.ts';
import { transferRoutes } from '../transfer/routes.ts';
import { unitRoutes } from '../units/routes.ts';
import { adminRoutes } from '../users/admin-routes.ts';
import { authRoutes } from '../users/routes.ts';
import { validationRoutes } from '../validation/routes.ts';
import { checkSubmission } from '../validation/service.ts';
import { valueRoutes } from '../values/routes.ts';
import { contractSerializer, declareErrorAnswers, UndeclaredFieldsError } from './contract.ts';
import { inlineScriptSources } from './csp.ts';
import { loadDrawing, registerDrawnViews } from './first-view.ts';
import { ERROR_BODY_SCHEMA, openApiTransform } from './openapi.ts';
import { registerSessions } from './session.ts';

export interface ServerOptions {
  secureCookies: boolean;
  logLevel: string;
  /** Folder of the built web page; the API runs without it. */
  webRoot?: string;
  /** Folder of the province boundary files. */
  geoDir?: string;
  /** Who may read /metrics (nobody when unset). */
  metrics?: MetricsAccess;
  /** Where structured logs go (standard output when unset). */
  logStream?: NodeJS.WritableStream;
  /**
   * Requests that take at least this many milliseconds are logged (warn, "slow request") with what they waited on
   * in the store: the write lock, the write, the disk flush. Off when unset.
   */
  slowRequestMs?: number;
  /**
   * An answer with a field its response schema does not declare is an error (500, with the field named) rather
   * than sent without the field. On by default, so every test holds the schemas to the answers; `giaoban start`
   * turns it off.
   */
  strictResponses?: boolean;
}

const projectRoot = resolve(new URL('../..', import.meta.url).pathname);

/**
 * Answers from this size on are compressed. The everyday ones (a unit's cards, 30 KB; its tasks) are not: compressing
 * each tripled the server's CPU per request of the read mix (0.4 → 1.3 ms; p99 80 → 150 ms at 200 users), while the
 * megabyte-class answers (completeness lists, province outlines, the API document) shrink tenfold for a slow line.
 */
const COMPRESS_FROM_BYTES = 64 * 1024;

/**
 * The HTTP server: zod schemas validate every request and document it (OpenAPI at /api/openapi.json, browsable at
 * /api/docs), sessions and CSRF guard state changes, and the built single-page app is served from the same
 * origin with a strict Content-Security-Policy (no outside host is ever contacted; the page's one inline script is
 * allowed by its hash).
 */
export async function buildServer(ctx: AppContext, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logLevel === 'silent'
        ? false
        : { level: options.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: false,
    genReqId: requestIdFrom,
  });
  app.setValidatorCompiler(validatorCompiler);
  const strictResponses = options.strictResponses ?? true;
  app.setSerializerCompiler(contractSerializer(strictResponses));
  declareErrorAnswers(app);

  const webRoot = options.webRoot ?? resolve(projectRoot, 'web', 'dist');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptSources(webRoot)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: options.secureCookies ? undefined : false,
  });
  // Answers go compressed to browsers that take it: a province's or the nation's completeness list and the province
  // outlines are a megabyte of JSON each, a tenth of that compressed, which a commune's or a province's line feels.
  // Files compressed already (.docx, .xlsx, .pdf, the page's prebuilt .br/.gz scripts) go as they are. Sessions are
  // SameSite=Strict cookies: another site cannot make a signed-in browser send requests whose compressed sizes it
  // could watch (BREACH). Brotli at quality 4: near gzip's cost, smaller.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_FROM_BYTES,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    // Requests are not inflated: the page never sends a compressed body, and a small one can inflate to gigabytes.
    globalDecompression: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // Signed-in users are limited each on their own account (many officers may share one office address);
    // anyone else by address. The key is the account the session resolved to, never the cookie as sent: random
    // cookies resolve to no session and share their address's bucket.
    keyGenerator: (request) => (request.session ? `u:${request.session.user.id}` : `ip:${request.ip}`),
  });

  // The error body, shared by every operation's error answers in the document (see openapi.ts).
  app.addSchema(ERROR_BODY_SCHEMA);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'giaoban API',
        description: 'Báo cáo định kỳ và giao ban (monthly reporting and briefing)',
        version: '0.1.0',
        // An SPDX reference for a licence that is not on SPDX's list (the package is UNLICENSED).
        license: { name: 'Proprietary (UNLICENSED)', identifier: 'LicenseRef-giaoban-proprietary' },
      },
      servers: [{ url: '/', description: 'the server answering this document' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'giaoban_session',
            description: 'Set (HttpOnly) by POST /api/auth/login',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description:
              'Required on every POST, PUT, PATCH and DELETE with a session: the `csrfToken` returned by POST /api/auth/login (and by GET /api/auth/me), valid for the session',
          },
          metricsToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: openApiTransform,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (options.slowRequestMs !== undefined) logSlowRequests(app, options.slowRequestMs);
  registerSessions(app, ctx, { secureCookies: options.secureCookies });
  // Answers of the API hold unit-scoped and often classified content: no cache, shared or private, may keep them.
  // Only a route that serves public reference material (the province boundaries) sets its own policy.
  // Server-Timing tells operators (and the browser's network panel) how long the server worked on an answer.
  app.addHook('onSend', async (request, reply, payload) => {
    // Nothing a request wrote is acknowledged before it is on disk (writes through the store already wait for it;
    // this covers any other). Reads that write go through the store.
    if (request.method !== 'GET' && request.method !== 'HEAD') await ctx.store.durable();
    if (request.url.startsWith('/api/')) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    }
    return payload;
  });
  registerOps(app, opsHandle(ctx), options.metrics ?? { token: undefined, allow: [] });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(HTTP_STATUS[error.code]).send({
        error: error.code,
        message: error.messageVi,
        messageEn: error.messageEn,
        issues: error.issues,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.status(400).send({
        error: 'bad_request',
        message: 'Dữ liệu gửi lên không hợp lệ',
        messageEn: 'invalid request',
        issues: error.validation.map((v) => ({
          field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
          reason: v.message ?? 'không hợp lệ',
        })),
      });
    }
    if (strictResponses && (error instanceof UndeclaredFieldsError || isResponseSerializationError(error))) {
      // Only where answers are held to their schemas (tests): say which answer broke its contract and how.
      const detail =
        error instanceof UndeclaredFieldsError ? error.message : JSON.stringify(error.cause.issues);
      return reply.status(500).send({
        error: 'internal',
        message: 'Câu trả lời không khớp lược đồ',
        messageEn: `response does not match its schema: ${detail}`.slice(0, 2000),
      });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({
        error: 'rate_limited',
        message: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
        messageEn: 'too many requests',
      });
    }
    if (status === 413) {
      return reply.status(413).send({
        error: 'payload_too_large',
        message: 'Dữ liệu gửi lên quá lớn',
        messageEn: 'payload too large',
      });
    }
    if (status === 415) {
      return reply.status(415).send({
        error: 'unsupported_media_type',
        message: 'Định dạng dữ liệu không được hỗ trợ',
        messageEn: 'unsupported media type',
      });
    }
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: 'bad_request', message: 'Yêu cầu không hợp lệ', messageEn: (error as Error).message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: 'internal',
      message: `Lỗi hệ thống; mã yêu cầu ${request.id}`,
      messageEn: `internal error; request id ${request.id}`,
    });
  });

  // Routes hold the context with its storage and engine typed away: every read goes through a service that takes
  // the principal (src/app/route-context.ts).
  const routes = forRoutes(ctx);
  await app.register(authRoutes(routes, { secureCookies: options.secureCookies }), { prefix: '/api' });
  await app.register(unitRoutes(routes), { prefix: '/api' });
  await app.register(catalogueRoutes(routes), { prefix: '/api' });
  await app.register(
    analyticsRoutes(routes, options.geoDir ?? resolve(projectRoot, 'reference-data', 'geo')),
    {
      prefix: '/api',
    },
  );
  await app.register(submissionRoutes(routes, checkSubmission), { prefix: '/api' });
  await app.register(transferRoutes(routes), { prefix: '/api' });
  await app.register(dhis2Routes(routes, checkSubmission), { prefix: '/api' });
  await app.register(adminRoutes(routes), { prefix: '/api' });
  await app.register(extractionRoutes(routes), { prefix: '/api' });
  await app.register(secrecyRoutes(routes), { prefix: '/api' });
  await app.register(reportRoutes(routes), { prefix: '/api' });
  await app.register(valueRoutes(routes), { prefix: '/api' });
  await app.register(validationRoutes(routes), { prefix: '/api' });
  await app.register(notificationRoutes(routes), { prefix: '/api' });
  await app.register(meetingRoutes(routes), { prefix: '/api' });
  await app.register(taskRoutes(routes), { prefix: '/api' });
  await app.register(campaignRoutes(routes), { prefix: '/api' });
  await app.register(commendationRoutes(routes), { prefix: '/api' });
  await app.register(targetRoutes(routes), { prefix: '/api' });

  if (existsSync(resolve(webRoot, 'index.html'))) {
    const drawing = await loadDrawing(webRoot);
    if (drawing) registerDrawnViews(app, webRoot, drawing);
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: ['index.html'],
      // Files under /assets/ are named by their content: kept for a year without asking again. The page, the
      // service worker and the manifest are asked about each time (an ETag makes that a 304).
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
      // The build writes .br and .gz beside each script and style sheet; the smallest the browser accepts goes.
      preCompressed: true,
    });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply
          .status(404)
          .send({ error: 'not_found', message: 'Không tìm thấy', messageEn: 'not found' });
      }
      return reply.type('text/html').sendFile('index.html');
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>giaoban</title><p>giaoban API: <a href="/api/docs">/api/docs</a></p>',
        ),
    );
  }
  return app;
}

const waitsOf = new WeakMap<object, RequestWaits>();

/** Logs each request slower than `thresholdMs` with what it waited on in the store (see shared/waits.ts). */
function logSlowRequests(app: FastifyInstance, thresholdMs: number): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const waits = newRequestWaits();
    waitsOf.set(request, waits);
    countingWaits(waits, done);
  });
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    if (ms < thresholdMs) return;
    const waits = waitsOf.get(request) ?? newRequestWaits();
    const round = (n: number) => Math.round(n * 10) / 10;
    request.log.warn(
      {
        route: request.routeOptions.url ?? request.url,
        method: request.method,
        status: reply.statusCode,
        ms: round(ms),
        writes: waits.writes,
        writeLockMs: round(waits.writeLockMs),
        writeMs: round(waits.writeMs),
        flushMs: round(waits.flushMs),
      },
      'slow request',
    );
  });
}
