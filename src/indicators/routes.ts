import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolvePeriod } from '../app/resolve.ts';
import type { RouteContext } from '../app/route-context.ts';
import { catalogueSchema, formListSchema, periodInfoSchema } from '../contract/catalogue.ts';
import {
  periodLabelEn,
  periodLabelVi,
  previousPeriod,
  samePeriodLastYear,
  yearToDateOf,
} from '../periods/period.ts';
import { periodWindow, referenceDate } from '../periods/regime.ts';
import { requireUser } from '../server/session.ts';
import { periodIdSchema } from '../shared/schemas.ts';
import { FIELDS } from './catalogue.ts';
import { presentForm, presentIndicator } from './presenter.ts';

export function catalogueRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/indicators',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Danh mục chỉ tiêu (indicator catalogue)',
          response: { 200: catalogueSchema },
        },
      },
      async (request) => {
        requireUser(request);
        return { fields: FIELDS, indicators: ctx.catalogue.indicators.map(presentIndicator) };
      },
    );
    r.get(
      '/forms',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Biểu mẫu báo cáo (report forms)',
          response: { 200: formListSchema },
        },
      },
      async (request) => {
        requireUser(request);
        return { forms: ctx.catalogue.forms.map(presentForm) };
      },
    );
    r.get(
      '/periods/:id',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Kỳ báo cáo và thời gian chốt số liệu (a period and its data window)',
          response: { 200: periodInfoSchema },
          params: z.object({ id: periodIdSchema }),
        },
      },
      async (request) => {
        requireUser(request);
        const period = resolvePeriod(request.params.id);
        const prev = previousPeriod(period);
        const ytd = yearToDateOf(period);
        return {
          id: period.id,
          type: period.type,
          label: periodLabelVi(period),
          labelEn: periodLabelEn(period),
          window: periodWindow(period),
          referenceDate: referenceDate(period),
          previous: prev ? { id: prev.id, label: periodLabelVi(prev), window: periodWindow(prev) } : null,
          samePeriodLastYear: (() => {
            const y = samePeriodLastYear(period);
            return { id: y.id, label: periodLabelVi(y), window: periodWindow(y) };
          })(),
          yearToDate: ytd ? { id: ytd.id, label: periodLabelVi(ytd), window: periodWindow(ytd) } : null,
        };
      },
    );
  };
}
