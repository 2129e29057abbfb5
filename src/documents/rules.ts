/**
 * The rules of police report writing the narrative follows, kept as data so that they can be read, tested and
 * changed in one place. Each rule names where it comes from; docs/narrative-rules.md gives the whole set with its
 * sources and examples.
 */

/** Who "we" are in the results sentences, by the level of the issuing unit. */
export type ReportLevel = 'national' | 'province' | 'commune' | 'department';

export interface NarrativeRules {
  /**
   * Below this base a percentage says little ("số người chết do cháy giảm 100%" for 1 → 0): the comparison gives
   * the absolute difference only. Source: MPS statistical texts ("tăng 04 người chết, giảm 80 người bị thương").
   */
  smallBase: number;
  /** Every percentage is printed with exactly this many decimals (vi-VN: "4,40%"). */
  percentDecimals: number;
  /**
   * Groups of indicators that may be summed up as "giảm cả N tiêu chí". Only the traffic triple (vụ, người chết,
   * người bị thương) is written so in MPS texts ("giảm cả 3 tiêu chí").
   */
  criteriaGroups: Array<{ indicators: string[]; label: string }>;
  /** An "Đánh giá" point needs a change at least this large in percent, on a base of at least smallBase. */
  assessmentMinPercent: number;
  /** At most this many points in each of "Ưu điểm" and "Tồn tại". */
  assessmentMaxPoints: number;
  /** Series whose level is set by the administrative map, not by work done; never judged across a reorganisation. */
  structural: string[];
  /** Reorganisations of the administrative map: a comparison across one of these dates is structural. */
  reorganisations: Array<{ date: string; text: string }>;
  /** Rates that may exceed 100% and the note explaining why. */
  rateNotes: Record<string, string>;
  /** Subjects of the results sentences by level; {name} is the issuing unit's name. */
  forces: Record<ReportLevel, string>;
  /** Natural labels for "Đánh giá" and tables, by figure key (indicator or indicator:option). */
  labels: Record<string, string>;
  /** Lists longer than this name the count and point to the appendix instead of every unit. */
  maxNamedUnits: number;
}

export const RULES: NarrativeRules = {
  smallBase: 10,
  percentDecimals: 2,
  criteriaGroups: [
    { indicators: ['traffic.accidents', 'traffic.deaths', 'traffic.injuries'], label: '3 tiêu chí' },
  ],
  assessmentMinPercent: 10,
  assessmentMaxPoints: 4,
  structural: ['commune_police.communes', 'commune_police.regular'],
  reorganisations: [
    {
      date: '2025-07-01',
      text: 'sắp xếp đơn vị hành chính, tổ chức chính quyền địa phương 2 cấp từ ngày 01/7/2025 (63 tỉnh, thành phố hợp nhất thành 34; không tổ chức cấp huyện)',
    },
  ],
  rateNotes: {
    'crime.solve_rate':
      'tỷ lệ vượt 100% vì số vụ điều tra, khám phá trong kỳ gồm cả vụ xảy ra từ các kỳ trước',
  },
  forces: {
    national: 'Công an các đơn vị, địa phương',
    department: '{name}',
    province: '{name}',
    commune: '{name}',
  },
  labels: {
    'drug.cases': 'số vụ phạm tội về ma túy phát hiện, bắt giữ',
    'drug.suspects': 'số đối tượng phạm tội về ma túy bắt giữ',
    'drug.seized_kg:heroin': 'lượng heroin thu giữ',
    'drug.seized_kg:synthetic': 'lượng ma túy tổng hợp thu giữ',
    'drug.seized_kg:cannabis': 'lượng cần sa thu giữ',
    'drug.seized_tablets:synthetic': 'số viên ma túy tổng hợp thu giữ',
    'drug.seized_bricks:heroin': 'số bánh heroin thu giữ',
    'crime.occurred': 'số vụ phạm tội về trật tự xã hội xảy ra',
    'crime.solved': 'số vụ phạm tội về trật tự xã hội điều tra, khám phá',
    'crime.suspects': 'số đối tượng phạm tội về trật tự xã hội bắt giữ, xử lý',
    'crime.solve_rate': 'tỷ lệ điều tra, khám phá',
    'crime.gangs': 'số băng, nhóm tội phạm triệt phá',
    'wanted.arrested': 'số đối tượng truy nã bắt, vận động đầu thú',
    'gambling.cases': 'số vụ đánh bạc, tổ chức đánh bạc phát hiện',
    'gambling.suspects': 'số đối tượng đánh bạc bắt giữ',
    'economy.cases:smuggling': 'số vụ buôn lậu phát hiện',
    'economy.cases:trade_fraud': 'số vụ gian lận thương mại phát hiện',
    'economy.cases:counterfeit': 'số vụ hàng giả phát hiện',
    'economy.suspects': 'số đối tượng vi phạm về kinh tế bắt giữ, xử lý',
    'economy.goods_value': 'trị giá hàng hóa vi phạm thu giữ',
    'weapons.guns': 'số súng thu hồi',
    'weapons.ammunition': 'số viên đạn thu hồi',
    'weapons.grenades': 'số lựu đạn thu hồi',
    'weapons.explosives_kg': 'lượng thuốc nổ thu hồi',
    'weapons.firecrackers_kg': 'lượng pháo nổ thu giữ',
    'weapons.support_tools': 'số vũ khí thô sơ, công cụ hỗ trợ thu hồi',
    'traffic.accidents': 'số vụ tai nạn giao thông',
    'traffic.deaths': 'số người chết do tai nạn giao thông',
    'traffic.injuries': 'số người bị thương do tai nạn giao thông',
    'fire.cases': 'số vụ cháy',
    'fire.deaths': 'số người chết do cháy',
    'fire.injuries': 'số người bị thương do cháy',
    'fire.damage': 'thiệt hại tài sản do cháy',
    'fire.explosions': 'số vụ nổ',
    'security.incidents': 'số vụ việc phức tạp về an ninh',
    'security.cyber_attacks': 'số vụ tấn công mạng',
    'commune_police.communes': 'số đơn vị hành chính cấp xã',
    'commune_police.regular': 'số xã đã bố trí Công an chính quy',
  },
  maxNamedUnits: 8,
};

/**
 * A label for a figure in running text: the rule's label, else the indicator's name without bracketed machine
 * qualifiers ("Ma túy thu giữ (khối lượng)" → "ma túy thu giữ"), with the option after it.
 */
export function naturalLabel(
  key: string,
  name: string,
  optionName: string | null,
  rules: NarrativeRules = RULES,
): string {
  const known = rules.labels[key];
  if (known) return known;
  const base = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const lower = base.charAt(0).toLocaleLowerCase('vi') + base.slice(1);
  return optionName ? `${lower} ${optionName}` : lower;
}

/** The subject of the results sentences for a unit at a level: "Công an các đơn vị, địa phương", "Công an tỉnh Nghệ An". */
export function forcesOf(level: ReportLevel, unitName: string, rules: NarrativeRules = RULES): string {
  return rules.forces[level].replace('{name}', unitName);
}

/** Whether comparing the windows [baseStart, end] crosses a reorganisation of the administrative map. */
export function crossesReorganisation(
  baseStart: string,
  end: string,
  rules: NarrativeRules = RULES,
): { date: string; text: string } | null {
  return rules.reorganisations.find((r) => baseStart < r.date && r.date <= end) ?? null;
}
