import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { capitalizeFirst, numberToWords, splitLeadingNumberWords, wordsToNumber } from './number-words.ts';

const EXAMPLES: Array<[number, string]> = [
  [0, 'không'],
  [5, 'năm'],
  [10, 'mười'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [30, 'ba mươi'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [500, 'năm trăm'],
  [1000, 'một nghìn'],
  [1005, 'một nghìn không trăm linh năm'],
  [1015, 'một nghìn không trăm mười lăm'],
  [1457, 'một nghìn bốn trăm năm mươi bảy'],
  [1978, 'một nghìn chín trăm bảy mươi tám'],
  [2004, 'hai nghìn không trăm linh bốn'],
  [100_000, 'một trăm nghìn'],
  [162_526, 'một trăm sáu mươi hai nghìn năm trăm hai mươi sáu'],
  [1_000_000, 'một triệu'],
  [1_000_005, 'một triệu không trăm linh năm'],
  [1_200_000_000, 'một tỷ hai trăm triệu'],
  [1_005_000_000, 'một tỷ không trăm linh năm triệu'],
  [1_000_000_000_000, 'một nghìn tỷ'],
  [138.6, 'một trăm ba mươi tám phẩy sáu'],
  [0.05, 'không phẩy không năm'],
  [9.79, 'chín phẩy bảy mươi chín'],
  [0.78, 'không phẩy bảy mươi tám'],
  [1.2345, 'một phẩy hai ba bốn năm'],
  [-3, 'âm ba'],
  [-24.25, 'âm hai mươi tư phẩy hai mươi lăm'],
];

describe('numberToWords', () => {
  for (const [n, words] of EXAMPLES) {
    it(`${n} → ${words}`, () => assert.equal(numberToWords(n), words));
  }

  it('offers the southern and the "bốn" variants', () => {
    assert.equal(numberToWords(105, { zeroTens: 'lẻ' }), 'một trăm lẻ năm');
    assert.equal(numberToWords(24, { four: 'bốn' }), 'hai mươi bốn');
    assert.equal(numberToWords(2000, { thousand: 'ngàn' }), 'hai ngàn');
  });

  it('reads -0 as zero and refuses what it cannot read', () => {
    assert.equal(numberToWords(-0), 'không');
    assert.throws(() => numberToWords(Number.NaN), RangeError);
    assert.throws(() => numberToWords(Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => numberToWords(2 ** 60), RangeError);
  });
});

describe('capitalizeFirst', () => {
  it('capitalises the first letter only', () => {
    assert.equal(capitalizeFirst(numberToWords(1457)), 'Một nghìn bốn trăm năm mươi bảy');
    assert.equal(capitalizeFirst('âm ba'), 'Âm ba');
    assert.equal(capitalizeFirst('đồng'), 'Đồng');
    assert.equal(capitalizeFirst(''), '');
  });
});

describe('wordsToNumber', () => {
  it('reads back every example', () => {
    for (const [n, words] of EXAMPLES) assert.equal(wordsToNumber(words), n, words);
  });

  it('accepts the common variants', () => {
    const variants: Array<[string, number]> = [
      ['một trăm lẻ năm', 105],
      ['hai mươi nhăm', 25],
      ['hai mươi bốn', 24],
      ['hai mươi một', 21],
      ['mười tư', 14],
      ['hai ngàn', 2000],
      ['một tỉ', 1_000_000_000],
      ['hai chục', 20],
      ['bẩy', 7],
      ['trăm', 100],
      ['trăm nghìn', 100_000],
      ['nghìn tỷ', 1_000_000_000_000],
      ['một nghìn linh năm', 1005],
      ['một nghìn mười lăm', 1015],
      ['một tỷ năm triệu', 1_005_000_000],
      ['  Một  Nghìn Bốn Trăm Năm Mươi Bảy ', 1457],
      ['không phẩy bảy tám', 0.78],
      ['âm không', 0],
    ];
    for (const [text, n] of variants) assert.equal(wordsToNumber(text), n, text);
  });

  it('returns null for text that is not a number or is ambiguous', () => {
    const bad = [
      '',
      'hai đối tượng',
      'mười năm',
      'hai mươi năm',
      'một nghìn hai',
      'một trăm năm',
      'một tỷ năm',
      'linh năm',
      'không trăm năm mươi',
      'năm năm',
      'mươi',
      'một mươi',
      'mười mốt',
      'hai nghìn ba nghìn',
      'nghìn triệu',
      'không nghìn',
      'phẩy năm',
      'một phẩy',
      'âm',
      'một nghìn tỷ tỷ tỷ',
    ];
    for (const text of bad) assert.equal(wordsToNumber(text), null, text);
  });

  it('round-trips every integer from 0 to 10^9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (n) => {
        assert.equal(wordsToNumber(numberToWords(n)), n);
      }),
      { numRuns: 10_000 },
    );
  });

  it('round-trips small integers exhaustively', () => {
    for (let n = 0; n <= 2100; n++) assert.equal(wordsToNumber(numberToWords(n)), n, String(n));
  });

  it('round-trips large, negative and decimal values and the written variants', () => {
    const value = fc
      .record({
        integer: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        places: fc.integer({ min: 0, max: 3 }),
        fraction: fc.integer({ min: 0, max: 999 }),
        negative: fc.boolean(),
      })
      .map(({ integer, places, fraction, negative }) => {
        const safe = places === 0 ? integer : integer % 1_000_000_000_000;
        const digits = String(fraction % 10 ** places).padStart(places, '0');
        const v = Number(places === 0 ? `${safe}` : `${safe}.${digits}`);
        return negative && v !== 0 ? -v : v;
      });
    const options = fc.record({
      four: fc.constantFrom('tư' as const, 'bốn' as const),
      zeroTens: fc.constantFrom('linh' as const, 'lẻ' as const),
      thousand: fc.constantFrom('nghìn' as const, 'ngàn' as const),
    });
    fc.assert(
      fc.property(value, options, (n, o) => {
        assert.equal(wordsToNumber(numberToWords(n, o)), n);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('splitLeadingNumberWords', () => {
  it('separates a count from the noun that follows', () => {
    assert.deepEqual(splitLeadingNumberWords('hai đối tượng'), { value: 2, rest: 'đối tượng' });
    assert.deepEqual(splitLeadingNumberWords('Mười lăm vụ'), { value: 15, rest: 'vụ' });
    assert.deepEqual(splitLeadingNumberWords('hai mươi năm tù'), { value: 20, rest: 'năm tù' });
    assert.deepEqual(splitLeadingNumberWords('ba'), { value: 3, rest: '' });
  });

  it('returns null when there is no leading number or it is ambiguous', () => {
    assert.equal(splitLeadingNumberWords('đối tượng'), null);
    assert.equal(splitLeadingNumberWords(''), null);
    assert.equal(splitLeadingNumberWords('một nghìn hai vụ'), null);
  });
});
