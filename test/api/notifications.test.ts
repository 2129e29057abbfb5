// Notifications: a return and an approval reach the officer's inbox, and by e-mail through a real SMTP server on
// loopback when the officer wants it; the periodic job announces a deadline two days away and an overdue task
// once, however often it runs.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { resolvePeriod } from '../../src/app/resolve.ts';
import { smtpMailer } from '../../src/notifications/mailer.ts';
import { runNotificationJob, useMailer } from '../../src/notifications/service.ts';
import { buildServer } from '../../src/server/app.ts';
import { deadlineFor } from '../../src/submissions/deadlines.ts';
import { listTasks } from '../../src/tasks/service.ts';
import { addDays } from '../../src/vietnamese/dates.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createTestApp, createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

interface Mail {
  to: string[];
  raw: string;
}

describe('notifications', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let smtp: SMTPServer;
  const mails: Mail[] = [];
  let commune: string;
  let other: string;
  const period = '2026-12';

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => {
          raw += chunk.toString('utf8');
        });
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    useMailer(smtpMailer(`smtp://127.0.0.1:${port}`, 'giaoban@bca.test'));

    app = await createTestApp({ demo: true });
    server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    const today = app.ctx.clock.today();
    const province = app.ctx.graph.findByCode('37', today);
    assert.ok(province);
    const communes = app.ctx.graph
      .childrenOn(province.id, today)
      .map((id) => app.ctx.graph.require(id).code)
      .sort();
    commune = communes[3] as string;
    other = communes[4] as string;
    await createUser(app.ctx, { username: 'officer', role: 'officer', unitCode: commune });
    await createUser(app.ctx, { username: 'officer2', role: 'officer', unitCode: other });
    await createUser(app.ctx, { username: 'approver', role: 'approver', unitCode: '37' });
  });
  after(async () => {
    useMailer(null);
    await server?.close();
    await app?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('tells the officer of a return (with the reason, in the inbox and by e-mail) and of an approval', async () => {
    const officer = new ApiClient(server, app.clock);
    await officer.signIn('officer', 'Giaoban@2026-test');
    const prefs = await officer.get('/api/notifications/preferences');
    assert.equal(prefs.status, 200);
    assert.equal(prefs.body.emailEnabled, true);
    // E-mail for returns, the inbox only for approvals.
    const kinds = (prefs.body.kinds as Array<{ kind: string; inApp: boolean; email: boolean }>).map((k) => ({
      kind: k.kind,
      inApp: k.inApp,
      email: k.kind !== 'report_approved',
    }));
    const saved = await officer.request('PUT', '/api/notifications/preferences', {
      email: 'canbo@xa.test',
      kinds,
      version: 0,
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const bad = await officer.request('PUT', '/api/notifications/preferences', {
      email: 'not an address',
      kinds,
      version: 1,
    });
    assert.equal(bad.status, 400);

    const approver = new ApiClient(server, app.clock);
    await approver.signIn('approver', 'Giaoban@2026-test');
    const key = { form: 'BC-THANG', unit: commune, period };
    assert.equal((await officer.request('POST', '/api/submissions/submit', key)).status, 200);
    const returned = await approver.request('POST', '/api/submissions/return', {
      ...key,
      reason: 'Thiếu số liệu tai nạn giao thông',
    });
    assert.equal(returned.status, 200);

    let inbox = await officer.get('/api/notifications');
    assert.equal(inbox.body.unread, 1);
    const item = (inbox.body.items as unknown[])[0] as {
      id: number;
      kind: string;
      title: string;
      body: string;
      link: string;
    };
    assert.equal(item.kind, 'report_returned');
    assert.match(item.body, /approver.*Lý do: Thiếu số liệu tai nạn giao thông/);
    assert.equal(item.link, `/bao-cao/BC-THANG?unit=${commune}&period=${period}`);
    assert.equal(mails.length, 1);
    assert.deepEqual(mails[0]?.to, ['canbo@xa.test']);
    assert.match(mails[0]?.raw ?? '', /Subject: =\?UTF-8\?|Subject: \[Giao ban\]/);

    assert.equal((await officer.request('POST', '/api/submissions/submit', key)).status, 200);
    assert.equal((await approver.request('POST', '/api/submissions/approve', key)).status, 200);
    inbox = await officer.get('/api/notifications');
    assert.equal(inbox.body.unread, 2);
    assert.equal((inbox.body.items as Array<{ kind: string }>)[0]?.kind, 'report_approved');
    assert.equal(mails.length, 1, 'approvals are not e-mailed to this officer');

    // Another user's inbox is their own.
    const other = new ApiClient(server, app.clock);
    await other.signIn('officer2', 'Giaoban@2026-test');
    assert.equal(((await other.get('/api/notifications')).body.items as unknown[]).length, 0);
    const read = await officer.request('POST', '/api/notifications/read', { all: true });
    assert.equal(read.body.unread, 0);
  });

  it('announces a deadline two days away and overdue tasks once, however often the job runs', async () => {
    const today = app.ctx.clock.today();
    const overdue = await listTasks(app.ctx, today, { status: 'overdue' });
    assert.ok(overdue.length > 0, 'the demo has overdue tasks');
    const task = overdue[0] as (typeof overdue)[number];
    const taskUser = await createUser(app.ctx, {
      username: 'lanhdao.nhiemvu',
      role: 'leader',
      unitCode: task.unit,
      at: task.assignedOn,
    });
    const form = app.ctx.catalogue.form('BC-THANG');
    assert.ok(form);
    const deadline = deadlineFor(form, resolvePeriod(period), 'commune');
    app.clock.set(new Date(`${addDays(deadline, -2)}T09:00:00+07:00`));

    const first = await runNotificationJob(app.ctx);
    assert.ok(first.created > 0);
    const again = await runNotificationJob(app.ctx);
    assert.equal(again.created, 0, 'a second run announces nothing new');

    const officer2 = new ApiClient(server, app.clock);
    await officer2.signIn('officer2', 'Giaoban@2026-test');
    const items = (await officer2.get('/api/notifications')).body.items as Array<{
      kind: string;
      body: string;
    }>;
    const soon = items.filter((i) => i.kind === 'deadline_soon');
    assert.equal(soon.length, 1);
    assert.match(soon[0]?.body ?? '', /BC-THANG.*2026-12/);
    // The first officer's December report is approved: nothing is owed, nothing is announced.
    const officer = new ApiClient(server, app.clock);
    await officer.signIn('officer', 'Giaoban@2026-test');
    const mine = (await officer.get('/api/notifications')).body.items as Array<{ kind: string }>;
    assert.equal(mine.filter((i) => i.kind === 'deadline_soon').length, 0);

    const rows = await app.ctx.store.db
      .selectFrom('notification')
      .select(['kind'])
      .where('user_id', '=', taskUser.id)
      .execute();
    assert.ok(rows.some((r) => r.kind === 'task_overdue'));
  });
});

describe('the checks the page runs while typing', () => {
  let app: TestApp;
  let server: FastifyInstance;
  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    await createUser(app.ctx, { username: 'canbo', role: 'officer', unitCode: '13285' });
    await createUser(app.ctx, { username: 'pheduyet', role: 'approver', unitCode: '37' });
    await createUser(app.ctx, { username: 'pheduyet40', role: 'approver', unitCode: '40' });
  });

  it('give a unit its own 12 months of history, and count open warnings below an approver, within scope', async () => {
    const officer = new ApiClient(server, app.clock);
    await officer.signIn('canbo', 'Giaoban@2026-test');
    const history = await officer.get('/api/validation/history?form=BC-THANG&unit=13285&period=2026-12');
    assert.equal(history.status, 200);
    assert.equal(history.body.months, 12);
    const occurred = (history.body.cells as Record<string, number[]>)['crime.occurred'] ?? [];
    assert.ok(occurred.length >= 6, 'enough history to judge outliers');
    assert.equal(
      (await officer.get('/api/validation/history?form=BC-THANG&unit=13291&period=2026-12')).status,
      403,
    );

    const approver = new ApiClient(server, app.clock);
    await approver.signIn('pheduyet', 'Giaoban@2026-test');
    const open = await approver.get('/api/validation/open?form=BC-THANG&unit=37&period=2026-11');
    assert.equal(open.status, 200);
    assert.ok(Array.isArray(open.body.units));
    const other = new ApiClient(server, app.clock);
    await other.signIn('pheduyet40', 'Giaoban@2026-test');
    assert.equal((await other.get('/api/validation/open?form=BC-THANG&unit=37&period=2026-11')).status, 403);
  });
});
