/**
 * Validation rules as data. `critical` blocks submission; `warning` lets the report through only when one of the
 * rule's cells carries a comment explaining the figure (a month can legitimately solve more crimes than occurred:
 * older cases are solved too).
 */
export type RuleImportance = 'critical' | 'warning';

export interface ValidationRule {
  id: string;
  /** An expression in the rule language of expression.ts. */
  expression: string;
  messageVi: string;
  messageEn: string;
  importance: RuleImportance;
}

export const DEMO_RULES: readonly ValidationRule[] = [
  {
    id: 'drug.tablets_need_case',
    expression: 'drug.seized_tablets[synthetic] > 0 => drug.cases > 0',
    messageVi: 'Có thu giữ ma túy tổng hợp dạng viên nhưng không có vụ phạm tội về ma túy',
    messageEn: 'Tablets seized require at least one drug case',
    importance: 'critical',
  },
  {
    id: 'drug.mass_needs_case',
    expression: 'sum(drug.seized_kg) > 0 => drug.cases > 0',
    messageVi: 'Có khối lượng ma túy thu giữ nhưng không có vụ phạm tội về ma túy',
    messageEn: 'Drugs seized by mass require at least one drug case',
    importance: 'critical',
  },
  {
    id: 'drug.suspects_per_case',
    expression: 'drug.cases > 0 => drug.suspects >= drug.cases',
    messageVi: 'Số đối tượng phạm tội về ma túy ít hơn số vụ (mỗi vụ thường có ít nhất một đối tượng)',
    messageEn: 'Fewer drug suspects than drug cases (a case usually has at least one suspect)',
    importance: 'warning',
  },
  {
    id: 'drug.brick_mass',
    // A brick of heroin weighs about 350 g; less than 200 g a brick suggests grams typed as kilograms or a slip.
    expression:
      'drug.seized_bricks[heroin] > 0 => drug.seized_kg[heroin] >= 0.2 * drug.seized_bricks[heroin]',
    messageVi: 'Khối lượng heroin thu giữ quá nhỏ so với số bánh (một bánh khoảng 0,35 kg)',
    messageEn: 'Heroin mass too small for the number of bricks (a brick is about 0.35 kg)',
    importance: 'warning',
  },
  {
    id: 'crime.solved_le_occurred',
    expression: 'crime.solved <= crime.occurred',
    messageVi: 'Số vụ điều tra, khám phá nhiều hơn số vụ xảy ra; ghi chú nếu có án tồn từ kỳ trước',
    messageEn: 'More crimes solved than occurred; comment if older cases were solved',
    importance: 'warning',
  },
  {
    id: 'traffic.victims_need_accident',
    expression: 'traffic.deaths + traffic.injuries > 0 => traffic.accidents > 0',
    messageVi: 'Có người chết hoặc bị thương do tai nạn giao thông nhưng số vụ tai nạn bằng 0',
    messageEn: 'Traffic deaths or injuries reported without any traffic accident',
    importance: 'critical',
  },
  {
    id: 'fire.victims_need_event',
    expression: 'fire.deaths + fire.injuries + fire.damage > 0 => fire.cases + fire.explosions > 0',
    messageVi: 'Có thương vong hoặc thiệt hại do cháy, nổ nhưng không có vụ cháy, nổ nào',
    messageEn: 'Fire casualties or damage reported without any fire or explosion',
    importance: 'critical',
  },
  {
    id: 'fire.deaths_per_event',
    expression: 'fire.deaths <= 100 * (fire.cases + fire.explosions)',
    messageVi: 'Số người chết do cháy, nổ quá lớn so với số vụ (hơn 100 người mỗi vụ)',
    messageEn: 'Fire deaths exceed 100 per fire or explosion',
    importance: 'warning',
  },
  {
    id: 'gambling.suspects_per_case',
    expression: 'gambling.cases > 0 => gambling.suspects >= gambling.cases',
    messageVi: 'Số đối tượng đánh bạc ít hơn số vụ',
    messageEn: 'Fewer gambling suspects than gambling cases',
    importance: 'warning',
  },
  {
    id: 'economy.goods_need_case',
    expression: 'economy.goods_value > 0 => sum(economy.cases) > 0',
    messageVi:
      'Có trị giá hàng hóa vi phạm thu giữ nhưng không có vụ buôn lậu, gian lận thương mại, hàng giả',
    messageEn: 'Seized goods value reported without any smuggling, fraud or counterfeit case',
    importance: 'critical',
  },
];
