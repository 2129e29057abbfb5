import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { addDays } from '../vietnamese/dates.ts';
import { overlappingPredecessors, UnitGraph } from './graph.ts';
import {
  BEGINNING,
  type LineageEvent,
  type LineageKind,
  OPEN_END,
  type ParentLink,
  type Unit,
  type UnitKind,
  type UnitVersion,
} from './model.ts';

/** The day the 694 district police units ceased (police reorganised into ministry, province and commune). */
export const DISTRICT_POLICE_END = '2025-02-28';
/** The day 63 provinces became 34 and the administrative district level ended. */
export const PROVINCE_REFORM = '2025-07-01';
const LAST_OLD_DAY = addDays(PROVINCE_REFORM, -1);
/** Thừa Thiên Huế became the centrally-run city of Huế. */
const HUE_CITY = '2025-01-01';
/** Resolution 30/2026/QH16: Đồng Nai becomes a centrally-run city; 237/NQ-UBTVQH16 turns 10 communes into wards. */
const DONG_NAI_CITY = '2026-04-30';

/** Areas with no police unit of their own: the Hoàng Sa and Trường Sa island districts (later special zones). */
const AREAS_WITHOUT_POLICE = new Set(['498', '576', '20333', '22736']);

/** Ministry departments (Cục) that report to the briefing; codes as the ministry writes them. */
export const DEPARTMENTS: Array<{ code: string; nameVi: string; nameEn: string }> = [
  { code: 'V01', nameVi: 'Văn phòng Bộ Công an', nameEn: 'Office of the Ministry' },
  {
    code: 'A05',
    nameVi: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
    nameEn: 'Department of Cyber Security and High-Tech Crime Prevention',
  },
  { code: 'C02', nameVi: 'Cục Cảnh sát hình sự', nameEn: 'Criminal Police Department' },
  {
    code: 'C03',
    nameVi: 'Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu',
    nameEn: 'Police Department for Corruption, Economic Crime and Smuggling',
  },
  {
    code: 'C04',
    nameVi: 'Cục Cảnh sát điều tra tội phạm về ma túy',
    nameEn: 'Drug Crime Investigation Police Department',
  },
  {
    code: 'C06',
    nameVi: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
    nameEn: 'Administrative Police Department for Social Order',
  },
  {
    code: 'C07',
    nameVi: 'Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
    nameEn: 'Fire Prevention, Fighting and Rescue Police Department',
  },
  { code: 'C08', nameVi: 'Cục Cảnh sát giao thông', nameEn: 'Traffic Police Department' },
];

export interface ReferenceData {
  units: Unit[];
  links: ParentLink[];
  lineage: LineageEvent[];
}

type Row = Record<string, string>;

/** Strips Vietnamese diacritics for English names (đ → d). */
function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

