import { foldDiacritics } from '../vietnamese/text.ts';
import type { UnitKind } from './model.ts';

const KIND_ORDER: Record<UnitKind, number> = {
  ministry: 0,
  department: 1,
  province: 2,
  district: 3,
  commune: 4,
};

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,.()–-]+/)
    .filter(Boolean);
}

// The word before a place name in a unit's name: "Công an tỉnh Nghệ An", "Công an phường Bến Nghé".
const PLACE_WORDS = new Set(['tỉnh', 'phố', 'huyện', 'quận', 'xã', 'phường', 'trấn', 'khu']);
const PLACE_WORDS_FOLDED = new Set([...PLACE_WORDS].map((w) => foldDiacritics(w)));

/**
 * 0: the place name starts with the query; 1: another word does (or the query's words start consecutive words);
 * 2: anywhere; null: not at all.
 */
function placeOf(name: string, query: string, placeWords: ReadonlySet<string>): number | null {
  const hay = words(name);
  const needle = words(query);
  if (needle.length === 0) return null;
  let best: number | null = null;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    const fits = needle.every((w, j) =>
      j === needle.length - 1 ? (hay[i + j] as string).startsWith(w) : hay[i + j] === w,
    );
    if (!fits) continue;
    if (i > 0 && placeWords.has(hay[i - 1] as string)) return 0;
    best = 1;
  }
  if (best !== null) return best;
  return name.toLowerCase().includes(query.toLowerCase().trim()) ? 2 : null;
}

/**
 * How well a unit answers a search, smaller first; null when it does not match. A code typed exactly comes first;
 * then names whose place name starts with what was typed, written with its accents ("Nghệ" → "tỉnh Nghệ An"), then
 * without accents ("Nghê", "Nghé"), then other words that start so ("công nghệ cao"), then matches inside a word;
 * within each, higher levels (a province before a commune), then code. Pure.
 * Example: rankUnit({ code: '40', name: 'Công an tỉnh Nghệ An', kind: 'province' }, 'Nghệ') → [0, 2, '40']
 */
export function rankUnit(
  unit: { code: string; name: string; kind: UnitKind },
  query: string,
): [number, number, string] | null {
  const q = query.normalize('NFC').trim();
  if (q === '') return [7, KIND_ORDER[unit.kind], unit.code];
  if (unit.code === q) return [-1, KIND_ORDER[unit.kind], unit.code];
  const accented = placeOf(unit.name.normalize('NFC'), q, PLACE_WORDS);
  const folded = placeOf(foldDiacritics(unit.name), foldDiacritics(q), PLACE_WORDS_FOLDED);
  const scores = [accented === null ? null : accented * 2, folded === null ? null : folded * 2 + 1].filter(
    (s): s is number => s !== null,
  );
  if (unit.code.startsWith(q)) scores.push(6);
  if (scores.length === 0) return null;
  return [Math.min(...scores), KIND_ORDER[unit.kind], unit.code];
}

/** Units matching a search, best first (see rankUnit). */
export function searchUnits<T extends { code: string; name: string; kind: UnitKind }>(
  units: readonly T[],
  query: string,
): T[] {
  const ranked: Array<[[number, number, string], T]> = [];
  for (const unit of units) {
    const rank = rankUnit(unit, query);
    if (rank) ranked.push([rank, unit]);
  }
  ranked.sort(([a], [b]) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
  return ranked.map(([, unit]) => unit);
}
