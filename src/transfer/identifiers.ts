import type { Catalogue, StoredForm, StoredIndicator } from '../indicators/registry.ts';
import type { UnitGraph } from '../units/graph.ts';
import type { Unit } from '../units/model.ts';
import type { UidRows } from './repository.ts';

/** DHIS2's uid of the default category option combo (and attribute option combo): "no disaggregation". */
export const DEFAULT_COMBO_UID = 'HllvX50cXC0';
/** DHIS2's uid of the default category combo. */
export const DEFAULT_CATEGORY_COMBO_UID = 'bjDvmb4bfuf';

/** Which identifiers a file uses: DHIS2's `idScheme` values we support; `auto` takes a uid or a code. */
export type IdScheme = 'uid' | 'code' | 'auto';

export function isDefaultCombo(text: string | null | undefined): boolean {
  return (
    text === null ||
    text === undefined ||
    text === '' ||
    text === DEFAULT_COMBO_UID ||
    text.toLowerCase() === 'default'
  );
}

/**
 * uid ↔ object lookups for units, indicators, options and forms. A unit's uid names one identity for all time;
 * its code only on a date (codes were reused in 2025).
 */
export class Identifiers {
  private readonly unitUid = new Map<number, string>();
  private readonly unitByUid = new Map<string, number>();
  private readonly indicatorUid = new Map<number, string>();
  private readonly indicatorByUid = new Map<string, number>();
  private readonly optionUid = new Map<number, string>();
  private readonly optionByUid = new Map<string, number>();
  private readonly formUid = new Map<number, string>();
  private readonly formByUid = new Map<string, number>();

  constructor(
    rows: UidRows,
    private readonly graph: UnitGraph,
    private readonly catalogue: Catalogue,
  ) {
    for (const r of rows.units) {
      this.unitUid.set(r.id, r.uid);
      this.unitByUid.set(r.uid, r.id);
    }
    for (const r of rows.indicators) {
      this.indicatorUid.set(r.id, r.uid);
      this.indicatorByUid.set(r.uid, r.id);
    }
    for (const r of rows.options) {
      this.optionUid.set(r.id, r.uid);
      this.optionByUid.set(r.uid, r.id);
    }
    for (const r of rows.forms) {
      this.formUid.set(r.id, r.uid);
      this.formByUid.set(r.uid, r.id);
    }
  }

  ofUnit(unit: Unit): string {
    const uid = this.unitUid.get(unit.id);
    if (!uid) throw new Error(`unit ${unit.id} has no uid`);
    return uid;
  }

  ofIndicator(indicator: StoredIndicator): string {
    const uid = this.indicatorUid.get(indicator.id);
    if (!uid) throw new Error(`indicator ${indicator.code} has no uid`);
    return uid;
  }

  ofOption(optionId: number): string {
    const uid = this.optionUid.get(optionId);
    if (!uid) throw new Error(`option ${optionId} has no uid`);
    return uid;
  }

  ofForm(form: StoredForm): string {
    const uid = this.formUid.get(form.id);
    if (!uid) throw new Error(`form ${form.code} has no uid`);
    return uid;
  }

  /** The unit a uid names, whatever the date. */
  unit(uid: string): Unit | undefined {
    const id = this.unitByUid.get(uid);
    return id === undefined ? undefined : this.graph.get(id);
  }

  /** An indicator by uid or code, as the scheme allows. */
  indicator(text: string, scheme: IdScheme): StoredIndicator | undefined {
    if (scheme !== 'code') {
      const id = this.indicatorByUid.get(text);
      if (id !== undefined) return this.catalogue.indicatorById(id);
    }
    return scheme === 'uid' ? undefined : this.catalogue.indicator(text);
  }

  form(text: string, scheme: IdScheme): StoredForm | undefined {
    if (scheme !== 'code') {
      const id = this.formByUid.get(text);
      if (id !== undefined) return this.catalogue.formById(id);
    }
    return scheme === 'uid' ? undefined : this.catalogue.form(text);
  }

  /** An option's code from its uid, when the uid is one of this indicator's options. */
  optionCode(uid: string, indicator: StoredIndicator): string | undefined {
    const id = this.optionByUid.get(uid);
    if (id === undefined) return undefined;
    for (const [code, optionId] of indicator.optionIds) if (optionId === id) return code;
    return undefined;
  }
}
