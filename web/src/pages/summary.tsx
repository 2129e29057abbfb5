import { useEffect, useRef, useState } from 'preact/hooks';
import { prefetch, query } from '../api.ts';
import { clearanceAllows, indicatorIndex, type Measure, measureKey, measureName } from '../catalogue.ts';
import { Notice } from '../components/notice.tsx';
import { aggregatesPath } from '../first-reads.ts';
import {
  formatNumber,
  formatQuantity,
  periodLabel,
  phraseChange,
  shiftMonth,
  type Tone,
  toneOf,
  unitLabel,
} from '../format.ts';
import { type Lang, pick, type Translate, useLang } from '../i18n.ts';
import { type Include, includeOf, includeParam } from '../include.ts';
import { currentRoute, href, updateParams } from '../router.ts';
import { currentPeriod, useWorkspace } from '../session.ts';
import type { AggregateRow, Aggregates, Completeness, Indicator, Ranking } from '../types.ts';
import { type Load, useCachedGet } from '../use-load.ts';
import { PivotView } from './pivot.tsx';

type ChartsModule = typeof import('../charts/charts.tsx');

export function SummaryPage(props: { view: 'dashboard' | 'pivot'; params: Record<string, string> }) {
  const { t } = useLang();
  const { me, unitCode, period } = useWorkspace();
  // The tabs carry the status switch with the unit and period.
  const include = includeParam(includeOf(props.params));
  const params = { unit: unitCode, period, ...(include ? { include } : {}) };
  return (
    <section class="page">
      <div class="tabs" role="tablist" aria-label={t('navSummary')}>
        <a role="tab" aria-selected={props.view === 'dashboard'} href={href('tong-hop', null, params)}>
          {t('dashboard')}
        </a>
        <a role="tab" aria-selected={props.view === 'pivot'} href={href('tong-hop', 'bang', params)}>
          {t('pivot')}
        </a>
      </div>
      {me.role !== 'admin' && <IncludeSwitch include={includeOf(props.params)} />}
      {me.role === 'admin' ? (
        <Notice kind="info">{t('noFiguresForRole')}</Notice>
      ) : props.view === 'pivot' ? (
        <PivotView params={props.params} />
      ) : (
        <Dashboard params={props.params} />
      )}
    </section>
  );
}

function IncludeSwitch(props: { include: Include }) {
  const { t } = useLang();
  return (
    <label class="include-switch">
      {t('includeLabel')}{' '}
      <select
        value={props.include}
        onChange={(e) => {
          const value = (e.currentTarget as HTMLSelectElement).value as Include;
          updateParams({ include: includeParam(value) }, { replace: true });
        }}
      >
        <option value="approved">{t('includeApproved')}</option>
        <option value="submitted">{t('includeSubmitted')}</option>
        <option value="draft">{t('includeDraft')}</option>
      </select>
    </label>
  );
}

