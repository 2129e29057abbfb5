import { useLang } from '../i18n.ts';
import { href } from '../router.ts';

/** An address the page does not know: say so plainly and offer the way back. */
export function NotFoundPage() {
  const { t } = useLang();
  return (
    <section class="page">
      <h1>{t('notFound')}</h1>
      <p class="lead">{t('pageDoesNotExist')}</p>
      <p>
        <a href={href('tong-hop', null, {})}>{t('backHome')}</a>
      </p>
    </section>
  );
}
