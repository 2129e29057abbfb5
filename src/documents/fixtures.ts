/**
 * A realistic national briefing report for February 2020, for tests and previews. The drug figures are the
 * ones the ministry published after the briefing of 26/02/2020; comparison bases, other fields, province
 * splits and trends are invented but consistent: province rows add up to the national figures, and the trend
 * series end with the report's own month, previous month and same month last year.
 */
import { findIndicator } from '../indicators/index.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import type {
  BriefingReport,
  FieldReport,
  Figure,
  SubmissionRow,
  TaskRow,
  TrendSeries,
  UnitRow,
  UnitTableColumn,
} from './model.ts';
import { figureKey } from './model.ts';

/** The 63 provinces and centrally-run cities before 1/7/2025, with their official codes. */
const PROVINCES: Array<[string, string]> = [
  ['01', 'Hà Nội'],
  ['02', 'Hà Giang'],
  ['04', 'Cao Bằng'],
  ['06', 'Bắc Kạn'],
  ['08', 'Tuyên Quang'],
  ['10', 'Lào Cai'],
  ['11', 'Điện Biên'],
  ['12', 'Lai Châu'],
  ['14', 'Sơn La'],
  ['15', 'Yên Bái'],
  ['17', 'Hòa Bình'],
  ['19', 'Thái Nguyên'],
  ['20', 'Lạng Sơn'],
  ['22', 'Quảng Ninh'],
  ['24', 'Bắc Giang'],
  ['25', 'Phú Thọ'],
  ['26', 'Vĩnh Phúc'],
  ['27', 'Bắc Ninh'],
  ['30', 'Hải Dương'],
  ['31', 'Hải Phòng'],
  ['33', 'Hưng Yên'],
  ['34', 'Thái Bình'],
  ['35', 'Hà Nam'],
  ['36', 'Nam Định'],
  ['37', 'Ninh Bình'],
  ['38', 'Thanh Hóa'],
  ['40', 'Nghệ An'],
  ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Bình'],
  ['45', 'Quảng Trị'],
  ['46', 'Thừa Thiên Huế'],
  ['48', 'Đà Nẵng'],
  ['49', 'Quảng Nam'],
  ['51', 'Quảng Ngãi'],
  ['52', 'Bình Định'],
  ['54', 'Phú Yên'],
  ['56', 'Khánh Hòa'],
  ['58', 'Ninh Thuận'],
  ['60', 'Bình Thuận'],
  ['62', 'Kon Tum'],
  ['64', 'Gia Lai'],
  ['66', 'Đắk Lắk'],
  ['67', 'Đắk Nông'],
  ['68', 'Lâm Đồng'],
  ['70', 'Bình Phước'],
  ['72', 'Tây Ninh'],
  ['74', 'Bình Dương'],
  ['75', 'Đồng Nai'],
  ['77', 'Bà Rịa - Vũng Tàu'],
  ['79', 'Thành phố Hồ Chí Minh'],
  ['80', 'Long An'],
  ['82', 'Tiền Giang'],
  ['83', 'Bến Tre'],
  ['84', 'Trà Vinh'],
  ['86', 'Vĩnh Long'],
  ['87', 'Đồng Tháp'],
  ['89', 'An Giang'],
  ['91', 'Kiên Giang'],
  ['92', 'Cần Thơ'],
  ['93', 'Hậu Giang'],
  ['94', 'Sóc Trăng'],
  ['95', 'Bạc Liêu'],
  ['96', 'Cà Mau'],
];

/** Larger provinces carry more of every national figure. */
const HEAVY: Record<string, number> = {
  '01': 6,
  '79': 7,
  '31': 2.5,
  '75': 2.5,
  '74': 2.2,
  '40': 2.4,
  '38': 2.2,
  '22': 1.8,
};

/** A small deterministic generator, so fixtures are identical on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` over the weights in steps of 10^-decimals, largest remainder first, so the parts add up exactly. */
function split(total: number, weights: number[], decimals: number): number[] {
  const scale = 10 ** decimals;
  const units = Math.round(total * scale);
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (units * w) / sum);
  const parts = raw.map((r) => Math.floor(r));
  let rest = units - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    rest--;
  }
  return parts.map((p) => p / scale);
}

interface Spec {
  indicator: string;
  option?: string;
  value: number;
  previous: number;
  lastYear: number;
}

