import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INDICATORS } from '../indicators/catalogue.ts';
import { extract } from './extract.ts';
import type { ExtractionRules } from './rules.ts';
import { RULES } from './rules.ts';
import type { Figure } from './types.ts';

const SEED =
  'Ngày 26-2, Bộ Công an tổ chức Hội nghị giao ban để đánh giá tình hình, kết quả công tác tháng 2-2020, chỉ đạo ' +
  'triển khai các nhiệm vụ trọng tâm công tác tháng 3-2020.\n\nTrong tháng 2, Công an các đơn vị, địa phương đã bám ' +
  'sát những chỉ đạo của Trung ương; bảo đảm tốt an ninh, trật tự (ANTT) dịp Tết Nguyên đán Canh Tý 2020, kỷ niệm ' +
  '90 năm Ngày thành lập Đảng Cộng sản Việt Nam.\n\nTrong tháng 2, các đơn vị, địa phương đã phát hiện, bắt giữ ' +
  '1.457 vụ - 1.978 đối tượng phạm tội về ma túy, thu giữ gần 28kg heroin, 138,6kg và 162.526 viên ma túy tổng ' +
  'hợp, 5,5kg cần sa...\n\nĐảm bảo các điều kiện để triển khai Đại hội đảng bộ các cấp, tiến tới Đại hội đại biểu ' +
  'toàn quốc lần thứ XIII của Đảng.\n\nBộ trưởng Tô Lâm cũng yêu cầu khẩn trương hoàn thành việc triển khai Công an ' +
  'chính quy đảm nhiệm chức danh Công an xã tại 100% địa bàn.';

type Brief = [indicator: string | null, option: string | null, value: number, unit: string, approx: boolean];

function brief(text: string): Brief[] {
  return extract(text, INDICATORS).figures.map((f) => [
    f.indicator,
    f.option,
    f.value,
    f.unit,
    f.approx !== null || f.value_max !== null,
  ]);
}

function figuresOf(text: string): Figure[] {
  return extract(text, INDICATORS).figures;
}

describe('extract: the seed passage', () => {
  it('reads exactly the six drug figures and nothing else', () => {
    assert.deepEqual(brief(SEED), [
      ['drug.cases', null, 1457, 'vụ', false],
      ['drug.suspects', null, 1978, 'đối tượng', false],
      ['drug.seized_kg', 'heroin', 28, 'kg', true],
      ['drug.seized_kg', 'synthetic', 138.6, 'kg', false],
      ['drug.seized_tablets', 'synthetic', 162526, 'viên', false],
      ['drug.seized_kg', 'cannabis', 5.5, 'kg', false],
    ]);
    assert.deepEqual(extract(SEED, INDICATORS).comparisons, []);
  });

  it('spans cover the number as written and its unit', () => {
    const result = extract(SEED, INDICATORS);
    assert.deepEqual(
      result.figures.map((f) => result.text.slice(f.span[0], f.span[1])),
      ['1.457 vụ', '1.978 đối tượng', '28kg', '138,6kg', '162.526 viên', '5,5kg'],
    );
  });

  it('finds the period and the reporting unit', () => {
    const result = extract(SEED, INDICATORS);
    assert.equal(result.period?.kind, 'month');
    assert.equal(result.period?.month, 2);
    assert.equal(result.period?.year, 2020);
    assert.equal(result.period?.text, 'Trong tháng 2');
    assert.equal(result.unit?.level, 'ministry');
  });
});

