/**
 * The extraction rule set: plain data that a ministry analyst can extend without touching the engine. Phrases are
 * written with full diacritics; the engine matches them diacritic-insensitively (unaccented text) and
 * tone-placement-insensitively ("ma tuý" = "ma túy"), and prefers the longest phrase where phrases overlap.
 *
 * How a number becomes a figure of an indicator:
 * 1. A number (digits or words) must be followed by a unit of `units`; numbers without one (dates, years, article
 *    and decree numbers, ages "20 tuổi", "90 năm") are not figures.
 * 2. The words after the unit (up to the next comma or number) are the figure's noun phrase; when it is empty and the
 *    next figure follows after only a connector ("1.457 vụ - 1.978 đối tượng phạm tội về ma túy", "138,6kg và
 *    162.526 viên ma túy tổng hợp"), the next figure's noun phrase is shared.
 * 3. The field (drug, traffic, …) comes from the noun phrase, else from the words before the number in the clause,
 *    else from the nearest field phrase in the sentence, else in the paragraph.
 * 4. Among the indicator rules accepting the unit, the best wins: a noun of the rule in the noun phrase (strongest),
 *    a cue of the rule near the number, the rule's field equal to the figure's field, then `isDefault`.
 */

export type UnitKind = 'count' | 'mass' | 'money' | 'percent' | 'volume' | 'length' | 'area';

export interface UnitRule {
  /** The unit as recorded: "kg", "đối tượng", "tỷ đồng", "băng, nhóm". */
  unit: string;
  kind: UnitKind;
  /** Spellings after a number, longest preferred ("kg", "ki-lô-gam", "ký"). */
  variants: string[];
}

export interface FieldRule {
  /** A catalogue field code, or a field the catalogue has no indicator for (it stops a wrong guess). */
  field: string;
  phrases: string[];
}

export interface IndicatorRule {
  indicator: string;
  option: string | null;
  field: string;
  /** Units accepted as written; a unit other than the indicator's own must have a catalogue conversion. */
  units: string[];
  /** What is counted, usually right after the unit ("heroin", "tai nạn giao thông"). */
  nouns?: string[];
  /** Words near the number that pick this indicator among those of its field ("chết", "khám phá", "trị giá"). */
  cues?: string[];
  /** Only chosen when one of its nouns names what is counted. */
  requireNoun?: boolean;
  /** Only chosen when one of its cues is near the number. */
  requireCue?: boolean;
  /** Chosen for the unit when the field is known and nothing more specific matches. */
  isDefault?: boolean;
}

export interface BaselineRule {
  kind: 'same_period_last_year' | 'previous_period' | 'previous_year' | 'other';
  /** Any of these inside the "so với …" phrase; the first rule that matches wins. */
  phrases: string[];
}

