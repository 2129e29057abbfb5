import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildFigure,
  buildSampleBriefingReport,
  buildSampleProvincialReport,
  withWindow,
} from './fixtures.ts';
import type { Figure } from './model.ts';
import {
  assessmentMovements,
  assignedTask,
  comparisonSentence,
  composeBriefing,
  fieldParagraphs,
  rateComparison,
  strengthsParagraph,
  weaknessesParagraph,
} from './narrative.ts';
import { crossesReorganisation, naturalLabel, RULES } from './rules.ts';

const fig = buildFigure;

const weapons = (value: [number, number], grenades: [number, number]) => [
  fig({
    indicator: 'weapons.guns',
    unit: 'khẩu',
    phrase: 'súng các loại',
    value: value[0],
    previous: value[1],
    samePeriodLastYear: value[1],
    goodDirection: 'up',
  }),
  fig({
    indicator: 'weapons.ammunition',
    unit: 'viên',
    phrase: 'viên đạn',
    value: 300,
    previous: 400,
    samePeriodLastYear: 400,
    goodDirection: 'up',
  }),
  fig({
    indicator: 'weapons.grenades',
    unit: 'quả',
    phrase: 'quả lựu đạn',
    value: grenades[0],
    previous: grenades[1],
    samePeriodLastYear: grenades[1],
    goodDirection: 'up',
  }),
];

