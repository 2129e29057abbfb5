import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createTestApp, OUTPUT_DIR, type TestApp } from '../../test/support/app.ts';
import type { AppContext } from '../app/context.ts';
import { NO_OPTION } from '../indicators/registry.ts';
import { runExport, runImport } from './cli.ts';
import { exportFigures } from './export.ts';
import { importFigures } from './import.ts';
import type { ImportSummary } from './model.ts';

const FIXTURES = join(new URL('../..', import.meta.url).pathname, 'test', 'fixtures', 'transfer');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
/** The same fixture for another unit, so that each test owns its figures and tests run in any order. */
const forUnit = (name: string, unit: string) =>
  Buffer.from(fixture(name).toString('utf8').replaceAll(',40,', `,${unit},`).replaceAll(';40;', `;${unit};`));

function importFile(
  ctx: AppContext,
  buffer: Uint8Array,
  filename: string,
  dryRun = false,
): Promise<ImportSummary> {
  return importFigures(ctx, { buffer, filename, dryRun, userId: null, source: 'cli' });
}

async function count(ctx: AppContext, table: 'data_value' | 'change_set' | 'audit_log'): Promise<number> {
  const row = await ctx.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A fingerprint of every stored figure, computed in SQL (the demo holds hundreds of thousands): counts and
 * position-weighted sums of values, versions, change ids and comment lengths.
 */
async function checksum(ctx: AppContext): Promise<string> {
  const result = await sql<Record<string, number>>`
    SELECT count(*) AS n, total(value) AS v, total(version) AS ver, total(change_id) AS c,
           total(length(comment)) AS l,
           total(value * ((unit_id % 97) + 1) * (indicator_id + 1) * (option_id + 1)) AS w
    FROM data_value`.execute(ctx.store.db);
  return JSON.stringify(result.rows[0]);
}

/** A unit's stored figures for a form and period, by "indicator" or "indicator/option". */
async function figures(
  ctx: AppContext,
  unit: string,
  period: string,
  form = 'BC-THANG',
): Promise<Map<string, { value: number | null; comment: string | null }>> {
  const u = ctx.graph.findByCode(unit, `${period}-14`.slice(0, 10));
  const f = ctx.catalogue.form(form);
  assert.ok(u && f);
  const rows = await ctx.store.db
    .selectFrom('data_value')
    .select(['indicator_id', 'option_id', 'value', 'comment'])
    .where('unit_id', '=', u.id)
    .where('form_id', '=', f.id)
    .where('period', '=', period)
    .execute();
  return new Map(
    rows.map((r) => {
      const indicator = ctx.catalogue.indicatorById(r.indicator_id)?.code ?? '?';
      const option = r.option_id === NO_OPTION ? null : ctx.catalogue.optionCode(r.option_id);
      return [option === null ? indicator : `${indicator}/${option}`, { value: r.value, comment: r.comment }];
    }),
  );
}

const valuesOf = (m: Map<string, { value: number | null }>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, v.value]).sort());

