import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../app/route-context.ts';
import { redactCells, secrecyLens } from '../auth/gate.ts';
import { formValuesSchema, valueHistorySchema, writeSummarySchema } from '../contract/submissions.ts';
import { actorOf, auditClassifiedRead, guard } from '../server/session.ts';
import { AppError, versionRequired } from '../shared/errors.ts';
import { indicatorCodeSchema, periodIdSchema, unitCodeSchema } from '../shared/schemas.ts';
import { highestSecrecy } from '../shared/secrecy.ts';
import {
  figureHistory,
  readFormValues,
  requireForm,
  saveFormValues,
  submissionStatus,
  unitForPeriod,
} from './service.ts';

const keyQuery = z.object({ form: z.string().max(40), unit: unitCodeSchema, period: periodIdSchema });

export function valueRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/values',
      {
        schema: {
          tags: ['values'],
          summary: 'Số liệu của một đơn vị trên một biểu, một kỳ (a unit’s figures on a form for a period)',
          response: { 200: formValuesSchema },
          querystring: keyQuery,
        },
      },
      async (request) => {
        const form = requireForm(ctx, request.query.form);
        const { unit, period, date } = unitForPeriod(ctx, request.query.unit, request.query.period);
        const user = guard(ctx, request, 'values.read', { unitId: unit.id, secrecy: form.secrecy }, date);
        const lens = await secrecyLens(ctx, date);
        const shown = redactCells(user, lens, unit.id, await readFormValues(ctx, form, unit, period));
        const secrecy = highestSecrecy([
          form.secrecy,
          ...shown.cells.filter((c) => c.value !== null).map((c) => lens.levelOf(unit.id, c.indicator)),
        ]);
        await auditClassifiedRead(ctx, request, {
          target: `values:${form.code}/${unit.code}/${period.id}`,
          unitId: unit.id,
          secrecy,
        });
        return {
          form: form.code,
          unit: { code: unit.code, name: ctx.graph.nameOn(unit.id, date) },
          period: period.id,
          status: await submissionStatus(ctx, form, unit, period),
          secrecy,
          withheld: shown.withheld,
          cells: shown.cells,
        };
      },
    );
    r.put(
      '/values',
      {
        schema: {
          tags: ['values'],
          summary: 'Lưu số liệu (save figures); phiên bản cũ được giữ trong lịch sử',
          response: { 200: writeSummarySchema },
          body: keyQuery.extend({
            reason: z.string().max(500).optional(),
            cells: z
              .array(
                z.object({
                  indicator: indicatorCodeSchema,
                  option: z.string().max(40).nullable(),
                  value: z.number().nullable(),
                  comment: z.string().max(2000).nullable().optional(),
                  version: z.number().int().min(0).optional(),
                  source: z
                    .object({
                      document: z.string().max(300).nullable().optional(),
                      excerpt: z.string().min(1).max(2000),
                      span: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
                    })
                    .optional(),
                }),
              )
              .min(1)
              .max(5000),
          }),
        },
        config: { rateLimit: { max: 1200, timeWindow: '1 minute' } },
      },
      async (request) => {
        const form = requireForm(ctx, request.body.form);
        const { unit, date } = unitForPeriod(ctx, request.body.unit, request.body.period);
        guard(ctx, request, 'values.write', { unitId: unit.id, secrecy: form.secrecy }, date);
        refuseDuplicateCells(request.body.cells);
        const unversioned = request.body.cells.findIndex((cell) => cell.version === undefined);
        if (unversioned >= 0) throw versionRequired(`cells[${unversioned}].version`);
        return saveFormValues(ctx, { ...request.body, actor: actorOf(request), source: 'web' });
      },
    );
    r.get(
      '/values/history',
      {
        schema: {
          tags: ['values'],
          summary: 'Lịch sử một số liệu: ai, khi nào, cũ → mới, lý do (history of one figure)',
          response: { 200: valueHistorySchema },
          querystring: keyQuery.extend({
            indicator: indicatorCodeSchema,
            option: z.string().max(40).optional(),
          }),
        },
      },
      async (request) => {
        const form = requireForm(ctx, request.query.form);
        const { unit, date } = unitForPeriod(ctx, request.query.unit, request.query.period);
        const lens = await secrecyLens(ctx, date);
        const secrecy = highestSecrecy([form.secrecy, lens.levelOf(unit.id, request.query.indicator)]);
        guard(ctx, request, 'values.read', { unitId: unit.id, secrecy }, date);
        await auditClassifiedRead(ctx, request, {
          target: `history:${form.code}/${unit.code}/${request.query.period}/${request.query.indicator}`,
          unitId: unit.id,
          secrecy,
        });
        const h = await figureHistory(ctx, { ...request.query, option: request.query.option ?? null });
        return { indicator: h.indicator.code, option: request.query.option ?? null, versions: h.versions };
      },
    );
  };
}

/** One figure given twice in one save is ambiguous (which value wins?): refused, naming the first repeats. */
function refuseDuplicateCells(cells: ReadonlyArray<{ indicator: string; option: string | null }>): void {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const cell of cells) {
    const key = `${cell.indicator}/${cell.option ?? ''}`;
    if (seen.has(key)) {
      if (repeated.length < 5 && !repeated.includes(key)) repeated.push(key);
    } else seen.add(key);
  }
  if (repeated.length > 0)
    throw new AppError(
      'bad_request',
      `Một số liệu được gửi hai lần trong cùng một lần lưu (ô trùng: ${repeated.join(', ')})`,
      'the same figure appears more than once in one save',
      repeated.map((key) => ({ field: 'cells', reason: `ô trùng: ${key}` })),
    );
}
