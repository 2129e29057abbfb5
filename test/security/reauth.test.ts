/**
 * Reproduction 7 of issue 12: declassifying, resetting a password and raising a clearance need a recent sign-in;
 * the password confirmed again opens them for a few minutes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { findUserByName } from '../../src/users/repository.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

describe('recent re-authentication', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let targetId: number;
  useApiSuite({}, async (suite) => {
    ({ app, server } = suite);
    await createUser(app.ctx, { username: 'chief', role: 'admin', unitCode: 'BCA', clearance: 'tuyet_mat' });
    await createUser(app.ctx, { username: 'boss', role: 'leader', unitCode: 'BCA', clearance: 'tuyet_mat' });
    await createUser(app.ctx, { username: 'staff', role: 'analyst', unitCode: 'BCA', clearance: 'none' });
    targetId = (await findUserByName(app.ctx.store.db, 'staff'))?.id as number;
  });

  it('asks for the password again before declassifying, resetting a password or raising a clearance', async () => {
    const chief = new ApiClient(server, app.clock);
    await chief.signIn('chief', 'Giaoban@2026-test');
    const boss = new ApiClient(server, app.clock);
    await boss.signIn('boss', 'Giaoban@2026-test');
    // Ten minutes later (the session is still alive, the sign-in is no longer recent).
    app.clock.set(new Date(app.clock.now().getTime() + 10 * 60_000));
    const changes = [
      () =>
        boss.request('POST', '/api/secrecy/decisions', {
          unit: 'BCA',
          indicator: 'crime.occurred',
          level: 'none',
          reason: 'Giải mật theo quyết định',
        }),
      () => chief.request('POST', `/api/users/${targetId}/reset-password`, {}),
      () => chief.request('PATCH', `/api/users/${targetId}`, { clearance: 'mat', version: 0 }),
    ];
    for (const change of changes) {
      const res = await change();
      assert.equal(res.status, 403, JSON.stringify(res.body));
      assert.equal(res.body.error, 'reauth_required');
    }
    // Reading the accounts does not need it.
    assert.equal((await chief.request('GET', '/api/users')).status, 200);
    assert.equal((await chief.request('POST', '/api/auth/reauth', { password: 'wrong' })).status, 401);
    assert.equal(
      (await chief.request('POST', '/api/auth/reauth', { password: 'Giaoban@2026-test' })).status,
      200,
    );
    assert.equal(
      (await boss.request('POST', '/api/auth/reauth', { password: 'Giaoban@2026-test' })).status,
      200,
    );
    for (const change of changes) {
      const res = await change();
      assert.ok(res.status < 300, `${changes.indexOf(change)} ${JSON.stringify(res.body)}`);
    }
    assert.equal((await findUserByName(app.ctx.store.db, 'staff'))?.clearance, 'mat');
  });
});
