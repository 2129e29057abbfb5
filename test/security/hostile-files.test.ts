/**
 * Reproductions 10 and 11 of issue 12: hostile uploads are refused with a Vietnamese reason, the process stays
 * up, and another user is still served quickly while four of them are being read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_ISOLATION, importFileIsolated, UntrustedFileRefused } from '../../src/untrusted/index.ts';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';
import { makeZip } from '../support/zip.ts';

const MB = 1024 * 1024;
const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
);

/** A .docx whose document part inflates to 80 MB of paragraphs (about 100 KB on the wire). */
function docxBomb(): Buffer {
  const body = Buffer.alloc(80 * MB, '<w:p><w:r><w:t>Công an tỉnh 12 vụ</w:t></w:r></w:p>');
  return makeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', data: body },
  ]);
}

/** An .xlsx whose headers claim 100 bytes per entry while the sheet inflates to 100 MB. */
function lyingXlsx(): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, declaredSize: 100 },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), declaredSize: 100 },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.alloc(100 * MB, '<row><c><v>1</v></c></row>'),
      declaredSize: 100,
    },
  ]);
}

/** A real-looking workbook of 90,000 cells (well under the inflated-size limit): heavy to parse. */
function hugeXlsx(): Buffer {
  const rows: string[] = [];
  for (let r = 1; r <= 30_000; r++)
    rows.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>crime.occurred</t></is></c><c r="B${r}"><v>${r}</v></c><c r="C${r}" t="inlineStr"><is><t>ghi chú ${r}</t></is></c></row>`,
    );
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} ${rel}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${rows.join('')}</sheetData></worksheet>`,
      ),
    },
  ]);
}

/** Internal text a refusal must never carry. */
const INTERNAL = /Error|Exception|\bat \w|node_modules|undefined|stack|\.js\b|\.ts\b|ENOENT|RangeError/;

describe('hostile uploads', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let commune: string;
  let bomb: Buffer;
  let lying: Buffer;
  let huge: Buffer;
  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    const today = app.ctx.clock.today();
    commune = app.ctx.graph
      .childrenOn(app.ctx.graph.findByCode('37', today)?.id ?? 0, today)
      .map((id) => app.ctx.graph.require(id).code)
      .sort()[4] as string;
    await createUser(app.ctx, {
      username: 'attacker',
      role: 'officer',
      unitCode: commune,
      clearance: 'none',
    });
    await createUser(app.ctx, {
      username: 'colleague',
      role: 'officer',
      unitCode: commune,
      clearance: 'none',
    });
    bomb = docxBomb();
    lying = lyingXlsx();
    huge = hugeXlsx();
  });

  async function upload(client: ApiClient, url: string, buffer: Buffer, filename: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(buffer)]), filename);
    return server.inject({
      method: 'POST',
      url,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf },
      body: form,
    });
  }

  it('refuses a .docx zip bomb to /api/extract with a Vietnamese reason (reproduction 10)', async () => {
    assert.ok(bomb.length < 400 * 1024, `the bomb is small on the wire (${bomb.length} bytes)`);
    const client = new ApiClient(server, app.clock);
    await client.signIn('attacker', 'Giaoban@2026-test');
    const res = await upload(client, '/api/extract', bomb, 'bao-cao.docx');
    assert.equal(res.statusCode, 413, res.body);
    const body = res.json() as { message: string };
    assert.match(body.message, /giải nén quá lớn/);
    assert.doesNotMatch(body.message, INTERNAL);
    const still = await client.request('POST', '/api/extract', { text: 'Xảy ra 3 vụ cháy.' });
    assert.equal(still.status, 200, 'the server keeps serving');
  });

  it('refuses an .xlsx whose headers lie about sizes, and a malformed file, without internal text (reproduction 11)', async () => {
    const client = new ApiClient(server, app.clock);
    await client.signIn('attacker', 'Giaoban@2026-test');
    const lie = await upload(client, '/api/imports', lying, 'so-lieu.xlsx');
    assert.ok(lie.statusCode >= 400 && lie.statusCode < 500, lie.body);
    assert.match(lie.body, /giải nén quá lớn/);
    assert.doesNotMatch(lie.body, INTERNAL);

    const garbage = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(5000, 7)]);
    for (const [url, name] of [
      ['/api/imports', 'so-lieu.xlsx'],
      ['/api/extract', 'bao-cao.docx'],
    ] as const) {
      const res = await upload(client, url, garbage, name);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode} ${res.body}`);
      assert.match(res.body, /hỏng|không đọc được/);
      assert.doesNotMatch(res.body, INTERNAL);
    }
  });

  it('stops a parse that passes the heap cap or the time limit, and keeps the worker pool usable', async () => {
    const small = { ...DEFAULT_ISOLATION, heapMb: 24 };
    await assert.rejects(importFileIsolated('xlsx', huge, small), (error: unknown) => {
      assert.ok(error instanceof UntrustedFileRefused);
      assert.equal(error.kind, 'too_large');
      assert.doesNotMatch(error.reasonVi, INTERNAL);
      return true;
    });
    await assert.rejects(
      importFileIsolated('xlsx', huge, { ...DEFAULT_ISOLATION, timeoutMs: 200 }),
      (error: unknown) => error instanceof UntrustedFileRefused && /quá nhiều thời gian/.test(error.reasonVi),
    );
    const csv = Buffer.from(
      'form,unit,period,indicator,option,value\nBC-THANG,40,2026-11,crime.occurred,,3\n',
    );
    const parsed = await importFileIsolated('csv', csv);
    assert.equal(parsed.figures.length, 1);
  });

  it('serves another user with p99 under 500 ms while four hostile uploads run at once', async () => {
    const attacker = new ApiClient(server, app.clock);
    await attacker.signIn('attacker', 'Giaoban@2026-test');
    const colleague = new ApiClient(server, app.clock);
    await colleague.signIn('colleague', 'Giaoban@2026-test');
    const url = `/api/values?form=BC-THANG&unit=${commune}&period=2026-11`;
    assert.equal((await colleague.request('GET', url)).status, 200);

    let done = false;
    const hostile = Promise.all([
      upload(attacker, '/api/extract', bomb, 'a.docx'),
      upload(attacker, '/api/imports', lying, 'b.xlsx'),
      upload(attacker, '/api/imports', huge, 'c.xlsx'),
      upload(attacker, '/api/extract', bomb, 'd.docx'),
    ]).finally(() => {
      done = true;
    });
    const latencies: number[] = [];
    const started = Date.now();
    while (!done || latencies.length < 20) {
      const t = performance.now();
      const res = await colleague.request('GET', url);
      latencies.push(performance.now() - t);
      assert.equal(res.status, 200);
      await new Promise((r) => setTimeout(r, 20));
    }
    const results = await hostile;
    for (const r of results)
      assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode} ${r.body}`);
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] as number;
    const p50 = latencies[Math.floor(latencies.length / 2)] as number;
    console.log(
      `another user's latency during four hostile uploads (${Date.now() - started} ms, ${latencies.length} requests): p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
    );
    assert.ok(p99 < 500, `p99 ${p99.toFixed(0)} ms`);
  });
});
