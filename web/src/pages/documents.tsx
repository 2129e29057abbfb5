import { useState } from 'preact/hooks';
import { ApiError, downloadGet, query } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { periodLabel } from '../format.ts';
import { type MessageKey, pick, SECRECY_LABEL, useLang } from '../i18n.ts';
import { useWorkspace } from '../session.ts';
import type { Secrecy } from '../types.ts';
import { ReportDraftEditor } from './report-draft.tsx';

type Format = 'docx' | 'xlsx' | 'pdf';

const FORMATS: Array<{ format: Format; label: MessageKey }> = [
  { format: 'docx', label: 'downloadDocx' },
  { format: 'xlsx', label: 'downloadXlsx' },
  { format: 'pdf', label: 'downloadPdf' },
];

const isSecrecy = (text: string | null): text is Secrecy =>
  text === 'none' || text === 'mat' || text === 'toi_mat' || text === 'tuyet_mat';

export function DocumentsPage() {
  const { lang, t } = useLang();
  const { unit, unitCode, period } = useWorkspace();
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The marking of the file just saved: whoever holds it must handle it as the law requires for that level.
  const [secrecy, setSecrecy] = useState<Secrecy | null>(null);
  const download = async (format: Format) => {
    setBusy(format);
    setError(null);
    setSecrecy(null);
    try {
      const headers = await downloadGet(
        `/api/reports/briefing${query({ period, unit: unitCode, format })}`,
        `bao-cao-giao-ban-${unitCode}-${period}.${format}`,
      );
      const marking = headers.get('x-secrecy');
      setSecrecy(isSecrecy(marking) && marking !== 'none' ? marking : null);
    } catch (e) {
      setError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="page">
      <h1>{t('documentsHeading')}</h1>
      <p class="lead">{t('documentsLead')}</p>
      <div class="panel">
        <h2>{t('briefingReport')}</h2>
        <p>
          <strong>{unit ? pick(lang, unit.name, unit.nameEn) : unitCode}</strong> ·{' '}
          {periodLabel(period, lang)}
        </p>
        {error && <Notice kind="error">{error}</Notice>}
        {secrecy && (
          <Notice kind="warning">
            {t('documentSecrecy')}{' '}
            <strong class="secrecy-stamp" data-secrecy={secrecy}>
              {t(SECRECY_LABEL[secrecy]).toLocaleUpperCase('vi')}
            </strong>
            . {t('secrecyHandling')}
          </Notice>
        )}
        <div class="download-buttons">
          {FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              class={format === 'docx' ? 'button-primary' : 'button-quiet'}
              onClick={() => void download(format)}
              disabled={busy !== null}
              aria-busy={busy === format}
            >
              {busy === format ? t('downloading') : t(label)}
            </button>
          ))}
        </div>
      </div>
      <ReportDraftEditor unitCode={unitCode} period={period} />
    </section>
  );
}
