import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Migrator, sql } from 'kysely';
import type { AppContext } from '../../src/app/context.ts';
import { checkAuditIntegrity } from '../../src/audit/service.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { migrate, openStore } from '../../src/db/store.ts';
import { SeededRandom } from '../../src/demo/random.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { parsePeriod } from '../../src/periods/period.ts';
import { referenceDate } from '../../src/periods/regime.ts';
import { type ValueInput, VersionConflictError } from '../../src/values/model.ts';
import { PG_BULK_THRESHOLD, readValues, rebuildRollups, writeValues } from '../../src/values/repository.ts';
import { BACKENDS, scratchDatabase, useScratchApp } from '../support/backends.ts';

const PERIODS = ['2024-11', '2024-12', '2025-01', '2025-02'];
const PAIRS: Array<[string, string | null]> = [
  ['crime.occurred', null],
  ['drug.seized_kg', 'heroin'],
  ['gambling.cases', null],
];

/** Every stored roll-up row, in key order, as text: compared before and after recomputing them from the figures. */
async function rollupSnapshot(ctx: AppContext): Promise<string[]> {
  const rows = await ctx.store.db
    .selectFrom('value_rollup')
    .selectAll()
    .orderBy(['unit_id', 'period', 'indicator_id', 'option_id'])
    .execute();
  return rows.map(
    (r) => `${r.unit_id}|${r.period}|${r.indicator_id}|${r.option_id}|${r.value.toFixed(6)}|${r.value_count}`,
  );
}

