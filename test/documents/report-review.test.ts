import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { SYSTEM_ACTOR } from '../../src/audit/actor.ts';
import { buildAppendices, composeBriefing } from '../../src/documents/index.ts';
import type { BriefingReport } from '../../src/documents/model.ts';
import { figureChange, percentText } from '../../src/documents/narrative.ts';
import { unitTableRows } from '../../src/documents/tables.ts';
import { buildBriefingReport } from '../../src/reports/briefing.ts';
import { renderBriefing } from '../../src/reports/render.ts';
import { addEvent, saveDocumentSetting } from '../../src/reports/settings.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/** The reports a ministry staff officer reads through: months, a quarter, a year, nationally and for a province. */
const CASES: Array<{ unit: string; period: string }> = [
  { unit: 'BCA', period: '2020-02' },
  { unit: 'BCA', period: '2025-07' },
  { unit: 'BCA', period: '2026-10' },
  { unit: 'BCA', period: '2020-Q1' },
  { unit: 'BCA', period: '2020-H1' },
  { unit: 'BCA', period: '2020-09-ytd' },
  { unit: 'BCA', period: '2025' },
  { unit: '40', period: '2025' },
];

/** The generated paragraphs (people's text is printed verbatim and not judged here). */
function paragraphs(report: BriefingReport): string[] {
  return composeBriefing(report)
    .body.filter((b) => b.kind === 'paragraph' && b.source === 'generated')
    .map((b) => b.text);
}

