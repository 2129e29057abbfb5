import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import type { FastifyInstance } from 'fastify';
import { useApiSuite } from '../support/api-suite.ts';
import { createUser, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/http.ts';

const TEXT =
  'Trong tháng 11, Công an xã đã phát hiện, bắt giữ 2 vụ - 3 đối tượng phạm tội về ma túy, thu giữ 12,5 gam ma túy tổng hợp.';

describe('figures read from narrative reports', () => {
  let app: TestApp;
  let server: FastifyInstance;
  let commune: string;
  useApiSuite({ demo: true }, async (suite) => {
    ({ app, server } = suite);
    const today = app.ctx.clock.today();
    commune = app.ctx.graph
      .childrenOn(app.ctx.graph.findByCode('37', today)?.id ?? 0, today)
      .map((id) => app.ctx.graph.require(id).code)
      .sort()[4] as string;
    await createUser(app.ctx, { username: 'officer', role: 'officer', unitCode: commune, clearance: 'none' });
  });

  it('proposes figures with their spans, from text and from a .docx', async () => {
    const client = new ApiClient(server, app.clock);
    await client.signIn('officer', 'Giaoban@2026-test');
    const res = await client.request('POST', '/api/extract', { text: TEXT });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const figures = res.body.figures as Array<{ indicator: string; value: number; span: [number, number] }>;
    const text = String(res.body.text);
    const cases = figures.find((f) => f.indicator === 'drug.cases');
    assert.equal(cases?.value, 2);
    assert.match(text.slice(cases?.span[0], cases?.span[1]), /2 vụ/);

    // What each number is, over HTTP: the noun of an unrecognised count, a change with its current and base.
    const open = await client.request('POST', '/api/extract', {
      text: 'Tháng 5/2024, thu giữ 12 chiếc xe máy; số vụ tăng 30 vụ (150/120 vụ) so với tháng 4/2023.',
    });
    assert.equal(open.status, 200, JSON.stringify(open.body));
    assert.deepEqual(open.body.figures, [
      {
        indicator: null,
        option: null,
        noun: 'xe máy',
        unit: 'chiếc',
        value: 12,
        value_max: null,
        approx: null,
        of: null,
        subset_of: null,
        span: [22, 30],
      },
    ]);
    const [change] = open.body.comparisons as Array<Record<string, unknown>>;
    assert.deepEqual(
      [change?.direction, change?.value, change?.unit, change?.current, change?.base, change?.baselineText],
      ['up', 30, 'vụ', 150, 120, 'tháng 4/2023'],
    );
    const period = open.body.period as { month?: number; year?: number } | null;
    assert.deepEqual([period?.month, period?.year], [5, 2024]);

    const doc = new Document({ sections: [{ children: [new Paragraph(TEXT)] }] });
    const buffer = await Packer.toBuffer(doc);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(buffer)]), 'bao-cao-thang-11.docx');
    const upload = await server.inject({
      method: 'POST',
      url: '/api/extract',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf },
      body: form,
    });
    assert.equal(upload.statusCode, 200, upload.body);
    assert.equal((upload.json() as { document: string }).document, 'bao-cao-thang-11.docx');
  });

  it('remembers the source span of an accepted figure', async () => {
    const client = new ApiClient(server, app.clock);
    await client.signIn('officer', 'Giaoban@2026-test');
    const start = TEXT.indexOf('2 vụ');
    const save = await client.request('PUT', '/api/values', {
      form: 'BC-THANG',
      unit: commune,
      period: '2026-12',
      cells: [
        {
          indicator: 'drug.cases',
          option: null,
          value: 2,
          version: 0,
          source: { document: 'bao-cao.docx', excerpt: '2 vụ', span: [start, start + 4] },
        },
      ],
    });
    assert.equal(save.status, 200, JSON.stringify(save.body));
    const read = await client.get(`/api/values?form=BC-THANG&unit=${commune}&period=2026-12`);
    const cell = (
      read.body.cells as Array<{ indicator: string; source: { excerpt: string; span: number[] } | null }>
    ).find((c) => c.indicator === 'drug.cases');
    assert.deepEqual(cell?.source, { document: 'bao-cao.docx', excerpt: '2 vụ', span: [start, start + 4] });
  });
});
