/**
 * The shape of the demo figures: national monthly levels in the ministry's published ranges, with seasons,
 * Tết, the Covid-19 months and slow trends. Values are invented but plausible; February 2020 is pinned to the
 * seed article's figures.
 */

/** National level per month in 2019, per indicator and option ("code" or "code/option"). */
export const NATIONAL_LEVEL: Record<string, number> = {
  'security.incidents': 48,
  'security.cyber_attacks': 310,
  'drug.cases': 1480,
  'drug.suspects': 2050,
  'drug.seized_kg/heroin': 42,
  'drug.seized_kg/synthetic': 175,
  'drug.seized_kg/cannabis': 9,
  'drug.seized_tablets/synthetic': 185000,
  'crime.occurred': 3950,
  'crime.solved': 3280,
  'crime.suspects': 6100,
  'crime.gangs': 95,
  'wanted.arrested': 980,
  'gambling.cases': 620,
  'gambling.suspects': 3400,
  'economy.cases/smuggling': 820,
  'economy.cases/trade_fraud': 360,
  'economy.cases/counterfeit': 240,
  'economy.suspects': 1650,
  'economy.goods_value': 185000,
  'weapons.guns': 160,
  'weapons.ammunition': 3100,
  'weapons.grenades': 9,
  'weapons.explosives_kg': 95,
  'weapons.firecrackers_kg': 1900,
  'weapons.support_tools': 2100,
  'traffic.accidents': 1390,
  'traffic.deaths': 640,
  'traffic.injuries': 1020,
  'fire.cases': 230,
  'fire.deaths': 7,
  'fire.injuries': 14,
  'fire.damage': 52000,
  'fire.explosions': 4,
};

/** National totals of February 2020 as the seed article gives them. */
export const SEED_FEBRUARY_2020: Record<string, number> = {
  'drug.cases': 1457,
  'drug.suspects': 1978,
  'drug.seized_kg/heroin': 27.9,
  'drug.seized_kg/synthetic': 138.6,
  'drug.seized_kg/cannabis': 5.5,
  'drug.seized_tablets/synthetic': 162526,
};

/** Share of a province's figure handled by its commune police, where commune figures are part of the demo. */
export const COMMUNE_SHARE: Record<string, number> = {
  'crime.occurred': 0.5,
  'crime.solved': 0.45,
  'crime.suspects': 0.4,
  'drug.cases': 0.4,
  'drug.suspects': 0.4,
  'gambling.cases': 0.5,
  'gambling.suspects': 0.5,
  'fire.cases': 0.3,
  'wanted.arrested': 0.2,
  'weapons.support_tools': 0.3,
};

/** Share of the national figure handled by the ministry's own departments. */
export const DEPARTMENT_SHARE: Record<string, Record<string, number>> = {
  C04: {
    'drug.cases': 0.02,
    'drug.suspects': 0.02,
    'drug.seized_kg/heroin': 0.2,
    'drug.seized_kg/synthetic': 0.25,
    'drug.seized_tablets/synthetic': 0.2,
  },
  C02: {
    'crime.occurred': 0.005,
    'crime.solved': 0.01,
    'crime.suspects': 0.01,
    'crime.gangs': 0.05,
    'wanted.arrested': 0.03,
  },
  C03: {
    'economy.cases/smuggling': 0.03,
    'economy.cases/trade_fraud': 0.05,
    'economy.cases/counterfeit': 0.05,
    'economy.suspects': 0.04,
    'economy.goods_value': 0.2,
  },
  A05: { 'security.incidents': 0.2, 'security.cyber_attacks': 0.6 },
};

function field(key: string): string {
  return key.split('.')[0] as string;
}

/**
 * Multiplier for a national level in a reporting month. `tetMonth` is true for the reporting month whose window
 * contains Tết, `preTetMonth` for the month before it.
 */
export function monthFactor(
  key: string,
  year: number,
  month: number,
  tetMonth: boolean,
  preTetMonth: boolean,
): number {
  const f = field(key);
  const yearsSince2019 = year - 2019 + (month - 1) / 12;
  let factor = 1;
  // Slow trends: more drug cases detected each year, fewer traffic accidents.
  if (f === 'drug') factor *= 1 + 0.03 * yearsSince2019;
  if (f === 'traffic') factor *= 1 - 0.035 * yearsSince2019;
  if (f === 'security' && key.endsWith('cyber_attacks')) factor *= 1 + 0.12 * yearsSince2019;
  // Dry season fires (March–May in the north and centre), rainy-season dip in traffic.
  if (f === 'fire')
    factor *= [1.25, 1.1, 1.2, 1.25, 1.15, 0.9, 0.85, 0.8, 0.8, 0.85, 0.95, 1.1][month - 1] as number;
  if (f === 'traffic')
    factor *= [1.05, 1, 0.98, 1.02, 0.98, 0.96, 0.97, 0.96, 0.97, 1, 1.02, 1.08][month - 1] as number;
  if (tetMonth) {
    if (f === 'traffic') factor *= 1.12;
    if (f === 'fire') factor *= 1.3;
    if (f === 'gambling') factor *= 1.6;
    if (f === 'drug') factor *= 0.92;
    if (key === 'weapons.firecrackers_kg') factor *= 2.2;
  }
  if (preTetMonth) {
    if (key === 'weapons.firecrackers_kg') factor *= 3.5;
    if (f === 'crime') factor *= 1.08;
  }
  // Covid-19: social distancing in spring 2020 and the Delta wave of mid-2021.
  const ym = year * 100 + month;
  if (ym >= 202003 && ym <= 202005) {
    if (f === 'traffic') factor *= ym === 202004 ? 0.55 : 0.78;
    if (f === 'crime' || f === 'gambling') factor *= 0.86;
  }
  if (ym >= 202108 && ym <= 202110) {
    if (f === 'traffic') factor *= 0.6;
    if (f === 'crime') factor *= 0.82;
  }
  return factor;
}