describe('extract: numbers', () => {
  it('reads thousands dots and decimal commas', () => {
    assert.deepEqual(brief('thu giữ 162.526 viên ma túy tổng hợp và 0,78 gam heroin'), [
      ['drug.seized_tablets', 'synthetic', 162526, 'viên', false],
      ['drug.seized_kg', 'heroin', 0.78, 'g', false],
    ]);
  });

  it('reads numbers in words before a unit', () => {
    assert.deepEqual(
      brief('Về ma túy, bắt giữ mười lăm vụ, hai mươi mốt đối tượng; bắt quả tang hai đối tượng.'),
      [
        ['drug.cases', null, 15, 'vụ', false],
        ['drug.suspects', null, 21, 'đối tượng', false],
        ['drug.suspects', null, 2, 'đối tượng', false],
      ],
    );
    assert.deepEqual(brief('xảy ra một vụ tai nạn giao thông'), [
      ['traffic.accidents', null, 1, 'vụ', false],
    ]);
  });

  it('does not read "năm" (year) or "một" (a) as numbers without a unit', () => {
    assert.deepEqual(brief('năm 2020 là một năm nhiều khó khăn'), []);
  });

  it('applies scale words', () => {
    assert.deepEqual(brief('thu giữ 1,47 triệu viên ma túy tổng hợp'), [
      ['drug.seized_tablets', 'synthetic', 1470000, 'viên', false],
    ]);
    assert.deepEqual(brief('thu giữ 12 nghìn viên hồng phiến'), [
      ['drug.seized_tablets', 'synthetic', 12000, 'viên', false],
    ]);
  });

  it('pads of zero are plain counts', () => {
    assert.deepEqual(brief('xảy ra 02 vụ nổ'), [['fire.explosions', null, 2, 'vụ', false]]);
  });
});

describe('extract: units', () => {
  it('reads units stuck to the number', () => {
    const f = figuresOf('thu 28kg heroin, 5,5kg cần sa');
    assert.deepEqual(
      f.map((x) => [x.value, x.unit, x.option]),
      [
        [28, 'kg', 'heroin'],
        [5.5, 'kg', 'cannabis'],
      ],
    );
  });

  it('converts g and tấn into kg where the catalogue says how', () => {
    const f = figuresOf('thu giữ 500 gam ma túy đá, hơn 2 tấn ma túy tổng hợp');
    assert.equal(f[0]?.unit, 'g');
    assert.equal(f[0]?.convertedValue, 0.5);
    assert.equal(f[1]?.unit, 'tấn');
    assert.equal(f[1]?.convertedValue, 2000);
    assert.equal(f[1]?.approx, 'hơn');
  });

  it('maps heroin in bánh to bricks, not kg', () => {
    const f = figuresOf('thu giữ 60 bánh heroin');
    assert.deepEqual(
      f.map((x) => [x.indicator, x.option, x.value, x.unit, x.convertedValue]),
      [['drug.seized_bricks', 'heroin', 60, 'bánh', undefined]],
    );
  });

  it('reads money and converts tỷ đồng into triệu đồng', () => {
    const f = figuresOf('xảy ra 12 vụ cháy, thiệt hại tài sản ước tính 2,5 tỷ đồng');
    assert.deepEqual(
      f.map((x) => [x.indicator, x.value, x.unit, x.approx, x.convertedValue]),
      [
        ['fire.cases', 12, 'vụ', null, undefined],
        ['fire.damage', 2.5, 'tỷ đồng', 'ước tính', 2500],
      ],
    );
  });

  it('reads a compound amount "1 tỷ 200 triệu đồng"', () => {
    const f = figuresOf('thu giữ hàng lậu trị giá khoảng 1 tỷ 200 triệu đồng');
    assert.deepEqual(
      f.map((x) => [x.indicator, x.value, x.unit, x.approx]),
      [['economy.goods_value', 1.2, 'tỷ đồng', 'khoảng']],
    );
  });

  it('keeps money seized in a gambling raid without an indicator', () => {
    assert.deepEqual(brief('bắt 9 vụ/46 đối tượng đánh bạc, thu giữ hơn 120 triệu đồng'), [
      ['gambling.cases', null, 9, 'vụ', false],
      ['gambling.suspects', null, 46, 'đối tượng', false],
      [null, null, 120, 'triệu đồng', true],
    ]);
  });

  it('counts weapons by their own units', () => {
    assert.deepEqual(brief('thu 46 khẩu súng, 219 viên đạn, 31kg pháo nổ, 03 quả lựu đạn, 2,3kg thuốc nổ'), [
      ['weapons.guns', null, 46, 'khẩu', false],
      ['weapons.ammunition', null, 219, 'viên', false],
      ['weapons.firecrackers_kg', null, 31, 'kg', false],
      ['weapons.grenades', null, 3, 'quả', false],
      ['weapons.explosives_kg', null, 2.3, 'kg', false],
    ]);
  });
});

