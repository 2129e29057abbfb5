import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, OUTPUT_DIR, ROOT, TEST_TODAY, type TestApp } from '../support/app.ts';

function giaoban(dbFile: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    input,
    env: { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, GIAOBAN_NOW: TEST_TODAY, LOG_LEVEL: 'silent' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('giaoban CLI on the demo data', () => {
  let app: TestApp;
  let commune: string;
  before(async () => {
    app = await createTestApp({ demo: true });
    const today = app.ctx.clock.today();
    commune = app.ctx.graph
      .childrenOn(app.ctx.graph.findByCode('37', today)?.id ?? 0, today)
      .map((id) => app.ctx.graph.require(id).code)
      .sort()[0] as string;
    await createUser(app.ctx, { username: 'canbo', role: 'officer', unitCode: commune, clearance: 'none' });
    await app.ctx.close();
  });
  after(async () => {
    await app.close().catch(() => undefined);
  });

  it('query --unit BCA --period 2020-02 --json returns the seed article’s national drug figures', () => {
    const { status, stdout, stderr } = giaoban(app.dbFile, [
      'query',
      '--unit',
      'BCA',
      '--period',
      '2020-02',
      '--json',
    ]);
    assert.equal(status, 0, stderr);
    const rows = JSON.parse(stdout) as Array<{ indicator: string; option: string | null; value: number }>;
    const value = (indicator: string, option: string | null) =>
      rows.find((r) => r.indicator === indicator && r.option === option)?.value;
    assert.equal(value('drug.cases', null), 1457);
    assert.equal(value('drug.suspects', null), 1978);
    assert.equal(value('drug.seized_kg', 'heroin'), 27.9);
    assert.equal(value('drug.seized_kg', 'synthetic'), 138.6);
    assert.equal(value('drug.seized_kg', 'cannabis'), 5.5);
    assert.equal(value('drug.seized_tablets', 'synthetic'), 162526);
    for (const row of rows) assert.ok(row.value === null || typeof row.value === 'number');
  });

  it('query --compare adds prev, yoy, ytd, ytd_prev and yoy_units; --as-of gives the briefed figure', () => {
    const now = giaoban(app.dbFile, [
      'query',
      '--unit',
      'BCA',
      '--period',
      '2020-02',
      '--indicator',
      'traffic.deaths',
      '--compare',
      '--json',
    ]);
    assert.equal(now.status, 0, now.stderr);
    const [row] = JSON.parse(now.stdout) as Array<Record<string, unknown>>;
    assert.ok(row);
    for (const key of ['prev', 'yoy', 'ytd', 'ytd_prev']) assert.equal(typeof row[key], 'number', key);
    assert.deepEqual(row.yoy_units, ['BCA']);
    // The demo corrects Nghệ An's February traffic deaths (+2) on 02/03/2020, after the briefing of 26/02.
    const briefed = giaoban(app.dbFile, [
      'query',
      '--unit',
      'BCA',
      '--period',
      '2020-02',
      '--indicator',
      'traffic.deaths',
      '--as-of',
      '2020-02-26T08:00',
      '--json',
    ]);
    assert.equal(briefed.status, 0, briefed.stderr);
    const [then] = JSON.parse(briefed.stdout) as Array<{ value: number }>;
    assert.equal((row.value as number) - (then?.value ?? 0), 2);
  });

  it('units --json lists the units valid on a date, with kind, parent and predecessors', () => {
    const before2025 = giaoban(app.dbFile, ['units', '--json', '--at', '2025-06-30', '--kind', 'province']);
    const after2025 = giaoban(app.dbFile, ['units', '--json', '--at', '2025-07-01', '--kind', 'province']);
    assert.equal(before2025.status, 0, before2025.stderr);
    const old = JSON.parse(before2025.stdout) as Array<{ code: string; kind: string; parent: string }>;
    const fresh = JSON.parse(after2025.stdout) as Array<{
      code: string;
      name: string;
      predecessors: Array<{ code: string }>;
    }>;
    assert.equal(old.length, 63);
    assert.equal(fresh.length, 34);
    assert.ok(old.every((u) => u.kind === 'province' && u.parent === 'BCA'));
    const caoBang = fresh.find((u) => u.code === '04');
    assert.deepEqual(caoBang?.predecessors, []);
    const hcm = fresh.find((u) => u.code === '79');
    assert.deepEqual(hcm?.predecessors.map((p) => p.code).sort(), ['74', '77', '79']);
    const all = JSON.parse(giaoban(app.dbFile, ['units', '--json', '--at', '2026-01-01']).stdout) as Array<{
      kind: string;
    }>;
    assert.equal(all.filter((u) => u.kind === 'commune').length, 3319);
    assert.equal(all.filter((u) => u.kind === 'district').length, 0);
  });

  it('indicators --json carries the required codes and options', () => {
    const { status, stdout } = giaoban(app.dbFile, ['indicators', '--json']);
    assert.equal(status, 0);
    const list = JSON.parse(stdout) as Array<{
      code: string;
      unit: string;
      options: Array<{ code: string }>;
    }>;
    const find = (code: string) => list.find((i) => i.code === code);
    assert.equal(find('drug.cases')?.unit, 'vụ');
    assert.equal(find('drug.suspects')?.unit, 'đối tượng');
    assert.deepEqual(
      find('drug.seized_kg')?.options.map((o) => o.code),
      ['heroin', 'synthetic', 'cannabis'],
    );
    assert.equal(find('drug.seized_kg')?.unit, 'kg');
    assert.deepEqual(
      find('drug.seized_tablets')?.options.map((o) => o.code),
      ['synthetic'],
    );
  });

  it('query --include says which reports count: approved ones alone are fewer than those submitted', () => {
    const ask = (...extra: string[]) => {
      const out = giaoban(app.dbFile, [
        'query',
        '--unit',
        'BCA',
        '--period',
        '2026-11',
        '--indicator',
        'drug.cases',
        '--json',
        ...extra,
      ]);
      assert.equal(out.status, 0, out.stderr);
      const [row] = JSON.parse(out.stdout) as Array<{
        value: number;
        include: string;
        coverage: { counted: number; expected: number; statuses: Record<string, number> };
      }>;
      assert.ok(row);
      return row;
    };
    const byDefault = ask();
    assert.equal(byDefault.include, 'submitted');
    const approved = ask('--include', 'approved');
    assert.equal(approved.include, 'approved');
    assert.ok(approved.value < byDefault.value, `${approved.value} < ${byDefault.value}`);
    assert.ok(
      (byDefault.coverage.statuses.submitted ?? 0) > 0 && (byDefault.coverage.statuses.approved ?? 0) > 0,
    );
    assert.equal(approved.coverage.counted, byDefault.coverage.statuses.approved);
    const bad = giaoban(app.dbFile, ['query', '--unit', 'BCA', '--period', '2026-11', '--include', 'all']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /approved, submitted/);
  });

  it('answers bad input with one clear line and a non-zero exit code', () => {
    const badPeriod = giaoban(app.dbFile, ['query', '--unit', 'BCA', '--period', '2020-13', '--json']);
    assert.notEqual(badPeriod.status, 0);
    assert.match(badPeriod.stderr, /2020-13/);
    assert.equal(badPeriod.stderr.trim().split('\n').length, 1);
    const reused = giaoban(app.dbFile, [
      'query',
      '--unit',
      '15',
      '--period',
      '2026-01',
      '--indicator',
      'nope',
      '--json',
    ]);
    assert.notEqual(reused.status, 0);
    assert.match(reused.stderr, /nope/);
    const unknownUnit = giaoban(app.dbFile, ['query', '--unit', 'XYZ', '--period', '2020-02']);
    assert.equal(unknownUnit.status, 3);
    // Province code 52 was Bình Định until 30/06/2025, Gia Lai since: the error says when each was valid.
    const units = giaoban(app.dbFile, ['query', '--unit', '62', '--period', '2026-01']);
    assert.equal(units.status, 3);
    assert.match(units.stderr, /Kon Tum/);
  });

  it('demo run twice changes nothing', () => {
    const again = giaoban(app.dbFile, ['demo', '--scale', 'small']);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /already loaded/);
  });

  it('extract reads the seed passage exactly', () => {
    const text =
      'Trong tháng 2, các đơn vị, địa phương đã phát hiện, bắt giữ 1.457 vụ - 1.978 đối tượng phạm tội về ma túy, thu giữ gần 28kg heroin, 138,6kg và 162.526 viên ma túy tổng hợp, 5,5kg cần sa...';
    const { status, stdout } = giaoban(app.dbFile, ['extract', '-', '--json'], text);
    assert.equal(status, 0);
    const result = JSON.parse(stdout) as {
      figures: Array<{
        indicator: string;
        option: string | null;
        value: number;
        unit: string;
        approx: string | null;
      }>;
    };
    assert.deepEqual(
      result.figures.map((f) => [f.indicator, f.option, f.value, f.unit, f.approx]),
      [
        ['drug.cases', null, 1457, 'vụ', null],
        ['drug.suspects', null, 1978, 'đối tượng', null],
        ['drug.seized_kg', 'heroin', 28, 'kg', 'gần'],
        ['drug.seized_kg', 'synthetic', 138.6, 'kg', null],
        ['drug.seized_tablets', 'synthetic', 162526, 'viên', null],
        ['drug.seized_kg', 'cannabis', 5.5, 'kg', null],
      ],
    );
  });

  it('applies a user’s scope and clearance with --as, the same policy as the web page', () => {
    const national = giaoban(app.dbFile, [
      'query',
      '--unit',
      'BCA',
      '--period',
      '2026-11',
      '--as',
      'canbo',
      '--json',
    ]);
    assert.equal(national.status, 4, national.stderr);
    const own = giaoban(app.dbFile, [
      'query',
      '--unit',
      commune,
      '--period',
      '2026-11',
      '--as',
      'canbo',
      '--json',
    ]);
    assert.equal(own.status, 0, own.stderr);
    const rows = JSON.parse(own.stdout) as Array<{ secrecy: string }>;
    assert.ok(rows.length > 0 && rows.every((r) => r.secrecy === 'none'));
    const report = giaoban(app.dbFile, ['report', '--period', '2026-11', '--as', 'canbo', '-o', '/dev/null']);
    assert.equal(report.status, 4);
    const unknown = giaoban(app.dbFile, [
      'query',
      '--unit',
      commune,
      '--period',
      '2026-11',
      '--as',
      'nobody',
    ]);
    assert.equal(unknown.status, 3);
  });

  it('writes a quarterly report and refuses a day, naming the periods it takes (issue 15)', () => {
    const out = join(OUTPUT_DIR, 'cli-2020-Q1.docx');
    const quarter = giaoban(app.dbFile, ['report', '--period', '2020-Q1', '--format', 'docx', '-o', out]);
    assert.equal(quarter.status, 0, quarter.stderr);
    const day = giaoban(app.dbFile, ['report', '--period', '2020-02-15', '-o', '/dev/null']);
    assert.notEqual(day.status, 0);
    assert.match(day.stderr, /quý \(2020-Q1\)/);
  });
});
