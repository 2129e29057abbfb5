import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, apiSend, apiUpload } from '../api.ts';
import { measureKey, measureName } from '../catalogue.ts';
import { formatNumber, unitLabel } from '../format.ts';
import { type MessageKey, pick, useLang } from '../i18n.ts';
import type { ExtractedComparison, ExtractedFigure, Extraction, FigureSource, Indicator } from '../types.ts';
import { Notice } from './notice.tsx';

// Figures read from a narrative report are only proposals: each is shown beside the cell it would fill and
// in the text it came from, and nothing reaches the form until a person accepts it.

export type ProposalStatus = 'pending' | 'accepted' | 'rejected';

export interface Proposal {
  /** The figure's index in the extraction, which also names its mark in the text. */
  id: number;
  figure: ExtractedFigure;
  indicator: Indicator | null;
  /** The form cell it would fill; null when the figure matches no cell of this form. */
  key: string | null;
  /** In the indicator's unit: 12,5 gam becomes 0,0125 kg. */
  value: number;
  status: ProposalStatus;
}

export interface ExtractionSession {
  result: Extraction;
  proposals: Proposal[];
  /** The figure whose span and proposal are highlighted together. */
  active: number | null;
}

export function startSession(
  result: Extraction,
  cellKeys: Set<string>,
  indicators: Map<string, Indicator>,
): ExtractionSession {
  const proposals = result.figures.map((figure, id): Proposal => {
    const indicator = figure.indicator ? (indicators.get(figure.indicator) ?? null) : null;
    const key = figure.indicator ? measureKey(figure.indicator, figure.option) : null;
    return {
      id,
      figure,
      indicator,
      key: key && cellKeys.has(key) ? key : null,
      value: figure.convertedValue ?? figure.value,
      status: 'pending',
    };
  });
  return { result, proposals, active: null };
}

/** The words a proposal was read from, as the saved figure will remember them. */
export function sourceOf(session: ExtractionSession, proposal: Proposal): FigureSource {
  const [start, end] = proposal.figure.span;
  return {
    document: session.result.document,
    excerpt: session.result.text.slice(start, end),
    span: [start, end],
  };
}

