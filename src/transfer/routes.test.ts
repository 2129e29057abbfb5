import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { createTestApp, createUser, type TestApp } from '../../test/support/app.ts';
import { buildServer } from '../server/app.ts';
import type { ImportSummary } from './model.ts';

const FIXTURES = join(new URL('../..', import.meta.url).pathname, 'test', 'fixtures', 'transfer');
const PASSWORD = 'Giaoban@2026-test';

function multipart(
  file: { name: string; content: Buffer; type: string },
  fields: Record<string, string> = {},
): { payload: Buffer; contentType: string } {
  const boundary = `----giaoban${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('transfer API', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let session: { cookie: string; csrf: string };

  const upload = (
    file: { name: string; content: Buffer; type?: string },
    options: { fields?: Record<string, string>; query?: string; csrf?: boolean } = {},
  ) => {
    const body = multipart({ type: 'text/csv', ...file }, options.fields);
    return server.inject({
      method: 'POST',
      url: `/api/imports${options.query ?? ''}`,
      headers: {
        cookie: session.cookie,
        'content-type': body.contentType,
        ...(options.csrf === false ? {} : { 'x-csrf-token': session.csrf }),
      },
      payload: body.payload,
    });
  };

  const storedCount = async () =>
    Number(
      (
        await app.ctx.store.db
          .selectFrom('data_value')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('period', '=', '2026-12')
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    app = await createTestApp({ demo: true });
    server = await buildServer(app.ctx, { secureCookies: false, logLevel: 'silent' });
    await createUser(app.ctx, { username: 'officer40', role: 'officer', unitCode: '40', clearance: 'none' });
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'officer40', password: PASSWORD },
    });
    assert.equal(login.statusCode, 200, login.body);
    const setCookie = login.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    session = { cookie: (first ?? '').split(';')[0] ?? '', csrf: String(login.json().csrfToken) };
  });
  after(async () => {
    await server?.close();
    await app?.close();
  });

  it('refuses an upload without a session or without the CSRF token', async () => {
    const body = multipart({ name: 'a.csv', content: Buffer.from('x'), type: 'text/csv' });
    const anonymous = await server.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    });
    assert.equal(anonymous.statusCode, 401);
    const noToken = await upload({ name: 'a.csv', content: Buffer.from('x') }, { csrf: false });
    assert.equal(noToken.statusCode, 403);
  });

  it('checks a file on a dry run, then imports it for the officer’s own unit', async () => {
    const content = readFileSync(join(FIXTURES, 'figures-vi.csv'));
    const before = await storedCount();
    const dry = await upload({ name: 'figures-vi.csv', content }, { fields: { dryRun: 'true' } });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual(dry.json(), { imported: 6, updated: 0, unchanged: 0, rejected: [] });
    assert.equal(await storedCount(), before);
    const real = await upload({ name: 'figures-vi.csv', content });
    assert.equal(real.statusCode, 200);
    assert.deepEqual(real.json(), { imported: 6, updated: 0, unchanged: 0, rejected: [] });
    assert.equal(await storedCount(), before + 6);
    const again = await upload({ name: 'figures-vi.csv', content }, { query: '?dryRun=false' });
    assert.deepEqual(again.json(), { imported: 0, updated: 0, unchanged: 6, rejected: [] });
  });

  it('rejects the rows of units the user may not write, naming each row, and writes nothing (422)', async () => {
    const csv = [
      'form,unit,period,indicator,option,value,comment',
      'BC-THANG,40,2026-12,fire.cases,,4,',
      'BC-THANG,42,2026-12,fire.cases,,5,',
      'BC-THANG,42,2026-12,fire.deaths,,1,',
      '',
    ].join('\n');
    const before = await storedCount();
    const res = await upload({ name: 'hai-tinh.csv', content: Buffer.from(csv) });
    assert.equal(res.statusCode, 422);
    const summary = res.json() as ImportSummary;
    assert.equal(summary.imported, 1);
    assert.deepEqual(
      summary.rejected.map((r) => [r.row, r.field]),
      [
        [3, 'unit'],
        [4, 'unit'],
      ],
    );
    assert.match(summary.rejected[0]?.reason ?? '', /không được nhập số liệu của đơn vị này/);
    assert.equal(await storedCount(), before);
  });

  it('refuses a file over 10 MB with a Vietnamese message', async () => {
    const res = await upload({ name: 'big.csv', content: Buffer.alloc(10 * 1024 * 1024 + 10, 0x61) });
    assert.equal(res.statusCode, 413);
    assert.match(res.json().message, /vượt giới hạn 10 MB/);
  });

  it('downloads the unit’s template and CSV as attachments, only for the user’s own unit', async () => {
    const get = (query: string) =>
      server.inject({ url: `/api/exports/figures?${query}`, headers: { cookie: session.cookie } });
    const xlsx = await get('unit=40&period=2026-12');
    assert.equal(xlsx.statusCode, 200, xlsx.body);
    assert.equal(xlsx.headers['content-disposition'], 'attachment; filename="BC-THANG_40_2026-12.xlsx"');
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    assert.equal(wb.worksheets[0]?.name, 'Số liệu');

    const csv = await get('form=BC-THANG&unit=40&period=2026-12&format=csv');
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.headers['content-disposition'], 'attachment; filename="BC-THANG_40_2026-12.csv"');
    assert.match(csv.body, /BC-THANG,40,2026-12,drug\.cases,,1457,/);

    const audit = await app.ctx.store.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('action', '=', 'export.figures')
      .execute();
    assert.ok(audit.some((a) => a.target === 'values:BC-THANG/40/2026-12'));

    const other = await get('unit=42&period=2026-12&format=json');
    assert.equal(other.statusCode, 403);
  });
});