describe('extract: counted things outside the catalogue', () => {
  it('keeps dens, special cases, patrols and lengths as figures without an indicator', () => {
    // From published reports (Báo Đồng Khởi, 12/03/2020; Công an nhân dân, Hòa Bình; VietNamNet, 04/2020).
    assert.deepEqual(
      brief(
        'trong đó đã đấu tranh làm rõ 2 chuyên án trộm xe mô tô, triệt xóa 131 tụ điểm đánh bạc với 155 đối tượng',
      ),
      [
        [null, null, 2, 'chuyên án', false],
        [null, null, 131, 'tụ điểm', false],
        ['gambling.suspects', null, 155, 'đối tượng', false],
      ],
    );
    assert.deepEqual(brief('lực lượng cảnh sát giao thông đã tổ chức tuần tra trên 3.500 cuộc'), [
      [null, null, 3500, 'cuộc', true],
    ]);
    assert.deepEqual(brief('thu hồi 86 chiếc kíp nổ, gần 2.300m dây cháy chậm').slice(1), [
      [null, null, 2300, 'm', true],
    ]);
    assert.deepEqual(
      brief('phá 1 ổ cờ bạc, bắt quả tang 28 con bạc ở hai sới bạc').map((b) => [b[2], b[3]]),
      [
        [1, 'ổ'],
        [28, 'con bạc'],
        [2, 'sới bạc'],
      ],
    );
  });

  it('reads the solve rate written "tỉ lệ" as well as "tỷ lệ"', () => {
    // Pháp Luật TP.HCM, 03/2017.
    const text =
      'công an cả nước đã điều tra, khám phá 7.442 vụ phạm pháp hình sự. Tỉ lệ điều tra án rất nghiêm trọng và ' +
      'đặc biệt nghiêm trọng đạt trên 85%, góp phần kiềm chế.';
    assert.deepEqual(brief(text).at(-1), ['crime.solve_rate', null, 85, '%', true]);
  });

  it('reads "51/61 vụ" as the part and the whole, leaving dates alone', () => {
    // Báo Quảng Nam, 08/2022.
    assert.deepEqual(
      brief('Công an tỉnh điều tra, khám phá 51/61 vụ xâm phạm trật tự xã hội (tỷ lệ hơn 83%).'),
      [
        ['crime.solved', null, 51, 'vụ', false],
        ['crime.occurred', null, 61, 'vụ', false],
        ['crime.solve_rate', null, 83, '%', true],
      ],
    );
    assert.deepEqual(
      brief('Trong tháng 7/2022 xảy ra 61 vụ; khám phá 70/61 vụ').map((b) => b[2]),
      [61, 61],
    );
  });

  it('does not count the kind in "(loại 36 quả)"', () => {
    // Kiến Thức, 05/2024.
    assert.deepEqual(
      brief('97 quả pháo bi, 02 hộp pháo hoa (loại 36 quả); 01 hộp pháo hoa (loại 49 quả)').map((b) => [
        b[2],
        b[3],
      ]),
      [
        [97, 'quả'],
        [2, 'hộp'],
        [1, 'hộp'],
      ],
    );
  });

  it('still reads "12 ổ nhóm" as gangs; "63 điểm cầu" and "30 m3 gỗ" are figures for a person to place', () => {
    assert.deepEqual(
      brief('triệt xóa 12 ổ nhóm tội phạm').map((b) => [b[2], b[3]]),
      [[12, 'ổ nhóm']],
    );
    assert.deepEqual(brief('Hội nghị có 63 điểm cầu trực tuyến'), [[null, null, 63, 'điểm cầu', false]]);
    assert.deepEqual(
      figuresOf('thu giữ hơn 30 m3 gỗ các loại').map((f) => [f.indicator, f.value, f.unit, f.noun, f.approx]),
      [[null, 30, 'm3', 'gỗ', 'hơn']],
    );
  });
});

