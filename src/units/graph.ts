import type { IsoDate } from '../vietnamese/dates.ts';
import {
  isValidOn,
  isWholeTransfer,
  type LineageEvent,
  type ParentLink,
  type Unit,
  type UnitKind,
  versionOn,
} from './model.ts';

/** How a unit is represented on a date when it did not exist then (or was only partly a predecessor). */
export interface Representation {
  /** Units whose figures, summed, stand for the unit on that date. */
  unitIds: number[];
  /** Weight per unit id where only a documented share counts; absent means 1. */
  weights: Map<number, number>;
  /** False when some part could not be attributed: the comparison is then refused (null). */
  comparable: boolean;
  /** Plain statement of the rule used, for the output. */
  rule: 'same_unit' | 'predecessors' | 'weighted_predecessors' | 'not_comparable' | 'not_existing';
}

/**
 * The organisation tree over time, in memory (the whole ministry is some 14,000 units over both eras).
 * Every question takes a date, since parents, units and codes are valid over date ranges.
 */
export class UnitGraph {
  private readonly byId = new Map<number, Unit>();
  private readonly byCode = new Map<string, Unit[]>();
  private readonly parentLinks = new Map<number, ParentLink[]>();
  private readonly childLinks = new Map<number, ParentLink[]>();
  private readonly lineageTo = new Map<number, LineageEvent[]>();
  private readonly lineageFrom = new Map<number, LineageEvent[]>();
  private readonly ancestorCache = new Map<string, Map<number, readonly number[]>>();
  /** Every date on which some unit or parent link begins or ends, sorted: the tree is the same between two. */
  private readonly boundaries: IsoDate[];
  private readonly epochs = new Map<IsoDate, string>();
  private readonly subtreeCache = new Map<string, readonly number[]>();

  constructor(
    units: Unit[],
    links: ParentLink[],
    readonly lineage: LineageEvent[],
  ) {
    for (const unit of units) {
      this.byId.set(unit.id, unit);
      const list = this.byCode.get(unit.code) ?? [];
      list.push(unit);
      this.byCode.set(unit.code, list);
    }
    for (const link of links) {
      push(this.parentLinks, link.unitId, link);
      push(this.childLinks, link.parentId, link);
    }
    for (const event of lineage) {
      push(this.lineageTo, event.toUnitId, event);
      push(this.lineageFrom, event.fromUnitId, event);
    }
    const dates = new Set<IsoDate>();
    for (const item of [...units, ...links]) {
      dates.add(item.validFrom);
      dates.add(item.validTo);
    }
    this.boundaries = [...dates].sort();
  }

  /**
   * Which stretch of time a date falls in: two dates with the same answer stand in the same place against every
   * date on which a unit or a link begins or ends (before, on, after), so every validity check, and with them the
   * whole tree, comes out the same on both.
   */
  stretchOf(date: IsoDate): string {
    let epoch = this.epochs.get(date);
    if (epoch === undefined) {
      const below = countBelow(this.boundaries, date, false);
      const upTo = countBelow(this.boundaries, date, true);
      epoch = `${below}:${upTo}`;
      if (this.epochs.size > 100_000) this.epochs.clear();
      this.epochs.set(date, epoch);
    }
    return epoch;
  }

  get size(): number {
    return this.byId.size;
  }

  allUnits(): Iterable<Unit> {
    return this.byId.values();
  }

  get(id: number): Unit | undefined {
    return this.byId.get(id);
  }

  require(id: number): Unit {
    const unit = this.byId.get(id);
    if (!unit) throw new Error(`unknown unit id ${id}`);
    return unit;
  }

  /** The unit that carried a code on a date (codes are reused, so the date matters). */
  findByCode(code: string, date: IsoDate): Unit | undefined {
    return this.byCode.get(code)?.find((u) => isValidOn(u, date));
  }

  /** Every unit that ever carried a code, oldest first. */
  unitsWithCode(code: string): Unit[] {
    return [...(this.byCode.get(code) ?? [])].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  }

  nameOn(id: number, date: IsoDate): string {
    return versionOn(this.require(id), date).nameVi;
  }

  unitsOn(date: IsoDate, kind?: UnitKind): Unit[] {
    const out: Unit[] = [];
    for (const unit of this.byId.values()) {
      if (isValidOn(unit, date) && (!kind || unit.kind === kind)) out.push(unit);
    }
    return out;
  }

  parentOn(id: number, date: IsoDate): number | null {
    const link = this.parentLinks.get(id)?.find((l) => isValidOn(l, date));
    return link ? link.parentId : null;
  }

  parentLinksOf(id: number): readonly ParentLink[] {
    return this.parentLinks.get(id) ?? [];
  }

  childrenOn(id: number, date: IsoDate): number[] {
    const out: number[] = [];
    for (const link of this.childLinks.get(id) ?? []) {
      if (isValidOn(link, date)) {
        const child = this.byId.get(link.unitId);
        if (child && isValidOn(child, date)) out.push(link.unitId);
      }
    }
    return out;
  }

  /** Ancestors from the parent up to the root, on a date. Memoised per stretch between reorganisations: roll-ups
   * ask for every value. */
  ancestorsOn(id: number, date: IsoDate): readonly number[] {
    const epoch = this.stretchOf(date);
    let perDate = this.ancestorCache.get(epoch);
    if (!perDate) {
      perDate = new Map();
      this.ancestorCache.set(epoch, perDate);
    }
    const cached = perDate.get(id);
    if (cached) return cached;
    const out: number[] = [];
    const seen = new Set<number>([id]);
    let current = this.parentOn(id, date);
    while (current !== null) {
      if (seen.has(current)) throw new Error(`cycle in the unit tree at unit ${current} on ${date}`);
      seen.add(current);
      out.push(current);
      current = this.parentOn(current, date);
    }
    perDate.set(id, out);
    return out;
  }

