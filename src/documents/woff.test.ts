import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { woffToSfnt } from './woff.ts';

const require = createRequire(import.meta.url);

interface Font {
  numGlyphs: number;
  unitsPerEm: number;
  postscriptName: string;
  layout(text: string): { advanceWidth: number; glyphs: Array<{ id: number }> };
}
const fontkit = require('fontkit') as { create(data: Buffer): Font };

describe('WOFF to TrueType', () => {
  const dir = join(dirname(require.resolve('@fontsource/tinos/package.json')), 'files');

  it('gives a font with the same glyphs and metrics as the WOFF file (Tinos, Vietnamese subset)', () => {
    const woff = readFileSync(join(dir, 'tinos-vietnamese-700-normal.woff'));
    const ttf = woffToSfnt(woff);
    assert.equal(ttf.readUInt32BE(0), 0x00010000);
    const a = fontkit.create(woff);
    const b = fontkit.create(ttf);
    assert.equal(b.numGlyphs, a.numGlyphs);
    assert.equal(b.unitsPerEm, a.unitsPerEm);
    assert.equal(b.postscriptName, a.postscriptName);
    const text = 'ỘĐƯỜỦẤ';
    assert.equal(b.layout(text).advanceWidth, a.layout(text).advanceWidth);
    assert.deepEqual(
      b.layout(text).glyphs.map((g) => g.id),
      a.layout(text).glyphs.map((g) => g.id),
    );
  });

  it('leaves a file that is not WOFF as it is, and refuses a damaged one', () => {
    const other = Buffer.from('not a font at all, just some bytes for the header check');
    assert.equal(woffToSfnt(other), other);
    const woff = Buffer.from(readFileSync(join(dir, 'tinos-latin-400-normal.woff')));
    // The first table's stated length no longer matches what it inflates to.
    woff.writeUInt32BE(woff.readUInt32BE(44 + 12) + 4, 44 + 12);
    assert.throws(() => woffToSfnt(woff), /WOFF/);
  });
});
