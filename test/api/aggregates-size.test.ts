// The national aggregates answer (the dashboard's first cards and the pivot) states the units that have not reported
// once per form instead of in every row: it stays small, and a client still finds, for every row, exactly which
// units have not reported.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { readAggregates } from '../../src/analytics/reads.ts';
import { aggregatesSchema } from '../../src/contract/analytics.ts';
import { useApiSuite } from '../support/api-suite.ts';
import type { TestApp } from '../support/app.ts';
import { signIn } from '../support/canary.ts';
import type { ApiClient } from '../support/http.ts';

const LIMIT = 150 * 1024;

describe('the aggregates answer', () => {
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
        { username: 'size.analyst', role: 'analyst', unitCode: 'BCA' },
        'none',
      )
    ).client;
  });

  it('stays under 150 KB nationally and lists, for every row, the units that have not reported', async () => {
    // [period, query, whether some unit has not reported]
    for (const [period, extra, someMissing] of [
      ['2026-10', '&ytd=false', true],
      ['2026-10', '', true],
      ['2025-08', '&include=approved', true],
      ['2020-02', '&include=draft', false],
    ] as const) {
      const url = `/api/aggregates?unit=BCA&period=${period}&compare=true${extra}`;
      const res = await analyst.get(url);
      assert.equal(res.status, 200, url);
      const body = aggregatesSchema.parse(res.body);
      const size = Buffer.byteLength(JSON.stringify(res.body));
      assert.ok(size < LIMIT, `${url}: ${size} bytes`);
      // The per-row lists as the engine computes them (what the answer carried in every row before).
      const include = extra.includes('approved') ? 'approved' : extra.includes('draft') ? 'draft' : undefined;
      const full = await readAggregates(
        app.ctx,
        { clearance: 'none' },
        { unit: 'BCA', period, compare: true, ...(include ? { include } : {}) },
      );
      const perRow = new Map(
        full.rows.map((r) => [`${r.indicator}|${r.option}`, r.coverage?.missing ?? null]),
      );
      assert.equal(body.rows.length, full.rows.length, url);
      let listed = 0;
      for (const row of body.rows) {
        const expected = perRow.get(`${row.indicator}|${row.option}`);
        assert.notEqual(expected, undefined, `${url}: ${row.indicator}`);
        if (row.coverage === null) {
          assert.equal(expected, null, `${url}: ${row.indicator}`);
          continue;
        }
        const missing = body.missingUnits[row.coverage.form];
        assert.deepEqual(missing, expected, `${url}: ${row.indicator}/${row.option}`);
        assert.equal(row.coverage.reported + (missing?.length ?? 0), row.coverage.expected, url);
        listed += missing?.length ?? 0;
      }
      assert.equal(listed > 0, someMissing, `${url}: ${listed} units listed`);
      // Only the forms of the rows shown: none whose rows were all withheld from this reader without clearance.
      const shownForms = new Set(body.rows.flatMap((r) => (r.coverage ? [r.coverage.form] : [])));
      assert.deepEqual(Object.keys(body.missingUnits).sort(), [...shownForms].sort(), url);
      assert.ok(body.withheld > 0, `${url}: some rows are classified`);
      assert.ok(!('BC-ANNINH' in body.missingUnits), `${url}: the classified security form is not listed`);
      assert.ok(!('missing' in (body.rows.find((r) => r.coverage)?.coverage ?? {})), url);
    }
  });

  it('lists the same units as the completeness of the monthly form', async () => {
    const period = '2026-10';
    const res = await analyst.get(`/api/aggregates?unit=BCA&period=${period}&compare=true&ytd=false`);
    const completeness = await analyst.get(`/api/completeness?form=BC-THANG&unit=BCA&period=${period}`);
    assert.equal(res.status, 200);
    assert.equal(completeness.status, 200);
    const units = completeness.body.units as Array<{ unit: string; timeliness: string }>;
    const notReported = units
      .filter((u) => u.timeliness === 'missing')
      .map((u) => u.unit)
      .sort();
    assert.ok(notReported.length > 0);
    const rows = (res.body.rows as Array<{ coverage: { form: string } | null }>).filter(
      (r) => r.coverage?.form === 'BC-THANG',
    );
    assert.ok(rows.length > 0);
    assert.deepEqual(aggregatesSchema.parse(res.body).missingUnits['BC-THANG'], notReported);
  });
});
