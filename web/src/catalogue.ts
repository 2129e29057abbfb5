import { type Lang, pick } from './i18n.ts';
import type { Catalogue, Indicator, Secrecy } from './types.ts';

/** One line of figures: an indicator, or one option of it (heroin, synthetic…). */
export interface Measure {
  indicator: Indicator;
  option: string | null;
}

export function measureKey(indicator: string, option: string | null): string {
  return option ? `${indicator}/${option}` : indicator;
}

export function indicatorIndex(catalogue: Catalogue): Map<string, Indicator> {
  return new Map(catalogue.indicators.map((i) => [i.code, i]));
}

/** "Ma túy thu giữ (khối lượng) – ma túy tổng hợp". */
export function measureName(indicator: Indicator, option: string | null, lang: Lang): string {
  const name = pick(lang, indicator.name, indicator.nameEn);
  if (!option) return name;
  const found = indicator.options.find((o) => o.code === option);
  return found ? `${name} – ${pick(lang, found.name, found.nameEn)}` : `${name} – ${option}`;
}

/** Every indicator and option, in catalogue order: options each make a line, an indicator without options one. */
export function allMeasures(catalogue: Catalogue): Measure[] {
  return catalogue.indicators.flatMap((indicator): Measure[] =>
    indicator.options.length === 0
      ? [{ indicator, option: null }]
      : indicator.options.map((o) => ({ indicator, option: o.code })),
  );
}

const SECRECY_ORDER: Secrecy[] = ['none', 'mat', 'toi_mat', 'tuyet_mat'];

/** Whether a reader cleared to one level may see content marked at another (the server decides; this hides choices it would refuse). */
export function clearanceAllows(clearance: Secrecy, secrecy: Secrecy): boolean {
  return SECRECY_ORDER.indexOf(clearance) >= SECRECY_ORDER.indexOf(secrecy);
}