export interface ExtractionRules {
  units: UnitRule[];
  /**
   * Units written differently from the catalogue's but counting the same thing: the figure keeps the unit as written
   * and needs no conversion ("12 ổ nhóm" is counted in "băng, nhóm").
   */
  unitSynonyms: Record<string, string>;
  /** Scale words between a number and its unit: "1,47 triệu viên" → 1 470 000 viên. */
  scales: Array<{ words: string[]; factor: number }>;
  /** Words right before a number that make it approximate. */
  approx: string[];
  /** Words that may stand between an approximation word and its number ("ước trị giá 2,8 tỷ đồng"). */
  approxSkip: string[];
  /** Words that join two figures sharing one noun ("vụ - đối tượng", "kg và viên"). */
  connectors: string[];
  /** Range forms: "từ 3 đến 5 vụ" and "3-5 vụ" give one approximate figure valued at the lower bound. */
  rangeWords: string[];
  fields: FieldRule[];
  /** Phrases that contain a field word but name no field ("Bộ luật Hình sự", "tạm giữ hình sự"). */
  neutral: string[];
  indicators: IndicatorRule[];
  /** Before a number, the count is of prosecutions, fines or reports: kept as a figure, but no indicator. */
  blockers: string[];
  /** Before a number, it is a target, not a result: neither figure nor comparison ("phấn đấu giảm 5%"). */
  targets: string[];
  comparison: {
    up: string[];
    down: string[];
    /** Words allowed between the direction word and the number ("giảm cả 3 tiêu chí", "tăng thêm 5 vụ"). */
    fillers: string[];
    /** "bằng cùng kỳ": a 'same' comparison without a value. */
    same: string[];
    /** Introduces the baseline: "so với cùng kỳ năm 2019". */
    baselineIntro: string[];
    baselines: BaselineRule[];
    /** "giảm cả 3 tiêu chí": one comparison per criterion of the field. */
    allCriteria: string[];
    criteria: Record<string, string[]>;
  };
  /**
   * Open vocabulary: a number written in digits followed by a noun phrase outside `units` is still a figure
   * ("87 máy tính", "9 tập thể"), with indicator null for a person to place. The noun phrase runs over lower-case
   * words up to punctuation, a number or one of `stops`.
   */
  openNouns: {
    /** Words that end a noun phrase or cannot start one: function words, verbs, time words. */
    stops: string[];
    /** Words right before the number that make it a label, not a count ("quận 8", "Điều 227", "lần thứ 4"). */
    labels: string[];
    /** Classifiers: "19 căn nhà" is counted in "căn", the noun is "nhà". */
    classifiers: string[];
    /** Words that begin with a classifier or run past two syllables but are one noun ("con dấu", "máy hút cát"). */
    compounds: string[];
    /** One-syllable nouns counted on their own ("34 tổ cảnh sát" → "tổ"); other phrases keep their first two. */
    single: string[];
    /** Counted in another unit: "(trong đó có 12 nữ)" counts people. */
    unitOf: Record<string, string>;
  };
  /** Words before a percentage that make it a rate, kept as a figure ("đạt 85,4%", "tỷ lệ 78%"). */
  rateCues: string[];
  /** "trong đó có 3 nữ": the figure is part of the figure before it. */
  subsetCues: string[];
  /** Administrative unit of the report: "Công an tỉnh Nghệ An", "Công an TP Hà Nội". */
  reportingUnits: { prefixes: string[]; levels: Array<{ words: string[]; level: string }> };
}

const MASS = ['kg', 'g', 'tấn'];

const HEROIN = ['heroin', 'hêrôin', 'heroine', 'hê-rô-in', 'hê rô in', 'hero'];
const SYNTHETIC = [
  'ma túy tổng hợp',
  'ma túy tổng hợp các loại',
  'ma túy tổng hợp dạng đá',
  'ma túy đá',
  'hồng phiến',
  'thuốc lắc',
  'ketamin',
  'ketamine',
  'methamphetamine',
  'MDMA',
  'ma túy tổng hợp (hồng phiến)',
];
const CANNABIS = ['cần sa', 'cần sa khô', 'lá cần sa', 'bồ đà'];
const ANY_DRUG = [
  'ma túy',
  'ma túy các loại',
  'chất ma túy',
  'thuốc phiện',
  'nhựa thuốc phiện',
  'cocaine',
  'cocain',
];

