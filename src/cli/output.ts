import { AppError, EXIT_CODE } from '../shared/errors.ts';

/** Prints a value as JSON on stdout (one document, newline-terminated). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints rows as an aligned text table. */
export function printTable(headers: string[], rows: Array<Array<string | number | null>>): void {
  const cells = rows.map((r) => r.map((c) => (c === null ? '—' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of cells) process.stdout.write(`${line(r)}\n`);
}

/** One clear line on stderr and a non-zero exit code; unknown errors keep their stack for the operator. */
export function failWith(error: unknown, debug = false): never {
  if (error instanceof AppError) {
    const details = error.issues.map(
      (i) => `${i.row !== undefined ? `dòng ${i.row}, ` : ''}${i.field}: ${i.reason}`,
    );
    process.stderr.write(
      `giaoban: ${error.messageVi}${details.length > 0 ? ` — ${details.join('; ')}` : ''}\n`,
    );
    process.exit(EXIT_CODE[error.code]);
  }
  if (error instanceof Error) {
    process.stderr.write(`giaoban: ${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack ?? ''}\n`);
  } else {
    process.stderr.write(`giaoban: ${String(error)}\n`);
  }
  process.exit(1);
}
