import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { renderBriefingDocx } from './docx.ts';
import { buildSampleBriefingReport } from './fixtures.ts';
import { figureKey } from './model.ts';
import { quantityText } from './tables.ts';

const OUT = new URL('../../test-output/documents/', import.meta.url);

interface Opened {
  document: string;
  /** Header parts by their role in the section: default and first. */
  headers: { default: string; first: string };
  files: string[];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

async function open(buffer: Buffer): Promise<Opened> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const file = zip.file(name);
    assert.ok(file, `${name} is in the package`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const headerTarget = (type: string) => {
    const ref = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(document);
    assert.ok(ref, `a ${type} header is referenced`);
    const rel =
      new RegExp(`Id="${ref[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${ref[1]}"`).exec(rels);
    assert.ok(rel, `relationship ${ref[1]}`);
    return `word/${rel[1]}`;
  };
  return {
    document,
    headers: { default: await read(headerTarget('default')), first: await read(headerTarget('first')) },
    files: Object.keys(zip.files),
  };
}

/** The text of each paragraph, in order. */
function paragraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((p) => unescapeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
}

/** Top-level tables as rows of cell texts (the report's tables are not nested). */
function tables(xml: string): string[][][] {
  return xml
    .split('<w:tbl>')
    .slice(1)
    .map((t) => t.split('</w:tbl>')[0] ?? '')
    .map((t) =>
      t
        .split('</w:tr>')
        .filter((r) => r.includes('<w:tc>'))
        .map((r) =>
          r
            .split('</w:tc>')
            .filter((c) => c.includes('<w:tc>'))
            .map((c) => paragraphs(c).join('')),
        ),
    );
}

/** The run properties of the run holding `text`. */
function runOf(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}</w:t>`);
  assert.ok(at >= 0, `"${text}" is in the document`);
  const start = xml.lastIndexOf('<w:r>', at);
  return xml.slice(start, at);
}

describe('briefing .docx (Decree 30/2020 layout)', () => {
  const report = buildSampleBriefingReport();
  let classified: Opened;
  let plain: Opened;
  let text: string[];

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    const a = await renderBriefingDocx(report);
    const b = await renderBriefingDocx(
      buildSampleBriefingReport({ secrecy: 'none', classifiedFigures: false, number: 5 }),
    );
    writeFileSync(new URL('briefing-2020-02.docx', OUT), a);
    writeFileSync(new URL('briefing-2020-02-unclassified.docx', OUT), b);
    classified = await open(a);
    plain = await open(b);
    text = paragraphs(classified.document);
  });

  it('sets A4 and the margins of the decree (20/20/30/15 mm)', () => {
    assert.match(classified.document, /<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(classified.document)?.[1] ?? '';
    assert.match(margin, /w:top="1134"/);
    assert.match(margin, /w:bottom="1134"/);
    assert.match(margin, /w:left="1701"/);
    assert.match(margin, /w:right="850"/);
  });

  it('uses Times New Roman in every run', () => {
    const runs = classified.document.match(/<w:rFonts [^>]*>/g) ?? [];
    assert.ok(runs.length > 100);
    for (const r of runs) assert.match(r, /w:ascii="Times New Roman"/);
  });

  it('prints the header boxes with their sizes and styles', () => {
    const issuer = runOf(classified.document, 'BỘ CÔNG AN');
    assert.match(issuer, /<w:b\/>/);
    assert.match(issuer, /<w:sz w:val="26"\/>/);
    const nation = runOf(classified.document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    assert.match(nation, /<w:b\/>/);
    assert.match(nation, /<w:sz w:val="26"\/>/);
    const motto = runOf(classified.document, 'Độc lập - Tự do - Hạnh phúc');
    assert.match(motto, /<w:b\/>/);
    assert.match(motto, /<w:sz w:val="28"\/>/);
    const date = runOf(classified.document, 'Hà Nội, ngày 26 tháng 02 năm 2020');
    assert.match(date, /<w:i\/>/);
    assert.ok(
      text.some((p) => /^Số: +\/BC-BCA$/.test(p)),
      'blank number to be filled on signing',
    );
    assert.ok(paragraphs(plain.document).includes('Số: 05/BC-BCA'));
    // The header is a borderless table, so Số and the date share a row.
    const header = tables(classified.document)[0];
    assert.deepEqual(header?.[1]?.[1], 'Hà Nội, ngày 26 tháng 02 năm 2020');
    assert.match(classified.document.split('</w:tbl>')[0] ?? '', /<w:tblBorders><w:top w:val="none"/);
  });

  it('puts a parent body above a provincial issuer, not bold', async () => {
    const r = buildSampleBriefingReport();
    r.issuer = { parentName: 'Bộ Công an', name: 'Công an tỉnh Nghệ An', place: 'Nghệ An' };
    const doc = (await open(await renderBriefingDocx(r))).document;
    assert.doesNotMatch(runOf(doc, 'BỘ CÔNG AN'), /<w:b\/>/);
    assert.match(runOf(doc, 'CÔNG AN TỈNH NGHỆ AN'), /<w:b\/>/);
  });

  it('prints the secrecy mark in red, bold and framed only when classified', () => {
    const mark = runOf(classified.document, 'MẬT');
    assert.match(mark, /<w:color w:val="FF0000"\/>/);
    assert.match(mark, /<w:b\/>/);
    const para = classified.document.slice(
      classified.document.lastIndexOf('<w:p>', classified.document.indexOf('>MẬT</w:t>')),
    );
    assert.match(para.slice(0, 800), /<w:pBdr><w:top w:val="double"[^>]*w:color="FF0000"/);
    assert.ok(!plain.document.includes('FF0000'), 'no red in an unclassified report');
    assert.ok(!/>(TUYỆT MẬT|TỐI MẬT|MẬT)<\/w:t>/.test(plain.document));
  });

  it('prints the title, the summary and the sections', () => {
    const title = runOf(classified.document, 'BÁO CÁO');
    assert.match(title, /<w:b\/>/);
    assert.match(title, /<w:sz w:val="28"\/>/);
    assert.match(runOf(classified.document, report.document.summary), /<w:b\/>/);
    for (const h of [
      'I. TÌNH HÌNH, KẾT QUẢ CÔNG TÁC THÁNG 02 NĂM 2020',
      'II. ĐÁNH GIÁ',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
    ]) {
      assert.ok(text.includes(h), h);
    }
  });

  it('sets the body at 14 pt, justified, with a 1,27 cm first-line indent and 6 pt after', () => {
    const at = classified.document.indexOf(
      '>Trong tháng, Công an các đơn vị, địa phương đã phát hiện, bắt giữ 1.457',
    );
    const para = classified.document.slice(classified.document.lastIndexOf('<w:p>', at), at);
    assert.match(para, /<w:jc w:val="both"\/>/);
    assert.match(para, /<w:ind w:firstLine="720"\/>/);
    assert.match(para, /w:after="120"/);
    assert.match(para, /<w:sz w:val="28"\/>/);
  });

  it('contains the seed sentence with Vietnamese number formatting', () => {
    const body = text.join('\n');
    assert.ok(body.includes('1.457 vụ - 1.978 đối tượng phạm tội về ma túy'));
    assert.ok(body.includes('27,9 kg heroin, 138,6 kg và 162.526 viên ma túy tổng hợp, 5,5 kg cần sa'));
    assert.ok(body.includes('tăng 59 vụ (+4,22%)'));
    for (const d of report.human.directives) assert.ok(body.includes(d), 'directive verbatim');
  });

  it('signs on the right and lists recipients on the left, at the decreed sizes', () => {
    const where = runOf(classified.document, 'Nơi nhận:');
    assert.match(where, /<w:b\/>/);
    assert.match(where, /<w:i\/>/);
    assert.match(where, /<w:sz w:val="24"\/>/);
    assert.match(runOf(classified.document, '- Như trên;'), /<w:sz w:val="22"\/>/);
    assert.match(runOf(classified.document, '- Lưu: VT, V01.'), /<w:sz w:val="22"\/>/);
    assert.match(runOf(classified.document, 'KT. BỘ TRƯỞNG'), /<w:b\/>/);
    assert.match(runOf(classified.document, 'Thượng tướng Phạm Quốc Bình'), /<w:b\/>/);
  });

  it('numbers pages in the header from page 2 only', () => {
    assert.match(classified.document, /<w:titlePg\/>/);
    assert.match(classified.headers.default, /PAGE/);
    assert.match(classified.headers.default, /<w:jc w:val="center"\/>/);
    assert.doesNotMatch(classified.headers.first, /PAGE/);
  });

  it('restarts page numbers in every appendix and keeps the closing paragraph with the signature (issue 15)', () => {
    const sections = classified.document.match(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g) ?? [];
    const appendices = (classified.document.match(/>Phụ lục [IVX]+</g) ?? []).length;
    assert.ok(appendices > 0);
    assert.equal(sections.length, 1 + appendices);
    assert.equal(sections.filter((x) => /<w:pgNumType w:start="1"\/>/.test(x)).length, appendices);
    const closing = /<w:p>(?:(?!<w:p>)[\s\S])*?Trên đây là báo cáo/.exec(classified.document)?.[0] ?? '';
    assert.match(closing, /<w:keepNext\/>/);
  });

  it('prints every appendix figure exactly as the model holds it', () => {
    const table = report.unitTable;
    assert.ok(table);
    const appendixTables = tables(classified.document).slice(2);
    assert.ok(appendixTables.length >= table.columns.length + 2);
    table.columns.forEach((column, i) => {
      const rows = appendixTables[i];
      assert.ok(rows);
      assert.equal(rows[0]?.[2], 'Tháng 02/2020');
      const key = figureKey(column.indicator, column.option);
      const modelRows = table.total ? [...table.rows, table.total] : table.rows;
      assert.equal(rows.length, modelRows.length + 1);
      modelRows.forEach((unit, j) => {
        const printed = rows[j + 1];
        const v = unit.cells[key];
        assert.ok(printed && v);
        assert.equal(printed[1], unit.unitName);
        assert.equal(
          printed[2],
          quantityText(v.value, column.decimals),
          `${column.title} / ${unit.unitName}`,
        );
        assert.equal(printed[3], quantityText(v.previous, column.decimals));
        assert.equal(printed[5], quantityText(v.samePeriodLastYear, column.decimals));
      });
    });
    // The national total of drug cases is the seed's figure.
    assert.equal(appendixTables[0]?.at(-1)?.[2], '1.457');
    const submissions = appendixTables[table.columns.length];
    assert.equal(submissions?.length, report.submissions.length + 2);
    const tasks = appendixTables[table.columns.length + 1];
    assert.deepEqual(
      tasks?.slice(1).map((r) => r[1]),
      report.tasks.map((t) => t.directive),
    );
  });

  it('embeds the trend charts as native Word charts', () => {
    const charts = classified.files.filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    assert.equal(charts.length, report.trends.length);
    assert.match(classified.document, /<c:chart /);
  });
});
