import type { Indicator, ReportForm } from './model.ts';

/** An indicator as stored: the definition plus database ids for it and its options. */
export interface StoredIndicator extends Indicator {
  id: number;
  optionIds: Map<string, number>;
}

export interface StoredForm extends ReportForm {
  id: number;
}

/** Option id 0 stands for "no disaggregation" in stored keys. */
export const NO_OPTION = 0;

/**
 * The catalogue as the application uses it: lookups by code and by id in both directions.
 */
export class Catalogue {
  private readonly byCode = new Map<string, StoredIndicator>();
  private readonly byId = new Map<number, StoredIndicator>();
  private readonly optionById = new Map<number, { indicator: StoredIndicator; code: string }>();
  private readonly formByCode = new Map<string, StoredForm>();
  private readonly formsById = new Map<number, StoredForm>();
  /** formsFor's answers: the engine asks for them for every indicator of every question. */
  private readonly formsByIndicator = new Map<string, readonly StoredForm[]>();

  constructor(
    readonly indicators: StoredIndicator[],
    readonly forms: StoredForm[],
  ) {
    for (const indicator of indicators) {
      this.byCode.set(indicator.code, indicator);
      this.byId.set(indicator.id, indicator);
      for (const [code, id] of indicator.optionIds) this.optionById.set(id, { indicator, code });
    }
    for (const form of forms) {
      this.formByCode.set(form.code, form);
      this.formsById.set(form.id, form);
    }
  }

  indicator(code: string): StoredIndicator | undefined {
    return this.byCode.get(code);
  }

  indicatorById(id: number): StoredIndicator | undefined {
    return this.byId.get(id);
  }

  /** The stored option id for an indicator's option code (NO_OPTION for null); undefined if the option is unknown. */
  optionId(indicator: StoredIndicator, option: string | null): number | undefined {
    if (option === null) return indicator.options.length === 0 ? NO_OPTION : undefined;
    return indicator.optionIds.get(option);
  }

  optionCode(optionId: number): string | null {
    if (optionId === NO_OPTION) return null;
    return this.optionById.get(optionId)?.code ?? null;
  }

  form(code: string): StoredForm | undefined {
    return this.formByCode.get(code);
  }

  formById(id: number): StoredForm | undefined {
    return this.formsById.get(id);
  }

  /** Every (indicator, option) pair in catalogue order; indicators without options give one pair with null. */
  pairs(
    filter?: (indicator: StoredIndicator) => boolean,
  ): Array<{ indicator: StoredIndicator; option: string | null }> {
    const out: Array<{ indicator: StoredIndicator; option: string | null }> = [];
    for (const indicator of this.indicators) {
      if (filter && !filter(indicator)) continue;
      if (indicator.options.length === 0) out.push({ indicator, option: null });
      else for (const option of indicator.options) out.push({ indicator, option: option.code });
    }
    return out;
  }

  /** The forms that list an indicator, in catalogue order. */
  formsFor(indicatorCode: string): readonly StoredForm[] {
    let found = this.formsByIndicator.get(indicatorCode);
    if (!found) {
      found = this.forms.filter((f) => f.indicators.includes(indicatorCode));
      this.formsByIndicator.set(indicatorCode, found);
    }
    return found;
  }
}
