import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import { appendAudit } from '../audit/repository.ts';
import type { HumanSections } from '../documents/model.ts';
import { AppError } from '../shared/errors.ts';

const paragraphs = z.array(z.string().max(5000)).max(50);

/** What people write into a briefing report; every list is paragraphs, printed verbatim. */
export const humanSectionsSchema = z.object({
  situation: paragraphs.default([]),
  assessment: z
    .object({
      strengths: paragraphs.default([]),
      weaknesses: paragraphs.default([]),
      causes: paragraphs.default([]),
    })
    .default({ strengths: [], weaknesses: [], causes: [] }),
  directives: paragraphs.default([]),
  recommendations: paragraphs.default([]),
});

export interface ReportDraft {
  human: HumanSections;
  status: 'draft' | 'final';
  version: number;
  updatedAt: string | null;
}

const EMPTY: HumanSections = {
  situation: [],
  assessment: { strengths: [], weaknesses: [], causes: [] },
  directives: [],
  recommendations: [],
};

function clean(list: string[]): string[] {
  return list.map((p) => p.normalize('NFC').trim()).filter((p) => p.length > 0);
}

export async function readDraft(ctx: AppContext, unitId: number, period: string): Promise<ReportDraft> {
  const row = await ctx.store.db
    .selectFrom('report_draft')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .executeTakeFirst();
  if (!row) return { human: EMPTY, status: 'draft', version: 0, updatedAt: null };
  return {
    human: humanSectionsSchema.parse(JSON.parse(row.content)),
    status: row.status as ReportDraft['status'],
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/**
 * Saves the written parts of a report. A final report is not changed any more; a stale version is a conflict, so two
 * editors never overwrite each other.
 */
export async function saveDraft(
  ctx: AppContext,
  q: {
    unitId: number;
    period: string;
    human: HumanSections;
    version: number;
    finalise: boolean;
    actor: Actor;
  },
): Promise<ReportDraft> {
  const human: HumanSections = {
    situation: clean(q.human.situation),
    assessment: {
      strengths: clean(q.human.assessment.strengths),
      weaknesses: clean(q.human.assessment.weaknesses),
      causes: clean(q.human.assessment.causes),
    },
    directives: clean(q.human.directives),
    recommendations: clean(q.human.recommendations),
  };
  const written =
    human.situation.length +
    human.assessment.strengths.length +
    human.assessment.weaknesses.length +
    human.directives.length;
  // Making a report final is deliberate: an empty draft is not issued (the signed way is reports/issue.ts).
  if (q.finalise && written === 0)
    throw new AppError('validation_failed', 'Bản thảo còn trống, không ban hành được', 'the draft is empty', [
      { field: 'human', reason: 'chưa có tình hình, đánh giá hoặc phương hướng' },
    ]);
  const now = ctx.clock.now().toISOString();
  await ctx.store.write(async (trx) => {
    const row = await trx
      .selectFrom('report_draft')
      .select(['version', 'status'])
      .where('unit_id', '=', q.unitId)
      .where('period', '=', q.period)
      .executeTakeFirst();
    if (row?.status === 'final')
      throw new AppError('locked', 'Báo cáo đã ban hành, không sửa được', 'the report is final');
    if ((row?.version ?? 0) !== q.version) {
      throw new AppError(
        'conflict',
        'Bản thảo vừa được người khác sửa; hãy tải lại',
        'the draft was changed by someone else',
        [{ field: 'version', reason: `hiện là ${row?.version ?? 0}` }],
      );
    }
    const values = {
      content: JSON.stringify(human),
      status: q.finalise ? 'final' : 'draft',
      version: q.version + 1,
      updated_at: now,
      updated_by: q.actor.id,
    };
    if (row)
      await trx
        .updateTable('report_draft')
        .set(values)
        .where('unit_id', '=', q.unitId)
        .where('period', '=', q.period)
        .execute();
    else
      await trx
        .insertInto('report_draft')
        .values({ unit_id: q.unitId, period: q.period, ...values })
        .execute();
    await appendAudit(trx, {
      at: now,
      actorId: q.actor.id,
      actorName: q.actor.name,
      action: q.finalise ? 'report.finalise' : 'report.edit',
      target: `report:${q.unitId}/${q.period}`,
      unitId: q.unitId,
      secrecy: 'none',
      details: { version: q.version + 1 },
    });
  });
  return readDraft(ctx, q.unitId, q.period);
}
