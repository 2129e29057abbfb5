import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type AppContext, openApp } from '../../src/app/context.ts';
import { hashSessionToken } from '../../src/auth/sessions.ts';
import { buildServer } from '../../src/server/app.ts';
import { SESSION_COOKIE } from '../../src/server/session.ts';
import { FixedClock } from '../../src/shared/clock.ts';
import { signOut } from '../../src/users/signin.ts';
import { createUser, REFERENCE_DIR } from '../support/app.ts';
import { BACKENDS, useScratchApp } from '../support/backends.ts';
import { ApiClient } from '../support/http.ts';

const TODAY = '2026-11-29';

/**
 * Sessions are kept in memory between requests. Two application processes share one database here: whatever one of
 * them changes about a session or an account, the other's very next request must see, whichever it kept.
 */
for (const { backend, skip } of BACKENDS) {
  describe(`sessions kept in memory, on ${backend}`, { skip }, () => {
    let ctx: AppContext;
    let other: AppContext;
    let server: FastifyInstance;
    let clock: FixedClock;

    useScratchApp(backend, TODAY, async (suite) => {
      ctx = suite.ctx;
      clock = ctx.clock as FixedClock;
      other = await openApp({
        databaseUrl: suite.scratch.url,
        clock: new FixedClock(TODAY),
        referenceDataDir: REFERENCE_DIR,
      });
      server = await buildServer(ctx, { secureCookies: false, logLevel: 'silent' });
    });
    after(async () => {
      await server?.close();
      await other?.close();
    });

    let serial = 0;
    /** A user signed in through this process, who has made a few requests already (their session is kept). */
    const signedIn = async () => {
      const user = await createUser(ctx, {
        username: `kept.${backend}.${serial++}`,
        role: 'analyst',
        unitCode: 'BCA',
        clearance: 'toi_mat',
      });
      const client = new ApiClient(server, clock);
      await client.signIn(user.username, user.password);
      for (let i = 0; i < 3; i++) assert.equal((await client.request('GET', '/api/auth/me')).status, 200);
      const token = client.cookie.slice(`${SESSION_COOKIE}=`.length);
      return { user, client, tokenHash: hashSessionToken(token) };
    };

    it('sees a clearance lowered and a role changed by another process at the next request', async () => {
      const { user, client } = await signedIn();
      assert.equal((await client.request('GET', '/api/auth/me')).body.clearance, 'toi_mat');
      await other.store.write((trx) =>
        trx
          .updateTable('app_user')
          .set({ clearance: 'none', role: 'officer' })
          .where('id', '=', user.id)
          .execute(),
      );
      const me = await client.request('GET', '/api/auth/me');
      assert.equal(me.body.clearance, 'none');
      assert.equal(me.body.role, 'officer');
    });

    it('refuses the next request after another process disabled the account or ended the session', async () => {
      const disabled = await signedIn();
      await other.store.write((trx) =>
        trx.updateTable('app_user').set({ disabled: 1 }).where('id', '=', disabled.user.id).execute(),
      );
      assert.equal((await disabled.client.request('GET', '/api/auth/me')).status, 401);

      const ended = await signedIn();
      await signOut(other.store, ended.tokenHash);
      assert.equal((await ended.client.request('GET', '/api/auth/me')).status, 401);
    });

    it('keeps serving a session whose last-seen time another process moved on', async () => {
      const { client, tokenHash } = await signedIn();
      await other.store.write((trx) =>
        trx
          .updateTable('user_session')
          .set({ last_seen_at: clock.now().toISOString() })
          .where('token_hash', '=', tokenHash)
          .execute(),
      );
      assert.equal((await client.request('GET', '/api/auth/me')).status, 200);
      // A session idle past the policy's limit (15 minutes) is ended, kept or not.
      const start = clock.now();
      clock.set(new Date(start.getTime() + 16 * 60_000));
      try {
        assert.equal((await client.request('GET', '/api/auth/me')).status, 401);
      } finally {
        clock.set(start);
      }
    });
  });
}
