import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import type { AppContext } from '../../src/app/context.ts';
import { GenerationReader } from '../../src/db/generations.ts';
import { createUser } from '../support/app.ts';
import { BACKENDS, useScratchApp } from '../support/backends.ts';

for (const { backend, skip } of BACKENDS) {
  describe(`the data and session generations, on ${backend}`, { skip }, () => {
    let ctx: AppContext;
    useScratchApp(backend, '2026-11-29', (suite) => {
      ctx = suite.ctx;
    });

    it('are read once for every caller of a turn, and each moves only with what it watches', async () => {
      const user = await createUser(ctx, { username: 'generations', role: 'officer', unitCode: 'BCA' });
      const now = ctx.clock.now().toISOString();
      await ctx.store.write((trx) =>
        trx
          .insertInto('user_session')
          .values({
            token_hash: 'generations-test',
            user_id: user.id,
            created_at: now,
            last_seen_at: now,
            csrf_token: 'csrf',
            second_factor_done: 1,
            ip: null,
            user_agent: null,
            authenticated_at: now,
            pending_totp_secret: null,
          })
          .execute(),
      );
      const reader = new GenerationReader(() => ctx.store.db);
      const turn = await Promise.all(Array.from({ length: 20 }, () => reader.read()));
      assert.equal(new Set(turn).size, 1, 'one read for the 20 callers of the turn');
      const start = turn[0];
      assert.ok(start);

      // A session touched (its last-seen time) moves neither.
      await ctx.store.write((trx) => sql`UPDATE user_session SET last_seen_at = last_seen_at`.execute(trx));
      assert.deepEqual(await reader.read(), start);

      // An account changed moves the sessions' generation only; a unit changed, the data's only.
      await ctx.store.write((trx) => sql`UPDATE app_user SET failed_count = failed_count`.execute(trx));
      const afterAccount = await reader.read();
      assert.ok(BigInt(afterAccount.sessions) > BigInt(start.sessions));
      assert.equal(afterAccount.data, start.data);
      await ctx.store.write((trx) =>
        sql`UPDATE unit SET code = code WHERE id = (SELECT min(id) FROM unit)`.execute(trx),
      );
      const afterTask = await reader.read();
      assert.ok(BigInt(afterTask.data) > BigInt(afterAccount.data));
      assert.equal(afterTask.sessions, afterAccount.sessions);
    });
  });
}
