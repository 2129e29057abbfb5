import { useState } from 'preact/hooks';
import { ApiError, downloadGet, query } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { periodLabel } from '../format.ts';
import { pick, useLang } from '../i18n.ts';
import { useWorkspace } from '../session.ts';

export function DocumentsPage() {
  const { lang, t } = useLang();
  const { unit, unitCode, period } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadGet(
        `/api/reports/briefing${query({ period, unit: unitCode, format: 'docx' })}`,
        `bao-cao-giao-ban-${unitCode}-${period}.docx`,
      );
    } catch (e) {
      setError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="page">
      <h1>{t('documentsHeading')}</h1>
      <p class="lead">{t('documentsLead')}</p>
      <div class="panel">
        <p>
          <strong>{unit ? pick(lang, unit.name, unit.nameEn) : unitCode}</strong> ·{' '}
          {periodLabel(period, lang)}
        </p>
        {error && <Notice kind="error">{error}</Notice>}
        <button type="button" class="button-primary" onClick={download} disabled={busy}>
          {busy ? t('downloading') : t('downloadBriefing')}
        </button>
      </div>
    </section>
  );
}
