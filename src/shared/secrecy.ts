/**
 * Secrecy levels of the Law on Protection of State Secrets (117/2025/QH15, as in 29/2018/QH14):
 * Mật < Tối mật < Tuyệt mật. `none` is unclassified.
 */
export const SECRECY_LEVELS = ['none', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

const RANK: Record<SecrecyLevel, number> = { none: 0, mat: 1, toi_mat: 2, tuyet_mat: 3 };

/** The marking printed on documents, upper case as the stamp reads. */
export const SECRECY_MARK: Record<SecrecyLevel, string> = {
  none: '',
  mat: 'MẬT',
  toi_mat: 'TỐI MẬT',
  tuyet_mat: 'TUYỆT MẬT',
};

export const SECRECY_LABEL_VI: Record<SecrecyLevel, string> = {
  none: 'Thường',
  mat: 'Mật',
  toi_mat: 'Tối mật',
  tuyet_mat: 'Tuyệt mật',
};

export function secrecyRank(level: SecrecyLevel): number {
  return RANK[level];
}

/** True when a person cleared to `clearance` may read material classified `level`. */
export function clearanceAllows(clearance: SecrecyLevel, level: SecrecyLevel): boolean {
  return RANK[clearance] >= RANK[level];
}

/** An aggregate is classified at the highest level of its inputs. */
export function highestSecrecy(levels: Iterable<SecrecyLevel>): SecrecyLevel {
  let best: SecrecyLevel = 'none';
  for (const level of levels) if (RANK[level] > RANK[best]) best = level;
  return best;
}

export function isSecrecyLevel(value: string): value is SecrecyLevel {
  return (SECRECY_LEVELS as readonly string[]).includes(value);
}
