import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../shared/errors.ts';

const run = promisify(execFile);

/** pg_dump/pg_restore: from Debian's versioned folder when present (they are not on PATH there), else from PATH. */
export function postgresTool(
  name: 'pg_dump' | 'pg_restore' | 'pg_basebackup' | 'pg_ctl' | 'initdb' | 'psql',
): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const path = join(root, v, 'bin', name);
      if (existsSync(path)) return path;
    }
  }
  return name;
}

/**
 * Backs up a PostgreSQL database with pg_dump's custom format (a consistent snapshot taken while the server keeps
 * writing). Written to a temporary file, checked by listing it with pg_restore, then renamed: a failed backup never
 * leaves half a file under the final name.
 */
export async function backupPostgres(
  url: string,
  target: string,
): Promise<{ bytes: number; entries: number }> {
  const temporary = `${target}.partial`;
  rmSync(temporary, { force: true });
  try {
    await run(postgresTool('pg_dump'), ['-Fc', '--no-owner', '--no-privileges', '-f', temporary, '-d', url], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const entries = await listDump(temporary);
    renameSync(temporary, target);
    return { bytes: statSync(target).size, entries };
  } finally {
    rmSync(temporary, { force: true });
  }
}

async function listDump(file: string): Promise<number> {
  const { stdout } = await run(postgresTool('pg_restore'), ['--list', file], { maxBuffer: 64 * 1024 * 1024 });
  const entries = stdout.split('\n').filter((l) => /^\d+;/.test(l));
  if (!entries.some((l) => / TABLE DATA public kysely_migration /.test(l)))
    throw new Error('the dump holds no giaoban schema (no kysely_migration table)');
  return entries.length;
}

/**
 * Restores a pg_dump backup over the database in one transaction (pg_restore's script run by psql): either
 * every table is replaced by the backup's content or, on any error, nothing changes. The file is checked first.
 * Servers should be restarted afterwards so that their in-memory tree and catalogue are re-read.
 */
export async function restorePostgres(url: string, source: string): Promise<{ entries: number }> {
  if (!existsSync(source)) {
    throw new AppError('not_found', `Không có tệp sao lưu "${source}"`, `no backup file "${source}"`, [
      { field: 'file', reason: 'không tồn tại' },
    ]);
  }
  let entries: number;
  try {
    entries = await listDump(source);
  } catch (error) {
    throw new AppError(
      'bad_request',
      `Tệp "${source}" không phải bản sao lưu giaoban hợp lệ`,
      `"${source}" is not a valid giaoban backup`,
      [{ field: 'file', reason: firstLine(error) }],
    );
  }
  await restoreInOneTransaction(url, source);
  return { entries };
}

/**
 * pg_restore's script (--clean --if-exists) run by psql in one transaction, after the partitioned tables are dropped
 * with their partitions: --clean alone drops a partition's primary key before its table, which PostgreSQL refuses
 * while the partition is attached. On any error psql stops and the transaction rolls back.
 */
function restoreInOneTransaction(url: string, source: string): Promise<void> {
  const dropPartitioned = `DO $$ DECLARE t regclass; BEGIN
    FOR t IN SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'p' AND n.nspname = 'public' AND NOT c.relispartition LOOP
      EXECUTE 'DROP TABLE IF EXISTS ' || t || ' CASCADE';
    END LOOP; END $$`;
  return new Promise((resolve, reject) => {
    const script = spawn(
      postgresTool('pg_restore'),
      ['--clean', '--if-exists', '--no-owner', '--no-privileges', '-f', '-', source],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const psql = spawn(
      postgresTool('psql'),
      [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '--single-transaction',
        '-c',
        dropPartitioned,
        '-f',
        '-',
        '-d',
        url,
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    script.stdout.pipe(psql.stdin);
    let stderr = '';
    script.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    psql.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    let scriptCode: number | null = null;
    script.on('close', (code) => {
      scriptCode = code;
    });
    script.on('error', reject);
    psql.on('error', reject);
    psql.on('close', (code) => {
      if (code === 0 && scriptCode === 0) resolve();
      else reject(Object.assign(new Error(`restore failed: ${stderr.trim()}`), { stderr }));
    });
  });
}

function firstLine(error: unknown): string {
  const e = error as { stderr?: string; message?: string };
  return (e.stderr || e.message || String(error)).trim().split('\n')[0] ?? '';
}
