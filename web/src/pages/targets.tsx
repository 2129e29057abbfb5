import { useEffect, useState } from 'preact/hooks';
import { apiGet, query } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { formatDate, formatNumber, periodDate } from '../format.ts';
import { useLang } from '../i18n.ts';
import { updateParams } from '../router.ts';
import { useWorkspace } from '../session.ts';
import type { TargetProgress } from '../types.ts';
import { useLoad } from '../use-load.ts';

type ChartsModule = typeof import('../charts/charts.tsx');

const num = (v: number | null) => (v === null ? '—' : formatNumber(v, 3));

/** Chỉ tiêu triển khai: progress per province towards each target, and the provinces still behind. */
export function TargetsPage(props: { params: Record<string, string> }) {
  const { t } = useLang();
  const { period, me } = useWorkspace();
  // Without a date of its own, the page answers for the period chosen in the header (its last data day, or today
  // while that month is still being collected).
  const periodEnd = periodDate(period);
  const effective = props.params.at ?? ([periodEnd, me.today].sort()[0] as string);
  const [at, setAt] = useState(effective);
  useEffect(() => setAt(effective), [effective]);
  const [load] = useLoad(async () => {
    const { targets } = await apiGet<{ targets: Array<{ id: number }> }>('/api/targets');
    return Promise.all(
      targets.map((x) => apiGet<TargetProgress>(`/api/targets/${x.id}/progress${query({ at: effective })}`)),
    );
  }, [effective]);
  // The map carries ECharts; like the dashboard, it loads after the figures show.
  const [charts, setCharts] = useState<ChartsModule | null>(null);
  useEffect(() => {
    void import('../charts/charts.tsx').then(setCharts);
  }, []);
  const show = (e: Event) => {
    e.preventDefault();
    updateParams({ at: at || null });
  };
  return (
    <section class="page targets-page">
      <h1>{t('mtgTargets')}</h1>
      <form class="inline-form" onSubmit={show}>
        <label htmlFor="target-at">
          {t('tgtAt')}
          <input
            type="date"
            id="target-at"
            name="at"
            value={at}
            onInput={(e) => setAt((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="button-quiet">
          {t('tgtShow')}
        </button>
      </form>
      {load.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {load.state === 'failed' && <Notice kind="error">{load.error.messageVi}</Notice>}
      {load.state === 'ready' && load.data.length === 0 && <p class="muted">{t('tgtNone')}</p>}
      {load.state === 'ready' &&
        load.data.map((p) => <TargetView key={p.target.id} progress={p} charts={charts} />)}
    </section>
  );
}

function TargetView(props: { progress: TargetProgress; charts: ChartsModule | null }) {
  const { t } = useLang();
  const p = props.progress;
  const goal = p.target.targetValue;
  // Bars are drawn against the larger of the target and the best unit, so that the target line always shows.
  const scale = Math.max(goal, ...p.units.map((u) => u.value ?? 0), 1);
  const sorted = [...p.units].sort((a, b) => (a.value ?? -1) - (b.value ?? -1));
  // A province that has not reported is not "chưa đạt": nothing is known about it yet.
  const behind = p.behind.filter((u) => u.value !== null);
  const noData = p.units.filter((u) => u.value === null);
  const ProgressMap = props.charts?.ValueMap;
  return (
    <article class="target panel" data-target={p.target.id} aria-labelledby={`target-${p.target.id}`}>
      <h2 id={`target-${p.target.id}`}>{p.target.name}</h2>
      <dl class="target-facts">
        <div>
          <dt>{t('tgtTarget')}</dt>
          <dd>
            {p.target.indicatorName} ≥ {num(goal)}
          </dd>
        </div>
        <div>
          <dt>{t('tgtDeadline')}</dt>
          <dd>{formatDate(p.target.deadline)}</dd>
        </div>
        <div>
          <dt>
            {t('tgtNational')} ({p.period})
          </dt>
          <dd>{num(p.national)}</dd>
        </div>
        <div>
          <dt>{t('tgtReached')}</dt>
          <dd class="target-reached">
            {p.reached}/{p.total - noData.length}
            {noData.length > 0 && (
              <small class="muted">
                {' '}
                ({t('tgtNoData')}: {noData.length})
              </small>
            )}
          </dd>
        </div>
      </dl>
      <div class="target-grid">
        <div>
          <h3>{t('tgtChart')}</h3>
          <ul class="target-bars" aria-label={`${t('tgtChart')}: ${p.target.name}`}>
            {sorted.map((u) => (
              <li
                key={u.unit}
                class={
                  u.value === null ? 'target-bar no-data' : u.reached ? 'target-bar reached' : 'target-bar'
                }
                data-unit={u.unit}
              >
                <span>{u.name}</span>
                <span class="track" aria-hidden="true">
                  <span class="fill" style={{ width: `${(100 * Math.max(0, u.value ?? 0)) / scale}%` }} />
                  <span class="goal" style={{ left: `${(100 * goal) / scale}%` }} />
                </span>
                <span class="value">{u.value === null ? t('tgtNoDataShort') : num(u.value)}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          {ProgressMap && (
            <>
              <h3>{t('tgtMap')}</h3>
              <ProgressMap
                era={p.era}
                label={`${t('tgtMap')}: ${p.target.name}`}
                rows={p.units.map((u) => ({ code: u.unit, name: u.name, value: u.value }))}
              />
            </>
          )}
          <h3>{t('tgtBehind')}</h3>
          {behind.length === 0 ? (
            <p class="muted">{t('tgtAllReached')}</p>
          ) : (
            <table class="data-table behind-table">
              <thead>
                <tr>
                  <th scope="col">{t('cmpUnit')}</th>
                  <th scope="col" class="num">
                    {p.target.indicatorName}
                  </th>
                  <th scope="col" class="num">
                    {t('tgtGap')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {behind.map((u) => (
                  <tr key={u.unit} data-unit={u.unit}>
                    <td>{u.name}</td>
                    <td class="num">{num(u.value)}</td>
                    <td class="num">{num(u.gap)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {noData.length > 0 && (
            <p class="muted target-no-data">
              {t('tgtNoData')}: {noData.map((u) => u.name).join(', ')}
            </p>
          )}
        </div>
      </div>
    </article>
  );
}
