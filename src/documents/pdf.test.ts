import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSampleBriefingReport } from './fixtures.ts';
import { buildBriefingPdfDefinition, renderBriefingPdf } from './pdf.ts';

const OUT = new URL('../../test-output/documents/', import.meta.url);

function available(tool: string): boolean {
  return spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** All strings of a pdfmake content tree, in order. */
function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  // Text set in font runs reads as one string.
  if (Array.isArray(node) && node.length > 0 && node.every((n) => n && typeof n === 'object' && 'font' in n))
    return [node.map((n) => String((n as { text: string }).text)).join('')];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

describe('briefing .pdf', () => {
  const report = buildSampleBriefingReport();
  let pdf: Buffer;
  const path = fileURLToPath(new URL('briefing-2020-02.pdf', OUT));

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    pdf = await renderBriefingPdf(report);
    writeFileSync(path, pdf);
  });

  it('is a PDF with the same content as the .docx', () => {
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = strings(buildBriefingPdfDefinition(report).content).join('\n');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 26 tháng 02 năm 2020',
      'MẬT',
      'BÁO CÁO',
      '1.457 vụ - 1.978 đối tượng phạm tội về ma túy',
      '138,6 kg và 162.526 viên ma túy tổng hợp',
      'Nơi nhận:',
      'Phụ lục I',
    ]) {
      assert.ok(text.includes(s), s);
    }
  });

  it('is set in Tinos (the Times-metric serif), with MẬT at 13 pt', () => {
    const raw = pdf.toString('latin1');
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);

    const json = JSON.stringify(buildBriefingPdfDefinition(report).content);
    assert.match(
      json,
      /"text":\[\{"text":"M","font":"TinosLatin"\},\{"text":"Ậ","font":"TinosVi"\},\{"text":"T","font":"TinosLatin"\}\],"bold":true,"color":"#FF0000","fontSize":13/,
    );
  });

  it('keeps the closing paragraph and the signature block on one page', () => {
    const content = buildBriefingPdfDefinition(report).content as Array<{ unbreakable?: boolean }>;
    const kept = content.find(
      (n) => n.unbreakable === true && /Trên đây là báo cáo/.test(strings(n).join('')),
    );
    assert.ok(kept);
    assert.match(strings(kept).join('\n'), /Nơi nhận:/);
  });

  it('renders the same content regardless of the clock', async () => {
    const again = await renderBriefingPdf(report);
    assert.equal(again.length, pdf.length);
  });

  it('embeds Vietnamese text that extracts back intact (pdftotext)', (t) => {
    if (!available('pdftotext')) {
      t.skip('pdftotext (poppler-utils) is not installed; text extraction not checked');
      return;
    }
    const page1 = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', path, '-'], {
      encoding: 'utf8',
    }).stdout;
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 26 tháng 02 năm 2020',
      'BỘ CÔNG AN',
      'MẬT',
      'Kết quả công tác tháng 02 năm 2020, phương hướng nhiệm vụ tháng 3',
    ]) {
      assert.ok(page1.includes(s), `page 1 shows "${s}"`);
    }
    // No page number on page 1; page 2 starts with its number.
    assert.ok(!/^\s*1\s*$/m.test(page1.split('\n').slice(0, 3).join('\n')));
    const page2 = spawnSync('pdftotext', ['-f', '2', '-l', '2', path, '-'], { encoding: 'utf8' }).stdout;
    assert.equal(page2.trim().split('\n')[0]?.trim(), '2');
    // Page numbers sit between the lines of a sentence that runs over a page break; drop them before joining.
    const all = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((l) => !/^\s*\d+\s*$/.test(l))
      .join(' ')
      .replace(/\s+/g, ' ');
    assert.ok(all.includes('1.457 vụ - 1.978 đối tượng phạm tội về ma túy'));
    assert.ok(all.includes('138,6 kg và 162.526 viên ma túy tổng hợp'));
  });

  it('numbers each appendix from 1, with no number on its first page, as the .docx does (issue 15)', (t) => {
    if (!available('pdftotext')) {
      t.skip('pdftotext (poppler-utils) is not installed; page numbers not read');
      return;
    }
    // Every page's words with their boxes: the page number is what is printed in the top margin (20 mm, 56,7 pt);
    // an appendix starts on the page whose first line, just below it, is its label.
    const pages = spawnSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 })
      .stdout.split('<page ')
      .slice(1)
      .map((page) =>
        [
          ...page.matchAll(
            /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
          ),
        ].map((m) => ({ top: Number(m[1]), bottom: Number(m[2]), text: m[3] ?? '' })),
      );
    const TOP_MARGIN = (20 * 72) / 25.4;
    let appendix: string | null = null;
    let inAppendix = 0;
    let continued = 0;
    for (const [i, words] of pages.entries()) {
      const header = words
        .filter((w) => w.bottom < TOP_MARGIN)
        .map((w) => w.text)
        .join(' ');
      const firstLine = words
        .filter((w) => w.top >= TOP_MARGIN - 1 && w.top < TOP_MARGIN + 12)
        .map((w) => w.text)
        .join(' ');
      const label = /^Phụ lục [IVXLC]+$/.exec(firstLine)?.[0];
      if (label) {
        appendix = label;
        inAppendix = 1;
        assert.equal(header, '', `${appendix} has no number on its first page (page ${i + 1})`);
        continue;
      }
      if (appendix === null) {
        // The report itself: numbered from page 2 by its place in the document.
        assert.equal(header, i === 0 ? '' : String(i + 1), `page ${i + 1}`);
        continue;
      }
      inAppendix++;
      continued++;
      assert.equal(header, String(inAppendix), `${appendix}, its page ${inAppendix} (page ${i + 1})`);
    }
    assert.ok(appendix !== null, 'the appendices are printed');
    assert.ok(continued > 0, 'an appendix runs over more than one page');
  });

  it('rasterises page 1 for a visual check (pdftoppm)', (t) => {
    if (!available('pdftoppm')) {
      t.skip('pdftoppm (poppler-utils) is not installed; page 1 not rasterised');
      return;
    }
    const prefix = fileURLToPath(new URL('briefing-2020-02-page1', OUT));
    const result = spawnSync('pdftoppm', [
      '-r',
      '100',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path,
      prefix,
    ]);
    assert.equal(result.status, 0);
  });
});
