import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildFigure,
  buildSampleBriefingReport,
  buildSampleProvincialReport,
  withWindow,
} from './fixtures.ts';
import type { BriefingReport } from './model.ts';
import {
  comparisonSentence,
  composeBriefing,
  countWithWords,
  effectiveSecrecy,
  fieldParagraphs,
  formatQuantity,
  numberLine,
  tetName,
  tetNote,
} from './narrative.ts';

function fieldOf(report: BriefingReport, code: string) {
  const field = report.fields.find((f) => f.field === code);
  assert.ok(field, `field ${code}`);
  return field;
}

const fig = buildFigure;

describe('drug sentence (February 2020 seed)', () => {
  const report = buildSampleBriefingReport();
  const [text] = fieldParagraphs(fieldOf(report, 'drug'), report);

  it('reads as the ministry wrote it, with Vietnamese number formatting', () => {
    assert.ok(
      text?.startsWith(
        'Trong tháng, Công an các đơn vị, địa phương đã phát hiện, bắt giữ 1.457 vụ - 1.978 đối tượng phạm tội về ma túy, thu giữ 27,9 kg heroin, 138,6 kg và 162.526 viên ma túy tổng hợp, 5,5 kg cần sa.',
      ),
      text,
    );
  });

  it('compares with the previous month and the same period last year, % with a decimal comma', () => {
    assert.match(text ?? '', /So với tháng 01\/2020, tăng 62 vụ \(\+4,44%\), tăng 85 đối tượng \(\+4,49%\)/);
    assert.match(
      text ?? '',
      /so với cùng kỳ năm 2019, tăng 59 vụ \(\+4,22%\), giảm 12 đối tượng \(-0,60%\)\.$/,
    );
  });
});

describe('comparisons', () => {
  const report = buildSampleBriefingReport();

  it('leaves the percentage out where the base is 0 or small (below RULES.smallBase)', () => {
    const sentence = comparisonSentence(
      [
        fig({
          indicator: 'fire.explosions',
          unit: 'vụ',
          phrase: 'vụ nổ',
          value: 4,
          previous: 2,
          samePeriodLastYear: 0,
        }),
      ],
      report,
    );
    assert.equal(sentence, 'So với tháng 01/2020, tăng 2 vụ; so với cùng kỳ năm 2019, tăng 4 vụ.');
  });

  it('says "giảm cả 3 tiêu chí" and names shared units by their phrase', () => {
    const [text] = fieldParagraphs(fieldOf(report, 'traffic'), report);
    assert.match(
      text ?? '',
      /^Trong tháng, xảy ra 1\.245 vụ tai nạn giao thông, làm chết 622 người, bị thương 1\.087 người\./,
    );
    assert.match(
      text ?? '',
      /so với cùng kỳ năm 2019, giảm cả 3 tiêu chí: giảm 257 vụ tai nạn giao thông \(-17,11%\), giảm 80 người chết \(-11,40%\), giảm 197 người bị thương \(-15,34%\)\./,
    );
  });

  it('writes money as a value and large amounts in tỷ đồng', () => {
    const [text] = fieldParagraphs(fieldOf(report, 'economy'), report);
    assert.match(text ?? '', /hàng hóa vi phạm trị giá 48,65 tỷ đồng/);
  });
});

describe('formatting helpers', () => {
  it('pads register numbers below 10 and leaves a blank number to be filled', () => {
    assert.equal(numberLine(5, 'BC-BCA'), 'Số: 05/BC-BCA');
    assert.equal(numberLine(112, 'BC-BCA'), 'Số: 112/BC-BCA');
    assert.match(numberLine(null, 'BC-BCA'), /^Số: +\/BC-BCA$/);
  });

  it('shows masses under a kilogram in grams', () => {
    assert.equal(formatQuantity(0.78, 'kg', 3), '780 gam');
    assert.equal(formatQuantity(138.6, 'kg', 1), '138,6 kg');
    assert.equal(formatQuantity(162526, 'viên', 0), '162.526 viên');
  });

  it('writes totals with their words in brackets', () => {
    assert.equal(countWithWords(2), '02 (hai)');
    assert.equal(countWithWords(21), '21 (hai mươi mốt)');
  });
});

describe('Tết', () => {
  it('names Tết with its can-chi year', () => {
    assert.equal(tetName(2020), 'Tết Nguyên đán Canh Tý 2020');
  });

  it('notes when Tết falls in both windows (February 2020 and 2019)', () => {
    const note = tetNote(buildSampleBriefingReport());
    assert.match(note ?? '', /Tết Nguyên đán Canh Tý 2020 \(mùng 1 Tết là ngày 25\/01\/2020\)/);
    assert.match(note ?? '', /Tết Nguyên đán Kỷ Hợi 2019/);
  });

  it('warns when Tết falls in this window only (March 2018)', () => {
    const report = withWindow(
      buildSampleBriefingReport(),
      { start: '2018-02-15', end: '2018-03-14' },
      { start: '2017-02-15', end: '2017-03-14', label: 'cùng kỳ năm 2017' },
    );
    assert.match(tetNote(report) ?? '', /Mậu Tuất 2018 .*cùng kỳ năm 2017 không có Tết/);
  });

  it('says nothing for a window without Tết', () => {
    const report = withWindow(
      buildSampleBriefingReport(),
      { start: '2020-05-15', end: '2020-06-14' },
      { start: '2019-05-15', end: '2019-06-14' },
    );
    assert.equal(tetNote(report), null);
  });
});

describe('composed report', () => {
  it('keeps human text verbatim and merges it with generated parts', () => {
    const report = buildSampleBriefingReport();
    const c = composeBriefing(report);
    const texts = c.body.map((b) => b.text);
    for (const d of report.human.directives)
      assert.ok(
        texts.some((t) => t.endsWith(d)),
        d,
      );
    for (const s of report.human.assessment.strengths) assert.ok(texts.includes(s));
    const headings = c.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => b.text);
    assert.deepEqual(headings, [
      'I. TÌNH HÌNH, KẾT QUẢ CÔNG TÁC THÁNG 02 NĂM 2020',
      'II. ĐÁNH GIÁ',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THÁNG 3 NĂM 2020',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
    ]);
    assert.equal(c.placeDateLine, 'Hà Nội, ngày 26 tháng 02 năm 2020');
    assert.deepEqual(c.recipientLines.slice(0, 1), ['- Như trên;']);
    assert.equal(c.recipientLines.at(-1), '- Lưu: VT, V01.');
    assert.deepEqual(c.signerTitleLines, ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG']);
    assert.match(texts.at(-1) ?? '', /kèm theo 9 phụ lục\)\.\/\.$/);
  });

  it('never marks a document below its most secret figure', () => {
    assert.equal(effectiveSecrecy(buildSampleBriefingReport({ secrecy: 'none' })), 'mat');
    assert.equal(
      effectiveSecrecy(buildSampleBriefingReport({ secrecy: 'none', classifiedFigures: false })),
      'none',
    );
    assert.equal(effectiveSecrecy(buildSampleBriefingReport({ secrecy: 'toi_mat' })), 'toi_mat');
  });

  it('prints a provincial issuer under its parent', () => {
    const c = composeBriefing(buildSampleProvincialReport());
    assert.equal(c.parentLine, 'BỘ CÔNG AN');
    assert.equal(c.issuerLine, 'CÔNG AN TỈNH NGHỆ AN');
    assert.equal(c.placeDateLine, 'Nghệ An, ngày 26 tháng 02 năm 2020');
  });
});
