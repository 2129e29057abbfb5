import { useState } from 'preact/hooks';
import { ApiError, apiGet, apiSend } from '../api.ts';
import { clearanceAllows } from '../catalogue.ts';
import { Notice } from '../components/notice.tsx';
import { formatDateTime } from '../format.ts';
import { type MessageKey, pick, SECRECY_LABEL, useLang } from '../i18n.ts';
import { href } from '../router.ts';
import { useWorkspace } from '../session.ts';
import type { AdminUser, Role, Secrecy } from '../types.ts';
import { useLoad } from '../use-load.ts';
import { AuditView } from './admin-audit.tsx';

const ROLES: Array<{ role: Role; label: MessageKey }> = [
  { role: 'officer', label: 'roleOfficer' },
  { role: 'approver', label: 'roleApprover' },
  { role: 'analyst', label: 'roleAnalyst' },
  { role: 'leader', label: 'roleLeader' },
  { role: 'admin', label: 'roleAdmin' },
];

const LEVELS: Secrecy[] = ['none', 'mat', 'toi_mat', 'tuyet_mat'];

/** Administration: accounts for administrators; the audit log for administrators and leaders. */
export function AdminPage(props: { sub: string | null; params: Record<string, string> }) {
  const { t } = useLang();
  const { me, unitCode, period } = useWorkspace();
  const canManage = me.role === 'admin';
  const canAudit = me.role === 'admin' || me.role === 'leader';
  const view = props.sub === 'nhat-ky' || !canManage ? 'audit' : 'users';
  const params = { unit: unitCode, period };
  return (
    <section class="page">
      <h1>{t('adminHeading')}</h1>
      {!canAudit ? (
        <Notice kind="info">{t('noAdminAccess')}</Notice>
      ) : (
        <>
          <div class="tabs" role="tablist" aria-label={t('navAdmin')}>
            {canManage && (
              <a role="tab" aria-selected={view === 'users'} href={href('quan-tri', null, params)}>
                {t('adminUsers')}
              </a>
            )}
            <a role="tab" aria-selected={view === 'audit'} href={href('quan-tri', 'nhat-ky', params)}>
              {t('adminAudit')}
            </a>
          </div>
          {view === 'users' ? <UsersView /> : <AuditView params={props.params} />}
        </>
      )}
    </section>
  );
}

type Message = { kind: 'error' | 'success'; text: string };

