import { type MessageKey, useLang } from '../i18n.ts';
import { href, type Page, type Route } from '../router.ts';
import type { Role } from '../types.ts';

// The order follows the monthly cycle: units report, the staff office compiles, the briefing meets, it sets
// tasks, the documents record it all; administration sits apart at the end.
const STEPS: Array<{ page: Page; label: MessageKey }> = [
  { page: 'bao-cao', label: 'navReports' },
  { page: 'tong-hop', label: 'navSummary' },
  { page: 'giao-ban', label: 'navMeetings' },
  { page: 'nhiem-vu', label: 'navTasks' },
  { page: 'van-ban', label: 'navDocuments' },
];

export function MainNav(props: { route: Route; unitCode: string; period: string; role?: Role }) {
  const { t } = useLang();
  const params = { unit: props.unitCode, period: props.period };
  return (
    <nav class="main-nav" aria-label={t('mainNav')}>
      <ol class="cycle">
        {STEPS.map((step, index) => (
          <li key={step.page}>
            <a
              href={href(step.page, null, params)}
              aria-current={props.route.page === step.page ? 'page' : undefined}
            >
              <span class="step-number" aria-hidden="true">
                {index + 1}
              </span>
              {t(step.label)}
            </a>
          </li>
        ))}
      </ol>
      {/* Administration is offered to those who may use it: administrators, and leaders for the audit log. */}
      {(props.role === undefined || props.role === 'admin' || props.role === 'leader') && (
        <a
          class="admin-link"
          href={href('quan-tri', null, params)}
          aria-current={props.route.page === 'quan-tri' ? 'page' : undefined}
        >
          {t('navAdmin')}
        </a>
      )}
    </nav>
  );
}
