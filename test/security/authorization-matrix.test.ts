import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { SecrecyLevel } from '../../src/shared/secrecy.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

/**
 * Every protected route × every role × own / sibling / parent / child unit × every clearance × the secrecy of the
 * material, against an expectation written here independently of the server's policy code: the table below says
 * which action each route is, and which scope each role has for each action.
 */

type Role = 'officer' | 'approver' | 'analyst' | 'leader' | 'admin';
type Scope = '-' | 'own' | 'subtree' | 'below';
const ROLES: Role[] = ['officer', 'approver', 'analyst', 'leader', 'admin'];
const CLEARANCES: SecrecyLevel[] = ['none', 'mat', 'toi_mat', 'tuyet_mat'];
const RANK: Record<SecrecyLevel, number> = { none: 0, mat: 1, toi_mat: 2, tuyet_mat: 3 };

//                       officer    approver   analyst    leader     admin
const EXPECTED: Record<string, [Scope, Scope, Scope, Scope, Scope]> = {
  'values.read': ['subtree', 'subtree', 'subtree', 'subtree', '-'],
  'values.write': ['own', '-', '-', '-', '-'],
  'aggregate.read': ['subtree', 'subtree', 'subtree', 'subtree', '-'],
  'submission.submit': ['own', '-', '-', '-', '-'],
  'submission.approve': ['-', 'below', '-', '-', '-'],
  'submission.return': ['-', 'below', 'below', '-', '-'],
  'submission.reopen': ['-', 'below', '-', '-', '-'],
  export: ['own', 'subtree', 'subtree', 'subtree', '-'],
  'document.generate': ['own', 'subtree', 'subtree', 'subtree', '-'],
};

type Relation = 'own' | 'sibling' | 'parent' | 'child';

interface Route {
  name: string;
  action: keyof typeof EXPECTED;
  /** Material classified at this level (the form's or indicator's). */
  secrecy: SecrecyLevel;
  /** Which unit relations the route makes sense for (a monthly report of the ministry itself does not exist). */
  relations: Relation[];
  send(client: ApiClient, unit: string): Promise<{ status: number }>;
}

const PERIOD = '2026-12';
const FORM_OPEN = 'BC-THANG';
const FORM_SECRET = 'BC-ANNINH';

const ROUTES: Route[] = [
  ...[FORM_OPEN, FORM_SECRET].flatMap((form): Route[] => {
    const secrecy: SecrecyLevel = form === FORM_SECRET ? 'mat' : 'none';
    const indicator = form === FORM_SECRET ? 'security.incidents' : 'drug.cases';
    return [
      {
        name: `GET values ${form}`,
        action: 'values.read',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) => c.get(`/api/values?form=${form}&unit=${u}&period=${PERIOD}`),
      },
      {
        name: `GET history ${form}`,
        action: 'values.read',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) =>
          c.get(`/api/values/history?form=${form}&unit=${u}&period=${PERIOD}&indicator=${indicator}`),
      },
      {
        name: `PUT values ${form}`,
        action: 'values.write',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) =>
          c.request('PUT', '/api/values', {
            form,
            unit: u,
            period: PERIOD,
            cells: [{ indicator, option: null, value: 1, version: 0 }],
          }),
      },
      {
        name: `POST submit ${form}`,
        action: 'submission.submit',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) => c.request('POST', '/api/submissions/submit', { form, unit: u, period: PERIOD }),
      },
      {
        name: `POST approve ${form}`,
        action: 'submission.approve',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) => c.request('POST', '/api/submissions/approve', { form, unit: u, period: PERIOD }),
      },
      {
        name: `POST return ${form}`,
        action: 'submission.return',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) =>
          c.request('POST', '/api/submissions/return', {
            form,
            unit: u,
            period: PERIOD,
            reason: 'kiểm tra lại',
          }),
      },
      {
        name: `POST reopen ${form}`,
        action: 'submission.reopen',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) =>
          c.request('POST', '/api/submissions/reopen', {
            form,
            unit: u,
            period: PERIOD,
            reason: 'đính chính',
          }),
      },
      {
        name: `GET export ${form}`,
        action: 'export',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) => c.get(`/api/exports/figures?form=${form}&unit=${u}&period=${PERIOD}&format=json`),
      },
      {
        name: `GET completeness ${form}`,
        action: 'aggregate.read',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) => c.get(`/api/completeness?form=${form}&unit=${u}&period=2026-11`),
      },
      {
        name: `GET ranking ${indicator}`,
        action: 'aggregate.read',
        secrecy,
        relations: ['own', 'sibling', 'parent', 'child'],
        send: (c, u) => c.get(`/api/aggregates/ranking?unit=${u}&period=2026-11&indicator=${indicator}`),
      },
    ];
  }),
  {
    name: 'GET aggregates',
    action: 'aggregate.read',
    secrecy: 'none',
    relations: ['own', 'sibling', 'parent', 'child'],
    send: (c, u) => c.get(`/api/aggregates?unit=${u}&period=2026-11&indicator=drug.cases`),
  },
  {
    name: 'GET series',
    action: 'aggregate.read',
    secrecy: 'none',
    relations: ['own', 'sibling', 'parent', 'child'],
    send: (c, u) => c.get(`/api/aggregates/series?unit=${u}&indicator=drug.cases&to=2026-11&months=3`),
  },
  {
    name: 'GET briefing report',
    action: 'document.generate',
    secrecy: 'none',
    relations: ['own', 'sibling', 'parent'],
    send: (c, u) => c.get(`/api/reports/briefing?unit=${u}&period=2026-11&format=xlsx`),
  },
];