function Dashboard(props: { params: Record<string, string> }) {
  const { lang, t } = useLang();
  const { catalogue, me, unit, unitCode, period } = useWorkspace();
  const indicators = indicatorIndex(catalogue);
  const include = includeOf(props.params);
  const [aggregates, reload] = useCachedGet<Aggregates>(aggregatesPath(unitCode, period, include));
  const focusIndicator =
    props.params.ind && indicators.get(props.params.ind) ? props.params.ind : 'drug.cases';
  const focus: Measure | null = (() => {
    const indicator = indicators.get(focusIndicator);
    if (!indicator) return null;
    const option = props.params.opt ?? indicator.options[0]?.code ?? null;
    return { indicator, option };
  })();

  // The charts and the map carry ECharts (the largest part of the page); they load after the figures are on
  // screen, and the panels below the cards (completeness, ranking, series) ask for their data only then, so that
  // the cards' answer is not queued behind theirs nor their drawing before the cards'.
  const figuresShown = useAfterPaint(aggregates.state !== 'loading');
  const [charts, setCharts] = useState<ChartsModule | null>(null);
  useEffect(() => {
    if (!figuresShown || charts) return;
    void import('../charts/charts.tsx').then(setCharts);
  }, [figuresShown, charts]);
  // Once a view has been read for a moment, the months before and after it are asked for, so that stepping to
  // them shows at once. Only for a reader without clearance: the answer of a cleared reader may hold classified
  // figures, and those are sent (and their reading recorded) only for a month the reader opens.
  useEffect(() => {
    if (aggregates.state !== 'ready' || me.clearance !== 'none') return;
    const timer = setTimeout(() => {
      for (const next of [shiftMonth(period, -1), shiftMonth(period, 1)])
        if (next <= currentPeriod(me.today)) prefetch(aggregatesPath(unitCode, next, include));
    }, 1000);
    return () => clearTimeout(timer);
  }, [aggregates.state, unitCode, period, include]);

  const unitName = unit ? pick(lang, unit.name, unit.nameEn) : unitCode;
  return (
    <>
      <h1>
        {unitName} <span class="heading-period">· {periodLabel(period, lang)}</span>
      </h1>
      {aggregates.state === 'failed' && (
        <Notice kind="error">
          {pick(lang, aggregates.error.messageVi, aggregates.error.messageEn)}{' '}
          <button type="button" class="button-quiet" onClick={reload}>
            {t('retry')}
          </button>
        </Notice>
      )}
      {aggregates.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {aggregates.state === 'ready' && (
        <>
          {aggregates.data.withheld > 0 && <Notice kind="info">{t('withheld')}</Notice>}
          <CompletenessPanel data={aggregates.data} hold={!figuresShown} />
          <SummaryCards data={aggregates.data} indicators={indicators} focus={focus} />
        </>
      )}
      {focus && (
        <FocusPanels
          focus={focus}
          charts={charts}
          isMinistry={unit?.kind === 'ministry'}
          include={include}
          hold={!figuresShown}
        />
      )}
    </>
  );
}

function SummaryCards(props: {
  data: Aggregates;
  indicators: Map<string, Indicator>;
  focus: Measure | null;
}) {
  const { lang, t } = useLang();
  const { catalogue } = useWorkspace();
  const byField = new Map<string, AggregateRow[]>();
  for (const row of props.data.rows) {
    const field = props.indicators.get(row.indicator)?.field ?? 'other';
    byField.set(field, [...(byField.get(field) ?? []), row]);
  }
  return (
    <section aria-labelledby="cards-heading">
      <h2 id="cards-heading">{t('cardsHeading')}</h2>
      {catalogue.fields
        .filter((field) => byField.has(field.code))
        .map((field) => (
          <section key={field.code} class="field-group" aria-label={pick(lang, field.nameVi, field.nameEn)}>
            <h3>{pick(lang, field.nameVi, field.nameEn)}</h3>
            <div class="cards">
              {(byField.get(field.code) ?? []).map((row) => {
                const indicator = props.indicators.get(row.indicator);
                if (!indicator) return null;
                const selected =
                  props.focus?.indicator.code === row.indicator && props.focus.option === row.option;
                return (
                  <FigureCard
                    key={measureKey(row.indicator, row.option)}
                    row={row}
                    indicator={indicator}
                    selected={selected}
                    lang={lang}
                    t={t}
                  />
                );
              })}
            </div>
          </section>
        ))}
    </section>
  );
}

function FigureCard(props: {
  row: AggregateRow;
  indicator: Indicator;
  selected: boolean;
  lang: Lang;
  t: Translate;
}) {
  const { row, indicator, lang, t } = props;
  const unit = unitLabel(row.unit, lang);
  const notable = row.notable_prev?.notable || row.notable_yoy?.notable;
  const line = (against: 'prev' | 'yoy') => {
    const change = against === 'prev' ? row.change_prev : row.change_yoy;
    const notability = against === 'prev' ? row.notable_prev : row.notable_yoy;
    if (!change) return null;
    const tone: Tone = toneOf(change, indicator.goodDirection);
    return (
      <span class={`change tone-${tone}`}>
        <span class="change-arrow" aria-hidden="true">
          {change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '●'}
        </span>
        {phraseChange(change, against, row.decimals, row.unit, lang)}
        {notability?.notable && (
          <span class="notable-dot" title={`${t('notableHint')} (z = ${formatNumber(notability.z, 2)})`}>
            {' '}
            ◆
          </span>
        )}
      </span>
    );
  };
  return (
    <button
      type="button"
      class={`card${props.selected ? ' card-selected' : ''}`}
      aria-pressed={props.selected}
      data-indicator={row.indicator}
      data-option={row.option ?? ''}
      onClick={() => updateParams({ ind: row.indicator, opt: row.option }, { replace: true })}
    >
      <span class="card-title">
        {measureName(indicator, row.option, lang)}
        {row.secrecy !== 'none' && <span class="badge badge-secret">{t('secret')}</span>}
        {notable && (
          <span class="badge badge-notable" title={t('notableHint')}>
            {t('notable')}
          </span>
        )}
      </span>
      <span class="card-value" data-value={row.value ?? ''}>
        {row.value === null ? (
          <span class="muted">{t('noFigure')}</span>
        ) : (
          formatQuantity(row.value, row.decimals, unit)
        )}
      </span>
      {line('prev')}
      {line('yoy')}
    </button>
  );
}

/**
 * Whether `ready` has held since a frame was painted: what waits for it starts after the view's first figures are
 * on screen. Back to false as soon as `ready` is.
 */
function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready) {
      setPainted(false);
      return;
    }
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from the next frame's callback runs after that frame has been painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return ready && painted;
}