describe('narrative rules (issue 15)', () => {
  const report = buildSampleBriefingReport();

  it('says "cả 3 tiêu chí" only of the traffic triple, never of guns, bullets and grenades', () => {
    const sentence = comparisonSentence(weapons([100, 120], [1, 3]), report) ?? '';
    assert.doesNotMatch(sentence, /tiêu chí/);
    assert.match(
      sentence,
      /giảm 20 khẩu súng các loại \(-16,67%\), giảm 100 viên đạn \(-25,00%\), giảm 2 quả lựu đạn[,;.]/,
    );
    assert.deepEqual(
      RULES.criteriaGroups.map((g) => g.indicators),
      [['traffic.accidents', 'traffic.deaths', 'traffic.injuries']],
    );
  });

  it('names every unchanged figure, grouped, instead of "không thay đổi, không thay đổi"', () => {
    const figures = [
      fig({ indicator: 'fire.cases', unit: 'vụ', phrase: 'vụ cháy', value: 227, previous: 205 }),
      fig({ indicator: 'fire.deaths', unit: 'người', phrase: 'người chết', value: 6, previous: 6 }),
      fig({ indicator: 'fire.injuries', unit: 'người', phrase: 'người bị thương', value: 11, previous: 11 }),
    ];
    const sentence = comparisonSentence(figures, report) ?? '';
    assert.doesNotMatch(sentence, /không thay đổi, không thay đổi/);
    assert.match(
      sentence,
      /tăng 22 vụ cháy \(\+10,73%\), số người chết và số người bị thương không thay đổi/,
    );
  });

  it('leaves out figures that are 0 in both periods and lists no zeros', () => {
    const field = {
      field: 'weapons' as const,
      title: 'x',
      notes: [],
      figures: [
        fig({
          indicator: 'weapons.guns',
          unit: 'khẩu',
          phrase: 'súng các loại',
          value: 4,
          previous: 2,
          goodDirection: 'up',
        }),
        fig({
          indicator: 'weapons.grenades',
          unit: 'quả',
          phrase: 'quả lựu đạn',
          value: 0,
          previous: 0,
          goodDirection: 'up',
        }),
      ],
    };
    const [text] = fieldParagraphs(field, report);
    assert.doesNotMatch(text ?? '', /\b0 quả|lựu đạn/);
  });

  it('compares rates in percentage points and notes a rate over 100%', () => {
    const rate = fig({
      indicator: 'crime.solve_rate',
      unit: '%',
      phrase: 'tỷ lệ',
      decimals: 2,
      value: 104.39,
      samePeriodLastYear: 92.5,
    });
    const text = rateComparison(rate as Figure & { value: number }, report);
    assert.match(text, /vượt 100%/);
    assert.match(text, /tăng 11,89 điểm phần trăm so với cùng kỳ năm 2019/);
  });

  it('writes assignees as those who lead', () => {
    assert.equal(
      assignedTask('Công an tỉnh Lai Châu', 'Khẩn trương hoàn thành việc triển khai Công an chính quy.'),
      'Công an tỉnh Lai Châu chủ trì khẩn trương hoàn thành việc triển khai Công an chính quy',
    );
  });

  it('uses natural labels, never machine labels in brackets', () => {
    assert.equal(
      naturalLabel('drug.seized_kg:heroin', 'Ma túy thu giữ (khối lượng)', 'heroin'),
      'lượng heroin thu giữ',
    );
    assert.equal(naturalLabel('x.y:z', 'Hàng giả phát hiện (hàng giả)', null), 'hàng giả phát hiện');
  });

  it('names the forces by level: the nation, a province, a commune', () => {
    const province = buildSampleProvincialReport();
    const drug = province.fields.find((f) => f.field === 'drug');
    assert.ok(drug);
    assert.match(fieldParagraphs(drug, province)[0] ?? '', /^Trong tháng, Công an tỉnh Nghệ An đã phát hiện/);
    const text = composeBriefing(province)
      .body.filter((b) => b.kind === 'paragraph' && b.source === 'generated')
      .map((b) => b.text)
      .join('\n');
    assert.doesNotMatch(text, /Công an các đơn vị, địa phương/);
  });

  it('judges by the notable-change test: no small bases, no structural series across the July 2025 reorganisation', () => {
    const r = withWindow(
      buildSampleBriefingReport(),
      { start: '2025-06-15', end: '2025-07-14' },
      { start: '2024-06-15', end: '2024-07-14', label: 'cùng kỳ năm 2024' },
    );
    r.fields = [
      {
        field: 'commune_police',
        title: 'x',
        notes: [],
        figures: [
          fig({
            indicator: 'commune_police.regular',
            unit: 'xã',
            phrase: 'xã',
            value: 3319,
            samePeriodLastYear: 10032,
            goodDirection: 'up',
          }),
        ],
      },
      {
        field: 'fire',
        title: 'y',
        notes: [],
        figures: [
          fig({
            indicator: 'fire.deaths',
            unit: 'người',
            phrase: 'người chết',
            value: 0,
            samePeriodLastYear: 1,
          }),
          fig({
            indicator: 'fire.cases',
            unit: 'vụ',
            phrase: 'vụ cháy',
            value: 120,
            samePeriodLastYear: 100,
          }),
        ],
      },
    ];
    const moved = assessmentMovements(r).map((m) => m.figure.indicator);
    assert.deepEqual(moved, ['fire.cases']);
    assert.ok(crossesReorganisation('2024-06-15', '2025-07-14'));
    assert.match(weaknessesParagraph(r) ?? '', /số vụ cháy tăng 20 vụ \(\+20,00%\)/);
    assert.doesNotMatch(
      `${strengthsParagraph(r)} ${weaknessesParagraph(r)}`,
      /giảm 100|Công an chính quy giảm/,
    );
  });

  it('judges deployment targets: reached in ưu điểm, behind in tồn tại', () => {
    const r = buildSampleBriefingReport();
    r.targets = [
      { name: 'Công an chính quy tại 100% xã', deadline: '2020-06-30', reached: 63, total: 63 },
      { name: 'Camera tại 100% trụ sở', deadline: '2020-02-14', reached: 40, total: 63 },
    ];
    assert.match(
      strengthsParagraph(r) ?? '',
      /Hoàn thành chỉ tiêu “Công an chính quy tại 100% xã” \(hạn 30\/06\/2020\): 63\/63 đơn vị đạt\./,
    );
    assert.match(
      weaknessesParagraph(r) ?? '',
      /Chưa hoàn thành chỉ tiêu “Camera tại 100% trụ sở” \(hạn 14\/02\/2020\): 40\/63 đơn vị đạt\./,
    );
  });
});