function figure(spec: Spec, decimals?: number): Figure {
  const ind = findIndicator(spec.indicator);
  if (!ind) throw new Error(`indicator ${spec.indicator} is not in the catalogue`);
  const option = spec.option ?? null;
  const opt = option === null ? null : ind.options.find((o) => o.code === option);
  if (option !== null && !opt)
    throw new Error(`option ${option} of ${spec.indicator} is not in the catalogue`);
  return {
    indicator: ind.code,
    option,
    name: ind.nameVi,
    optionName: opt?.nameVi ?? null,
    unit: ind.unit,
    phrase: ind.phraseVi,
    decimals: decimals ?? ind.decimals,
    value: spec.value,
    previous: spec.previous,
    samePeriodLastYear: spec.lastYear,
    goodDirection: ind.goodDirection,
    secrecy: ind.secrecy,
  };
}

function field(
  code: FieldReport['field'],
  title: string,
  figures: Figure[],
  notes: string[] = [],
): FieldReport {
  return { field: code, title, figures, notes };
}

const SECURITY: Spec[] = [
  { indicator: 'security.incidents', value: 18, previous: 21, lastYear: 16 },
  { indicator: 'security.cyber_attacks', value: 312, previous: 287, lastYear: 355 },
];

const DRUG: Array<Spec & { decimals?: number }> = [
  { indicator: 'drug.cases', value: 1457, previous: 1395, lastYear: 1398 },
  { indicator: 'drug.suspects', value: 1978, previous: 1893, lastYear: 1990 },
  { indicator: 'drug.seized_kg', option: 'heroin', value: 27.9, previous: 35.2, lastYear: 41.6, decimals: 1 },
  {
    indicator: 'drug.seized_kg',
    option: 'synthetic',
    value: 138.6,
    previous: 96.4,
    lastYear: 112.3,
    decimals: 1,
  },
  { indicator: 'drug.seized_tablets', option: 'synthetic', value: 162526, previous: 98340, lastYear: 120415 },
  { indicator: 'drug.seized_kg', option: 'cannabis', value: 5.5, previous: 8.1, lastYear: 4.7, decimals: 1 },
];

const CRIME: Spec[] = [
  { indicator: 'crime.occurred', value: 3120, previous: 3415, lastYear: 3386 },
  { indicator: 'crime.solved', value: 2630, previous: 2840, lastYear: 2759 },
  { indicator: 'crime.solve_rate', value: 84.29, previous: 83.16, lastYear: 81.48 },
  { indicator: 'crime.suspects', value: 5012, previous: 5320, lastYear: 4980 },
  { indicator: 'crime.gangs', value: 118, previous: 102, lastYear: 97 },
  { indicator: 'wanted.arrested', value: 1236, previous: 1104, lastYear: 1189 },
];

const GAMBLING: Spec[] = [
  { indicator: 'gambling.cases', value: 612, previous: 487, lastYear: 655 },
  { indicator: 'gambling.suspects', value: 3108, previous: 2563, lastYear: 3354 },
];

const ECONOMY: Spec[] = [
  { indicator: 'economy.cases', value: 2210, previous: 2544, lastYear: 2087 },
  { indicator: 'economy.suspects', value: 2512, previous: 2790, lastYear: 2406 },
  { indicator: 'economy.goods_value', value: 48650, previous: 56120, lastYear: 39870 },
];

const WEAPONS: Spec[] = [
  { indicator: 'weapons.guns', value: 46, previous: 58, lastYear: 39 },
  { indicator: 'weapons.ammunition', value: 219, previous: 341, lastYear: 187 },
  { indicator: 'weapons.grenades', value: 3, previous: 1, lastYear: 0 },
  { indicator: 'weapons.explosives_kg', value: 2.3, previous: 4.8, lastYear: 1.9 },
  { indicator: 'weapons.firecrackers_kg', value: 910.4, previous: 2450.7, lastYear: 1320.5 },
  { indicator: 'weapons.support_tools', value: 318, previous: 402, lastYear: 276 },
];

const TRAFFIC: Spec[] = [
  { indicator: 'traffic.accidents', value: 1245, previous: 1352, lastYear: 1502 },
  { indicator: 'traffic.deaths', value: 622, previous: 681, lastYear: 702 },
  { indicator: 'traffic.injuries', value: 1087, previous: 1003, lastYear: 1284 },
];

