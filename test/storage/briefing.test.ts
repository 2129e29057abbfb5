import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { verifyAuditLog } from '../../src/audit/repository.ts';
import { campaignSummary, createCampaign } from '../../src/campaigns/service.ts';
import { createCommendation, listCommendations } from '../../src/commendations/service.ts';
import {
  createMeeting,
  holdMeeting,
  meetingDetail,
  meetingPack,
  requireMeeting,
} from '../../src/meetings/service.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { createTarget, listTargets } from '../../src/targets/service.ts';
import { actOnTask, assignDirective, listTasks } from '../../src/tasks/service.ts';
import { REFERENCE_DIR } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

const ACTOR = { id: null, name: 'kiểm thử' };

for (const { backend, skip } of BACKENDS) {
  describe(`briefing storage on ${backend}`, { skip }, () => {
    let scratch: ScratchDatabase;
    let ctx: AppContext;
    const clock = new FixedClock('2026-03-02');

    before(async () => {
      scratch = await scratchDatabase(backend);
      ctx = await openApp({ databaseUrl: scratch.url, clock, referenceDataDir: REFERENCE_DIR });
    });
    after(async () => {
      await ctx?.close();
      await scratch?.drop();
    });

    it('stores a meeting, its directive and tasks, and derives statuses from the stored history', async () => {
      const unit = (code: string) => ctx.graph.findByCode(code, '2026-03-02')?.id as number;
      const m = await createMeeting(
        ctx,
        {
          period: '2026-02',
          heldOn: '2026-02-26',
          place: 'Hà Nội',
          chair: 'Bộ trưởng',
          participantIds: [unit('01'), unit('79')],
          agenda: [{ title: 'Báo cáo tháng 02/2026' }],
        },
        ACTOR,
      );
      assert.equal(m.title, 'Hội nghị giao ban tháng 02/2026');
      const { taskIds } = await ctx.store.write((trx) =>
        assignDirective(
          ctx,
          trx,
          m.id,
          {
            content: 'Bảo đảm ANTT dịp lễ',
            leadUnitId: unit('01'),
            coordinatingUnitIds: [unit('79')],
            deadline: { kind: 'date', date: '2026-03-10' },
            indicators: ['crime.occurred'],
            secrecy: 'none',
          },
          ACTOR,
          '2026-03-02',
          clock.now().toISOString(),
        ),
      );
      assert.equal(taskIds.length, 2);
      await actOnTask(ctx, taskIds[0] as number, { action: 'report_done', note: 'Xong' }, ACTOR);
      await actOnTask(ctx, taskIds[0] as number, { action: 'confirm' }, ACTOR);
      const statuses = (at: string) =>
        listTasks(ctx, at).then((ts) => Object.fromEntries(ts.map((t) => [t.unit, t.status])));
      assert.deepEqual(await statuses('2026-03-05'), { '01': 'done_on_time', '79': 'not_started' });
      assert.deepEqual(await statuses('2026-03-11'), { '01': 'done_on_time', '79': 'overdue' });
      const detail = await meetingDetail(ctx, await requireMeeting(ctx, m.id));
      assert.equal(detail.directives.length, 1);
      assert.equal(detail.directives[0]?.coordinating[0]?.code, '79');

      // The next meeting's pack follows the overdue task up.
      clock.set('2026-03-26');
      const next = await createMeeting(
        ctx,
        { period: '2026-03', heldOn: '2026-03-26', place: 'Hà Nội', chair: 'Bộ trưởng', participantIds: [] },
        ACTOR,
      );
      const nextDetail = await meetingDetail(ctx, await requireMeeting(ctx, next.id));
      assert.match(nextDetail.agenda[0]?.title ?? '', /Kiểm điểm việc thực hiện kết luận/);
      await holdMeeting(ctx, next.id, ACTOR);
      const pack = await meetingPack(ctx, await requireMeeting(ctx, next.id));
      assert.equal(pack.frozen, true);
      // The frozen record is read once and shared: no reader can change it for the next.
      const again = await meetingPack(ctx, await requireMeeting(ctx, next.id));
      assert.equal(again.figures, pack.figures, 'the second read shares the first read of the record');
      assert.deepEqual(again, pack);
      assert.throws(() => {
        (pack.figures as unknown[]).push(null);
      }, TypeError);
      assert.deepEqual(
        pack.overdue.map((t) => t.unit),
        ['79'],
      );
      assert.equal(pack.followUp.summary.completionRate, 50);
    });

    it('stores campaigns, commendations and targets', async () => {
      const c = await createCampaign(
        ctx,
        {
          series: 'tet',
          name: 'Cao điểm Tết Bính Ngọ 2026',
          year: 2026,
          rule: { kind: 'lunar', start: { month: 12, day: 15, yearOffset: -1 }, end: { month: 1, day: 15 } },
          unitIds: [],
          indicators: ['traffic.deaths'],
        },
        ACTOR,
      );
      assert.deepEqual([c.start, c.end], ['2026-02-02', '2026-03-03']);
      const unit = ctx.graph.findByCode('C08', '2026-03-02')?.id as number;
      await createCommendation(
        ctx,
        {
          recipientKind: 'unit',
          unitId: unit,
          personName: null,
          personRank: null,
          personPosition: null,
          form: 'Bằng khen của Bộ trưởng',
          reason: 'Thành tích xuất sắc',
          decisionNumber: '1/QĐ-BCA',
          decisionDate: '2026-03-01',
          campaignId: c.id,
          period: null,
        },
        ACTOR,
      );
      assert.equal((await listCommendations(ctx, { campaignIds: [c.id] })).length, 1);
      const summary = await campaignSummary(ctx, c.id);
      assert.deepEqual(summary.windows.lastYear, {
        start: '2025-01-14',
        end: '2025-02-12',
        campaignId: null,
        name: null,
      });
      assert.equal(summary.units.length, 34);
      await createTarget(
        ctx,
        {
          name: '100%',
          indicator: 'commune_police.coverage',
          targetValue: 100,
          deadline: '2026-12-31',
          unitKind: 'province',
          unitIds: [],
          meetingId: null,
        },
        ACTOR,
      );
      assert.equal((await listTargets(ctx)).length, 1);
      assert.equal((await verifyAuditLog(ctx.store.db)).ok, true);
    });
  });
}
