import { tetDate } from '../calendar/lunar.ts';
import { allReporterKinds, reporterKindsOn } from '../indicators/model.ts';
import type { Catalogue, StoredForm, StoredIndicator } from '../indicators/registry.ts';
import { NO_OPTION } from '../indicators/registry.ts';
import { monthPeriod, type Period } from '../periods/period.ts';
import { monthContaining, referenceDate } from '../periods/regime.ts';
import { deadlineFor } from '../submissions/deadlines.ts';
import type { UnitGraph } from '../units/graph.ts';
import type { Unit } from '../units/model.ts';
import { PROVINCE_REFORM } from '../units/reference-data.ts';
import type { ValueInput } from '../values/model.ts';
import { addDays, type IsoDate } from '../vietnamese/dates.ts';
import {
  COMMUNE_SHARE,
  DEPARTMENT_SHARE,
  monthFactor,
  NATIONAL_LEVEL,
  SEED_FEBRUARY_2020,
} from './baseline.ts';
import { allocate, hashSeed, SeededRandom } from './random.ts';

export type DemoScale = 'full' | 'small';

export interface DemoOptions {
  /** First and last reporting month, "YYYY-MM". */
  from: string;
  to: string;
  scale: DemoScale;
}

export interface SubmissionSeed {
  formId: number;
  unitId: number;
  period: string;
  status: 'submitted' | 'approved' | 'locked';
  submittedAt: string;
  approvedAt: string | null;
  lockedAt: string | null;
}

export interface DemoBatch {
  label: string;
  /**
   * The batch's last submission: when figures with no submission of their own were entered (each unit's figures are
   * entered on the day it submits, see `loadDemo`).
   */
  enteredAt: string;
  values: ValueInput[];
  submissions: SubmissionSeed[];
}

/** Old provinces whose communes report in the full demo (they merged into the new Ninh Bình), and the small one. */
const OLD_COMMUNE_PROVINCES: Record<DemoScale, string[]> = { full: ['35', '36', '37'], small: ['35'] };
/** New provinces whose communes report: all in the full demo; the new Ninh Bình in the small one. */
const NEW_COMMUNE_PROVINCES: Record<DemoScale, string[] | 'all'> = { full: 'all', small: ['37'] };

function keyOf(indicator: StoredIndicator, option: string | null): string {
  return option === null ? indicator.code : `${indicator.code}/${option}`;
}

