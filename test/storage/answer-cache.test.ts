import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { AnswerCache } from '../../src/analytics/answer-cache.ts';
import { type QueryResult, runQuery } from '../../src/analytics/service.ts';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { GenerationReader } from '../../src/db/generations.ts';
import { SLOTS } from '../../src/db/migrations/0021_data_generation.ts';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { setSecrecyDecision } from '../../src/secrecy/overrides.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { transition } from '../../src/submissions/service.ts';
import { writeValues } from '../../src/values/repository.ts';
import { REFERENCE_DIR, TEST_TODAY } from '../support/app.ts';
import { BACKENDS, type ScratchDatabase, scratchDatabase } from '../support/backends.ts';

/**
 * The engine's answers are cached by question and data generation. Two applications on one database stand for two
 * processes (or a server and its replica's reader): every committed write by one — a figure saved, a report
 * submitted or returned, a secrecy decision — is seen by the other's very next read, and a read repeated with
 * nothing written in between is answered from the cache.
 */
for (const { backend, skip } of BACKENDS) {
  describe(`cached analytics answers follow every write (${backend})`, { skip }, () => {
    let scratch: ScratchDatabase;
    let writer: AppContext;
    let reader: AppContext;
    const actor = { id: null, name: 'Kiểm thử' };
    const PERIOD = '2026-10';
    let commune = '';
    let province = '';

    before(async () => {
      scratch = await scratchDatabase(backend);
      const open = () =>
        openApp({
          databaseUrl: scratch.url,
          clock: new FixedClock(TEST_TODAY),
          referenceDataDir: REFERENCE_DIR,
        });
      writer = await open();
      reader = await open();
      const p = writer.graph.findByCode('37', '2026-10-15');
      assert.ok(p);
      province = p.code;
      const c = writer.graph.childrenOn(p.id, '2026-10-15')[0];
      assert.ok(c !== undefined);
      commune = writer.graph.require(c).code;
    });
    after(async () => {
      await writer?.close();
      await reader?.close();
      await scratch?.drop();
    });

    const save = async (value: number) => {
      const form = writer.catalogue.form('BC-THANG');
      const indicator = writer.catalogue.indicator('crime.occurred');
      const unit = writer.graph.findByCode(commune, '2026-10-15');
      assert.ok(form && indicator && unit);
      await writeValues(
        writer.store,
        writer.graph,
        [
          {
            formId: form.id,
            unitId: unit.id,
            indicatorId: indicator.id,
            optionId: NO_OPTION,
            period: PERIOD,
            value,
            comment: null,
          },
        ],
        { at: '2026-11-02T01:00:00.000Z', userId: null, source: 'api', reason: null },
      );
    };
    const act = (action: 'submit' | 'return') =>
      transition(writer, {
        form: 'BC-THANG',
        unit: commune,
        period: PERIOD,
        action,
        reason: action === 'return' ? 'Số liệu cần rà soát lại' : null,
        actor,
      });
    const read = (unit: string): Promise<QueryResult> =>
      runQuery(reader, { unit, period: PERIOD, indicator: 'crime.occurred', compare: true });
    const figure = (r: QueryResult) => r.rows.find((row) => row.option === null)?.value ?? null;

    it('a repeated read is answered from the cache, and a saved figure is seen at once', async () => {
      const first = await read(province);
      const misses = reader.engine.cacheStats().misses;
      const again = await read(province);
      assert.deepEqual(again, first);
      assert.equal(reader.engine.cacheStats().misses, misses, 'the repeated read computed again');
      assert.ok(reader.engine.cacheStats().hits > 0);

      await save(5);
      await act('submit');
      assert.equal(figure(await read(province)), 5);
      assert.equal(figure(await read('BCA')), 5);
      await save(9);
      assert.equal(figure(await read(province)), 9, 'a stale answer after a saved figure');
      assert.equal(figure(await read('BCA')), 9);
    });

    it('a reader cannot change a kept answer for the next one', async () => {
      const first = await read(province);
      const row = first.rows.find((r) => r.option === null);
      assert.ok(row);
      const kept = row.value;
      assert.throws(() => {
        row.value = 12345;
      }, TypeError);
      assert.throws(() => first.rows.pop(), TypeError);
      const again = await read(province);
      assert.equal(figure(again), kept);
      assert.equal(again.rows.length, first.rows.length);
    });

    it('a report returned and submitted again is counted at once', async () => {
      await act('return');
      assert.equal(figure(await read(province)), null, 'a returned report still counted');
      await act('submit');
      assert.equal(figure(await read(province)), 9);
    });

    it('a secrecy decision is applied at once', async () => {
      const before = await read(province);
      assert.notEqual(before.secrecy, 'toi_mat');
      const unit = writer.graph.findByCode(province, '2026-10-15');
      assert.ok(unit);
      await setSecrecyDecision(writer, {
        indicator: 'crime.occurred',
        unitId: unit.id,
        level: 'toi_mat',
        reason: 'Quyết định độ mật để kiểm thử',
        actor,
      });
      assert.equal((await read(province)).secrecy, 'toi_mat');
      assert.equal((await read('BCA')).secrecy, 'toi_mat');
    });

    it('answers asked for in one turn share one read of the generation, which sees every write before them', async () => {
      let reads = 0;
      const generations = new GenerationReader(() => {
        reads++;
        return reader.store.db;
      });
      const shared = new AnswerCache(() => generations.read().then((g) => g.data));
      let computed = 0;
      const ask = () =>
        Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            shared.answer(`câu ${i % 4}`, async () => {
              computed++;
              return i % 4;
            }),
          ),
        );
      assert.deepEqual(
        await ask(),
        Array.from({ length: 20 }, (_, i) => i % 4),
      );
      assert.equal(reads, 1, 'one read of the generation for the 20 answers');
      assert.equal(computed, 4, 'each question computed once');
      await ask();
      assert.equal(computed, 4, 'nothing written: answered from the cache');
      await save(13);
      await ask();
      assert.equal(reads, 3);
      assert.equal(computed, 8, 'a write committed before the answers were asked for is seen by them');
    });

    it('two writing transactions at once do not wait for each other on the generation', {
      skip: backend === 'sqlite' ? 'SQLite has one writer at a time' : false,
    }, async () => {
      const generations = new GenerationReader(() => reader.store.db);
      const generation = new AnswerCache(() => generations.read().then((g) => g.data));
      const connect = async () => {
        const client = new pg.Client({ connectionString: scratch.url });
        await client.connect();
        // Waiting on a lock fails the test instead of hanging it.
        await client.query("SET lock_timeout = '2s'");
        return client;
      };
      const slotOf = async (client: pg.Client) =>
        Number((await client.query('SELECT txid_current() AS x')).rows[0].x) % SLOTS;
      // Any write to a watched table moves the generation on, even one that changes no row.
      const write = (client: pg.Client) => client.query('DELETE FROM task WHERE id = -1');
      const a = await connect();
      const b = await connect();
      try {
        const start = await generation.generation();
        await a.query('BEGIN');
        const slotA = await slotOf(a);
        await write(a);
        // Transactions at the same time get nearby ids and so other slots; one SLOTS ids later would share A's.
        await b.query('BEGIN');
        while ((await slotOf(b)) === slotA) {
          await b.query('ROLLBACK');
          await b.query('BEGIN');
        }
        const began = Date.now();
        await write(b);
        await b.query('COMMIT');
        assert.ok(Date.now() - began < 1000, 'the second writer waited for the first');
        const afterB = await generation.generation();
        assert.ok(BigInt(afterB) > BigInt(start), "B's commit did not move the generation on");
        await a.query('COMMIT');
        assert.ok(BigInt(await generation.generation()) > BigInt(afterB), "A's commit did not move it on");
      } finally {
        await a.query('ROLLBACK').catch(() => undefined);
        await a.end();
        await b.end();
      }
    });
  });
}
