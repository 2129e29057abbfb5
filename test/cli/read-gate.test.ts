import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createTestApp, createUser, OUTPUT_DIR, ROOT, TEST_TODAY, type TestApp } from '../support/app.ts';

function giaoban(dbFile: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, GIAOBAN_NOW: TEST_TODAY, LOG_LEVEL: 'silent' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * CLI reads pass the same read gate as the routes: with `--as USER`, a figure classified above the user's clearance
 * (here by a secrecy decision on province 40's traffic deaths) is left out of corrections and exports.
 */
describe('CLI reads through the read gate', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp({ demo: true });
    const { ctx } = app;
    await createUser(ctx, { username: 'phantich', role: 'analyst', unitCode: 'BCA', clearance: 'none' });
    const indicator = ctx.catalogue.indicator('traffic.deaths');
    const province = ctx.graph.findByCode('40', '2020-02-14');
    assert.ok(indicator && province);
    await ctx.store.write((trx) =>
      trx
        .insertInto('secrecy_override')
        .values({
          indicator_id: indicator.id,
          unit_id: province.id,
          level: 'mat',
          reason: 'kiểm thử',
          set_by: null,
          set_by_name: 'kiểm thử',
          set_at: '2026-11-01T00:00:00.000Z',
          withdrawn_at: null,
        })
        .execute(),
    );
    await ctx.close();
  });
  after(async () => {
    await app.close().catch(() => undefined);
  });

  it('corrections --as an unclassified analyst leave out the classified correction', () => {
    const args = [
      'corrections',
      '--unit',
      'BCA',
      '--period',
      '2020-02',
      '--as-of',
      '2020-02-26T08:00',
      '--json',
    ];
    const operator = giaoban(app.dbFile, args);
    assert.equal(operator.status, 0, operator.stderr);
    const all = JSON.parse(operator.stdout) as { corrections: Array<{ unit: string; indicator: string }> };
    assert.ok(all.corrections.some((c) => c.unit === '40' && c.indicator === 'traffic.deaths'));

    const analyst = giaoban(app.dbFile, [...args, '--as', 'phantich']);
    assert.equal(analyst.status, 0, analyst.stderr);
    const shown = JSON.parse(analyst.stdout) as {
      withheld: number;
      corrections: Array<{ unit: string; indicator: string }>;
    };
    assert.equal(shown.withheld, 1);
    assert.ok(!shown.corrections.some((c) => c.unit === '40' && c.indicator === 'traffic.deaths'));
  });

  it('export --as an unclassified analyst leaves the classified cell empty', () => {
    const output = join(OUTPUT_DIR, `gate-${process.pid}.csv`);
    const run = giaoban(app.dbFile, [
      'export',
      '--unit',
      '40',
      '--period',
      '2020-02',
      '--format',
      'csv',
      '-o',
      output,
      '--as',
      'phantich',
    ]);
    assert.equal(run.status, 0, run.stderr);
    const rows = readFileSync(output, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const column = rows[0]?.indexOf('value') ?? -1;
    assert.ok(column > 0, 'a value column');
    const figureOf = (indicator: string) => rows.find((r) => r[3] === indicator)?.[column];
    // The unclassified neighbour keeps its figure; the classified one keeps its row but no number.
    assert.match(figureOf('traffic.injuries') ?? '', /^\d+$/);
    assert.equal(figureOf('traffic.deaths'), '');

    // The audit entry says what left: which form, for which level of unit, at which secrecy, with what left out.
    const db = new Database(app.dbFile, { readonly: true });
    const entry = db
      .prepare(
        "SELECT secrecy, details FROM audit_log WHERE action = 'export.figures' ORDER BY seq DESC LIMIT 1",
      )
      .get() as { secrecy: string; details: string };
    db.close();
    assert.equal(entry.secrecy, 'none');
    assert.deepEqual(JSON.parse(entry.details), {
      via: 'cli',
      form: 'BC-THANG',
      unitLevel: 'province',
      format: 'csv',
      formSecrecy: 'none',
      secrecy: 'none',
      withheld: 1,
      bytes: JSON.parse(entry.details).bytes,
    });
  });
});
