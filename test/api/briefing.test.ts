import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { provinceMapSchema } from '../../src/contract/index.ts';
import { loadBriefingDemo } from '../../src/demo/briefing.ts';
import { meetingsForCli } from '../../src/meetings/cli.ts';
import { buildServer } from '../../src/server/app.ts';
import { tasksForCli } from '../../src/tasks/cli.ts';
import { createTestApp, createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

const PASSWORD = 'Giaoban@2026-test';

describe('briefing: meetings, directives and tasks, campaigns, targets', () => {
  let app: TestApp;
  let server: FastifyInstance;

  before(async () => {
    app = await createTestApp({ demo: true });
    // Loaded here unless the demo template already includes it; a second call changes nothing.
    await loadBriefingDemo(app.ctx);
    assert.deepEqual(await loadBriefingDemo(app.ctx), { loaded: false });
    server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    await createUser(app.ctx, { username: 'office', role: 'analyst', unitCode: 'BCA' });
    await createUser(app.ctx, { username: 'hanoi', role: 'officer', unitCode: '01' });
    await createUser(app.ctx, { username: 'hcm', role: 'officer', unitCode: '79' });
  });
  after(async () => {
    await server?.close();
    await app?.close();
  });

  it('lists the demo meetings and tasks from the CLI functions with derived statuses', async () => {
    const meetings = await meetingsForCli(app.ctx);
    const feb = meetings.find((m) => m.period === '2020-02');
    assert.ok(feb);
    assert.match(feb.chair, /Đại tướng Tô Lâm/);
    assert.equal(feb.conclusion?.number, '56/TB-BCA');
    const today = await tasksForCli(app.ctx, {});
    const statuses = new Set(today.map((t) => t.status));
    for (const s of ['done_on_time', 'done_late', 'overdue']) assert.ok(statuses.has(s as never), s);
    const covid = today.filter((t) => /Covid-19/.test(t.directive));
    assert.deepEqual(Object.fromEntries(covid.map((t) => [t.unit, t.status])), {
      V01: 'done_on_time',
      '79': 'done_late',
      '01': 'overdue',
    });
    // As of 20/03/2020 the Tết summary task of C08 had been returned; by 16/03 it was already overdue.
    const march = await tasksForCli(app.ctx, { at: '2020-03-20', unit: 'C08' });
    assert.equal(march[0]?.status, 'overdue');
    assert.equal(march[0]?.stateStored, 'in_progress');
    const overdue = await tasksForCli(app.ctx, { status: 'overdue' });
    assert.ok(overdue.every((t) => t.status === 'overdue'));
    await assert.rejects(() => tasksForCli(app.ctx, { status: 'late' }), /không hợp lệ/);
  });

  it('freezes the pack as of the meeting and follows up the previous conclusions', async () => {
    const office = new ApiClient(server, app.clock);
    await office.signIn('office', PASSWORD);
    const list = await office.get('/api/meetings');
    assert.equal(list.status, 200);
    const meetings = list.body.meetings as Array<{ id: number; period: string }>;
    const march = meetings.find((m) => m.period === '2020-03');
    assert.ok(march);
    const pack = await office.get(`/api/meetings/${march.id}/pack`);
    assert.equal(pack.status, 200);
    assert.equal(pack.body.frozen, true);
    assert.equal(pack.body.asOf, '2020-03-26');
    const followUp = pack.body.followUp as { tasks: Array<{ unit: string; status: string }> };
    assert.ok(followUp.tasks.some((t) => t.unit === 'C08' && t.status === 'overdue'));
    assert.ok((pack.body.figures as unknown[]).length > 0);
  });

  it('runs a meeting through a directive, a report, confirmation and an overdue follow-up', async () => {
    const office = new ApiClient(server, app.clock);
    await office.signIn('office', PASSWORD);
    const created = await office.request('POST', '/api/meetings', {
      period: '2026-11',
      heldOn: '2026-11-29',
      place: 'Hà Nội',
      chair: 'Bộ trưởng',
      participants: ['01', '79'],
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const id = created.body.id as number;
    const directive = await office.request('POST', `/api/meetings/${id}/directives`, {
      content: 'Rà soát, bảo đảm ANTT dịp cuối năm',
      leadUnit: '01',
      coordinatingUnits: ['79'],
      deadline: { kind: 'date', date: '2026-12-05' },
      version: await office.meetingVersion(id),
    });
    assert.equal(directive.status, 200, JSON.stringify(directive.body));
    const [hanoiTask, hcmTask] = directive.body.taskIds as number[];

    const hanoi = new ApiClient(server, app.clock);
    await hanoi.signIn('hanoi', PASSWORD);
    const mine = await hanoi.get('/api/tasks?scope=mine');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const listed = (mine.body.tasks as Array<{ id: number; version: number }>).find(
      (t) => t.id === hanoiTask,
    );
    assert.ok(listed);
    // A province cannot report for another one, nor confirm its own work.
    assert.equal(
      (await hanoi.request('POST', `/api/tasks/${hcmTask}/report`, { note: 'x', version: 1 })).status,
      403,
    );
    // An action without the version the task was read at is refused, never applied blindly (428).
    const blind = await hanoi.request('POST', `/api/tasks/${hanoiTask}/report`, { note: 'x' });
    assert.equal(blind.status, 428, JSON.stringify(blind.body));
    const reported = await hanoi.request('POST', `/api/tasks/${hanoiTask}/report`, {
      note: 'Đã triển khai kế hoạch',
      version: listed.version,
    });
    assert.equal(reported.status, 200);
    const stale = await hanoi.request('POST', `/api/tasks/${hanoiTask}/report_done`, {
      note: 'Hoàn thành',
      version: listed.version,
    });
    assert.equal(stale.status, 409, JSON.stringify(stale.body));
    const doneRes = await hanoi.request('POST', `/api/tasks/${hanoiTask}/report_done`, {
      note: 'Hoàn thành',
      version: reported.body.version,
    });
    assert.equal(doneRes.body.stateStored, 'reported_done');
    const version = doneRes.body.version as number;
    assert.equal((await hanoi.request('POST', `/api/tasks/${hanoiTask}/confirm`, { version })).status, 403);
    const missing = await office.request('POST', `/api/tasks/${hanoiTask}/return`, { version });
    assert.equal(missing.status, 400);
    const confirmed = await office.request('POST', `/api/tasks/${hanoiTask}/confirm`, { version });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.status, 'done_on_time');

    app.clock.set('2026-12-10');
    // Sessions lapse over eleven idle days: sign in again on the new date.
    await office.signIn('office', PASSWORD);
    const next = await office.request('POST', '/api/meetings', {
      period: '2026-12',
      heldOn: '2026-12-10',
      place: 'Hà Nội',
      chair: 'Bộ trưởng',
    });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    const pack = await office.get(`/api/meetings/${next.body.id}/pack`);
    assert.equal(pack.status, 200, JSON.stringify(pack.body));
    const overdue = pack.body.overdue as Array<{ id: number; unit: string }>;
    assert.ok(overdue.some((t) => t.id === hcmTask && t.unit === '79'));
    assert.ok(!overdue.some((t) => t.id === hanoiTask));
    const tasks = await office.get(`/api/tasks?meeting=${id}`);
    const summary = tasks.body.summary as { completionRate: number; overdue: number };
    assert.equal(summary.completionRate, 50);
    assert.equal(summary.overdue, 1);
    app.clock.set('2026-11-29');
  });

  it('compares the Tết 2020 campaign with Tết 2019, lunar-aligned, and ranks provinces', async () => {
    const office = new ApiClient(server, app.clock);
    await office.signIn('office', PASSWORD);
    const campaigns = (await office.get('/api/campaigns')).body.campaigns as Array<{
      id: number;
      year: number;
    }>;
    const tet2020 = campaigns.find((c) => c.year === 2020);
    assert.ok(tet2020);
    const res = await office.get(`/api/campaigns/${tet2020.id}/summary`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const s = res.body as {
      windows: { current: { start: string; end: string }; lastYear: { start: string; end: string } };
      totals: Array<{ indicator: string; value: number; lastYear: number }>;
      units: Array<{ unit: string; rank: number }>;
      commendations: unknown[];
    };
    assert.deepEqual(s.windows.current, { start: '2020-01-17', end: '2020-02-03' });
    assert.equal(s.windows.lastYear.start, '2019-01-28');
    const deaths = s.totals.find((t) => t.indicator === 'traffic.deaths');
    assert.ok(deaths && deaths.value > 0 && deaths.lastYear > 0);
    assert.equal(s.units.length, 63);
    assert.equal(s.units[0]?.rank, 1);
    assert.equal(s.commendations.length, 3);
  });

  it('shows commune police progress against the 100% target and the provinces behind', async () => {
    const office = new ApiClient(server, app.clock);
    await office.signIn('office', PASSWORD);
    const targets = (await office.get('/api/targets')).body.targets as Array<{ id: number }>;
    const res = await office.get(`/api/targets/${targets[0]?.id}/progress?at=2020-06-30`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.total, 63);
    assert.ok((res.body.behind as unknown[]).length > 0);
    const later = await office.get(`/api/targets/${targets[0]?.id}/progress?at=2022-06-30`);
    assert.equal(later.body.reached, 63);
    // Each answer names the map its units are drawn on: every unit listed is a province of that era's outlines.
    for (const at of ['2025-06-30', '2025-07-01']) {
      const progress = await office.get(`/api/targets/${targets[0]?.id}/progress?at=${at}`);
      assert.equal(progress.status, 200, at);
      const era = progress.body.era as string;
      const outlines = await office.get(`/api/geo/provinces/${era}`);
      const onMap = new Set(
        provinceMapSchema.parse(outlines.body).geojson.features.map((f) => f.properties.code),
      );
      const units = progress.body.units as Array<{ unit: string }>;
      assert.equal(units.length, onMap.size, `${at}: one unit per province of the ${era} map`);
      assert.deepEqual(
        units.filter((u) => !onMap.has(u.unit)).map((u) => u.unit),
        [],
        `${at}: every unit is on the ${era} map`,
      );
    }
    const officer = new ApiClient(server, app.clock);
    await officer.signIn('hanoi', PASSWORD);
    assert.equal((await officer.get('/api/targets')).status, 403);
  });
});
