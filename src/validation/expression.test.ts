import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMS, INDICATORS } from '../indicators/catalogue.ts';
import { Catalogue, type StoredForm, type StoredIndicator } from '../indicators/registry.ts';
import { evaluate, parseRule, RuleSyntaxError, references, show } from './expression.ts';
import { DEMO_RULES, type ValidationRule } from './rules.ts';
import { checkRules, rulesForIndicators, validateFigures } from './validate.ts';

function syntaxError(text: string): RuleSyntaxError {
  try {
    parseRule(text);
  } catch (error) {
    if (error instanceof RuleSyntaxError) return error;
    throw error;
  }
  assert.fail(`"${text}" parsed`);
}

function catalogue(): Catalogue {
  let optionId = 1;
  const indicators: StoredIndicator[] = INDICATORS.map((indicator, i) => ({
    ...indicator,
    id: i + 1,
    optionIds: new Map(indicator.options.map((o) => [o.code, optionId++])),
  }));
  const forms: StoredForm[] = FORMS.map((form, i) => ({ ...form, id: i + 1 }));
  return new Catalogue(indicators, forms);
}

const figures = (entries: Array<[string, number | null]>) => new Map(entries);

describe('rule parser', () => {
  it('applies precedence: * before +, arithmetic before comparison, not > and > or > =>', () => {
    assert.equal(show(parseRule('a + b * 2 > c')), '((a + (b * 2)) > c)');
    assert.equal(show(parseRule('a - b - c > 0')), '(((a - b) - c) > 0)');
    assert.equal(show(parseRule('a > 0 or b > 0 and c > 0')), '((a > 0) or ((b > 0) and (c > 0)))');
    assert.equal(show(parseRule('not a > 0 and b > 0')), '((not (a > 0)) and (b > 0))');
    assert.equal(show(parseRule('a > 0 => b > 0 => c > 0')), '((a > 0) => ((b > 0) => (c > 0)))');
    assert.equal(show(parseRule('a > 0 or b > 0 => c > 0')), '(((a > 0) or (b > 0)) => (c > 0))');
    assert.equal(show(parseRule('-a * 2 < (b + 1) / 3')), '(((-a) * 2) < ((b + 1) / 3))');
    assert.equal(show(parseRule('fire.deaths <= 100 * fire.cases')), '(fire.deaths <= (100 * fire.cases))');
    assert.equal(
      show(parseRule('drug.seized_tablets[synthetic] > 0 => drug.cases > 0')),
      '((drug.seized_tablets[synthetic] > 0) => (drug.cases > 0))',
    );
    assert.equal(show(parseRule('sum(drug.seized_kg) >= 0.5')), '(sum(drug.seized_kg) >= 0.5)');
    assert.equal(show(parseRule('a = 1')), '(a == 1)');
  });

  it('lists the indicators a rule reads', () => {
    assert.deepEqual(references(parseRule('sum(drug.seized_kg) > 0 => drug.cases[x] + y > 0')), [
      { indicator: 'drug.seized_kg', option: '*' },
      { indicator: 'drug.cases', option: 'x' },
      { indicator: 'y', option: null },
    ]);
  });

  it('reports syntax errors with their column', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['a > ', 5, /hết biểu thức/],
      ['a > 0 b', 7, /"b"/],
      ['(a > 0', 7, /"\)"/],
      ['a $ 0', 3, /ký tự không hợp lệ "\$"/],
      ['a < b < c', 7, /nối tiếp/],
      ['a[x.y] > 0', 3, /mã phân tổ/],
      ['sum(a[x]) > 0', 6, /không nhận phân tổ/],
      ['a. > 0', 2, /dấu chấm/],
      ['2a > 0', 2, /dính liền/],
      ['a > 0 and 3', 7, /cần mệnh đề/],
      ['(a > 0) + 1 > 2', 9, /cần số/],
      ['a + 1', 1, /phải là một điều kiện/],
      ['and > 0', 1, /mã chỉ tiêu/],
    ];
    for (const [text, column, reason] of cases) {
      const error = syntaxError(text);
      assert.equal(error.column, column, `${text}: ${error.reasonVi}`);
      assert.match(error.reasonVi, reason, text);
      assert.ok(error.reasonEn.length > 0);
    }
  });

  it('never runs the text as code', () => {
    assert.throws(() => parseRule('constructor.constructor("return process")() > 0'), RuleSyntaxError);
    assert.throws(() => parseRule('a > 0; process.exit(1)'), RuleSyntaxError);
  });
});

