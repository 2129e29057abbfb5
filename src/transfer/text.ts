import { foldDiacritics } from '../vietnamese/text.ts';
import { FileRejected } from './model.ts';

/**
 * The offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. Overlong forms,
 * surrogates and code points above U+10FFFF are invalid too (as the WHATWG decoder judges them).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Reads a text file that must be UTF-8 (with or without a byte order mark) and returns it NFC-normalised.
 * Anything else is refused with the line of the first bad byte: Excel's "CSV" in a Vietnamese Windows is often
 * Windows-1258, which would otherwise turn every accented letter into garbage silently.
 */
export function decodeUtf8(buffer: Uint8Array): string {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    throw new FileRejected(
      'Tệp được mã hóa UTF-16 (Unicode text); hãy lưu lại dưới dạng "CSV UTF-8 (Comma delimited)"',
    );
  }
  const bad = firstInvalidUtf8(buffer);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (buffer[i] === 0x0a) line++;
    const byte = (buffer[bad] as number).toString(16).toUpperCase().padStart(2, '0');
    throw new FileRejected(
      `Tệp không phải văn bản UTF-8 hợp lệ (byte 0x${byte} ở dòng ${line}); có thể tệp được lưu bằng bảng mã Windows-1258 hoặc TCVN3. Hãy lưu lại dưới dạng "CSV UTF-8"`,
      line,
    );
  }
  let text = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.normalize('NFC');
}

/** Trimmed NFC text, or null when blank. */
export function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = text.normalize('NFC').replace(/^[\s\u00a0\u202f\ufeff]+|[\s\u00a0\u202f]+$/g, '');
  return t === '' ? null : t;
}

/** A header name folded for matching: "Ghi chú" → "ghi chu", "categoryOptionCombo" → "categoryoptioncombo". */
export function headerKey(text: string): string {
  return foldDiacritics(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[_\-\s]+/g, ' ')
    .trim();
}

/** A name that is safe in any header and on any disk: ASCII letters, digits, dot, dash and underscore. */
export function asciiFilename(name: string): string {
  const ascii = foldDiacritics(name)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_');
  return ascii.replace(/^[_.]+|_+$/g, '') || 'file';
}
