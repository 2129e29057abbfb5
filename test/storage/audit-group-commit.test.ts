// Entries recorded on their own (reads of classified figures, sign-ins, exports) while another commit holds the
// chain go together in the next commit: each caller is answered once its entry is committed, in the order asked,
// and the chain verifies. On PostgreSQL the rows' inserting transaction (xmin) shows how many commits it took.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import type { AppContext } from '../../src/app/context.ts';
import { recordAudit, verifyAuditLog } from '../../src/audit/repository.ts';
import { BACKENDS, type ScratchDatabase, useScratchApp } from '../support/backends.ts';

for (const { backend, skip } of BACKENDS) {
  describe(`audit entries recorded on their own on ${backend}`, { skip }, () => {
    let scratch: ScratchDatabase;
    let ctx: AppContext;
    useScratchApp(backend, '2026-02-20', async (suite) => {
      ({ scratch, ctx } = suite);
    });

    const draft = (i: number) => ({
      at: `2026-02-20T01:00:${String(i % 60).padStart(2, '0')}.000Z`,
      actorId: null,
      actorName: `đọc ${i}`,
      action: 'analytics.read',
      target: `read:${i}`,
      unitId: null,
      secrecy: 'mat' as const,
      details: { i },
    });

    it('answers every caller with its own committed entry, in the order asked, and the chain verifies', async () => {
      const before = await ctx.store.db.selectFrom('audit_log').select('seq').execute();
      const entries = await Promise.all(
        Array.from({ length: 40 }, (_, i) => recordAudit(ctx.store, draft(i))),
      );
      assert.deepEqual(
        entries.map((e) => e.target),
        Array.from({ length: 40 }, (_, i) => `read:${i}`),
      );
      const seqs = entries.map((e) => e.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => a - b),
        'sequence numbers follow the order asked',
      );
      const stored = await ctx.store.db
        .selectFrom('audit_log')
        .select(['seq', 'target'])
        .where('seq', 'in', seqs)
        .execute();
      assert.equal(stored.length, 40, 'every answered entry is stored');
      assert.equal(
        (await ctx.store.db.selectFrom('audit_log').select('seq').execute()).length,
        before.length + 40,
      );
      const verdict = await verifyAuditLog(ctx.store.db);
      assert.ok(verdict.ok, JSON.stringify(verdict));
    });

    it('appends entries asked for in one turn together, in one commit', async () => {
      const transactions = ctx.store.transactions;
      const entries = await Promise.all(
        Array.from({ length: 25 }, (_, i) => recordAudit(ctx.store, draft(200 + i))),
      );
      if (backend === 'sqlite') {
        // SQLite counts its shared transactions: the 25 went in one, not the first alone and the rest after its flush.
        assert.equal(ctx.store.transactions - transactions, 1, 'one shared transaction');
      } else {
        const { rows } = await sql<{ commits: string }>`
          SELECT count(DISTINCT xmin::text) AS commits FROM audit_log WHERE seq = ANY(${entries.map((e) => e.seq)})
        `.execute(ctx.store.db);
        assert.equal(Number(rows[0]?.commits), 1, 'one commit');
      }
      assert.ok((await verifyAuditLog(ctx.store.db)).ok);
    });

    it('commits the entries asked for while the chain is held together, once it is free', async (t) => {
      if (backend !== 'postgres') {
        t.skip('one writer at a time: SQLite has no second session to hold the chain');
        return;
      }
      // Another process holds the chain (as a long write of figures would) while 30 reads are recorded.
      const other = new pg.Client({ connectionString: scratch.url.replace(/^postgres(ql)?:/, 'postgres:') });
      await other.connect();
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(7310)');
      const pending = Array.from({ length: 30 }, (_, i) => recordAudit(ctx.store, draft(100 + i)));
      await new Promise((r) => setTimeout(r, 200));
      await other.query('COMMIT');
      await other.end();
      const entries = await Promise.all(pending);
      const { rows } = await sql<{ commits: string }>`
        SELECT count(DISTINCT xmin::text) AS commits FROM audit_log WHERE seq = ANY(${entries.map((e) => e.seq)})
      `.execute(ctx.store.db);
      const commits = Number(rows[0]?.commits);
      assert.ok(commits >= 1 && commits <= 2, `30 entries in ${commits} commits`);
      assert.ok((await verifyAuditLog(ctx.store.db)).ok);
    });
  });
}
