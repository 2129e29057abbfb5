import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { NO_OPTION } from '../../src/indicators/registry.ts';
import { writeValues } from '../../src/values/repository.ts';
import { useApiSuite } from '../support/api-suite.ts';
import type { TestApp } from '../support/app.ts';
import { type Principal, signIn } from '../support/canary.ts';

/** A figure no other value can produce, written into reports left in draft. */
const DRAFT_FIGURE = 7654321;
const DRAFT_PATTERN = /7[.,\u00a0\u202f ]?654[.,\u00a0\u202f ]?321/;
const UNIT = '40';
const MONTH = '2026-10';

type OpenApi = {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
};

/**
 * Every GET route of the OpenAPI document is either a route that reads figures, swept below, or named here with
 * the reason it is not: a new route must be put on one side or the other.
 */
const NOT_FIGURES: Record<string, string> = {
  '/healthz': 'operations',
  '/readyz': 'operations',
  '/metrics': 'operations',
  '/api/auth/me': 'the signed-in user',
  '/api/units': 'reference units',
  '/api/units/{code}': 'reference units',
  '/api/indicators': 'the catalogue',
  '/api/forms': 'the catalogue',
  '/api/periods/{id}': 'a period and its window',
  '/api/geo/provinces': 'boundaries',
  '/api/geo/provinces/{era}': 'boundaries',
  '/api/metadata': 'the catalogue in DHIS2 form',
  '/api/aggregates/corrections':
    'versions of single stored figures changed after a moment, each with its report, not a sum',
  '/api/submissions': 'one report: its status and history',
  '/api/submissions/due': 'report statuses, no figures',
  '/api/completeness': 'report statuses, no figures',
  '/api/values': 'one unit’s own report on the entry form, with that report’s status',
  '/api/values/history': 'the versions of one stored figure',
  '/api/validation/history':
    'a unit’s own stored figures of 12 months, read while it types its report (its own drafts included)',
  '/api/validation/open': 'counts of open warnings',
  '/api/users': 'accounts',
  '/api/audit': 'the audit log',
  '/api/audit/verify': 'the audit chain',
  '/api/secrecy/decisions': 'secrecy decisions',
  '/api/reports/briefing/issued': 'the register of issued documents',
  '/api/reports/briefing/issued/{id}': 'the signed PDF as issued: a record, never recomputed',
  '/api/reports/briefing/issued/{id}/verify': 'a signature check',
  '/api/reports/settings': 'document settings',
  '/api/reports/events': 'the register of events (texts)',
  '/api/reports/briefing/draft': 'the written parts of a report',
  '/api/notifications': 'the inbox',
  '/api/notifications/preferences': 'the inbox settings',
  '/api/meetings': 'the list of meetings',
  '/api/meetings/{id}': 'a meeting: agenda, directives, minutes',
  '/api/meetings/{id}/conclusion': 'the notice text',
  '/api/tasks': 'tasks',
  '/api/tasks/{id}': 'a task',
  '/api/campaigns': 'the list of campaigns',
  '/api/commendations': 'commendations',
  '/api/targets': 'the list of targets',
};

/**
 * Writes a figure into a monthly report and a daily report that stay drafts, then calls every GET route that
 * reads figures: by default the draft figure is in no answer; with include=draft it is in each, and each answer
 * says what it counts.
 */
