import type { Field, Indicator, IndicatorOption, ReportForm } from './model.ts';

/**
 * The demo catalogue: the fields and indicators a ministry briefing speaks of (the February 2020 seed and the
 * ministry's published monthly statistics). Codes are stable identifiers; names may be reworded over time.
 */
export const FIELDS: Field[] = [
  { code: 'security', nameVi: 'An ninh', nameEn: 'Security' },
  { code: 'drug', nameVi: 'Ma túy', nameEn: 'Drugs' },
  { code: 'crime', nameVi: 'Trật tự xã hội', nameEn: 'Social-order crime' },
  { code: 'wanted', nameVi: 'Truy nã', nameEn: 'Wanted persons' },
  { code: 'gambling', nameVi: 'Cờ bạc', nameEn: 'Gambling' },
  {
    code: 'economy',
    nameVi: 'Kinh tế, buôn lậu, gian lận thương mại, hàng giả',
    nameEn: 'Economic crime, smuggling, trade fraud, counterfeits',
  },
  {
    code: 'weapons',
    nameVi: 'Vũ khí, vật liệu nổ, công cụ hỗ trợ',
    nameEn: 'Weapons, explosives and support tools',
  },
  { code: 'traffic', nameVi: 'Tai nạn giao thông', nameEn: 'Traffic accidents' },
  { code: 'fire', nameVi: 'Cháy, nổ', nameEn: 'Fires and explosions' },
  { code: 'commune_police', nameVi: 'Công an chính quy cấp xã', nameEn: 'Regular commune police' },
];

const DRUG_OPTIONS: IndicatorOption[] = [
  { code: 'heroin', nameVi: 'heroin', nameEn: 'heroin' },
  { code: 'synthetic', nameVi: 'ma túy tổng hợp', nameEn: 'synthetic drugs' },
  { code: 'cannabis', nameVi: 'cần sa', nameEn: 'cannabis' },
];

const MASS_CONVERSIONS = [
  { unit: 'g', factor: 0.001 },
  { unit: 'tấn', factor: 1000 },
];
const MONEY_CONVERSIONS = [
  { unit: 'đồng', factor: 0.000001 },
  { unit: 'nghìn đồng', factor: 0.001 },
  { unit: 'tỷ đồng', factor: 1000 },
];

function count(
  code: string,
  field: Indicator['field'],
  unit: string,
  nameVi: string,
  nameEn: string,
  phraseVi: string,
  goodDirection: Indicator['goodDirection'],
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    code,
    field,
    nameVi,
    nameEn,
    unit,
    valueType: 'integer',
    decimals: 0,
    aggregation: { kind: 'sum' },
    goodDirection,
    options: [],
    conversions: [],
    secrecy: 'none',
    phraseVi,
    ...extra,
  };
}

