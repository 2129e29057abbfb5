import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import pg from 'pg';
import type { AppContext } from '../../src/app/context.ts';
import { type AuditDraft, hashEntry, hashedTextAround, type JsonObject } from '../../src/audit/chain.ts';
import { verifyAuditLog } from '../../src/audit/repository.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { AppError } from '../../src/shared/errors.ts';
import { SECRECY_LEVELS } from '../../src/shared/secrecy.ts';
import { importFigures } from '../../src/transfer/import.ts';
import { ReportNotEditableError } from '../../src/values/model.ts';
import { readRollups, rebuildRollups, writeValues } from '../../src/values/repository.ts';
import { BACKENDS, type ScratchDatabase, useScratchApp } from '../support/backends.ts';

const text = fc.string({ unit: fc.constantFrom('a', 'Đ', 'ệ', '"', '\\', '\n', '’', '😀', ' ', '{', '0') });
const json: fc.Arbitrary<JsonObject> = fc.dictionary(
  text,
  fc.jsonValue() as fc.Arbitrary<JsonObject[string]>,
) as fc.Arbitrary<JsonObject>;
const draft: fc.Arbitrary<AuditDraft> = fc.record({
  at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  actorId: fc.option(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { nil: null }),
  actorName: text,
  action: text,
  target: text,
  unitId: fc.option(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { nil: null }),
  secrecy: fc.constantFrom(...SECRECY_LEVELS),
  details: json,
});

describe('the hashed text around an entry’s chained fields', () => {
  it('is the text hashEntry hashes, for any entry', async () => {
    const { createHash } = await import('node:crypto');
    fc.assert(
      fc.property(
        draft,
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        (d, seq, prevHash) => {
          const { head, middle, tail } = hashedTextAround(d);
          const hashed = createHash('sha256')
            .update(`${head}${prevHash}${middle}${seq}${tail}`, 'utf8')
            .digest('hex');
          assert.equal(hashed, hashEntry({ ...d, seq }, prevHash));
        },
      ),
      { numRuns: 300 },
    );
  });
});