function readCsv(dir: string, name: string): Row[] {
  return parse(readFileSync(join(dir, name), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
}

/** "Tỉnh Nghệ An" → "Công an tỉnh Nghệ An"; "Xã Ba Chẽ" → "Công an xã Ba Chẽ". */
export function policeNameVi(areaName: string): string {
  return `Công an ${areaName.charAt(0).toLowerCase()}${areaName.slice(1)}`;
}

const AREA_PREFIXES_EN: Array<[RegExp, string]> = [
  [/^Thành phố /, 'City'],
  [/^Tỉnh /, 'Province'],
  [/^Quận /, 'Urban District'],
  [/^Huyện /, 'District'],
  [/^Thị xã /, 'Town'],
  [/^Phường /, 'Ward'],
  [/^Xã /, 'Commune'],
  [/^Thị trấn /, 'Township'],
  [/^Đặc khu /, 'Special Zone'],
];

/** "Xã Ba Chẽ" → "Ba Che Commune Police". */
export function policeNameEn(areaName: string, englishAreaName?: string): string {
  if (englishAreaName) return `${englishAreaName} Police`;
  for (const [prefix, word] of AREA_PREFIXES_EN) {
    if (prefix.test(areaName)) return `${asciiFold(areaName.replace(prefix, ''))} ${word} Police`;
  }
  return `${asciiFold(areaName)} Police`;
}

/**
 * Builds the police organisation of both eras from the official administrative-unit tables: the ministry, its
 * departments, 63 provinces until 30/06/2025 (the 11 unchanged ones continue), 694 district police units until
 * 28/02/2025, the old communes, the 34 provinces and 3,319 commune police units from 01/07/2025, and the lineage
 * that the official conversion table gives.
 */
export function buildReferenceData(dir: string): ReferenceData {
  const units: Unit[] = [];
  const links: ParentLink[] = [];
  const lineage: LineageEvent[] = [];
  let nextId = 1;

  const addUnit = (
    code: string,
    kind: UnitKind,
    adminCode: string | null,
    validFrom: string,
    validTo: string,
    versions: Array<
      Omit<UnitVersion, 'validFrom' | 'validTo'> & Partial<Pick<UnitVersion, 'validFrom' | 'validTo'>>
    >,
  ): Unit => {
    const unit: Unit = {
      id: nextId++,
      code,
      kind,
      adminCode,
      validFrom,
      validTo,
      versions: versions.map((v, i) => ({
        validFrom: v.validFrom ?? (i === 0 ? validFrom : validFrom),
        validTo: v.validTo ?? validTo,
        nameVi: v.nameVi,
        nameEn: v.nameEn,
        areaName: v.areaName,
      })),
    };
    units.push(unit);
    return unit;
  };
  const link = (unitId: number, parentId: number, validFrom: string, validTo: string) =>
    links.push({ unitId, parentId, validFrom, validTo });

  const ministry = addUnit('BCA', 'ministry', null, BEGINNING, OPEN_END, [
    { nameVi: 'Bộ Công an', nameEn: 'Ministry of Public Security', areaName: null },
  ]);
  for (const d of DEPARTMENTS) {
    const unit = addUnit(d.code, 'department', null, BEGINNING, OPEN_END, [
      { nameVi: d.nameVi, nameEn: d.nameEn, areaName: null },
    ]);
    link(unit.id, ministry.id, BEGINNING, OPEN_END);
  }

  const oldProvinces = readCsv(dir, 'provinces-before-2025-07.csv');
  const newProvinces = readCsv(dir, 'provinces-from-2025-07.csv');
  const unchanged = new Set(
    newProvinces.filter((p) => p.predecessors === p.code).map((p) => p.code as string),
  );

  const oldProvinceUnit = new Map<string, Unit>();
  for (const p of oldProvinces) {
    const code = p.code as string;
    const continues = unchanged.has(code);
    const validTo = continues ? OPEN_END : LAST_OLD_DAY;
    const name = p.name as string;
    const versions =
      code === '46'
        ? [
            {
              nameVi: 'Công an tỉnh Thừa Thiên Huế',
              nameEn: 'Thua Thien Hue Provincial Police',
              areaName: 'Tỉnh Thừa Thiên Huế',
              validTo: addDays(HUE_CITY, -1),
            },
            {
              nameVi: policeNameVi(name),
              nameEn: policeNameEn(name, p.name_en),
              areaName: name,
              validFrom: HUE_CITY,
            },
          ]
        : [{ nameVi: policeNameVi(name), nameEn: policeNameEn(name, p.name_en), areaName: name }];
    const unit = addUnit(code, 'province', code, BEGINNING, validTo, versions);
    link(unit.id, ministry.id, BEGINNING, validTo);
    oldProvinceUnit.set(code, unit);
  }
  const hue = oldProvinceUnit.get('46');
  if (hue)
    lineage.push({
      kind: 'type_change',
      effectiveDate: HUE_CITY,
      fromUnitId: hue.id,
      toUnitId: hue.id,
      weight: null,
      note: 'Tỉnh Thừa Thiên Huế trở thành thành phố trực thuộc trung ương',
    });

  const newProvinceUnit = new Map<string, Unit>();
  for (const p of newProvinces) {
    const code = p.code as string;
    if (unchanged.has(code)) {
      newProvinceUnit.set(code, oldProvinceUnit.get(code) as Unit);
      continue;
    }
    const name = p.name as string;
    const versions =
      code === '75'
        ? [
            {
              nameVi: policeNameVi(name),
              nameEn: policeNameEn(name, p.name_en),
              areaName: name,
              validTo: addDays(DONG_NAI_CITY, -1),
            },
            {
              nameVi: 'Công an thành phố Đồng Nai',
              nameEn: 'Dong Nai City Police',
              areaName: 'Thành phố Đồng Nai',
              validFrom: DONG_NAI_CITY,
            },
          ]
        : [{ nameVi: policeNameVi(name), nameEn: policeNameEn(name, p.name_en), areaName: name }];
    const unit = addUnit(code, 'province', code, PROVINCE_REFORM, OPEN_END, versions);
    link(unit.id, ministry.id, PROVINCE_REFORM, OPEN_END);
    newProvinceUnit.set(code, unit);
    for (const predecessor of (p.predecessors as string).split(';')) {
      const from = oldProvinceUnit.get(predecessor);
      if (!from) throw new Error(`province ${code}: unknown predecessor ${predecessor}`);
      lineage.push({
        kind: 'merge',
        effectiveDate: PROVINCE_REFORM,
        fromUnitId: from.id,
        toUnitId: unit.id,
        weight: null,
        note: 'Sắp xếp đơn vị hành chính cấp tỉnh 2025',
      });
    }
    if (code === '75')
      lineage.push({
        kind: 'type_change',
        effectiveDate: DONG_NAI_CITY,
        fromUnitId: unit.id,
        toUnitId: unit.id,
        weight: null,
        note: 'Nghị quyết 30/2026/QH16: thành lập thành phố Đồng Nai',
      });
  }

  // Districts: those with communes come from the commune table, the five without from the conversion table.
  const oldCommunes = readCsv(dir, 'communes-before-2025-07.csv');
  const conversion = readCsv(dir, 'commune-conversion-2025-07.csv');
  const districts = new Map<string, { name: string; province: string }>();
  for (const c of oldCommunes)
    districts.set(c.district_code as string, {
      name: c.district_name as string,
      province: c.province_code as string,
    });
  for (const row of conversion) {
    if (!row.old_code && row.old_district_code && !districts.has(row.old_district_code)) {
      districts.set(row.old_district_code, {
        name: row.old_district_name as string,
        province: row.old_province_code as string,
      });
    }
  }
  const districtUnit = new Map<string, Unit>();
  for (const [code, d] of [...districts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (AREAS_WITHOUT_POLICE.has(code)) continue;
    const province = oldProvinceUnit.get(d.province);
    if (!province) throw new Error(`district ${code}: unknown province ${d.province}`);
    const unit = addUnit(code, 'district', code, BEGINNING, DISTRICT_POLICE_END, [
      { nameVi: policeNameVi(d.name), nameEn: policeNameEn(d.name), areaName: d.name },
    ]);
    link(unit.id, province.id, BEGINNING, DISTRICT_POLICE_END);
    districtUnit.set(code, unit);
    lineage.push({
      kind: 'merge',
      effectiveDate: addDays(DISTRICT_POLICE_END, 1),
      fromUnitId: unit.id,
      toUnitId: province.id,
      weight: null,
      note: 'Kết thúc hoạt động Công an cấp huyện',
    });
  }

  const oldCommuneUnit = new Map<string, Unit>();
  for (const c of oldCommunes) {
    const code = c.code as string;
    if (AREAS_WITHOUT_POLICE.has(c.district_code as string)) continue;
    const district = districtUnit.get(c.district_code as string);
    const province = oldProvinceUnit.get(c.province_code as string);
    if (!district || !province) throw new Error(`commune ${code}: unknown district or province`);
    const name = c.name as string;
    const unit = addUnit(code, 'commune', code, BEGINNING, LAST_OLD_DAY, [
      { nameVi: policeNameVi(name), nameEn: policeNameEn(name), areaName: name },
    ]);
    link(unit.id, district.id, BEGINNING, DISTRICT_POLICE_END);
    link(unit.id, province.id, addDays(DISTRICT_POLICE_END, 1), LAST_OLD_DAY);
    oldCommuneUnit.set(code, unit);
  }

  const newCommuneUnit = new Map<string, Unit>();
  for (const c of readCsv(dir, 'communes-from-2025-07.csv')) {
    const code = c.code as string;
    if (AREAS_WITHOUT_POLICE.has(code)) continue;
    const province = newProvinceUnit.get(c.province_code as string);
    if (!province) throw new Error(`commune ${code}: unknown province ${c.province_code}`);
    const name = c.name as string;
    const becomesWard = (c.notes ?? '').includes('237/NQ-UBTVQH16');
    const wardName = name.replace(/^Xã /, 'Phường ');
    const versions = becomesWard
      ? [
          {
            nameVi: policeNameVi(name),
            nameEn: policeNameEn(name),
            areaName: name,
            validTo: addDays(DONG_NAI_CITY, -1),
          },
          {
            nameVi: policeNameVi(wardName),
            nameEn: policeNameEn(wardName),
            areaName: wardName,
            validFrom: DONG_NAI_CITY,
          },
        ]
      : [{ nameVi: policeNameVi(name), nameEn: policeNameEn(name), areaName: name }];
    const unit = addUnit(code, 'commune', code, PROVINCE_REFORM, OPEN_END, versions);
    link(unit.id, province.id, PROVINCE_REFORM, OPEN_END);
    newCommuneUnit.set(code, unit);
  }

  const kinds: Record<string, LineageKind> = {
    whole: 'merge',
    part: 'split',
    part_area: 'split',
    part_population: 'split',
    part_area_whole_population: 'split',
    unchanged: 'unchanged',
    rename: 'rename',
    type_change: 'type_change',
  };
  const seen = new Set<string>();
  // A row without an old commune names land a district administered (e.g. "khu vực bãi bồi ven biển do huyện Kim
  // Sơn quản lý"). Only a district without communes of its own (the island districts) passes whole that way; for any
  // other, the row is a piece of the district whose figures were already in its communes', and taking the whole
  // district as a predecessor would count those communes twice. Such rows create no lineage.
  const districtsWithCommunes = new Set(oldCommunes.map((c) => c.district_code as string));
  for (const row of conversion) {
    const to = newCommuneUnit.get(row.new_code as string);
    if (!row.old_code && districtsWithCommunes.has(row.old_district_code as string)) continue;
    const from = row.old_code
      ? oldCommuneUnit.get(row.old_code)
      : districtUnit.get(row.old_district_code as string);
    const kind = kinds[row.kind as string];
    if (!to || !from || !kind) continue;
    const key = `${from.id}>${to.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lineage.push({
      kind,
      effectiveDate: PROVINCE_REFORM,
      fromUnitId: from.id,
      toUnitId: to.id,
      weight: null,
      note: row.note as string,
    });
  }

  const data = { units, links, lineage };
  const overlaps = overlappingPredecessors(new UnitGraph(units, links, lineage));
  if (overlaps.length > 0)
    throw new Error(
      `reference data: predecessors that contain one another (${overlaps
        .slice(0, 5)
        .map((o) => `${o.unit}: ${o.ancestor} ⊃ ${o.descendant}`)
        .join('; ')})`,
    );
  return data;
}