describe('extract: shared nouns and lists', () => {
  it('shares the noun across "vụ - đối tượng" and "vụ/đối tượng"', () => {
    assert.deepEqual(brief('bắt 20 vụ/52 đối tượng đánh bạc; 11 vụ 17 đối tượng phạm tội về ma túy'), [
      ['gambling.cases', null, 20, 'vụ', false],
      ['gambling.suspects', null, 52, 'đối tượng', false],
      ['drug.cases', null, 11, 'vụ', false],
      ['drug.suspects', null, 17, 'đối tượng', false],
    ]);
  });

  it('shares "ma túy tổng hợp" across "kg và viên"', () => {
    assert.deepEqual(brief('thu giữ 138,6kg và 162.526 viên ma túy tổng hợp'), [
      ['drug.seized_kg', 'synthetic', 138.6, 'kg', false],
      ['drug.seized_tablets', 'synthetic', 162526, 'viên', false],
    ]);
  });

  it('reads lists separated by semicolons, with the field carried through the sentence', () => {
    assert.deepEqual(
      brief('Tai nạn giao thông: xảy ra 1.540 vụ, làm chết 650 người; bị thương 1.190 người.'),
      [
        ['traffic.accidents', null, 1540, 'vụ', false],
        ['traffic.deaths', null, 650, 'người', false],
        ['traffic.injuries', null, 1190, 'người', false],
      ],
    );
  });

  it('separates fire and traffic victims by the nearest field', () => {
    assert.deepEqual(brief('xảy ra 312 vụ cháy, làm chết 8 người, bị thương 15 người'), [
      ['fire.cases', null, 312, 'vụ', false],
      ['fire.deaths', null, 8, 'người', false],
      ['fire.injuries', null, 15, 'người', false],
    ]);
  });

  it('gives no option when several kinds are named together', () => {
    assert.deepEqual(brief('phát hiện 2.050 vụ buôn lậu, gian lận thương mại và hàng giả'), [
      ['economy.cases', null, 2050, 'vụ', false],
    ]);
    assert.deepEqual(brief('phát hiện 25 vụ buôn lậu, 9 vụ gian lận thương mại, 4 vụ hàng giả'), [
      ['economy.cases', 'smuggling', 25, 'vụ', false],
      ['economy.cases', 'trade_fraud', 9, 'vụ', false],
      ['economy.cases', 'counterfeit', 4, 'vụ', false],
    ]);
  });
});

describe('extract: spelling', () => {
  it('reads text without diacritics', () => {
    assert.deepEqual(
      brief('bat giu 1.204 vu, 1.650 doi tuong pham toi ve ma tuy, thu giu hon 45 kg heroin'),
      [
        ['drug.cases', null, 1204, 'vụ', false],
        ['drug.suspects', null, 1650, 'đối tượng', false],
        ['drug.seized_kg', 'heroin', 45, 'kg', true],
      ],
    );
  });

  it('ignores tone-mark placement and spelling variants of heroin', () => {
    assert.deepEqual(brief('thu giữ 3 kg ma tuý tổng hợp, 1,2 kg hêrôin, 0,5 kg Heroine'), [
      ['drug.seized_kg', 'synthetic', 3, 'kg', false],
      ['drug.seized_kg', 'heroin', 1.2, 'kg', false],
      ['drug.seized_kg', 'heroin', 0.5, 'kg', false],
    ]);
  });

  it('reads decomposed (NFD) input through NFC', () => {
    const result = extract('thu giữ 5 kg cần sa'.normalize('NFD'), INDICATORS);
    assert.equal(result.text, 'thu giữ 5 kg cần sa');
    assert.deepEqual(
      result.figures.map((f) => [f.indicator, f.option]),
      [['drug.seized_kg', 'cannabis']],
    );
  });

  it('tolerates stray spaces before punctuation', () => {
    assert.deepEqual(brief('Bắt giữ 3 đối tượng , thu giữ 250 gam ma tuy đá , 1.000 viên thuốc lắc .'), [
      ['drug.suspects', null, 3, 'đối tượng', false],
      ['drug.seized_kg', 'synthetic', 250, 'g', false],
      ['drug.seized_tablets', 'synthetic', 1000, 'viên', false],
    ]);
  });

  it('does not read an unaccented word as an accented one in accented text ("bắt quả tang" is not "tăng")', () => {
    const result = extract('Công an tỉnh Bắc Ninh bắt quả tang 9 vụ đánh bạc.', INDICATORS);
    assert.deepEqual(result.comparisons, []);
    assert.equal(result.figures[0]?.indicator, 'gambling.cases');
  });
});

