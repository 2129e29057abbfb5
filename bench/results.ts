import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import type pg from 'pg';

/**
 * The machine-readable result of a benchmark run. Keys are stable so that runs of different versions can be
 * compared: a figure a run did not measure is null, never missing. `npm run bench -- --json F` fills the storage
 * figures and `npm run bench:load -- --json F` the load figures of the same file, one record per backend and scale.
 */
export const RESULT_KEYS = [
  'backend',
  'scale',
  'figures',
  'import_per_s',
  'pack_p50_ms',
  'pack_p99_ms',
  'pack_vs_duckdb',
  'drill_p50_ms',
  'drill_vs_duckdb',
  'save_visible_p50_ms',
  'load_saves_per_s',
  'load_p50_ms',
  'load_p99_ms',
  'read_req_per_s',
  'read_p99_ms',
] as const;

export type ResultKey = (typeof RESULT_KEYS)[number];
export type BenchRecord = { backend: string; scale: number } & Partial<
  Record<ResultKey, number | string | null>
>;
export type FullRecord = Record<ResultKey, number | string | null> & {
  /** PostgreSQL's fsync and synchronous_commit during the run: figures are comparable only when both are on. */
  durability: string | null;
};

export interface BenchFile {
  format: 'giaoban-bench/1';
  machine: { cpus: number; arch: string; node: string };
  updated_at: string;
  results: FullRecord[];
}

function round(n: number | string | null | undefined): number | string | null {
  if (n === undefined || n === null) return null;
  if (typeof n === 'string') return n;
  if (!Number.isFinite(n)) return null;
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

/**
 * Merges `record` into the JSON file (created if absent): the record of the same backend and scale is updated key
 * by key, others are kept. Written through a temporary file so that a crash never leaves half a document.
 */
export function writeBenchJson(
  file: string,
  record: BenchRecord & { durability?: string | null },
): BenchFile {
  let doc: BenchFile = {
    format: 'giaoban-bench/1',
    machine: { cpus: cpus().length, arch: process.arch, node: process.version },
    updated_at: '',
    results: [],
  };
  if (existsSync(file)) {
    const existing = JSON.parse(readFileSync(file, 'utf8')) as Partial<BenchFile>;
    if (existing.format === 'giaoban-bench/1' && Array.isArray(existing.results))
      doc = { ...doc, results: existing.results };
  }
  let target = doc.results.find((r) => r.backend === record.backend && r.scale === record.scale);
  if (!target) {
    target = Object.fromEntries([...RESULT_KEYS.map((k) => [k, null]), ['durability', null]]) as FullRecord;
    doc.results.push(target);
  }
  for (const key of RESULT_KEYS) if (record[key] !== undefined) target[key] = round(record[key]);
  if (record.durability !== undefined) target.durability = record.durability;
  doc.updated_at = new Date().toISOString();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(doc, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return doc;
}

/** `--name value` pairs of a command line, with `--json` required to have a value. */
export function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 2; i < argv.length; i += 2) {
    const name = String(argv[i]);
    const value = argv[i + 1];
    if (!name.startsWith('--') || value === undefined || value.startsWith('--'))
      throw new Error(
        `expected "--name value" pairs, got "${name}${value === undefined ? '' : ` ${value}`}"`,
      );
    args.set(name.slice(2), value);
  }
  return args;
}

/** PostgreSQL's durability settings during the run ("fsync=on full_page_writes=on synchronous_commit=on"); null on
 * SQLite (no pool). */
export async function durability(pool: pg.Pool | null): Promise<string | null> {
  if (!pool) return null;
  const { rows } = await pool.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name",
  );
  return rows.map((r) => `${r.name}=${r.setting}`).join(' ');
}
