/**
 * Reproduction 15 (second half) of issue 12, and a sweep of other hostile inputs: every one gets a 4xx with a
 * reason, never a 500.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

describe('no 500 for bad input', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let client: ApiClient;
  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    await createUser(app.ctx, { username: 'officer', role: 'officer', unitCode: '40', clearance: 'none' });
    await createUser(app.ctx, { username: 'analyst', role: 'analyst', unitCode: 'BCA', clearance: 'none' });
    client = new ApiClient(server, app.clock);
    await client.signIn('analyst', 'Giaoban@2026-test');
  });

  const assertReasoned = (res: { status: number; body: Record<string, unknown> }, what: string) => {
    assert.ok(res.status >= 400 && res.status < 500, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
    assert.equal(typeof res.body.message, 'string', what);
  };

  it('refuses 5,000 duplicate cells in one PUT with a reason (reproduction 15)', async () => {
    const officer = new ApiClient(server, app.clock);
    await officer.signIn('officer', 'Giaoban@2026-test');
    const cells = Array.from({ length: 5000 }, (_, i) => ({
      indicator: 'crime.occurred',
      option: null,
      value: i,
      version: 0,
    }));
    const res = await officer.request('PUT', '/api/values', {
      form: 'BC-THANG',
      unit: '40',
      period: '2026-10',
      cells,
    });
    assertReasoned(res, 'duplicate cells');
    assert.match(String(res.body.message), /trùng/);
  });

  it('refuses a 35-year day range with compare with a reason (reproduction 15)', async () => {
    const res = await client.request(
      'GET',
      '/api/aggregates?unit=BCA&period=1990-01-01..2025-01-01&compare=true',
    );
    assertReasoned(res, '35-year range');
    assert.match(String(res.body.message), /khoảng ngày/);
  });

  it('answers other hostile inputs with a 4xx', async () => {
    const probes: Array<[string, string, unknown?]> = [
      ['GET', '/api/aggregates?unit=BCA&period=2020-02-30'],
      ['GET', '/api/aggregates?unit=BCA&period=2020-13'],
      ['GET', '/api/aggregates?unit=BCA&period=2025-01-01..2020-01-01'],
      ['GET', '/api/aggregates?unit=%00&period=2020-02'],
      ['GET', '/api/aggregates?unit=BCA&period=2020-02&asOf=not-a-date'],
      ['GET', '/api/aggregates/series?unit=BCA&indicator=crime.occurred&from=2020-01&to=1990-01'],
      ['GET', '/api/aggregates/series?unit=BCA&indicator=crime.occurred&from=1900-01&to=2100-12'],
      [
        'GET',
        '/api/aggregates/ranking?unit=BCA&period=1990-01-01..2025-01-01&indicator=crime.occurred&compare=true',
      ],
      ['GET', '/api/tet?year=99999'],
      ['GET', '/api/values?form=BC-THANG&unit=40&period=9999-99'],
      [
        'PUT',
        '/api/values',
        {
          form: 'BC-THANG',
          unit: '40',
          period: '2026-10',
          cells: [{ indicator: 'x', option: null, value: 1e308 }],
        },
      ],
      [
        'PUT',
        '/api/values',
        {
          form: 'BC-THANG',
          unit: '40',
          period: '2026-10',
          cells: [{ indicator: 'crime.occurred', option: null, value: -1, version: 0 }],
        },
      ],
      ['POST', '/api/extract', { text: 'x'.repeat(300_000) }],
      ['GET', '/api/exports?unit=40&period=2026-10&form=BC-THANG&format=pdf'],
    ];
    for (const [method, url, body] of probes) {
      const res = await client.request(method as 'GET', url, body);
      assert.ok(
        res.status < 500,
        `${method} ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
      );
    }
  });
});
