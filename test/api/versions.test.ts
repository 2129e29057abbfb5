import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

const PASSWORD = 'Giaoban@2026-test';
type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; type?: unknown };
type Operation = {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** Whether a body schema has a `version` property, at the top or on the items of an array it carries. */
function declaresVersion(schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.properties?.version) return true;
  const nested = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(schema.anyOf ?? []),
  ];
  return nested.some((s) => s.type === 'array' && declaresVersion(s.items));
}

/**
 * Every update of a figure or a text names the version it was read at: refused with 428 without it, with 409 and
 * the current version when someone saved meanwhile, never applied blindly.
 */
describe('a version on every update of a text', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let office: ApiClient;
  let admin: ApiClient;
  let officer: ApiClient;
  let meetingId: number;
  let staffId: number;
  let commune: string;

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    const g = app.ctx.graph;
    commune = g
      .childrenOn(g.findByCode('37', app.ctx.clock.today())?.id ?? -1, app.ctx.clock.today())
      .map((id) => g.require(id))
      .filter((u) => u.kind === 'commune')
      .map((u) => u.code)
      .sort()[0] as string;
    await createUser(app.ctx, {
      username: 'office',
      role: 'analyst',
      unitCode: 'BCA',
      clearance: 'tuyet_mat',
    });
    await createUser(app.ctx, {
      username: 'quantri',
      role: 'admin',
      unitCode: 'BCA',
      clearance: 'tuyet_mat',
    });
    await createUser(app.ctx, { username: 'canbo', role: 'officer', unitCode: commune, clearance: 'none' });
    staffId = (await createUser(app.ctx, { username: 'staff', role: 'analyst', unitCode: 'BCA' })).id;
    office = new ApiClient(server, app.clock);
    await office.signIn('office', PASSWORD);
    admin = new ApiClient(server, app.clock);
    await admin.signIn('quantri', PASSWORD);
    officer = new ApiClient(server, app.clock);
    await officer.signIn('canbo', PASSWORD);
    const created = await office.request('POST', '/api/meetings', {
      period: '2026-11',
      heldOn: '2026-11-29',
      place: 'Hà Nội',
      chair: 'Bộ trưởng',
      participants: ['01'],
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    meetingId = created.body.id as number;
  });

  interface Case {
    client: () => ApiClient;
    method: 'PUT' | 'PATCH' | 'POST';
    url: () => string;
    body: (version?: number) => Record<string, unknown>;
    read: () => Promise<number>;
  }
  const meeting = () => office.meetingVersion(meetingId);
  const withVersion = (body: Record<string, unknown>, version?: number) =>
    version === undefined ? body : { ...body, version };
  /** One case per operation that updates a figure or a text: every PUT and PATCH, and the meeting's texts. */
  const cases: Record<string, Case> = {
    'PUT /api/meetings/{id}/minutes': {
      client: () => office,
      method: 'PUT',
      url: () => `/api/meetings/${meetingId}/minutes`,
      body: (v) => withVersion({ minutes: 'Biên bản hội nghị' }, v),
      read: meeting,
    },
    'POST /api/meetings/{id}/agenda': {
      client: () => office,
      method: 'POST',
      url: () => `/api/meetings/${meetingId}/agenda`,
      body: (v) => withVersion({ title: 'Tình hình tội phạm' }, v),
      read: meeting,
    },
    'PUT /api/meetings/{id}/agenda/{itemId}': {
      client: () => office,
      method: 'PUT',
      url: () => `/api/meetings/${meetingId}/agenda/${firstAgendaItem}`,
      body: (v) => withVersion({ outcomeKind: 'directive', outcome: 'Chỉ đạo tăng cường tuần tra' }, v),
      read: meeting,
    },
    'POST /api/meetings/{id}/directives': {
      client: () => office,
      method: 'POST',
      url: () => `/api/meetings/${meetingId}/directives`,
      body: (v) =>
        withVersion(
          { content: 'Rà soát địa bàn', leadUnit: '01', deadline: { kind: 'date', date: '2026-12-20' } },
          v,
        ),
      read: meeting,
    },
    'POST /api/meetings/{id}/conclusion': {
      client: () => office,
      method: 'POST',
      url: () => `/api/meetings/${meetingId}/conclusion`,
      body: (v) => withVersion({ number: '90/TB-BCA', date: '2026-11-29' }, v),
      read: meeting,
    },
    'PUT /api/reports/briefing/draft': {
      client: () => office,
      method: 'PUT',
      url: () => '/api/reports/briefing/draft',
      body: (v) =>
        withVersion(
          { unit: 'BCA', period: '2026-10', human: { situation: ['Tình hình cơ bản ổn định.'] } },
          v,
        ),
      read: async () =>
        Number((await office.get('/api/reports/briefing/draft?unit=BCA&period=2026-10')).body.version),
    },
    'PUT /api/reports/settings': {
      client: () => office,
      method: 'PUT',
      url: () => '/api/reports/settings',
      body: (v) => withVersion({ unit: 'BCA', symbol: 'BC-BCA-V01', signers: [] }, v),
      read: async () => Number((await office.get('/api/reports/settings?unit=BCA')).body.version),
    },
    'PUT /api/notifications/preferences': {
      client: () => office,
      method: 'PUT',
      url: () => '/api/notifications/preferences',
      body: (v) => withVersion({ email: 'vanphong@bca.test', kinds: [] }, v),
      read: async () => Number((await office.get('/api/notifications/preferences')).body.version),
    },
    'PATCH /api/users/{id}': {
      client: () => admin,
      method: 'PATCH',
      url: () => `/api/users/${staffId}`,
      body: (v) => withVersion({ displayName: 'Nguyễn Văn Tổng Hợp' }, v),
      read: async () => {
        const users = (await admin.get('/api/users')).body.users as Array<{ id: number; version: number }>;
        return users.find((u) => u.id === staffId)?.version ?? -1;
      },
    },
    'PUT /api/values': {
      client: () => officer,
      method: 'PUT',
      url: () => '/api/values',
      body: (v) => ({
        form: 'BC-THANG',
        unit: commune,
        period: '2027-01',
        cells: [
          { indicator: 'crime.occurred', option: null, value: 3, ...(v === undefined ? {} : { version: v }) },
        ],
      }),
      read: async () =>
        (
          (
            await officer.get(
              `/api/values/history?form=BC-THANG&unit=${commune}&period=2027-01&indicator=crime.occurred`,
            )
          ).body.versions as unknown[]
        ).length,
    },
  };
  let firstAgendaItem = 0;

  it('declares a version on every PUT and PATCH of the OpenAPI document, and each is tested here', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const updates = Object.entries(doc.paths).flatMap(([path, ops]) =>
      (['put', 'patch'] as const)
        .filter((m) => ops[m] !== undefined)
        .map((m) => ({ key: `${m.toUpperCase()} ${path}`, op: ops[m] as Operation })),
    );
    assert.ok(updates.length >= 7, `PUT/PATCH operations: ${updates.length}`);
    const undeclared = updates
      .filter(
        ({ op }) =>
          !declaresVersion(op.requestBody?.content?.['application/json']?.schema) &&
          !(op.parameters ?? []).some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'),
      )
      .map((u) => u.key);
    assert.deepEqual(undeclared, [], 'updates without a version');
    const untested = updates.map((u) => u.key).filter((key) => !(key in cases));
    assert.deepEqual(untested, [], 'updates without a case in this test');
  });

  it('refuses each update without a version (428) and a second one with the same version (409, naming the current)', async () => {
    const agenda = await office.request('POST', `/api/meetings/${meetingId}/agenda`, {
      title: 'Kết quả công tác tháng',
      version: await meeting(),
    });
    assert.equal(agenda.status, 200, JSON.stringify(agenda.body));
    firstAgendaItem = (agenda.body.agenda as Array<{ id: number }>)[0]?.id ?? 0;
    const wrong: string[] = [];
    for (const [name, c] of Object.entries(cases)) {
      const send = (version?: number) => c.client().request(c.method, c.url(), c.body(version));
      const blind = await send();
      if (blind.status !== 428) wrong.push(`${name} without a version: ${blind.status}`);
      const read = await c.read();
      const first = await send(read);
      if (first.status !== 200)
        wrong.push(`${name} at the version read: ${first.status} ${JSON.stringify(first.body)}`);
      const second = await send(read);
      const current = await c.read();
      if (second.status !== 409) wrong.push(`${name} again at the same version: ${second.status}`);
      else if (!new RegExp(`(hiện là|phiên bản) ${current}\\b`).test(JSON.stringify(second.body)))
        wrong.push(
          `${name}: the conflict does not name the current version ${current}: ${JSON.stringify(second.body)}`,
        );
      if (current === read) wrong.push(`${name}: the version did not move (${read})`);
    }
    assert.deepEqual(wrong, []);
  });
});
