import { useState } from 'preact/hooks';
import { ApiError, cachedGet, downloadPost, peekCached, query } from '../api.ts';
import {
  allMeasures,
  clearanceAllows,
  indicatorIndex,
  type Measure,
  measureKey,
  measureName,
} from '../catalogue.ts';
import { Notice } from '../components/notice.tsx';
import { aggregatesPath } from '../first-reads.ts';
import {
  formatNumber,
  periodLabel,
  periodShort,
  shiftMonth,
  type Tone,
  toneOf,
  unitLabel,
} from '../format.ts';
import { type Lang, pick, type Translate, useLang } from '../i18n.ts';
import { includeOf, includeParam } from '../include.ts';
import { updateParams } from '../router.ts';
import { useWorkspace, type Workspace } from '../session.ts';
import type { AggregateRow, Aggregates, Ranking, Secrecy } from '../types.ts';
import { useLoad } from '../use-load.ts';

type RowAxis = 'ind' | 'unit';
type ColumnAxis = 'measures' | 'periods';

interface PivotCell {
  /** What the export receives: the number itself, not its formatting. */
  raw: string | number | null;
  text: string;
  tone?: Tone;
  numeric: boolean;
}

interface PivotTable {
  columns: string[];
  rows: PivotCell[][];
  secrecy: Secrecy;
}

const SECRECY_ORDER: Secrecy[] = ['none', 'mat', 'toi_mat', 'tuyet_mat'];

function text(value: string): PivotCell {
  return { raw: value, text: value, numeric: false };
}

function number(value: number | null | undefined, decimals: number, tone?: Tone): PivotCell {
  if (value === null || value === undefined) return { raw: null, text: '—', numeric: true };
  return { raw: value, text: formatNumber(value, decimals), numeric: true, ...(tone ? { tone } : {}) };
}

function percent(value: number | null | undefined, tone: Tone): PivotCell {
  if (value === null || value === undefined) return { raw: null, text: '—', numeric: true };
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return { raw: value, text: `${sign}${formatNumber(Math.abs(value), 2)}`, numeric: true, tone };
}

function measureColumns(t: Translate): string[] {
  return [t('value'), t('prevValue'), t('changePrevPct'), t('yoyValue'), t('changeYoyPct')];
}

/** The figures of one row: an aggregate's, or a unit's in a ranking (whose rows carry no decimals of their own). */
type MeasureRow = Pick<AggregateRow, 'value' | 'prev' | 'yoy' | 'change_prev' | 'change_yoy'>;

function measureCells(
  row: MeasureRow | undefined,
  indicator: { decimals: number; goodDirection: 'up' | 'down' | 'neutral' },
): PivotCell[] {
  const { decimals, goodDirection } = indicator;
  return [
    number(row?.value, decimals),
    number(row?.prev, decimals),
    percent(row?.change_prev?.percent, toneOf(row?.change_prev, goodDirection)),
    number(row?.yoy, decimals),
    percent(row?.change_yoy?.percent, toneOf(row?.change_yoy, goodDirection)),
  ];
}

/** Each month's figures: the same URLs as the dashboard's, so that months already seen come from the cache. */
function aggregatesFor(unit: string, period: string, include: string | null): Promise<Aggregates> {
  return cachedGet<Aggregates>(aggregatesPath(unit, period, include ?? undefined));
}

function rankingFor(
  unit: string,
  period: string,
  measure: Measure,
  include: string | null,
): Promise<Ranking> {
  return cachedGet<Ranking>(
    `/api/aggregates/ranking${query({ unit, period, indicator: measure.indicator.code, option: measure.option, compare: true, include })}`,
  );
}

interface TableShape {
  rows: RowAxis;
  columns: ColumnAxis;
  months: number;
  field: string;
  focus: Measure;
  include: string | null;
}

/** The indicators the reader is cleared for, of the field chosen, and the highest secrecy among them. */
function indicatorRows(workspace: Workspace, shape: TableShape): { measures: Measure[]; secrecy: Secrecy } {
  const measures = allMeasures(workspace.catalogue).filter(
    (m) =>
      (shape.field === 'all' || m.indicator.field === shape.field) &&
      clearanceAllows(workspace.me.clearance, m.indicator.secrecy),
  );
  const secrecy = measures.reduce<Secrecy>(
    (high, m) =>
      SECRECY_ORDER.indexOf(m.indicator.secrecy) > SECRECY_ORDER.indexOf(high) ? m.indicator.secrecy : high,
    'none',
  );
  return { measures, secrecy };
}

function indicatorLabel(m: Measure, lang: Lang): PivotCell[] {
  return [text(measureName(m.indicator, m.option, lang)), text(unitLabel(m.indicator.unit, lang))];
}