/** A proposal's value written the Vietnamese way, with every decimal the text gave (0,0125 rather than 0,013). */
export function proposalText(proposal: Proposal): string {
  return formatNumber(proposal.value, proposal.indicator?.valueType === 'integer' ? 0 : 6);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

export function figureElementId(id: number): string {
  return `figure-${id}`;
}

export function proposalElementId(id: number): string {
  return `proposal-${id}`;
}

/** Brings an element into view and moves focus to it (or its first control), so keyboard users follow too. */
export function reveal(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const target = element.matches('button') ? element : element.querySelector<HTMLElement>('button');
  target?.focus({ preventScroll: true });
}

/** A cell of the form an officer may put a figure into. */
export interface CellChoice {
  key: string;
  label: string;
}

/** What a figure counts, as the text names it: "xe máy (chiếc)", "gậy điện". */
export function countedThing(figure: ExtractedFigure): string {
  const noun = figure.noun ?? '';
  if (!noun) return figure.unit;
  return noun === figure.unit || noun.startsWith(`${figure.unit} `) ? noun : `${noun} (${figure.unit})`;
}

const DIRECTION: Record<ExtractedComparison['direction'], MessageKey> = {
  up: 'directionUp',
  down: 'directionDown',
  same: 'directionSame',
};

/** "Giảm 120 vụ so với cùng kỳ năm trước (cùng kỳ năm 2024)". */
function ComparisonLine(props: { comparison: ExtractedComparison }) {
  const { t } = useLang();
  const c = props.comparison;
  const baseline =
    c.baseline === 'same_period_last_year'
      ? t('baselineSamePeriod')
      : c.baseline === 'previous_period'
        ? t('baselinePreviousPeriod')
        : c.baseline === 'previous_year'
          ? t('baselinePreviousYear')
          : c.baseline === 'other'
            ? `${t('baselineOther')} ${c.baselineText ?? ''}`.trim()
            : t('baselineNone');
  return (
    <li class={`comparison comparison-${c.direction}`} data-baseline={c.baseline ?? 'none'}>
      <strong>{t(DIRECTION[c.direction])}</strong>
      {c.value !== null && (
        <>
          {' '}
          {formatNumber(c.value, 2)} {c.unit}
        </>
      )}{' '}
      <span class="comparison-baseline">{baseline}</span>
      {c.baselineText && c.baseline !== 'other' && <small class="muted"> ({c.baselineText})</small>}
      {c.current !== null && c.base !== null && (
        <small class="muted">
          {' '}
          · {formatNumber(c.current, 2)}/{formatNumber(c.base, 2)}
        </small>
      )}
    </li>
  );
}

/** Puts a figure the catalogue did not recognise into a cell the officer chooses; it is then proposed there. */
function PlaceInCell(props: { label: string; cells: CellChoice[]; onPlace: (key: string) => void }) {
  const { t } = useLang();
  const [chosen, setChosen] = useState('');
  return (
    <span class="place-in-cell">
      <select
        aria-label={`${t('placeInCell')}: ${props.label}`}
        value={chosen}
        onChange={(e) => setChosen(e.currentTarget.value)}
      >
        <option value="">{t('chooseCell')}</option>
        {props.cells.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="button-quiet button-small"
        disabled={chosen === ''}
        onClick={() => props.onPlace(chosen)}
      >
        {t('placeInCell')}
      </button>
    </span>
  );
}

/** The panel above the grid: paste or upload, then the text with each figure marked. */
export function ExtractionPanel(props: {
  session: ExtractionSession | null;
  /** The form's cells, for placing a figure that matches none of them. */
  cells: CellChoice[];
  onResult: (result: Extraction) => void;
  onShowProposal: (id: number) => void;
  onPlace: (id: number, key: string) => void;
  onAcceptAll: () => void;
  onClose: () => void;
}) {
  const { lang, t } = useLang();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Folded away until wanted: most months the figures are typed, and the grid should come first.
  const [open, setOpen] = useState(false);

  const run = async (request: () => Promise<Extraction>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await request();
      if (result.figures.length === 0) setError(t('noFiguresFound'));
      else props.onResult(result);
    } catch (e) {
      setError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const readText = (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('textRequired'));
      return;
    }
    void run(() => apiSend<Extraction>('POST', '/api/extract', { text }));
  };

  const readFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    // Cleared so that choosing the same file again, after a correction, reads it again.
    input.value = '';
    void run(() => apiUpload<Extraction>('/api/extract', form));
  };

  const session = props.session;
  const pending = session?.proposals.filter((p) => p.key && p.status === 'pending').length ?? 0;
  const unmatched = session?.proposals.filter((p) => !p.key) ?? [];

  return (
    <details
      class="panel extraction-panel"
      open={open || session !== null}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t('extractHeading')}</summary>
      {error && <Notice kind={error === t('noFiguresFound') ? 'warning' : 'error'}>{error}</Notice>}
      {!session ? (
        <form class="extraction-form" onSubmit={readText}>
          <p class="hint">{t('extractLead')}</p>
          <label for="report-text">{t('reportText')}</label>
          <textarea id="report-text" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <div class="extraction-actions">
            <button type="submit" class="button-primary" disabled={busy}>
              {busy ? t('reading') : t('readFigures')}
            </button>
            <label class="file-field">
              <span>{t('chooseFile')}</span>
              <input
                type="file"
                accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
                disabled={busy}
                onChange={(e) => readFile(e.currentTarget)}
              />
            </label>
          </div>
        </form>
      ) : (
        <>
          <div class="extraction-summary">
            <span>
              <strong>{session.result.document ?? capitalise(t('pastedText'))}</strong> ·{' '}
              {session.result.figures.length} {t('figuresFound')}
            </span>
            {session.result.period && (
              <span class="muted">
                {t('mentionedPeriod')}: {session.result.period.text}
              </span>
            )}
            {session.result.unit && (
              <span class="muted">
                {t('mentionedUnit')}: {session.result.unit.text}
              </span>
            )}
            <span class="legend">
              <mark class="figure-mark">12</mark> {t('legendMatched')}{' '}
              <mark class="figure-mark figure-unmatched">12</mark> {t('legendUnmatched')}
            </span>
          </div>
          <MarkedText session={session} onShowProposal={props.onShowProposal} />
          {unmatched.length > 0 && (
            <div class="unmatched">
              <h3>{t('unmatchedFigures')}</h3>
              <ul>
                {unmatched.map((p) => (
                  <li key={p.id} id={proposalElementId(p.id)}>
                    <button
                      type="button"
                      class={`link-button${session.active === p.id ? ' is-active' : ''}`}
                      onClick={() => props.onShowProposal(p.id)}
                    >
                      {session.result.text.slice(p.figure.span[0], p.figure.span[1])}
                    </button>
                    <span class="figure-noun">
                      {' '}
                      · {t('countedThing')}: {countedThing(p.figure)}
                    </span>
                    {p.indicator && (
                      <small class="muted"> · {measureName(p.indicator, p.figure.option, lang)}</small>
                    )}{' '}
                    <PlaceInCell
                      label={session.result.text.slice(p.figure.span[0], p.figure.span[1])}
                      cells={props.cells}
                      onPlace={(key) => props.onPlace(p.id, key)}
                    />
                  </li>
                ))}
              </ul>
            </div>
          )}
          {session.result.comparisons.length > 0 && (
            <div class="comparisons">
              <h3>{t('comparisonsRead')}</h3>
              <ul>
                {session.result.comparisons.map((c) => (
                  <ComparisonLine key={`${c.span[0]}-${c.span[1]}`} comparison={c} />
                ))}
              </ul>
            </div>
          )}
          <div class="extraction-actions">
            {pending > 0 && (
              <button type="button" class="button-primary" onClick={props.onAcceptAll}>
                {t('acceptAll')} ({pending})
              </button>
            )}
            <button type="button" class="button-quiet" onClick={props.onClose}>
              {t('closeText')}
            </button>
          </div>
        </>
      )}
    </details>
  );
}

