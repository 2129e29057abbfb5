import type { StoredForm, StoredIndicator } from './registry.ts';

export function presentIndicator(i: StoredIndicator) {
  return {
    code: i.code,
    field: i.field,
    name: i.nameVi,
    nameEn: i.nameEn,
    unit: i.unit,
    valueType: i.valueType,
    decimals: i.decimals,
    aggregation: i.aggregation,
    goodDirection: i.goodDirection,
    secrecy: i.secrecy,
    options: i.options.map((o) => ({ code: o.code, name: o.nameVi, nameEn: o.nameEn })),
    conversions: i.conversions,
  };
}

export function presentForm(f: StoredForm) {
  return {
    code: f.code,
    name: f.nameVi,
    nameEn: f.nameEn,
    periodType: f.periodType,
    reporters: f.reporters,
    indicators: f.indicators,
    deadline: f.deadline,
    secrecy: f.secrecy,
  };
}
