import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

describe('the secrecy of aggregates', () => {
  let app: TestApp;
  let server: FastifyInstance;
  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    await createUser(app.ctx, { username: 'leader', role: 'leader', unitCode: 'BCA', clearance: 'mat' });
    await createUser(app.ctx, {
      username: 'analyst-open',
      role: 'analyst',
      unitCode: 'BCA',
      clearance: 'none',
    });
  });

  async function leader(): Promise<ApiClient> {
    const client = new ApiClient(server, app.clock);
    await client.signIn('leader', 'Giaoban@2026-test');
    return client;
  }

  it('classifies an aggregate at its highest input: security figures are withheld from a reader without clearance', async () => {
    // The cleared leader reads first and last: the answer kept for all readers, and the view of it made for a
    // clearance, must not reach a reader of another clearance in between.
    const cleared = await leader();
    const url = '/api/aggregates?unit=BCA&period=2020-02';
    const first = await cleared.get(url);
    const firstRows = first.body.rows as Array<{ indicator: string; secrecy: string }>;
    assert.ok(firstRows.some((r) => r.indicator.startsWith('security.')));
    const reader = new ApiClient(server, app.clock);
    await reader.signIn('analyst-open', 'Giaoban@2026-test');
    const res = await reader.get(url);
    const rows = res.body.rows as Array<{ indicator: string; secrecy: string }>;
    assert.ok(rows.every((r) => r.secrecy === 'none'));
    assert.ok(!rows.some((r) => r.indicator.startsWith('security.')));
    assert.ok((res.body.withheld as number) > 0);
    assert.deepEqual((await cleared.get(url)).body, first.body);
  });

  it('lets an authorised leader set another level with a recorded reason, and only within their own clearance', async () => {
    const client = await leader();
    const noReason = await client.request('POST', '/api/secrecy/decisions', {
      unit: 'BCA',
      indicator: 'drug.cases',
      level: 'mat',
      reason: 'vì',
    });
    assert.equal(noReason.status, 422);
    const tooHigh = await client.request('POST', '/api/secrecy/decisions', {
      unit: 'BCA',
      indicator: 'drug.cases',
      level: 'toi_mat',
      reason: 'Số liệu phục vụ chuyên án, chưa công bố',
    });
    assert.equal(tooHigh.status, 403);
    const set = await client.request('POST', '/api/secrecy/decisions', {
      unit: 'BCA',
      indicator: 'drug.cases',
      level: 'mat',
      reason: 'Số liệu phục vụ chuyên án, chưa công bố',
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));

    const reader = new ApiClient(server, app.clock);
    await reader.signIn('analyst-open', 'Giaoban@2026-test');
    const rows = (await reader.get('/api/aggregates?unit=BCA&period=2020-02')).body.rows as Array<{
      indicator: string;
    }>;
    assert.ok(!rows.some((r) => r.indicator === 'drug.cases'));
    const mine = (await client.get('/api/aggregates?unit=BCA&period=2020-02&indicator=drug.cases')).body
      .rows as Array<{
      secrecy: string;
      secrecyDecision?: { reason: string };
    }>;
    assert.equal(mine[0]?.secrecy, 'mat');
    assert.match(String(mine[0]?.secrecyDecision?.reason), /chuyên án/);

    const analyst = new ApiClient(server, app.clock);
    await analyst.signIn('analyst-open', 'Giaoban@2026-test');
    const refused = await analyst.request('POST', '/api/secrecy/decisions', {
      unit: 'BCA',
      indicator: 'drug.cases',
      level: 'none',
      reason: 'Không cần giữ bí mật nữa',
    });
    assert.equal(refused.status, 403);
    const audit = await app.ctx.store.db
      .selectFrom('audit_log')
      .select(['action', 'secrecy'])
      .where('action', '=', 'secrecy.override')
      .execute();
    assert.equal(audit.length, 1);
  });
});