/** The first table (indicators by the month's figures and comparisons), from the month's figures. */
function measuresTable(
  workspace: Workspace,
  shape: TableShape,
  data: Aggregates,
  lang: Lang,
  t: Translate,
): PivotTable {
  const { measures, secrecy } = indicatorRows(workspace, shape);
  const byKey = new Map(data.rows.map((r) => [measureKey(r.indicator, r.option), r]));
  return {
    columns: [t('indicator'), t('measureUnit'), ...measureColumns(t)],
    rows: measures.map((m) => [
      ...indicatorLabel(m, lang),
      ...measureCells(byKey.get(measureKey(m.indicator.code, m.option)), m.indicator),
    ]),
    secrecy,
  };
}

/**
 * The first table at once when the month's figures are already here (sent with the page the server drew, or read
 * before), so that it is drawn in the first render; otherwise undefined and `buildTable` reads them.
 */
function measuresTableAtOnce(
  workspace: Workspace,
  shape: TableShape,
  lang: Lang,
  t: Translate,
): PivotTable | undefined {
  if (shape.rows !== 'ind' || shape.columns !== 'measures') return undefined;
  const data = peekCached<Aggregates>(
    aggregatesPath(workspace.unitCode, workspace.period, shape.include ?? undefined),
  );
  return data && measuresTable(workspace, shape, data, lang, t);
}

async function buildTable(
  workspace: Workspace,
  shape: TableShape,
  lang: Lang,
  t: Translate,
): Promise<PivotTable> {
  const { unitCode, period } = workspace;
  const periods = Array.from({ length: shape.months }, (_, i) => shiftMonth(period, i - shape.months + 1));
  if (shape.rows === 'ind') {
    if (shape.columns === 'measures')
      return measuresTable(workspace, shape, await aggregatesFor(unitCode, period, shape.include), lang, t);
    const { measures, secrecy } = indicatorRows(workspace, shape);
    const months = await Promise.all(periods.map((p) => aggregatesFor(unitCode, p, shape.include)));
    const lookups = months.map((d) => new Map(d.rows.map((r) => [measureKey(r.indicator, r.option), r])));
    return {
      columns: [t('indicator'), t('measureUnit'), ...periods.map(periodShort)],
      rows: measures.map((m) => [
        ...indicatorLabel(m, lang),
        ...lookups.map((lookup) =>
          number(lookup.get(measureKey(m.indicator.code, m.option))?.value, m.indicator.decimals),
        ),
      ]),
      secrecy,
    };
  }
  const secrecy = shape.focus.indicator.secrecy;
  if (shape.columns === 'measures') {
    const ranking = await rankingFor(unitCode, period, shape.focus, shape.include);
    return {
      columns: [t('unit'), ...measureColumns(t)],
      rows: ranking.rows.map((r) => [text(r.name), ...measureCells(r, shape.focus.indicator)]),
      secrecy,
    };
  }
  const rankings = await Promise.all(periods.map((p) => rankingFor(unitCode, p, shape.focus, shape.include)));
  const last = rankings[rankings.length - 1];
  const units = last ? last.rows.map((r) => ({ code: r.code, name: r.name })) : [];
  const lookups = rankings.map((r) => new Map(r.rows.map((row) => [row.code, row])));
  return {
    columns: [t('unit'), ...periods.map(periodShort)],
    rows: units.map((u) => [
      text(u.name),
      ...lookups.map((lookup) => number(lookup.get(u.code)?.value, shape.focus.indicator.decimals)),
    ]),
    secrecy,
  };
}

