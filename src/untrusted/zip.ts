/**
 * Reads a zip archive without trusting what it says about itself. The central directory gives names and where
 * each entry's compressed bytes are; the sizes it declares are ignored. Every entry is inflated with a cap on its
 * output, so a bomb stops as soon as it passes the limit, whatever its headers claim.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntryBytes: 48 * 1024 * 1024,
  maxEntries: 2000,
});

/** An archive refused before anything reads it; `reasonVi` is shown to the user as is. */
export class ZipRefused extends Error {
  constructor(
    readonly reasonVi: string,
    readonly tooLarge = false,
  ) {
    super(reasonVi);
    this.name = 'ZipRefused';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function mb(bytes: number): string {
  return String(Math.round(bytes / 1024 / 1024));
}

/**
 * The entries of a zip, inflated under the limits. Refuses encrypted, multi-disk, zip64, duplicate-name and
 * unsupported-method archives, and any that inflates beyond a limit (counted while inflating).
 */
export function inflateZip(
  input: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  /** How the user knows the file: "Tệp Excel", "Tệp .docx". */
  what = 'Tệp nén',
): Map<string, Buffer> {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const corrupt = new ZipRefused(`${what} bị hỏng hoặc không đầy đủ (không giải nén được)`);
  if (buf.length < 22) throw corrupt;
  const end = findEndOfDirectory(buf);
  if (end < 0) throw corrupt;
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (buf.readUInt16LE(end + 4) !== 0 || count === 0xffff || dirOffset === 0xffffffff)
    throw new ZipRefused('Tệp nén dạng nhiều phần hoặc zip64 không được hỗ trợ');
  if (count > limits.maxEntries)
    throw new ZipRefused(`Tệp nén có ${count} mục, vượt giới hạn ${limits.maxEntries} mục`, true);
  if (dirOffset + dirSize > end) throw corrupt;
  const out = new Map<string, Buffer>();
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) throw corrupt;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipRefused('Tệp nén có mật khẩu (mã hóa) không được hỗ trợ');
    if (out.has(name)) throw new ZipRefused('Tệp nén có hai mục cùng tên');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw corrupt;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw corrupt;
    const data = buf.subarray(start, start + compressed);
    const allowed = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    let inflated: Buffer;
    if (method === 0) {
      if (data.length > allowed) throw tooLarge(limits);
      inflated = Buffer.from(data);
    } else if (method === 8) {
      try {
        // maxOutputLength stops zlib as soon as the output passes the cap: nothing larger is ever held.
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, allowed) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
          throw tooLarge(limits);
        throw corrupt;
      }
      if (inflated.length > allowed) throw tooLarge(limits);
    } else {
      throw new ZipRefused('Tệp nén dùng kiểu nén không được hỗ trợ');
    }
    total += inflated.length;
    if (!name.endsWith('/')) out.set(name, inflated);
  }
  return out;
}

function tooLarge(limits: ZipLimits): ZipRefused {
  return new ZipRefused(
    `Tệp khi giải nén quá lớn (vượt ${mb(limits.maxTotalBytes)} MB tổng cộng hoặc ${mb(limits.maxEntryBytes)} MB một mục); không đọc tệp này`,
    true,
  );
}
