import { type MessageKey, useLang } from '../i18n.ts';

export function PlaceholderPage(props: { heading: MessageKey; lead: MessageKey }) {
  const { t } = useLang();
  return (
    <section class="page">
      <h1>{t(props.heading)}</h1>
      <p class="lead">{t(props.lead)}</p>
      <div class="panel empty-state">{t('comingSoon')}</div>
    </section>
  );
}
