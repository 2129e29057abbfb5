import type { AppContext } from '../app/context.ts';
import { type Actor, SYSTEM_ACTOR } from '../audit/actor.ts';
import { tetDate } from '../calendar/index.ts';
import { createCampaign } from '../campaigns/service.ts';
import type { CampaignRule } from '../campaigns/window.ts';
import { tetName } from '../campaigns/window.ts';
import { createCommendation } from '../commendations/service.ts';
import {
  createMeeting,
  holdMeeting,
  issueConclusion,
  requireMeeting,
  setMinutes,
} from '../meetings/service.ts';
import { createTarget } from '../targets/service.ts';
import { loadTasks } from '../tasks/repository.ts';
import { applyTaskAction, assignDirective, type TaskActionInput } from '../tasks/service.ts';
import type { Deadline } from '../tasks/status.ts';
import { addDays, type IsoDate } from '../vietnamese/dates.ts';

const BRIEFING_KEY = 'demo.briefing';

const OFFICE: Actor = { id: null, name: 'Văn phòng Bộ Công an (dữ liệu minh họa)' };

/** The daily Tết window the demo has figures for: 23 tháng Chạp to mùng 10 tháng Giêng. */
const TET_RULE: CampaignRule = {
  kind: 'lunar',
  start: { month: 12, day: 23, yearOffset: -1 },
  end: { month: 1, day: 10 },
};

const TET_INDICATORS = [
  'traffic.accidents',
  'traffic.deaths',
  'traffic.injuries',
  'fire.cases',
  'crime.occurred',
];

type Step = [IsoDate, TaskActionInput];

interface DemoDirective {
  content: string;
  lead: string;
  coordinating: string[];
  deadline: Deadline;
  indicators?: string[];
  /** Per unit code, what happened to its task. */
  history: Record<string, Step[]>;
}

const report = (note: string, extra: Partial<TaskActionInput> = {}): TaskActionInput => ({
  action: 'report',
  note,
  ...extra,
});
const done = (note: string): TaskActionInput => ({ action: 'report_done', note });
const confirm: TaskActionInput = { action: 'confirm', note: 'Văn phòng Bộ xác nhận hoàn thành' };