  isInSubtree(id: number, ancestorId: number, date: IsoDate): boolean {
    return id === ancestorId || this.ancestorsOn(id, date).includes(ancestorId);
  }

  /** The unit and everything below it on a date. */
  subtreeOn(id: number, date: IsoDate): number[] {
    // The same tree stands over a whole stretch between reorganisations: each subtree is walked once per stretch.
    const key = `${id}|${this.stretchOf(date)}`;
    let found = this.subtreeCache.get(key);
    if (!found) {
      const out: number[] = [];
      const stack = [id];
      while (stack.length > 0) {
        const current = stack.pop() as number;
        out.push(current);
        stack.push(...this.childrenOn(current, date));
      }
      if (this.subtreeCache.size > 20_000) this.subtreeCache.clear();
      this.subtreeCache.set(key, out);
      found = out;
    }
    return [...found];
  }

  /** The root of the tree (the ministry). Memoised per date: every request asks for it, and finding it walks every
   * unit. */
  root(date: IsoDate): Unit {
    const cached = this.rootCache.get(date);
    if (cached) return cached;
    const found = this.unitsOn(date, 'ministry')[0];
    if (!found) throw new Error('no ministry unit');
    this.rootCache.set(date, found);
    return found;
  }

  private readonly rootCache = new Map<IsoDate, Unit>();

  predecessorEvents(id: number): readonly LineageEvent[] {
    return this.lineageTo.get(id) ?? [];
  }

  successorEvents(id: number): readonly LineageEvent[] {
    return this.lineageFrom.get(id) ?? [];
  }

  /**
   * Which units stand for `id` on `date`. A unit that existed then is itself. A unit created later is the sum of
   * its predecessors (through every generation of lineage), exact where they passed whole; where only part of a
   * predecessor passed, a documented weight is applied, or the comparison is refused.
   */
  representationOn(id: number, date: IsoDate): Representation {
    const unit = this.require(id);
    if (isValidOn(unit, date))
      return { unitIds: [id], weights: new Map(), comparable: true, rule: 'same_unit' };
    if (date > unit.validTo) {
      // A unit that ended has no figures of its own later: its successors hold more than it did.
      return { unitIds: [], weights: new Map(), comparable: false, rule: 'not_existing' };
    }
    const unitIds: number[] = [];
    const weights = new Map<number, number>();
    let comparable = true;
    let weighted = false;
    const visit = (current: number, factor: number, depth: number) => {
      if (depth > 10) throw new Error(`lineage too deep at unit ${current}`);
      // A rename or change of type keeps the unit itself; only events from other units lead to predecessors.
      const events = (this.lineageTo.get(current) ?? []).filter((e) => e.fromUnitId !== current);
      if (events.length === 0) {
        comparable = false;
        return;
      }
      for (const event of events) {
        let share = factor;
        if (!isWholeTransfer(event.kind)) {
          if (event.weight === null) {
            comparable = false;
            continue;
          }
          share *= event.weight;
          weighted = true;
        }
        const from = this.require(event.fromUnitId);
        if (isValidOn(from, date)) {
          unitIds.push(from.id);
          if (share !== 1) weights.set(from.id, (weights.get(from.id) ?? 0) + share);
        } else if (date < from.validFrom) {
          visit(from.id, share, depth + 1);
        }
      }
    };
    visit(id, 1, 0);
    if (!comparable) return { unitIds: [], weights: new Map(), comparable: false, rule: 'not_comparable' };
    // Predecessors are reduced to disjoint units: one inside another's subtree on that date is already in its sums.
    const distinct = new Set(unitIds);
    const disjoint = [...distinct].filter((u) => !this.ancestorsOn(u, date).some((a) => distinct.has(a)));
    for (const u of distinct) if (!disjoint.includes(u)) weights.delete(u);
    return {
      unitIds: disjoint,
      weights,
      comparable: unitIds.length > 0,
      rule: unitIds.length === 0 ? 'not_comparable' : weighted ? 'weighted_predecessors' : 'predecessors',
    };
  }
}

/**
 * Lineage that would count figures twice: a unit whose direct predecessors include one unit and another that was
 * ever below it in the tree (a whole district together with communes of that district).
 */
export function overlappingPredecessors(
  graph: UnitGraph,
): Array<{ unit: string; ancestor: string; descendant: string }> {
  const everAbove = new Map<number, Set<number>>();
  const above = (id: number): Set<number> => {
    const found = everAbove.get(id);
    if (found) return found;
    const out = new Set<number>();
    everAbove.set(id, out);
    for (const link of graph.parentLinksOf(id)) {
      out.add(link.parentId);
      for (const a of above(link.parentId)) out.add(a);
    }
    return out;
  };
  const byTarget = new Map<number, Set<number>>();
  for (const e of graph.lineage) {
    if (e.fromUnitId === e.toUnitId) continue;
    const set = byTarget.get(e.toUnitId) ?? new Set<number>();
    set.add(e.fromUnitId);
    byTarget.set(e.toUnitId, set);
  }
  const out: Array<{ unit: string; ancestor: string; descendant: string }> = [];
  for (const [to, froms] of byTarget) {
    for (const d of froms) {
      for (const a of above(d)) {
        if (froms.has(a))
          out.push({
            unit: graph.require(to).code,
            ancestor: graph.require(a).code,
            descendant: graph.require(d).code,
          });
      }
    }
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** How many of the sorted dates are before `date` (or on it too, when `orEqual`). */
function countBelow(sorted: readonly IsoDate[], date: IsoDate, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid] as IsoDate;
    if (value < date || (orEqual && value === date)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
