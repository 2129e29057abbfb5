// What the dashboard and the pivot read first: the month's figures against the month before and last year without
// the year to date (the same figures, statuses and secrecy as the full answer), and the province outlines of the
// map, written out once per era and sent as written, yet the answer the contract describes, behind the same gate.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { provinceMapSchema } from '../../src/contract/analytics.ts';
import { useApiSuite } from '../support/api-suite.ts';
import type { TestApp } from '../support/app.ts';
import { signIn } from '../support/canary.ts';
import type { ApiClient } from '../support/http.ts';

describe('the reads behind the dashboard', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let analyst: ApiClient;

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
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

  it('answers the month without the year to date with exactly the figures of the full answer', async () => {
    for (const [unit, period, include] of [
      ['BCA', '2026-10', ''],
      ['BCA', '2020-02', '&include=draft'],
      ['40', '2025-08', '&include=approved'],
      ['BCA', '2026-11', ''],
    ] as const) {
      const url = `/api/aggregates?unit=${unit}&period=${period}&compare=true${include}`;
      const full = await analyst.get(url);
      const short = await analyst.get(`${url}&ytd=false`);
      assert.equal(full.status, 200, url);
      assert.equal(short.status, 200, url);
      const rows = full.body.rows as Array<Record<string, unknown>>;
      assert.ok(
        rows.some((r) => r.ytd !== null && r.ytd !== undefined),
        `${url}: the full answer has a year to date`,
      );
      assert.ok(
        rows.some((r) => r.value !== null),
        url,
      );
      // Every field but the year to date's is the same, in the same order; the answer's data status too.
      const withoutYtd = rows.map((r) =>
        Object.fromEntries(
          Object.entries(r).filter(([k]) => !['ytd', 'ytd_prev', 'coverage_ytd', 'change_ytd'].includes(k)),
        ),
      );
      assert.deepEqual(short.body.rows, withoutYtd, url);
      assert.deepEqual({ ...short.body, rows: [] }, { ...full.body, rows: [] }, url);
      const again = await analyst.get(`${url}&ytd=true`);
      assert.deepEqual(again.body, full.body, url);
    }
    const bad = await analyst.get('/api/aggregates?unit=BCA&period=2026-10&compare=true&ytd=maybe');
    assert.equal(bad.status, 400);
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

  it('answers an era by its own address with the text every month of that era gets, as a ranking names it', async () => {
    for (const period of ['2025-06', '2025-07']) {
      const byMonth = await analyst.get(`/api/geo/provinces?period=${period}`);
      const ranking = await analyst.get(
        `/api/aggregates/ranking?unit=BCA&period=${period}&indicator=drug.cases&compare=false`,
      );
      assert.equal(ranking.status, 200, period);
      const era = (ranking.body as { era: string }).era;
      assert.equal(
        era,
        (byMonth.body as { era: string }).era,
        `the ranking of ${period} names its map's era`,
      );
      const byEra = await analyst.get(`/api/geo/provinces/${era}`);
      assert.equal(byEra.status, 200, era);
      assert.equal(String(byEra.raw), String(byMonth.raw), `era ${era}`);
      assert.match(String(byEra.headers['cache-control']), /max-age/);
      // The ranking lists the era's provinces, each found on its map.
      const codes = new Set(
        provinceMapSchema.parse(byEra.body).geojson.features.map((f) => f.properties.code),
      );
      const provinces = (ranking.body as { rows: Array<{ kind: string; code: string }> }).rows.filter(
        (row) => row.kind === 'province',
      );
      assert.ok(provinces.length > 0, period);
      assert.deepEqual(
        provinces.filter((row) => !codes.has(row.code)).map((row) => row.code),
        [],
        `every province of ${period}'s ranking is on the ${era} map`,
      );
    }
    assert.equal((await analyst.get('/api/geo/provinces/62')).status, 400);
    const anonymous = await server.inject({ method: 'GET', url: '/api/geo/provinces/34' });
    assert.equal(anonymous.statusCode, 401);
  });

  it('is refused without a session, and for a month outside the years periods can name', async () => {
    const anonymous = await server.inject({ method: 'GET', url: '/api/geo/provinces?period=2025-08' });
    assert.equal(anonymous.statusCode, 401);
    const bad = await analyst.get('/api/geo/provinces?period=2025-13');
    assert.equal(bad.status, 400);
  });
});