function MarkedText(props: { session: ExtractionSession; onShowProposal: (id: number) => void }) {
  const { t } = useLang();
  const { result, proposals, active } = props.session;
  const ordered = [...proposals].sort((a, b) => a.figure.span[0] - b.figure.span[0]);
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const p of ordered) {
    const [start, end] = p.figure.span;
    // Overlapping spans (a range inside a longer phrase) keep only the first mark.
    if (start < at) continue;
    if (start > at) parts.push(result.text.slice(at, start));
    const classes = ['figure-mark'];
    if (!p.key) classes.push('figure-unmatched');
    if (p.status !== 'pending') classes.push(`figure-${p.status}`);
    if (active === p.id) classes.push('is-active');
    const status: MessageKey | null =
      p.status === 'accepted' ? 'acceptedLabel' : p.status === 'rejected' ? 'rejectedLabel' : null;
    parts.push(
      // biome-ignore lint/a11y/useKeyWithClickEvents: a shortcut for the mouse; keyboard users reach each figure through its proposal, which highlights this mark.
      <mark
        key={p.id}
        id={figureElementId(p.id)}
        class={classes.join(' ')}
        title={status ? t(status) : p.key ? t('legendMatched') : t('legendUnmatched')}
        onClick={() => props.onShowProposal(p.id)}
      >
        {result.text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < result.text.length) parts.push(result.text.slice(at));
  return <div class="extract-text">{parts}</div>;
}

/** One proposal, beside the cell it would fill: accept as read, correct then accept, or reject. */
export function ProposalChip(props: {
  proposal: Proposal;
  active: boolean;
  /** Fills the cell; answers why a corrected value was refused, if it was. */
  onAccept: (text: string) => MessageKey | null;
  onReject: () => void;
  onShow: () => void;
}) {
  const { lang, t } = useLang();
  const { proposal } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => proposalText(proposal));
  const [error, setError] = useState<MessageKey | null>(null);
  const indicator = proposal.indicator;
  const unit = indicator ? unitLabel(indicator.unit, lang) : proposal.figure.unit;
  const converted = proposal.figure.convertedValue !== undefined;
  const decimals = indicator?.decimals ?? 0;
  const scale = 10 ** decimals;
  const rounded = Math.round(proposal.value * scale) / scale;

  const accept = () => {
    const refused = props.onAccept(editing ? draft : proposalText(proposal));
    setError(refused);
    if (!refused) setEditing(false);
  };

  const classes = ['proposal', `proposal-${proposal.status}`];
  if (props.active) classes.push('is-active');
  return (
    <div class={classes.join(' ')} id={proposalElementId(proposal.id)}>
      <button type="button" class="proposal-value" onClick={props.onShow} title={t('extractHeading')}>
        <span class="proposal-label">{t('proposal')}:</span> <strong>{proposalText(proposal)}</strong> {unit}
        {converted && (
          <small class="muted">
            {' '}
            ({formatNumber(proposal.figure.value, 6)} {proposal.figure.unit})
          </small>
        )}
        {proposal.figure.approx && <span class="badge badge-notable">{t('approxFigure')}</span>}
        {proposal.figure.noun && (
          <small class="proposal-noun muted"> · {countedThing(proposal.figure)}</small>
        )}
      </button>
      {proposal.status === 'pending' ? (
        <span class="proposal-actions">
          {editing && (
            <input
              class="proposal-input"
              inputMode="decimal"
              aria-label={`${t('edit')}: ${t('proposal')}`}
              aria-invalid={error ? true : undefined}
              value={draft}
              ref={(input) => {
                if (input && !input.dataset.focused) {
                  input.dataset.focused = '1';
                  input.focus();
                  input.select();
                }
              }}
              onInput={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  accept();
                } else if (e.key === 'Escape') {
                  setEditing(false);
                  setError(null);
                }
              }}
            />
          )}
          <button type="button" class="button-primary button-small" onClick={accept}>
            {t('accept')}
          </button>
          {!editing && (
            <button type="button" class="button-quiet button-small" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
          )}
          <button type="button" class="button-quiet button-small" onClick={props.onReject}>
            {t('reject')}
          </button>
        </span>
      ) : (
        <span class="proposal-status">
          {t(proposal.status === 'accepted' ? 'acceptedLabel' : 'rejectedLabel')}
        </span>
      )}
      {error && <p class="field-error">{t(error)}</p>}
      {proposal.status === 'pending' && indicator?.valueType === 'decimal' && rounded !== proposal.value && (
        <p class="field-warning">
          {t('willBeRounded')} {formatNumber(rounded, decimals)}
        </p>
      )}
    </div>
  );
}
