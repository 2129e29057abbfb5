// The province outlines of the dashboard's map: written out once per era and sent as written, yet the same answer
// the contract describes, for each era, behind the same read gate.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { provinceMapSchema } from '../../src/contract/analytics.ts';
import { buildServer } from '../../src/server/app.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signIn } from '../support/canary.ts';
import type { ApiClient } from '../support/http.ts';

describe('the province map of an era', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let analyst: ApiClient;

  before(async () => {
    app = await createTestApp();
    server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    analyst = (
      await signIn(
        server,
        app.ctx,
        app.clock,
        { username: 'map.analyst', role: 'analyst', unitCode: 'BCA' },
        'none',
      )
    ).client;
  });
  after(async () => {
    await server?.close();
    await app?.close();
  });

  it('answers each month with its era, the same text for every month of an era, as the contract says', async () => {
    const answers = new Map<string, { era: string; text: string }>();
    for (const period of ['2024-11', '2025-05', '2025-08', '2026-10', '2024-11']) {
      const res = await analyst.get(`/api/geo/provinces?period=${period}`);
      assert.equal(res.status, 200, period);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const body = provinceMapSchema.parse(res.body);
      // Nothing beyond the contract is sent.
      assert.deepEqual(JSON.parse(String(res.raw)), body);
      answers.set(period, { era: body.era, text: String(res.raw) });
      assert.equal(
        body.geojson.features.length,
        new Set(body.geojson.features.map((f) => f.properties.code)).size,
      );
    }
    assert.equal(answers.get('2024-11')?.era, '63');
    assert.equal(answers.get('2025-05')?.text, answers.get('2024-11')?.text);
    assert.equal(answers.get('2025-08')?.era, '34');
    assert.equal(answers.get('2026-10')?.text, answers.get('2025-08')?.text);
    assert.notEqual(answers.get('2025-08')?.text, answers.get('2024-11')?.text);
  });

  it('is refused without a session, and for a month outside the years periods can name', async () => {
    const anonymous = await server.inject({ method: 'GET', url: '/api/geo/provinces?period=2025-08' });
    assert.equal(anonymous.statusCode, 401);
    const bad = await analyst.get('/api/geo/provinces?period=2025-13');
    assert.equal(bad.status, 400);
  });
});