function atVietnamTime(date: IsoDate, hour: number): string {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`).toISOString();
}

/**
 * Generates the demo figures month by month: national totals shaped by season, Tết and Covid-19, split over the
 * ministry's departments, the provinces (by size) and, where the demo has them, communes. Province weights after
 * the 2025 reform are the sums of their predecessors', so series stay continuous across it.
 */
export class DemoGenerator {
  private readonly provinceWeight = new Map<number, number>();
  private readonly communeWeight = new Map<number, number>();
  private readonly monthlyForm: StoredForm;
  private readonly securityForm: StoredForm;
  private readonly communePoliceForm: StoredForm;
  private readonly dailyForm: StoredForm;

  constructor(
    private readonly graph: UnitGraph,
    private readonly catalogue: Catalogue,
    private readonly options: DemoOptions,
  ) {
    const form = (code: string) => {
      const found = catalogue.form(code);
      if (!found) throw new Error(`demo needs form ${code}`);
      return found;
    };
    this.monthlyForm = form('BC-THANG');
    this.securityForm = form('BC-ANNINH');
    this.communePoliceForm = form('BC-CAX');
    this.dailyForm = form('BC-NGAY-TET');
    this.computeWeights();
  }

  private computeWeights(): void {
    const before = '2020-01-14';
    for (const province of this.graph.unitsOn(before, 'province')) {
      const communes = this.graph
        .subtreeOn(province.id, before)
        .filter((id) => this.graph.require(id).kind === 'commune').length;
      const rng = new SeededRandom(hashSeed(`weight:${province.code}`));
      const city =
        province.code === '01' || province.code === '79'
          ? 2.4
          : province.code === '31' || province.code === '48'
            ? 1.4
            : 1;
      this.provinceWeight.set(province.id, Math.max(40, communes) * city * rng.jitter(0.25));
    }
    for (const province of this.graph.unitsOn(PROVINCE_REFORM, 'province')) {
      if (this.provinceWeight.has(province.id)) continue;
      let weight = 0;
      for (const event of this.graph.predecessorEvents(province.id))
        weight += this.provinceWeight.get(event.fromUnitId) ?? 0;
      this.provinceWeight.set(province.id, weight);
    }
  }

  private weightOfCommune(id: number): number {
    let w = this.communeWeight.get(id);
    if (w === undefined) {
      w = new SeededRandom(hashSeed(`commune:${id}`)).jitter(0.45);
      this.communeWeight.set(id, w);
    }
    return w;
  }

  /** The reporting months from `from` to `to`. */
  months(): Array<Period & { type: 'month' }> {
    const out: Array<Period & { type: 'month' }> = [];
    const [fy, fm] = this.options.from.split('-').map(Number) as [number, number];
    const [ty, tm] = this.options.to.split('-').map(Number) as [number, number];
    for (
      let p = monthPeriod(fy, fm);
      p.year * 12 + p.month <= ty * 12 + tm;
      p = monthPeriod(p.year, p.month + 1)
    )
      out.push(p);
    return out;
  }

  private communesOf(province: Unit, date: IsoDate): number[] {
    const list =
      date < PROVINCE_REFORM
        ? OLD_COMMUNE_PROVINCES[this.options.scale]
        : NEW_COMMUNE_PROVINCES[this.options.scale];
    if (list !== 'all' && !list.includes(province.code)) return [];
    return this.graph.subtreeOn(province.id, date).filter((id) => this.graph.require(id).kind === 'commune');
  }

  monthBatch(period: Period & { type: 'month' }): DemoBatch {
    const date = referenceDate(period);
    const isLast = period.id === this.options.to;
    const tetMonth = monthContaining(tetDate(period.year)).id;
    const nextTetMonth = monthContaining(tetDate(period.year + 1)).id;
    const isTet = tetMonth === period.id;
    const isPreTet =
      monthPeriod(period.year, period.month + 1).id === tetMonth ||
      monthPeriod(period.year, period.month + 1).id === nextTetMonth;

    const rngMissing = new SeededRandom(hashSeed(`missing:${period.id}`));
    const missing = new Set<number>();
    const provinces = this.graph.unitsOn(date, 'province').sort((a, b) => a.code.localeCompare(b.code));
    const departments = this.graph.unitsOn(date, 'department');
    const communesByProvince = new Map<number, number[]>();
    for (const p of provinces) communesByProvince.set(p.id, this.communesOf(p, date));
    if (isLast) {
      // The latest month is still coming in: a few units have not reported yet.
      for (const p of provinces) {
        if (rngMissing.next() < 0.06) missing.add(p.id);
        for (const c of communesByProvince.get(p.id) ?? []) if (rngMissing.next() < 0.05) missing.add(c);
      }
    }

    const values: ValueInput[] = [];
    const push = (
      form: StoredForm,
      unitId: number,
      indicator: StoredIndicator,
      option: string | null,
      value: number,
    ) => {
      if (missing.has(unitId)) return;
      values.push({
        formId: form.id,
        unitId,
        indicatorId: indicator.id,
        optionId: option === null ? NO_OPTION : (indicator.optionIds.get(option) as number),
        period: period.id,
        value,
        comment: null,
      });
    };

    for (const form of [this.monthlyForm, this.securityForm]) {
      for (const code of form.indicators) {
        const indicator = this.catalogue.indicator(code) as StoredIndicator;
        const options = indicator.options.length === 0 ? [null] : indicator.options.map((o) => o.code);
        for (const option of options) {
          const key = keyOf(indicator, option);
          const level = NATIONAL_LEVEL[key];
          if (level === undefined) continue;
          const scale = 10 ** indicator.decimals;
          const rng = new SeededRandom(hashSeed(`${key}:${period.id}`));
          const seed = period.id === '2020-02' ? SEED_FEBRUARY_2020[key] : undefined;
          const total =
            seed !== undefined
              ? Math.round(seed * scale)
              : Math.round(
                  level *
                    monthFactor(key, period.year, period.month, isTet, isPreTet) *
                    rng.jitter(0.07) *
                    scale,
                );
          let rest = total;
          for (const d of departments) {
            const share = DEPARTMENT_SHARE[d.code]?.[key];
            if (!share || !allReporterKinds(form).includes('department')) continue;
            const part = Math.round(total * share * rng.jitter(0.2));
            push(form, d.id, indicator, option, part / scale);
            rest -= part;
          }
          const weights = provinces.map((p) => (this.provinceWeight.get(p.id) ?? 1) * rng.jitter(0.18));
          const parts = allocate(Math.max(0, rest), weights);
          provinces.forEach((p, i) => {
            const provinceTotal = parts[i] as number;
            const communes = communesByProvince.get(p.id) ?? [];
            const share = COMMUNE_SHARE[key];
            if (communes.length > 0 && share !== undefined && allReporterKinds(form).includes('commune')) {
              const communePart = Math.round(provinceTotal * share);
              push(form, p.id, indicator, option, (provinceTotal - communePart) / scale);
              const split = allocate(
                communePart,
                communes.map((c) => this.weightOfCommune(c) * rng.jitter(0.5)),
              );
              communes.forEach((c, j) => {
                push(form, c, indicator, option, (split[j] as number) / scale);
              });
            } else {
              push(form, p.id, indicator, option, provinceTotal / scale);
            }
          });
        }
      }
    }

    // Regular commune police: every province moves from its 2019 share to 100% by its own date.
    const communesIndicator = this.catalogue.indicator('commune_police.communes') as StoredIndicator;
    const regularIndicator = this.catalogue.indicator('commune_police.regular') as StoredIndicator;
    for (const p of provinces) {
      const count = this.graph
        .subtreeOn(p.id, date)
        .filter((id) => this.graph.require(id).kind === 'commune').length;
      const rng = new SeededRandom(hashSeed(`cax:${p.code}`));
      const start = 0.2 + rng.next() * 0.35;
      const doneBy = 2020 * 12 + 3 + rng.int(0, 20);
      const progress = Math.min(
        1,
        Math.max(0, (period.year * 12 + period.month - (2019 * 12 + 1)) / (doneBy - (2019 * 12 + 1))),
      );
      const share = start + (1 - start) * progress;
      push(this.communePoliceForm, p.id, communesIndicator, null, count);
      push(this.communePoliceForm, p.id, regularIndicator, null, Math.min(count, Math.round(count * share)));
    }

    // Submissions: most on time, some late, the oldest months locked.
    const submissions: SubmissionSeed[] = [];
    // Every expected reporter submits (a department with nothing to report submits an empty form), as do the
    // demo communes that report before they are formally expected.
    const reported = new Set(values.map((v) => `${v.formId}|${v.unitId}`));
    for (const form of [this.monthlyForm, this.securityForm, this.communePoliceForm]) {
      const kinds: string[] = reporterKindsOn(form, date);
      for (const unit of [...departments, ...provinces]) {
        if (kinds.includes(unit.kind) && !missing.has(unit.id)) reported.add(`${form.id}|${unit.id}`);
      }
    }
    const lastIndex = (() => {
      const [y, m] = this.options.to.split('-').map(Number) as [number, number];
      return y * 12 + m;
    })();
    const age = lastIndex - (period.year * 12 + period.month);
    let latest = '';
    for (const key of reported) {
      const [formId, unitId] = key.split('|').map(Number) as [number, number];
      const form = this.catalogue.formById(formId) as StoredForm;
      const unit = this.graph.require(unitId);
      const deadline = deadlineFor(form, period, unit.kind);
      const rng = new SeededRandom(hashSeed(`sub:${key}:${period.id}`));
      const late = rng.next() < 0.07;
      const day = late ? addDays(deadline, rng.int(1, 4)) : addDays(deadline, -rng.int(0, 2));
      const submittedAt = atVietnamTime(day, 9 + rng.int(0, 8));
      const approvedAt = age >= 1 || rng.next() < 0.5 ? atVietnamTime(addDays(day, 1), 10) : null;
      const lockedAt = age >= 2 ? atVietnamTime(addDays(day, 5), 10) : null;
      if (submittedAt > latest) latest = submittedAt;
      submissions.push({
        formId,
        unitId,
        period: period.id,
        status: lockedAt ? 'locked' : approvedAt ? 'approved' : 'submitted',
        submittedAt,
        approvedAt,
        lockedAt,
      });
    }
    return { label: period.id, enteredAt: latest || atVietnamTime(date, 9), values, submissions };
  }

  /**
   * Daily quick reports over each Tết (a week before to ten days after), by province: the figures the Tết
   * campaign summaries and the lunar-aligned comparisons are computed from.
   */
  tetBatches(today: IsoDate): DemoBatch[] {
    const batches: DemoBatch[] = [];
    const firstYear = Number(this.options.from.slice(0, 4));
    for (let year = firstYear; year <= Number(today.slice(0, 4)); year++) {
      const tet = tetDate(year);
      const end = addDays(tet, 10);
      if (end >= today) continue;
      const values: ValueInput[] = [];
      const submissions: SubmissionSeed[] = [];
      for (let offset = -8; offset <= 10; offset++) {
        const day = addDays(tet, offset);
        const provinces = this.graph.unitsOn(day, 'province').sort((a, b) => a.code.localeCompare(b.code));
        // Travel before Tết and the first days of the year bring more accidents; fires peak on the eve.
        const travel = offset >= -6 && offset <= -1 ? 1.25 : offset >= 0 && offset <= 4 ? 1.45 : 1.05;
        const trend = 1 - 0.04 * (year - 2019);
        const levels: Record<string, number> = {
          'traffic.accidents': 38 * travel * trend,
          'traffic.deaths': 22 * travel * trend,
          'traffic.injuries': 36 * travel * trend,
          'fire.cases': (offset === -1 || offset === 0 ? 16 : 7) * (1 + 0.02 * (year - 2019)),
          'crime.occurred': 95 * (offset >= 0 && offset <= 4 ? 0.8 : 1.05),
        };
        for (const code of this.dailyForm.indicators) {
          const indicator = this.catalogue.indicator(code) as StoredIndicator;
          const rng = new SeededRandom(hashSeed(`tet:${code}:${day}`));
          const total = Math.round((levels[code] ?? 10) * rng.jitter(0.12));
          const parts = allocate(
            total,
            provinces.map((p) => (this.provinceWeight.get(p.id) ?? 1) * rng.jitter(0.3)),
          );
          provinces.forEach((p, i) => {
            values.push({
              formId: this.dailyForm.id,
              unitId: p.id,
              indicatorId: indicator.id,
              optionId: NO_OPTION,
              period: day,
              value: parts[i] as number,
              comment: null,
            });
          });
        }
        for (const p of provinces) {
          const submittedAt = atVietnamTime(addDays(day, 1), 8);
          submissions.push({
            formId: this.dailyForm.id,
            unitId: p.id,
            period: day,
            status: 'locked',
            submittedAt,
            approvedAt: submittedAt,
            lockedAt: submittedAt,
          });
        }
      }
      batches.push({
        label: `Tết ${year}`,
        enteredAt: atVietnamTime(addDays(end, 1), 9),
        values,
        submissions,
      });
    }
    return batches;
  }
}
