import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiGet, apiSend, query } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { pick, useLang } from '../i18n.ts';

interface Human {
  situation: string[];
  assessment: { strengths: string[]; weaknesses: string[]; causes: string[] };
  directives: string[];
  recommendations: string[];
}

interface Draft {
  human: Human;
  status: 'draft' | 'final';
  version: number;
  updatedAt: string | null;
}

interface IssueView {
  id: number;
  version: number;
  status: 'issued' | 'withdrawn' | 'replaced';
  statusLabel: string;
  issuedAt: string;
  issuedByName: string;
  signer: string;
  summary: string;
  endedAt: string | null;
  endedReason: string | null;
}

interface Verification {
  signed: boolean;
  intact: boolean;
  signer: string | null;
  organisation: string | null;
  signingTime: string | null;
  problems: string[];
}

interface Signer {
  authority: string | null;
  position: string;
  rank: string | null;
  name: string;
}

interface EventView {
  id: number;
  date: string;
  secrecy: string;
  text: string;
  createdByName: string;
}

/** "2020-02-26T02:30:00.000Z" → "26/02/2020 09:30" (Vietnam time). */
function vnTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

type SectionKey = 'situation' | 'strengths' | 'weaknesses' | 'causes' | 'directives' | 'recommendations';

const SECTIONS: Array<{ key: SectionKey; vi: string; en: string }> = [
  { key: 'situation', vi: 'Tình hình chung', en: 'General situation' },
  { key: 'strengths', vi: 'Ưu điểm', en: 'Strengths' },
  { key: 'weaknesses', vi: 'Tồn tại, hạn chế', en: 'Shortcomings' },
  { key: 'causes', vi: 'Nguyên nhân', en: 'Causes' },
  {
    key: 'directives',
    vi: 'Nhiệm vụ trọng tâm tháng tới (để trống: lấy từ kết luận hội nghị)',
    en: 'Priorities for next month (empty: taken from the meeting’s conclusions)',
  },
  { key: 'recommendations', vi: 'Kiến nghị, đề xuất', en: 'Recommendations' },
];

function read(human: Human, key: SectionKey): string[] {
  if (key === 'strengths' || key === 'weaknesses' || key === 'causes') return human.assessment[key];
  return human[key];
}

