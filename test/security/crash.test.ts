import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { createTestApp, OUTPUT_DIR, ROOT, TEST_TODAY, type TestApp } from '../support/app.ts';

const PERIOD = '2026-12';

/** Counts figures of the import's period: 0 before, the file's row count after; anything else is a torn write. */
function figuresOfPeriod(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM data_value WHERE period = ?').get(PERIOD) as { n: number })
      .n;
  } finally {
    db.close();
  }
}

describe('an import killed midway', () => {
  let app: TestApp;
  let csv: string;
  let rows = 0;
  before(async () => {
    app = await createTestApp({ demo: true });
    const today = TEST_TODAY;
    const communes = app.ctx.graph.unitsOn(today, 'commune').map((u) => u.code);
    const indicators = [
      'crime.occurred',
      'crime.solved',
      'drug.cases',
      'drug.suspects',
      'gambling.cases',
      'gambling.suspects',
      'fire.cases',
    ];
    const lines = ['form,unit,period,indicator,option,value,comment'];
    for (const code of communes) {
      for (const [i, indicator] of indicators.entries())
        lines.push(`BC-THANG,${code},${PERIOD},${indicator},,${(code.charCodeAt(4) + i) % 9},`);
    }
    rows = lines.length - 1;
    csv = join(OUTPUT_DIR, `crash-${process.pid}.csv`);
    writeFileSync(csv, `${lines.join('\n')}\n`);
    await app.ctx.close();
  });
  after(async () => {
    rmSync(csv, { force: true });
    await app?.close().catch(() => undefined);
  });

  it('leaves the store as it was (or wholly imported), never half-written', async (t) => {
    const outcomes: string[] = [];
    const run = async (killAfterMs: number | null) => {
      const file = join(OUTPUT_DIR, 'db', `crash-${process.pid}-${outcomes.length}.sqlite`);
      copyFileSync(app.dbFile, file);
      const started = Date.now();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', csv, '--json'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: `sqlite:${file}`, GIAOBAN_NOW: TEST_TODAY },
        stdio: 'ignore',
      });
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      const { code, signal } = await exit;
      if (timer) clearTimeout(timer);
      const elapsed = Date.now() - started;
      const count = figuresOfPeriod(file);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      if (signal === 'SIGKILL') {
        // Killed before its commit, nothing of the import may remain; killed after it, all of it.
        assert.ok(
          count === 0 || count === rows,
          `killed after ${killAfterMs} ms: ${count} of ${rows} figures were left behind`,
        );
        outcomes.push(
          `killed at ${killAfterMs} ms: ${count === 0 ? 'unchanged' : 'already committed whole'}`,
        );
      } else {
        assert.equal(code, 0);
        assert.equal(count, rows);
        outcomes.push(`completed in ${elapsed} ms`);
      }
      return elapsed;
    };
    // A full run gives the timing; kills are then spread towards its end, where the write transaction runs.
    const full = Math.min(await run(null), await run(null));
    for (const share of [0.6, 0.7, 0.8, 0.85, 0.9, 0.95]) await run(Math.round(full * share));
    t.diagnostic(`${rows} figures; outcomes: ${outcomes.join(', ')}`);
    assert.ok(
      outcomes.some((o) => o.endsWith('unchanged')),
      `no run was killed midway: ${outcomes.join(', ')}`,
    );
  });
});

describe('giaoban serve', () => {
  it('exits non-zero when it cannot serve (a supervisor then restarts it)', async () => {
    const blocker = (await import('node:net')).createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const dir = join(OUTPUT_DIR, `serve-fatal-${process.pid}`);
    const child = spawn(process.execPath, ['bin/giaoban.js', 'serve', '--port', String(port)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `sqlite:${dir}.sqlite`, GIAOBAN_NOW: TEST_TODAY },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    blocker.close();
    for (const suffix of ['.sqlite', '.sqlite-wal', '.sqlite-shm'])
      rmSync(`${dir}${suffix}`, { force: true });
    assert.notEqual(code, 0);
  });
});
