import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { collateVi, foldDiacritics, nfc, normalizeToneMarks } from './text.ts';

describe('nfc', () => {
  it('composes decomposed input', () => {
    const decomposed = 'Nguye\u0302\u0303n';
    assert.notEqual(decomposed, 'Nguyễn');
    assert.equal(nfc(decomposed), 'Nguyễn');
  });
});

describe('foldDiacritics', () => {
  it('strips tones and vowel marks and turns đ into d', () => {
    assert.equal(foldDiacritics('Đắk Lắk'), 'Dak Lak');
    assert.equal(foldDiacritics('Thừa Thiên Huế'), 'Thua Thien Hue');
    assert.equal(foldDiacritics('đường Ngô Quyền, Ư Ơ'), 'duong Ngo Quyen, U O');
    assert.equal(foldDiacritics('Nguye\u0302\u0303n'), 'Nguyen');
  });

  it('leaves only ASCII letters for any Vietnamese letter', () => {
    const letters = [...'aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters, ...letters.map((l) => l.toUpperCase()))), (chars) => {
        assert.match(foldDiacritics(chars.join('')), /^[a-zA-Z]*$/);
      }),
    );
  });
});

describe('normalizeToneMarks', () => {
  it('makes spellings that differ only in tone placement equal', () => {
    const pairs: Array<[string, string]> = [
      ['Hòa', 'Hoà'],
      ['Thủy', 'Thuỷ'],
      ['tuý', 'túy'],
      ['khỏe', 'khoẻ'],
      ['Quý', 'Qúy'],
      ['già', 'gìa'],
      ['hoàng', 'hòang'],
      ['Huỳnh', 'Hùynh'],
      ['người', 'ngừơi'],
      ['Thanh Hóa', 'Thanh Hoá'],
    ];
    for (const [a, b] of pairs) assert.equal(normalizeToneMarks(a), normalizeToneMarks(b), `${a}/${b}`);
  });

  it('uses the traditional placement and keeps correct words unchanged', () => {
    assert.equal(normalizeToneMarks('Hoà'), 'Hòa');
    assert.equal(normalizeToneMarks('Thuỷ'), 'Thủy');
    for (const word of [
      'Nguyễn',
      'giường',
      'quốc',
      'khuỷu',
      'khoái',
      'mùa',
      'quả',
      'gìn',
      'thuyền',
      'Đắk Lắk',
    ]) {
      assert.equal(normalizeToneMarks(word), word);
    }
  });

  it('keeps distinct words distinct and does not touch other text', () => {
    assert.notEqual(normalizeToneMarks('hòa'), normalizeToneMarks('hóa'));
    assert.notEqual(normalizeToneMarks('Hòa'), normalizeToneMarks('hòa'));
    assert.equal(normalizeToneMarks('Phường 12, Q.1 - (2020)'), 'Phường 12, Q.1 - (2020)');
    assert.equal(normalizeToneMarks('Hoa\u0300'), 'Hòa');
  });

  it('is idempotent and keeps the letters when the tones are folded away', () => {
    const syllable = fc.constantFrom(
      'Hoà',
      'Thuỷ',
      'tuý',
      'Nguyễn',
      'người',
      'khoẻ',
      'quý',
      'gìa',
      'Đắk',
      'x',
    );
    fc.assert(
      fc.property(fc.array(syllable, { maxLength: 6 }), (words) => {
        const text = words.join(' ');
        const once = normalizeToneMarks(text);
        assert.equal(normalizeToneMarks(once), once);
        assert.equal(foldDiacritics(once), foldDiacritics(text));
      }),
    );
  });
});

describe('collateVi', () => {
  it('sorts in Vietnamese alphabetical order', () => {
    const names = ['Đức', 'Dũng', 'Ân', 'An', 'Ăn', 'Bình', 'Yến', 'Anh'];
    assert.deepEqual([...names].sort(collateVi), ['An', 'Anh', 'Ăn', 'Ân', 'Bình', 'Dũng', 'Đức', 'Yến']);
  });

  it('sorts tone placement variants next to each other', () => {
    const sorted = ['Hòa', 'Hoàng', 'Hoa', 'Hoà', 'Hóa'].sort(collateVi);
    const at = sorted.indexOf('Hòa');
    assert.ok(Math.abs(at - sorted.indexOf('Hoà')) === 1, sorted.join(','));
    assert.equal(sorted[0], 'Hoa');
  });
});