/** The directives of the Minister's conclusion at the February 2020 briefing, as the seed article lists them. */
const FEBRUARY_2020: DemoDirective[] = [
  {
    content:
      'Khẩn trương hoàn thành việc triển khai Công an chính quy đảm nhiệm chức danh Công an xã tại 100% địa bàn, bố trí, sắp xếp nhân sự phù hợp với công tác Đại hội Đảng bộ cấp cơ sở ở địa phương.',
    lead: 'C06',
    coordinating: ['01', '12', '64'],
    deadline: { kind: 'date', date: '2020-06-30' },
    indicators: ['commune_police.coverage'],
    history: {
      C06: [
        [
          '2020-03-20',
          report('Ban hành hướng dẫn bố trí Công an chính quy về xã; tổng hợp tiến độ hằng tháng.'),
        ],
        ['2020-06-22', done('100% tỉnh đã có kế hoạch; đã tổng hợp báo cáo Bộ.')],
        ['2020-06-26', confirm],
      ],
      '01': [
        [
          '2020-04-10',
          report('Đã bố trí Công an chính quy tại 412/579 xã, thị trấn.', {
            figures: { 'commune_police.regular': 412 },
          }),
        ],
        ['2020-07-28', done('Hoàn thành bố trí Công an chính quy tại 100% xã, thị trấn.')],
        ['2020-08-10', confirm],
      ],
      '12': [
        ['2020-04-15', report('Đã bố trí 52/108 xã; khó khăn về nhà ở, trụ sở tại các xã biên giới.')],
        ['2020-09-20', report('Đã bố trí 97/108 xã.', { figures: { 'commune_police.regular': 97 } })],
      ],
      '64': [
        ['2020-05-05', report('Đã bố trí 180/220 xã.')],
        [
          '2020-06-15',
          { action: 'request_extension', note: 'Đề nghị gia hạn do địa bàn rộng, thiếu biên chế.' },
        ],
        [
          '2020-06-20',
          {
            action: 'approve_extension',
            note: 'Đồng ý gia hạn đến 30/9/2020',
            deadline: { kind: 'date', date: '2020-09-30' },
          },
        ],
        ['2020-09-18', done('Hoàn thành bố trí tại 220/220 xã.')],
        ['2020-09-25', confirm],
      ],
    },
  },
  {
    content:
      'Tiếp tục theo dõi sát diễn biến của dịch bệnh Covid-19, thực hiện nghiêm túc các chỉ đạo của Bộ về phòng, chống dịch; chủ động tham mưu, phối hợp chính quyền địa phương các giải pháp ngăn chặn dịch bùng phát, lây lan; báo cáo kết quả hằng tháng.',
    lead: 'V01',
    coordinating: ['79', '01'],
    deadline: { kind: 'monthly', day: 25, until: '2020-12-31' },
    history: {
      V01: [
        ...(['03', '04', '05', '06', '07', '08', '09', '10', '11'] as const).map(
          (m): Step => [
            `2020-${m}-22`,
            report(`Tổng hợp tình hình phòng, chống dịch tháng ${Number(m)}/2020.`),
          ],
        ),
        ['2020-12-21', done('Tổng hợp kết quả phòng, chống dịch năm 2020.')],
        ['2020-12-29', confirm],
      ],
      '79': [
        ...(['03', '04', '05', '06', '07', '09', '10', '11'] as const).map(
          (m): Step => [`2020-${m}-20`, report(`Báo cáo kết quả phòng, chống dịch tháng ${Number(m)}/2020.`)],
        ),
        // August was reported late, in September.
        ['2020-09-02', report('Bổ sung báo cáo tháng 8/2020.', { period: '2020-08' })],
        ['2020-12-18', done('Báo cáo tổng kết năm 2020.')],
        ['2021-01-08', confirm],
      ],
      '01': [
        ...(['03', '04', '05', '06'] as const).map(
          (m): Step => [`2020-${m}-24`, report(`Báo cáo kết quả phòng, chống dịch tháng ${Number(m)}/2020.`)],
        ),
      ],
    },
  },
  {
    content:
      'Triển khai Kế hoạch bảo đảm tuyệt đối an ninh, an toàn các sự kiện cấp quốc gia, quốc tế năm Chủ tịch ASEAN 2020; bảo đảm an ninh mạng, an ninh thông tin.',
    lead: 'A05',
    coordinating: ['01', '48'],
    deadline: { kind: 'date', date: '2020-12-31' },
    history: {
      A05: [
        ['2020-06-30', report('Bảo đảm an ninh mạng cho Hội nghị Cấp cao ASEAN 36 (trực tuyến).')],
        ['2020-11-20', done('Hoàn thành bảo đảm an ninh mạng Hội nghị Cấp cao ASEAN 37.')],
        ['2020-12-02', confirm],
      ],
      '01': [
        ['2020-11-16', done('Bảo đảm tuyệt đối an ninh, an toàn các hội nghị tổ chức tại Hà Nội.')],
        ['2020-11-30', confirm],
      ],
      '48': [
        ['2020-12-28', done('Hoàn thành bảo đảm an ninh các sự kiện tại Đà Nẵng.')],
        ['2021-01-12', confirm],
      ],
    },
  },
  {
    content: `Tổng kết cao điểm tấn công, trấn áp tội phạm bảo đảm ANTT dịp ${tetName(2020)}; kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc, rút kinh nghiệm cho các cao điểm sau.`,
    lead: 'V01',
    coordinating: ['C02', 'C08'],
    deadline: { kind: 'date', date: '2020-03-15' },
    history: {
      V01: [
        ['2020-03-10', done('Đã ban hành báo cáo tổng kết cao điểm Tết Canh Tý 2020.')],
        ['2020-03-12', confirm],
      ],
      C02: [
        ['2020-03-05', report('Tổng hợp kết quả đấu tranh tội phạm hình sự trong đợt cao điểm.')],
        ['2020-03-18', done('Gửi báo cáo tổng kết lực lượng Cảnh sát hình sự.')],
        ['2020-03-20', confirm],
      ],
      C08: [
        ['2020-03-14', done('Báo cáo kết quả bảo đảm TTATGT dịp Tết.')],
        ['2020-03-16', { action: 'return', note: 'Thiếu số liệu so sánh với cùng kỳ Tết Kỷ Hợi 2019.' }],
      ],
    },
  },
  {
    content:
      'Bảo đảm các điều kiện để triển khai Đại hội Đảng bộ các cấp trong CAND, tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; bảo đảm an ninh, trật tự Đại hội Đảng bộ các cấp ở địa phương.',
    lead: 'C02',
    coordinating: ['38', '40'],
    deadline: { kind: 'date', date: '2020-10-31' },
    history: {
      C02: [
        ['2020-07-01', report('Xây dựng phương án bảo đảm ANTT Đại hội Đảng bộ cấp tỉnh.')],
        ['2020-10-20', done('Hoàn thành bảo đảm ANTT Đại hội Đảng bộ các tỉnh.')],
        ['2020-10-28', confirm],
      ],
      '38': [['2020-08-12', report('Đã bảo đảm ANTT Đại hội Đảng bộ cấp huyện.')]],
      '40': [
        ['2020-10-15', done('Bảo đảm tuyệt đối an toàn Đại hội Đảng bộ tỉnh Nghệ An lần thứ XIX.')],
        ['2020-10-22', confirm],
      ],
    },
  },
];

