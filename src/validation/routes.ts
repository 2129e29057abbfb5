import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../app/route-context.ts';
import { openWarningsSchema, outlierHistorySchema } from '../contract/submissions.ts';
import { guard } from '../server/session.ts';
import { periodIdSchema, unitCodeSchema } from '../shared/schemas.ts';
import { requireForm, unitForPeriod } from '../values/service.ts';
import { openWarnings, outlierHistory } from './service.ts';

const keyQuery = z.object({ form: z.string().max(40), unit: unitCodeSchema, period: periodIdSchema });

/** What the page needs to check figures as they are typed, and the approver's count of open warnings. */
export function validationRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/validation/history',
      {
        schema: {
          tags: ['validation'],
          summary:
            'Số liệu 12 tháng trước của đơn vị, để kiểm tra bất thường khi nhập (a unit’s last 12 months, for outlier checks while typing)',
          response: { 200: outlierHistorySchema },
          querystring: keyQuery,
        },
      },
      async (request) => {
        const form = requireForm(ctx, request.query.form);
        const { unit, date } = unitForPeriod(ctx, request.query.unit, request.query.period);
        guard(ctx, request, 'values.read', { unitId: unit.id, secrecy: form.secrecy }, date);
        return outlierHistory(ctx, request.query);
      },
    );
    r.get(
      '/validation/open',
      {
        schema: {
          tags: ['validation'],
          summary: 'Số cảnh báo chưa giải trình của từng đơn vị cấp dưới (open warnings of each unit below)',
          response: { 200: openWarningsSchema },
          querystring: keyQuery,
        },
      },
      async (request) => {
        const form = requireForm(ctx, request.query.form);
        const { unit, date } = unitForPeriod(ctx, request.query.unit, request.query.period);
        guard(ctx, request, 'aggregate.read', { unitId: unit.id, secrecy: form.secrecy }, date);
        return openWarnings(ctx, request.query);
      },
    );
  };
}
