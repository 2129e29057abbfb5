import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { csvNumber, readCsv, writeCsv } from './csv.ts';
import { fromDhis2Period, readDhis2, toDhis2Period } from './dhis2.ts';
import { detectFormat } from './import.ts';
import { FileRejected } from './model.ts';
import { asciiFilename, decodeUtf8, firstInvalidUtf8 } from './text.ts';

const FIXTURES = join(new URL('../..', import.meta.url).pathname, 'test', 'fixtures', 'transfer');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

function rejection(fn: () => unknown): FileRejected {
  try {
    fn();
  } catch (error) {
    if (error instanceof FileRejected) return error;
    throw error;
  }
  assert.fail('the file was accepted');
}

describe('reading CSV', () => {
  it('reads a file with a BOM, Vietnamese numbers and a comment over two lines, numbering rows as lines', () => {
    const parsed = readCsv(fixture('figures-vi.csv'));
    assert.equal(parsed.numberStyle, 'vi');
    assert.deepEqual(
      parsed.figures.map((f) => [f.row, f.indicator, f.option, f.value]),
      [
        [2, 'drug.cases', null, '1.457'],
        [3, 'drug.suspects', null, '1500'],
        [4, 'drug.seized_kg', 'heroin', '138,6'],
        [6, 'drug.seized_kg', 'synthetic', '12,5'],
        [7, 'drug.seized_tablets', 'synthetic', '20.000'],
        [8, 'traffic.deaths', null, '7'],
      ],
    );
    assert.deepEqual(parsed.figures[0]?.form, { text: 'BC-THANG', row: 2 });
    assert.equal(parsed.figures[2]?.comment, 'Thu giữ tại cửa khẩu, ghi chú\r\nhai dòng');
  });

  it('reads semicolon-separated files with Vietnamese headers and stores text NFC-normalised', () => {
    const parsed = readCsv(fixture('figures-semicolon.csv'));
    assert.deepEqual(
      parsed.figures.map((f) => [f.row, f.period?.text, f.indicator, f.value, f.comment]),
      [
        [2, '202612', 'fire.damage', '1.250,5', 'Số liệu ước tính'],
        [3, '202612', 'fire.cases', '3', null],
      ],
    );
    const comment = parsed.figures[0]?.comment ?? '';
    assert.equal(comment, comment.normalize('NFC'));
    assert.notEqual(comment, comment.normalize('NFD'));
  });

  it('refuses text that is not UTF-8, naming the line', () => {
    const error = rejection(() => readCsv(fixture('figures-windows-1258.csv')));
    assert.equal(error.row, 3);
    assert.match(error.reasonVi, /không phải văn bản UTF-8 hợp lệ \(byte 0xFA ở dòng 3\)/);
    assert.match(rejection(() => decodeUtf8(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).reasonVi, /UTF-16/);
  });

  it('validates UTF-8 as the standard decoder does', () => {
    const cases: Array<[number[], number]> = [
      [[0x61, 0xc3, 0xa1], -1],
      [[0xe1, 0xbb, 0x87], -1],
      [[0xf0, 0x9f, 0x98, 0x80], -1],
      [[0x61, 0xc0, 0x80], 1],
      [[0xe0, 0x80, 0x80], 0],
      [[0xed, 0xa0, 0x80], 0],
      [[0x61, 0x62, 0xe1, 0xbb], 2],
      [[0xf5, 0x80, 0x80, 0x80], 0],
    ];
    for (const [bytes, expected] of cases) {
      const buffer = Uint8Array.from(bytes);
      assert.equal(firstInvalidUtf8(buffer), expected, bytes.join(','));
      let decoderOk = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buffer);
      } catch {
        decoderOk = false;
      }
      assert.equal(expected === -1, decoderOk);
    }
  });

  it('refuses a file without the needed columns or with an unclosed quote', () => {
    const noValue = rejection(() =>
      readCsv(Buffer.from('form,unit,period,indicator\nBC-THANG,40,2026-12,x\n')),
    );
    assert.equal(noValue.field, 'header');
    assert.match(noValue.reasonVi, /thiếu cột value/);
    const quote = rejection(() =>
      readCsv(Buffer.from('form,unit,period,indicator,value\nBC-THANG,40,2026-12,x,"5\n')),
    );
    assert.match(quote.reasonVi, /dấu ngoặc kép/);
  });

  it('writes numbers that read back the same: decimal comma, no grouping', () => {
    assert.equal(csvNumber(1457), '1457');
    assert.equal(csvNumber(1.457), '1,457');
    assert.equal(csvNumber(138.6), '138,6');
    const buffer = writeCsv([
      {
        form: 'BC-THANG',
        unit: '40',
        period: '2026-12',
        indicator: 'drug.seized_kg',
        option: 'heroin',
        value: 1.457,
        comment: 'có "ngoặc", dấu phẩy',
        indicatorName: 'Ma túy thu giữ (khối lượng) – heroin',
        measure: 'kg',
      },
    ]);
    assert.deepEqual([...buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const back = readCsv(buffer).figures[0];
    assert.equal(back?.value, '1,457');
    assert.equal(back?.comment, 'có "ngoặc", dấu phẩy');
  });
});

describe('reading DHIS2 JSON', () => {
  it('reads the envelope and values, with DHIS2 periods', () => {
    const parsed = readDhis2(fixture('figures-dhis2.json'));
    assert.equal(parsed.numberStyle, 'machine');
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(
      parsed.figures.map((f) => [
        f.row,
        f.form?.text,
        f.unit?.text,
        f.period?.text,
        f.indicator,
        f.option,
        f.value,
      ]),
      [
        [1, 'BC-THANG', '40', '2026-12', 'drug.cases', 'default', '9'],
        [2, 'BC-THANG', '40', '2026-12', 'drug.seized_kg', 'heroin', '0.5'],
        [3, 'BC-THANG', '40', '2026-12', 'drug.seized_kg', 'synthetic', '1.457'],
        [4, 'BC-THANG', '40', '2026-12', 'fire.cases', 'default', '2'],
      ],
    );
  });

  it('converts periods both ways', () => {
    assert.equal(toDhis2Period('2020-02'), '202002');
    assert.equal(toDhis2Period('2020-02-15'), '20200215');
    assert.equal(fromDhis2Period('202002'), '2020-02');
    assert.equal(fromDhis2Period('20200215'), '2020-02-15');
    assert.equal(fromDhis2Period('2020-02'), '2020-02');
  });

  it('refuses JSON that does not parse or is not a dataValueSet, and reports a missing envelope once', () => {
    assert.match(
      rejection(() => readDhis2(Buffer.from('{"dataSet": "BC-THANG",\n "dataValues": [}'))).reasonVi,
      /Tệp JSON không hợp lệ/,
    );
    assert.match(rejection(() => readDhis2(Buffer.from('[1, 2]'))).reasonVi, /dataValueSet/);
    const parsed = readDhis2(
      Buffer.from(
        JSON.stringify({
          dataSet: 'BC-THANG',
          period: '202612',
          dataValues: [
            { dataElement: 'drug.cases', value: '1' },
            { dataElement: 'fire.cases', value: '1' },
          ],
        }),
      ),
    );
    assert.deepEqual(parsed.issues, [{ row: 0, field: 'orgUnit', reason: 'thiếu mã đơn vị (orgUnit)' }]);
  });
});

describe('format detection and file names', () => {
  it('goes by extension, then content type, then the first bytes', () => {
    assert.equal(detectFormat(Buffer.from('a,b'), 'x.xlsx'), 'xlsx');
    assert.equal(detectFormat(Buffer.from('PK\u0003\u0004'), 'upload'), 'xlsx');
    assert.equal(detectFormat(Buffer.from(' {"a":1}'), 'upload'), 'json');
    assert.equal(detectFormat(Buffer.from('form,unit'), 'upload.json'), 'json');
    assert.equal(detectFormat(Buffer.from('{'), 'upload', 'text/csv'), 'csv');
    assert.equal(detectFormat(Buffer.from('\ufeffform,unit'), 'upload'), 'csv');
  });

  it('makes ASCII-safe file names', () => {
    assert.equal(asciiFilename('BC-THANG_Nghệ An_2026-12'), 'BC-THANG_Nghe_An_2026-12');
    assert.equal(asciiFilename('../../etc/passwd'), 'etc_passwd');
    assert.equal(asciiFilename('"; rm -rf'), 'rm_-rf');
  });
});
