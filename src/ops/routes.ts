import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_SESSION_POLICY } from '../auth/sessions.ts';
import { apiErrorSchema } from '../contract/common.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { AppError } from '../shared/errors.ts';
import { type MetricsAccess, metricsAllowed } from './access.ts';
import type { OpsHandle } from './handle.ts';
import { processMetrics } from './metrics.ts';

const readinessView = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['reachable', 'unreachable']),
  /** current: every migration this build knows is applied; behind: some are missing; ahead: the database has
   * migrations this build does not know (a newer build migrated it). */
  migrations: z.enum(['current', 'behind', 'ahead', 'unknown']),
});

export type Readiness = z.infer<typeof readinessView>;

/** Whether the database answers and carries exactly the migrations of this build. */
export async function readiness(ops: OpsHandle): Promise<Readiness> {
  let applied: string[];
  try {
    await ops.ping();
    applied = await ops.appliedMigrations();
  } catch {
    return { status: 'not_ready', database: 'unreachable', migrations: 'unknown' };
  }
  const known = new Set(Object.keys(MIGRATIONS));
  const done = new Set(applied);
  const migrations = applied.some((name) => !known.has(name))
    ? 'ahead'
    : [...known].some((name) => !done.has(name))
      ? 'behind'
      : 'current';
  return { status: migrations === 'current' ? 'ready' : 'not_ready', database: 'reachable', migrations };
}

/**
 * What an operator needs: /healthz (the process answers), /readyz (the database answers and its schema is this
 * build's), /metrics (Prometheus, only for allowed addresses or the bearer token), the request id echoed in an
 * `x-request-id` header, and request latency, server errors and writes counted for /metrics. Registered on the
 * root instance before the other routes, so that its hooks see every request.
 */
export function registerOps(app: FastifyInstance, ops: OpsHandle, access: MetricsAccess): void {
  const metrics = processMetrics();
  const startedAt = Date.now();

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route template (/api/units/:code), never the raw URL: ids and query strings would explode the series.
    const route = request.routeOptions.url ?? 'unmatched';
    const status = String(reply.statusCode);
    metrics.requestDuration.observe(
      { method: request.method, route, status_code: status },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500) metrics.errors.inc({ route, status_code: status });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Tiến trình còn chạy (liveness: the process answers)',
        response: { 200: z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }) },
      },
    },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }),
  );

  r.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Sẵn sàng phục vụ (readiness: database reachable, migrations current)',
        response: { 200: readinessView, 503: readinessView },
      },
    },
    async (_request, reply) => {
      const result = await readiness(ops);
      return reply.status(result.status === 'ready' ? 200 : 503).send(result);
    },
  );

  r.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary:
          'Chỉ số Prometheus (Prometheus metrics; only from METRICS_ALLOW addresses or with the METRICS_TOKEN bearer token)',
        security: [{ metricsToken: [] }],
        response: { 200: z.string(), 403: apiErrorSchema },
      },
    },
    async (request, reply) => {
      if (!metricsAllowed(access, { address: request.ip, authorization: request.headers.authorization })) {
        throw new AppError(
          'forbidden',
          'Không được phép đọc chỉ số vận hành',
          'metrics are open only to configured addresses or with the token',
        );
      }
      const since = new Date(ops.clock.now().getTime() - DEFAULT_SESSION_POLICY.idleTimeoutMs).toISOString();
      try {
        metrics.activeSessions.set(await ops.activeSessionsSince(since));
      } catch {
        // An unreachable database must not hide the process's own metrics; /readyz reports it.
      }
      const routing = ops.readRouting();
      if (routing) {
        metrics.replicaReads.set({ served_by: 'replica' }, routing.replica);
        metrics.replicaReads.set({ served_by: 'primary' }, routing.primary);
      }
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The id a request is logged under: the caller's `x-request-id` when a proxy in front already assigned a sane one
 * (so one id follows a request across both logs), a fresh UUID otherwise.
 */
export function requestIdFrom(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