/** One paragraph per line: what people write into the report, kept verbatim beside the generated sentences. */
export function ReportDraftEditor(props: { unitCode: string; period: string }) {
  const { lang } = useLang();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [texts, setTexts] = useState<Record<SectionKey, string>>({
    situation: '',
    strengths: '',
    weaknesses: '',
    causes: '',
    directives: '',
    recommendations: '',
  });
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<IssueView[]>([]);
  const [signers, setSigners] = useState<Signer[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [signer, setSigner] = useState(0);
  const [reason, setReason] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const [checks, setChecks] = useState<Record<number, Verification>>({});
  const [events, setEvents] = useState<EventView[]>([]);
  const [eventDraft, setEventDraft] = useState({ date: '', secrecy: 'none', text: '' });
  const target = `${props.unitCode}/${props.period}`;
  const fail = (e: unknown) =>
    setMessage({
      kind: 'error',
      text: e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e),
    });

  const loadRecords = async () => {
    const q = query({ unit: props.unitCode, period: props.period });
    const [list, settings, register] = await Promise.all([
      apiGet<{ issues: IssueView[] }>(`/api/reports/briefing/issued${q}`),
      apiGet<{ signers: Signer[] }>(`/api/reports/settings${query({ unit: props.unitCode })}`),
      apiGet<{ events: EventView[] }>(`/api/reports/events${q}`),
    ]);
    setIssues(list.issues);
    setSigners(settings.signers);
    setEvents(register.events);
  };

  const load = async () => {
    const loaded = await apiGet<Draft>(
      `/api/reports/briefing/draft${query({ unit: props.unitCode, period: props.period })}`,
    );
    setDraft(loaded);
    const next = { ...texts };
    for (const s of SECTIONS) next[s.key] = read(loaded.human, s.key).join('\n');
    setTexts(next);
  };
  useEffect(() => {
    setMessage(null);
    setConfirming(false);
    setWithdrawing(false);
    setChecks({});
    Promise.all([load(), loadRecords()]).catch(fail);
  }, [props.unitCode, props.period]);

  const issue = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const issued = await apiSend<IssueView>('POST', '/api/reports/briefing/issue', {
        unit: props.unitCode,
        period: props.period,
        confirm: target,
        signer,
        reason: reason.trim() || undefined,
      });
      setConfirming(false);
      setReason('');
      setMessage({
        kind: 'success',
        text: pick(
          lang,
          `Đã ban hành phiên bản ${issued.version}, đã ký số.`,
          `Version ${issued.version} issued and signed.`,
        ),
      });
      await Promise.all([load(), loadRecords()]);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await apiSend('POST', '/api/reports/briefing/withdraw', {
        unit: props.unitCode,
        period: props.period,
        reason,
      });
      setWithdrawing(false);
      setReason('');
      setMessage({ kind: 'success', text: pick(lang, 'Đã thu hồi văn bản.', 'The document was withdrawn.') });
      await Promise.all([load(), loadRecords()]);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (id: number) => {
    try {
      const r = await apiGet<{ verification: Verification }>(`/api/reports/briefing/issued/${id}/verify`);
      setChecks({ ...checks, [id]: r.verification });
    } catch (e) {
      fail(e);
    }
  };

  const addEvent = async () => {
    try {
      await apiSend('POST', '/api/reports/events', { unit: props.unitCode, ...eventDraft });
      setEventDraft({ date: '', secrecy: 'none', text: '' });
      await loadRecords();
    } catch (e) {
      fail(e);
    }
  };

  const removeEvent = async (id: number) => {
    try {
      await apiSend('DELETE', `/api/reports/events/${id}${query({ unit: props.unitCode })}`);
      await loadRecords();
    } catch (e) {
      fail(e);
    }
  };

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setMessage(null);
    const lines = (key: SectionKey) =>
      texts[key]
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    try {
      const saved = await apiSend<Draft>('PUT', '/api/reports/briefing/draft', {
        unit: props.unitCode,
        period: props.period,
        version: draft.version,
        finalise: false,
        human: {
          situation: lines('situation'),
          assessment: {
            strengths: lines('strengths'),
            weaknesses: lines('weaknesses'),
            causes: lines('causes'),
          },
          directives: lines('directives'),
          recommendations: lines('recommendations'),
        },
      });
      setDraft(saved);
      setMessage({ kind: 'success', text: pick(lang, 'Đã lưu bản thảo.', 'Draft saved.') });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  if (!draft) return message ? <Notice kind="error">{message.text}</Notice> : null;
  const final = draft.status === 'final';
  const inForce = issues.find((i) => i.status === 'issued');
  return (
    <div class="panel report-draft">
      <h2>{pick(lang, 'Phần do người viết', 'Written parts')}</h2>
      <p class="lead">
        {final
          ? pick(
              lang,
              'Báo cáo đã ban hành; nội dung không sửa được nữa.',
              'The report is final and can no longer be edited.',
            )
          : pick(
              lang,
              'Mỗi dòng là một đoạn, in nguyên văn trong báo cáo cùng với các câu tạo từ số liệu.',
              'One paragraph per line, printed verbatim beside the sentences generated from the figures.',
            )}
      </p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {SECTIONS.map((s) => (
        <label key={s.key} class="field">
          <span>{pick(lang, s.vi, s.en)}</span>
          <textarea
            rows={3}
            value={texts[s.key]}
            disabled={final || busy}
            onInput={(e) => setTexts({ ...texts, [s.key]: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </label>
      ))}
      {!final && !confirming && (
        <div class="download-buttons">
          <button type="button" class="button-primary" disabled={busy} onClick={() => void save()}>
            {pick(lang, 'Lưu bản thảo', 'Save draft')}
          </button>
          <button type="button" class="button-quiet" disabled={busy} onClick={() => setConfirming(true)}>
            {pick(lang, 'Ban hành…', 'Issue…')}
          </button>
        </div>
      )}
      {confirming && (
        <div
          class="panel confirm-issue"
          role="dialog"
          aria-label={pick(lang, 'Xác nhận ban hành', 'Confirm issuing')}
        >
          <p>
            {pick(
              lang,
              `Ban hành báo cáo ${target}: văn bản được ký số bằng chứng thư của đơn vị và khóa nội dung. Hãy lưu bản thảo trước.`,
              `Issue report ${target}: the document is signed with the unit's certificate and locked. Save the draft first.`,
            )}
          </p>
          <label class="field">
            <span>{pick(lang, 'Người ký', 'Signer')}</span>
            <select
              value={signer}
              onChange={(e) => setSigner(Number((e.currentTarget as HTMLSelectElement).value))}
            >
              {signers.length === 0 && (
                <option value={0}>{pick(lang, '(chưa cấu hình người ký)', '(no signer configured)')}</option>
              )}
              {signers.map((s, i) => (
                <option key={s.name} value={i}>
                  {[s.authority, s.position, s.rank, s.name].filter(Boolean).join(' ')}
                </option>
              ))}
            </select>
          </label>
          {inForce && (
            <label class="field">
              <span>
                {pick(
                  lang,
                  `Lý do thay thế phiên bản ${inForce.version}`,
                  `Reason for replacing version ${inForce.version}`,
                )}
              </span>
              <input value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
            </label>
          )}
          <div class="download-buttons">
            <button type="button" class="button-primary" disabled={busy} onClick={() => void issue()}>
              {pick(lang, `Xác nhận ban hành ${target}`, `Confirm issuing ${target}`)}
            </button>
            <button type="button" class="button-quiet" disabled={busy} onClick={() => setConfirming(false)}>
              {pick(lang, 'Hủy', 'Cancel')}
            </button>
          </div>
        </div>
      )}
      {issues.length > 0 && (
        <div class="issued-versions">
          <h3>{pick(lang, 'Các phiên bản đã ban hành', 'Issued versions')}</h3>
          <ul>
            {issues.map((i) => (
              <li key={i.id}>
                <a href={`/api/reports/briefing/issued/${i.id}`}>
                  {pick(lang, `Phiên bản ${i.version}`, `Version ${i.version}`)}
                </a>{' '}
                — {i.statusLabel}, {pick(lang, 'ký', 'signed')} {i.signer}, {vnTime(i.issuedAt)}
                {i.endedReason && ` (${pick(lang, 'lý do', 'reason')}: ${i.endedReason})`}{' '}
                <button type="button" class="button-quiet" onClick={() => void verify(i.id)}>
                  {pick(lang, 'Kiểm tra chữ ký', 'Check signature')}
                </button>
                {checks[i.id] && (
                  <span class={checks[i.id]?.intact ? 'ok' : 'error'}>
                    {' '}
                    {checks[i.id]?.intact
                      ? pick(lang, 'Chữ ký hợp lệ, tệp toàn vẹn', 'Valid signature, file intact')
                      : pick(lang, 'Không toàn vẹn', 'Not intact')}
                    {checks[i.id]?.signer && ` — ${checks[i.id]?.signer}`}
                    {checks[i.id]?.signingTime && `, ${vnTime(checks[i.id]?.signingTime ?? '')}`}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {inForce && !withdrawing && (
            <button type="button" class="button-quiet" onClick={() => setWithdrawing(true)}>
              {pick(lang, 'Thu hồi…', 'Withdraw…')}
            </button>
          )}
          {withdrawing && (
            <div class="download-buttons">
              <input
                placeholder={pick(lang, 'Lý do thu hồi', 'Reason for withdrawal')}
                value={reason}
                onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
              />
              <button type="button" class="button-primary" disabled={busy} onClick={() => void withdraw()}>
                {pick(lang, `Thu hồi ${target}`, `Withdraw ${target}`)}
              </button>
              <button type="button" class="button-quiet" onClick={() => setWithdrawing(false)}>
                {pick(lang, 'Hủy', 'Cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      <div class="event-register">
        <h3>{pick(lang, 'Sự kiện, tình hình nổi bật của kỳ', 'Notable events of the period')}</h3>
        <ul>
          {events.map((e) => (
            <li key={e.id}>
              {e.date.split('-').reverse().join('/')}: {e.text}{' '}
              <button type="button" class="button-quiet" onClick={() => void removeEvent(e.id)}>
                {pick(lang, 'Xóa', 'Remove')}
              </button>
            </li>
          ))}
        </ul>
        <div class="download-buttons">
          <input
            type="date"
            value={eventDraft.date}
            onInput={(e) =>
              setEventDraft({ ...eventDraft, date: (e.currentTarget as HTMLInputElement).value })
            }
          />
          <select
            value={eventDraft.secrecy}
            onChange={(e) =>
              setEventDraft({ ...eventDraft, secrecy: (e.currentTarget as HTMLSelectElement).value })
            }
          >
            <option value="none">{pick(lang, 'Thường', 'Unclassified')}</option>
            <option value="mat">Mật</option>
            <option value="toi_mat">Tối mật</option>
            <option value="tuyet_mat">Tuyệt mật</option>
          </select>
          <input
            placeholder={pick(
              lang,
              'Nội dung (ví dụ: Tết Nguyên đán; dịch bệnh; sự kiện cần bảo vệ)',
              'Text',
            )}
            value={eventDraft.text}
            onInput={(e) =>
              setEventDraft({ ...eventDraft, text: (e.currentTarget as HTMLInputElement).value })
            }
          />
          <button type="button" class="button-primary" onClick={() => void addEvent()}>
            {pick(lang, 'Ghi sự kiện', 'Add event')}
          </button>
        </div>
      </div>
    </div>
  );
}