for (const { backend, skip } of BACKENDS) {
  describe(`saves at the same time (${backend})`, { skip }, () => {
    let ctx: AppContext;
    let scratch: ScratchDatabase;
    useScratchApp(backend, '2026-11-29', async (suite) => {
      ({ ctx, scratch } = suite);
    });

    it('each leave one audit entry on a chain that verifies, and roll-ups equal to their figures', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      const indicator = ctx.catalogue.indicator('drug.cases');
      const province = ctx.graph.findByCode('40', '2026-11-14');
      assert.ok(form && indicator && province);
      const communes = ctx.graph
        .subtreeOn(province.id, '2026-11-14')
        .map((id) => ctx.graph.get(id))
        .filter((u) => u?.kind === 'commune');
      assert.ok(communes.length >= 40);
      const save = (unitId: number, value: number, expectedVersion?: number) =>
        writeValues(
          ctx.store,
          ctx.graph,
          [
            {
              formId: form.id,
              unitId,
              indicatorId: indicator.id,
              optionId: NO_OPTION,
              period: '2026-10',
              value,
              comment: `Ghi chú “${value}” – đúng\\sai`,
              ...(expectedVersion === undefined ? {} : { expectedVersion }),
            },
          ],
          { at: '2026-11-20T01:00:00.000Z', userId: null, source: 'api', reason: 'nhập số liệu' },
          (summary) => ({
            at: '2026-11-20T01:00:00.000Z',
            actorId: null,
            actorName: 'Cán bộ "xã" \\ thử',
            action: 'values.write',
            target: `unit:${unitId}`,
            unitId,
            secrecy: 'mat',
            details: { inserted: summary.inserted, updated: summary.updated, ghiChú: 'Tết Nguyên đán' },
          }),
        );
      // 40 communes save at once, then correct at once; one correction names a stale version and is refused.
      await Promise.all(communes.slice(0, 40).map((u, i) => save(Number(u?.id), i + 0.5)));
      if (backend === 'postgres') {
        // Written together: fewer transactions than saves.
        const { rows } = await sql<{
          n: number;
        }>`SELECT count(DISTINCT xmin::text)::int AS n FROM change_set`.execute(ctx.store.db);
        assert.ok((rows[0]?.n ?? 40) < 40, `${rows[0]?.n} transactions for 40 saves`);
      }
      const corrections = await Promise.allSettled(
        communes.slice(0, 40).map((u, i) => save(Number(u?.id), i * 2 + 0.25, i === 7 ? 5 : 1)),
      );
      assert.equal(corrections.filter((r) => r.status === 'rejected').length, 1);

      const verdict = await verifyAuditLog(ctx.store.db);
      assert.ok(verdict.ok, JSON.stringify(verdict));
      const entries = await ctx.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'values.write')
        .orderBy('seq')
        .execute();
      // 40 saves and 39 corrections.
      assert.equal(entries.length, 79);
      const row = entries.find((e) => e.target === `unit:${communes[3]?.id}`);
      assert.ok(row);
      assert.equal(row.actor_name, 'Cán bộ "xã" \\ thử');
      const details = JSON.parse(row.details) as {
        ghiChú: string;
        inserted: number;
        figures: { versions: number };
      };
      assert.deepEqual(
        [details.ghiChú, details.inserted, details.figures.versions],
        ['Tết Nguyên đán', 1, 1],
      );

      const rollup = async () =>
        (
          await readRollups(ctx.store.db, {
            unitIds: [province.id],
            periods: ['2026-10'],
            indicatorIds: [indicator.id],
          })
        )
          .filter((r) => r.optionId === NO_OPTION)
          .map((r) => [r.value, r.count]);
      const saved = await rollup();
      const expected = communes
        .slice(0, 40)
        .reduce((sum, _u, i) => sum + (i === 7 ? i + 0.5 : i * 2 + 0.25), 0);
      assert.deepEqual(saved, [[expected, 40]]);
      await rebuildRollups(ctx.store, ctx.graph, ['2026-10']);
      assert.deepEqual(await rollup(), saved);
    });

    it('fail alone when the database refuses one; the others are written', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      const indicator = ctx.catalogue.indicator('crime.occurred');
      const province = ctx.graph.findByCode('01', '2026-11-14');
      assert.ok(form && indicator && province);
      const communes = ctx.graph
        .subtreeOn(province.id, '2026-11-14')
        .map((id) => ctx.graph.get(id))
        .filter((u) => u?.kind === 'commune')
        .slice(0, 12);
      const change = { at: '2026-11-21T01:00:00.000Z', userId: null, source: 'api' as const, reason: null };
      const results = await Promise.allSettled(
        communes.map((u, i) =>
          writeValues(
            ctx.store,
            ctx.graph,
            [
              {
                // The sixth names a form that does not exist: its report cannot be recorded.
                formId: i === 5 ? 999_999 : form.id,
                unitId: Number(u?.id),
                indicatorId: indicator.id,
                optionId: NO_OPTION,
                period: '2026-10',
                value: i + 1,
                comment: null,
              },
            ],
            change,
          ),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.status),
        communes.map((_u, i) => (i === 5 ? 'rejected' : 'fulfilled')),
      );
      const changeSets = new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.changeId : null)));
      assert.equal(changeSets.size, 12, 'each save has its own change set');
      const stored = await ctx.store.db
        .selectFrom('data_value')
        .select(['unit_id', 'value'])
        .where('indicator_id', '=', indicator.id)
        .where('period', '=', '2026-10')
        .execute();
      assert.equal(stored.length, 11);
      assert.ok(!stored.some((r) => r.unit_id === communes[5]?.id));
      const [rollup] = await readRollups(ctx.store.db, {
        unitIds: [province.id],
        periods: ['2026-10'],
        indicatorIds: [indicator.id],
      });
      assert.deepEqual([rollup?.value, rollup?.count], [78 - 6, 11]);
      assert.ok((await verifyAuditLog(ctx.store.db)).ok);
    });

    it('refuse a save into a report submitted meanwhile, checked inside the save’s transaction', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      const indicator = ctx.catalogue.indicator('drug.suspects');
      const unit = ctx.graph.findByCode('79', '2026-11-14');
      assert.ok(form && indicator && unit);
      const report = { formId: form.id, unitId: unit.id, period: '2026-09' };
      const save = (value: number) =>
        writeValues(
          ctx.store,
          ctx.graph,
          [{ ...report, indicatorId: indicator.id, optionId: NO_OPTION, value, comment: null }],
          { at: '2026-11-22T01:00:00.000Z', userId: null, source: 'api', reason: null },
          undefined,
          [report],
        );
      await save(1);
      const submit = (status: string) =>
        sql`UPDATE submission SET status = ${status}
            WHERE form_id = ${report.formId} AND unit_id = ${report.unitId} AND period = ${report.period}`;
      if (backend === 'postgres') {
        // The report is submitted by another connection while the save is under way.
        const other = new pg.Client({ connectionString: scratch.url });
        await other.connect();
        try {
          await other.query('BEGIN');
          const compiled = submit('submitted').compile(ctx.store.db);
          await other.query(compiled.sql, [...compiled.parameters]);
          let settled = false;
          const saving = save(2).finally(() => {
            settled = true;
          });
          saving.catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 300));
          assert.equal(settled, false, 'the save waits for the report’s status');
          await other.query('COMMIT');
          await assert.rejects(saving, ReportNotEditableError);
        } finally {
          await other.end();
        }
      } else {
        await submit('submitted').execute(ctx.store.db);
        await assert.rejects(save(2), ReportNotEditableError);
      }
      const stored = await ctx.store.db
        .selectFrom('data_value')
        .select(['value', 'version'])
        .where('indicator_id', '=', indicator.id)
        .where('unit_id', '=', unit.id)
        .where('period', '=', report.period)
        .execute();
      assert.deepEqual(stored, [{ value: 1, version: 1 }]);
      await submit('returned').execute(ctx.store.db);
      assert.equal((await save(3)).updated, 1);
    });

    it('refuse an import into a report submitted meanwhile, naming it, and write nothing', async () => {
      const form = ctx.catalogue.form('BC-THANG');
      const unit = ctx.graph.findByCode('48', '2026-11-14');
      assert.ok(form && unit);
      const csv = (value: number) =>
        Buffer.from(
          `form,unit,period,indicator,option,value,comment\nBC-THANG,48,2026-08,drug.cases,,${value},\nBC-THANG,01,2026-08,drug.cases,,${value},\n`,
          'utf8',
        );
      const importing = (value: number) =>
        importFigures(ctx, {
          buffer: csv(value),
          filename: 'thang8.csv',
          dryRun: false,
          userId: null,
          source: 'api',
        });
      const first = await importing(5);
      assert.equal(first.imported, 2);
      const submitted = sql`UPDATE submission SET status = 'submitted'
        WHERE form_id = ${form.id} AND unit_id = ${unit.id} AND period = '2026-08'`;
      if (backend === 'postgres') {
        const other = new pg.Client({ connectionString: scratch.url });
        await other.connect();
        try {
          await other.query('BEGIN');
          const compiled = submitted.compile(ctx.store.db);
          await other.query(compiled.sql, [...compiled.parameters]);
          const second = importing(6);
          second.catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 300));
          await other.query('COMMIT');
          await assert.rejects(second, (error: unknown) => {
            assert.ok(error instanceof AppError);
            assert.match(error.message, /Đà Nẵng.*dòng 2.*đã nộp/);
            return true;
          });
        } finally {
          await other.end();
        }
      } else {
        // One writer at a time: the check inside the write is reached only through the read before it.
        await submitted.execute(ctx.store.db);
        const refused = await importing(6);
        assert.equal(refused.rejected[0]?.field, 'status');
      }
      const stored = await ctx.store.db
        .selectFrom('data_value')
        .select('value')
        .where('form_id', '=', form.id)
        .where('period', '=', '2026-08')
        .execute();
      assert.deepEqual(
        stored.map((r) => r.value),
        [5, 5],
      );
    });
  });
}