export function PivotView(props: { params: Record<string, string> }) {
  const { lang, t } = useLang();
  const workspace = useWorkspace();
  const { catalogue, unit, unitCode, period } = workspace;
  const indicators = indicatorIndex(catalogue);
  const rows: RowAxis = props.params.rows === 'unit' ? 'unit' : 'ind';
  const columns: ColumnAxis = props.params.cols === 'periods' ? 'periods' : 'measures';
  const months = [3, 6, 12, 24].includes(Number(props.params.months)) ? Number(props.params.months) : 6;
  const include = includeParam(includeOf(props.params));
  const field = catalogue.fields.some((f) => f.code === props.params.field)
    ? (props.params.field ?? 'all')
    : 'all';
  const focusIndicator = indicators.get(props.params.ind ?? '') ?? indicators.get('drug.cases');
  const focus: Measure | null = focusIndicator
    ? { indicator: focusIndicator, option: props.params.opt ?? focusIndicator.options[0]?.code ?? null }
    : null;
  const shape = focus && { rows, columns, months, field, focus, include };
  const [table] = useLoad(
    async () => (shape ? buildTable(workspace, shape, lang, t) : null),
    [
      include,
      unitCode,
      period,
      rows,
      columns,
      months,
      field,
      focus && measureKey(focus.indicator.code, focus.option),
      lang,
    ],
    { initial: () => (shape ? measuresTableAtOnce(workspace, shape, lang, t) : undefined) },
  );
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const unitName = unit ? pick(lang, unit.name, unit.nameEn) : unitCode;
  const title = `${t('pivotTitle')} – ${unitName} – ${periodLabel(period, lang)}`;
  const exportTable = async () => {
    if (table.state !== 'ready' || !table.data) return;
    setExporting(true);
    setExportError(null);
    try {
      await downloadPost(
        '/api/exports/table.xlsx',
        {
          title,
          subtitle: rows === 'unit' && focus ? measureName(focus.indicator, focus.option, lang) : undefined,
          columns: table.data.columns,
          rows: table.data.rows.map((r) => r.map((c) => c.raw)),
          secrecy: table.data.secrecy,
        },
        `bang-tong-hop-${unitCode}-${period}.xlsx`,
      );
    } catch (e) {
      setExportError(e instanceof ApiError ? pick(lang, e.messageVi, e.messageEn) : String(e));
    } finally {
      setExporting(false);
    }
  };

  const set = (changes: Record<string, string | null>) => updateParams(changes, { replace: true });
  return (
    <>
      <h1>
        {t('pivot')}{' '}
        <span class="heading-period">
          · {unitName} · {periodLabel(period, lang)}
        </span>
      </h1>
      <form class="panel pivot-controls" onSubmit={(e) => e.preventDefault()}>
        <label class="inline-field">
          <span>{t('pivotRows')}</span>
          <select value={rows} onChange={(e) => set({ rows: e.currentTarget.value })}>
            <option value="ind">{t('rowsIndicators')}</option>
            <option value="unit">{t('rowsUnits')}</option>
          </select>
        </label>
        <label class="inline-field">
          <span>{t('pivotColumns')}</span>
          <select value={columns} onChange={(e) => set({ cols: e.currentTarget.value })}>
            <option value="measures">{t('columnsMeasures')}</option>
            <option value="periods">{t('columnsPeriods')}</option>
          </select>
        </label>
        {columns === 'periods' && (
          <label class="inline-field">
            <span>{t('months')}</span>
            <select value={String(months)} onChange={(e) => set({ months: e.currentTarget.value })}>
              {[3, 6, 12, 24].map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        {rows === 'ind' ? (
          <label class="inline-field">
            <span>{t('field')}</span>
            <select
              value={field}
              onChange={(e) => set({ field: e.currentTarget.value === 'all' ? null : e.currentTarget.value })}
            >
              <option value="all">{t('allFields')}</option>
              {catalogue.fields.map((f) => (
                <option key={f.code} value={f.code}>
                  {pick(lang, f.nameVi, f.nameEn)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label class="inline-field">
            <span>{t('indicator')}</span>
            <select
              value={focus ? measureKey(focus.indicator.code, focus.option) : ''}
              onChange={(e) => {
                const [ind = '', opt = null] = e.currentTarget.value.split('/');
                set({ ind, opt });
              }}
            >
              {allMeasures(catalogue)
                .filter((m) => clearanceAllows(workspace.me.clearance, m.indicator.secrecy))
                .map((m) => (
                  <option
                    key={measureKey(m.indicator.code, m.option)}
                    value={measureKey(m.indicator.code, m.option)}
                  >
                    {measureName(m.indicator, m.option, lang)}
                  </option>
                ))}
            </select>
          </label>
        )}
        <button
          type="button"
          class="button-primary push-right"
          onClick={exportTable}
          disabled={exporting || table.state !== 'ready'}
        >
          {exporting ? t('exporting') : t('exportXlsx')}
        </button>
      </form>
      {exportError && <Notice kind="error">{exportError}</Notice>}
      {table.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {table.state === 'failed' && (
        <Notice kind="error">{pick(lang, table.error.messageVi, table.error.messageEn)}</Notice>
      )}
      {table.state === 'ready' && table.data && (
        <div class="panel table-scroll">
          <table class="data-table pivot-table">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.data.columns.map((c, i) => (
                  <th key={c} scope="col" class={i >= (rows === 'ind' ? 2 : 1) ? 'num' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.data.rows.map((r) => (
                <tr key={String(r[0]?.raw) + String(r[1]?.raw)}>
                  {r.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell.text}
                      </th>
                    ) : (
                      <td
                        key={i}
                        class={`${cell.numeric ? 'num' : ''}${cell.tone ? ` tone-${cell.tone}` : ''}`}
                      >
                        {cell.text}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
