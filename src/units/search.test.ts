import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchUnits } from './search.ts';

const UNITS = [
  { code: '17101', name: 'Công an xã Nánh Nghê', kind: 'commune' as const },
  { code: '26734', name: 'Công an phường Bến Nghé', kind: 'commune' as const },
  { code: '40', name: 'Công an tỉnh Nghệ An', kind: 'province' as const },
  { code: '40001', name: 'Công an phường Trường Vinh', kind: 'commune' as const },
  { code: '40123', name: 'Công an xã Nghệ Sơn', kind: 'commune' as const },
  {
    code: 'A05',
    name: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
    kind: 'department' as const,
  },
];

test('a search ranks accented word starts first, higher levels before lower, accents optional', () => {
  assert.deepEqual(
    searchUnits(UNITS, 'Nghệ').map((u) => u.code),
    ['40', '40123', 'A05', '17101', '26734'],
  );
  assert.deepEqual(
    searchUnits(UNITS, 'nghe an').map((u) => u.code),
    ['40'],
  );
  assert.deepEqual(
    searchUnits(UNITS, '40').map((u) => u.code),
    ['40', '40001', '40123'],
  );
  assert.deepEqual(searchUnits(UNITS, 'xyz'), []);
  // Inside a word still matches, after the word starts.
  assert.deepEqual(
    searchUnits(UNITS, 'ghệ').map((u) => u.code),
    ['A05', '40', '40123', '17101', '26734'],
  );
});