const FIRE: Spec[] = [
  { indicator: 'fire.cases', value: 403, previous: 256, lastYear: 471 },
  { indicator: 'fire.deaths', value: 12, previous: 5, lastYear: 8 },
  { indicator: 'fire.injuries', value: 19, previous: 11, lastYear: 23 },
  { indicator: 'fire.damage', value: 76840, previous: 41200, lastYear: 98000 },
  { indicator: 'fire.explosions', value: 4, previous: 2, lastYear: 0 },
];

const COMMUNE_POLICE: Spec[] = [
  { indicator: 'commune_police.communes', value: 8297, previous: 8297, lastYear: 8978 },
  { indicator: 'commune_police.regular', value: 8276, previous: 7845, lastYear: 2311 },
];

/** Province columns of the appendices (figure key → spec). */
const TABLE_COLUMNS: Array<{ spec: Spec; decimals: number; title: string }> = [
  { spec: DRUG[0] as Spec, decimals: 0, title: 'Số vụ phạm tội về ma túy phát hiện, bắt giữ' },
  { spec: DRUG[1] as Spec, decimals: 0, title: 'Số đối tượng phạm tội về ma túy bắt giữ' },
  { spec: DRUG[3] as Spec, decimals: 1, title: 'Ma túy tổng hợp thu giữ (khối lượng)' },
  { spec: CRIME[0] as Spec, decimals: 0, title: 'Số vụ phạm tội về trật tự xã hội xảy ra' },
  { spec: TRAFFIC[0] as Spec, decimals: 0, title: 'Số vụ tai nạn giao thông' },
  { spec: TRAFFIC[1] as Spec, decimals: 0, title: 'Số người chết do tai nạn giao thông' },
];

function unitTable(): BriefingReport['unitTable'] {
  const rnd = random(20200226);
  const base = PROVINCES.map(([code]) => (HEAVY[code] ?? 1) * (0.4 + rnd()));
  const rows: UnitRow[] = PROVINCES.map(([code, name]) => ({ unitCode: code, unitName: name, cells: {} }));
  const total: UnitRow = { unitCode: 'BCA', unitName: 'Toàn quốc', cells: {} };
  const columns: UnitTableColumn[] = [];
  for (const { spec, decimals, title } of TABLE_COLUMNS) {
    const ind = findIndicator(spec.indicator);
    const key = figureKey(spec.indicator, spec.option ?? null);
    columns.push({
      indicator: spec.indicator,
      option: spec.option ?? null,
      title,
      unit: ind?.unit ?? '',
      decimals,
      secrecy: ind?.secrecy ?? 'none',
    });
    // Each base gets its own jitter, so provinces move differently from month to month.
    const jitter = () => base.map((w) => w * (0.75 + rnd() * 0.5));
    const values = split(spec.value, jitter(), decimals);
    const previous = split(spec.previous, jitter(), decimals);
    const lastYear = split(spec.lastYear, jitter(), decimals);
    rows.forEach((row, i) => {
      row.cells[key] = {
        value: values[i] ?? 0,
        previous: previous[i] ?? 0,
        samePeriodLastYear: lastYear[i] ?? 0,
      };
    });
    total.cells[key] = { value: spec.value, previous: spec.previous, samePeriodLastYear: spec.lastYear };
  }
  return { unitHeading: 'Công an tỉnh, thành phố', columns, rows, total };
}

function submissions(): SubmissionRow[] {
  const late: Record<string, number> = { '06': 1, '12': 1, '62': 2, '93': 1, '95': 1 };
  const missing: Record<string, number> = { '11': 1, '67': 1 };
  return PROVINCES.map(([code, name]) => {
    const l = late[code] ?? 0;
    const m = missing[code] ?? 0;
    return {
      unitCode: code,
      unitName: `Công an tỉnh ${name}`,
      expected: 3,
      onTime: 3 - l - m,
      late: l,
      missing: m,
    };
  }).map((r) => ({
    ...r,
    unitName: ['01', '31', '48', '79', '92'].includes(r.unitCode)
      ? `Công an thành phố ${r.unitName.replace('Công an tỉnh ', '').replace('Thành phố ', '')}`
      : r.unitName,
  }));
}