describe('extract: approximations and ranges', () => {
  for (const word of ['gần', 'hơn', 'khoảng', 'trên', 'gần như', 'ước', 'ước tính']) {
    it(`"${word}" makes the figure approximate`, () => {
      const [f] = figuresOf(`thu giữ ${word} 28kg heroin`);
      assert.equal(f?.approx, word);
      assert.equal(f?.value, 28);
    });
  }

  it('"ước trị giá" is approximate too', () => {
    const [f] = figuresOf('buôn lậu hàng hóa, ước trị giá 2,8 tỷ đồng');
    assert.equal(f?.approx, 'ước');
    assert.equal(f?.indicator, 'economy.goods_value');
  });

  it('reads a range as one approximate figure at its lower bound', () => {
    const [f, ...rest] = figuresOf('mỗi ngày xảy ra từ 3 đến 5 vụ tai nạn giao thông');
    assert.deepEqual(rest, []);
    assert.equal(f?.value, 3);
    assert.equal(f?.value_max, 5);
    assert.equal(f?.approx, null);
    assert.equal(f?.indicator, 'traffic.accidents');
  });
});

describe('extract: what is not a statistic', () => {
  it('ignores dates, years, article and decree numbers, ages and anniversaries', () => {
    assert.deepEqual(
      brief(
        'Ngày 26-2 và ngày 15/12/2019, theo Điều 249 Bộ luật Hình sự năm 2015 và Nghị định 09/2019/NĐ-CP, ' +
          'đối tượng 20 tuổi; kỷ niệm 90 năm Ngày thành lập Đảng; Đại hội lần thứ XIII.',
      ),
      [],
    );
  });

  it('ignores percentages that are not a named rate ("100% địa bàn")', () => {
    assert.deepEqual(brief('triển khai Công an chính quy tại 100% địa bàn'), []);
  });

  it('reads a named rate', () => {
    assert.deepEqual(brief('Tỷ lệ điều tra, khám phá đạt 85,24%.'), [
      ['crime.solve_rate', null, 85.24, '%', false],
    ]);
  });

  it('ignores targets', () => {
    const result = extract('phấn đấu giảm 5% số vụ tai nạn giao thông', INDICATORS);
    assert.deepEqual(result.figures, []);
    assert.deepEqual(result.comparisons, []);
  });

  it('keeps prosecution counts without an indicator', () => {
    assert.deepEqual(brief('về buôn lậu, khởi tố 312 vụ, 540 bị can'), [
      [null, null, 312, 'vụ', false],
      [null, null, 540, 'bị can', false],
    ]);
  });

  it('keeps a count with no field without an indicator', () => {
    assert.deepEqual(brief('có 3 đối tượng'), [[null, null, 3, 'đối tượng', false]]);
  });
});

