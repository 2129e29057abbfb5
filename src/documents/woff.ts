/**
 * WOFF 1.0 to TrueType, in memory. fontkit reads a WOFF table by inflating it on every access, and pdfkit reads the
 * glyph table once per glyph it measures or embeds, so a page of tables set from .woff files spent most of its time
 * inflating the same bytes. Fontsource ships Tinos as WOFF only; the files are converted once per process.
 */
import { inflateSync } from 'node:zlib';

const HEADER = 44;
const ENTRY = 20;

/** The sfnt (TrueType/OpenType) bytes of a WOFF 1.0 file; the file itself when it is not WOFF. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < HEADER || woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const at = HEADER + i * ENTRY;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error('WOFF: a table does not inflate to its stated length');
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const pad = (n: number) => (n + 3) & ~3;
  const directory = 12 + 16 * numTables;
  const size = tables.reduce((sum, t) => sum + pad(t.data.length), directory);
  const out = Buffer.alloc(size);
  const log2 = Math.floor(Math.log2(Math.max(1, numTables)));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(2 ** log2 * 16, 6);
  out.writeUInt16BE(log2, 8);
  out.writeUInt16BE(numTables * 16 - 2 ** log2 * 16, 10);
  let offset = directory;
  tables.forEach((t, i) => {
    const at = 12 + 16 * i;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += pad(t.data.length);
  });
  return out;
}