describe('rule evaluation', () => {
  const rule = parseRule('drug.seized_tablets[synthetic] > 0 => drug.cases > 0');

  it('treats a missing figure as 0 and skips a rule whose figures are all missing', () => {
    assert.equal(evaluate(rule, figures([['drug.seized_tablets/synthetic', 500]])).result, false);
    assert.equal(
      evaluate(
        rule,
        figures([
          ['drug.seized_tablets/synthetic', 500],
          ['drug.cases', null],
        ]),
      ).result,
      false,
    );
    assert.equal(
      evaluate(
        rule,
        figures([
          ['drug.seized_tablets/synthetic', 500],
          ['drug.cases', 2],
        ]),
      ).result,
      true,
    );
    assert.equal(evaluate(rule, figures([['drug.seized_tablets/synthetic', 0]])).result, true);
    const none = evaluate(
      rule,
      figures([
        ['drug.seized_tablets/synthetic', null],
        ['drug.cases', null],
      ]),
    );
    assert.equal(none.result, null);
    assert.equal(none.anyPresent, false);
    assert.deepEqual(none.fields, ['drug.seized_tablets/synthetic', 'drug.cases']);
  });

  it('sums the options present and names each of them', () => {
    const expr = parseRule('sum(drug.seized_kg) > 0 => drug.cases > 0');
    const result = evaluate(
      expr,
      figures([
        ['drug.seized_kg/heroin', null],
        ['drug.seized_kg/synthetic', 0.4],
        ['drug.cases', 0],
      ]),
    );
    assert.equal(result.result, false);
    assert.deepEqual(result.fields, ['drug.seized_kg/heroin', 'drug.seized_kg/synthetic', 'drug.cases']);
  });

  it('leaves a division by zero undecided, following three-valued logic', () => {
    assert.equal(
      evaluate(
        parseRule('a / b > 1'),
        figures([
          ['a', 3],
          ['b', 0],
        ]),
      ).result,
      null,
    );
    assert.equal(
      evaluate(
        parseRule('a / b > 1 and a > 5'),
        figures([
          ['a', 3],
          ['b', 0],
        ]),
      ).result,
      false,
    );
    assert.equal(
      evaluate(
        parseRule('a / b > 1 or a > 2'),
        figures([
          ['a', 3],
          ['b', 0],
        ]),
      ).result,
      true,
    );
  });

  it('compares decimals with a tolerance', () => {
    assert.equal(
      evaluate(
        parseRule('a + b == 0.3'),
        figures([
          ['a', 0.1],
          ['b', 0.2],
        ]),
      ).result,
      true,
    );
  });
});

describe('validateFigures', () => {
  const rules: ValidationRule[] = [
    {
      id: 'r1',
      expression: 'crime.solved <= crime.occurred',
      messageVi: 'khám phá nhiều hơn xảy ra',
      messageEn: 'solved more than occurred',
      importance: 'warning',
    },
    {
      id: 'r2',
      expression: 'traffic.deaths + traffic.injuries > 0 => traffic.accidents > 0',
      messageVi: 'thương vong không có vụ',
      messageEn: 'casualties without accidents',
      importance: 'critical',
    },
  ];

  it('returns the broken rules with their cells', () => {
    const found = validateFigures(
      figures([
        ['crime.solved', 5],
        ['crime.occurred', 3],
        ['traffic.deaths', 1],
      ]),
      rules,
    );
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.severity, f.fields]),
      [
        ['r1', 'warning', ['crime.solved', 'crime.occurred']],
        ['r2', 'critical', ['traffic.deaths', 'traffic.injuries', 'traffic.accidents']],
      ],
    );
    assert.deepEqual(validateFigures(new Map(), rules), []);
    assert.deepEqual(
      validateFigures(
        figures([
          ['crime.solved', 2],
          ['crime.occurred', 3],
        ]),
        rules,
      ),
      [],
    );
  });

  it('ships demo rules that parse and match the catalogue', () => {
    assert.ok(DEMO_RULES.length >= 6 && DEMO_RULES.length <= 10);
    assert.deepEqual(checkRules(DEMO_RULES, catalogue()), []);
    const monthly = FORMS.find((f) => f.code === 'BC-THANG');
    assert.ok(monthly);
    assert.equal(rulesForIndicators(DEMO_RULES, monthly.indicators).length, DEMO_RULES.length);
    assert.equal(rulesForIndicators(DEMO_RULES, ['security.incidents']).length, 0);
  });

  it('finds rules that name unknown indicators or read an indicator with options bare', () => {
    const problems = checkRules(
      [
        { ...rules[0], id: 'x', expression: 'drug.seized_kg > 0' } as ValidationRule,
        { ...rules[0], id: 'y', expression: 'drug.nothing > 0' } as ValidationRule,
        { ...rules[0], id: 'z', expression: 'drug.cases[heroin] > 0' } as ValidationRule,
        { ...rules[0], id: 'w', expression: 'drug.cases >' } as ValidationRule,
      ],
      catalogue(),
    );
    assert.deepEqual(
      problems.map((p) => p.ruleId),
      ['x', 'y', 'z', 'w'],
    );
    assert.match(problems[0]?.reasonVi ?? '', /sum\(drug\.seized_kg\)/);
    assert.equal(problems[3]?.column, 13);
  });
});