const CHAIR =
  'Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, Bí thư Đảng ủy Công an Trung ương, Bộ trưởng Bộ Công an';
const PLACE = 'Trụ sở Bộ Công an, 44 Yết Kiêu, Hà Nội (trực tuyến với Công an các đơn vị, địa phương)';

const MINUTES_FEB_2020 = [
  'BIÊN BẢN HỘI NGHỊ GIAO BAN THÁNG 02/2020',
  'Thời gian: 08 giờ 00, ngày 26/02/2020. Địa điểm: Trụ sở Bộ Công an, kết nối trực tuyến với Công an 63 tỉnh, thành phố.',
  `Chủ trì: ${CHAIR}.`,
  'Nội dung: Văn phòng Bộ báo cáo kết quả công tác tháng 02/2020; các đơn vị, địa phương phát biểu; đồng chí Bộ trưởng kết luận, chỉ đạo.',
  'Trong tháng, các đơn vị, địa phương đã bảo đảm tốt ANTT dịp Tết Nguyên đán Canh Tý 2020 và kỷ niệm 90 năm Ngày thành lập Đảng; triển khai quyết liệt các biện pháp phòng, chống dịch bệnh Covid-19.',
].join('\n');

/**
 * Loads the briefing demo once: the February 2020 meeting with its chair, pack, minutes and conclusion, the five
 * directives of the seed as tasks with their progress (done on time, late, returned, extended and overdue), the
 * March 2020 meeting that follows them up, the Tết campaigns 2019–2026 with commendations, and the 100% commune
 * police target. Call after `loadDemo`, since the packs and campaign summaries read its figures.
 */
