import { useState } from 'preact/hooks';
import { ApiError, apiGet, query } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { formatDateTime, formatNumber } from '../format.ts';
import { pick, SECRECY_LABEL, useLang } from '../i18n.ts';
import { updateParams } from '../router.ts';
import type { AuditEntry, AuditVerdict } from '../types.ts';
import { useLoad } from '../use-load.ts';

// The actions the server records; the filter matches a prefix, so "users" finds every account change.
const ACTIONS = [
  'auth',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.second_factor',
  'auth.second_factor_enrolled',
  'auth.password_changed',
  'users',
  'users.create',
  'users.update',
  'users.reset_password',
  'users.sign_out_everywhere',
  'values',
  'submission',
  'document.generate',
  'export',
  'read.classified',
  'meeting',
  'task',
  'system',
];

const LIMITS = ['50', '200', '1000'];

/** A day picked in the form covers that whole day in Vietnam, whatever the browser's time zone. */
function dayStart(date: string): string {
  return new Date(`${date}T00:00:00+07:00`).toISOString();
}

function dayEnd(date: string): string {
  return new Date(`${date}T23:59:59.999+07:00`).toISOString();
}

/** The audit log with its filters in the address, and the check that its hash chain is unbroken. */
export function AuditView(props: { params: Record<string, string> }) {
  const { lang, t } = useLang();
  const actor = props.params.actor ?? '';
  const action = props.params.action ?? '';
  const from = props.params.from ?? '';
  const to = props.params.to ?? '';
  const limit = LIMITS.includes(props.params.limit ?? '') ? (props.params.limit as string) : '200';
  const [draft, setDraft] = useState({ actor, action, from, to, limit });
  // Account names for targets and details that name an account by id ("user:1").
  const [userList] = useLoad(
    () => apiGet<{ users: Array<{ id: number; username: string; displayName: string }> }>('/api/users'),
    [],
  );
  const users = new Map(
    userList.state === 'ready'
      ? userList.data.users.map((u) => [u.id, `${u.displayName} (${u.username})`] as const)
      : [],
  );
  const [entries, reload] = useLoad(
    () =>
      apiGet<{ entries: AuditEntry[] }>(
        `/api/audit${query({
          actor,
          action,
          from: from && dayStart(from),
          to: to && dayEnd(to),
          limit,
        })}`,
      ),
    [actor, action, from, to, limit],
  );
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerdict(null);
    setVerifyError(null);
    try {
      setVerdict(await apiGet<AuditVerdict>('/api/audit/verify'));
    } catch (e) {
      setVerifyError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
    } finally {
      setVerifying(false);
    }
  };

  const apply = (values: typeof draft) => {
    updateParams({
      actor: values.actor.trim() || null,
      action: values.action.trim() || null,
      from: values.from || null,
      to: values.to || null,
      limit: values.limit === '200' ? null : values.limit,
    });
    // The same filters again still mean "look again": new entries may have been written since.
    reload();
  };

  return (
    <>
      <p class="lead">{t('auditLead')}</p>
      <section class="panel" aria-labelledby="verify-heading">
        <div class="panel-bar">
          <h2 id="verify-heading" class="visually-hidden">
            {t('verifyChain')}
          </h2>
          <button type="button" class="button-primary" onClick={verify} disabled={verifying}>
            {verifying ? t('verifying') : t('verifyChain')}
          </button>
          <div class="verdict" aria-live="polite">
            {verdict?.ok === true && (
              <Notice kind="success">
                <strong>{t('chainIntact')}</strong> · {formatNumber(verdict.count)} {t('chainEntries')} ·{' '}
                <code title={verdict.headHash}>{verdict.headHash.slice(0, 16)}…</code>
              </Notice>
            )}
            {verdict?.ok === false && (
              <Notice kind="error">
                <strong>{t('chainBroken')}</strong>: {pick(lang, verdict.messageVi, verdict.messageEn)}
              </Notice>
            )}
            {verifyError && <Notice kind="error">{verifyError}</Notice>}
          </div>
        </div>
      </section>
      <section class="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('adminAudit')}</h2>
        <form
          class="admin-form audit-filters"
          onSubmit={(event) => {
            event.preventDefault();
            apply(draft);
          }}
        >
          <label class="inline-field">
            <span>{t('actor')}</span>
            <input
              name="actor"
              value={draft.actor}
              onInput={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
            />
          </label>
          <label class="inline-field">
            <span>{t('action')}</span>
            <input
              name="action"
              list="audit-actions"
              value={draft.action}
              onInput={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            />
            <datalist id="audit-actions">
              {ACTIONS.map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
          </label>
          <label class="inline-field">
            <span>{t('fromDate')}</span>
            <input
              type="date"
              name="from"
              value={draft.from}
              onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
          </label>
          <label class="inline-field">
            <span>{t('toDate')}</span>
            <input
              type="date"
              name="to"
              value={draft.to}
              onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
          </label>
          <label class="inline-field">
            <span>{t('limit')}</span>
            <select
              value={draft.limit}
              onChange={(e) => setDraft({ ...draft, limit: e.currentTarget.value })}
            >
              {LIMITS.map((n) => (
                <option key={n} value={n}>
                  {formatNumber(Number(n))}
                </option>
              ))}
            </select>
          </label>
          <div class="form-buttons">
            <button type="submit" class="button-primary">
              {t('applyFilter')}
            </button>
            <button
              type="button"
              class="button-quiet"
              onClick={() => {
                const empty = { actor: '', action: '', from: '', to: '', limit: '200' };
                setDraft(empty);
                apply(empty);
              }}
            >
              {t('clearFilter')}
            </button>
          </div>
        </form>
        {entries.state === 'loading' && <p class="muted">{t('loading')}</p>}
        {entries.state === 'failed' && (
          <Notice kind="error">{pick(lang, entries.error.messageVi, entries.error.messageEn)}</Notice>
        )}
        {entries.state === 'ready' && entries.data.entries.length === 0 && (
          <p class="muted">{t('noEntries')}</p>
        )}
        {entries.state === 'ready' && entries.data.entries.length > 0 && (
          <div class="table-scroll">
            <table class="data-table audit-table">
              <thead>
                <tr>
                  <th scope="col" class="num">
                    #
                  </th>
                  <th scope="col">{t('auditTime')}</th>
                  <th scope="col">{t('actor')}</th>
                  <th scope="col">{t('action')}</th>
                  <th scope="col">{t('target')}</th>
                  <th scope="col">{t('secrecy')}</th>
                  <th scope="col">{t('details')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.data.entries.map((entry) => {
                  const details = readableDetails(entry.details ?? {}, users, lang);
                  return (
                    <tr key={entry.seq} data-action={entry.action}>
                      <td class="num muted" title={`${entry.hash}`}>
                        {entry.seq}
                      </td>
                      <td class="nowrap">{formatDateTime(entry.at)}</td>
                      <td>{entry.actorName}</td>
                      <td>
                        <span class={entry.action.endsWith('_failed') ? 'action-failed' : undefined}>
                          {actionLabel(entry.action, lang)}
                        </span>{' '}
                        <code class="muted">{entry.action}</code>
                      </td>
                      <td>{targetLabel(entry.target, users, lang)}</td>
                      <td>
                        {entry.secrecy !== 'none' && (
                          <span class="badge badge-secret">{t(SECRECY_LABEL[entry.secrecy])}</span>
                        )}
                      </td>
                      <td class="audit-details" title={details}>
                        {details}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

const ACTION_LABELS: Record<string, [string, string]> = {
  'auth.sign_in': ['Đăng nhập', 'Signed in'],
  'auth.sign_in_failed': ['Đăng nhập không thành công', 'Failed sign-in'],
  'auth.sign_out': ['Đăng xuất', 'Signed out'],
  'auth.second_factor': ['Xác thực hai lớp', 'Second factor'],
  'auth.second_factor_enrolled': ['Đăng ký xác thực hai lớp', 'Second factor enrolled'],
  'auth.password_changed': ['Đổi mật khẩu', 'Password changed'],
  'users.create': ['Tạo tài khoản', 'Account created'],
  'users.update': ['Sửa tài khoản', 'Account changed'],
  'users.reset_password': ['Đặt lại mật khẩu', 'Password reset'],
  'users.sign_out_everywhere': ['Đăng xuất mọi nơi', 'Signed out everywhere'],
  'values.write': ['Ghi số liệu', 'Figures saved'],
  'values.import': ['Nhập số liệu từ tệp', 'Figures imported'],
  'submission.submit': ['Gửi báo cáo', 'Report submitted'],
  'submission.approve': ['Phê duyệt báo cáo', 'Report approved'],
  'submission.return': ['Trả lại báo cáo', 'Report returned'],
  'submission.lock': ['Khóa báo cáo', 'Report locked'],
  'submission.reopen': ['Mở lại báo cáo', 'Report reopened'],
  'document.generate': ['Tạo văn bản', 'Document generated'],
  'export.figures': ['Xuất số liệu', 'Figures exported'],
  'export.table': ['Xuất bảng', 'Table exported'],
  'read.classified': ['Xem số liệu mật', 'Classified figures read'],
  'meeting.create': ['Tạo hội nghị', 'Meeting created'],
  'meeting.agenda': ['Sửa chương trình hội nghị', 'Agenda changed'],
  'meeting.minutes': ['Ghi biên bản', 'Minutes recorded'],
  'meeting.outcome': ['Ghi kết quả nội dung', 'Outcome recorded'],
  'meeting.hold': ['Chốt tài liệu hội nghị', 'Pack frozen'],
  'meeting.conclude': ['Ban hành thông báo kết luận', 'Conclusion issued'],
  'task.assign': ['Giao nhiệm vụ', 'Task assigned'],
  'campaign.create': ['Tạo đợt cao điểm', 'Campaign created'],
  'commendation.create': ['Ghi nhận khen thưởng', 'Commendation recorded'],
  'target.create': ['Đặt chỉ tiêu', 'Target set'],
  'secrecy.override': ['Đổi độ mật', 'Secrecy changed'],
  'system.backup': ['Sao lưu', 'Backup'],
  'system.restore': ['Khôi phục', 'Restore'],
};

const TASK_ACTIONS: Record<string, [string, string]> = {
  report: ['Báo cáo tiến độ nhiệm vụ', 'Task progress reported'],
  report_done: ['Báo cáo hoàn thành nhiệm vụ', 'Task reported done'],
  confirm: ['Xác nhận hoàn thành nhiệm vụ', 'Task confirmed done'],
  return: ['Trả lại nhiệm vụ', 'Task returned'],
  cancel: ['Hủy nhiệm vụ', 'Task cancelled'],
  request_extension: ['Đề xuất gia hạn nhiệm vụ', 'Extension requested'],
  approve_extension: ['Gia hạn nhiệm vụ', 'Extension granted'],
  assign: ['Giao nhiệm vụ', 'Task assigned'],
};

/** "Đăng nhập" for auth.sign_in; an action not known here shows its code. */
function actionLabel(action: string, lang: 'vi' | 'en'): string {
  const found = ACTION_LABELS[action] ?? TASK_ACTIONS[action.replace(/^task\./, '')];
  return found ? found[lang === 'vi' ? 0 : 1] : action;
}

const TARGET_KINDS: Record<string, [string, string]> = {
  submission: ['Báo cáo', 'Report'],
  values: ['Số liệu', 'Figures'],
  meeting: ['Hội nghị', 'Meeting'],
  task: ['Nhiệm vụ', 'Task'],
  directive: ['Nội dung chỉ đạo', 'Directive'],
  campaign: ['Đợt cao điểm', 'Campaign'],
  commendation: ['Khen thưởng', 'Commendation'],
  target: ['Chỉ tiêu', 'Target'],
  report: ['Báo cáo giao ban', 'Briefing report'],
  file: ['Tệp', 'File'],
  table: ['Bảng', 'Table'],
  aggregate: ['Số liệu tổng hợp', 'Aggregate'],
  aggregates: ['Số liệu tổng hợp', 'Aggregates'],
  history: ['Lịch sử số liệu', 'Figure history'],
};

/** "user:1" → the account's name; "submission:BC-THANG/13285/2026-12" → "Báo cáo BC-THANG / 13285 / 2026-12". */
function targetLabel(target: string, users: ReadonlyMap<number, string>, lang: 'vi' | 'en'): string {
  const [kind, ...rest] = target.split(':');
  const id = rest.join(':');
  if (kind === 'user') {
    const name = users.get(Number(id));
    return name ?? (lang === 'vi' ? `tài khoản số ${id}` : `account ${id}`);
  }
  const label = TARGET_KINDS[kind ?? ''];
  return label && id ? `${label[lang === 'vi' ? 0 : 1]} ${id.split('/').join(' / ')}` : target;
}

const DETAIL_LABELS: Record<string, [string, string]> = {
  from: ['từ', 'from'],
  to: ['sang', 'to'],
  reason: ['lý do', 'reason'],
  ip: ['địa chỉ IP', 'IP address'],
  username: ['tên đăng nhập', 'username'],
  role: ['vai trò', 'role'],
  unit: ['đơn vị', 'unit'],
  clearance: ['độ mật được xem', 'clearance'],
  count: ['số lượng', 'count'],
  cells: ['số ô', 'cells'],
  userId: ['tài khoản', 'account'],
};

/** The details as "lý do: …; từ: submitted; sang: returned" instead of raw JSON. */
function readableDetails(
  details: Record<string, unknown>,
  users: ReadonlyMap<number, string>,
  lang: 'vi' | 'en',
): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const label = DETAIL_LABELS[key]?.[lang === 'vi' ? 0 : 1] ?? key;
      let text: string;
      if (key === 'userId' && typeof value === 'number') text = users.get(value) ?? String(value);
      else if (Array.isArray(value))
        text = value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
      else if (typeof value === 'object') text = JSON.stringify(value);
      else if (typeof value === 'boolean')
        text = value ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no';
      else text = String(value);
      return `${label}: ${text}`;
    })
    .join('; ');
}
