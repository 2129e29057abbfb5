import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { generateTotp } from '../../src/auth/totp.ts';
import { buildServer } from '../../src/server/app.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createTestApp, createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

describe('accounts and sign-in', () => {
  let app: TestApp;
  let server: FastifyInstance;
  useApiSuite({}, async (suite) => {
    ({ app, server } = suite);
    await createUser(app.ctx, { username: 'leader', role: 'leader', unitCode: 'BCA', clearance: 'toi_mat' });
    await createUser(app.ctx, { username: 'analyst', role: 'analyst', unitCode: 'BCA', clearance: 'none' });
    await createUser(app.ctx, { username: 'target', role: 'analyst', unitCode: 'BCA', clearance: 'none' });
  });

  it('makes a leader enrol a second factor before anything else, then asks for a fresh code at every sign-in', async () => {
    const client = new ApiClient(server, app.clock);
    const login = await client.login('leader', 'Giaoban@2026-test');
    assert.equal(login.status, 200);
    assert.equal(login.body.secondFactor, 'enrol');
    assert.equal((await client.get('/api/aggregates?unit=BCA&period=2020-02')).status, 401);
    const enrol = await client.request('POST', '/api/auth/totp/enrol', {});
    assert.equal(enrol.status, 200);
    const secret = String(enrol.body.secret);
    assert.match(String(enrol.body.otpauthUrl), /^otpauth:\/\/totp\/giaoban/);
    // The QR code is drawn by the server (no outside service sees the secret).
    const qr = String(enrol.body.qrCode);
    assert.match(qr, /^data:image\/svg\+xml;base64,/);
    assert.match(Buffer.from(qr.split(',')[1] ?? '', 'base64').toString('utf8'), /<svg[^>]*>.*<path/s);
    const wrong = await client.request('POST', '/api/auth/totp/confirm', { code: '000000' });
    assert.equal(wrong.status, 401);
    const code = generateTotp(secret, app.clock.now());
    const confirm = await client.request('POST', '/api/auth/totp/confirm', { code });
    assert.equal(confirm.status, 200, JSON.stringify(confirm.body));
    assert.equal((await client.get('/api/aggregates?unit=BCA&period=2020-02')).status, 200);

    app.clock.set(new Date(app.clock.now().getTime() + 60_000));
    const again = new ApiClient(server, app.clock);
    const second = await again.login('leader', 'Giaoban@2026-test');
    assert.equal(second.body.secondFactor, 'code');
    assert.equal((await again.get('/api/aggregates?unit=BCA&period=2020-02')).status, 401);
    const fresh = generateTotp(secret, app.clock.now());
    assert.equal((await again.request('POST', '/api/auth/totp', { code: fresh })).status, 200);
    assert.equal((await again.get('/api/aggregates?unit=BCA&period=2020-02')).status, 200);
    // The same code cannot be used twice.
    const third = new ApiClient(server, app.clock);
    await third.login('leader', 'Giaoban@2026-test');
    assert.equal((await third.request('POST', '/api/auth/totp', { code: fresh })).status, 401);
  });

  it('locks an account after five failures, even against the right password, answering as for an unknown name', async () => {
    const client = new ApiClient(server, app.clock);
    for (let i = 0; i < 5; i++) assert.equal((await client.login('target', `wrong-${i}`)).status, 401);
    const locked = await client.login('target', 'Giaoban@2026-test');
    assert.equal(locked.status, 401);
    assert.match(String(locked.body.message), /khoá|khóa/);
    assert.deepEqual(locked.body, (await client.login('nobody-here', 'Giaoban@2026-test')).body);
    app.clock.set(new Date(app.clock.now().getTime() + 16 * 60_000));
    assert.equal((await client.login('target', 'Giaoban@2026-test')).status, 200);
  });

  it('enforces the password policy and refuses the last passwords again; other sessions end', async () => {
    const other = new ApiClient(server, app.clock);
    await other.login('analyst', 'Giaoban@2026-test');
    const client = new ApiClient(server, app.clock);
    await client.login('analyst', 'Giaoban@2026-test');
    const weak = await client.request('POST', '/api/auth/password', {
      current: 'Giaoban@2026-test',
      next: 'abc',
    });
    assert.equal(weak.status, 422);
    const same = await client.request('POST', '/api/auth/password', {
      current: 'Giaoban@2026-test',
      next: 'Giaoban@2026-test',
    });
    assert.equal(same.status, 422);
    assert.ok((same.body.issues as Array<{ reason: string }>).length > 0);
    const wrongCurrent = await client.request('POST', '/api/auth/password', {
      current: 'nope',
      next: 'Sông-Hồng-chảy-2026!',
    });
    assert.equal(wrongCurrent.status, 401);
    const ok = await client.request('POST', '/api/auth/password', {
      current: 'Giaoban@2026-test',
      next: 'Sông-Hồng-chảy-2026!',
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await other.get('/api/auth/me')).status, 401);
    assert.equal((await client.get('/api/auth/me')).status, 200);
    const back = await client.request('POST', '/api/auth/password', {
      current: 'Sông-Hồng-chảy-2026!',
      next: 'Giaoban@2026-test',
    });
    assert.equal(back.status, 422);
  });

  it('ends a session after 15 idle minutes', async () => {
    const client = new ApiClient(server, app.clock);
    await client.login('analyst', 'Sông-Hồng-chảy-2026!');
    assert.equal((await client.get('/api/auth/me')).status, 200);
    app.clock.set(new Date(app.clock.now().getTime() + 16 * 60_000));
    assert.equal((await client.get('/api/auth/me')).status, 401);
  });
});