function CompletenessPanel(props: { data: Aggregates; hold: boolean }) {
  const { lang, t } = useLang();
  const { unitCode, period, unit } = useWorkspace();
  const [completeness] = useCachedGet<Completeness>(
    props.hold ? null : `/api/completeness${query({ form: 'BC-THANG', unit: unitCode, period })}`,
  );
  // Until the completeness service answers, the coverage the figures carry says how many units reported the monthly
  // report and which have not (stated once per form in the answer).
  const coverage =
    props.data.rows.find((r) => r.coverage?.form === 'BC-THANG')?.coverage ??
    props.data.rows.find((r) => r.coverage)?.coverage ??
    null;
  const data = completeness.state === 'ready' ? completeness.data : null;
  const expected = data?.expected ?? coverage?.expected ?? 0;
  if (expected === 0 || unit?.kind === 'commune') return null;
  const reported = data ? data.onTime + data.late : (coverage?.reported ?? 0);
  const missingUnits = data
    ? data.units.filter((u) => u.timeliness === 'missing').map((u) => ({ code: u.unit, name: u.unitName }))
    : (coverage ? (props.data.missingUnits[coverage.form] ?? []) : []).map((code) => ({ code, name: code }));
  const share = expected > 0 ? (reported / expected) * 100 : 0;
  return (
    <section class="panel completeness" aria-labelledby="completeness-heading">
      <h2 id="completeness-heading">
        {t('completenessHeading')} <span class="heading-period">· {periodLabel(period, lang)}</span>
      </h2>
      <div class="completeness-row">
        <div class="meter" aria-hidden="true">
          <div class="meter-fill" style={{ width: `${share}%` }} />
        </div>
        <p>
          <strong>
            {formatNumber(reported)}/{formatNumber(expected)}
          </strong>{' '}
          {t('reported').toLowerCase()} ({formatNumber(share, 1)}%)
          {data && (
            <>
              {' · '}
              {t('onTime')}: {formatNumber(data.onTime)} · {t('late')}: {formatNumber(data.late)} ·{' '}
              {t('missing')}: {formatNumber(data.missing)}
            </>
          )}
        </p>
      </div>
      {missingUnits.length > 0 && (
        <details>
          <summary>
            {t('missingUnits')} ({formatNumber(missingUnits.length)})
          </summary>
          <ul class="missing-list">
            {missingUnits.slice(0, 60).map((u) => (
              <li key={u.code} data-unit={u.code}>
                <a href={href('tong-hop', null, { unit: u.code, period })}>{u.name}</a>
              </li>
            ))}
          </ul>
          {missingUnits.length > 60 && (
            <p>
              <a href={href('bao-cao', null, { unit: unitCode, period })}>
                {t('allMissing')} ({formatNumber(missingUnits.length)})
              </a>
            </p>
          )}
        </details>
      )}
    </section>
  );
}

