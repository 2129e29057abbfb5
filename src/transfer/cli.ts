import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../audit/actor.ts';
import { AppError, EXIT_CODE } from '../shared/errors.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { formatNumber } from '../vietnamese/numbers.ts';
import { exportFigures } from './export.ts';
import type { ImportOptions } from './import.ts';
import { importFigures } from './import.ts';
import { type ImportSummary, MAX_FILE_BYTES, type TransferFormat } from './model.ts';

function formatFromName(path: string): TransferFormat | null {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext === 'xlsx' || ext === 'csv' || ext === 'json' ? ext : null;
}

/**
 * `giaoban export --unit 40 --period 2020-02 [--form BC-THANG] [--format xlsx] --output FILE`: writes the unit's
 * figures (or the template to fill in). The format defaults to the output's extension, then to xlsx.
 */
export async function runExport(
  ctx: AppContext,
  options: {
    unit: string;
    period: string;
    form?: string;
    format?: TransferFormat;
    output?: string;
    children?: boolean | undefined;
    idScheme?: 'uid' | 'code' | undefined;
    /** Whose clearance the file is cut to (the read gate redacts what lies above it). */
    reader: { clearance: SecrecyLevel };
  },
): Promise<{
  path: string;
  bytes: number;
  filename: string;
  secrecy: SecrecyLevel;
  withheld: number;
  unitKind: string;
}> {
  const format = options.format ?? (options.output ? formatFromName(options.output) : null) ?? 'xlsx';
  const file = await exportFigures(ctx, {
    form: options.form ?? 'BC-THANG',
    unit: options.unit,
    period: options.period,
    format,
    children: options.children,
    idScheme: options.idScheme,
    reader: options.reader,
  });
  const path = options.output ?? file.filename;
  await writeFile(path, file.buffer);
  return {
    path,
    bytes: file.buffer.length,
    filename: file.filename,
    secrecy: file.secrecy,
    withheld: file.withheld,
    unitKind: file.unitKind,
  };
}

/** The summary in Vietnamese, for a person at a terminal. */
export function describeSummary(summary: ImportSummary, dryRun: boolean): string {
  const lines: string[] = [];
  const counts = `${formatNumber(summary.imported)} số liệu mới, ${formatNumber(summary.updated)} số liệu sửa, ${formatNumber(summary.unchanged)} không đổi`;
  if (summary.rejected.length > 0) {
    lines.push(
      `Không nhập: ${formatNumber(summary.rejected.length)} lỗi. Nếu sửa hết lỗi sẽ nhập: ${counts}.`,
    );
    for (const r of summary.rejected)
      lines.push(`  ${r.row > 0 ? `dòng ${r.row}` : 'tệp'}, ${r.field}: ${r.reason}`);
  } else if (dryRun) {
    lines.push(`Kiểm tra xong, chưa ghi gì (chạy thử). Sẽ nhập: ${counts}.`);
  } else {
    lines.push(`Đã nhập: ${counts}.`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `giaoban import FILE [--dry-run] [--json]`: imports a file as the operator (no per-unit permission check:
 * the command line runs on the server). Prints the summary, as JSON with --json, and gives a non-zero exit
 * code when anything was rejected.
 */
export async function runImport(
  ctx: AppContext,
  options: {
    file: string;
    dryRun: boolean;
    json: boolean;
    write?: (text: string) => void;
    /** The user the command acts as; each row's unit must then be one the user may write. */
    actor?: Actor | undefined;
    canWrite?: ImportOptions['canWrite'];
  },
): Promise<{ summary: ImportSummary; exitCode: number }> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  let summary: ImportSummary;
  let size: number;
  try {
    size = (await stat(options.file)).size;
  } catch {
    throw new AppError('not_found', `Không mở được tệp "${options.file}"`, `cannot open "${options.file}"`, [
      { field: 'file', reason: 'không tồn tại hoặc không đọc được' },
    ]);
  }
  if (size > MAX_FILE_BYTES) {
    // Refused before reading it into memory.
    summary = {
      imported: 0,
      updated: 0,
      unchanged: 0,
      rejected: [{ row: 0, field: 'file', reason: 'Tệp vượt giới hạn 10 MB' }],
    };
  } else {
    summary = await importFigures(ctx, {
      buffer: await readFile(options.file),
      filename: basename(options.file),
      dryRun: options.dryRun,
      userId: options.actor?.id ?? null,
      source: 'cli',
      ...(options.actor ? { actor: options.actor } : {}),
      ...(options.canWrite ? { canWrite: options.canWrite } : {}),
    });
  }
  if (options.json) write(`${JSON.stringify(summary, null, 2)}\n`);
  else write(describeSummary(summary, options.dryRun));
  return { summary, exitCode: summary.rejected.length > 0 ? EXIT_CODE.validation_failed : 0 };
}