function covers(scope: Scope, relation: Relation): boolean {
  if (scope === '-') return false;
  if (scope === 'own') return relation === 'own';
  if (scope === 'subtree') return relation === 'own' || relation === 'child';
  return relation === 'child';
}

function expectedAllowed(route: Route, role: Role, relation: Relation, clearance: SecrecyLevel): boolean {
  const scopes = EXPECTED[route.action];
  assert.ok(scopes, route.action);
  const scope = scopes[ROLES.indexOf(role)] as Scope;
  return covers(scope, relation) && RANK[clearance] >= RANK[route.secrecy];
}

describe('authorisation matrix over the HTTP routes', () => {
  let app: TestApp;
  let server: FastifyInstance;
  const clients = new Map<string, ApiClient>();
  let units: Record<Relation, string>;

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    const today = app.ctx.clock.today();
    const province = app.ctx.graph.findByCode('37', today);
    assert.ok(province);
    const child = app.ctx.graph
      .childrenOn(province.id, today)
      .map((id) => app.ctx.graph.require(id))
      .filter((u) => u.kind === 'commune')
      .sort((a, b) => a.code.localeCompare(b.code))[0];
    assert.ok(child);
    units = { own: '37', sibling: '40', parent: 'BCA', child: child.code };
    for (const role of ROLES) {
      for (const clearance of CLEARANCES) {
        const username = `${role}-${clearance}`;
        await createUser(app.ctx, { username, role, unitCode: '37', clearance });
        const client = new ApiClient(server, app.clock);
        await client.signIn(username, 'Giaoban@2026-test');
        clients.set(username, client);
      }
    }
  });

  it('allows exactly what the policy table allows, and refuses everything else with 403', async (t) => {
    let checked = 0;
    const wrong: string[] = [];
    for (const route of ROUTES) {
      for (const role of ROLES) {
        for (const clearance of CLEARANCES) {
          const client = clients.get(`${role}-${clearance}`) as ApiClient;
          for (const relation of route.relations) {
            const response = await route.send(client, units[relation]);
            const allowed = expectedAllowed(route, role, relation, clearance);
            const refused = response.status === 403;
            if (allowed === refused || response.status === 401 || response.status >= 500) {
              wrong.push(
                `${route.name} as ${role}/${clearance} on ${relation} (${units[relation]}): expected ${allowed ? 'allowed' : '403'}, got ${response.status}`,
              );
            }
            checked++;
          }
        }
      }
    }
    t.diagnostic(`authorisation cases checked over HTTP: ${checked}`);
    assert.deepEqual(wrong, []);
    assert.ok(checked > 1000);
  });

  it('refuses every protected route without a session', async () => {
    const anonymous = new ApiClient(server, app.clock);
    for (const route of ROUTES) assert.equal((await route.send(anonymous, '37')).status, 401, route.name);
  });
});