describe('review of generated reports (issue 15; issue 13 cases 5–7)', () => {
  let app: TestApp;
  const reports = new Map<string, BriefingReport>();
  before(async () => {
    app = await createTestApp({ demo: true });
    const bca = app.ctx.graph.findByCode('BCA', '2025-12-14');
    const province = app.ctx.graph.findByCode('40', '2025-12-14');
    assert.ok(bca && province);
    await saveDocumentSetting(
      app.ctx,
      bca.id,
      {
        symbol: null,
        signers: [
          {
            authority: 'KT. BỘ TRƯỞNG',
            position: 'THỨ TRƯỞNG',
            rank: 'Thượng tướng',
            name: 'Nguyễn Văn Thử',
          },
        ],
      },
      SYSTEM_ACTOR,
      0,
    );
    await saveDocumentSetting(
      app.ctx,
      province.id,
      {
        symbol: null,
        signers: [{ authority: null, position: 'GIÁM ĐỐC', rank: 'Thiếu tướng', name: 'Trần Văn Mẫu' }],
      },
      SYSTEM_ACTOR,
      0,
    );
    await addEvent(
      app.ctx,
      bca.id,
      {
        date: '2020-01-25',
        secrecy: 'none',
        text: 'Tết Nguyên đán Canh Tý; dịch Covid-19 bắt đầu lan rộng ở các nước trong khu vực',
      },
      SYSTEM_ACTOR,
    );
    for (const c of CASES)
      reports.set(
        `${c.unit}/${c.period}`,
        await buildBriefingReport(app.ctx, { unit: c.unit, period: c.period, clearance: 'tuyet_mat' }),
      );
  });
  after(async () => {
    await app?.close();
  });

  it('shows none of the listed defects in any report', () => {
    for (const [key, report] of reports) {
      const composed = composeBriefing(report);
      const texts = paragraphs(report);
      const all = texts.join('\n');
      // No comparison without its figure, no zero lists, no "3 tiêu chí" outside traffic.
      assert.doesNotMatch(all, /, không thay đổi[,;.]|không thay đổi, không thay đổi/, key);
      assert.doesNotMatch(all, /(?<![\d.,])0 (vụ|quả|khẩu|viên|báo cáo|đối tượng|người)\b/, key);
      for (const t of texts.filter((x) => /tiêu chí/.test(x)))
        assert.match(t, /tai nạn giao thông/, `${key}: ${t}`);
      // A rate above 100% always carries its note.
      for (const m of all.matchAll(/(\d{3},\d{2})%/g))
        if (Number(m[1]?.replace(',', '.')) > 100)
          assert.match(all.slice(m.index ?? 0, (m.index ?? 0) + 160), /vượt 100%/, key);
      // Two decimals on every percentage; vi-VN grouping; no "(-4%)" next to "(-13,09%)".
      for (const m of all.matchAll(/(?:\(|đạt (?:tỷ lệ )?)([+-]?[\d.]+(?:,\d+)?)%/g))
        assert.match(m[1] ?? '', /,\d{2}$/, `${key}: ${m[0]}`);
      assert.doesNotMatch(all, /\d{1,3},\d{3}(?!\d|%)/, key);
      // No machine labels, no assignees in brackets, no "1 đơn vị phải gửi".
      assert.doesNotMatch(all, /\((kg|viên|hàng giả)\)|chủ trì\)|đơn vị phải gửi|\(\w+ \(/, key);
      // No repeated sentence (generated text) within a report.
      const seen = new Set<string>();
      for (const t of composed.body.filter((b) => b.kind === 'paragraph' && b.source === 'generated')) {
        for (const sentence of t.text.split(/(?<=\.)\s+/).filter((s) => s.length > 40)) {
          assert.ok(!seen.has(sentence), `${key}: repeated "${sentence}"`);
          seen.add(sentence);
        }
      }
      // No empty section: every heading is followed by text or a sub-heading of a lower level.
      composed.body.forEach((b, i) => {
        if (b.kind !== 'heading') return;
        const nextBlock = composed.body[i + 1];
        assert.ok(
          nextBlock && (nextBlock.kind === 'paragraph' || nextBlock.level > b.level),
          `${key}: empty section "${b.text}"`,
        );
      });
      // The signer's name, the symbol of the unit, the date of the issue moment.
      assert.ok(composed.signerName.length > 5, key);
      assert.match(composed.numberLine, key.startsWith('BCA') ? /\/BC-BCA-V01$/ : /\/BC-CAT-PV01$/, key);
      assert.ok(report.document.issueDate > report.period.windowEnd, key);
      assert.ok(report.document.issueDate < '2026-11-29' || key === 'BCA/2026-10', key);
    }
  });

  it('writes levels and structure by kind: a province as itself, a year against the year before as a tổng kết', () => {
    const province = reports.get('40/2025');
    assert.ok(province);
    const text = paragraphs(province).join('\n');
    assert.match(text, /Trong năm, Công an tỉnh Nghệ An đã/);
    assert.doesNotMatch(text, /Công an các đơn vị, địa phương/);
    assert.match(province.document.summary, /^Tổng kết công tác năm 2025, phương hướng nhiệm vụ năm 2026$/);
    assert.doesNotMatch(text, /So với năm 2024,.*so với cùng kỳ năm 2024/);
    assert.match(text, /So với năm 2024, tăng 23 vụ/);
    assert.doesNotMatch(text, /cùng kỳ năm 2024|đợt cao điểm Cao điểm/);
    assert.equal(
      reports.get('BCA/2020-H1')?.document.summary.startsWith('Sơ kết công tác 6 tháng đầu năm 2020'),
      true,
    );
    assert.match(
      reports.get('BCA/2020-09-ytd')?.document.summary ?? '',
      /9 tháng đầu năm 2020, phương hướng nhiệm vụ quý IV năm 2020/,
    );
    assert.match(
      reports.get('BCA/2020-Q1')?.document.summary ?? '',
      /quý I năm 2020, phương hướng nhiệm vụ quý II năm 2020/,
    );
  });

  it('gives "Tình hình chung" from records: the register, campaigns, the reorganisation', () => {
    const feb = composeBriefing(reports.get('BCA/2020-02') as BriefingReport)
      .body.map((b) => b.text)
      .join('\n');
    assert.match(feb, /Ngày 25\/01\/2020, tết Nguyên đán Canh Tý; dịch Covid-19/);
    assert.match(feb, /cao điểm/i);
    const july = reports.get('BCA/2025-07') as BriefingReport;
    assert.match(paragraphs(july).join('\n'), /sắp xếp đơn vị hành chính/);
    // July 2025: the commune count is structural, never a shortcoming or an achievement.
    assert.doesNotMatch(paragraphs(july).join('\n'), /Công an chính quy (giảm|tăng) [\d.]+ xã/);
  });

  it('quotes the same change as the tables, with the same rounding (issue 13.5)', () => {
    for (const [key, report] of reports) {
      const table = report.unitTable;
      if (!table?.total) continue;
      const all = paragraphs(report).join('\n');
      for (const field of report.fields)
        for (const f of field.figures) {
          const cell = table.total.cells[`${f.indicator}${f.option ? `:${f.option}` : ''}`];
          if (!cell || f.samePeriodLastYear === null) continue;
          // The appendix total row's change and the narrative's change come from the same numbers.
          const rows = unitTableRows([], table.total, {
            indicator: f.indicator,
            option: f.option,
            title: '',
            unit: f.unit,
            decimals: f.decimals,
            secrecy: f.secrecy,
          });
          const yoyCell = rows.at(-1)?.[6]?.text ?? '';
          const c = figureChange(f, 'yoy');
          if (!c || c.percent === null || yoyCell === '–') continue;
          const sign = c.direction === 'up' ? '+' : c.direction === 'down' ? '-' : '';
          assert.equal(yoyCell, `${sign}${percentText(Math.abs(c.percent))}`, `${key} ${f.indicator}`);
          if (all.includes(`(${sign}${percentText(Math.abs(c.percent))})`)) continue;
        }
    }
  });

  it('quotes no percentage the engine did not compute (issue 13.5)', () => {
    for (const [key, report] of reports) {
      // The figures carry the engine's computed changes; the narrative prints those.
      assert.ok(
        report.fields.every((f) => f.figures.every((g) => g.changeYoy !== undefined)),
        key,
      );
      const allowed = new Set<string>();
      for (const field of report.fields)
        for (const f of field.figures)
          for (const which of ['prev', 'yoy'] as const) {
            const c = figureChange(f, which);
            if (c?.percent == null) continue;
            allowed.add(`${c.direction === 'up' ? '+' : '-'}${percentText(Math.abs(c.percent))}`);
          }
      const quoted = [
        ...paragraphs(report)
          .join('\n')
          .matchAll(/\(([+-][\d.]+,\d{2}%)\)/g),
      ].map((m) => m[1]);
      assert.ok(quoted.length > 0, key);
      for (const q of quoted) assert.ok(allowed.has(q ?? ''), `${key}: ${q} is not an engine change`);
    }
  });

  it('has totals that add up to their rows, with the ministry departments and the province level (issue 13.6)', () => {
    for (const [key, report] of reports) {
      const table = report.unitTable;
      if (!table?.total) continue;
      for (const column of table.columns) {
        const k = `${column.indicator}${column.option ? `:${column.option}` : ''}`;
        for (const part of ['value', 'previous', 'samePeriodLastYear'] as const) {
          const rows = [...table.rows, ...(table.own ? [table.own] : [])];
          const sum = rows.reduce((a, r) => a + (r.cells[k]?.[part] ?? 0), 0);
          const total = table.total.cells[k]?.[part] ?? 0;
          assert.ok(Math.abs(sum - total) < 1e-6, `${key} ${k} ${part}: ${sum} ≠ ${total}`);
        }
      }
      // The printed appendix adds up too, within the rounding of its cells.
      const composed = composeBriefing(report);
      for (const appendix of buildAppendices(report, composed).slice(0, table.columns.length)) {
        if (appendix.content.kind !== 'table') continue;
        const rows = appendix.content.table.rows;
        const total = rows.at(-1)?.[2]?.value ?? 0;
        const sum = rows.slice(0, -1).reduce((a, r) => a + (r[2]?.value ?? 0), 0);
        assert.ok(Math.abs(sum - total) <= 0.05 * rows.length, `${key} ${appendix.title}: ${sum} ≠ ${total}`);
      }
    }
    const national = reports.get('BCA/2020-02') as BriefingReport;
    assert.equal(national.unitTable?.own?.unitName, 'Các đơn vị thuộc Bộ');
  });

  it('stays in its time: dated from the issue moment, no task set after the window, same figures when regenerated (issue 13.7)', async () => {
    const feb = reports.get('BCA/2020-02') as BriefingReport;
    assert.ok(feb.document.issueDate.startsWith('2020-0'), feb.document.issueDate);
    assert.ok(feb.issueMoment);
    // The meeting of 26/02/2020 sets tasks after the window (15/01–14/02): they belong to the next report.
    assert.ok(feb.tasks.every((t) => !/30\/06\/2020/.test(t.deadline ?? '')));
    assert.ok(!feb.tasks.some((t) => t.deadline === '2020-06-30'));
    app.clock.set('2026-12-04');
    const again = await buildBriefingReport(app.ctx, {
      unit: 'BCA',
      period: '2020-02',
      clearance: 'tuyet_mat',
    });
    assert.equal(again.document.issueDate, feb.document.issueDate);
    assert.deepEqual(paragraphs(again), paragraphs(feb));
  });

  it('renders a quarterly report to .docx with the period in its title', async () => {
    const result = await renderBriefing(app.ctx, {
      unit: 'BCA',
      period: '2020-Q1',
      format: 'docx',
      clearance: 'tuyet_mat',
    });
    const xml =
      (await (await JSZip.loadAsync(result.buffer)).file('word/document.xml')?.async('string')) ?? '';
    assert.match(xml.replace(/<[^>]+>/g, ''), /Kết quả công tác quý I năm 2020/);
  });
});
