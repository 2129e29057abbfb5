import type { ParsedFile, ReadFormat } from '../transfer/model.ts';
import type { ZipLimits } from './zip.ts';

export type IsolatedTask =
  | { kind: 'docx'; buffer: Uint8Array; zipLimits: ZipLimits }
  | { kind: 'import'; format: ReadFormat; buffer: Uint8Array; zipLimits: ZipLimits };

/** reasonVi null: the parser failed in a way that says nothing useful to the user (the file is unreadable). */
export type IsolatedResult =
  | { ok: true; value: string | ParsedFile }
  | { ok: false; reasonVi: string | null; row: number; field: string; tooLarge?: boolean };
