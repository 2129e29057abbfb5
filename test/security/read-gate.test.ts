import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { useApiSuite } from '../support/api-suite.ts';
import type { TestApp } from '../support/app.ts';
import {
  CANARY_PERIOD,
  FIGURE_CANARY,
  FIGURE_CANARY_PATTERN,
  type Principal,
  plantCanaries,
  signIn,
  signInPrincipals,
  TEXT_CANARY,
} from '../support/canary.ts';

/**
 * Issue 12's reproductions about reads, each on a fresh demo database after a Tuyệt mật leader classified
 * province 40's crime.occurred as Tối mật and added a Tuyệt mật directive to the latest meeting.
 */
describe('one read gate: the reproductions', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let analyst: Principal;
  let approver: Principal;
  let commune: Principal;
  let toiMat: Principal;
  let top: Principal;
  let planted: { meetingId: number; taskIds: number[] };

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    ({ top, toiMat, analyst, approver, commune } = await signInPrincipals(server, app.ctx, app.clock, {
      top: 'lanhdao.tm',
      toiMat: 'lanhdao.toimat',
      analyst: 'phantich',
      approver: 'pheduyet40',
      commune: 'canbo.xa',
    }));
    planted = await plantCanaries(app.ctx, top.client);
  });

  it('(1) series, rankings, the Tết window and report trend tables apply secrecy decisions, carried up to the nation', async () => {
    const series = await analyst.client.get(
      `/api/aggregates/series?unit=40&indicator=crime.occurred&to=${CANARY_PERIOD}`,
    );
    assert.equal(series.status, 403);
    const national = await analyst.client.get(
      `/api/aggregates/series?unit=BCA&indicator=crime.occurred&to=${CANARY_PERIOD}`,
    );
    assert.equal(national.status, 403, 'the national total includes the Tối mật province');
    const cleared = await toiMat.client.get(
      `/api/aggregates/series?unit=40&indicator=crime.occurred&to=${CANARY_PERIOD}`,
    );
    assert.equal(cleared.status, 200);
    assert.equal(cleared.body.secrecy, 'toi_mat');
    assert.match(JSON.stringify(cleared.body), FIGURE_CANARY_PATTERN);

    const ranking = await approver.client.get(
      `/api/aggregates/ranking?unit=40&period=${CANARY_PERIOD}&indicator=crime.occurred`,
    );
    assert.equal(ranking.status, 403);
    const nationRanking = await analyst.client.get(
      `/api/aggregates/ranking?unit=BCA&period=${CANARY_PERIOD}&indicator=traffic.accidents&kind=province`,
    );
    assert.equal(nationRanking.status, 200);

    const aggregates = await analyst.client.get(`/api/aggregates?unit=BCA&period=${CANARY_PERIOD}`);
    const rows = aggregates.body.rows as Array<{ indicator: string }>;
    assert.ok(
      !rows.some((r) => r.indicator === 'crime.occurred'),
      'the decision on 40 classifies the nation',
    );
    assert.ok(!rows.some((r) => r.indicator === 'crime.solved_rate'), 'a rate over a classified part too');
    const leaderRows = (
      await toiMat.client.get(`/api/aggregates?unit=BCA&period=${CANARY_PERIOD}&indicator=crime.occurred`)
    ).body.rows as Array<{ secrecy: string }>;
    assert.equal(leaderRows[0]?.secrecy, 'toi_mat');

    const tet = await analyst.client.get('/api/aggregates/tet?unit=BCA&year=2026');
    assert.equal(tet.status, 200);
    assert.ok(!(tet.body.rows as Array<{ indicator: string }>).some((r) => r.indicator === 'crime.occurred'));
    assert.ok((tet.body.withheld as number) > 0);

    const report = await analyst.client.get(
      `/api/reports/briefing?period=${CANARY_PERIOD}&unit=BCA&format=xlsx`,
    );
    assert.equal(report.status, 200);
    const zip = await JSZip.loadAsync(report.raw);
    const xml = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n');
    assert.doesNotMatch(xml, FIGURE_CANARY_PATTERN);
    const leaderReport = await toiMat.client.get(
      `/api/reports/briefing?period=${CANARY_PERIOD}&unit=BCA&format=xlsx`,
    );
    assert.equal(leaderReport.headers['x-secrecy'], 'toi_mat');
    const leaderZip = await JSZip.loadAsync(leaderReport.raw);
    const leaderXml = (await Promise.all(Object.values(leaderZip.files).map((f) => f.async('string')))).join(
      '\n',
    );
    assert.match(leaderXml, new RegExp(String(FIGURE_CANARY)));
  });

  it('(2) corrections are filtered by clearance and classified reads of them are audited', async () => {
    const q = `/api/aggregates/corrections?unit=40&period=${CANARY_PERIOD}&asOf=2026-10-19T00:00:00Z`;
    const hidden = await approver.client.get(q);
    assert.equal(hidden.status, 200);
    assert.doesNotMatch(JSON.stringify(hidden.body), FIGURE_CANARY_PATTERN);
    assert.ok((hidden.body.withheld as number) >= 1);
    const shown = await toiMat.client.get(q);
    assert.match(JSON.stringify(shown.body), FIGURE_CANARY_PATTERN);
    const audit = await top.client.get('/api/audit?action=read.classified&limit=1000');
    const entries = audit.body.entries as Array<{ target: string; actorName: string }>;
    assert.ok(
      entries.some((e) => e.target.startsWith('corrections:40/') && e.actorName.startsWith('lanhdao.toimat')),
    );
  });

  it('(3) adding a directive needs the meeting’s management and clearance; the answer holds nothing the caller may not read', async () => {
    const body = {
      content: 'Tăng cường tuần tra kiểm soát',
      leadUnit: '40',
      deadline: { kind: 'date', date: '2026-12-31' },
      secrecy: 'none',
    };
    const byApprover = await approver.client.request(
      'POST',
      `/api/meetings/${planted.meetingId}/directives`,
      body,
    );
    assert.equal(byApprover.status, 403);
    assert.doesNotMatch(JSON.stringify(byApprover.body), /minutes|agenda/);
    const byAnalyst = await analyst.client.request(
      'POST',
      `/api/meetings/${planted.meetingId}/directives`,
      body,
    );
    assert.equal(byAnalyst.status, 403, 'an unclassified analyst cannot add to a Mật meeting');
    const byLeader = await toiMat.client.request('POST', `/api/meetings/${planted.meetingId}/directives`, {
      ...body,
      version: await toiMat.client.meetingVersion(planted.meetingId),
    });
    assert.equal(byLeader.status, 200);
    assert.ok(
      !JSON.stringify(byLeader.body).includes(TEXT_CANARY),
      'the answer leaves out the Tuyệt mật directive',
    );
  });

  it('(4) packs are read only within scope, and tasks in a pack only within the reader’s subtree and clearance', async () => {
    const byCommune = await commune.client.get(`/api/meetings/${planted.meetingId}/pack`);
    assert.equal(byCommune.status, 403);
    const byApprover = await approver.client.get(`/api/meetings/${planted.meetingId}/pack`);
    assert.equal(byApprover.status, 403);
    const byLeader = await toiMat.client.get(`/api/meetings/${planted.meetingId}/pack`);
    assert.equal(byLeader.status, 200);
  });

  it('(5) a Tuyệt mật directive never reaches lower clearances through the meeting, its conclusion, packs or reports', async () => {
    for (const p of [toiMat, approver, analyst, commune]) {
      for (const url of [
        `/api/meetings/${planted.meetingId}`,
        `/api/meetings/${planted.meetingId}/pack`,
        `/api/meetings/${planted.meetingId}/conclusion`,
        `/api/tasks/${planted.taskIds[0]}`,
      ]) {
        const res = await p.client.get(url);
        assert.ok(!JSON.stringify(res.body).includes(TEXT_CANARY), `${p.name} ${url}`);
      }
    }
    const detail = await toiMat.client.get(`/api/meetings/${planted.meetingId}`);
    assert.equal(detail.status, 200);
    assert.ok((detail.body.withheld as number) >= 1);
    const docx = await toiMat.client.get(
      `/api/reports/briefing?period=${CANARY_PERIOD}&unit=BCA&format=docx`,
    );
    const zip = await JSZip.loadAsync(docx.raw);
    const xml = await zip.file('word/document.xml')?.async('string');
    assert.ok(xml && !xml.includes(TEXT_CANARY));
    const full = await top.client.get(`/api/meetings/${planted.meetingId}`);
    assert.ok(JSON.stringify(full.body).includes(TEXT_CANARY), 'the Tuyệt mật leader reads it');
  });

  it('(6) audit entries are kept to the reader’s subtree; commendations without a unit list the caller’s subtree', async () => {
    await new (await import('../support/http.ts')).ApiClient(server).login('lanhdao.tm', 'wrong-password-1');
    const provinceLeader = await signIn(
      server,
      app.ctx,
      app.clock,
      { username: 'lanhdao40', role: 'leader', unitCode: '40' },
      'toi_mat',
    );
    const entries = (await provinceLeader.client.get('/api/audit?limit=1000')).body.entries as Array<{
      unitId: number | null;
      action: string;
    }>;
    const forty = app.ctx.graph.findByCode('40', '2026-11-29')?.id ?? -1;
    assert.ok(entries.length > 0);
    assert.ok(
      entries.every(
        (e) =>
          e.unitId !== null &&
          (e.unitId === forty || app.ctx.graph.isInSubtree(e.unitId, forty, '2026-11-29')),
      ),
    );
    const failedTop = (e: { action: string }) =>
      e.action === 'auth.sign_in_failed' && JSON.stringify(e).includes('lanhdao.tm');
    assert.ok(!entries.some(failedTop), 'no national sign-in failures');
    const national = (await top.client.get('/api/audit?limit=1000')).body.entries as Array<{
      unitId: number | null;
      action: string;
    }>;
    assert.ok(national.some(failedTop), 'the ministry reads the failure');

    const mine = (await approver.client.get('/api/commendations')).body.commendations as Array<{
      unit: string;
    }>;
    const all = (await toiMat.client.get('/api/commendations')).body.commendations as Array<{ unit: string }>;
    assert.ok(all.length > mine.length, 'the demo has commendations outside province 40');
    for (const c of mine) {
      const id = app.ctx.graph.findByCode(c.unit, '2026-11-29')?.id ?? -1;
      assert.ok(id === forty || app.ctx.graph.isInSubtree(id, forty, '2026-11-29'), c.unit);
    }
  });

  it('texts carry their own level: Tuyệt mật minutes and agenda items are left out for lower clearances, and that is said', async () => {
    const minutes = await top.client.request('PUT', `/api/meetings/${planted.meetingId}/minutes`, {
      minutes: `Biên bản: ${TEXT_CANARY} trao đổi phương án`,
      secrecy: 'tuyet_mat',
      version: await top.client.meetingVersion(planted.meetingId),
    });
    assert.equal(minutes.status, 200, JSON.stringify(minutes.body));
    const item = await top.client.request('POST', `/api/meetings/${planted.meetingId}/agenda`, {
      title: `Nội dung ${TEXT_CANARY}-AGENDA`,
      secrecy: 'tuyet_mat',
      version: await top.client.meetingVersion(planted.meetingId),
    });
    assert.equal(item.status, 200);
    const lowerMinutes = await toiMat.client.request('PUT', `/api/meetings/${planted.meetingId}/minutes`, {
      minutes: 'ghi đè',
      version: await top.client.meetingVersion(planted.meetingId),
    });
    assert.equal(lowerMinutes.status, 403, 'Tuyệt mật minutes cannot be overwritten from below');
    const seen = await toiMat.client.get(`/api/meetings/${planted.meetingId}`);
    assert.equal(seen.status, 200);
    assert.ok(!JSON.stringify(seen.body).includes(TEXT_CANARY));
    assert.equal(seen.body.minutes, null);
    assert.match(String(seen.body.notice), /vượt quá độ mật của người nhận đã được lược bỏ/);
    const full = await top.client.get(`/api/meetings/${planted.meetingId}`);
    assert.ok(JSON.stringify(full.body).includes(`${TEXT_CANARY}-AGENDA`));
    assert.equal(full.body.secrecy, 'tuyet_mat');
  });

  it('(9) every API answer carries Cache-Control: no-store', async () => {
    for (const url of [
      `/api/aggregates?unit=BCA&period=${CANARY_PERIOD}`,
      `/api/meetings/${planted.meetingId}/pack`,
      `/api/reports/briefing?period=${CANARY_PERIOD}&unit=BCA&format=pdf`,
      '/api/auth/me',
    ]) {
      const res = await toiMat.client.get(url);
      assert.equal(res.headers['cache-control'], 'no-store', url);
    }
  });
});
