import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { requiresSecondFactor } from '../../src/auth/roles.ts';
import { generateTotp } from '../../src/auth/totp.ts';
import { createDemoAccounts } from '../../src/demo/accounts.ts';
import { SECOND_FACTOR_PATHS } from '../../src/server/session.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

const PASSWORD = 'Giaoban@2026-test';
type OpenApi = {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('a second factor for everyone who approves, leads, administers or is cleared', () => {
  let app: TestApp;
  let server: FastifyInstance;
  useApiSuite({}, async (suite) => {
    ({ app, server } = suite);
    const users: Array<[string, 'officer' | 'approver' | 'analyst' | 'leader' | 'admin', string]> = [
      ['phantich.none', 'analyst', 'none'],
      ['canbo.none', 'officer', 'none'],
      ['pheduyet.none', 'approver', 'none'],
      ['lanhdao.none', 'leader', 'none'],
      ['quantri.none', 'admin', 'none'],
      ['phantich.mat', 'analyst', 'mat'],
      ['phantich.toimat', 'analyst', 'toi_mat'],
      ['phantich.tuyetmat', 'analyst', 'tuyet_mat'],
      ['canbo.mat', 'officer', 'mat'],
    ];
    for (const [username, role, clearance] of users)
      await createUser(app.ctx, {
        username,
        role,
        unitCode: role === 'approver' ? '40' : 'BCA',
        clearance: clearance as 'none',
      });
  });

  it('asks approvers, leaders, administrators and every cleared account to enrol, and nobody else', async () => {
    const expected: Record<string, 'enrol' | null> = {
      'phantich.none': null,
      'canbo.none': null,
      'pheduyet.none': 'enrol',
      'lanhdao.none': 'enrol',
      'quantri.none': 'enrol',
      'phantich.mat': 'enrol',
      'phantich.toimat': 'enrol',
      'phantich.tuyetmat': 'enrol',
      'canbo.mat': 'enrol',
    };
    for (const [username, step] of Object.entries(expected)) {
      const login = await new ApiClient(server).login(username, PASSWORD);
      assert.equal(login.status, 200);
      assert.equal(login.body.secondFactor, step, username);
    }
    assert.equal(requiresSecondFactor({ role: 'officer', clearance: 'none' }), false);
    assert.equal(requiresSecondFactor({ role: 'officer', clearance: 'mat' }), true);
  });

  it('lets a session owing its second factor reach only the step itself and sign-out, on every route of the document', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    // The operator's endpoints (/healthz, /readyz, /metrics) sit outside /api and take no session at all.
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) =>
        METHODS.filter((m) => ops[m] !== undefined).map((method) => ({ method, path })),
      );
    assert.ok(operations.length >= 80, `operations in the document: ${operations.length}`);
    const urlOf = (path: string) => path.replace(/\{(\w+)\}/g, '1');

    // One session before enrolment, one owing a code after it.
    const enrolling = new ApiClient(server, app.clock);
    assert.equal((await enrolling.login('phantich.mat', PASSWORD)).body.secondFactor, 'enrol');
    const enrolled = new ApiClient(server, app.clock);
    await enrolled.signIn('phantich.toimat', PASSWORD);
    const coding = new ApiClient(server, app.clock);
    assert.equal((await coding.login('phantich.toimat', PASSWORD)).body.secondFactor, 'code');

    const leaks: string[] = [];
    let refused = 0;
    for (const session of [enrolling, coding]) {
      for (const { method, path } of operations) {
        const route = `/api${path.replace(/^\/api/, '')}`;
        if (SECOND_FACTOR_PATHS.has(route)) continue;
        const res = await session.request(
          method.toUpperCase() as 'GET',
          urlOf(route),
          method === 'get' || method === 'delete' ? undefined : {},
        );
        if (res.status !== 401 || !/hai lớp/.test(String(res.body.message ?? res.body.error ?? '')))
          leaks.push(
            `${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`,
          );
        else refused++;
      }
    }
    assert.deepEqual(leaks, [], `routes reached before the second factor:\n${leaks.join('\n')}`);
    assert.ok(refused >= 2 * (operations.length - SECOND_FACTOR_PATHS.size));

    // The same GET routes answer the completed session (a 401 there would make the sweep above prove nothing).
    const open: string[] = [];
    for (const { method, path } of operations)
      if (method === 'get' && (await enrolled.get(urlOf(path))).status === 401) open.push(path);
    assert.deepEqual(open, [], 'a completed sign-in reaches the GET routes');

    // What the owing session may do: see itself, enrol, answer, sign out.
    assert.equal((await enrolling.get('/api/auth/me')).body.secondFactor, 'enrol');
    assert.equal((await coding.request('POST', '/api/auth/totp/enrol', {})).status, 403);
    assert.equal((await coding.request('POST', '/api/auth/logout', {})).status, 200);
    assert.equal((await coding.get('/api/auth/me')).status, 401);
  });

  it('accepts codes with or without the space authenticator apps show, at enrolment and at sign-in', async () => {
    const client = new ApiClient(server, app.clock);
    assert.equal((await client.login('canbo.mat', PASSWORD)).body.secondFactor, 'enrol');
    const secret = String((await client.request('POST', '/api/auth/totp/enrol', {})).body.secret);
    const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;
    const now = app.clock.now();
    const first = generateTotp(secret, new Date(now.getTime() - 30_000));
    const confirm = await client.request('POST', '/api/auth/totp/confirm', { code: spaced(first) });
    assert.equal(confirm.status, 200, JSON.stringify(confirm.body));
    assert.equal((await client.get('/api/units?kind=province')).status, 200);

    const again = new ApiClient(server, app.clock);
    assert.equal((await again.login('canbo.mat', PASSWORD)).body.secondFactor, 'code');
    const plain = await again.request('POST', '/api/auth/totp', { code: generateTotp(secret, now) });
    assert.equal(plain.status, 200, JSON.stringify(plain.body));
    const third = new ApiClient(server, app.clock);
    await third.login('canbo.mat', PASSWORD);
    const next = generateTotp(secret, new Date(now.getTime() + 30_000));
    assert.equal((await third.request('POST', '/api/auth/totp', { code: spaced(next) })).status, 200);
  });

  it('makes the demo approver and the cleared demo accounts enrol at their first sign-in', async () => {
    const accounts = await createDemoAccounts(app.ctx);
    assert.ok(accounts.length >= 2);
    for (const account of accounts) {
      const login = await new ApiClient(server).login(account.username, account.password);
      assert.equal(login.status, 200);
      assert.equal(login.body.secondFactor, 'enrol', account.username);
    }
    assert.ok(accounts.some((a) => a.username === 'nghean.pheduyet'));
  });
});
