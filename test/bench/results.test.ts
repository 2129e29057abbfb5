import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseArgs, RESULT_KEYS, writeBenchJson } from '../../bench/results.ts';
import { OUTPUT_DIR } from '../support/app.ts';

describe('machine-readable benchmark results', () => {
  it('writes every stable key, null where not measured, and merges the load figures into the same record', () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const file = join(OUTPUT_DIR, `bench-${process.pid}.json`);
    rmSync(file, { force: true });
    writeBenchJson(file, {
      backend: 'sqlite',
      scale: 0.02,
      figures: 581_760,
      import_per_s: 88_389.4,
      pack_p50_ms: 12.345,
      pack_vs_duckdb: Number.NaN,
    });
    writeBenchJson(file, { backend: 'postgres', scale: 0.02, import_per_s: 11_802, durability: 'fsync=on' });
    writeBenchJson(file, { backend: 'sqlite', scale: 0.02, load_saves_per_s: 997.3, read_p99_ms: 41 });
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    rmSync(file, { force: true });
    assert.equal(doc.format, 'giaoban-bench/1');
    assert.equal(doc.results.length, 2);
    const sqlite = doc.results.find((r: { backend: string }) => r.backend === 'sqlite');
    for (const key of RESULT_KEYS) assert.ok(key in sqlite, key);
    assert.equal(sqlite.figures, 581_760);
    assert.equal(sqlite.import_per_s, 88_389);
    assert.equal(sqlite.pack_p50_ms, 12.35);
    assert.equal(sqlite.pack_vs_duckdb, null);
    assert.equal(sqlite.load_saves_per_s, 997);
    assert.equal(sqlite.read_p99_ms, 41);
    assert.equal(sqlite.load_p99_ms, null);
    assert.equal(
      doc.results.find((r: { backend: string }) => r.backend === 'postgres').durability,
      'fsync=on',
    );
  });

  it('refuses a flag without its value', () => {
    assert.throws(() => parseArgs(['node', 'run.ts', '--scale', '0.02', '--json']), /--json/);
    assert.deepEqual([...parseArgs(['node', 'run.ts', '--json', 'out.json'])], [['json', 'out.json']]);
  });
});