describe('data status on every route that reads figures', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let reader: Principal;
  const ids = { meeting: 0, campaign: 0, target: 0 };

  useApiSuite({}, async (suite) => {
    ({ app, server } = suite);
    const { ctx } = app;
    reader = await signIn(
      server,
      ctx,
      app.clock,
      { username: 'trangthai.lanhdao', role: 'leader', unitCode: 'BCA' },
      'tuyet_mat',
    );
    const write = async (form: string, indicator: string, period: string, at: string) => {
      const f = ctx.catalogue.form(form);
      const ind = ctx.catalogue.indicator(indicator);
      const unit = ctx.graph.findByCode(UNIT, '2026-10-14');
      assert.ok(f && ind && unit);
      // Written within the data window (before any issue moment); the report is left a draft.
      await writeValues(
        ctx.store,
        ctx.graph,
        [
          {
            formId: f.id,
            unitId: unit.id,
            indicatorId: ind.id,
            optionId: NO_OPTION,
            period,
            value: DRAFT_FIGURE,
            comment: null,
          },
        ],
        { at, userId: null, source: 'api', reason: null },
      );
    };
    await write('BC-THANG', 'crime.occurred', MONTH, '2026-10-10T01:00:00.000Z');
    await write('BC-NGAY-TET', 'traffic.deaths', '2026-02-17', '2026-02-18T01:00:00.000Z');
    const statuses = await ctx.store.db.selectFrom('submission').select('status').execute();
    assert.deepEqual(
      statuses.map((s) => s.status),
      ['draft', 'draft'],
    );

    const post = async (url: string, body: unknown) => {
      const res = await reader.client.request('POST', url, body);
      assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
      return Number(res.body.id);
    };
    ids.meeting = await post('/api/meetings', {
      period: MONTH,
      heldOn: '2026-10-20',
      place: 'Hà Nội',
      chair: 'Đồng chí Bộ trưởng',
    });
    ids.campaign = await post('/api/campaigns', {
      series: 'tet',
      name: 'Cao điểm Tết Bính Ngọ',
      year: 2026,
      rule: { kind: 'tet', fromDay: -7, toDay: 9 },
      indicators: ['traffic.deaths'],
    });
    ids.target = await post('/api/targets', {
      name: 'Giảm tội phạm',
      indicator: 'crime.occurred',
      targetValue: 1,
      deadline: '2026-12-31',
    });
  });

  /** The routes that read figures, each with a call whose answer holds the draft figure when drafts count. */
  const figureRoutes = (): Record<string, string> => ({
    '/api/aggregates': `/api/aggregates?unit=${UNIT}&period=${MONTH}&indicator=crime.occurred&compare=true`,
    '/api/aggregates/ranking': `/api/aggregates/ranking?unit=BCA&period=${MONTH}&indicator=crime.occurred&compare=true`,
    '/api/aggregates/series': `/api/aggregates/series?unit=BCA&indicator=crime.occurred&to=${MONTH}&months=3`,
    '/api/aggregates/tet': '/api/aggregates/tet?unit=BCA&year=2026',
    '/api/exports/figures': `/api/exports/figures?form=BC-THANG&unit=BCA&period=${MONTH}&format=csv`,
    '/api/dataValueSets': `/api/dataValueSets?dataSet=BC-THANG&period=${MONTH}&orgUnit=BCA&idScheme=code&format=csv`,
    '/api/reports/briefing': `/api/reports/briefing?period=${MONTH}&unit=BCA&format=xlsx`,
    '/api/meetings/{id}/pack': `/api/meetings/${ids.meeting}/pack`,
    '/api/campaigns/{id}/summary': `/api/campaigns/${ids.campaign}/summary`,
    '/api/targets/{id}/progress': `/api/targets/${ids.target}/progress?at=2026-11-10`,
  });

  async function textOf(raw: Buffer): Promise<string> {
    if (raw.subarray(0, 2).toString('latin1') !== 'PK') return raw.toString('utf8');
    const zip = await JSZip.loadAsync(raw);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => f.async('string')),
    );
    return parts.join('\n');
  }

  it('classifies every GET route of the OpenAPI document, and every figure route takes include', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const routes = figureRoutes();
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!ops.get) continue;
      const figures = path in routes;
      assert.ok(figures !== path in NOT_FIGURES, `${path}: a figure route or named as not reading figures`);
      if (figures)
        assert.ok(
          (ops.get.parameters ?? []).some((p) => p.in === 'query' && p.name === 'include'),
          `${path} takes include`,
        );
    }
    for (const path of Object.keys(routes)) assert.ok(doc.paths[path]?.get, `${path} is in the document`);
  });

  it('leaves the draft figure out by default and counts it with include=draft, saying so, on every figure route', async () => {
    const failures: string[] = [];
    for (const [path, url] of Object.entries(figureRoutes())) {
      for (const include of [null, 'approved', 'draft'] as const) {
        const res = await reader.client.get(
          include ? `${url}${url.includes('?') ? '&' : '?'}include=${include}` : url,
        );
        if (res.status !== 200) {
          failures.push(
            `${path} include=${include}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
          );
          continue;
        }
        const text = await textOf(res.raw);
        const level = include ?? 'submitted';
        if (DRAFT_PATTERN.test(text) !== (include === 'draft'))
          failures.push(
            `${path} include=${include}: draft figure ${include === 'draft' ? 'missing' : 'present'}`,
          );
        // What the answer counts: in the body for JSON, in a header for files.
        const json = String(res.headers['content-type'] ?? '').includes('json');
        const stated = json
          ? res.body.include
          : /include=(\w+)/.exec(String(res.headers['x-data-status']))?.[1];
        if (stated !== level) failures.push(`${path} include=${include}: states ${String(stated)}`);
        if (json && path !== '/api/aggregates') {
          const coverage = res.body.statusCoverage as Array<{ statuses: Record<string, number> }> | undefined;
          if (!Array.isArray(coverage) || coverage.length === 0 || !coverage[0]?.statuses)
            failures.push(`${path}: no coverage by status`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
