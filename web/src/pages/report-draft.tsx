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
    load().catch((e: unknown) =>
      setMessage({
        kind: 'error',
        text: e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e),
      }),
    );
  }, [props.unitCode, props.period]);

  const save = async (finalise: boolean) => {
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
        finalise,
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
      setMessage({
        kind: 'success',
        text: finalise
          ? pick(lang, 'Đã ban hành báo cáo.', 'The report is final.')
          : pick(lang, 'Đã lưu bản thảo.', 'Draft saved.'),
      });
    } catch (e) {
      setMessage({
        kind: 'error',
        text: e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e),
      });
    } finally {
      setBusy(false);
    }
  };

  if (!draft) return message ? <Notice kind="error">{message.text}</Notice> : null;
  const final = draft.status === 'final';
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
      {!final && (
        <div class="download-buttons">
          <button type="button" class="button-primary" disabled={busy} onClick={() => void save(false)}>
            {pick(lang, 'Lưu bản thảo', 'Save draft')}
          </button>
          <button type="button" class="button-quiet" disabled={busy} onClick={() => void save(true)}>
            {pick(lang, 'Ban hành', 'Make final')}
          </button>
        </div>
      )}
    </div>
  );
}
