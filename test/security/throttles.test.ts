/**
 * Reproductions 12 and 15 of issue 12: sign-in and second-factor throttles cannot be sidestepped with cookies
 * or sessions, second-factor failures lock the account, and a locked account answers like an unknown name.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { generateTotp } from '../../src/auth/totp.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

describe('throttles that cannot be sidestepped', () => {
  let app: TestApp;
  let server: FastifyInstance;
  useApiSuite({}, async (suite) => {
    ({ app, server } = suite);
    await createUser(app.ctx, { username: 'leader', role: 'leader', unitCode: 'BCA', clearance: 'toi_mat' });
    await createUser(app.ctx, { username: 'analyst', role: 'analyst', unitCode: 'BCA' });
    await createUser(app.ctx, { username: 'locked', role: 'analyst', unitCode: 'BCA' });
  });

  const login = (username: string, password: string, address: string, cookie?: string) =>
    server.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: address,
      headers: cookie ? { cookie } : {},
      payload: { username, password },
    });

  it('throttles sign-in per address even when every attempt sends a fresh random cookie (reproduction 12)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const cookie = `giaoban_session=${randomBytes(32).toString('base64url')}`;
      statuses.push((await login(`spray-${i}`, 'Mùa-Thu-2026!', '10.0.0.7', cookie)).statusCode);
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
    assert.deepEqual(statuses.slice(20), [429, 429, 429, 429]);
    // Another address is not affected.
    assert.equal((await login('analyst', 'Giaoban@2026-test', '10.0.0.8')).statusCode, 200);
    app.clock.set(new Date(app.clock.now().getTime() + 11 * 60_000));
  });

  it('counts second-factor failures across sessions toward the lock-out (reproduction 12)', async () => {
    const first = new ApiClient(server, app.clock);
    await first.login('leader', 'Giaoban@2026-test');
    const secret = await first.enrolSecondFactor(app.clock.now());
    app.clock.set(new Date(app.clock.now().getTime() + 60_000));
    for (let i = 0; i < 5; i++) {
      const session = new ApiClient(server, app.clock);
      assert.equal((await session.login('leader', 'Giaoban@2026-test')).status, 200);
      assert.equal((await session.request('POST', '/api/auth/totp', { code: '000000' })).status, 401);
    }
    // Locked now: neither the password nor a right code gets in from a new session.
    const after = new ApiClient(server, app.clock);
    const res = await after.login('leader', 'Giaoban@2026-test');
    assert.equal(res.status, 401);
    app.clock.set(new Date(app.clock.now().getTime() + 16 * 60_000));
    const later = new ApiClient(server, app.clock);
    assert.equal((await later.login('leader', 'Giaoban@2026-test')).status, 200);
    const code = generateTotp(secret, app.clock.now());
    // Codes are accepted with the space authenticator apps show.
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    assert.equal((await later.request('POST', '/api/auth/totp', { code: spaced })).status, 200);
  });

  it('gives a locked account and an unknown name the same status, body and similar time (reproduction 15)', async () => {
    for (let i = 0; i < 5; i++) await login('locked', `wrong-${i}`, '10.0.1.1');
    const time = async (username: string) => {
      const t = performance.now();
      const res = await login(username, 'Giaoban@2026-test', '10.0.1.2');
      return { ms: performance.now() - t, status: res.statusCode, body: res.body };
    };
    const locked: Array<Awaited<ReturnType<typeof time>>> = [];
    const unknown: Array<Awaited<ReturnType<typeof time>>> = [];
    for (let i = 0; i < 5; i++) {
      locked.push(await time('locked'));
      unknown.push(await time(`no-such-user-${i}`));
    }
    for (const r of [...locked, ...unknown]) {
      assert.equal(r.status, 401);
      assert.equal(r.body, unknown[0]?.body);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const a = median(locked.map((r) => r.ms));
    const b = median(unknown.map((r) => r.ms));
    assert.ok(Math.max(a, b) / Math.min(a, b) < 3, `locked ${a.toFixed(0)} ms vs unknown ${b.toFixed(0)} ms`);
  });
});