/** A password shown once: the server keeps only its hash, so this is the only time anyone can read it. */
function OneTimePassword(props: { username: string; password: string; onDone: () => void }) {
  const { t } = useLang();
  const [copied, setCopied] = useState(false);
  return (
    <div class="one-time-password" role="status">
      <p>
        {t('temporaryPassword')} <strong>{props.username}</strong>:
      </p>
      <div class="totp-key-row">
        <code class="temp-password" data-username={props.username}>
          {props.password}
        </code>
        <button
          type="button"
          class="button-quiet"
          onClick={() =>
            navigator.clipboard
              .writeText(props.password)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p class="hint">{t('temporaryPasswordOnce')}</p>
      <button type="button" class="button-primary" onClick={props.onDone}>
        {t('done')}
      </button>
    </div>
  );
}

function UsersView() {
  const { lang, t } = useLang();
  const { me } = useWorkspace();
  const [list, reload] = useLoad(() => apiGet<{ users: AdminUser[] }>('/api/users'), []);
  const [message, setMessage] = useState<Message | null>(null);
  const [revealed, setRevealed] = useState<{ username: string; password: string } | null>(null);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [filter, setFilter] = useState('');
  const levels = LEVELS.filter((level) => clearanceAllows(me.clearance, level));

  const fail = (e: unknown) =>
    setMessage({
      kind: 'error',
      text: e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e),
    });

  const resetPassword = async (user: AdminUser) => {
    if (!confirm(`${t('confirmReset')} ${user.username}`)) return;
    setMessage(null);
    try {
      const { password } = await apiSend<{ password: string }>(
        'POST',
        `/api/users/${user.id}/reset-password`,
      );
      setRevealed({ username: user.username, password });
      reload();
    } catch (e) {
      fail(e);
    }
  };

  const signOutUser = async (user: AdminUser) => {
    setMessage(null);
    try {
      const { sessionsEnded } = await apiSend<{ sessionsEnded: number }>(
        'POST',
        `/api/users/${user.id}/sign-out`,
      );
      setMessage({ kind: 'success', text: `${user.username}: ${t('sessionsEnded')} ${sessionsEnded}` });
    } catch (e) {
      fail(e);
    }
  };

  const toggleDisabled = async (user: AdminUser) => {
    if (!user.disabled && !confirm(`${t('confirmDisable')} ${user.username}`)) return;
    setMessage(null);
    try {
      await apiSend('PATCH', `/api/users/${user.id}`, {
        disabled: !user.disabled,
        version: user.version,
      });
      setMessage({ kind: 'success', text: `${user.username}: ${t('userSaved')}` });
      reload();
    } catch (e) {
      fail(e);
    }
  };

  const needle = filter.trim().toLocaleLowerCase('vi');
  const users =
    list.state === 'ready'
      ? list.data.users.filter(
          (u) =>
            !needle ||
            [u.username, u.displayName, u.unit?.code ?? '', u.unit?.name ?? ''].some((text) =>
              text.toLocaleLowerCase('vi').includes(needle),
            ),
        )
      : [];

  return (
    <>
      <CreateUserPanel
        levels={levels}
        onCreated={(user, password) => {
          setMessage({ kind: 'success', text: `${t('userCreated')}: ${user.username}` });
          setRevealed({ username: user.username, password });
          reload();
        }}
      />
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {revealed && (
        <OneTimePassword
          username={revealed.username}
          password={revealed.password}
          onDone={() => setRevealed(null)}
        />
      )}
      {editing && (
        <EditUserPanel
          user={editing}
          levels={levels}
          onClose={() => setEditing(null)}
          onSaved={(user) => {
            setEditing(null);
            setMessage({ kind: 'success', text: `${user.username}: ${t('userSaved')}` });
            reload();
          }}
        />
      )}
      <section class="panel" aria-labelledby="users-heading">
        <div class="panel-bar">
          <h2 id="users-heading">{t('adminUsers')}</h2>
          <input
            type="search"
            class="push-right users-filter"
            aria-label={t('filterUsers')}
            placeholder={t('filterUsers')}
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
          />
        </div>
        {list.state === 'loading' && <p class="muted">{t('loading')}</p>}
        {list.state === 'failed' && (
          <Notice kind="error">{pick(lang, list.error.messageVi, list.error.messageEn)}</Notice>
        )}
        {list.state === 'ready' && users.length === 0 && <p class="muted">{t('noUsers')}</p>}
        {users.length > 0 && (
          <div class="table-scroll">
            <table class="data-table users-table">
              <thead>
                <tr>
                  <th scope="col">{t('username')}</th>
                  <th scope="col">{t('role')}</th>
                  <th scope="col">{t('unit')}</th>
                  <th scope="col">{t('clearance')}</th>
                  <th scope="col">{t('secondFactorTitle')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} data-username={user.username}>
                    <th scope="row">
                      {user.username}
                      <br />
                      <small class="muted">{user.displayName}</small>
                    </th>
                    <td>{t(ROLES.find((r) => r.role === user.role)?.label ?? 'roleOfficer')}</td>
                    <td>
                      {user.unit ? (
                        <>
                          {user.unit.name} <span class="unit-code">{user.unit.code}</span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <span class={user.clearance === 'none' ? 'badge' : 'badge badge-secret'}>
                        {t(SECRECY_LABEL[user.clearance])}
                      </span>
                    </td>
                    <td>
                      {user.totpEnabled ? t('enrolled') : <span class="muted">{t('notEnrolled')}</span>}
                    </td>
                    <td>
                      <UserState user={user} />
                    </td>
                    <td>
                      <div class="actions">
                        <button
                          type="button"
                          class="button-quiet button-small"
                          onClick={() => setEditing(user)}
                        >
                          {t('edit')}
                        </button>
                        <button
                          type="button"
                          class="button-quiet button-small"
                          onClick={() => void resetPassword(user)}
                        >
                          {t('resetPassword')}
                        </button>
                        <button
                          type="button"
                          class="button-quiet button-small"
                          onClick={() => void signOutUser(user)}
                        >
                          {t('signOutEverywhere')}
                        </button>
                        {user.id !== me.id && (
                          <button
                            type="button"
                            class={user.disabled ? 'button-quiet button-small' : 'button-danger button-small'}
                            onClick={() => void toggleDisabled(user)}
                          >
                            {user.disabled ? t('enableUser') : t('disableUser')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function UserState(props: { user: AdminUser }) {
  const { t } = useLang();
  const { user } = props;
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
  return (
    <>
      {user.disabled ? (
        <span class="badge status-returned">{t('accountDisabled')}</span>
      ) : (
        <span class="badge status-approved">{t('accountActive')}</span>
      )}
      {locked && user.lockedUntil && (
        <small class="user-flag">
          {t('lockedUntil')} {formatDateTime(user.lockedUntil)}
        </small>
      )}
      {user.mustChangePassword && <small class="user-flag">{t('temporaryPending')}</small>}
    </>
  );
}

function RoleSelect(props: { id: string; value: Role; onChange: (role: Role) => void }) {
  const { t } = useLang();
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as Role)}>
      {ROLES.map((r) => (
        <option key={r.role} value={r.role}>
          {t(r.label)}
        </option>
      ))}
    </select>
  );
}

function ClearanceSelect(props: {
  id: string;
  value: Secrecy;
  levels: Secrecy[];
  onChange: (level: Secrecy) => void;
}) {
  const { t } = useLang();
  // A user's present level stays listed even when above the administrator's own, so the form shows the truth.
  const levels = props.levels.includes(props.value) ? props.levels : [...props.levels, props.value];
  return (
    <select
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value as Secrecy)}
    >
      {levels.map((level) => (
        <option key={level} value={level}>
          {t(SECRECY_LABEL[level])}
        </option>
      ))}
    </select>
  );
}

function CreateUserPanel(props: {
  levels: Secrecy[];
  onCreated: (user: AdminUser, password: string) => void;
}) {
  const { lang, t } = useLang();
  const { me } = useWorkspace();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [unit, setUnit] = useState(me.unit.code);
  const [clearance, setClearance] = useState<Secrecy>('none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; reasons: string[] } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await apiSend<{ user: AdminUser; password: string }>('POST', '/api/users', {
        username: username.trim(),
        displayName: displayName.trim(),
        role,
        unit: unit.trim(),
        clearance,
      });
      setUsername('');
      setDisplayName('');
      setOpen(false);
      props.onCreated(created.user, created.password);
    } catch (e) {
      setError(
        e instanceof ApiError
          ? {
              text: pick(lang, e.messageVi, e.messageEn),
              reasons: e.issues.map((issue) => `${issue.field}: ${issue.reason}`),
            }
          : { text: String(e), reasons: [] },
      );
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <div>
        <button type="button" class="button-primary" onClick={() => setOpen(true)}>
          {t('createUser')}
        </button>
      </div>
    );
  }
  return (
    <section class="panel" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('createUser')}</h2>
      {error && (
        <Notice kind="error">
          {error.text}
          {error.reasons.length > 0 && (
            <ul class="issue-list">
              {error.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <form class="admin-form" onSubmit={submit}>
        <div class="inline-field">
          <label for="new-username">{t('username')}</label>
          <input
            id="new-username"
            name="username"
            required
            autocomplete="off"
            spellcheck={false}
            pattern="[a-z0-9._\-]{3,40}"
            aria-describedby="username-hint"
            value={username}
            ref={(input) => {
              if (input && !input.dataset.focused) {
                input.dataset.focused = '1';
                input.focus();
              }
            }}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
          <small id="username-hint">{t('usernameHint')}</small>
        </div>
        <label class="inline-field">
          <span>{t('displayName')}</span>
          <input
            name="displayName"
            required
            value={displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
        </label>
        <label class="inline-field" for="new-role">
          <span>{t('role')}</span>
          <RoleSelect id="new-role" value={role} onChange={setRole} />
        </label>
        <div class="inline-field">
          <label for="new-unit">{t('unit')}</label>
          <input
            id="new-unit"
            name="unit"
            required
            aria-describedby="unit-hint"
            value={unit}
            onInput={(e) => setUnit(e.currentTarget.value)}
          />
          <small id="unit-hint">{t('unitCodeHint')}</small>
        </div>
        <label class="inline-field" for="new-clearance">
          <span>{t('clearance')}</span>
          <ClearanceSelect
            id="new-clearance"
            value={clearance}
            levels={props.levels}
            onChange={setClearance}
          />
        </label>
        <div class="form-buttons">
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? t('saving') : t('createUser')}
          </button>
          <button type="button" class="button-quiet" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EditUserPanel(props: {
  user: AdminUser;
  levels: Secrecy[];
  onClose: () => void;
  onSaved: (user: AdminUser) => void;
}) {
  const { lang, t } = useLang();
  const { user } = props;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [unit, setUnit] = useState(user.unit?.code ?? '');
  const [clearance, setClearance] = useState<Secrecy>(user.clearance);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    // Only what changed is sent: a changed role, unit or clearance ends the user's sessions.
    const changes: Record<string, string | number> = {};
    if (displayName.trim() !== user.displayName) changes.displayName = displayName.trim();
    if (role !== user.role) changes.role = role;
    if (unit.trim() !== (user.unit?.code ?? '')) changes.unit = unit.trim();
    if (clearance !== user.clearance) changes.clearance = clearance;
    if (Object.keys(changes).length === 0) {
      props.onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await apiSend<{ user: AdminUser }>('PATCH', `/api/users/${user.id}`, {
        ...changes,
        version: user.version,
      });
      props.onSaved(saved.user);
    } catch (e) {
      setError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      class="panel panel-edit"
      aria-labelledby="edit-user-heading"
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h2 id="edit-user-heading">
        {t('edit')}: {user.username}
      </h2>
      {error && <Notice kind="error">{error}</Notice>}
      <form class="admin-form" onSubmit={submit}>
        <label class="inline-field">
          <span>{t('displayName')}</span>
          <input
            value={displayName}
            ref={(input) => {
              if (input && !input.dataset.focused) {
                input.dataset.focused = '1';
                input.focus();
                input.scrollIntoView({ block: 'nearest' });
              }
            }}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
        </label>
        <label class="inline-field" for="edit-role">
          <span>{t('role')}</span>
          <RoleSelect id="edit-role" value={role} onChange={setRole} />
        </label>
        <label class="inline-field">
          <span>{t('unit')}</span>
          <input value={unit} onInput={(e) => setUnit(e.currentTarget.value)} />
        </label>
        <label class="inline-field" for="edit-clearance">
          <span>{t('clearance')}</span>
          <ClearanceSelect
            id="edit-clearance"
            value={clearance}
            levels={props.levels}
            onChange={setClearance}
          />
        </label>
        <div class="form-buttons">
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
          <button type="button" class="button-quiet" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
