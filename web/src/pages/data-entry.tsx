import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiGet, apiSend, query } from '../api.ts';
import { indicatorIndex, measureKey, measureName } from '../catalogue.ts';
import { isOpen, type LiveFinding, liveFindings, type OutlierHistory } from '../checks.ts';
import {
  ExtractionPanel,
  type ExtractionSession,
  figureElementId,
  ProposalChip,
  proposalElementId,
  proposalText,
  reveal,
  sourceOf,
  startSession,
} from '../components/extraction.tsx';
import { Notice } from '../components/notice.tsx';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  type ParsedNumber,
  parseVietnameseNumber,
  periodLabel,
  unitLabel,
} from '../format.ts';
import { type MessageKey, pick, type Translate, useLang } from '../i18n.ts';
import { addToDraft, clearDraft, type DraftCell, loadDraft } from '../offline.ts';
import { href, navigate } from '../router.ts';
import { useWorkspace } from '../session.ts';
import type {
  ApiIssue,
  Completeness,
  DueReports,
  Extraction,
  FigureSource,
  FormCell,
  FormValues,
  Indicator,
  SubmissionDetail,
  SubmissionStatus,
  SubmissionView,
} from '../types.ts';
import { useLoad } from '../use-load.ts';

const STATUS_KEY: Record<SubmissionStatus, MessageKey> = {
  draft: 'statusDraft',
  submitted: 'statusSubmitted',
  approved: 'statusApproved',
  returned: 'statusReturned',
  locked: 'statusLocked',
};

function StatusBadge(props: { status: SubmissionStatus }) {
  const { t } = useLang();
  return <span class={`badge status-${props.status}`}>{t(STATUS_KEY[props.status])}</span>;
}

export function DataEntryPage(props: { formCode: string | null }) {
  return props.formCode ? <FormEditor formCode={props.formCode} /> : <ReportsOverview />;
}