describe('importing figures', () => {
  let app: TestApp;

  before(async () => {
    app = await createTestApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('imports a CSV with a BOM and Vietnamese numbers, once: the second import changes nothing', async () => {
    const { ctx } = app;
    const changesBefore = await count(ctx, 'change_set');
    const first = await importFile(ctx, fixture('figures-vi.csv'), 'figures-vi.csv');
    assert.deepEqual(first, { imported: 6, updated: 0, unchanged: 0, rejected: [] });
    const stored = await figures(ctx, '40', '2026-12');
    assert.deepEqual(valuesOf(stored), {
      'drug.cases': 1457,
      'drug.seized_kg/heroin': 138.6,
      'drug.seized_kg/synthetic': 12.5,
      'drug.seized_tablets/synthetic': 20000,
      'drug.suspects': 1500,
      'traffic.deaths': 7,
    });
    assert.equal(stored.get('drug.seized_kg/heroin')?.comment, 'Thu giữ tại cửa khẩu, ghi chú\r\nhai dòng');
    const change = await ctx.store.db
      .selectFrom('change_set')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(change.source, 'import');
    assert.equal(change.reason, 'Nhập từ tệp "figures-vi.csv" (dòng lệnh)');
    assert.equal(await count(ctx, 'change_set'), changesBefore + 1);
    const audit = await ctx.store.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(audit.action, 'values.import');

    const sum = await checksum(ctx);
    const second = await importFile(ctx, fixture('figures-vi.csv'), 'figures-vi.csv');
    assert.deepEqual(second, { imported: 0, updated: 0, unchanged: 6, rejected: [] });
    assert.equal(await count(ctx, 'change_set'), changesBefore + 1, 'no new change record');
    assert.equal(await checksum(ctx), sum);
  });

  it('reads Excel’s semicolon CSV with Vietnamese headers and DHIS2 periods; stores text NFC', async () => {
    const { ctx } = app;
    const summary = await importFile(ctx, forUnit('figures-semicolon.csv', '42'), 'bao-cao.csv');
    assert.deepEqual(summary, { imported: 2, updated: 0, unchanged: 0, rejected: [] });
    const stored = await figures(ctx, '42', '2026-12');
    assert.equal(stored.get('fire.damage')?.value, 1250.5);
    assert.equal(stored.get('fire.damage')?.comment, 'Số liệu ước tính'.normalize('NFC'));
    assert.equal(stored.get('fire.cases')?.value, 3);
  });

  it('lists every bad row with its field and reason, and writes nothing', async () => {
    const { ctx } = app;
    const sum = await checksum(ctx);
    const changes = await count(ctx, 'change_set');
    const summary = await importFile(ctx, forUnit('figures-bad-rows.csv', '44'), 'figures-bad-rows.csv');
    assert.deepEqual(
      { imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged },
      { imported: 1, updated: 0, unchanged: 0 },
      'what the good row would have done',
    );
    const expected: Array<[number, string, RegExp]> = [
      [3, 'indicator', /chỉ tiêu "drug\.unknown" không thuộc biểu BC-THANG/],
      [
        4,
        'option',
        /phân tổ "ketamine" không có trong chỉ tiêu drug\.seized_kg \(có: heroin, synthetic, cannabis\)/,
      ],
      [5, 'value', /"abc" không phải số/],
      [6, 'value', /không được âm/],
      [7, 'value', /fire\.cases là số đếm \(vụ\), phải là số nguyên, không phải 2,5/],
      [8, 'indicator', /trùng với dòng 2/],
      [9, 'unit', /Không có đơn vị mã "99999"/],
      [10, 'period', /tháng phải từ 01 đến 12/],
      [11, 'form', /không có biểu mẫu "BC-XYZ"/],
      [
        12,
        'status',
        /báo cáo BC-THANG kỳ tháng 02\/2020 của Công an tỉnh .* (đã nộp|đã duyệt|đã khóa sổ), không nhập được 1 số liệu/,
      ],
    ];
    assert.equal(summary.rejected.length, expected.length, JSON.stringify(summary.rejected, null, 1));
    expected.forEach(([row, field, reason], i) => {
      const got = summary.rejected[i];
      assert.equal(got?.row, row);
      assert.equal(got?.field, field, `row ${row}`);
      assert.match(got?.reason ?? '', reason, `row ${row}`);
    });
    assert.deepEqual(Object.keys(summary).sort(), ['imported', 'rejected', 'unchanged', 'updated']);
    assert.equal(await checksum(ctx), sum);
    assert.equal(await count(ctx, 'change_set'), changes);
  });

  it('writes the good rows when asked for a partial import', async () => {
    const { ctx } = app;
    const summary = await importFigures(ctx, {
      buffer: forUnit('figures-bad-rows.csv', '08'),
      filename: 'figures-bad-rows.csv',
      dryRun: false,
      partial: true,
      userId: null,
      source: 'cli',
    });
    assert.equal(summary.imported, 1);
    assert.equal(summary.rejected.length, 10);
    assert.deepEqual(valuesOf(await figures(ctx, '08', '2026-12')), { 'drug.cases': 12 });
  });

  it('reads a sheet laid out like the CSV, with Vietnamese headers', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    sheet.addRow(['Biểu', 'Đơn vị', 'Kỳ', 'Chỉ tiêu', 'Phân tổ', 'Số liệu', 'Ghi chú']);
    sheet.addRow(['BC-THANG', '11', '2026-12', 'gambling.cases', null, 4, null]);
    sheet.addRow(['BC-THANG', '11', '2026-12', 'economy.cases', 'smuggling', '1.002', 'Buôn lậu thuốc lá']);
    const summary = await importFile(app.ctx, Buffer.from(await wb.xlsx.writeBuffer()), 'bang.xlsx');
    assert.deepEqual(summary, { imported: 2, updated: 0, unchanged: 0, rejected: [] });
    assert.deepEqual(valuesOf(await figures(app.ctx, '11', '2026-12')), {
      'economy.cases/smuggling': 1002,
      'gambling.cases': 4,
    });
  });

  it('checks everything on a dry run and writes nothing', async () => {
    const { ctx } = app;
    const values = await count(ctx, 'data_value');
    const changes = await count(ctx, 'change_set');
    const buffer = Buffer.from(fixture('figures-dhis2.json').toString('utf8').replace('"40"', '"46"'));
    const dry = await importFile(ctx, buffer, 'figures-dhis2.json', true);
    assert.deepEqual(dry, { imported: 4, updated: 0, unchanged: 0, rejected: [] });
    assert.equal(await count(ctx, 'data_value'), values);
    assert.equal(await count(ctx, 'change_set'), changes);
    assert.equal((await figures(ctx, '46', '2026-12')).size, 0);

    const real = await importFile(ctx, buffer, 'figures-dhis2.json');
    assert.deepEqual(real, dry);
    const stored = await figures(ctx, '46', '2026-12');
    // DHIS2 writes machine numbers: "1.457" is 1.457 kg there, not 1,457.
    assert.equal(stored.get('drug.seized_kg/synthetic')?.value, 1.457);
    assert.equal(stored.get('drug.seized_kg/heroin')?.value, 0.5);
    assert.equal(stored.get('drug.seized_kg/heroin')?.comment, 'Bắt quả tang');
    assert.equal(stored.get('drug.cases')?.value, 9);
  });

  it('leaves the store as it was for files it cannot read, each with a clear reason', async () => {
    const { ctx } = app;
    const sum = await checksum(ctx);
    const changes = await count(ctx, 'change_set');
    const template = await exportFigures(ctx, {
      form: 'BC-THANG',
      unit: '48',
      period: '2026-12',
      format: 'xlsx',
    });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const manyRows = Buffer.from(
      `form,unit,period,indicator,option,value\n${'BC-THANG,48,2026-12,drug.cases,,1\n'.repeat(200_001)}`,
    );
    const cases: Array<[string, Uint8Array, string, RegExp]> = [
      ['non-UTF-8 CSV', fixture('figures-windows-1258.csv'), 'a.csv', /không phải văn bản UTF-8 hợp lệ/],
      [
        'truncated XLSX',
        template.buffer.subarray(0, Math.floor(template.buffer.length / 2)),
        'a.xlsx',
        /Tệp Excel bị hỏng hoặc không đầy đủ/,
      ],
      ['text named .xlsx', Buffer.from('form,unit\n'), 'a.xlsx', /không phải định dạng nén zip/],
      [
        'JSON that does not parse',
        Buffer.from('{"dataSet": "BC-THANG", '),
        'a.json',
        /Tệp JSON không hợp lệ/,
      ],
      ['over 10 MB', big, 'a.csv', /vượt giới hạn 10 MB/],
      ['over 200,000 rows', manyRows, 'a.csv', /vượt giới hạn 200000 dòng/],
      ['empty', Buffer.alloc(0), 'a.csv', /Tệp trống/],
    ];
    for (const [label, buffer, filename, reason] of cases) {
      const summary = await importFile(ctx, buffer, filename);
      assert.equal(summary.imported + summary.updated + summary.unchanged, 0, label);
      assert.equal(summary.rejected.length, 1, label);
      assert.equal(summary.rejected[0]?.field, 'file', label);
      assert.match(summary.rejected[0]?.reason ?? '', reason, label);
    }
    assert.equal(await checksum(ctx), sum);
    assert.equal(await count(ctx, 'change_set'), changes);
  });

  it('reads back its own Excel template filled in as a person would, by codes and not by row order', async () => {
    const { ctx } = app;
    const template = await exportFigures(ctx, {
      form: 'BC-THANG',
      unit: '56',
      period: '2026-12',
      format: 'xlsx',
    });
    assert.equal(template.filename, 'BC-THANG_56_2026-12.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.buffer as never);
    const sheet = wb.worksheets[0];
    assert.ok(sheet);
    assert.equal(sheet.name, 'Số liệu');
    assert.equal(sheet.getColumn(1).hidden, true);
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(3).value ?? '')));
    assert.ok(texts.includes('Đơn vị báo cáo: Công an tỉnh Khánh Hòa (mã 56)'), texts.join('\n'));
    assert.ok(texts.includes('Kỳ báo cáo: tháng 12/2026'));
    assert.ok(texts.includes('Thời gian chốt số liệu: từ ngày 15/11/2026 đến ngày 14/12/2026'));

    const rowOf = (indicator: string, option: string | null) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === indicator && (row.getCell(2).value || null) === option) found = row;
      });
      assert.ok(found, `${indicator}/${option}`);
      return found;
    };
    rowOf('drug.cases', null).getCell(6).value = 31;
    rowOf('drug.suspects', null).getCell(6).value = '1.234';
    rowOf('drug.seized_kg', 'heroin').getCell(6).value = '2,75';
    rowOf('traffic.accidents', null).getCell(6).value = { formula: '20+4', result: 24 };
    const fire = rowOf('fire.cases', null);
    fire.getCell(6).value = 5;
    fire.getCell(7).value = 'Cháy rừng phòng hộ';
    // Move the traffic deaths row to the bottom, as sorting or cutting and pasting would.
    const deaths = rowOf('traffic.deaths', null);
    const bottom = sheet.getRow(sheet.rowCount + 3);
    bottom.getCell(1).value = 'traffic.deaths';
    bottom.getCell(6).value = 2;
    deaths.getCell(1).value = null;
    deaths.getCell(6).value = null;
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    const summary = await importFile(ctx, filled, 'bieu-56.xlsx');
    assert.deepEqual(summary, { imported: 6, updated: 0, unchanged: 0, rejected: [] });
    const stored = await figures(ctx, '56', '2026-12');
    assert.deepEqual(valuesOf(stored), {
      'drug.cases': 31,
      'drug.seized_kg/heroin': 2.75,
      'drug.suspects': 1234,
      'fire.cases': 5,
      'traffic.accidents': 24,
      'traffic.deaths': 2,
    });
    assert.equal(stored.get('fire.cases')?.comment, 'Cháy rừng phòng hộ');

    // Exported again, the template carries the figures; uploading it unchanged changes nothing.
    const again = await exportFigures(ctx, {
      form: 'BC-THANG',
      unit: '56',
      period: '2026-12',
      format: 'xlsx',
    });
    assert.deepEqual(await importFile(ctx, again.buffer, 'again.xlsx'), {
      imported: 0,
      updated: 0,
      unchanged: 6,
      rejected: [],
    });
  });

  it('names the template row of a value that is not a number', async () => {
    const { ctx } = app;
    const template = await exportFigures(ctx, {
      form: 'BC-THANG',
      unit: '51',
      period: '2026-12',
      format: 'xlsx',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.buffer as never);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    let target = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 'gambling.cases') {
        row.getCell(6).value = 'khoảng 5';
        target = n;
      }
    });
    const summary = await importFile(ctx, Buffer.from(await wb.xlsx.writeBuffer()), 'b.xlsx');
    assert.equal(summary.rejected.length, 1);
    assert.equal(summary.rejected[0]?.row, target);
    assert.equal(summary.rejected[0]?.field, 'value');
    assert.match(summary.rejected[0]?.reason ?? '', /"khoảng 5" không phải số/);
  });

  it('reports a wrong unit in the template’s title block once, at its row', async () => {
    const { ctx } = app;
    const template = await exportFigures(ctx, {
      form: 'BC-THANG',
      unit: '51',
      period: '2026-12',
      format: 'xlsx',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.buffer as never);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    let unitRow = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 'unit') {
        // Hà Nam's code: it merged into Ninh Bình on 1 July 2025.
        row.getCell(2).value = '35';
        unitRow = n;
      }
      if (row.getCell(1).value === 'drug.cases' || row.getCell(1).value === 'fire.cases')
        row.getCell(6).value = 1;
    });
    const summary = await importFile(ctx, Buffer.from(await wb.xlsx.writeBuffer()), 'c.xlsx');
    assert.deepEqual(summary.rejected, [
      {
        row: unitRow,
        field: 'unit',
        reason:
          'Mã đơn vị "35" không có hiệu lực ngày 14/12/2026; mã này dùng cho: Công an tỉnh Hà Nam (01/01/1990–30/06/2025)',
      },
    ]);
  });

  it('exports DHIS2 JSON that imports back into a fresh database with identical values', async () => {
    const fresh = await createTestApp();
    try {
      const exported = await exportFigures(app.ctx, {
        form: 'BC-THANG',
        unit: '40',
        period: '2020-02',
        format: 'json',
      });
      assert.equal(exported.filename, 'BC-THANG_40_2020-02.json');
      assert.match(exported.contentType, /application\/json/);
      const doc = JSON.parse(exported.buffer.toString('utf8')) as {
        dataSet: string;
        period: string;
        orgUnit: string;
        completeDate?: string;
        dataValues: Array<{
          dataElement: string;
          categoryOptionCombo: string;
          value: string;
          comment?: string;
        }>;
      };
      assert.equal(doc.dataSet, 'BC-THANG');
      assert.equal(doc.period, '202002');
      assert.equal(doc.orgUnit, '40');
      assert.match(doc.completeDate ?? '', /^2020-02-\d\d$/);
      assert.ok(doc.dataValues.every((v) => typeof v.value === 'string'));
      assert.ok(doc.dataValues.some((v) => v.categoryOptionCombo === 'default'));
      assert.ok(
        doc.dataValues.some((v) => v.comment),
        'the corrected traffic deaths carry their comment',
      );

      const summary = await importFile(fresh.ctx, exported.buffer, exported.filename);
      assert.deepEqual(summary, { imported: doc.dataValues.length, updated: 0, unchanged: 0, rejected: [] });
      const original = await figures(app.ctx, '40', '2020-02');
      const copy = await figures(fresh.ctx, '40', '2020-02');
      assert.ok(original.size > 20);
      assert.deepEqual([...copy].sort(), [...original].sort());
    } finally {
      await fresh.close();
    }
  });

  it('exports every cell of the form as CSV, blanks included, and reads it back', async () => {
    const { ctx } = app;
    const file = await exportFigures(ctx, { form: 'BC-THANG', unit: '40', period: '2026-12', format: 'csv' });
    const lines = file.buffer
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'form,unit,period,indicator,option,value,comment,indicator_name,measure');
    const form = ctx.catalogue.form('BC-THANG');
    assert.ok(form);
    const cells = form.indicators.reduce(
      (n, code) => n + Math.max(1, ctx.catalogue.indicator(code)?.options.length ?? 0),
      0,
    );
    // One comment holds a line break, so the file has one line more than the form has cells.
    assert.equal(lines.length - 1, cells + 1);
    assert.ok(
      lines.includes('BC-THANG,40,2026-12,drug.seized_kg,heroin,"138,6","Thu giữ tại cửa khẩu, ghi chú'),
    );
    assert.ok(lines.some((l) => l.startsWith('BC-THANG,40,2026-12,fire.cases,,,,')));
  });

  it('runs from the command line: JSON summary, exit code, written export', async () => {
    const { ctx } = app;
    const dir = join(OUTPUT_DIR, 'transfer');
    mkdirSync(dir, { recursive: true });
    const bad = join(dir, `bad-${process.pid}.csv`);
    writeFileSync(bad, forUnit('figures-bad-rows.csv', '52'));
    let out = '';
    const result = await runImport(ctx, { file: bad, dryRun: false, json: true, write: (t) => (out += t) });
    assert.notEqual(result.exitCode, 0);
    const printed = JSON.parse(out) as ImportSummary;
    assert.deepEqual(printed, result.summary);
    assert.equal(printed.rejected.length, 10);

    const exported = await runExport(ctx, {
      unit: '40',
      period: '2026-12',
      format: 'csv',
      output: join(dir, `export-${process.pid}.csv`),
      reader: { clearance: 'tuyet_mat' },
    });
    assert.ok(exported.bytes > 100);
    out = '';
    const ok = await runImport(ctx, {
      file: exported.path,
      dryRun: true,
      json: false,
      write: (t) => (out += t),
    });
    assert.equal(ok.exitCode, 0);
    assert.match(
      out,
      /Kiểm tra xong, chưa ghi gì \(chạy thử\)\. Sẽ nhập: 0 số liệu mới, 0 số liệu sửa, 6 không đổi\./,
    );
  });

  describe('never changes a magnitude silently', () => {
    const csv = (rows: string[]) =>
      Buffer.from(`form,unit,period,indicator,option,value,comment\n${rows.join('\n')}\n`, 'utf8');

    it('reads the decimal convention of the whole column: "1.477" beside "0.63" is 1,477 kg, not 1477', async () => {
      const { ctx } = app;
      const summary = await importFile(
        ctx,
        csv([
          'BC-THANG,48,2026-12,drug.seized_kg,heroin,1.477,',
          'BC-THANG,48,2026-12,drug.seized_kg,synthetic,0.63,',
          'BC-THANG,48,2026-12,drug.cases,,12,',
        ]),
        'kg.csv',
      );
      assert.deepEqual(summary, { imported: 3, updated: 0, unchanged: 0, rejected: [] });
      const stored = await figures(ctx, '48', '2026-12');
      assert.equal(stored.get('drug.seized_kg/heroin')?.value, 1.477);
      assert.equal(stored.get('drug.seized_kg/synthetic')?.value, 0.63);
    });

    it('refuses a file that writes decimals both ways, naming the rows, and one where "1.477" cannot be told', async () => {
      const { ctx } = app;
      const sum = await checksum(ctx);
      const mixed = await importFile(
        ctx,
        csv([
          'BC-THANG,51,2026-12,drug.seized_kg,heroin,"138,6",',
          'BC-THANG,51,2026-12,drug.seized_kg,synthetic,0.63,',
          'BC-THANG,51,2026-12,drug.seized_kg,cannabis,1.477,',
        ]),
        'mixed.csv',
      );
      assert.equal(mixed.rejected.length, 1);
      assert.equal(mixed.rejected[0]?.field, 'value');
      assert.match(
        mixed.rejected[0]?.reason ?? '',
        /dấu phẩy thập phân ở dòng 2 \(138,6\).*dấu chấm thập phân ở dòng 3 \(0\.63\)/,
      );
      const unclear = await importFile(
        ctx,
        csv(['BC-THANG,51,2026-12,drug.seized_kg,cannabis,1.477,', 'BC-THANG,51,2026-12,drug.cases,,1.457,']),
        'unclear.csv',
      );
      assert.equal(unclear.rejected.length, 1);
      assert.equal(unclear.rejected[0]?.row, 2);
      assert.match(
        unclear.rejected[0]?.reason ?? '',
        /không xác định được dấu thập phân ở dòng 2 \(1\.477\)/,
      );
      assert.equal(await checksum(ctx), sum);
      // Where only counts carry "1.457", it can only be one thousand four hundred and fifty-seven.
      const counts = await importFile(ctx, csv(['BC-THANG,51,2026-12,drug.cases,,1.457,']), 'counts.csv');
      assert.deepEqual(counts, { imported: 1, updated: 0, unchanged: 0, rejected: [] });
      assert.equal((await figures(ctx, '51', '2026-12')).get('drug.cases')?.value, 1457);
    });

    it('refuses more decimals than the indicator keeps instead of rounding them away', async () => {
      const { ctx } = app;
      const before = (await figures(ctx, '56', '2026-12')).get('drug.seized_kg/heroin');
      const summary = await importFile(
        ctx,
        csv(['BC-THANG,56,2026-12,drug.seized_kg,heroin,0.12345,']),
        'decimals.csv',
      );
      assert.equal(summary.rejected.length, 1);
      assert.match(
        summary.rejected[0]?.reason ?? '',
        /0\.12345 có nhiều chữ số thập phân hơn chỉ tiêu drug\.seized_kg cho phép \(3\)/,
      );
      assert.deepEqual((await figures(ctx, '56', '2026-12')).get('drug.seized_kg/heroin'), before);
    });

    it('counts unchanged figures re-imported into a locked report as unchanged', async () => {
      const { ctx } = app;
      const stored = await figures(ctx, '40', '2020-02');
      const deaths = stored.get('traffic.deaths')?.value;
      const cases = stored.get('drug.cases')?.value;
      assert.ok(typeof deaths === 'number' && typeof cases === 'number');
      const same = await importFile(
        ctx,
        csv([`BC-THANG,40,2020-02,traffic.deaths,,${deaths},`, `BC-THANG,40,2020-02,drug.cases,,${cases},`]),
        'again.csv',
      );
      assert.deepEqual(same, { imported: 0, updated: 0, unchanged: 2, rejected: [] });
      const changed = await importFile(
        ctx,
        csv([`BC-THANG,40,2020-02,traffic.deaths,,${deaths + 1},`]),
        'changed.csv',
      );
      assert.equal(changed.rejected[0]?.field, 'status');
    });
  });
});
