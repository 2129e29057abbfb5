import { formatAdministrativeDate, formatDate, type IsoDate } from '../vietnamese/dates.ts';

/**
 * The Thông báo kết luận (type TB under Decree 30/2020) as plain text: the heading, what the meeting was, the
 * summary, and the directives numbered as the tasks that follow them up. The .docx rendering is the documents
 * module's concern; this is the content it takes.
 */
export function conclusionText(input: {
  meeting: { title: string; heldOn: IsoDate; place: string; chair: string; periodLabel: string };
  number: string;
  date: IsoDate;
  summary: string | null;
  directives: Array<{ content: string; lead: string; coordinating: string[]; deadline: string }>;
}): string {
  const m = input.meeting;
  const lines = [
    'BỘ CÔNG AN',
    `Số: ${input.number}`,
    `Hà Nội, ${formatAdministrativeDate(input.date)}`,
    '',
    'THÔNG BÁO',
    `Kết luận của đồng chí chủ trì tại ${m.title}`,
    '',
    `Ngày ${formatDate(m.heldOn)}, tại ${m.place}, ${m.chair} chủ trì ${m.title.charAt(0).toLowerCase()}${m.title.slice(1)} đánh giá kết quả công tác ${m.periodLabel.toLowerCase()}. Sau khi nghe báo cáo và ý kiến phát biểu, đồng chí chủ trì kết luận như sau:`,
  ];
  if (input.summary?.trim()) lines.push('', input.summary.trim());
  lines.push('', 'Các nội dung chỉ đạo:');
  input.directives.forEach((d, i) => {
    const with_ = d.coordinating.length > 0 ? `; phối hợp: ${d.coordinating.join(', ')}` : '';
    lines.push(`${i + 1}. ${d.content} (Chủ trì: ${d.lead}${with_}; thời hạn: ${d.deadline}).`);
  });
  lines.push(
    '',
    'Văn phòng Bộ theo dõi, đôn đốc và tổng hợp kết quả thực hiện, báo cáo tại hội nghị giao ban kỳ sau.',
  );
  return lines.join('\n');
}
