import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { composeBriefing } from '../../src/documents/index.ts';
import { buildBriefingReport } from '../../src/reports/briefing.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

const PASSWORD = 'Giaoban@2026-test';

describe('report records: events register, symbol and signers per unit', () => {
  let app: TestApp;
  let server: FastifyInstance;
  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    await createUser(app.ctx, { username: 'office', role: 'analyst', unitCode: 'BCA' });
    await createUser(app.ctx, { username: 'hanoi', role: 'officer', unitCode: '01' });
  });

  it('keeps what the office writes in the register across regeneration, and refuses bad input', async () => {
    const office = new ApiClient(server, app.clock);
    await office.signIn('office', PASSWORD);
    const added = await office.request('POST', '/api/reports/events', {
      unit: 'BCA',
      date: '2020-02-01',
      text: 'Bảo đảm an ninh các sự kiện năm Chủ tịch ASEAN 2020',
    });
    assert.equal(added.status, 201);
    assert.equal(
      (await office.request('POST', '/api/reports/events', { unit: 'BCA', date: 'hôm qua', text: 'x' }))
        .status,
      400,
    );
    const listed = await office.request('GET', '/api/reports/events?period=2020-02&unit=BCA');
    assert.equal(listed.status, 200);
    assert.equal((listed.body as { events: unknown[] }).events.length, 1);
    for (let i = 0; i < 2; i++) {
      const report = await buildBriefingReport(app.ctx, {
        unit: 'BCA',
        period: '2020-02',
        clearance: 'none',
      });
      const text = composeBriefing(report).body.map((b) => b.text);
      assert.ok(text.includes('Ngày 01/02/2020, bảo đảm an ninh các sự kiện năm Chủ tịch ASEAN 2020.'));
    }
    // A province officer cannot write into the ministry's register.
    const hanoi = new ApiClient(server, app.clock);
    await hanoi.signIn('hanoi', PASSWORD);
    const denied = await hanoi.request('POST', '/api/reports/events', {
      unit: 'BCA',
      date: '2020-02-01',
      text: 'Không được ghi',
    });
    assert.equal(denied.status, 403);
  });

  it('prints the configured symbol and the chosen signer', async () => {
    const office = new ApiClient(server, app.clock);
    await office.signIn('office', PASSWORD);
    const saved = await office.request('PUT', '/api/reports/settings', {
      unit: 'BCA',
      version: 0,
      symbol: 'BC-BCA-V01',
      signers: [
        { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', rank: 'Thượng tướng', name: 'Lê Văn Một' },
        { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', rank: 'Trung tướng', name: 'Phạm Văn Hai' },
      ],
    });
    assert.equal(saved.status, 200);
    assert.equal(
      (
        await office.request('PUT', '/api/reports/settings', {
          unit: 'BCA',
          version: 1,
          symbol: 'bc bca',
          signers: [],
        })
      ).status,
      400,
    );
    const report = await buildBriefingReport(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      clearance: 'none',
      signer: 1,
    });
    const c = composeBriefing(report);
    assert.equal(c.signerName, 'Trung tướng Phạm Văn Hai');
    assert.match(c.numberLine, /\/BC-BCA-V01$/);
    const bad = await office.request('GET', '/api/reports/briefing?period=2020-02&unit=BCA&signer=5');
    assert.equal(bad.status, 400);
  });
});
