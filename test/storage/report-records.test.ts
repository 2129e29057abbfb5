import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { verifyAuditLog } from '../../src/audit/repository.ts';
import { verifyPdf } from '../../src/documents/index.ts';
import { saveDraft } from '../../src/reports/draft.ts';
import {
  configureSigning,
  issuedPdf,
  issueReport,
  listIssues,
  withdrawReport,
} from '../../src/reports/issue.ts';
import {
  addEvent,
  deleteEvent,
  eventsFor,
  readDocumentSetting,
  saveDocumentSetting,
} from '../../src/reports/settings.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { OUTPUT_DIR, REFERENCE_DIR } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';
import { throwawayKey } from '../support/signing.ts';

const ACTOR = { id: null, name: 'kiểm thử' };

for (const { backend, skip } of BACKENDS) {
  describe(`report records on ${backend} (migration 0011)`, { skip }, () => {
    let scratch: ScratchDatabase;
    let ctx: AppContext;
    before(async () => {
      scratch = await scratchDatabase(backend);
      ctx = await openApp({
        databaseUrl: scratch.url,
        clock: new FixedClock('2026-03-02'),
        referenceDataDir: REFERENCE_DIR,
      });
      const dir = join(OUTPUT_DIR, `signing-${backend}`);
      mkdirSync(dir, { recursive: true });
      const key = throwawayKey('Công an tỉnh Nghệ An', 'Công an tỉnh Nghệ An');
      writeFileSync(join(dir, '40.p12'), key.p12);
      configureSigning({ dir, passphrase: key.passphrase });
    });
    after(async () => {
      configureSigning({});
      await ctx?.close();
      await scratch?.drop();
    });

    it('keeps events, settings and issued versions, and the audit chain holds', async () => {
      const unit = ctx.graph.findByCode('40', '2026-02-14');
      assert.ok(unit);
      const e = await addEvent(
        ctx,
        unit.id,
        { date: '2026-02-10', secrecy: 'mat', text: 'Bảo đảm an ninh dịp Tết Bính Ngọ' },
        ACTOR,
      );
      await addEvent(
        ctx,
        unit.id,
        { date: '2026-01-20', secrecy: 'none', text: 'Tổng kết công tác năm 2025' },
        ACTOR,
      );
      const readable = await eventsFor(ctx, [unit.id], '2026-01-15', '2026-02-14', (s) => s === 'none');
      assert.deepEqual(
        readable.map((x) => x.date),
        ['2026-01-20'],
      );
      await deleteEvent(ctx, e.id, unit.id, ACTOR);
      assert.equal((await eventsFor(ctx, [unit.id], '2026-01-15', '2026-02-14', () => true)).length, 1);
      await saveDocumentSetting(
        ctx,
        unit.id,
        {
          symbol: 'BC-CAT-PV01',
          signers: [{ authority: null, position: 'GIÁM ĐỐC', rank: 'Thiếu tướng', name: 'Nguyễn Văn Nam' }],
        },
        ACTOR,
        0,
      );
      assert.equal((await readDocumentSetting(ctx, unit.id)).signers[0]?.name, 'Nguyễn Văn Nam');
      await saveDraft(ctx, {
        unitId: unit.id,
        period: '2026-02',
        human: {
          situation: ['Tình hình cơ bản ổn định.'],
          assessment: { strengths: [], weaknesses: [], causes: [] },
          directives: [],
          recommendations: [],
        },
        version: 0,
        finalise: false,
        actor: ACTOR,
      });
      const issued = await issueReport(ctx, {
        unit: '40',
        period: '2026-02',
        confirm: '40/2026-02',
        clearance: 'tuyet_mat',
        actor: ACTOR,
      });
      assert.equal(issued.status, 'issued');
      assert.equal(verifyPdf((await issuedPdf(ctx, issued.id)).pdf).intact, true);
      await withdrawReport(ctx, { unit: '40', period: '2026-02', reason: 'Sửa số liệu', actor: ACTOR });
      assert.deepEqual(
        (await listIssues(ctx, '40', '2026-02')).map((i) => i.status),
        ['withdrawn'],
      );
      assert.equal((await verifyAuditLog(ctx.store.db)).ok, true);
    });
  });
}