const TASKS: TaskRow[] = [
  {
    directive:
      'Tổng kết cao điểm tấn công, trấn áp tội phạm bảo đảm an ninh, trật tự dịp Tết Nguyên đán Canh Tý 2020',
    leadUnit: 'C02',
    deadline: '2020-02-20',
    status: 'done',
    note: 'Đã tổ chức tổng kết ngày 18/02/2020',
  },
  {
    directive: 'Xây dựng kế hoạch bảo đảm an ninh, trật tự các sự kiện năm Chủ tịch ASEAN 2020',
    leadUnit: 'A02',
    deadline: '2020-02-10',
    status: 'done_late',
    note: 'Hoàn thành ngày 13/02/2020',
  },
  {
    directive:
      'Hướng dẫn Công an các địa phương triển khai biện pháp phòng, chống dịch Covid-19 trong lực lượng',
    leadUnit: 'H01',
    deadline: '2020-02-15',
    status: 'done',
    note: null,
  },
  {
    directive:
      'Hoàn thành việc bố trí Công an chính quy đảm nhiệm chức danh Công an xã tại 100% địa bàn cấp xã',
    leadUnit: 'X05',
    deadline: '2020-03-31',
    status: 'in_progress',
    note: 'Đã bố trí tại 8.276/8.297 xã',
  },
  {
    directive: 'Rà soát, thống kê vũ khí, vật liệu nổ, công cụ hỗ trợ thu hồi sau Tết',
    leadUnit: 'C06',
    deadline: '2020-02-14',
    status: 'overdue',
    note: 'Còn 05 địa phương chưa báo cáo',
  },
  {
    directive: 'Đề xuất sửa đổi quy chế phối hợp trao đổi thông tin về tội phạm ma túy khu vực biên giới',
    leadUnit: 'C04',
    deadline: '2020-03-15',
    status: 'not_started',
    note: null,
  },
];

/** 36 months of a series (2017-03 … 2020-02) with a Tết dip, ending exactly on the report's own figures. */
function monthly(spec: Spec, seed: number, tetEffect: number): number[] {
  const rnd = random(seed);
  const out: number[] = [];
  for (let i = 0; i < 36; i++) {
    const month = ((i + 2) % 12) + 1; // index 0 is March 2017
    const trend = spec.lastYear * (0.92 + (i / 36) * 0.12);
    const season = month === 2 || month === 1 ? tetEffect : 1;
    out.push(Math.round(trend * season * (0.93 + rnd() * 0.14)));
  }
  out[35] = spec.value;
  out[34] = spec.previous;
  out[23] = spec.lastYear;
  return out;
}

function trend(spec: Spec, title: string, seed: number, tetEffect: number): TrendSeries {
  const ind = findIndicator(spec.indicator);
  const values = monthly(spec, seed, tetEffect);
  const points = [];
  for (let i = 12; i < 36; i++) {
    const index = 2017 * 12 + 2 + i; // months since year 0, March 2017 first
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    points.push({
      periodId: `${year}-${String(month).padStart(2, '0')}`,
      label: `T${month}/${String(year).slice(2)}`,
      value: values[i] ?? null,
      lastYear: values[i - 12] ?? null,
    });
  }
  return {
    indicator: spec.indicator,
    option: spec.option ?? null,
    title,
    unit: ind?.unit ?? '',
    decimals: ind?.decimals ?? 0,
    points,
    secrecy: ind?.secrecy ?? 'none',
  };
}

export interface SampleOptions {
  secrecy?: SecrecyLevel;
  /** Include the security field, whose figures are classified MẬT in the catalogue. Default true. */
  classifiedFigures?: boolean;
  /** Register number; null (default) leaves it blank to be filled on signing. */
  number?: number | null;
}