export async function loadBriefingDemo(ctx: AppContext): Promise<{ loaded: boolean }> {
  const existing = await ctx.store.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', BRIEFING_KEY)
    .executeTakeFirst();
  if (existing) return { loaded: false };
  const today = ctx.clock.today();
  const unitOn = (code: string, date: IsoDate) => {
    const unit = ctx.graph.findByCode(code, date);
    if (!unit) throw new Error(`demo: no unit ${code} on ${date}`);
    return unit.id;
  };

  // The commune police target first, so the directive can point to it.
  const target = await createTarget(
    ctx,
    {
      name: '100% xã, thị trấn có Công an chính quy',
      indicator: 'commune_police.coverage',
      targetValue: 100,
      deadline: '2020-12-31',
      unitKind: 'province',
      unitIds: [],
      meetingId: null,
    },
    SYSTEM_ACTOR,
  );

  const february = await createMeeting(
    ctx,
    {
      title: 'Hội nghị giao ban tháng 02/2020',
      period: '2020-02',
      heldOn: '2020-02-26',
      place: PLACE,
      chair: CHAIR,
      participantIds: ctx.graph.childrenOn(ctx.graph.root('2020-02-26').id, '2020-02-26'),
      agenda: [
        {
          title: 'Báo cáo kết quả công tác tháng 02/2020, nhiệm vụ trọng tâm tháng 3/2020',
          presenter: 'Văn phòng Bộ',
        },
        {
          title: 'Kết quả cao điểm tấn công, trấn áp tội phạm dịp Tết Nguyên đán Canh Tý 2020',
          presenter: 'Cục Cảnh sát hình sự',
        },
        {
          title: 'Tình hình phòng, chống dịch bệnh Covid-19',
          presenter: 'Văn phòng Bộ',
          outcomeKind: 'directive',
        },
        {
          title: 'Tiến độ triển khai Công an chính quy cấp xã',
          presenter: 'Cục Cảnh sát QLHC về TTXH',
          outcomeKind: 'directive',
        },
        { title: 'Kết luận của đồng chí Bộ trưởng', presenter: 'Bộ trưởng', outcomeKind: 'directive' },
      ],
      secrecy: 'mat',
    },
    OFFICE,
  );
  await holdMeeting(ctx, february.id, OFFICE);
  await setMinutes(
    ctx,
    february.id,
    MINUTES_FEB_2020,
    OFFICE,
    undefined,
    (await requireMeeting(ctx, february.id)).version,
  );

  const assignedOn: IsoDate = '2020-02-28';
  await ctx.store.write(async (trx) => {
    for (const d of FEBRUARY_2020) {
      const { taskIds } = await assignDirective(
        ctx,
        trx,
        february.id,
        {
          content: d.content,
          leadUnitId: unitOn(d.lead, assignedOn),
          coordinatingUnitIds: d.coordinating.map((c) => unitOn(c, assignedOn)),
          deadline: d.deadline,
          indicators: d.indicators ?? [],
          targetId: d.indicators?.includes('commune_police.coverage') ? target.id : null,
          secrecy: 'none',
        },
        OFFICE,
        assignedOn,
        `${assignedOn}T03:00:00.000Z`,
      );
      for (const id of taskIds) {
        const [first] = await loadTasks(trx, { ids: [id] });
        if (!first) continue;
        const code = ctx.graph.require(first.unitId).code;
        for (const [on, step] of d.history[code] ?? []) {
          const [task] = await loadTasks(trx, { ids: [id] });
          if (!task || on > today) continue;
          await applyTaskAction(trx, task, step, OFFICE, on, `${on}T03:00:00.000Z`);
        }
      }
    }
  });
  await issueConclusion(
    ctx,
    february.id,
    {
      number: '56/TB-BCA',
      date: assignedOn,
      summary:
        'Đồng chí Bộ trưởng đánh giá cao kết quả công tác tháng 02/2020 của Công an các đơn vị, địa phương, nhất là bảo đảm ANTT dịp Tết Nguyên đán Canh Tý 2020 và phòng, chống dịch bệnh Covid-19.',
      version: (await requireMeeting(ctx, february.id)).version,
    },
    OFFICE,
  );

  // The March meeting follows the February conclusions up; its pack is frozen as of 26/03/2020.
  const march = await createMeeting(
    ctx,
    {
      title: 'Hội nghị giao ban tháng 3/2020',
      period: '2020-03',
      heldOn: '2020-03-26',
      place: PLACE,
      chair: CHAIR,
      participantIds: ctx.graph.childrenOn(ctx.graph.root('2020-03-26').id, '2020-03-26'),
      agenda: [{ title: 'Báo cáo kết quả công tác tháng 3/2020', presenter: 'Văn phòng Bộ' }],
      secrecy: 'mat',
    },
    OFFICE,
  );
  await holdMeeting(ctx, march.id, OFFICE);

  // The Tết campaigns, one per lunar year with daily figures, and commendations for the last two.
  const campaigns = new Map<number, number>();
  for (let year = 2019; year <= Number(today.slice(0, 4)); year++) {
    if (addDays(tetDate(year), 10) >= today) continue;
    const c = await createCampaign(
      ctx,
      {
        series: 'tet',
        name: `Cao điểm tấn công, trấn áp tội phạm, bảo đảm ANTT ${tetName(year)}`,
        year,
        rule: TET_RULE,
        unitIds: [],
        indicators: TET_INDICATORS,
        rankBy: 'traffic.deaths',
        reportForm: 'BC-NGAY-TET',
        secrecy: 'none',
      },
      SYSTEM_ACTOR,
    );
    campaigns.set(year, c.id);
  }
  const commend = async (
    year: number,
    c: {
      kind: 'unit' | 'person';
      unit: string;
      form: string;
      reason: string;
      decision: string;
      date: IsoDate;
      person?: [string, string, string];
    },
  ) => {
    const campaignId = campaigns.get(year);
    if (campaignId === undefined) return;
    await createCommendation(
      ctx,
      {
        recipientKind: c.kind,
        unitId: unitOn(c.unit, c.date),
        personName: c.person?.[0] ?? null,
        personRank: c.person?.[1] ?? null,
        personPosition: c.person?.[2] ?? null,
        form: c.form,
        reason: c.reason,
        decisionNumber: c.decision,
        decisionDate: c.date,
        campaignId,
        period: null,
      },
      SYSTEM_ACTOR,
    );
  };
  await commend(2020, {
    kind: 'unit',
    unit: 'C08',
    form: 'Bằng khen của Bộ trưởng',
    reason: 'Có thành tích xuất sắc trong bảo đảm TTATGT dịp Tết Nguyên đán Canh Tý 2020',
    decision: '1325/QĐ-BCA-X01',
    date: '2020-03-12',
  });
  await commend(2020, {
    kind: 'unit',
    unit: '79',
    form: 'Bằng khen của Bộ trưởng',
    reason: 'Triệt phá nhiều băng nhóm tội phạm trong cao điểm Tết Canh Tý 2020',
    decision: '1326/QĐ-BCA-X01',
    date: '2020-03-12',
  });
  await commend(2020, {
    kind: 'person',
    unit: '01',
    form: 'Giấy khen',
    reason: 'Trực tiếp bắt giữ đối tượng cướp tài sản trong đêm Giao thừa',
    decision: '215/QĐ-CAHN-PX01',
    date: '2020-02-20',
    person: ['Nguyễn Văn Hùng', 'Thượng úy', 'Cán bộ Đội Cảnh sát hình sự, Công an quận Hoàn Kiếm'],
  });
  await commend(2019, {
    kind: 'unit',
    unit: 'C02',
    form: 'Bằng khen của Bộ trưởng',
    reason: 'Có thành tích xuất sắc trong cao điểm tấn công, trấn áp tội phạm dịp Tết Kỷ Hợi 2019',
    decision: '905/QĐ-BCA-X01',
    date: '2019-03-01',
  });

  await ctx.store.write((trx) =>
    trx
      .insertInto('meta')
      .values({
        key: BRIEFING_KEY,
        value: JSON.stringify({ meetings: [february.id, march.id], campaigns: campaigns.size }),
      })
      .execute(),
  );
  return { loaded: true };
}
