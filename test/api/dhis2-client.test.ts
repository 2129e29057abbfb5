import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { runDhis2Client } from '../../scripts/dhis2-client.ts';
import { runExport } from '../../src/transfer/cli.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, OUTPUT_DIR, type TestApp } from '../support/app.ts';

/** The server's operator, as the CLI acts without --as: cleared for everything. */
const OPERATOR = { clearance: 'tuyet_mat' } as const;

describe('a DHIS2 client against a running server', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let baseUrl: string;

  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    await createUser(app.ctx, {
      username: 'dhis2client',
      role: 'officer',
      unitCode: '40',
      clearance: 'none',
    });
    baseUrl = await server.listen({ host: '127.0.0.1', port: 0 });
  });

  it('posts and reads data values as DHIS2’s Web API documents', async () => {
    const steps = await runDhis2Client({
      baseUrl,
      username: 'dhis2client',
      password: 'Giaoban@2026-test',
      unit: '40',
      period: '202612',
    });
    assert.deepEqual(steps, [
      'metadata',
      'json dry run',
      'json import and read back',
      'csv update and delete',
      'refusal with conflicts',
      'xml and delete strategy',
      'csv download',
    ]);
  });

  it('refuses another unit’s figures and a read outside the user’s scope', async () => {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dhis2client', password: 'Giaoban@2026-test' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const other = await fetch(`${baseUrl}/api/dataValueSets`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        dataSet: 'BC-THANG',
        period: '202612',
        orgUnit: '42',
        dataValues: [{ dataElement: 'fire.cases', value: '1' }],
      }),
    });
    assert.equal(other.status, 409);
    const summary = (await other.json()) as {
      status: string;
      conflicts: Array<{ object: string; value: string }>;
    };
    assert.equal(summary.status, 'ERROR');
    assert.match(summary.conflicts[0]?.value ?? '', /không được nhập số liệu của đơn vị này/);
    const noCsrf = await fetch(`${baseUrl}/api/dataValueSets`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{"dataValues":[]}',
    });
    assert.equal(noCsrf.status, 403);
    const national = await fetch(`${baseUrl}/api/dataValueSets?dataSet=BC-THANG&period=202611&orgUnit=BCA`, {
      headers: { cookie },
    });
    assert.equal(national.status, 403);
  });

  it('exports the nation’s figures for BCA (DHIS2 period notation), and with children the units below', async () => {
    const ctx = app.ctx;
    const fire = ctx.catalogue.indicator('fire.cases');
    assert.ok(fire);
    // The independent sum: every stored fire.cases figure of November 2026, straight from the table.
    const raw = await ctx.store.db
      .selectFrom('data_value')
      .select((eb) => eb.fn.sum<number>('value').as('total'))
      .where('indicator_id', '=', fire.id)
      .where('period', '=', '2026-11')
      .executeTakeFirstOrThrow();
    assert.ok(Number(raw.total) > 0);
    const output = join(OUTPUT_DIR, `national-${process.pid}.json`);
    await runExport(ctx, { unit: 'BCA', period: '202611', format: 'json', output, reader: OPERATOR });
    const national = JSON.parse(readFileSync(output, 'utf8')) as {
      orgUnit: string;
      dataValues: Array<{ dataElement: string; value: string; orgUnit: string }>;
    };
    assert.equal(national.orgUnit, 'BCA');
    const value = national.dataValues.find((v) => v.dataElement === 'fire.cases');
    assert.equal(Number(value?.value), Number(raw.total));
    await runExport(ctx, {
      unit: 'BCA',
      period: '202611',
      format: 'json',
      output,
      children: true,
      idScheme: 'uid',
      reader: OPERATOR,
    });
    const all = JSON.parse(readFileSync(output, 'utf8')) as typeof national;
    const units = new Set(all.dataValues.map((v) => v.orgUnit));
    assert.ok(units.size > 10, `${units.size} units`);
    assert.ok([...units].every((u) => /^[A-Za-z][A-Za-z0-9]{10}$/.test(u)));
  });

  const signIn = async () => {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dhis2client', password: 'Giaoban@2026-test' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return { cookie, 'x-csrf-token': csrfToken };
  };

  it('gives DHIS2 metadata with both eras of organisation units', async () => {
    const meta = (await (await fetch(`${baseUrl}/api/metadata`, { headers: await signIn() })).json()) as {
      organisationUnits: Array<{
        id: string;
        code: string;
        path: string;
        level: number;
        openingDate: string;
        closedDate?: string;
        parent?: { id: string };
      }>;
      dataSets: Array<{ code: string; periodType: string; dataSetElements: unknown[] }>;
      categoryOptionCombos: Array<{ id: string }>;
    };
    const fifteen = meta.organisationUnits.filter((o) => o.code === '15');
    assert.equal(fifteen.length, 2);
    const [old, current] = [...fifteen].sort((a, b) => a.openingDate.localeCompare(b.openingDate));
    assert.ok(old?.closedDate && !current?.closedDate);
    assert.notEqual(old?.id, current?.id);
    const root = meta.organisationUnits.find((o) => o.code === 'BCA');
    assert.equal(root?.level, 1);
    assert.equal(current?.parent?.id, root?.id);
    assert.equal(current?.path, `/${root?.id}/${current?.id}`);
    assert.equal(meta.dataSets.find((d) => d.code === 'BC-THANG')?.periodType, 'Monthly');
    assert.ok(meta.categoryOptionCombos.some((c) => c.id === 'HllvX50cXC0'));
  });

  it('submits the report when the set gives a completeDate', async () => {
    const headers = await signIn();
    const response = await fetch(`${baseUrl}/api/dataValueSets`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        dataSet: 'BC-THANG',
        period: '202612',
        orgUnit: '40',
        completeDate: '2026-12-14',
        dataValues: [{ dataElement: 'fire.cases', value: '3' }],
      }),
    });
    const summary = (await response.json()) as {
      status: string;
      dataSetComplete: string;
      conflicts: unknown[];
    };
    const state = (await (
      await fetch(`${baseUrl}/api/submissions?form=BC-THANG&unit=40&period=2026-12`, { headers })
    ).json()) as { status: string };
    assert.equal(summary.status, 'SUCCESS', JSON.stringify(summary));
    assert.equal(summary.dataSetComplete, '2026-12-14');
    assert.equal(state.status, 'submitted');
    // The submitted report takes no more figures: a later set is refused with the reason.
    const late = await fetch(`${baseUrl}/api/dataValueSets`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        dataSet: 'BC-THANG',
        period: '202612',
        orgUnit: '40',
        dataValues: [{ dataElement: 'fire.cases', value: '4' }],
      }),
    });
    assert.equal(late.status, 409);
    assert.match(JSON.stringify(await late.json()), /đã nộp/);
  });
});