export const RULES: ExtractionRules = {
  units: [
    { unit: 'vụ', kind: 'count', variants: ['vụ', 'vụ án'] },
    { unit: 'vụ việc', kind: 'count', variants: ['vụ việc'] },
    { unit: 'đối tượng', kind: 'count', variants: ['đối tượng'] },
    { unit: 'bị can', kind: 'count', variants: ['bị can'] },
    { unit: 'người', kind: 'count', variants: ['người'] },
    { unit: 'trường hợp', kind: 'count', variants: ['trường hợp'] },
    { unit: 'lượt', kind: 'count', variants: ['lượt'] },
    { unit: 'kg', kind: 'mass', variants: ['kg', 'kgs', 'kilogam', 'kilogram', 'ki-lô-gam', 'kí', 'ký'] },
    { unit: 'g', kind: 'mass', variants: ['g', 'gam', 'gram', 'gr'] },
    { unit: 'tấn', kind: 'mass', variants: ['tấn'] },
    { unit: 'tạ', kind: 'mass', variants: ['tạ'] },
    { unit: 'viên', kind: 'count', variants: ['viên'] },
    { unit: 'bánh', kind: 'count', variants: ['bánh'] },
    { unit: 'tép', kind: 'count', variants: ['tép'] },
    { unit: 'gói', kind: 'count', variants: ['gói'] },
    { unit: 'khẩu', kind: 'count', variants: ['khẩu'] },
    { unit: 'quả', kind: 'count', variants: ['quả'] },
    { unit: 'chiếc', kind: 'count', variants: ['chiếc'] },
    { unit: 'cái', kind: 'count', variants: ['cái'] },
    { unit: 'kíp', kind: 'count', variants: ['kíp'] },
    { unit: 'vũ khí', kind: 'count', variants: ['vũ khí'] },
    { unit: 'bao tải', kind: 'count', variants: ['bao tải'] },
    { unit: 'bao', kind: 'count', variants: ['bao'] },
    { unit: 'thùng', kind: 'count', variants: ['thùng'] },
    { unit: 'căn', kind: 'count', variants: ['căn'] },
    { unit: 'bình', kind: 'count', variants: ['bình'] },
    { unit: 'chai', kind: 'count', variants: ['chai'] },
    { unit: 'xe', kind: 'count', variants: ['xe'] },
    { unit: 'lít', kind: 'volume', variants: ['lít'] },
    { unit: 'm3', kind: 'volume', variants: ['m3', 'm³', 'mét khối'] },
    { unit: 'm2', kind: 'area', variants: ['m2', 'm²', 'mét vuông'] },
    { unit: 'ha', kind: 'area', variants: ['ha', 'héc ta', 'hecta'] },
    { unit: 'băng, nhóm', kind: 'count', variants: ['băng, nhóm', 'băng nhóm'] },
    { unit: 'ổ nhóm', kind: 'count', variants: ['ổ nhóm'] },
    // Counted things outside the catalogue, kept with indicator null for a person to place: operations and
    // gambling dens dismantled, special cases, campaign waves and patrols, groups, sources of information.
    { unit: 'chuyên án', kind: 'count', variants: ['chuyên án'] },
    { unit: 'tụ điểm', kind: 'count', variants: ['tụ điểm'] },
    { unit: 'ổ', kind: 'count', variants: ['ổ'] },
    { unit: 'sới bạc', kind: 'count', variants: ['sới bạc', 'sới'] },
    { unit: 'sòng bạc', kind: 'count', variants: ['sòng bạc'] },
    { unit: 'con bạc', kind: 'count', variants: ['con bạc'] },
    { unit: 'nhóm', kind: 'count', variants: ['nhóm'] },
    { unit: 'cơ sở', kind: 'count', variants: ['cơ sở'] },
    { unit: 'đợt', kind: 'count', variants: ['đợt'] },
    { unit: 'cuộc', kind: 'count', variants: ['cuộc'] },
    { unit: 'nguồn tin', kind: 'count', variants: ['nguồn tin'] },
    { unit: 'hộp', kind: 'count', variants: ['hộp'] },
    { unit: 'linh kiện', kind: 'count', variants: ['linh kiện'] },
    { unit: 'hột', kind: 'count', variants: ['hột'] },
    { unit: 'm', kind: 'length', variants: ['m', 'mét'] },
    { unit: 'km', kind: 'length', variants: ['km', 'ki-lô-mét'] },
    { unit: 'triệu đồng', kind: 'money', variants: ['triệu đồng', 'triệu VNĐ', 'tr.đ', 'trđ'] },
    { unit: 'tỷ đồng', kind: 'money', variants: ['tỷ đồng', 'tỉ đồng', 'tỷ VNĐ'] },
    { unit: 'nghìn đồng', kind: 'money', variants: ['nghìn đồng', 'ngàn đồng'] },
    { unit: 'đồng', kind: 'money', variants: ['đồng', 'VNĐ', 'VND'] },
    { unit: 'tỷ USD', kind: 'money', variants: ['tỷ USD', 'tỉ USD'] },
    { unit: 'triệu USD', kind: 'money', variants: ['triệu USD'] },
    { unit: 'USD', kind: 'money', variants: ['USD', 'đô la Mỹ'] },
    { unit: 'điểm %', kind: 'percent', variants: ['điểm %', 'điểm phần trăm'] },
    { unit: '%', kind: 'percent', variants: ['%', 'phần trăm'] },
  ],
  unitSynonyms: { 'ổ nhóm': 'băng, nhóm', 'vũ khí': 'chiếc', cái: 'chiếc' },
  scales: [
    { words: ['nghìn', 'ngàn'], factor: 1e3 },
    { words: ['triệu'], factor: 1e6 },
    { words: ['tỷ', 'tỉ'], factor: 1e9 },
  ],
  approx: [
    'gần',
    'hơn',
    'khoảng',
    'trên',
    'gần như',
    'ước',
    'ước tính',
    'xấp xỉ',
    'chừng',
    'trên dưới',
    'tầm',
    'ít nhất',
    'tối thiểu',
  ],
  approxSkip: ['trị giá', 'giá trị', 'tổng cộng', 'tổng'],
  connectors: ['-', '–', '/', ',', 'và', '&', 'với'],
  rangeWords: ['đến', 'tới', '-', '–'],

  fields: [
    {
      field: 'drug',
      phrases: [
        'ma túy',
        'chất ma túy',
        'tội phạm về ma túy',
        'phạm tội về ma túy',
        'tội phạm ma túy',
        'mua bán trái phép chất ma túy',
        'tàng trữ trái phép chất ma túy',
        'PC04',
      ],
    },
    {
      field: 'crime',
      phrases: [
        'trật tự xã hội',
        'TTXH',
        'phạm pháp hình sự',
        'tội phạm hình sự',
        'hình sự',
        'trộm cắp',
        'trộm cắp tài sản',
        'cướp',
        'cướp giật',
        'cướp tài sản',
        'giết người',
        'cố ý gây thương tích',
        'lừa đảo',
        'lừa đảo chiếm đoạt tài sản',
        'tỷ lệ điều tra, khám phá',
        'tỷ lệ khám phá',
        'tỷ lệ điều tra khám phá',
        'tỉ lệ điều tra, khám phá',
        'tỉ lệ khám phá',
        'tỉ lệ điều tra khám phá',
      ],
    },
    { field: 'wanted', phrases: ['truy nã'] },
    {
      field: 'gambling',
      phrases: ['đánh bạc', 'tổ chức đánh bạc', 'cờ bạc', 'cá độ', 'lô đề', 'ghi lô đề', 'số đề'],
    },
    {
      field: 'economy',
      phrases: [
        'kinh tế',
        'trật tự quản lý kinh tế',
        'kinh tế, môi trường',
        'kinh tế, môi trường và an toàn thực phẩm',
        'kinh tế, môi trường, an toàn thực phẩm',
        'cảnh sát kinh tế',
        'thương mại',
        'buôn lậu',
        'lậu',
        'nhập lậu',
        'hàng cấm',
        'không rõ nguồn gốc',
        'hàng giả',
        'gian lận thương mại',
      ],
    },
    {
      field: 'weapons',
      phrases: [
        'vũ khí',
        'vật liệu nổ',
        'công cụ hỗ trợ',
        'vũ khí, vật liệu nổ',
        'vũ khí, vật liệu nổ, công cụ hỗ trợ',
      ],
    },
    {
      field: 'traffic',
      phrases: [
        'tai nạn giao thông',
        'TNGT',
        'giao thông',
        'tai nạn',
        'trật tự an toàn giao thông',
        'TTATGT',
      ],
    },
    {
      field: 'fire',
      phrases: ['cháy', 'cháy, nổ', 'cháy nổ', 'hỏa hoạn', 'PCCC', 'cháy rừng', 'phòng cháy', 'chữa cháy'],
    },
    // Fields the catalogue has no indicator for: naming them keeps a figure from being pulled into a nearby field.
    {
      field: 'environment',
      phrases: ['môi trường', 'an toàn thực phẩm', 'lâm sản', 'khai thác khoáng sản', 'động vật hoang dã'],
    },
    { field: 'collision', phrases: ['va chạm giao thông', 'va chạm'] },
  ],
  neutral: [
    'Bộ luật Hình sự',
    'tạm giữ hình sự',
    'khởi tố hình sự',
    'Cảnh sát hình sự',
    'tiền án',
    'tiền sự',
    'đường dây',
    'tang vật',
  ],

  indicators: [
    // Drugs
    { indicator: 'drug.cases', option: null, field: 'drug', units: ['vụ'], isDefault: true },
    { indicator: 'drug.suspects', option: null, field: 'drug', units: ['đối tượng'], isDefault: true },
    {
      indicator: 'drug.seized_kg',
      option: 'heroin',
      field: 'drug',
      units: MASS,
      nouns: HEROIN,
      requireNoun: true,
    },
    {
      indicator: 'drug.seized_kg',
      option: 'synthetic',
      field: 'drug',
      units: MASS,
      nouns: SYNTHETIC,
      requireNoun: true,
    },
    {
      indicator: 'drug.seized_kg',
      option: 'cannabis',
      field: 'drug',
      units: MASS,
      nouns: CANNABIS,
      requireNoun: true,
    },
    {
      indicator: 'drug.seized_kg',
      option: null,
      field: 'drug',
      units: MASS,
      nouns: ANY_DRUG,
      requireNoun: true,
    },
    {
      indicator: 'drug.seized_tablets',
      option: 'synthetic',
      field: 'drug',
      units: ['viên'],
      nouns: SYNTHETIC,
      requireNoun: true,
    },
    {
      indicator: 'drug.seized_tablets',
      option: null,
      field: 'drug',
      units: ['viên'],
      nouns: ['ma túy', 'chất ma túy'],
      requireNoun: true,
    },
    { indicator: 'drug.seized_bricks', option: 'heroin', field: 'drug', units: ['bánh'], nouns: HEROIN },
    {
      indicator: 'drug.seized_bricks',
      option: null,
      field: 'drug',
      units: ['bánh'],
      nouns: ['ma túy', 'thuốc phiện', 'cần sa'],
      requireNoun: true,
    },

    // Social-order crime
    {
      indicator: 'crime.occurred',
      option: null,
      field: 'crime',
      units: ['vụ'],
      cues: ['xảy ra', 'xảy'],
      isDefault: true,
    },
    {
      indicator: 'crime.solved',
      option: null,
      field: 'crime',
      units: ['vụ'],
      cues: [
        'khám phá',
        'điều tra, khám phá',
        'điều tra làm rõ',
        'điều tra, làm rõ',
        'làm rõ',
        'phá',
        'phá án',
      ],
      requireCue: true,
    },
    { indicator: 'crime.suspects', option: null, field: 'crime', units: ['đối tượng'], isDefault: true },
    {
      indicator: 'crime.solve_rate',
      option: null,
      field: 'crime',
      units: ['%'],
      cues: [
        'tỷ lệ điều tra, khám phá',
        'tỷ lệ khám phá',
        'tỷ lệ điều tra khám phá',
        'tỷ lệ',
        'tỉ lệ điều tra, khám phá',
        'tỉ lệ khám phá',
        'tỉ lệ điều tra khám phá',
        'tỉ lệ',
      ],
      requireCue: true,
    },
    {
      indicator: 'crime.gangs',
      option: null,
      field: 'crime',
      units: ['băng, nhóm', 'ổ nhóm'],
      cues: ['triệt phá', 'triệt xóa'],
      isDefault: true,
      nouns: ['tội phạm'],
    },

    // Wanted persons
    { indicator: 'wanted.arrested', option: null, field: 'wanted', units: ['đối tượng'], nouns: ['truy nã'] },

    // Gambling
    { indicator: 'gambling.cases', option: null, field: 'gambling', units: ['vụ'], isDefault: true },
    {
      indicator: 'gambling.suspects',
      option: null,
      field: 'gambling',
      units: ['đối tượng'],
      isDefault: true,
    },

    // Smuggling, trade fraud, counterfeits
    {
      indicator: 'economy.cases',
      option: 'smuggling',
      field: 'economy',
      units: ['vụ'],
      nouns: ['buôn lậu', 'nhập lậu', 'hàng lậu', 'vận chuyển trái phép hàng hóa qua biên giới'],
    },
    {
      indicator: 'economy.cases',
      option: 'trade_fraud',
      field: 'economy',
      units: ['vụ'],
      nouns: ['gian lận thương mại'],
    },
    {
      indicator: 'economy.cases',
      option: 'counterfeit',
      field: 'economy',
      units: ['vụ'],
      nouns: ['hàng giả', 'hàng nhái', 'hàng giả, hàng kém chất lượng'],
    },
    {
      indicator: 'economy.cases',
      option: null,
      field: 'economy',
      units: ['vụ'],
      nouns: [
        'buôn lậu, gian lận thương mại',
        'buôn lậu, gian lận thương mại và hàng giả',
        'buôn lậu, gian lận thương mại, hàng giả',
        'buôn lậu, gian lận thương mại và sản xuất, buôn bán hàng giả',
      ],
      isDefault: true,
    },
    { indicator: 'economy.suspects', option: null, field: 'economy', units: ['đối tượng'], isDefault: true },
    {
      indicator: 'economy.goods_value',
      option: null,
      field: 'economy',
      units: ['triệu đồng', 'tỷ đồng', 'nghìn đồng', 'đồng'],
      cues: ['trị giá', 'giá trị', 'hàng hóa', 'trị giá hàng hóa'],
      requireCue: true,
    },

    // Weapons, explosives, support tools
    {
      indicator: 'weapons.guns',
      option: null,
      field: 'weapons',
      units: ['khẩu'],
      nouns: ['súng', 'súng các loại', 'súng quân dụng'],
      isDefault: true,
    },
    {
      indicator: 'weapons.ammunition',
      option: null,
      field: 'weapons',
      units: ['viên'],
      nouns: ['đạn', 'viên đạn'],
    },
    {
      indicator: 'weapons.grenades',
      option: null,
      field: 'weapons',
      units: ['quả'],
      nouns: ['lựu đạn', 'quả lựu đạn'],
    },
    {
      indicator: 'weapons.explosives_kg',
      option: null,
      field: 'weapons',
      units: MASS,
      nouns: ['thuốc nổ', 'thuốc nổ TNT', 'TNT', 'thuốc nổ các loại'],
      requireNoun: true,
    },
    {
      indicator: 'weapons.firecrackers_kg',
      option: null,
      field: 'weapons',
      units: MASS,
      nouns: ['pháo', 'pháo nổ', 'pháo hoa', 'pháo hoa nổ', 'pháo các loại', 'pháo tự chế'],
      requireNoun: true,
    },
    {
      indicator: 'weapons.support_tools',
      option: null,
      field: 'weapons',
      units: ['chiếc', 'cái', 'vũ khí'],
      nouns: [
        'công cụ hỗ trợ',
        'vũ khí thô sơ',
        'vũ khí thô sơ, công cụ hỗ trợ',
        'roi điện',
        'bình xịt hơi cay',
        'dùi cui',
        'dao, kiếm',
      ],
      requireNoun: true,
    },

    // Traffic accidents
    {
      indicator: 'traffic.accidents',
      option: null,
      field: 'traffic',
      units: ['vụ'],
      nouns: ['tai nạn giao thông', 'TNGT', 'tai nạn'],
      isDefault: true,
    },
    {
      indicator: 'traffic.deaths',
      option: null,
      field: 'traffic',
      units: ['người'],
      cues: ['chết', 'làm chết', 'tử vong', 'người chết', 'thiệt mạng'],
      requireCue: true,
    },
    {
      indicator: 'traffic.injuries',
      option: null,
      field: 'traffic',
      units: ['người'],
      cues: ['bị thương', 'làm bị thương', 'người bị thương'],
      requireCue: true,
    },

    // Fires and explosions
    {
      indicator: 'fire.cases',
      option: null,
      field: 'fire',
      units: ['vụ'],
      nouns: ['cháy', 'cháy, nổ', 'cháy nổ', 'cháy rừng', 'hỏa hoạn'],
      isDefault: true,
    },
    { indicator: 'fire.explosions', option: null, field: 'fire', units: ['vụ'], nouns: ['nổ'] },
    {
      indicator: 'fire.deaths',
      option: null,
      field: 'fire',
      units: ['người'],
      cues: ['chết', 'làm chết', 'tử vong', 'người chết', 'thiệt mạng'],
      requireCue: true,
    },
    {
      indicator: 'fire.injuries',
      option: null,
      field: 'fire',
      units: ['người'],
      cues: ['bị thương', 'làm bị thương', 'người bị thương'],
      requireCue: true,
    },
    {
      indicator: 'fire.damage',
      option: null,
      field: 'fire',
      units: ['triệu đồng', 'tỷ đồng', 'nghìn đồng', 'đồng'],
      cues: ['thiệt hại', 'thiệt hại tài sản', 'thiệt hại về tài sản'],
      requireCue: true,
    },
  ],

  blockers: ['khởi tố', 'truy tố', 'xét xử', 'xử phạt', 'phạt tiền', 'tin báo', 'đề nghị truy tố'],
  targets: ['phấn đấu', 'chỉ tiêu', 'mục tiêu', 'kế hoạch đề ra'],

  comparison: {
    up: ['tăng', 'vượt', 'nhiều hơn', 'cao hơn'],
    down: ['giảm', 'ít hơn', 'thấp hơn'],
    fillers: ['cả', 'thêm', 'mạnh', 'nhẹ', 'được', 'gần', 'hơn', 'khoảng', 'trên', '-', '+', '−'],
    same: [
      'bằng cùng kỳ',
      'tương đương cùng kỳ',
      'bằng với cùng kỳ',
      'không tăng, không giảm',
      'bằng tháng trước',
    ],
    baselineIntro: ['so với', 'so'],
    baselines: [
      { kind: 'same_period_last_year', phrases: ['cùng kỳ'] },
      { kind: 'other', phrases: ['Tết', 'ngày nghỉ', 'đợt', 'trung bình'] },
      {
        kind: 'previous_period',
        phrases: ['tháng trước', 'kỳ trước', 'tháng liền kề', 'kỳ liền kề', 'tuần trước', 'quý', 'tháng'],
      },
      { kind: 'previous_year', phrases: ['năm trước', 'năm'] },
    ],
    allCriteria: ['cả 3 tiêu chí', 'cả ba tiêu chí', '3 tiêu chí', 'ba tiêu chí'],
    criteria: {
      traffic: ['traffic.accidents', 'traffic.deaths', 'traffic.injuries'],
      fire: ['fire.cases', 'fire.deaths', 'fire.injuries'],
    },
  },

  openNouns: {
    stops: [
      'và',
      'với',
      'của',
      'cho',
      'cùng',
      'các',
      'những',
      'là',
      'thì',
      'mà',
      'này',
      'đó',
      'kia',
      'ấy',
      'nào',
      'có',
      'đã',
      'đang',
      'sẽ',
      'được',
      'bị',
      'không',
      'chưa',
      'vẫn',
      'còn',
      'cũng',
      'đều',
      'lại',
      'rồi',
      'tại',
      'ở',
      'trong',
      'ngoài',
      'trên',
      'dưới',
      'từ',
      'đến',
      'tới',
      'về',
      'theo',
      'sau',
      'trước',
      'khi',
      'để',
      'do',
      'vì',
      'nên',
      'như',
      'hay',
      'hoặc',
      'gồm',
      'bao gồm',
      'thuộc',
      'liên quan',
      'loại',
      'các loại',
      'năm',
      'tháng',
      'ngày',
      'giờ',
      'phút',
      'giây',
      'tuần',
      'quý',
      'tuổi',
      'lần',
      'thứ',
      'h',
      'đêm',
      'sáng',
      'chiều',
      'tối',
      'trưa',
      'rạng sáng',
      'khuya',
      'mùng',
      'tết',
      'kỳ',
      'giai đoạn',
      'nay',
      'tăng',
      'giảm',
      'đạt',
      'chiếm',
      'so',
      'xảy ra',
      'làm',
      'gây',
      'bắt',
      'thu',
      'thu giữ',
      'phát hiện',
      'khởi tố',
      'xử lý',
      'xử phạt',
      'tạm giữ',
      'vận chuyển',
      'mua bán',
      'tàng trữ',
      'sử dụng',
      'trị giá',
      'khoảng',
      'gần',
      'hơn',
      'chừng',
      'tầm',
      'tổng',
      'tổng cộng',
      'mỗi',
      'một',
      'số',
      'lượng',
      'tỷ lệ',
      'tỉ lệ',
      'chỉ',
      'tiền án',
      'tiền sự',
      'quản lý',
      'tiêu chí',
      'chỉ tiêu',
      'lượt',
      'bước',
      'nội dung',
      'nhiệm vụ',
      'nhất',
      'khác',
      'đầu',
      'cuối',
      'giữa',
    ],
    labels: [
      'ngày',
      'tháng',
      'năm',
      'quý',
      'số',
      'lần',
      'thứ',
      'điều',
      'khoản',
      'điểm',
      'mục',
      'chương',
      'phần',
      'quận',
      'phường',
      'ấp',
      'tổ',
      'khu',
      'khu phố',
      'khóm',
      'thôn',
      'xóm',
      'bản',
      'đội',
      'phòng',
      'lô',
      'quốc lộ',
      'tỉnh lộ',
      'đường',
      'hẻm',
      'ngõ',
      'kiệt',
      'ngách',
      'tầng',
      'km',
      'giờ',
      'SN',
      'sinh năm',
      'tuổi',
      'khóa',
      'cấp',
      'hạng',
      'loại',
      'đợt',
      'cụm',
      'vùng',
      'khu vực',
      'Covid',
      'COVID',
      'đoàn',
      'lớp',
      'hiệu',
      'kiểm soát',
      'BKS',
      'biển',
      'mã',
      'Nghị định',
      'Thông tư',
      'Quyết định',
      'Chỉ thị',
      'Kế hoạch',
      'Ban Chỉ đạo',
      'chuyên án',
      'kênh',
      'trạm',
      'chốt',
      'bến',
      'cửa khẩu',
      'mốc',
    ],
    classifiers: [
      'chiếc',
      'con',
      'cái',
      'căn',
      'tấm',
      'bộ',
      'khẩu',
      'quả',
      'viên',
      'bánh',
      'hộp',
      'thùng',
      'bao',
      'bình',
      'túi',
      'gói',
      'cuộn',
      'sợi',
      'khối',
      'hột',
      'tờ',
      'cây',
      'bức',
      'ngôi',
      'tòa',
      'lá',
      'cục',
      'can',
      'thanh',
      'đôi',
      'cặp',
      'chai',
      'lọ',
      'kiện',
      'bó',
      'xấp',
      'cuốn',
      'quyển',
      'bản',
      'tép',
      'ống',
      'cân',
    ],
    compounds: [
      'con dấu',
      'con bạc',
      'con nghiện',
      'con tin',
      'bộ đàm',
      'bộ bài',
      'bộ phận',
      'cây số',
      'bao tải',
      'máy hút cát',
      'máy tính',
      'máy tính bảng',
      'máy xúc',
      'máy cày',
      'máy đào',
      'máy bơm',
      'máy in',
      'máy phát điện',
      'máy quay',
      'máy ảnh',
      'giấy đăng ký xe',
      'giấy phép lái xe',
      'giấy tờ',
      'giấy phép',
      'thẻ ngân hàng',
      'tài khoản ngân hàng',
      'tài khoản',
      'điện thoại',
      'xe máy',
      'xe mô tô',
      'xe ô tô',
      'ô tô',
      'xe tải',
      'xe khách',
      'xe đạp',
      'xe đạp điện',
      'xe container',
      'tàu cá',
      'tàu thuyền',
      'sà lan',
      'quân vị',
      'bị hại',
      'bị cáo',
      'bị can',
      'nạn nhân',
      'nghi phạm',
      'nghi can',
      'phạm nhân',
      'trại viên',
      'học viên',
      'thiếu nữ',
      'trẻ em',
      'cá nhân',
      'tập thể',
      'đơn vị',
      'địa phương',
      'địa bàn',
      'công ty',
      'doanh nghiệp',
      'cơ sở',
      'hộ gia đình',
      'hộ dân',
      'gia đình',
      'phương tiện',
      'hung khí',
      'vũ khí',
      'công cụ',
      'công cụ hỗ trợ',
      'vật liệu nổ',
      'linh kiện',
      'gậy điện',
      'dao, kiếm',
      'điểm cầu',
      'roi điện',
      'bình xịt hơi cay',
      'nụ xòe',
      'nụ xoè',
      'rơ le',
      'dây cháy chậm',
      'dây nổ',
      'kíp nổ',
      'tỉnh, thành phố',
      'tỉnh, thành',
      'quận, huyện',
      'xã, phường',
      'xã, phường, thị trấn',
      'thành phố',
      'huyện',
      'tin báo',
      'tố giác',
      'đơn thư',
      'hồ sơ',
      'quyết định',
      'biên bản',
      'lượt người',
      'cán bộ',
      'chiến sĩ',
      'cán bộ, chiến sĩ',
      'tổ công tác',
      'băng nhóm',
      'đường dây',
      'điểm',
      'sới bạc',
    ],
    single: [
      'tổ',
      'tàu',
      'thuyền',
      'ghe',
      'xuồng',
      'mũi',
      'chuyến',
      'cốc',
      'nắp',
      'ly',
      'đội',
      'xã',
      'tỉnh',
      'huyện',
      'nhà',
      'kho',
      'xưởng',
      'quán',
      'tiệm',
      'phòng',
      'lớp',
      'hộ',
      'nữ',
      'trẻ',
      'lô',
      'thửa',
      'xe',
      'súng',
      'dao',
      'kiếm',
      'gà',
      'chó',
      'bò',
      'trâu',
      'heo',
      'lợn',
      'vụ',
      'người',
    ],
    unitOf: { nữ: 'người' },
  },
  rateCues: ['đạt', 'tỷ lệ', 'tỉ lệ', 'chiếm', 'chiếm tỷ lệ', 'đạt tỷ lệ', 'đạt tỉ lệ'],
  subsetCues: ['trong đó', 'trong đó có', 'trong số đó', 'trong số này', 'trong số đó có', 'trong số này có'],

  reportingUnits: {
    prefixes: ['Công an', 'CA'],
    levels: [
      { words: ['tỉnh'], level: 'province' },
      { words: ['thành phố', 'TP'], level: 'city' },
      { words: ['huyện'], level: 'district' },
      { words: ['quận'], level: 'district' },
      { words: ['thị xã', 'TX'], level: 'town' },
    ],
  },
};
