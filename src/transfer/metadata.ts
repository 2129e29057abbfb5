import type { Catalogue } from '../indicators/registry.ts';
import { deriveUid } from '../shared/uid.ts';
import type { UnitGraph } from '../units/graph.ts';
import { OPEN_END, versionOn } from '../units/model.ts';
import { DEFAULT_CATEGORY_COMBO_UID, DEFAULT_COMBO_UID, type Identifiers } from './identifiers.ts';

const DEFAULT_CATEGORY_UID = 'GLevLNI9wkl';
const DEFAULT_CATEGORY_OPTION_UID = 'xYerKDKCefk';

type Ref = { id: string };

/**
 * giaoban's catalogue and organisation in DHIS2's metadata shape, enough to set up a DHIS2 instance that
 * receives its data values: an indicator is a data element; its options one category (and category combo) of its
 * own, each option a category option and a category option combo carrying the option's uid (the uid data values
 * use); a form is a data set; a unit an organisation unit, with its parent and path as on its last day and its
 * opening and closed dates (both eras, since the 2025 reform closed units and opened others). Categories and
 * category options exist only here: their uids are derived from the indicator and option codes.
 */
export function buildMetadata(graph: UnitGraph, catalogue: Catalogue, ids: Identifiers) {
  const categoryOptions: Array<Ref & { code: string; name: string; shortName: string }> = [
    { id: DEFAULT_CATEGORY_OPTION_UID, code: 'default', name: 'default', shortName: 'default' },
  ];
  const categories: Array<
    Ref & { code: string; name: string; dataDimensionType: string; categoryOptions: Ref[] }
  > = [
    {
      id: DEFAULT_CATEGORY_UID,
      code: 'default',
      name: 'default',
      dataDimensionType: 'DISAGGREGATION',
      categoryOptions: [{ id: DEFAULT_CATEGORY_OPTION_UID }],
    },
  ];
  const categoryCombos: Array<
    Ref & { code: string; name: string; dataDimensionType: string; categories: Ref[] }
  > = [
    {
      id: DEFAULT_CATEGORY_COMBO_UID,
      code: 'default',
      name: 'default',
      dataDimensionType: 'DISAGGREGATION',
      categories: [{ id: DEFAULT_CATEGORY_UID }],
    },
  ];
  const categoryOptionCombos: Array<
    Ref & { code: string; name: string; categoryCombo: Ref; categoryOptions: Ref[] }
  > = [
    {
      id: DEFAULT_COMBO_UID,
      code: 'default',
      name: 'default',
      categoryCombo: { id: DEFAULT_CATEGORY_COMBO_UID },
      categoryOptions: [{ id: DEFAULT_CATEGORY_OPTION_UID }],
    },
  ];
  const dataElements = catalogue.indicators.map((indicator) => {
    let combo = DEFAULT_CATEGORY_COMBO_UID;
    if (indicator.options.length > 0) {
      const category = deriveUid(`category:${indicator.code}`);
      combo = deriveUid(`categoryCombo:${indicator.code}`);
      const optionRefs: Ref[] = [];
      for (const option of indicator.options) {
        const categoryOption = deriveUid(`categoryOption:${indicator.code}:${option.code}`);
        optionRefs.push({ id: categoryOption });
        categoryOptions.push({
          id: categoryOption,
          code: `${indicator.code}:${option.code}`,
          name: `${indicator.nameVi} – ${option.nameVi}`,
          shortName: option.nameVi.slice(0, 50),
        });
        categoryOptionCombos.push({
          id: ids.ofOption(indicator.optionIds.get(option.code) as number),
          code: `${indicator.code}:${option.code}`,
          name: option.nameVi,
          categoryCombo: { id: combo },
          categoryOptions: [{ id: categoryOption }],
        });
      }
      categories.push({
        id: category,
        code: indicator.code,
        name: indicator.nameVi,
        dataDimensionType: 'DISAGGREGATION',
        categoryOptions: optionRefs,
      });
      categoryCombos.push({
        id: combo,
        code: indicator.code,
        name: indicator.nameVi,
        dataDimensionType: 'DISAGGREGATION',
        categories: [{ id: category }],
      });
    }
    return {
      id: ids.ofIndicator(indicator),
      code: indicator.code,
      name: indicator.nameVi,
      shortName: indicator.nameVi.slice(0, 50),
      description: indicator.nameEn,
      domainType: 'AGGREGATE',
      valueType: indicator.valueType === 'integer' ? 'INTEGER_ZERO_OR_POSITIVE' : 'NUMBER',
      aggregationType:
        indicator.aggregation.kind === 'sum'
          ? 'SUM'
          : indicator.aggregation.kind === 'latest'
            ? 'LAST'
            : 'NONE',
      zeroIsSignificant: true,
      categoryCombo: { id: combo },
    };
  });
  const dataSets = catalogue.forms.map((form) => ({
    id: ids.ofForm(form),
    code: form.code,
    name: form.nameVi,
    shortName: form.nameVi.slice(0, 50),
    periodType: form.periodType === 'month' ? 'Monthly' : 'Daily',
    categoryCombo: { id: DEFAULT_CATEGORY_COMBO_UID },
    dataSetElements: form.indicators.map((code) => {
      const indicator = catalogue.indicator(code);
      if (!indicator) throw new Error(`indicator ${code} of form ${form.code} is not in the catalogue`);
      return { dataElement: { id: ids.ofIndicator(indicator) } };
    }),
  }));
  const organisationUnits = [...graph.allUnits()]
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.code.localeCompare(b.code))
    .map((unit) => {
      const last = unit.validTo;
      const ancestors = [...graph.ancestorsOn(unit.id, last)].reverse();
      const version = versionOn(unit, last);
      const parentId = ancestors[ancestors.length - 1];
      return {
        id: ids.ofUnit(unit),
        code: unit.code,
        name: version.nameVi,
        shortName: version.nameVi.slice(0, 50),
        level: ancestors.length + 1,
        path: `/${[...ancestors.map((id) => ids.ofUnit(graph.require(id))), ids.ofUnit(unit)].join('/')}`,
        openingDate: unit.validFrom,
        ...(unit.validTo === OPEN_END ? {} : { closedDate: unit.validTo }),
        ...(parentId === undefined ? {} : { parent: { id: ids.ofUnit(graph.require(parentId)) } }),
      };
    });
  return {
    dataElements,
    categories,
    categoryOptions,
    categoryCombos,
    categoryOptionCombos,
    dataSets,
    organisationUnits,
  };
}