export const INDICATORS: Indicator[] = [
  count(
    'security.incidents',
    'security',
    'vụ việc',
    'Vụ việc phức tạp về an ninh',
    'Security incidents',
    'vụ việc phức tạp về an ninh',
    'down',
    { secrecy: 'mat' },
  ),
  count(
    'security.cyber_attacks',
    'security',
    'vụ',
    'Vụ tấn công mạng được phát hiện, xử lý',
    'Cyber attacks detected and handled',
    'vụ tấn công mạng',
    'neutral',
    { secrecy: 'mat' },
  ),

  count(
    'drug.cases',
    'drug',
    'vụ',
    'Số vụ phạm tội về ma túy phát hiện, bắt giữ',
    'Drug offence cases detected',
    'vụ phạm tội về ma túy',
    'up',
  ),
  count(
    'drug.suspects',
    'drug',
    'đối tượng',
    'Số đối tượng phạm tội về ma túy bắt giữ',
    'Drug offence suspects arrested',
    'đối tượng phạm tội về ma túy',
    'up',
  ),
  {
    ...count(
      'drug.seized_kg',
      'drug',
      'kg',
      'Ma túy thu giữ (khối lượng)',
      'Drugs seized (mass)',
      'ma túy thu giữ',
      'up',
    ),
    valueType: 'decimal',
    decimals: 3,
    options: DRUG_OPTIONS,
    conversions: MASS_CONVERSIONS,
  },
  {
    ...count(
      'drug.seized_tablets',
      'drug',
      'viên',
      'Ma túy thu giữ (viên)',
      'Drugs seized (tablets)',
      'viên ma túy',
      'up',
    ),
    options: [{ code: 'synthetic', nameVi: 'ma túy tổng hợp', nameEn: 'synthetic drugs' }],
  },
  {
    ...count(
      'drug.seized_bricks',
      'drug',
      'bánh',
      'Heroin thu giữ (bánh)',
      'Heroin seized (bricks)',
      'bánh heroin',
      'up',
    ),
    options: [{ code: 'heroin', nameVi: 'heroin', nameEn: 'heroin' }],
  },

  count(
    'crime.occurred',
    'crime',
    'vụ',
    'Số vụ phạm tội về trật tự xã hội xảy ra',
    'Social-order crimes occurred',
    'vụ phạm tội về trật tự xã hội',
    'down',
  ),
  count(
    'crime.solved',
    'crime',
    'vụ',
    'Số vụ phạm tội về trật tự xã hội điều tra, khám phá',
    'Social-order crimes solved',
    'vụ được điều tra, khám phá',
    'up',
  ),
  count(
    'crime.suspects',
    'crime',
    'đối tượng',
    'Số đối tượng phạm tội về trật tự xã hội bắt giữ, xử lý',
    'Social-order crime suspects arrested',
    'đối tượng phạm tội về trật tự xã hội',
    'up',
  ),
  {
    ...count(
      'crime.solve_rate',
      'crime',
      '%',
      'Tỷ lệ điều tra, khám phá',
      'Solve rate',
      'tỷ lệ điều tra, khám phá',
      'up',
    ),
    valueType: 'decimal',
    decimals: 2,
    aggregation: {
      kind: 'ratio',
      numerator: { indicator: 'crime.solved', option: null },
      denominator: { indicator: 'crime.occurred', option: null },
      scale: 100,
    },
  },
  count(
    'crime.gangs',
    'crime',
    'băng, nhóm',
    'Số băng, nhóm tội phạm triệt phá',
    'Criminal gangs dismantled',
    'băng, nhóm tội phạm',
    'up',
  ),
  count(
    'wanted.arrested',
    'wanted',
    'đối tượng',
    'Số đối tượng truy nã bắt, vận động đầu thú',
    'Wanted persons arrested or surrendered',
    'đối tượng truy nã',
    'up',
  ),

  count(
    'gambling.cases',
    'gambling',
    'vụ',
    'Số vụ đánh bạc, tổ chức đánh bạc phát hiện',
    'Gambling cases detected',
    'vụ đánh bạc, tổ chức đánh bạc',
    'up',
  ),
  count(
    'gambling.suspects',
    'gambling',
    'đối tượng',
    'Số đối tượng đánh bạc bắt giữ',
    'Gambling suspects arrested',
    'đối tượng đánh bạc',
    'up',
  ),

  {
    ...count(
      'economy.cases',
      'economy',
      'vụ',
      'Số vụ buôn lậu, gian lận thương mại, hàng giả phát hiện',
      'Smuggling, trade fraud and counterfeit cases',
      'vụ buôn lậu, gian lận thương mại, hàng giả',
      'up',
    ),
    options: [
      { code: 'smuggling', nameVi: 'buôn lậu', nameEn: 'smuggling' },
      { code: 'trade_fraud', nameVi: 'gian lận thương mại', nameEn: 'trade fraud' },
      { code: 'counterfeit', nameVi: 'hàng giả', nameEn: 'counterfeit goods' },
    ],
  },
  count(
    'economy.suspects',
    'economy',
    'đối tượng',
    'Số đối tượng vi phạm về kinh tế bắt giữ, xử lý',
    'Economic offence suspects',
    'đối tượng vi phạm về kinh tế',
    'up',
  ),
  {
    ...count(
      'economy.goods_value',
      'economy',
      'triệu đồng',
      'Trị giá hàng hóa vi phạm thu giữ',
      'Value of goods seized',
      'hàng hóa vi phạm',
      'up',
    ),
    valueType: 'decimal',
    decimals: 1,
    conversions: MONEY_CONVERSIONS,
  },

  count('weapons.guns', 'weapons', 'khẩu', 'Súng các loại thu hồi', 'Guns recovered', 'súng các loại', 'up'),
  count(
    'weapons.ammunition',
    'weapons',
    'viên',
    'Đạn các loại thu hồi',
    'Rounds of ammunition recovered',
    'viên đạn',
    'up',
  ),
  count('weapons.grenades', 'weapons', 'quả', 'Lựu đạn thu hồi', 'Grenades recovered', 'quả lựu đạn', 'up'),
  {
    ...count(
      'weapons.explosives_kg',
      'weapons',
      'kg',
      'Thuốc nổ thu hồi',
      'Explosives recovered',
      'thuốc nổ',
      'up',
    ),
    valueType: 'decimal',
    decimals: 3,
    conversions: MASS_CONVERSIONS,
  },
  {
    ...count(
      'weapons.firecrackers_kg',
      'weapons',
      'kg',
      'Pháo nổ thu giữ',
      'Firecrackers seized',
      'pháo nổ',
      'up',
    ),
    valueType: 'decimal',
    decimals: 3,
    conversions: MASS_CONVERSIONS,
  },
  count(
    'weapons.support_tools',
    'weapons',
    'chiếc',
    'Vũ khí thô sơ, công cụ hỗ trợ thu hồi',
    'Rudimentary weapons and support tools recovered',
    'vũ khí thô sơ, công cụ hỗ trợ',
    'up',
  ),

  count(
    'traffic.accidents',
    'traffic',
    'vụ',
    'Số vụ tai nạn giao thông',
    'Traffic accidents',
    'vụ tai nạn giao thông',
    'down',
  ),
  count(
    'traffic.deaths',
    'traffic',
    'người',
    'Số người chết do tai nạn giao thông',
    'Traffic deaths',
    'người chết',
    'down',
  ),
  count(
    'traffic.injuries',
    'traffic',
    'người',
    'Số người bị thương do tai nạn giao thông',
    'Traffic injuries',
    'người bị thương',
    'down',
  ),

  count('fire.cases', 'fire', 'vụ', 'Số vụ cháy', 'Fires', 'vụ cháy', 'down'),
  count('fire.deaths', 'fire', 'người', 'Số người chết do cháy', 'Fire deaths', 'người chết', 'down'),
  count(
    'fire.injuries',
    'fire',
    'người',
    'Số người bị thương do cháy',
    'Fire injuries',
    'người bị thương',
    'down',
  ),
  {
    ...count(
      'fire.damage',
      'fire',
      'triệu đồng',
      'Thiệt hại tài sản do cháy (ước tính)',
      'Estimated property damage from fires',
      'thiệt hại về tài sản',
      'down',
    ),
    valueType: 'decimal',
    decimals: 1,
    conversions: MONEY_CONVERSIONS,
  },
  count('fire.explosions', 'fire', 'vụ', 'Số vụ nổ', 'Explosions', 'vụ nổ', 'down'),

  count(
    'commune_police.communes',
    'commune_police',
    'xã',
    'Số đơn vị hành chính cấp xã',
    'Communes',
    'đơn vị hành chính cấp xã',
    'neutral',
    { aggregation: { kind: 'latest' } },
  ),
  count(
    'commune_police.regular',
    'commune_police',
    'xã',
    'Số xã đã bố trí Công an chính quy',
    'Communes with regular police',
    'xã đã bố trí Công an chính quy',
    'up',
    { aggregation: { kind: 'latest' } },
  ),
  {
    ...count(
      'commune_police.coverage',
      'commune_police',
      '%',
      'Tỷ lệ xã có Công an chính quy',
      'Share of communes with regular police',
      'tỷ lệ xã có Công an chính quy',
      'up',
    ),
    valueType: 'decimal',
    decimals: 2,
    aggregation: {
      kind: 'ratio',
      numerator: { indicator: 'commune_police.regular', option: null },
      denominator: { indicator: 'commune_police.communes', option: null },
      scale: 100,
    },
  },
];