/** The February 2020 national briefing report (Bộ Công an, 26/02/2020). */
export function buildSampleBriefingReport(options: SampleOptions = {}): BriefingReport {
  const { secrecy = 'mat', classifiedFigures = true, number = null } = options;
  const fields: FieldReport[] = [];
  if (classifiedFigures) {
    fields.push(
      field(
        'security',
        'Công tác bảo đảm an ninh quốc gia',
        SECURITY.map((s) => figure(s)),
        [
          'Chủ động nắm chắc tình hình, bảo đảm tuyệt đối an ninh, an toàn các hoạt động kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam và các sự kiện năm Chủ tịch ASEAN 2020; tăng cường công tác bảo đảm an ninh mạng, an ninh thông tin, truyền thông.',
        ],
      ),
    );
  }
  fields.push(
    field(
      'drug',
      'Công tác đấu tranh phòng, chống tội phạm về ma túy',
      DRUG.map((s) => figure(s, s.decimals)),
      [
        'Bộ Công an chỉ đạo Công an các đơn vị, địa phương tăng cường đấu tranh, trấn áp tội phạm về ma túy trên các tuyến, địa bàn trọng điểm, khu vực biên giới; tập trung đấu tranh, triệt phá các đường dây mua bán, vận chuyển ma túy với số lượng lớn, các tụ điểm ma túy phức tạp.',
      ],
    ),
    field(
      'crime',
      'Công tác đấu tranh phòng, chống tội phạm về trật tự xã hội',
      CRIME.slice(0, 5).map((s) => figure(s)),
    ),
    field(
      'wanted',
      'Công tác truy nã',
      CRIME.slice(5).map((s) => figure(s)),
    ),
    field(
      'gambling',
      'Đấu tranh với tội phạm, vi phạm pháp luật về cờ bạc',
      GAMBLING.map((s) => figure(s)),
    ),
    field(
      'economy',
      'Phòng, chống buôn lậu, gian lận thương mại, hàng giả',
      ECONOMY.map((s) => figure(s)),
    ),
    field(
      'weapons',
      'Quản lý vũ khí, vật liệu nổ và công cụ hỗ trợ',
      WEAPONS.map((s) => figure(s, s.indicator.endsWith('_kg') ? 1 : undefined)),
    ),
    field(
      'traffic',
      'Bảo đảm trật tự, an toàn giao thông',
      TRAFFIC.map((s) => figure(s)),
    ),
    field(
      'fire',
      'Phòng cháy, chữa cháy và cứu nạn, cứu hộ',
      FIRE.map((s) => figure(s)),
    ),
    field(
      'commune_police',
      'Xây dựng Công an xã chính quy',
      COMMUNE_POLICE.map((s) => figure(s)),
    ),
  );

  return {
    issuer: { parentName: null, name: 'Bộ Công an', place: 'Hà Nội' },
    document: {
      number,
      symbol: 'BC-BCA',
      issueDate: '2020-02-26',
      typeName: 'BÁO CÁO',
      summary: 'Kết quả công tác tháng 02 năm 2020, phương hướng nhiệm vụ tháng 3 năm 2020',
      secrecy,
      addressees: ['Thủ tướng Chính phủ'],
    },
    period: {
      id: '2020-02',
      label: 'tháng 02 năm 2020',
      shortLabel: 'tháng 02/2020',
      windowStart: '2020-01-15',
      windowEnd: '2020-02-14',
      previousLabel: 'tháng 01/2020',
      samePeriodLastYearLabel: 'cùng kỳ năm 2019',
      samePeriodLastYearStart: '2019-01-15',
      samePeriodLastYearEnd: '2019-02-14',
      nextLabel: 'tháng 3 năm 2020',
    },
    fields,
    unitTable: unitTable(),
    submissions: submissions(),
    tasks: TASKS,
    human: {
      situation: [
        'Trong tháng 02/2020, Công an các đơn vị, địa phương đã bám sát những chỉ đạo của Trung ương Đảng, Quốc hội, Chính phủ và Bộ; chủ động triển khai quyết liệt nhiều kế hoạch, biện pháp công tác, bảo đảm tốt an ninh, trật tự dịp Tết Nguyên đán Canh Tý 2020, kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam; triển khai thực hiện nghiêm túc, quyết liệt các biện pháp phòng, chống dịch bệnh Covid-19.',
      ],
      assessment: {
        strengths: [
          'Lập nhiều chiến công, thành tích xuất sắc trong thực hiện cao điểm tấn công, trấn áp tội phạm; giải quyết có hiệu quả các vấn đề nổi lên về an ninh, trật tự; góp phần quan trọng trong công tác phòng ngừa, kiểm soát dịch bệnh Covid-19.',
        ],
        weaknesses: [
          'Tình hình cháy, nổ dịp Tết còn diễn biến phức tạp; một số địa phương chưa chủ động phát hiện, xử lý các tụ điểm đánh bạc trá hình.',
        ],
        causes: [
          'Nhu cầu sử dụng điện, hàng hóa tăng cao dịp Tết; ý thức chấp hành quy định về phòng cháy, chữa cháy của một bộ phận người dân còn hạn chế; lực lượng tập trung cho công tác phòng, chống dịch Covid-19.',
        ],
      },
      directives: [
        'Tiếp tục triển khai Kế hoạch bảo đảm tuyệt đối an ninh, an toàn các sự kiện cấp quốc gia, quốc tế năm Chủ tịch ASEAN 2020, các mục tiêu trọng điểm, hoạt động của lãnh đạo Đảng, Nhà nước, các đoàn khách quốc tế; bảo đảm an ninh chính trị nội bộ, an ninh kinh tế, bảo vệ bí mật nhà nước, an ninh mạng.',
        'Tổng kết cao điểm tấn công, trấn áp tội phạm bảo đảm an ninh, trật tự dịp Tết Nguyên đán Canh Tý 2020; kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc, nhân rộng những cách làm hay.',
        'Khẩn trương hoàn thành việc triển khai Công an chính quy đảm nhiệm chức danh Công an xã tại 100% địa bàn để bố trí, sắp xếp nhân sự phù hợp với công tác Đại hội Đảng bộ cấp cơ sở ở địa phương.',
        'Tiếp tục theo dõi sát diễn biến của dịch bệnh Covid-19, thực hiện nghiêm túc các chỉ đạo của Bộ về phòng, chống dịch; chủ động tham mưu, phối hợp chính quyền địa phương các giải pháp, biện pháp phòng ngừa, ngăn chặn dịch bùng phát, lây lan.',
      ],
      recommendations: [
        'Đề nghị Chính phủ chỉ đạo các bộ, ngành, địa phương tăng cường phối hợp với lực lượng Công an nhân dân trong phòng, chống dịch Covid-19, nhất là công tác quản lý người nước ngoài nhập cảnh và khu vực biên giới.',
      ],
    },
    trends: [
      trend(DRUG[0] as Spec, 'Số vụ phạm tội về ma túy phát hiện, bắt giữ', 11, 0.9),
      trend(CRIME[0] as Spec, 'Số vụ phạm tội về trật tự xã hội xảy ra', 12, 1.08),
      trend(TRAFFIC[0] as Spec, 'Số vụ tai nạn giao thông', 13, 1.12),
      trend(TRAFFIC[1] as Spec, 'Số người chết do tai nạn giao thông', 14, 1.1),
    ],
    signer: {
      authority: 'KT. BỘ TRƯỞNG',
      position: 'THỨ TRƯỞNG',
      rank: 'Thượng tướng',
      name: 'Phạm Quốc Bình',
    },
    recipients: [
      'Như trên',
      'Văn phòng Chính phủ',
      'Đồng chí Bộ trưởng (để báo cáo)',
      'Các đồng chí Thứ trưởng',
      'Các đơn vị trực thuộc Bộ',
      'Công an các tỉnh, thành phố trực thuộc Trung ương',
      'Lưu: VT, V01',
    ],
  };
}