async function count(
  ctx: AppContext,
  table: 'data_value' | 'data_value_history' | 'change_set',
): Promise<number> {
  const row = await ctx.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const { backend, skip } of BACKENDS) {
  describe(`bulk writes on ${backend}`, { skip }, () => {
    let ctx: AppContext;

    useScratchApp(backend, '2025-03-20', async (suite) => {
      ({ ctx } = suite);
    });

    /** A province's whole subtree (districts and communes) reporting three figures a month. */
    const importInputs = (): ValueInput[] => {
      const form = ctx.catalogue.form('BC-THANG');
      assert.ok(form);
      const rng = new SeededRandom(5);
      const inputs: ValueInput[] = [];
      for (const period of PERIODS) {
        const date = referenceDate(parsePeriod(period));
        const province = ctx.graph.findByCode('35', date);
        assert.ok(province);
        for (const unitId of ctx.graph.subtreeOn(province.id, date))
          for (const [code, option] of PAIRS) {
            const indicator = ctx.catalogue.indicator(code);
            assert.ok(indicator);
            inputs.push({
              formId: form.id,
              unitId,
              indicatorId: indicator.id,
              optionId: option === null ? NO_OPTION : (indicator.optionIds.get(option) as number),
              period,
              value: indicator.decimals > 0 ? rng.int(0, 400) / 8 : rng.int(0, 40),
              comment: null,
            });
          }
      }
      return inputs;
    };
    const change = (at: string) => ({ at, userId: null, source: 'import' as const, reason: 'bulk' });

    it('imports, corrects and re-imports a province through the bulk path with the same versions, history and roll-ups', async () => {
      const inputs = importInputs();
      assert.ok(inputs.length >= PG_BULK_THRESHOLD, `${inputs.length} figures take the bulk path`);
      const first = await writeValues(ctx.store, ctx.graph, inputs, change('2025-03-01T01:00:00.000Z'));
      assert.deepEqual([first.inserted, first.updated, first.unchanged], [inputs.length, 0, 0]);
      assert.equal(await count(ctx, 'data_value'), inputs.length);
      // Every unit's figures are found by a read of the unit naming no indicator (PostgreSQL stores them in its key's
      // order, indicator before unit, and names the indicators for such reads).
      const expected = new Map<string, string[]>();
      for (const i of inputs) {
        const key = `${i.period}|${i.unitId}`;
        expected.set(key, [...(expected.get(key) ?? []), `${i.indicatorId}|${i.optionId}|${i.value}`]);
      }
      for (const [key, figures] of expected) {
        const [period, unitId] = key.split('|') as [string, string];
        const read = await readValues(ctx.store.db, { unitIds: [Number(unitId)], periods: [period] });
        assert.deepEqual(
          read.map((v) => `${v.indicatorId}|${v.optionId}|${v.value}`).sort(),
          figures.sort(),
          `figures of unit ${unitId} in ${period}`,
        );
      }
      // The roll-ups written with the figures are the ones recomputed from the figures afterwards.
      const written = await rollupSnapshot(ctx);
      assert.ok(written.length > 0);
      await rebuildRollups(ctx.store, ctx.graph);
      assert.deepEqual(await rollupSnapshot(ctx), written);

      // A correction: a third changed, a tenth erased, one comment with the characters COPY's format reserves,
      // the rest identical; and one figure for a year no partition exists for yet.
      const rng = new SeededRandom(9);
      const comment = 'ghi chú\tcó tab\nxuống dòng \\ gạch chéo \\N';
      const corrected = inputs.map((input, i) => {
        const roll = rng.next();
        if (i === 7) return { ...input, comment };
        if (roll < 0.1) return { ...input, value: null };
        if (roll < 0.4) return { ...input, value: (input.value ?? 0) + 1 };
        return input;
      });
      const base = inputs[0] as ValueInput;
      corrected.push({ ...base, period: '2031-01', value: 5 });
      const changedCount = corrected.filter((c, i) => i < inputs.length && c !== inputs[i]).length;
      const second = await writeValues(ctx.store, ctx.graph, corrected, change('2025-03-02T01:00:00.000Z'));
      assert.deepEqual(
        [second.inserted, second.updated, second.unchanged],
        [1, changedCount, inputs.length - changedCount],
      );
      const history = await ctx.store.db.selectFrom('data_value_history').selectAll().execute();
      assert.equal(history.length, changedCount);
      assert.ok(history.every((h) => h.version === 1 && h.superseded_by === second.changeId));
      const stored = await ctx.store.db
        .selectFrom('data_value')
        .selectAll()
        .where('change_id', '=', second.changeId as number)
        .execute();
      assert.equal(stored.length, changedCount + 1);
      assert.ok(stored.every((r) => r.version === (r.period === '2031-01' ? 1 : 2)));
      const commented = stored.find((r) => r.comment !== null);
      assert.equal(commented?.comment, comment);
      const afterCorrection = await rollupSnapshot(ctx);
      await rebuildRollups(ctx.store, ctx.graph);
      assert.deepEqual(await rollupSnapshot(ctx), afterCorrection);

      // The same file again changes nothing, not even a change record.
      const changeSets = await count(ctx, 'change_set');
      const again = await writeValues(ctx.store, ctx.graph, corrected, change('2025-03-03T01:00:00.000Z'));
      assert.deepEqual([again.changeId, again.inserted, again.updated], [null, 0, 0]);
      assert.equal(await count(ctx, 'change_set'), changeSets);

      // One stale version among two thousand figures: nothing of the write is kept.
      const stale = corrected.map((c, i) => ({
        ...c,
        value: (c.value ?? 0) + 2,
        expectedVersion: i === corrected.length - 5 ? 7 : undefined,
      }));
      const before = [await count(ctx, 'data_value_history'), await count(ctx, 'change_set')];
      await assert.rejects(
        writeValues(ctx.store, ctx.graph, stale, change('2025-03-04T01:00:00.000Z')),
        VersionConflictError,
      );
      assert.deepEqual([await count(ctx, 'data_value_history'), await count(ctx, 'change_set')], before);
      assert.deepEqual(await rollupSnapshot(ctx), afterCorrection);

      // Every version the bulk writes stored is sealed into the audit chain, as the statement path's are.
      const verdict = await checkAuditIntegrity(ctx);
      assert.equal(verdict.ok, true, verdict.ok ? '' : verdict.messageEn);
      assert.equal(verdict.figures.changeSets, 2);
      assert.equal(verdict.figures.versions, (await count(ctx, 'data_value')) + history.length);

      if (backend === 'postgres') {
        // Each figure sits in its year's partition; 2031's was made by the write that needed it.
        const { rows } = await sql<{ part: string; n: number }>`
          SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM data_value GROUP BY 1 ORDER BY 1`.execute(
          ctx.store.db,
        );
        assert.deepEqual(
          rows.map((r) => r.part),
          ['data_value_y2024', 'data_value_y2025', 'data_value_y2031'],
        );
        const parts = await sql<{ name: string }>`
          SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'data_value'::regclass ORDER BY 1`.execute(ctx.store.db);
        // The clock's year (2025) and the next two were made ahead, when the application opened.
        for (const year of [2025, 2026, 2027])
          assert.ok(parts.rows.some((p) => p.name === `data_value_y${year}`));
      }
    });

    it('refuses a write that holds the same figure twice, naming it, and stores nothing of it', async () => {
      const inputs = importInputs();
      const before = [
        await count(ctx, 'data_value'),
        await count(ctx, 'change_set'),
        (await rollupSnapshot(ctx)).join('\n'),
      ];
      // Periods interleaved (no group's figures together) and the repeated figure far from its first occurrence;
      // a small write takes the statement path, a large one the bulk path.
      const interleaved = PERIODS.flatMap((_, p) => inputs.filter((_, i) => i % PERIODS.length === p));
      const small = interleaved.slice(0, 40);
      for (const write of [interleaved, small]) {
        const twice = write[Math.floor(write.length / 3)] as ValueInput;
        const rows = [...write, { ...twice, value: (twice.value ?? 0) + 1 }];
        await assert.rejects(
          writeValues(ctx.store, ctx.graph, rows, change('2025-03-05T01:00:00.000Z')),
          (error: Error) =>
            error.message.includes('appears twice') &&
            error.message.includes(twice.period) &&
            error.message.includes(String(twice.unitId)),
        );
      }
      assert.deepEqual(
        [
          await count(ctx, 'data_value'),
          await count(ctx, 'change_set'),
          (await rollupSnapshot(ctx)).join('\n'),
        ],
        before,
      );
      // The same figure in two periods, or in two forms, is two figures.
      const [one] = inputs;
      assert.ok(one);
      const apart = [one, { ...one, period: '2031-01' }];
      const written = await writeValues(ctx.store, ctx.graph, apart, change('2025-03-05T02:00:00.000Z'));
      assert.equal(written.inserted + written.updated + written.unchanged, 2);
    });

    it('ends two writes creating the same new figures at once, in opposite orders, with one stored whole and the other refused as a conflict', async () => {
      // The same province's figures in months nobody has written yet.
      const months = new Map(PERIODS.map((p, i) => [p, `2024-0${i + 5}`]));
      const first = importInputs().map((i) => ({ ...i, period: months.get(i.period) as string }));
      const second = first
        .slice()
        .reverse()
        .map((i) => ({ ...i, value: (i.value ?? 0) + 1 }));
      const outcomes = await Promise.allSettled([
        writeValues(ctx.store, ctx.graph, first, change('2025-03-06T01:00:00.000Z')),
        writeValues(ctx.store, ctx.graph, second, change('2025-03-06T01:00:00.000Z')),
      ]);
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      const stored = await readValues(ctx.store.db, { periods: [...months.values()] });
      const figures = (rows: Array<Omit<ValueInput, 'comment'>>) =>
        rows.map((v) => `${v.period}|${v.unitId}|${v.indicatorId}|${v.optionId}|${v.value}`).sort();
      if (backend === 'sqlite') {
        // One writer at a time: the second write corrects the first's figures.
        assert.deepEqual(refused, []);
        assert.deepEqual(figures(stored), figures(second));
      } else {
        // Neither waits for the other at once (no deadlock): the one that comes second meets the first's figures.
        assert.equal(refused.length, 1, String(refused));
        assert.ok(refused[0] instanceof VersionConflictError, String(refused[0]));
        const kept = outcomes[0]?.status === 'fulfilled' ? first : second;
        assert.deepEqual(figures(stored), figures(kept));
      }
    });

    it('partitions an existing database by year when migrating, keeping every row (a no-op on SQLite)', async () => {
      const old = await scratchDatabase(backend);
      const store = await openStore(old.url);
      try {
        const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => MIGRATIONS } });
        const { error } = await migrator.migrateTo('0013_uids');
        assert.equal(error, undefined);
        await sql`INSERT INTO change_set (at, user_id, source, reason) VALUES ('2020-01-01', NULL, 'import', 'old')`.execute(
          store.db,
        );
        const row = (period: string, version: number) => ({
          period,
          unit_id: 1,
          form_id: 1,
          indicator_id: 1,
          option_id: 0,
          value: version * 10,
          comment: null,
          version,
          change_id: 1,
        });
        await store.db
          .insertInto('data_value')
          .values([row('2019-12', 2), row('2020-01', 1), row('2020-01-05', 1)])
          .execute();
        await store.db
          .insertInto('data_value_history')
          .values({ ...row('2019-12', 1), superseded_by: 1 })
          .execute();
        // Every migration after 0013 runs, the partitioning among them.
        assert.deepEqual(
          await migrate(store),
          Object.keys(MIGRATIONS).filter((name) => name > '0013_uids'),
        );
        const values = await store.db.selectFrom('data_value').selectAll().orderBy('period').execute();
        assert.deepEqual(
          values.map((v) => [v.period, v.version, v.value]),
          [
            ['2019-12', 2, 20],
            ['2020-01', 1, 10],
            ['2020-01-05', 1, 10],
          ],
        );
        const history = await store.db.selectFrom('data_value_history').selectAll().execute();
        assert.deepEqual(
          history.map((h) => [h.period, h.version, h.superseded_by]),
          [['2019-12', 1, 1]],
        );
        if (backend === 'postgres') {
          const { rows } = await sql<{ part: string; n: number }>`
            SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM data_value GROUP BY 1 ORDER BY 1`.execute(
            store.db,
          );
          assert.deepEqual(
            rows.map((r) => [r.part, r.n]),
            [
              ['data_value_y2019', 1],
              ['data_value_y2020', 2],
            ],
          );
          const kind = await sql<{ kind: string }>`
            SELECT relkind AS kind FROM pg_class WHERE relname = 'data_value_history'`.execute(store.db);
          assert.equal(kind.rows[0]?.kind, 'p');
        }
      } finally {
        await store.close();
        await old.drop();
      }
    });
  });
}
