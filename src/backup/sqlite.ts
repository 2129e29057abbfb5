import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../shared/errors.ts';

/**
 * Online backup of a SQLite store through SQLite's backup API: the server keeps running and writing, and the copy is
 * a consistent snapshot. Written to a temporary file first and renamed, so a failed backup never leaves half a file.
 */
export async function backupSqlite(
  db: BetterSqlite3.Database,
  target: string,
): Promise<{ bytes: number; pages: number }> {
  const temporary = `${target}.partial`;
  rmSync(temporary, { force: true });
  const result = await db.backup(temporary);
  const check = new BetterSqlite3(temporary, { readonly: true });
  try {
    const verdict = check.pragma('integrity_check', { simple: true });
    if (verdict !== 'ok') throw new Error(`backup failed its integrity check: ${String(verdict)}`);
  } finally {
    check.close();
  }
  renameSync(temporary, target);
  return { bytes: statSync(target).size, pages: result.totalPages };
}

/**
 * Restores a backup into the live store, online: the backup's pages are copied into the open database through the
 * backup API (readers see either the old or the restored content, never a mixture). The file is checked first.
 */
export async function restoreSqlite(db: BetterSqlite3.Database, source: string): Promise<{ pages: number }> {
  if (!existsSync(source)) {
    throw new AppError('not_found', `Không có tệp sao lưu "${source}"`, `no backup file "${source}"`, [
      { field: 'file', reason: 'không tồn tại' },
    ]);
  }
  let backup: BetterSqlite3.Database;
  try {
    backup = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
    const verdict = backup.pragma('integrity_check', { simple: true });
    if (verdict !== 'ok') throw new Error(String(verdict));
    backup.prepare('SELECT count(*) FROM kysely_migration').get();
  } catch (error) {
    throw new AppError(
      'bad_request',
      `Tệp "${source}" không phải bản sao lưu giaoban hợp lệ`,
      `"${source}" is not a valid giaoban backup`,
      [{ field: 'file', reason: error instanceof Error ? error.message : String(error) }],
    );
  }
  try {
    const main = db.name;
    // The backup API writes into a named database file; the live connection then sees the restored pages.
    const result = await backup.backup(main);
    return { pages: result.totalPages };
  } finally {
    backup.close();
  }
}