/** A figure for narrative tests: a count that should go down, with no values unless given. */
export function buildFigure(
  partial: Partial<Figure> & Pick<Figure, 'indicator' | 'unit' | 'phrase'>,
): Figure {
  return {
    option: null,
    name: partial.indicator,
    optionName: null,
    decimals: 0,
    value: null,
    previous: null,
    samePeriodLastYear: null,
    goodDirection: 'down',
    secrecy: 'none',
    ...partial,
  };
}

/** The sample report issued by a province (Công an tỉnh Nghệ An under Bộ Công an). */
export function buildSampleProvincialReport(options: SampleOptions = {}): BriefingReport {
  const report = buildSampleBriefingReport(options);
  report.level = 'province';
  report.issuer = { parentName: 'Bộ Công an', name: 'Công an tỉnh Nghệ An', place: 'Nghệ An' };
  return report;
}

/** The sample report moved to another data window (and last year's), e.g. July 2025 or March 2018. */
export function withWindow(
  report: BriefingReport,
  window: { start: string; end: string },
  lastYear: { start: string; end: string; label?: string },
): BriefingReport {
  report.period = {
    ...report.period,
    windowStart: window.start,
    windowEnd: window.end,
    samePeriodLastYearStart: lastYear.start,
    samePeriodLastYearEnd: lastYear.end,
    ...(lastYear.label ? { samePeriodLastYearLabel: lastYear.label } : {}),
  };
  return report;
}