describe('extract: comparisons', () => {
  it('reads a change with its percentage and baseline', () => {
    const result = extract(
      'Xảy ra 9.398 vụ tai nạn giao thông, làm chết 5.293 người. So với cùng kỳ năm 2024, giảm 3.009 vụ ' +
        '(-24,25%), giảm 201 người chết (-3,66%).',
      INDICATORS,
    );
    assert.deepEqual(
      result.comparisons.map((c) => [c.direction, c.value, c.unit, c.baseline, c.indicator]),
      [
        ['down', 3009, 'vụ', 'same_period_last_year', 'traffic.accidents'],
        ['down', 24.25, '%', 'same_period_last_year', 'traffic.accidents'],
        ['down', 201, 'người', 'same_period_last_year', 'traffic.deaths'],
        ['down', 3.66, '%', 'same_period_last_year', 'traffic.deaths'],
      ],
    );
    assert.equal(result.comparisons[0]?.baselineText, 'cùng kỳ năm 2024');
    assert.equal(result.figures.length, 2, 'changes are not figures');
  });

  it('reads "tăng 12,5% so với cùng kỳ" of the figure before it', () => {
    const [c] = extract(
      'phát hiện 1.950 vụ buôn lậu, tăng 12,5% so với cùng kỳ năm 2019',
      INDICATORS,
    ).comparisons;
    assert.deepEqual(
      [c?.direction, c?.value, c?.unit, c?.baseline, c?.indicator, c?.option],
      ['up', 12.5, '%', 'same_period_last_year', 'economy.cases', 'smuggling'],
    );
  });

  it('classifies baselines', () => {
    const kinds = (text: string) => extract(text, INDICATORS).comparisons.map((c) => c.baseline);
    assert.deepEqual(kinds('xảy ra 14 vụ cháy, giảm 3 vụ so với tháng trước'), ['previous_period']);
    assert.deepEqual(kinds('xảy ra 14 vụ cháy, giảm 3 vụ so với tháng 7/2024'), ['previous_period']);
    assert.deepEqual(kinds('xảy ra 14 vụ cháy, giảm 3 vụ so với năm 2019'), ['previous_year']);
    assert.deepEqual(kinds('xảy ra 14 vụ cháy, giảm 3 vụ so với 9 ngày nghỉ Tết năm 2023'), ['other']);
    assert.deepEqual(kinds('xảy ra 14 vụ cháy, giảm 3 vụ'), [null]);
  });

  it('reads "giảm cả 3 tiêu chí" as one comparison per criterion', () => {
    const result = extract('Tai nạn giao thông giảm cả 3 tiêu chí so với cùng kỳ.', INDICATORS);
    assert.deepEqual(
      result.comparisons.map((c) => [c.direction, c.value, c.indicator, c.baseline]),
      [
        ['down', null, 'traffic.accidents', 'same_period_last_year'],
        ['down', null, 'traffic.deaths', 'same_period_last_year'],
        ['down', null, 'traffic.injuries', 'same_period_last_year'],
      ],
    );
  });

  it('does not add valueless criteria when the sentence spells them out with values', () => {
    // Báo Bà Rịa - Vũng Tàu, 01/2025.
    const result = extract(
      'Số vụ TNGT giảm cả 3 tiêu chí (giảm 11% vụ, giảm 16% số người chết và giảm 17% số người bị thương)…',
      INDICATORS,
    );
    assert.deepEqual(
      result.comparisons.map((c) => [c.direction, c.value, c.unit]),
      [
        ['down', 11, '%'],
        ['down', 16, '%'],
        ['down', 17, '%'],
      ],
    );
  });

  it('reads an unsigned percentage in brackets after a change and its noun', () => {
    // Công an nhân dân, 09/2019.
    const result = extract(
      'so với cùng kỳ năm trước tăng 7 vụ (6,1%), tăng 7 người chết (7,4%), giảm 8 người bị thương (-16,3%).',
      INDICATORS,
    );
    assert.deepEqual(
      result.comparisons.map((c) => [c.direction, c.value, c.unit]),
      [
        ['up', 7, 'vụ'],
        ['up', 6.1, '%'],
        ['up', 7, 'người'],
        ['up', 7.4, '%'],
        ['down', 8, 'người'],
        ['down', 16.3, '%'],
      ],
    );
    assert.deepEqual(result.figures, []);
  });

  it('reads a signed percentage after a figure', () => {
    const [c] = extract(
      'Toàn quốc xảy ra 2.116 vụ tai nạn giao thông (+9,79%) so với tháng trước.',
      INDICATORS,
    ).comparisons;
    assert.deepEqual([c?.direction, c?.value, c?.unit], ['up', 9.79, '%']);
  });

  it('comparison spans cover the number as written', () => {
    const result = extract('giảm 3.009 vụ (-24,25%)', INDICATORS);
    for (const c of result.comparisons) {
      const slice = result.text.slice(c.span[0], c.span[1]);
      assert.ok(slice.includes(c.value === 3009 ? '3.009' : '24,25'), slice);
    }
  });
});

describe('extract: period and unit', () => {
  it('reads "tháng 02/2020" and a provincial unit', () => {
    const result = extract('Công an tỉnh Nghệ An: trong tháng 02/2020 bắt 5 vụ ma túy.', INDICATORS);
    assert.deepEqual(
      [result.period?.month, result.period?.year, result.period?.text],
      [2, 2020, 'trong tháng 02/2020'],
    );
    assert.deepEqual(
      [result.unit?.level, result.unit?.name, result.unit?.text],
      ['province', 'Nghệ An', 'Công an tỉnh Nghệ An'],
    );
  });

  it('reads "Công an TP Hà Nội"', () => {
    const result = extract('Công an TP Hà Nội cho biết', INDICATORS);
    assert.deepEqual([result.unit?.level, result.unit?.name], ['city', 'Hà Nội']);
    const span = result.unit?.span ?? [0, 0];
    assert.equal(result.text.slice(span[0], span[1]), 'Công an TP Hà Nội');
  });

  it('reads a quarter', () => {
    const result = extract('Quý I/2024, phát hiện 12 vụ buôn lậu.', INDICATORS);
    assert.deepEqual(
      [result.period?.kind, result.period?.quarter, result.period?.year],
      ['quarter', 1, 2024],
    );
  });
});

