import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

describe('HTTP API', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let communeCode: string;
  let otherCommune: string;

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    const today = app.ctx.clock.today();
    const province = app.ctx.graph.findByCode('37', today);
    assert.ok(province);
    const communes = app.ctx.graph
      .childrenOn(province.id, today)
      .map((id) => app.ctx.graph.require(id).code)
      .sort();
    communeCode = communes[0] as string;
    otherCommune = communes[1] as string;
    await createUser(app.ctx, {
      username: 'analyst',
      role: 'analyst',
      unitCode: 'BCA',
      clearance: 'toi_mat',
    });
    await createUser(app.ctx, {
      username: 'officer',
      role: 'officer',
      unitCode: communeCode,
      clearance: 'none',
    });
  });

  it('serves the OpenAPI document and security headers without a session', async () => {
    const res = await server.inject({ url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/aggregates']);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
  });

  it('refuses data without a session and a wrong password with the same message as an unknown user', async () => {
    const anonymous = await server.inject({ url: '/api/aggregates?unit=BCA&period=2020-02' });
    assert.equal(anonymous.statusCode, 401);
    const client = new ApiClient(server, app.clock);
    const wrong = await client.login('analyst', 'not-the-password');
    const unknown = await client.login('nobody', 'not-the-password');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.message, unknown.body.message);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie and gives the national aggregates to an analyst', async () => {
    const res = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'analyst', password: 'Giaoban@2026-test' },
    });
    assert.equal(res.statusCode, 200);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const client = new ApiClient(server, app.clock);
    await client.signIn('analyst', 'Giaoban@2026-test');
    const agg = await client.get('/api/aggregates?unit=BCA&period=2020-02&compare=true');
    assert.equal(agg.status, 200);
    const rows = agg.body.rows as Array<{
      indicator: string;
      option: string | null;
      value: number;
      prev: number;
    }>;
    assert.equal(rows.find((r) => r.indicator === 'drug.cases')?.value, 1457);
    assert.equal(typeof rows.find((r) => r.indicator === 'drug.cases')?.prev, 'number');
    const ranking = await client.get('/api/aggregates/ranking?unit=BCA&period=2020-02&indicator=drug.cases');
    assert.equal(ranking.status, 200);
    const ranked = ranking.body.rows as Array<{ rank: number; value: number }>;
    assert.equal(ranked.length, 63 + 8);
    assert.ok(ranked.every((r, i) => i === 0 || (ranked[i - 1]?.value ?? 0) >= r.value));
  });

  it('keeps an officer to their own commune, and requires the CSRF token to write', async () => {
    const client = new ApiClient(server, app.clock);
    await client.signIn('officer', 'Giaoban@2026-test');
    const other = await client.get(`/api/values?form=BC-THANG&unit=${otherCommune}&period=2026-10`);
    assert.equal(other.status, 403);
    const national = await client.get('/api/aggregates?unit=BCA&period=2026-10');
    assert.equal(national.status, 403);
    const cells = [{ indicator: 'drug.cases', option: null, value: 3, version: 0 }];
    const noToken = await client.request(
      'PUT',
      '/api/values',
      { form: 'BC-THANG', unit: communeCode, period: '2026-12', cells },
      { csrf: false },
    );
    assert.equal(noToken.status, 403);
    const saved = await client.request('PUT', '/api/values', {
      form: 'BC-THANG',
      unit: communeCode,
      period: '2026-12',
      cells,
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.inserted, 1);
    const elsewhere = await client.request('PUT', '/api/values', {
      form: 'BC-THANG',
      unit: otherCommune,
      period: '2026-12',
      cells,
    });
    assert.equal(elsewhere.status, 403);
  });

  it('detects a concurrent edit and keeps the history of a figure', async () => {
    const client = new ApiClient(server, app.clock);
    await client.signIn('officer', 'Giaoban@2026-test');
    const base = { form: 'BC-THANG', unit: communeCode, period: '2027-01' };
    const first = await client.request('PUT', '/api/values', {
      ...base,
      cells: [{ indicator: 'crime.occurred', option: null, value: 5, version: 0 }],
    });
    assert.equal(first.status, 200);
    const second = await client.request('PUT', '/api/values', {
      ...base,
      cells: [{ indicator: 'crime.occurred', option: null, value: 6, version: 1 }],
    });
    assert.equal(second.status, 200);
    const stale = await client.request('PUT', '/api/values', {
      ...base,
      cells: [{ indicator: 'crime.occurred', option: null, value: 7, version: 1 }],
    });
    assert.equal(stale.status, 409);
    // Without the version it was read at, an update is refused, never applied over the other writer's.
    const blind = await client.request('PUT', '/api/values', {
      ...base,
      cells: [{ indicator: 'crime.occurred', option: null, value: 8 }],
    });
    assert.equal(blind.status, 428, JSON.stringify(blind.body));
    assert.match(String(blind.body.message), /phiên bản/);
    const history = await client.get(
      `/api/values/history?form=BC-THANG&unit=${communeCode}&period=2027-01&indicator=crime.occurred`,
    );
    assert.equal(history.status, 200);
    assert.deepEqual(
      (history.body.versions as Array<{ value: number }>).map((v) => v.value),
      [6, 5],
    );
  });

  it('rejects malformed input naming the field, and writes nothing', async () => {
    const client = new ApiClient(server, app.clock);
    await client.signIn('officer', 'Giaoban@2026-test');
    const base = { form: 'BC-THANG', unit: communeCode, period: '2027-02' };
    const negative = await client.request('PUT', '/api/values', {
      ...base,
      cells: [
        { indicator: 'drug.cases', option: null, value: 2, version: 0 },
        { indicator: 'drug.suspects', option: null, value: -1, version: 0 },
      ],
    });
    assert.equal(negative.status, 422);
    assert.deepEqual(
      (negative.body.issues as Array<{ row: number; field: string }>).map((i) => [i.row, i.field]),
      [[2, 'value']],
    );
    const fraction = await client.request('PUT', '/api/values', {
      ...base,
      cells: [{ indicator: 'drug.cases', option: null, value: 1.5, version: 0 }],
    });
    assert.equal(fraction.status, 422);
    const wrongType = await client.request('PUT', '/api/values', {
      ...base,
      cells: [{ indicator: 'drug.cases', option: null, value: 'nhiều' }],
    });
    assert.equal(wrongType.status, 400);
    const after = await client.get(`/api/values?form=BC-THANG&unit=${communeCode}&period=2027-02`);
    assert.ok((after.body.cells as Array<{ value: number | null }>).every((c) => c.value === null));
  });
});
