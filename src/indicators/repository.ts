import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import type { SecrecyLevel } from '../shared/secrecy.ts';
import { assignUid, uidSeed } from '../shared/uid.ts';
import { takenUids } from '../units/repository.ts';
import type { AggregationRule, FieldCode, Indicator, ReportForm } from './model.ts';
import { Catalogue, type StoredForm, type StoredIndicator } from './registry.ts';

/**
 * Writes the catalogue definitions, matching by code: new indicators, options and forms are added, existing ones
 * updated in place so that their ids (and the values keyed on them) stay.
 */
export async function syncCatalogue(
  store: Store,
  indicators: Indicator[],
  forms: ReportForm[],
): Promise<void> {
  // Skipped when the definitions are those already stored, so that every start stays fast.
  const fingerprint = createHash('sha256').update(JSON.stringify({ indicators, forms })).digest('hex');
  const stored = await store.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'catalogue')
    .executeTakeFirst();
  if (stored?.value === fingerprint) return;
  await store.write(async (trx) => {
    await trx.deleteFrom('meta').where('key', '=', 'catalogue').execute();
    await trx.insertInto('meta').values({ key: 'catalogue', value: fingerprint }).execute();
    // A uid is given once, when the row is created, and never rewritten.
    const taken = await takenUids(trx);
    for (const [position, indicator] of indicators.entries()) {
      const row = {
        code: indicator.code,
        field: indicator.field,
        name_vi: indicator.nameVi,
        name_en: indicator.nameEn,
        unit: indicator.unit,
        value_type: indicator.valueType,
        decimals: indicator.decimals,
        aggregation: JSON.stringify(indicator.aggregation),
        good_direction: indicator.goodDirection,
        secrecy: indicator.secrecy,
        phrase_vi: indicator.phraseVi,
        conversions: JSON.stringify(indicator.conversions),
        position,
      };
      const existing = await trx
        .selectFrom('indicator')
        .select('id')
        .where('code', '=', indicator.code)
        .executeTakeFirst();
      let id: number;
      if (existing) {
        id = existing.id;
        await trx.updateTable('indicator').set(row).where('id', '=', id).execute();
      } else {
        const uid = assignUid(uidSeed.indicator(indicator.code), taken);
        id = (
          await trx
            .insertInto('indicator')
            .values({ ...row, uid })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      }
      for (const [optionPosition, option] of indicator.options.entries()) {
        const optionRow = {
          indicator_id: id,
          code: option.code,
          name_vi: option.nameVi,
          name_en: option.nameEn,
          position: optionPosition,
        };
        const found = await trx
          .selectFrom('indicator_option')
          .select('id')
          .where('indicator_id', '=', id)
          .where('code', '=', option.code)
          .executeTakeFirst();
        if (found)
          await trx.updateTable('indicator_option').set(optionRow).where('id', '=', found.id).execute();
        else
          await trx
            .insertInto('indicator_option')
            .values({ ...optionRow, uid: assignUid(uidSeed.option(indicator.code, option.code), taken) })
            .execute();
      }
    }
    for (const form of forms) {
      const row = {
        code: form.code,
        name_vi: form.nameVi,
        name_en: form.nameEn,
        period_type: form.periodType,
        reporter_kinds: JSON.stringify(form.reporters),
        deadline: JSON.stringify(form.deadline),
        secrecy: form.secrecy,
        regime: 'BCA',
      };
      const existing = await trx
        .selectFrom('report_form')
        .select('id')
        .where('code', '=', form.code)
        .executeTakeFirst();
      let id: number;
      if (existing) {
        id = existing.id;
        await trx.updateTable('report_form').set(row).where('id', '=', id).execute();
      } else {
        const uid = assignUid(uidSeed.form(form.code), taken);
        id = (
          await trx
            .insertInto('report_form')
            .values({ ...row, uid })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      }
      await trx.deleteFrom('form_indicator').where('form_id', '=', id).execute();
      for (const [position, code] of form.indicators.entries()) {
        const indicator = await trx
          .selectFrom('indicator')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('form_indicator')
          .values({ form_id: id, indicator_id: indicator.id, position })
          .execute();
      }
    }
  });
}

export async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const rows = await db.selectFrom('indicator').selectAll().orderBy('position').execute();
  const options = await db
    .selectFrom('indicator_option')
    .selectAll()
    .orderBy('indicator_id')
    .orderBy('position')
    .execute();
  const indicators: StoredIndicator[] = rows.map((r) => {
    const own = options.filter((o) => o.indicator_id === r.id);
    return {
      id: r.id,
      code: r.code,
      field: r.field as FieldCode,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      unit: r.unit,
      valueType: r.value_type as Indicator['valueType'],
      decimals: r.decimals,
      aggregation: JSON.parse(r.aggregation) as AggregationRule,
      goodDirection: r.good_direction as Indicator['goodDirection'],
      secrecy: r.secrecy as SecrecyLevel,
      phraseVi: r.phrase_vi,
      conversions: JSON.parse(r.conversions) as Indicator['conversions'],
      options: own.map((o) => ({ code: o.code, nameVi: o.name_vi, nameEn: o.name_en })),
      optionIds: new Map(own.map((o) => [o.code, o.id])),
    };
  });
  const formRows = await db.selectFrom('report_form').selectAll().orderBy('id').execute();
  const links = await db
    .selectFrom('form_indicator')
    .innerJoin('indicator', 'indicator.id', 'form_indicator.indicator_id')
    .select(['form_indicator.form_id', 'indicator.code'])
    .orderBy('form_indicator.form_id')
    .orderBy('form_indicator.position')
    .execute();
  const forms: StoredForm[] = formRows.map((f) => ({
    id: f.id,
    code: f.code,
    nameVi: f.name_vi,
    nameEn: f.name_en,
    periodType: f.period_type as ReportForm['periodType'],
    reporters: JSON.parse(f.reporter_kinds) as ReportForm['reporters'],
    deadline: JSON.parse(f.deadline) as ReportForm['deadline'],
    secrecy: f.secrecy as SecrecyLevel,
    indicators: links.filter((l) => l.form_id === f.id).map((l) => l.code),
  }));
  return new Catalogue(indicators, forms);
}