function ReportsOverview() {
  const { lang, t } = useLang();
  const { me, forms, unit, unitCode, period } = useWorkspace();
  const [due] = useLoad(
    () => apiGet<DueReports>(`/api/submissions/due${query({ unit: unitCode })}`),
    [unitCode],
  );
  const monthly = forms.filter((f) => f.periodType === 'month');
  const [chosen, setChosen] = useState(monthly[0]?.code ?? '');
  const params = { unit: unitCode, period };
  const formName = (code: string) => {
    const form = forms.find((f) => f.code === code);
    return form ? pick(lang, form.name, form.nameEn) : code;
  };
  return (
    <section class="page">
      <h1>
        {t('reportsHeading')}{' '}
        <span class="heading-period">· {unit ? pick(lang, unit.name, unit.nameEn) : unitCode}</span>
      </h1>
      <div class="panel">
        {due.state === 'loading' && <p class="muted">{t('loading')}</p>}
        {due.state === 'failed' && due.error.status !== 404 && (
          <Notice kind="error">{pick(lang, due.error.messageVi, due.error.messageEn)}</Notice>
        )}
        {due.state === 'ready' && due.data.reports.length === 0 && <p class="muted">{t('noDueReports')}</p>}
        {due.state === 'ready' && due.data.reports.length > 0 && (
          <div class="table-scroll">
            <table class="data-table due-table">
              <thead>
                <tr>
                  <th scope="col">{t('form')}</th>
                  <th scope="col">{t('period')}</th>
                  <th scope="col">{t('deadline')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {due.data.reports.map((report) => (
                  <tr
                    key={`${report.form}-${report.period}`}
                    class={report.timeliness === 'late' ? 'row-late' : undefined}
                  >
                    <th scope="row">
                      {formName(report.form)} <span class="unit-code">{report.form}</span>
                    </th>
                    <td>{periodLabel(report.period, lang)}</td>
                    <td>{formatDate(report.deadline)}</td>
                    <td>
                      <StatusBadge status={report.status} />
                    </td>
                    <td>
                      <a
                        class="button-link"
                        href={href('bao-cao', report.form, { unit: report.unit, period: report.period })}
                      >
                        {t('open')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <form
          class="open-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) navigate(href('bao-cao', chosen, params));
          }}
        >
          <label class="inline-field">
            <span>{t('form')}</span>
            <select value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
              {monthly.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.code} – {pick(lang, f.name, f.nameEn)}
                </option>
              ))}
            </select>
          </label>
          <span class="muted">{periodLabel(period, lang)}</span>
          <button type="submit" class="button-primary">
            {t('openForm')}
          </button>
        </form>
      </div>
      {(me.role === 'approver' || me.role === 'analyst') && <ApprovalsPanel />}
    </section>
  );
}

type DeskFilter = 'submitted' | 'all' | 'missing' | 'late' | 'warnings';

const DESK_FILTERS: Array<[DeskFilter, MessageKey]> = [
  ['submitted', 'filterSubmitted'],
  ['all', 'filterAll'],
  ['missing', 'filterMissing'],
  ['late', 'filterLate'],
  ['warnings', 'filterWarnings'],
];

/**
 * The approver's desk: every unit below with its status, lateness and open warnings; approve one, return one
 * with a reason, or approve at once every chosen report that has no open warning.
 */
function ApprovalsPanel() {
  const { lang, t } = useLang();
  const { me, forms, unitCode, period } = useWorkspace();
  const form = forms.find((f) => f.code === 'BC-THANG') ?? forms[0];
  const keyParams = query({ form: form?.code, unit: unitCode, period });
  const [completeness, reload] = useLoad(
    () =>
      Promise.all([
        apiGet<Completeness>(`/api/completeness${keyParams}`),
        apiGet<{ units: Array<{ unit: string; open: number; total: number }> }>(
          `/api/validation/open${keyParams}`,
        ).catch(() => ({ units: [] })),
      ]).then(([data, warnings]) => ({
        ...data,
        open: new Map(warnings.units.map((u) => [u.unit, u.open])),
      })),
    [keyParams],
  );
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [returning, setReturning] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [filter, setFilter] = useState<DeskFilter>('submitted');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setMessage(null);
    setChosen(new Set());
  }, [keyParams]);
  const send = (view: SubmissionView, action: 'approve' | 'return') =>
    apiSend('POST', `/api/submissions/${action}`, {
      form: view.form,
      unit: view.unit,
      period: view.period,
      ...(action === 'return' ? { reason: reason.trim() } : {}),
    });
  const failure = (e: unknown) => (e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
  const act = async (view: SubmissionView, action: 'approve' | 'return') => {
    if (action === 'return' && !reason.trim()) {
      setMessage({ kind: 'error', text: t('returnReasonRequired') });
      return;
    }
    try {
      await send(view, action);
      setMessage({
        kind: 'success',
        text: `${view.unitName}: ${t(action === 'approve' ? 'approved' : 'returned')}`,
      });
      setReturning(null);
      setReason('');
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: failure(e) });
    }
  };
  if (completeness.state === 'failed' && completeness.error.status === 404) return null;
  const open = completeness.state === 'ready' ? completeness.data.open : new Map<string, number>();
  const below =
    completeness.state === 'ready' ? completeness.data.units.filter((u) => u.unit !== unitCode) : [];
  const approvable = (view: SubmissionView) =>
    me.role === 'approver' && view.status === 'submitted' && (open.get(view.unit) ?? 0) === 0;
  const shown = below.filter((view) => deskMatches(view, filter, open));
  const selected = below.filter((view) => chosen.has(view.unit) && approvable(view));
  const approveChosen = async () => {
    setBusy(true);
    const failed: string[] = [];
    let done = 0;
    for (const view of selected) {
      try {
        await send(view, 'approve');
        done++;
      } catch (e) {
        failed.push(`${view.unitName}: ${failure(e)}`);
      }
    }
    setBusy(false);
    setChosen(new Set());
    setMessage(
      failed.length > 0
        ? { kind: 'error', text: `${t('approvedCount')}: ${done}. ${failed.join('; ')}` }
        : { kind: 'success', text: `${t('approvedCount')}: ${done}` },
    );
    reload();
  };
  const toggle = (code: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  return (
    <section class="panel approvals-desk" aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">
        {t('approvalsHeading')} <span class="heading-period">· {periodLabel(period, lang)}</span>
      </h2>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {completeness.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {completeness.state === 'failed' && (
        <Notice kind="error">{pick(lang, completeness.error.messageVi, completeness.error.messageEn)}</Notice>
      )}
      {completeness.state === 'ready' && (
        <div class="desk-toolbar">
          <label class="inline-field">
            <span>{t('show')}</span>
            <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as DeskFilter)}>
              {DESK_FILTERS.map(([value, key]) => (
                <option key={value} value={value}>
                  {t(key)} ({below.filter((v) => deskMatches(v, value, open)).length})
                </option>
              ))}
            </select>
          </label>
          {me.role === 'approver' && (
            <>
              <button
                type="button"
                class="button-quiet"
                onClick={() => setChosen(new Set(shown.filter(approvable).map((v) => v.unit)))}
              >
                {t('chooseApprovable')}
              </button>
              <button
                type="button"
                class="button-primary"
                disabled={busy || selected.length === 0}
                onClick={() => void approveChosen()}
              >
                {t('approveChosen')} ({selected.length})
              </button>
            </>
          )}
        </div>
      )}
      {completeness.state === 'ready' && shown.length === 0 && <p class="muted">{t('noSubmissions')}</p>}
      {shown.length > 0 && (
        <div class="table-scroll">
          <table class="data-table desk-table">
            <thead>
              <tr>
                {me.role === 'approver' && (
                  <th scope="col">
                    <span class="visually-hidden">{t('choose')}</span>
                  </th>
                )}
                <th scope="col">{t('unit')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('deadline')}</th>
                <th scope="col" class="num">
                  {t('openWarningsColumn')}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t('approve')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((view) => {
                const warnings = open.get(view.unit) ?? 0;
                return (
                  <tr key={view.unit} class={view.timeliness === 'late' ? 'row-late' : undefined}>
                    {me.role === 'approver' && (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${t('choose')}: ${view.unitName}`}
                          disabled={!approvable(view)}
                          checked={chosen.has(view.unit)}
                          onChange={(e) => toggle(view.unit, e.currentTarget.checked)}
                        />
                      </td>
                    )}
                    <th scope="row">
                      <a href={href('bao-cao', view.form, { unit: view.unit, period: view.period })}>
                        {view.unitName}
                      </a>
                    </th>
                    <td>
                      <StatusBadge status={view.status} />
                      {view.timeliness === 'late' && <span class="badge badge-late">{t('lateMark')}</span>}
                      {view.submittedAt && <small class="muted"> {formatDateTime(view.submittedAt)}</small>}
                    </td>
                    <td>{formatDate(view.deadline)}</td>
                    <td class={`num${warnings > 0 ? ' warning-count' : ''}`}>
                      {warnings > 0 ? warnings : '—'}
                    </td>
                    <td class="actions">
                      {view.status === 'submitted' && me.role === 'approver' && (
                        <button type="button" class="button-primary" onClick={() => act(view, 'approve')}>
                          {t('approve')}
                        </button>
                      )}
                      {(view.status === 'submitted' || view.status === 'approved') &&
                        (returning === view.unit ? (
                          <form
                            class="return-form"
                            onSubmit={(event) => {
                              event.preventDefault();
                              void act(view, 'return');
                            }}
                          >
                            <input
                              aria-label={t('returnReason')}
                              placeholder={t('returnReason')}
                              value={reason}
                              onInput={(e) => setReason(e.currentTarget.value)}
                              ref={(input) => input?.focus()}
                            />
                            <button type="submit" class="button-danger">
                              {t('returnReport')}
                            </button>
                          </form>
                        ) : (
                          <button type="button" class="button-quiet" onClick={() => setReturning(view.unit)}>
                            {t('returnReport')}
                          </button>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function deskMatches(view: SubmissionView, filter: DeskFilter, open: ReadonlyMap<string, number>): boolean {
  if (filter === 'all') return true;
  if (filter === 'submitted') return view.status === 'submitted';
  if (filter === 'missing') return view.timeliness === 'missing';
  if (filter === 'late') return view.timeliness === 'late';
  return (open.get(view.unit) ?? 0) > 0;
}

interface EntryCell {
  indicator: Indicator;
  option: string | null;
  /** What the user sees and types. */
  text: string;
  /** The last figure the server holds, and its version for conflict detection. */
  saved: number | null;
  version: number;
  comment: string;
  savedComment: string;
  previous: number | null;
  lastYear: number | null;
  error: MessageKey | null;
  /** Where the saved figure was read from, as the server remembers it. */
  source: FigureSource | null;
  /** An accepted proposal not yet saved: sent with the figure, dropped if the figure is typed over. */
  pendingSource: FigureSource | null;
}

function cellText(value: number | null, decimals: number): string {
  return value === null ? '' : formatNumber(value, decimals);
}

function parseCell(cell: EntryCell): ParsedNumber {
  return parseVietnameseNumber(cell.text, { integer: cell.indicator.valueType === 'integer' });
}

const PARSE_ERROR: Record<Exclude<ParsedNumber, { ok: true }>['reason'], MessageKey> = {
  ambiguous: 'ambiguous',
  invalid: 'invalidNumber',
  negative: 'negativeNumber',
  fraction: 'fractionNotAllowed',
};

/** Waits this long after the last keystroke before saving, so that a figure is saved once, not per digit. */
const AUTOSAVE_DELAY_MS = 1000;

type SaveState =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'offline' }
  | { state: 'failed'; message: string };

function FormEditor(props: { formCode: string }) {
  const { lang, t } = useLang();
  const { catalogue, forms, unitCode, period, me } = useWorkspace();
  const form = forms.find((f) => f.code === props.formCode);
  const indicators = indicatorIndex(catalogue);
  const [cells, setCells] = useState<EntryCell[] | null>(null);
  const [status, setStatus] = useState<SubmissionStatus>('draft');
  const [unitName, setUnitName] = useState(unitCode);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const [conflict, setConflict] = useState(false);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [submitMessage, setSubmitMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(
    null,
  );
  const [submitting, setSubmitting] = useState(false);
  const [detail, setDetail] = useState<SubmissionDetail | null>(null);
  const [history, setHistory] = useState<OutlierHistory | null>(null);
  const [confirming, setConfirming] = useState<'blank' | 'early' | null>(null);
  const [offlineConflicts, setOfflineConflicts] = useState<OfflineConflict[] | null>(null);
  const syncing = useRef(false);
  const awaitingChoice = useRef(false);
  const draftKey = `${me.id}|${props.formCode}|${unitCode}|${period}`;
  const cellsRef = useRef<EntryCell[] | null>(null);
  cellsRef.current = cells;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<void> | null>(null);
  const [extraction, setExtraction] = useState<ExtractionSession | null>(null);

  const valuesUrl = `/api/values${query({ form: props.formCode, unit: unitCode, period })}`;

  const toCells = (data: FormValues): EntryCell[] =>
    data.cells.flatMap((c: FormCell) => {
      const indicator = indicators.get(c.indicator);
      if (!indicator) return [];
      return [
        {
          indicator,
          option: c.option,
          text: cellText(c.value, indicator.decimals),
          saved: c.value,
          version: c.version,
          comment: c.comment ?? '',
          savedComment: c.comment ?? '',
          previous: c.previous,
          lastYear: c.lastYear,
          error: null,
          source: c.source ?? null,
          pendingSource: null,
        },
      ];
    });

  const keyParams = query({ form: props.formCode, unit: unitCode, period });
  const loadDetail = async () => {
    try {
      const found = await apiGet<SubmissionDetail>(`/api/submissions${keyParams}`);
      setDetail(found);
      setStatus(found.status);
    } catch {
      // The figures still load; the history is only missing.
      setDetail(null);
    }
  };

  const load = async () => {
    try {
      const data = await apiGet<FormValues>(valuesUrl);
      // Figures typed without a network, not yet taken by the server, are shown over the stored ones.
      const draft = new Map((await loadDraft(draftKey).catch(() => [])).map((d) => [d.key, d]));
      setCells(
        toCells(data).map((cell) => {
          const d = draft.get(measureKey(cell.indicator.code, cell.option));
          if (!d) return cell;
          return {
            ...cell,
            text: cellText(d.value, cell.indicator.decimals),
            saved: d.value,
            comment: d.comment,
            savedComment: d.comment,
            version: d.version,
          };
        }),
      );
      if (draft.size > 0) setSave({ state: 'offline' });
      setStatus(data.status);
      setUnitName(data.unit.name);
      setLoadError(null);
      void loadDetail();
      apiGet<OutlierHistory>(`/api/validation/history${keyParams}`).then(setHistory, () => setHistory(null));
    } catch (e) {
      setLoadError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
    }
  };

  // Reload only when the report shown changes.
  useEffect(() => {
    setCells(null);
    setIssues([]);
    setSubmitMessage(null);
    setSave({ state: 'idle' });
    setExtraction(null);
    setDetail(null);
    setHistory(null);
    setConfirming(null);
    void load();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [valuesUrl]);

  const editable = (status === 'draft' || status === 'returned') && me.role === 'officer';

  const changedCells = (list: EntryCell[]) =>
    list.filter((c) => {
      const parsed = parseCell(c);
      return (
        parsed.ok &&
        (parsed.value !== c.saved || c.comment.trim() !== c.savedComment || c.pendingSource !== null)
      );
    });

  const flush = async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (saving.current) await saving.current;
    const list = cellsRef.current;
    if (!list) return;
    const changed = changedCells(list);
    if (changed.length === 0) return;
    const sent = changed.map((c) => {
      const parsed = parseCell(c);
      return {
        key: measureKey(c.indicator.code, c.option),
        value: parsed.ok ? parsed.value : null,
        comment: c.comment.trim(),
        version: c.version,
        indicator: c.indicator.code,
        option: c.option,
        source: c.pendingSource,
      };
    });
    const sentByKey = new Map(sent.map((s) => [s.key, s]));
    setSave({ state: 'saving' });
    const run = (async () => {
      try {
        await apiSend('PUT', '/api/values', {
          form: props.formCode,
          unit: unitCode,
          period,
          cells: sent.map((s) => ({
            indicator: s.indicator,
            option: s.option,
            value: s.value,
            comment: s.comment || null,
            version: s.version,
            ...(s.source ? { source: s.source } : {}),
          })),
        });
        // The save answers with counts only; the new versions are read back for the next conflict check.
        const fresh = await apiGet<FormValues>(valuesUrl);
        const byKey = new Map(fresh.cells.map((c) => [measureKey(c.indicator, c.option), c]));
        setCells((current) =>
          (current ?? []).map((cell) => {
            const key = measureKey(cell.indicator.code, cell.option);
            const server = byKey.get(key);
            if (!server) return cell;
            const mine = sentByKey.get(key);
            const parsed = parseCell(cell);
            // Untouched since it was sent: show the figure as stored (rounded to the indicator's decimals).
            const untouched = mine !== undefined && parsed.ok && parsed.value === mine.value;
            return {
              ...cell,
              saved: server.value,
              version: server.version,
              savedComment: server.comment ?? '',
              source: server.source ?? null,
              pendingSource: mine && cell.pendingSource === mine.source ? null : cell.pendingSource,
              text:
                untouched && server.value !== mine.value
                  ? cellText(server.value, cell.indicator.decimals)
                  : cell.text,
            };
          }),
        );
        setSave({ state: 'saved', at: new Date().toISOString() });
        setConflict(false);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'network') {
          // No network: the figures wait in this browser and go when it is back.
          await addToDraft(
            draftKey,
            sent.map((c) => ({
              key: c.key,
              indicator: c.indicator,
              option: c.option,
              value: c.value,
              comment: c.comment,
              version: c.version,
            })),
          );
          setCells((current) =>
            (current ?? []).map((cell) => {
              const mine = sentByKey.get(measureKey(cell.indicator.code, cell.option));
              return mine ? { ...cell, saved: mine.value, savedComment: mine.comment } : cell;
            }),
          );
          setSave({ state: 'offline' });
        } else if (e instanceof ApiError && e.code === 'conflict') {
          setConflict(true);
          setSave({ state: 'idle' });
          await load();
        } else {
          setSave({
            state: 'failed',
            message: e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e),
          });
        }
      }
    })();
    saving.current = run;
    await run;
    saving.current = null;
  };

  /** Sends the figures kept offline; the server's version check decides, and a clash is put to the officer. */
  const syncDraft = async (): Promise<void> => {
    // One sync at a time, and none while the officer is choosing between their figure and the server's.
    if (syncing.current || awaitingChoice.current) return;
    syncing.current = true;
    try {
      await syncOnce();
    } finally {
      syncing.current = false;
    }
  };
  const syncOnce = async (): Promise<void> => {
    const draft = await loadDraft(draftKey).catch(() => [] as DraftCell[]);
    if (draft.length === 0 || !navigator.onLine) return;
    const put = (cells: DraftCell[], versions?: Map<string, number>) =>
      apiSend('PUT', '/api/values', {
        form: props.formCode,
        unit: unitCode,
        period,
        cells: cells.map((c) => ({
          indicator: c.indicator,
          option: c.option,
          value: c.value,
          comment: c.comment || null,
          version: versions?.get(c.key) ?? c.version,
        })),
      });
    setSave({ state: 'saving' });
    try {
      await put(draft);
      await clearDraft(draftKey);
      await load();
      setSave({ state: 'saved', at: new Date().toISOString() });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') {
        const fresh = await apiGet<FormValues>(valuesUrl);
        const byKey = new Map(fresh.cells.map((c) => [measureKey(c.indicator, c.option), c]));
        const versions = new Map(draft.map((d) => [d.key, byKey.get(d.key)?.version ?? 0]));
        const clashes = draft.filter((d) => (byKey.get(d.key)?.version ?? 0) !== d.version);
        if (clashes.length === 0) {
          // The server refused a version this read does not show yet (an answer kept from before the network came
          // back): keep the figures and try again shortly rather than wait on a choice with nothing to choose.
          setSave({ state: 'offline' });
          return;
        }
        awaitingChoice.current = true;
        setOfflineConflicts(
          clashes.map((d) => ({
            key: d.key,
            mine: d.value,
            server: byKey.get(d.key)?.value ?? null,
            resolve: async (keepMine: boolean) => {
              const send = keepMine ? draft : draft.filter((x) => !clashes.includes(x));
              if (send.length > 0) await put(send, versions);
              await clearDraft(draftKey);
              awaitingChoice.current = false;
              setOfflineConflicts(null);
              await load();
              setSave({ state: 'saved', at: new Date().toISOString() });
            },
          })),
        );
        setSave({ state: 'offline' });
      } else if (e instanceof ApiError && e.code === 'network') {
        setSave({ state: 'offline' });
      } else {
        setSave({
          state: 'failed',
          message: e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e),
        });
      }
    }
  };

  useEffect(() => {
    const online = () => void syncDraft();
    window.addEventListener('online', online);
    if (navigator.onLine) void syncDraft();
    // The online event is not always delivered (a network that comes back unnoticed): look again now and then.
    const timer = setInterval(online, 5000);
    return () => {
      window.removeEventListener('online', online);
      clearInterval(timer);
    };
  }, [draftKey]);

  const schedule = () => {
    if (timer.current) clearTimeout(timer.current);
    setSave({ state: 'pending' });
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  };

  const update = (index: number, changes: Partial<EntryCell>) => {
    setCells((current) =>
      current ? current.map((c, i) => (i === index ? { ...c, ...changes } : c)) : current,
    );
  };

  const onValueInput = (index: number, text: string) => {
    const cell = cells?.[index];
    if (!cell) return;
    const next = { ...cell, text };
    const parsed = parseCell(next);
    // Errors are shown when the user leaves the cell, not while a number like "1.4" is still being typed.
    // A figure typed over is no longer the one read from the report, so it loses its source.
    update(index, { text, error: parsed.ok ? null : cell.error, pendingSource: null });
    if (parsed.ok) schedule();
  };

  const onValueBlur = (index: number) => {
    const cell = cells?.[index];
    if (!cell) return;
    const parsed = parseCell(cell);
    if (!parsed.ok) {
      update(index, { error: PARSE_ERROR[parsed.reason] });
      return;
    }
    update(index, { error: null, text: cellText(parsed.value, cell.indicator.decimals) });
  };

  const moveFocus = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('.entry-input:not([disabled])'));
    const index = inputs.indexOf(event.currentTarget as HTMLInputElement);
    const next = inputs[index + (event.shiftKey ? -1 : 1)];
    if (next) {
      next.focus();
      next.select();
    }
  };

  const cellKeys = new Set((cells ?? []).map((c) => measureKey(c.indicator.code, c.option)));

  const activate = (id: number) => setExtraction((current) => current && { ...current, active: id });

  const showFigure = (id: number) => {
    activate(id);
    reveal(figureElementId(id));
  };

  const showProposal = (id: number) => {
    activate(id);
    reveal(proposalElementId(id));
  };

  const setProposalStatus = (id: number, status: 'accepted' | 'rejected') =>
    setExtraction(
      (current) =>
        current && {
          ...current,
          active: id,
          proposals: current.proposals.map((p) => (p.id === id ? { ...p, status } : p)),
        },
    );

  /**
   * Puts a figure the catalogue did not recognise ("6 gậy điện") into the cell the officer chose: it is proposed
   * there as written, to be accepted, corrected or rejected like any other.
   */
  const placeProposal = (id: number, key: string) => {
    const cell = cells?.find((c) => measureKey(c.indicator.code, c.option) === key);
    if (!cell) return;
    setExtraction(
      (current) =>
        current && {
          ...current,
          active: id,
          proposals: current.proposals.map((p) =>
            p.id === id
              ? { ...p, key, indicator: cell.indicator, value: p.figure.value, status: 'pending' }
              : p,
          ),
        },
    );
    setTimeout(() => reveal(proposalElementId(id)), 0);
  };

  /** Fills a cell from a proposal, remembering the words it was read from; a refused value says why. */
  const acceptProposal = (id: number, text: string): MessageKey | null => {
    const proposal = extraction?.proposals[id];
    if (!extraction || !cells || !proposal?.key) return null;
    const index = cells.findIndex((c) => measureKey(c.indicator.code, c.option) === proposal.key);
    const cell = cells[index];
    if (!cell) return null;
    const parsed = parseVietnameseNumber(text, { integer: cell.indicator.valueType === 'integer' });
    if (!parsed.ok) return PARSE_ERROR[parsed.reason];
    if (parsed.value === null) return 'invalidNumber';
    update(index, { text: text.trim(), error: null, pendingSource: sourceOf(extraction, proposal) });
    setProposalStatus(id, 'accepted');
    schedule();
    return null;
  };

  /**
   * Accepts every pending proposal except where the officer has already typed a different figure: those stay
   * pending, and the page says how many, so that nothing typed is silently replaced.
   */
  const acceptAll = () => {
    let kept = 0;
    for (const proposal of extraction?.proposals ?? []) {
      if (!proposal.key || proposal.status !== 'pending') continue;
      const cell = cells?.find((c) => measureKey(c.indicator.code, c.option) === proposal.key);
      const typed = cell ? parseCell(cell) : null;
      if (cell && cell.text.trim() !== '' && typed?.ok && typed.value !== proposal.value) {
        kept++;
        continue;
      }
      acceptProposal(proposal.id, proposalText(proposal));
    }
    setSubmitMessage(kept > 0 ? { kind: 'error', text: `${t('keptTyped')}: ${kept}` } : null);
  };

  const submit = async (confirmed: { blank?: boolean; early?: boolean } = {}) => {
    const list = cellsRef.current;
    if (!list) return;
    setSubmitMessage(null);
    setIssues([]);
    setConfirming(null);
    if (list.some((c) => !parseCell(c).ok)) {
      setCells(
        list.map((c) => {
          const parsed = parseCell(c);
          return parsed.ok ? c : { ...c, error: PARSE_ERROR[parsed.reason] };
        }),
      );
      setSubmitMessage({ kind: 'error', text: t('submitBlocked') });
      return;
    }
    const open = findingsOf(list).filter((f) => isOpen(f, commentsOf(list)));
    if (open.length > 0) {
      setSubmitMessage({ kind: 'error', text: `${t('openFindings')}: ${open.length}` });
      return;
    }
    if (!confirmed.blank && list.some((c) => c.text.trim() === '')) {
      setConfirming('blank');
      return;
    }
    if (!confirmed.early && detail && detail.today <= detail.closesOn) {
      setConfirming('early');
      return;
    }
    setSubmitting(true);
    try {
      await flush();
      await apiSend('POST', '/api/submissions/submit', { form: props.formCode, unit: unitCode, period });
      setStatus('submitted');
      setSubmitMessage({ kind: 'success', text: t('submitted') });
      void loadDetail();
    } catch (e) {
      if (e instanceof ApiError) {
        setIssues(e.issues);
        setSubmitMessage({ kind: 'error', text: pick(lang, e.messageVi, e.messageEn) });
      } else {
        setSubmitMessage({ kind: 'error', text: String(e) });
      }
    } finally {
      setSubmitting(false);
    }
  };

  /** Blank cells confirmed as "không phát sinh" (nothing happened) are saved as 0, then the submission goes on. */
  const confirmBlanks = async () => {
    const list = cellsRef.current;
    if (!list) return;
    const next = list.map((c) => (c.text.trim() === '' ? { ...c, text: '0', error: null } : c));
    cellsRef.current = next;
    setCells(next);
    await submit({ blank: true });
  };

  /** Approve or return from the review screen; a return needs a reason. */
  const decide = async (action: 'approve' | 'return', reason: string): Promise<string | null> => {
    if (action === 'return' && !reason.trim()) return t('returnReasonRequired');
    try {
      await apiSend('POST', `/api/submissions/${action}`, {
        form: props.formCode,
        unit: unitCode,
        period,
        ...(action === 'return' ? { reason: reason.trim() } : {}),
      });
      setSubmitMessage({ kind: 'success', text: t(action === 'approve' ? 'approved' : 'returned') });
      await loadDetail();
      return null;
    } catch (e) {
      return e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e);
    }
  };

  const findingsOf = (list: EntryCell[]): LiveFinding[] => {
    const values = new Map<string, number | null>();
    for (const c of list) {
      const parsed = parseCell(c);
      values.set(measureKey(c.indicator.code, c.option), parsed.ok ? parsed.value : null);
    }
    return liveFindings(values, form?.indicators ?? [...new Set(list.map((c) => c.indicator.code))], history);
  };
  const commentsOf = (list: EntryCell[]) =>
    new Map(list.map((c) => [measureKey(c.indicator.code, c.option), c.comment]));
  const findings = cells ? findingsOf(cells) : [];
  const comments = cells ? commentsOf(cells) : new Map<string, string>();
  const findingsFor = (key: string) => findings.filter((f) => f.fields.includes(key));
  const nameOf = (key: string) => {
    const [code, option] = key.split('/') as [string, string | undefined];
    const indicator = indicators.get(code);
    return indicator ? measureName(indicator, option ?? null, lang) : key;
  };

  const issuesFor = (cell: EntryCell) => issues.filter((issue) => issueMatches(issue.field, cell));
  const unmatchedIssues = cells
    ? issues.filter((issue) => !cells.some((c) => issueMatches(issue.field, c)))
    : issues;

  const byField = new Map<string, number[]>();
  cells?.forEach((cell, index) => {
    byField.set(cell.indicator.field, [...(byField.get(cell.indicator.field) ?? []), index]);
  });

  return (
    <section class="page">
      <p class="breadcrumb">
        <a href={href('bao-cao', null, { unit: unitCode, period })}>{t('reportsHeading')}</a> ›
      </p>
      <h1>
        {form ? pick(lang, form.name, form.nameEn) : props.formCode}{' '}
        <span class="heading-period">
          · {unitName} · {periodLabel(period, lang)}
        </span>
      </h1>
      {loadError && <Notice kind="error">{loadError}</Notice>}
      {conflict && <Notice kind="warning">{t('conflict')}</Notice>}
      {offlineConflicts && offlineConflicts.length > 0 && (
        <div
          class="panel confirm-panel offline-conflicts"
          role="alertdialog"
          aria-labelledby="offline-conflicts"
        >
          <p id="offline-conflicts">{t('offlineConflict')}</p>
          <ul>
            {offlineConflicts.map((c) => (
              <li key={c.key} data-key={c.key}>
                {nameOf(c.key)}: {t('offlineMine')}{' '}
                <strong>{c.mine === null ? '—' : formatNumber(c.mine, 3)}</strong>, {t('offlineServer')}{' '}
                <strong>{c.server === null ? '—' : formatNumber(c.server, 3)}</strong>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="button-primary"
            onClick={() => void offlineConflicts[0]?.resolve(true)}
          >
            {t('keepMine')}
          </button>{' '}
          <button type="button" class="button-quiet" onClick={() => void offlineConflicts[0]?.resolve(false)}>
            {t('useServer')}
          </button>
        </div>
      )}
      {cells && (
        <>
          <div class="entry-toolbar">
            <StatusBadge status={status} />
            <SaveIndicator save={save} t={t} />
            {editable && (
              <button
                type="button"
                class="button-primary push-right"
                onClick={() => void submit()}
                disabled={submitting}
              >
                {submitting ? t('submitting') : t('submit')}
              </button>
            )}
          </div>
          {!editable && me.role === 'officer' && <Notice kind="info">{t('readOnly')}</Notice>}
          {detail && <ReturnedNotice detail={detail} />}
          {detail && me.role === 'approver' && detail.status === 'submitted' && (
            <ReviewActions onDecide={decide} />
          )}
          {findings.length > 0 && <FindingsPanel findings={findings} comments={comments} nameOf={nameOf} />}
          {confirming === 'blank' && cells && (
            <div class="panel confirm-panel" role="alertdialog" aria-labelledby="confirm-blank">
              <p id="confirm-blank">
                {t('blankCells')}: {cells.filter((c) => c.text.trim() === '').length}. {t('blankCellsHint')}
              </p>
              <button type="button" class="button-primary" onClick={() => void confirmBlanks()}>
                {t('confirmNothingHappened')}
              </button>{' '}
              <button
                type="button"
                class="button-quiet"
                onClick={() => {
                  setConfirming(null);
                  document.querySelector<HTMLInputElement>('.entry-input[data-blank]')?.focus();
                }}
              >
                {t('fillBlanks')}
              </button>
            </div>
          )}
          {confirming === 'early' && detail && (
            <div class="panel confirm-panel" role="alertdialog" aria-labelledby="confirm-early">
              <p id="confirm-early">
                {t('periodNotClosed')} {formatDate(detail.closesOn)}. {t('submitAnyway')}
              </p>
              <button
                type="button"
                class="button-primary"
                onClick={() => void submit({ blank: true, early: true })}
              >
                {t('submitNow')}
              </button>{' '}
              <button type="button" class="button-quiet" onClick={() => setConfirming(null)}>
                {t('cancel')}
              </button>
            </div>
          )}
          {editable && <p class="hint">{t('entryHint')}</p>}
          {editable && (
            <ExtractionPanel
              session={extraction}
              onResult={(result: Extraction) => setExtraction(startSession(result, cellKeys, indicators))}
              cells={(cells ?? []).map((c) => ({
                key: measureKey(c.indicator.code, c.option),
                label: measureName(c.indicator, c.option, lang),
              }))}
              onShowProposal={showProposal}
              onPlace={placeProposal}
              onAcceptAll={acceptAll}
              onClose={() => setExtraction(null)}
            />
          )}
          {submitMessage && <Notice kind={submitMessage.kind}>{submitMessage.text}</Notice>}
          {unmatchedIssues.length > 0 && (
            <ul class="issue-list">
              {unmatchedIssues.map((issue) => (
                <li
                  key={issue.field + issue.reason}
                  class={issueSeverity(issue) === 'critical' ? 'issue-critical' : 'issue-warning'}
                >
                  {issue.reason}
                </li>
              ))}
            </ul>
          )}
          <div class="panel table-scroll">
            <table class="data-table entry-table">
              <thead>
                <tr>
                  <th scope="col">{t('indicator')}</th>
                  <th scope="col" class="num">
                    {t('value')}
                  </th>
                  <th scope="col">{t('measureUnit')}</th>
                  <th scope="col" class="num">
                    {t('previousPeriod')}
                  </th>
                  <th scope="col" class="num">
                    {t('samePeriodLastYear')}
                  </th>
                  <th scope="col">{t('comment')}</th>
                </tr>
              </thead>
              {catalogue.fields
                .filter((field) => byField.has(field.code))
                .map((field) => (
                  <tbody key={field.code}>
                    <tr class="group-row">
                      <th scope="rowgroup" colSpan={6}>
                        {pick(lang, field.nameVi, field.nameEn)}
                      </th>
                    </tr>
                    {(byField.get(field.code) ?? []).map((index) => {
                      const cell = cells[index] as EntryCell;
                      const key = measureKey(cell.indicator.code, cell.option);
                      const cellIssues = issuesFor(cell);
                      const cellFindings = findingsFor(key);
                      const flagged = cellIssues.length > 0 || cellFindings.length > 0;
                      const errorId = `error-${key.replace(/[^a-z0-9]/gi, '-')}`;
                      const label = measureName(cell.indicator, cell.option, lang);
                      const needsComment = flagged || cell.comment !== '';
                      const proposals = extraction?.proposals.filter((p) => p.key === key) ?? [];
                      const parsed = parseCell(cell);
                      // A saved source belongs to the saved figure: once typed over, it no longer applies.
                      const source =
                        cell.pendingSource ?? (parsed.ok && parsed.value === cell.saved ? cell.source : null);
                      return (
                        <Fragment key={key}>
                          <tr class={flagged || cell.error ? 'row-issue' : undefined}>
                            <th scope="row">{label}</th>
                            <td class="num value-cell">
                              <span class="entry-cell">
                                <input
                                  class="entry-input"
                                  inputMode="decimal"
                                  autocomplete="off"
                                  data-key={key}
                                  aria-label={label}
                                  aria-invalid={cell.error ? true : undefined}
                                  aria-describedby={cell.error || flagged ? errorId : undefined}
                                  data-blank={cell.text.trim() === '' ? '' : undefined}
                                  value={cell.text}
                                  disabled={!editable}
                                  onInput={(e) => onValueInput(index, e.currentTarget.value)}
                                  onBlur={() => onValueBlur(index)}
                                  onKeyDown={moveFocus}
                                />
                                {source && <SourceMarker source={source} />}
                              </span>
                              {(cell.error || flagged) && (
                                <div id={errorId} class="cell-messages">
                                  {cell.error && <p class="field-error">{t(cell.error)}</p>}
                                  {cellFindings.map((f) => (
                                    <p
                                      key={f.id}
                                      class={
                                        f.kind === 'critical'
                                          ? 'field-error'
                                          : isOpen(f, comments)
                                            ? 'field-warning'
                                            : 'field-explained'
                                      }
                                    >
                                      {pick(lang, f.messageVi, f.messageEn)}
                                    </p>
                                  ))}
                                  {cellIssues.map((issue) => (
                                    <p
                                      key={issue.reason}
                                      class={
                                        issueSeverity(issue) === 'critical' ? 'field-error' : 'field-warning'
                                      }
                                    >
                                      {issue.reason}
                                    </p>
                                  ))}
                                </div>
                              )}
                            </td>
                            <td class="unit-cell">{unitLabel(cell.indicator.unit, lang)}</td>
                            <td class="num muted">
                              <span class="cell-label">{t('previousPeriod')} </span>
                              {cell.previous === null
                                ? '—'
                                : formatNumber(cell.previous, cell.indicator.decimals)}
                            </td>
                            <td class="num muted">
                              <span class="cell-label">{t('samePeriodLastYear')} </span>
                              {cell.lastYear === null
                                ? '—'
                                : formatNumber(cell.lastYear, cell.indicator.decimals)}
                            </td>
                            <td class="comment-cell">
                              <input
                                class="comment-input"
                                aria-label={`${t('comment')}: ${label}`}
                                placeholder={needsComment ? t('comment') : ''}
                                // Explanations are reached by Tab only where one is asked for, so that Tab
                                // otherwise walks figure to figure.
                                tabIndex={needsComment ? 0 : -1}
                                value={cell.comment}
                                disabled={!editable}
                                onInput={(e) => {
                                  update(index, { comment: e.currentTarget.value });
                                  schedule();
                                }}
                              />
                            </td>
                          </tr>
                          {proposals.length > 0 && (
                            <tr class="proposal-row" data-key={key}>
                              <td />
                              <td colSpan={5}>
                                {proposals.map((p) => (
                                  <ProposalChip
                                    key={p.id}
                                    proposal={p}
                                    active={extraction?.active === p.id}
                                    onAccept={(text) => acceptProposal(p.id, text)}
                                    onReject={() => setProposalStatus(p.id, 'rejected')}
                                    onShow={() => showFigure(p.id)}
                                  />
                                ))}
                              </td>
                            </tr>
                          )}
                        </Fragment>
                      );
                    })}
                  </tbody>
                ))}
            </table>
          </div>
        </>
      )}
      {detail && detail.events.length > 0 && <HistoryPanel detail={detail} />}
      {!cells && !loadError && <p class="muted">{t('loading')}</p>}
    </section>
  );
}

type SubmissionEvent = SubmissionDetail['events'][number];

const ACTION_KEY: Record<SubmissionEvent['action'], MessageKey> = {
  submit: 'eventSubmit',
  approve: 'eventApprove',
  return: 'eventReturn',
  lock: 'eventLock',
  reopen: 'eventReopen',
};

/** Why, by whom and when a report came back: the officer's first question when it does. */
function ReturnedNotice(props: { detail: SubmissionDetail }) {
  const { t } = useLang();
  if (props.detail.status !== 'returned') return null;
  const event = [...props.detail.events].reverse().find((e) => e.to === 'returned');
  const reason = event?.reason ?? props.detail.returnedReason;
  return (
    <div class="notice notice-warning returned-notice" role="alert">
      <strong>{t('returnedBy')}</strong>{' '}
      {event && (
        <>
          {event.by ?? '—'}, {formatDateTime(event.at)}.{' '}
        </>
      )}
      {reason && (
        <>
          {t('reasonLabel')}: <q>{reason}</q>
        </>
      )}
    </div>
  );
}

/** Submitted, returned, resubmitted, approved, reopened: each with who, when and why. */
function HistoryPanel(props: { detail: SubmissionDetail }) {
  const { t } = useLang();
  const submits = new Set<number>();
  return (
    <section class="panel submission-history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('submissionHistory')}</h2>
      <ol class="history-list">
        {props.detail.events.map((event, index) => {
          const again = event.action === 'submit' && submits.size > 0;
          if (event.action === 'submit') submits.add(index);
          return (
            <li key={`${event.at}-${index}`}>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> ·{' '}
              <strong>{again ? t('eventResubmit') : t(ACTION_KEY[event.action])}</strong>
              {event.by && <> · {event.by}</>}
              {event.reason && (
                <>
                  {' '}
                  · {t('reasonLabel')}: <q>{event.reason}</q>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Every warning of the report, flagged figures first, with the explanation given or its absence. */
function FindingsPanel(props: {
  findings: LiveFinding[];
  comments: ReadonlyMap<string, string>;
  nameOf: (key: string) => string;
}) {
  const { lang, t } = useLang();
  const rank = (f: LiveFinding) => (f.kind === 'critical' ? 0 : isOpen(f, props.comments) ? 1 : 2);
  const sorted = [...props.findings].sort((a, b) => rank(a) - rank(b));
  const open = sorted.filter((f) => isOpen(f, props.comments)).length;
  return (
    <section class="panel findings-panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading">
        {t('findingsHeading')}{' '}
        <span class="heading-period">
          · {t('openFindings')}: {open}
        </span>
      </h2>
      <ul class="findings-list">
        {sorted.map((f) => {
          const explanation = f.fields
            .map((field) => props.comments.get(field)?.trim() ?? '')
            .find((c) => c !== '');
          return (
            <li
              key={f.id}
              class={`finding finding-${f.kind}${isOpen(f, props.comments) ? ' finding-open' : ''}`}
            >
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  const input = document.querySelector<HTMLInputElement>(
                    `.entry-input[data-key="${f.fields[0] ?? ''}"]`,
                  );
                  input?.focus();
                }}
              >
                {f.fields.map(props.nameOf).join(', ')}
              </button>
              : {pick(lang, f.messageVi, f.messageEn)}
              <div class="finding-explanation">
                {f.kind === 'critical' ? (
                  <span class="field-error">{t('mustFix')}</span>
                ) : explanation ? (
                  <>
                    {t('explanationLabel')}: <q>{explanation}</q>
                  </>
                ) : (
                  <span class="field-warning">{t('notExplained')}</span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ReviewActions(props: {
  onDecide: (action: 'approve' | 'return', reason: string) => Promise<string | null>;
}) {
  const { t } = useLang();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: 'approve' | 'return') => {
    setBusy(true);
    setError(await props.onDecide(action, reason));
    setBusy(false);
  };
  return (
    <div class="panel review-actions">
      {error && <Notice kind="error">{error}</Notice>}
      <button type="button" class="button-primary" disabled={busy} onClick={() => void run('approve')}>
        {t('approve')}
      </button>
      <form
        class="return-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run('return');
        }}
      >
        <input
          aria-label={t('returnReason')}
          placeholder={t('returnReason')}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <button type="submit" class="button-danger" disabled={busy}>
          {t('returnReport')}
        </button>
      </form>
    </div>
  );
}

/** "nguồn": the figure was accepted from a report; the words it was read from show on hover or focus. */
function SourceMarker(props: { source: FigureSource }) {
  const { t } = useLang();
  const { source } = props;
  const title = `${t('sourceFrom')} ${source.document ?? t('pastedText')}: «${source.excerpt}»`;
  return (
    <span class="source-marker" title={title}>
      {t('sourceMarker')}
      <span class="visually-hidden">: {title}</span>
    </span>
  );
}

function SaveIndicator(props: { save: SaveState; t: Translate }) {
  const { save, t } = props;
  const text =
    save.state === 'pending'
      ? t('unsaved')
      : save.state === 'saving'
        ? t('saving')
        : save.state === 'saved'
          ? `${t('savedAt')} ${formatDateTime(save.at).slice(11)}`
          : save.state === 'failed'
            ? `${t('saveFailed')}: ${save.message}`
            : save.state === 'offline'
              ? t('savedOffline')
              : '';
  return (
    <span class={`save-state save-${save.state}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}

/** Issues name a figure as "indicator", "indicator/option", "indicator.option" or "indicator:option". */
function issueMatches(field: string, cell: EntryCell): boolean {
  const code = cell.indicator.code;
  if (cell.option === null) return field === code;
  return [`${code}/${cell.option}`, `${code}.${cell.option}`, `${code}:${cell.option}`].includes(field);
}

function issueSeverity(issue: ApiIssue): 'critical' | 'warning' {
  if (issue.severity) return issue.severity;
  return /^(Lỗi|Error)\b/i.test(issue.reason) ? 'critical' : 'warning';
}

interface OfflineConflict {
  key: string;
  mine: number | null;
  server: number | null;
  resolve: (keepMine: boolean) => Promise<void>;
}