const WORKING_DAYS = { commune: 1, district: 2, province: 3, department: 3 } as const;

export const FORMS: ReportForm[] = [
  {
    code: 'BC-THANG',
    nameVi: 'Biểu số liệu kết quả công tác tháng',
    nameEn: 'Monthly results',
    periodType: 'month',
    reporters: [
      { from: '1990-01-01', kinds: ['department', 'province'] },
      { from: '2025-07-01', kinds: ['department', 'province', 'commune'] },
    ],
    indicators: INDICATORS.filter(
      (i) => !['security', 'commune_police'].includes(i.field) && i.aggregation.kind !== 'ratio',
    ).map((i) => i.code),
    deadline: { workingDaysAfterWindowEnd: WORKING_DAYS },
    secrecy: 'none',
  },
  {
    code: 'BC-ANNINH',
    nameVi: 'Biểu tình hình an ninh tháng',
    nameEn: 'Monthly security situation',
    periodType: 'month',
    reporters: [{ from: '1990-01-01', kinds: ['department', 'province'] }],
    indicators: ['security.incidents', 'security.cyber_attacks'],
    deadline: { workingDaysAfterWindowEnd: WORKING_DAYS },
    secrecy: 'mat',
  },
  {
    code: 'BC-CAX',
    nameVi: 'Biểu triển khai Công an chính quy cấp xã',
    nameEn: 'Regular commune police deployment',
    periodType: 'month',
    reporters: [{ from: '1990-01-01', kinds: ['province'] }],
    indicators: ['commune_police.communes', 'commune_police.regular'],
    deadline: { workingDaysAfterWindowEnd: WORKING_DAYS },
    secrecy: 'none',
  },
  {
    code: 'BC-NGAY-TET',
    nameVi: 'Báo cáo nhanh tình hình dịp Tết (hằng ngày)',
    nameEn: 'Daily situation report over Tết',
    periodType: 'day',
    reporters: [{ from: '1990-01-01', kinds: ['province'] }],
    indicators: ['traffic.accidents', 'traffic.deaths', 'traffic.injuries', 'fire.cases', 'crime.occurred'],
    deadline: { workingDaysAfterWindowEnd: { province: 1 } },
    secrecy: 'none',
  },
];

const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

export function findIndicator(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}
