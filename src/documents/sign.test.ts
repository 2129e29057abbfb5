import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { throwawayKey } from '../../test/support/signing.ts';
import { buildSampleBriefingReport } from './fixtures.ts';
import { renderBriefingPdf } from './pdf.ts';
import { certificateName, type SigningKey, signPdf, verifyPdf } from './sign.ts';

describe('signed PDF (PAdES)', () => {
  let key: SigningKey;
  let signed: Buffer;
  const path = fileURLToPath(
    new URL('../../test-output/documents/briefing-2020-02-signed.pdf', import.meta.url),
  );
  before(async () => {
    key = throwawayKey('Bộ Công an', 'Bộ Công an');
    const pdf = await renderBriefingPdf(buildSampleBriefingReport());
    signed = await signPdf(pdf, key, {
      name: 'Bộ Công an',
      reason: 'Ban hành',
      location: 'Hà Nội',
      signingTime: new Date('2020-02-26T09:30:00+07:00'),
    });
    mkdirSync(fileURLToPath(new URL('../../test-output/documents/', import.meta.url)), { recursive: true });
    writeFileSync(path, signed);
  });

  it('reports the signer, the time and an intact file', () => {
    const v = verifyPdf(signed);
    assert.equal(v.signed, true);
    assert.deepEqual(v.problems, []);
    assert.equal(v.intact, true);
    assert.equal(v.signer, 'Bộ Công an');
    assert.equal(v.signingTime, '2020-02-26T02:30:00.000Z');
    assert.match(signed.toString('latin1'), /\/SubFilter \/ETSI\.CAdES\.detached/);
    assert.equal(certificateName(key).name, 'Bộ Công an');
  });

  it('fails when one byte of the signed content changes, or when content is appended', () => {
    const text = signed.toString('latin1');
    const at = text.indexOf('/Title');
    const modified = Buffer.from(signed);
    modified[at + 1] = 'X'.charCodeAt(0);
    const v = verifyPdf(modified);
    assert.equal(v.intact, false);
    assert.ok(v.problems.some((p) => /thay đổi/.test(p)));
    const appended = Buffer.concat([signed, Buffer.from('\n% thêm vào sau khi ký\n')]);
    assert.equal(verifyPdf(appended).intact, false);
    assert.equal(verifyPdf(Buffer.from('%PDF-1.3\n%%EOF')).signed, false);
  });

  it('is accepted by an independent verifier (pdfsig) when installed', (t) => {
    const probe = spawnSync('pdfsig', ['-v'], { stdio: 'ignore' });
    if (probe.error) {
      t.skip('pdfsig (poppler-utils) is not installed');
      return;
    }
    const out = spawnSync('pdfsig', [path], { encoding: 'utf8' });
    assert.match(out.stdout, /Signature Validation: Signature is Valid/, out.stdout);
  });
});
