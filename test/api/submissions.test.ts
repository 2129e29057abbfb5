import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

describe('reporting workflow and completeness', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let commune: string;
  const period = '2026-12';

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    const today = app.ctx.clock.today();
    const province = app.ctx.graph.findByCode('37', today);
    assert.ok(province);
    commune = app.ctx.graph
      .childrenOn(province.id, today)
      .map((id) => app.ctx.graph.require(id).code)
      .sort()[2] as string;
    await createUser(app.ctx, { username: 'officer', role: 'officer', unitCode: commune });
    await createUser(app.ctx, { username: 'approver', role: 'approver', unitCode: '37' });
    await createUser(app.ctx, { username: 'sibling-approver', role: 'approver', unitCode: '40' });
  });

  it('goes from draft to submitted to approved, and counts the commune on time', async () => {
    const officer = new ApiClient(server, app.clock);
    await officer.signIn('officer', 'Giaoban@2026-test');
    const due = await officer.get(`/api/submissions/due?unit=${commune}`);
    assert.equal(due.status, 200);
    assert.ok(
      (due.body.reports as Array<{ period: string; status: string }>).some(
        (r) => r.period === period && r.status === 'draft',
      ),
    );

    const save = await officer.request('PUT', '/api/values', {
      form: 'BC-THANG',
      unit: commune,
      period,
      cells: [
        { indicator: 'crime.occurred', option: null, value: 4, version: 0 },
        { indicator: 'drug.cases', option: null, value: 1, version: 0 },
      ],
    });
    assert.equal(save.status, 200, JSON.stringify(save.body));
    // One drug case and no suspect: a warning rule asks for an explanation before the report can go.
    const blocked = await officer.request('POST', '/api/submissions/submit', {
      form: 'BC-THANG',
      unit: commune,
      period,
    });
    assert.equal(blocked.status, 422);
    assert.ok((blocked.body.issues as Array<{ field: string }>).some((i) => i.field === 'drug.cases'));
    // The figures are named as the officer reads them, not by their codes.
    const reason = (blocked.body.issues as Array<{ reason: string }>).map((i) => i.reason).join(' ');
    assert.match(
      reason,
      /\(ô: Số vụ phạm tội về ma túy phát hiện, bắt giữ; Số đối tượng phạm tội về ma túy bắt giữ\)/,
    );
    assert.doesNotMatch(reason, /drug\.cases/);
    const fixed = await officer.request('PUT', '/api/values', {
      form: 'BC-THANG',
      unit: commune,
      period,
      cells: [{ indicator: 'drug.suspects', option: null, value: 2, version: 0 }],
    });
    assert.equal(fixed.status, 200);
    const submit = await officer.request('POST', '/api/submissions/submit', {
      form: 'BC-THANG',
      unit: commune,
      period,
    });
    assert.equal(submit.status, 200, JSON.stringify(submit.body));
    assert.equal(submit.body.status, 'submitted');
    // A submitted report cannot be edited any more.
    const edit = await officer.request('PUT', '/api/values', {
      form: 'BC-THANG',
      unit: commune,
      period,
      cells: [{ indicator: 'drug.cases', option: null, value: 2, version: 1 }],
    });
    assert.equal(edit.status, 423);
    // The officer cannot approve their own report.
    assert.equal(
      (await officer.request('POST', '/api/submissions/approve', { form: 'BC-THANG', unit: commune, period }))
        .status,
      403,
    );

    const sibling = new ApiClient(server, app.clock);
    await sibling.signIn('sibling-approver', 'Giaoban@2026-test');
    assert.equal(
      (await sibling.request('POST', '/api/submissions/approve', { form: 'BC-THANG', unit: commune, period }))
        .status,
      403,
    );

    const approver = new ApiClient(server, app.clock);
    await approver.signIn('approver', 'Giaoban@2026-test');
    const noReason = await approver.request('POST', '/api/submissions/return', {
      form: 'BC-THANG',
      unit: commune,
      period,
    });
    assert.equal(noReason.status, 409);
    const approve = await approver.request('POST', '/api/submissions/approve', {
      form: 'BC-THANG',
      unit: commune,
      period,
    });
    assert.equal(approve.status, 200, JSON.stringify(approve.body));
    assert.equal(approve.body.status, 'approved');

    const report = await approver.get(`/api/completeness?form=BC-THANG&unit=37&period=${period}`);
    assert.equal(report.status, 200);
    const units = report.body.units as Array<{ unit: string; timeliness: string; status: string }>;
    assert.deepEqual(
      units.filter((u) => u.unit === commune).map((u) => [u.timeliness, u.status]),
      [['on_time', 'approved']],
    );
    assert.equal(report.body.onTime, units.filter((u) => u.timeliness === 'on_time').length);
    assert.equal(
      (report.body.expected as number) - (report.body.onTime as number) - (report.body.late as number),
      report.body.missing,
    );
    const reminders = report.body.reminders as Array<{ province: string; missing: Array<{ code: string }> }>;
    assert.equal(reminders[0]?.province, '37');
    assert.ok(!reminders[0]?.missing.some((m) => m.code === commune));

    const history = await approver.get(`/api/submissions?form=BC-THANG&unit=${commune}&period=${period}`);
    assert.deepEqual(
      (history.body.events as Array<{ action: string }>).map((e) => e.action),
      ['submit', 'approve'],
    );
  });

  it('counts a report submitted after its deadline as late', async () => {
    app.clock.set('2027-01-20T08:00:00+07:00');
    try {
      const officer = new ApiClient(server, app.clock);
      await officer.signIn('officer', 'Giaoban@2026-test');
      const late = '2027-01';
      await officer.request('PUT', '/api/values', {
        form: 'BC-THANG',
        unit: commune,
        period: late,
        cells: [{ indicator: 'crime.occurred', option: null, value: 1, version: 0 }],
      });
      const submit = await officer.request('POST', '/api/submissions/submit', {
        form: 'BC-THANG',
        unit: commune,
        period: late,
      });
      assert.equal(submit.status, 200, JSON.stringify(submit.body));
      assert.equal(submit.body.timeliness, 'late');
    } finally {
      app.clock.set('2026-11-29');
    }
  });
});