describe('extract: the rule set is data', () => {
  it('a new phrase added to the rules is picked up without code changes', () => {
    const rules: ExtractionRules = {
      ...RULES,
      indicators: RULES.indicators.map((r) =>
        r.indicator === 'drug.seized_kg' && r.option === 'cannabis'
          ? { ...r, nouns: [...(r.nouns ?? []), 'cỏ Mỹ'] }
          : r,
      ),
    };
    const before = extract('thu giữ 2 kg cỏ Mỹ', INDICATORS).figures[0];
    const after = extract('thu giữ 2 kg cỏ Mỹ', INDICATORS, rules).figures[0];
    assert.equal(before?.indicator, null);
    assert.deepEqual([after?.indicator, after?.option], ['drug.seized_kg', 'cannabis']);
  });

  it('every rule names a catalogue indicator and option, and accepts only convertible units', () => {
    for (const rule of RULES.indicators) {
      const indicator = INDICATORS.find((i) => i.code === rule.indicator);
      assert.ok(indicator, rule.indicator);
      if (rule.option !== null)
        assert.ok(
          indicator.options.some((o) => o.code === rule.option),
          rule.option,
        );
      for (const unit of rule.units) {
        const ok =
          unit === indicator.unit ||
          indicator.conversions.some((c) => c.unit === unit) ||
          RULES.unitSynonyms[unit] === indicator.unit;
        assert.ok(ok, `${rule.indicator} does not accept ${unit}`);
      }
    }
  });

  it('only the indicators of the catalogue passed in are used', () => {
    const small = INDICATORS.filter((i) => i.field !== 'drug');
    assert.deepEqual(
      extract('thu giữ 28kg heroin', small).figures.map((f) => f.indicator),
      [null],
    );
  });
});