function FocusPanels(props: {
  focus: Measure;
  charts: ChartsModule | null;
  isMinistry: boolean;
  include: Include;
  /** While the cards' figures load, the ranking waits. */
  hold: boolean;
}) {
  const { lang, t } = useLang();
  const { catalogue, me, unitCode, period } = useWorkspace();
  const { indicator, option } = props.focus;
  const [ranking] = useCachedGet<Ranking>(
    props.hold
      ? null
      : `/api/aggregates/ranking${query({ unit: unitCode, period, indicator: indicator.code, option, compare: true, include: includeParam(props.include) })}`,
  );
  // While the next month's ranking loads, the map keeps the last one drawn for the same unit and indicator (and
  // is only recoloured when the answer comes), instead of being taken down and its outlines built again.
  const drawn = useRef<{ key: string; ranking: Ranking } | null>(null);
  const mapKey = `${unitCode}|${measureKey(indicator.code, option)}|${includeParam(props.include) ?? ''}`;
  if (ranking.state === 'ready') drawn.current = { key: mapKey, ranking: ranking.data };
  const mapRanking =
    ranking.state === 'ready' ? ranking.data : drawn.current?.key === mapKey ? drawn.current.ranking : null;
  const choices = catalogue.indicators
    .filter((i) => clearanceAllows(me.clearance, i.secrecy))
    .flatMap((i) =>
      i.options.length === 0
        ? [{ i, option: null as string | null }]
        : i.options.map((o) => ({ i, option: o.code })),
    );
  return (
    <section class="focus" aria-labelledby="focus-heading">
      <div class="focus-bar">
        <h2 id="focus-heading">{measureName(indicator, option, lang)}</h2>
        <label class="inline-field">
          <span>{t('focusIndicator')}</span>
          <select
            value={measureKey(indicator.code, option)}
            onChange={(event) => {
              const [ind = '', opt = null] = event.currentTarget.value.split('/');
              updateParams({ ind, opt }, { replace: true });
            }}
          >
            {choices.map(({ i, option: o }) => (
              <option key={measureKey(i.code, o)} value={measureKey(i.code, o)}>
                {measureName(i, o, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="focus-grid">
        <div class="panel chart-panel">
          <h3>{t('chartHeading')}</h3>
          {props.charts ? (
            <props.charts.SeriesChart
              indicator={indicator}
              option={option}
              unitCode={unitCode}
              period={period}
              include={includeParam(props.include)}
              hold={props.hold}
            />
          ) : (
            <div class="chart-placeholder">{t('loading')}</div>
          )}
        </div>
        {props.isMinistry && (
          <div class="panel map-panel">
            <h3>{t('mapHeading')}</h3>
            <p class="hint">{t('mapHint')}</p>
            {props.charts && mapRanking ? (
              <props.charts.ProvinceMap ranking={mapRanking} indicator={indicator} />
            ) : (
              <div class="chart-placeholder map-placeholder">{t('loading')}</div>
            )}
          </div>
        )}
      </div>
      <RankingTable ranking={ranking} indicator={indicator} />
    </section>
  );
}

function RankingTable(props: { ranking: Load<Ranking>; indicator: Indicator }) {
  const { lang, t } = useLang();
  const { ranking, indicator } = props;
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined
      ? '—'
      : `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatNumber(Math.abs(value), 2)}`;
  return (
    <div class="panel">
      <h3>{t('rankingHeading')}</h3>
      {ranking.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {ranking.state === 'failed' && (
        <Notice kind="error">{pick(lang, ranking.error.messageVi, ranking.error.messageEn)}</Notice>
      )}
      {ranking.state === 'ready' && ranking.data.rows.length === 0 && <p class="muted">{t('noChildren')}</p>}
      {ranking.state === 'ready' && ranking.data.rows.length > 0 && (
        <div class="table-scroll">
          <table class="data-table ranking-table" data-period={ranking.data.period}>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('rank')}
                </th>
                <th scope="col">{t('unit')}</th>
                <th scope="col" class="num">
                  {t('value')} ({unitLabel(indicator.unit, lang)})
                </th>
                <th scope="col" class="num">
                  {t('prevValue')}
                </th>
                <th scope="col" class="num">
                  {t('changePrevPct')}
                </th>
                <th scope="col" class="num">
                  {t('yoyValue')}
                </th>
                <th scope="col" class="num">
                  {t('changeYoyPct')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ranking.data.rows.map((row) => (
                <tr key={row.code}>
                  <td class="num">{row.rank}</td>
                  <th scope="row">
                    <a href={href('tong-hop', null, { ...currentParams(), unit: row.code })}>{row.name}</a>
                  </th>
                  <td class="num">
                    {row.value === null ? '—' : formatNumber(row.value, indicator.decimals)}
                  </td>
                  <td class="num">{row.prev == null ? '—' : formatNumber(row.prev, indicator.decimals)}</td>
                  <td class={`num tone-${toneOf(row.change_prev, indicator.goodDirection)}`}>
                    {percent(row.change_prev?.percent)}
                  </td>
                  <td class="num">{row.yoy == null ? '—' : formatNumber(row.yoy, indicator.decimals)}</td>
                  <td class={`num tone-${toneOf(row.change_yoy, indicator.goodDirection)}`}>
                    {percent(row.change_yoy?.percent)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function currentParams(): Record<string, string> {
  return currentRoute().params;
}
