import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { signPdf, verifyPdf } from '../../src/documents/sign.ts';
import { ROOT } from '../support/app.ts';

/** A one-page PDF written out by hand, with its cross-reference table. */
function onePagePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The signature's DER as its own length header bounds it, without the placeholder's zero padding. */
function signatureBytes(signed: Buffer): Buffer {
  const text = signed.toString('latin1');
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  assert.ok(range);
  const start = Number(range[1]) + Number(range[2]) + 1;
  const der = Buffer.from(text.slice(start, Number(range[3]) - 1), 'hex');
  const first = der[1] ?? 0;
  const lengthBytes = first & 0x80 ? first & 0x7f : 0;
  const length = lengthBytes === 0 ? first : der.readUIntBE(2, lengthBytes);
  return der.subarray(0, 2 + lengthBytes + length);
}

describe('signed PDFs', () => {
  // A throwaway unit key kept as a file, so that a signature is the same on every run (RSA PKCS #1 v1.5 signs
  // deterministically): with this key, this page and this reason, the signature's last byte is zero.
  const key = {
    p12: readFileSync(join(ROOT, 'test', 'fixtures', 'signing', 'unit-40.p12')),
    passphrase: 'thu-nghiem',
  };
  const sign = (reason: string) =>
    signPdf(onePagePdf(), key, {
      name: 'Công an tỉnh Nghệ An',
      reason,
      location: 'Vinh',
      signingTime: new Date('2026-03-02T01:00:00Z'),
    });

  it('verifies a signature whose last byte is zero as intact', async () => {
    const signed = await sign('Ban hành 217');
    assert.equal(signatureBytes(signed).at(-1), 0, 'the signature no longer ends in a zero byte');
    const verdict = verifyPdf(signed);
    assert.deepEqual(verdict.problems, []);
    assert.equal(verdict.intact, true);
    assert.equal(verdict.coversWholeFile, true);
    assert.equal(verdict.signer, 'Công an tỉnh Nghệ An');
    assert.equal(verdict.organisation, 'Công an tỉnh Nghệ An');
  });

  it('finds a signed byte changed, and bytes added after the signature', async () => {
    const signed = await sign('Ban hành 217');
    const changed = Buffer.from(signed);
    const at = signed.indexOf('/MediaBox');
    changed[at + 1] = 'N'.charCodeAt(0);
    assert.equal(verifyPdf(changed).intact, false);
    const appended = Buffer.concat([signed, Buffer.from('\n% thêm vào sau khi ký\n', 'utf8')]);
    assert.equal(verifyPdf(appended).coversWholeFile, false);
  });
});
