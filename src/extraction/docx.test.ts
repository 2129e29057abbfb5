import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { INDICATORS } from '../indicators/catalogue.ts';
import { extractTextFromDocx } from './docx.ts';
import { extract } from './extract.ts';

describe('extractTextFromDocx', () => {
  it('reads the text of a Word file so the same engine extracts from it', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [new TextRun({ text: 'BÁO CÁO KẾT QUẢ CÔNG TÁC THÁNG 5/2022', bold: true })],
            }),
            new Paragraph(
              'Công an tỉnh Sơn La: trong tháng 5/2022 đã bắt giữ 86 vụ - 112 đối tượng phạm tội về ma túy,',
            ),
            new Paragraph({
              children: [
                new TextRun('thu giữ '),
                new TextRun({ text: '42 bánh heroin', bold: true }),
                new TextRun('.'),
              ],
            }),
          ],
        },
      ],
    });
    const buffer = await Packer.toBuffer(doc);
    const text = await extractTextFromDocx(buffer);
    assert.match(text, /86 vụ - 112 đối tượng/);
    const result = extract(text, INDICATORS);
    assert.deepEqual(
      result.figures.map((f) => [f.indicator, f.option, f.value, f.unit]),
      [
        ['drug.cases', null, 86, 'vụ'],
        ['drug.suspects', null, 112, 'đối tượng'],
        ['drug.seized_bricks', 'heroin', 42, 'bánh'],
      ],
    );
    assert.equal(result.unit?.name, 'Sơn La');
    for (const f of result.figures) assert.ok(text.slice(f.span[0], f.span[1]).includes(String(f.value)));
  });

  it('rejects a file that is not a Word document', async () => {
    await assert.rejects(extractTextFromDocx(Buffer.from('not a zip')));
  });
});
