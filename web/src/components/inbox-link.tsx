import { useEffect, useState } from 'preact/hooks';
import { apiGet } from '../api.ts';
import { useLang } from '../i18n.ts';
import { href, ROUTE_CHANGED } from '../router.ts';

/** Fired by the inbox page when it marks notifications read, so that the header's count follows. */
export const INBOX_CHANGED = 'giaoban:inbox';

const POLL_MS = 60_000;
const LATER_MS = 600;

/** "Thông báo (2)" in the header: the unread count, refreshed after each navigation and every minute. */
export function InboxLink(props: { unitCode: string; period: string }) {
  const { t } = useLang();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const refresh = () => {
      apiGet<{ unread: number }>('/api/notifications').then(
        (inbox) => live && setUnread(inbox.unread),
        () => {},
      );
    };
    // On opening and on each navigation the count is asked for a moment later, after the view's own reads: the
    // server answers those first, and a quick run of month switches asks once.
    let soon: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      clearTimeout(soon);
      soon = setTimeout(refresh, LATER_MS);
    };
    refreshSoon();
    const timer = setInterval(refresh, POLL_MS);
    window.addEventListener(ROUTE_CHANGED, refreshSoon);
    window.addEventListener(INBOX_CHANGED, refresh);
    return () => {
      live = false;
      clearTimeout(soon);
      clearInterval(timer);
      window.removeEventListener(ROUTE_CHANGED, refreshSoon);
      window.removeEventListener(INBOX_CHANGED, refresh);
    };
  }, []);
  const label = unread > 0 ? `${t('inbox')}: ${unread} ${t('unread')}` : t('inbox');
  return (
    <a
      class="inbox-link"
      href={href('thong-bao', null, { unit: props.unitCode, period: props.period })}
      aria-label={label}
    >
      <span aria-hidden="true">{t('inbox')}</span>
      {unread > 0 && (
        <span class="inbox-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </a>
  );
}