describe('user administration', () => {
  let app: TestApp;
  let server: FastifyInstance;
  before(async () => {
    app = await createTestApp();
    server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    await createUser(app.ctx, { username: 'admin-nghean', role: 'admin', unitCode: '40', clearance: 'mat' });
  });
  after(async () => {
    await server?.close();
    await app?.close();
  });

  let secret: string | null = null;
  async function signedInAdmin(): Promise<ApiClient> {
    const client = new ApiClient(server, app.clock);
    const login = await client.login('admin-nghean', 'Giaoban@2026-test');
    if (secret === null) {
      assert.equal(login.body.secondFactor, 'enrol');
      const enrol = await client.request('POST', '/api/auth/totp/enrol', {});
      secret = String(enrol.body.secret);
      await client.request('POST', '/api/auth/totp/confirm', { code: generateTotp(secret, app.clock.now()) });
    } else {
      assert.equal(login.body.secondFactor, 'code');
      // A new time step, so that the code is not a replay of the enrolment's.
      app.clock.set(new Date(app.clock.now().getTime() + 30_000));
      assert.equal(
        (await client.request('POST', '/api/auth/totp', { code: generateTotp(secret, app.clock.now()) }))
          .status,
        200,
      );
    }
    return client;
  }

  it('creates an account with a temporary password that must be changed before any use', async () => {
    const admin = await signedInAdmin();
    const commune = app.ctx.graph
      .childrenOn(app.ctx.graph.findByCode('40', app.ctx.clock.today())?.id ?? 0, app.ctx.clock.today())
      .map((id) => app.ctx.graph.require(id).code)[0] as string;
    const created = await admin.request('POST', '/api/users', {
      username: 'canbo.moi',
      displayName: 'Cán bộ mới',
      role: 'officer',
      unit: commune,
      clearance: 'none',
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const password = String(created.body.password);
    const officer = new ApiClient(server, app.clock);
    await officer.login('canbo.moi', password);
    assert.equal((await officer.get(`/api/values?form=BC-THANG&unit=${commune}&period=2026-11`)).status, 403);
    assert.equal(
      (
        await officer.request('POST', '/api/auth/password', {
          current: password,
          next: 'Sông-Lam-xanh-2026!',
        })
      ).status,
      200,
    );
    assert.equal((await officer.get(`/api/values?form=BC-THANG&unit=${commune}&period=2026-11`)).status, 200);
  });

  it('cannot create accounts outside its subtree or above its own clearance', async () => {
    const admin = await signedInAdmin();
    const outside = await admin.request('POST', '/api/users', {
      username: 'x.hanoi',
      displayName: 'X',
      role: 'officer',
      unit: '01',
      clearance: 'none',
    });
    assert.equal(outside.status, 403);
    const above = await admin.request('POST', '/api/users', {
      username: 'x.above',
      displayName: 'X',
      role: 'analyst',
      unit: '40',
      clearance: 'toi_mat',
    });
    assert.equal(above.status, 403);
    const list = await admin.get('/api/users');
    assert.ok((list.body.users as Array<{ username: string }>).every((u) => u.username !== 'x.hanoi'));
  });
});