describe('extract: what each number is, on the forms real reports use', () => {
  const figs = (text: string) =>
    extract(text, INDICATORS).figures.map((f) => ({
      indicator: f.indicator,
      noun: f.noun,
      unit: f.unit,
      value: f.value,
      value_max: f.value_max,
      approx: f.approx,
      of: f.of,
      subset_of: f.subset_of,
    }));
  const cmps = (text: string) =>
    extract(text, INDICATORS).comparisons.map((c) => [
      c.direction,
      c.value,
      c.unit,
      c.baseline,
      c.current,
      c.base,
    ]);
  const plain = { indicator: null, value_max: null, approx: null, of: null, subset_of: null };

  it('1. a difference is a comparison, not a count: "giảm 120 vụ", "nhiều hơn 45 vụ", "giảm -80 vụ"', () => {
    const text = 'Tháng 5, xảy ra 150 vụ, giảm 120 vụ so với cùng kỳ; nhiều hơn 45 vụ so với tháng trước.';
    assert.deepEqual(
      figs(text).map((f) => [f.value, f.unit]),
      [[150, 'vụ']],
    );
    assert.deepEqual(cmps(text), [
      ['down', 120, 'vụ', 'same_period_last_year', null, null],
      ['up', 45, 'vụ', 'previous_period', null, null],
    ]);
    assert.deepEqual(cmps('So với tháng trước giảm -80 vụ.'), [
      ['down', 80, 'vụ', 'previous_period', null, null],
    ]);
  });

  it('2. "tăng 30 vụ (150/120 vụ)" gives the change with its current and base, and no figures', () => {
    const text = 'Số vụ tăng 30 vụ (150/120 vụ) so với cùng kỳ.';
    assert.deepEqual(figs(text), []);
    assert.deepEqual(cmps(text), [['up', 30, 'vụ', 'same_period_last_year', 150, 120]]);
  });

  it('3. a counted thing outside the catalogue keeps its noun and classifier, indicator null', () => {
    assert.deepEqual(figs('thu giữ 12 chiếc xe máy, ba con gà, 87 máy tính và 20 bánh heroin'), [
      { ...plain, noun: 'xe máy', unit: 'chiếc', value: 12 },
      { ...plain, noun: 'gà', unit: 'con', value: 3 },
      { ...plain, noun: 'máy tính', unit: 'máy tính', value: 87 },
      { ...plain, indicator: 'drug.seized_bricks', noun: 'heroin', unit: 'bánh', value: 20 },
    ]);
    assert.deepEqual(
      figs('Tại hội nghị, có 9 tập thể, 36 cá nhân được khen thưởng; 34 tổ cảnh sát cơ động tuần tra.').map(
        (f) => [f.value, f.unit],
      ),
      [
        [9, 'tập thể'],
        [36, 'cá nhân'],
        [34, 'tổ'],
      ],
    );
  });

  it("3b. a count outside the units reaches an indicator only when its own noun is the catalogue's", () => {
    assert.deepEqual(
      figs('Thu hồi 5 roi điện, 3 súng hơi, 6 gậy điện, 2 lựu đạn; tiếp nhận 15 tin báo về tội phạm.').map(
        (f) => [f.indicator, f.value, f.unit],
      ),
      [
        ['weapons.support_tools', 5, 'roi điện'],
        ['weapons.guns', 3, 'súng'],
        [null, 6, 'gậy điện'],
        ['weapons.grenades', 2, 'lựu đạn'],
        [null, 15, 'tin báo'],
      ],
    );
  });

  it('4. labels, dates, times, codes and ages are not counts', () => {
    const text =
      'Khoảng 7h40 ngày 23/3, tại ấp 2, quận 8, xe biển số 29B-043.46 của Công ty Sông Đà 702 quản lý; ' +
      'Điều 227 Bộ luật Hình sự; lần thứ 4; Đỗ Văn A. (SN 1990) 43 tuổi có 2 tiền án; hàng ngàn tỷ đồng.';
    assert.deepEqual(figs(text), []);
  });

  it('5. a rate after "đạt" or "tỷ lệ" is a figure in %', () => {
    assert.deepEqual(
      figs(
        'Tỷ lệ điều tra, khám phá đạt 85,4%, án rất nghiêm trọng đạt 92,1%; khám phá 268 vụ (đạt 85,9%).',
      ).map((f) => [f.indicator, f.value, f.unit]),
      [
        ['crime.solve_rate', 85.4, '%'],
        [null, 92.1, '%'],
        ['crime.solved', 268, 'vụ'],
        ['crime.solve_rate', 85.9, '%'],
      ],
    );
    // Not a rate: "100% xã", a target.
    assert.deepEqual(figs('Công an chính quy về 100% xã, phấn đấu giảm 5% số vụ.'), []);
  });

  it('6. parts of a whole: "412/530 vụ" and "(trong đó có 3 nữ)"', () => {
    const f = figs('Điều tra làm rõ 412/530 vụ; bắt 31 người (trong đó có 3 nữ).');
    assert.deepEqual(
      f.map((x) => [x.value, x.unit, x.of, x.subset_of, x.noun]),
      [
        [412, 'vụ', 530, null, 'vụ'],
        [530, 'vụ', null, null, 'vụ'],
        [31, 'người', null, null, 'người'],
        [3, 'người', null, 2, 'nữ'],
      ],
    );
  });

  it('7. ranges and scale words: "từ 10 đến 15 con bạc", "hơn 20 nghìn vụ việc"', () => {
    assert.deepEqual(figs('bắt quả tang từ 10 đến 15 con bạc; phát hiện hơn 20 nghìn vụ việc'), [
      { ...plain, noun: 'con bạc', unit: 'con bạc', value: 10, value_max: 15 },
      { ...plain, noun: 'vụ việc', unit: 'vụ việc', value: 20000, approx: 'hơn' },
    ]);
  });

  it('8. the period reported is not the baseline: "so với tháng 4/2023 giảm …"', () => {
    const r = extract('So với tháng 4/2023, tháng 5/2024 xảy ra 30 vụ, giảm 12 vụ.', INDICATORS);
    assert.deepEqual([r.period?.month, r.period?.year], [5, 2024]);
    assert.equal(r.comparisons[0]?.baselineText, 'tháng 4/2023');
  });

  it('9. a change in percentage points and a change joined by "và" with its own bracketed percentage', () => {
    assert.deepEqual(cmps('Tỷ lệ điều tra tăng 2,5 điểm phần trăm so với năm trước.'), [
      ['up', 2.5, 'điểm %', 'previous_year', null, null],
    ]);
    assert.deepEqual(
      cmps('số vụ án, bị can khởi tố đã tăng sáu vụ (hơn 23%) và 17 bị can (hơn 60%).').map((c) =>
        c.slice(0, 3),
      ),
      [
        ['up', 6, 'vụ'],
        ['up', 23, '%'],
        ['up', 17, 'bị can'],
        ['up', 60, '%'],
      ],
    );
  });
});
