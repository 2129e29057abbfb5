// Charts and the province map. This module is loaded on demand (a separate chunk), and takes from ECharts only
// the pieces drawn here, so that the sign-in page and the figures do not wait for it.
import { LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { type ECharts, type EChartsCoreOption, init, registerMap, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'preact/hooks';
import { query } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { formatNumber, periodShort, shiftMonth, unitLabel } from '../format.ts';
import { pick, useLang } from '../i18n.ts';
import { updateParams } from '../router.ts';
import type { Indicator, ProvinceEra, ProvinceMap as ProvinceMapData, Ranking, Series } from '../types.ts';
import { useCachedGet } from '../use-load.ts';

use([LineChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

type EChartsOption = EChartsCoreOption;

const FONT = '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
const INK = '#1f2a37';
const MUTED = '#5b6675';
const PRIMARY = '#1d4e89';
const SECONDARY = '#b07d2b';

/**
 * Mounts an ECharts instance on a div, redraws it when the option really changes and resizes it with its box.
 * Options are compared by content (their JSON, plus `context` for what the formatters close over), not by
 * identity: the page re-renders for many reasons (an answer arriving elsewhere, a switch of month), and redrawing
 * the map each time would hold up the figures.
 */
function useChart(
  option: EChartsOption | null,
  onClick?: (params: { data?: unknown }) => void,
  context = '',
) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, null, { renderer: 'svg', locale: 'EN' });
    chartRef.current = chart;
    chart.on('click', (params) => clickRef.current?.(params as { data?: unknown }));
    // Resizing redraws the whole chart (the map has hundreds of shapes): only for a real change of size, and after
    // the layout settles, so that loading states that shift the page do not block it.
    let size = { width: ref.current.clientWidth, height: ref.current.clientHeight };
    let pending: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box || (Math.round(box.width) === size.width && Math.round(box.height) === size.height)) return;
      size = { width: Math.round(box.width), height: Math.round(box.height) };
      if (pending !== undefined) clearTimeout(pending);
      pending = setTimeout(() => chart.resize(), 150);
    });
    observer.observe(ref.current);
    return () => {
      if (pending !== undefined) clearTimeout(pending);
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);
  const drawn = useRef<{ key: string; shape: string } | null>(null);
  const key = option ? `${context}\n${JSON.stringify(option)}` : null;
  useEffect(() => {
    if (!option || key === null || key === drawn.current?.key) return;
    // What the chart is made of (its context and its map): a new month with the same shape only updates the
    // data, so that ECharts keeps the drawn province outlines instead of rebuilding hundreds of paths.
    const shape = `${context}\n${JSON.stringify((option.series as Array<{ map?: string }> | undefined)?.map((s) => s.map ?? ''))}`;
    // Drawn after the next paint: the figures show first, then the charts (the province map is heavy).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        chartRef.current?.setOption(option, { notMerge: drawn.current?.shape !== shape });
        drawn.current = { key, shape };
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [key]);
  return ref;
}

export function SeriesChart(props: {
  indicator: Indicator;
  option: string | null;
  unitCode: string;
  period: string;
  /** Which reports count (the page's switch); null for the default. */
  include?: string | null;
  /** While the cards' figures load, the series waits, so that the cards' answer comes first. */
  hold?: boolean;
}) {
  const { lang, t } = useLang();
  const { indicator, option, unitCode, period } = props;
  const include = props.include ?? null;
  const [series] = useCachedGet<Series>(
    props.hold
      ? null
      : `/api/aggregates/series${query({ unit: unitCode, indicator: indicator.code, option, to: period, months: 24, include })}`,
  );
  const unit = unitLabel(indicator.unit, lang);
  const points = series.state === 'ready' ? series.data.points : [];
  const option_: EChartsOption | null =
    series.state === 'ready'
      ? {
          textStyle: { fontFamily: FONT, color: INK },
          animation: false,
          grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
          legend: { top: 0, left: 0, itemWidth: 18, textStyle: { color: MUTED } },
          tooltip: {
            trigger: 'axis',
            valueFormatter: (value: unknown) =>
              typeof value === 'number' ? `${formatNumber(value, indicator.decimals)} ${unit}` : '—',
          },
          xAxis: {
            type: 'category',
            data: points.map((p) => periodShort(p.period)),
            axisLabel: { color: MUTED, hideOverlap: true },
            axisLine: { lineStyle: { color: '#c5ccd6' } },
          },
          yAxis: {
            type: 'value',
            axisLabel: {
              color: MUTED,
              formatter: (value: number) => formatNumber(value, indicator.decimals),
            },
            splitLine: { lineStyle: { color: '#e6e9ee' } },
          },
          series: [
            {
              name: `${t('thisYear')} (${periodShort(shiftMonth(period, -23))}–${periodShort(period)})`,
              type: 'line',
              data: points.map((p) => p.value),
              symbolSize: 5,
              lineStyle: { width: 2.5, color: PRIMARY },
              itemStyle: { color: PRIMARY },
            },
            {
              name: t('lastYear'),
              type: 'line',
              data: points.map((p) => p.lastYear),
              symbolSize: 4,
              lineStyle: { width: 1.5, type: 'dashed', color: SECONDARY },
              itemStyle: { color: SECONDARY },
            },
          ],
        }
      : null;
  const ref = useChart(option_, undefined, `${indicator.code}/${option}/${lang}`);
  return (
    <>
      {series.state === 'failed' && (
        <Notice kind="error">{pick(lang, series.error.messageVi, series.error.messageEn)}</Notice>
      )}
      <div
        ref={ref}
        class="chart"
        role="img"
        aria-label={`${t('chartHeading')}: ${pick(lang, indicator.name, indicator.nameEn)}`}
      />
    </>
  );
}

const registeredMaps = new Set<string>();

type Ring = number[][];

/**
 * The outlines thinned for the screen: a point closer than `tolerance` degrees (about 2 km, under a pixel on the
 * dashboard's map) to the last one kept is dropped. The province files carry some 50,000 points, which ECharts
 * turns into SVG paths on every redraw; thinned, a switch of month redraws several times faster and looks the same.
 * (52,398 points become 14,844 for the 63 provinces.) A ring that would lose its shape (fewer than four points: small islands) is kept whole.
 */
export function thinOutlines<T>(geojson: T, tolerance = 0.02): T {
  const thinRing = (ring: Ring): Ring => {
    const first = ring[0];
    if (!first || ring.length <= 8) return ring;
    const kept: Ring = [first];
    let last = first;
    for (let i = 1; i < ring.length - 1; i++) {
      const point = ring[i] as number[];
      if (
        Math.abs((point[0] ?? 0) - (last[0] ?? 0)) + Math.abs((point[1] ?? 0) - (last[1] ?? 0)) >=
        tolerance
      ) {
        kept.push(point);
        last = point;
      }
    }
    kept.push(ring[ring.length - 1] as number[]);
    return kept.length >= 4 ? kept : ring;
  };
  const walk = (coordinates: unknown): unknown => {
    if (!Array.isArray(coordinates)) return coordinates;
    if (Array.isArray(coordinates[0]) && typeof coordinates[0][0] === 'number')
      return thinRing(coordinates as Ring);
    return coordinates.map(walk);
  };
  const collection = geojson as { features?: Array<{ geometry?: { coordinates?: unknown } }> };
  if (!Array.isArray(collection.features)) return geojson;
  return {
    ...collection,
    features: collection.features.map((feature) =>
      feature.geometry
        ? { ...feature, geometry: { ...feature.geometry, coordinates: walk(feature.geometry.coordinates) } }
        : feature,
    ),
  } as T;
}

/**
 * The province geometry at an address (of an era, or of the era of a month), registered with ECharts once per era;
 * `ready` names the registered map.
 */
function useProvinceGeometry(path: string) {
  const [geo] = useCachedGet<ProvinceMapData>(path);
  const [ready, setReady] = useState<string | null>(null);
  const data = geo.state === 'ready' ? geo.data : null;
  useEffect(() => {
    if (!data) return;
    const name = `vn-provinces-${data.era}`;
    if (!registeredMaps.has(name)) {
      registerMap(name, thinOutlines(data.geojson) as Parameters<typeof registerMap>[1]);
      registeredMaps.add(name);
    }
    setReady(name);
  }, [data]);
  return { geo, ready };
}

/** The look shared by every province map: regions matched by code, white borders, no zoom. */
function provinceSeries(map: string) {
  return {
    type: 'map' as const,
    map,
    nameProperty: 'code',
    roam: false,
    selectedMode: false as const,
    layoutCenter: ['50%', '50%'],
    layoutSize: '98%',
    aspectScale: 0.95,
    itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: '#e6e9ee' },
    emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2c14e' } },
  };
}

/**
 * A choropleth of the provinces of the period's era (63 before July 2025, 34 after). Regions are matched by
 * code, not by name: official sources spell tone marks differently ("Hoà"/"Hòa").
 */
export function ProvinceMap(props: { ranking: Ranking; indicator: Indicator }) {
  const { lang, t } = useLang();
  // By the era of the ranking drawn, not by month: every month of an era is drawn on the same megabyte of outlines,
  // read once, and while the next month's ranking loads the map keeps the last one's.
  const { geo, ready } = useProvinceGeometry(`/api/geo/provinces/${props.ranking.era}`);
  const unit = unitLabel(props.indicator.unit, lang);
  const provinces = props.ranking.rows.filter((row) => row.kind === 'province');
  const values = provinces.map((row) => row.value ?? 0);
  const option: EChartsOption | null = ready
    ? {
        textStyle: { fontFamily: FONT, color: INK },
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (params: { data?: { unitName?: string; value?: number } }) =>
            params.data?.unitName
              ? `${params.data.unitName}<br/><b>${formatNumber(params.data.value ?? 0, props.indicator.decimals)}</b> ${unit}`
              : '',
        },
        visualMap: {
          type: 'continuous',
          min: 0,
          max: Math.max(1, ...values),
          left: 8,
          bottom: 8,
          itemHeight: 90,
          text: [formatNumber(Math.max(1, ...values), props.indicator.decimals), '0'],
          textStyle: { color: MUTED },
          inRange: { color: ['#eef3f9', '#9fbbe0', '#3f6fb0', '#173d6e'] },
          calculable: false,
        },
        series: [
          {
            ...provinceSeries(ready),
            data: provinces.map((row) => ({
              name: row.code,
              value: row.value ?? 0,
              unitName: row.name,
            })),
          },
        ],
      }
    : null;
  const ref = useChart(
    option,
    (params) => {
      const data = params.data as { name?: string } | undefined;
      // Drilling down: the province becomes the unit in the header, and the page shows its own figures.
      // The new unit's page starts at its top, as a page followed from a link does.
      if (data?.name) {
        updateParams({ unit: data.name });
        window.scrollTo({ top: 0 });
      }
    },
    `${props.indicator.code}/${lang}`,
  );
  return (
    <>
      {geo.state === 'failed' && <p class="muted">{t('mapUnavailable')}</p>}
      <div ref={ref} class="chart map-chart" role="img" aria-label={t('mapHeading')} />
    </>
  );
}

/**
 * A province map of plain values (a deployment target's progress), without the dashboard's drill-down: the
 * same geometry for the period's era, shaded from behind (amber) to ahead (green).
 */
export function ValueMap(props: {
  era: ProvinceEra;
  label: string;
  rows: Array<{ code: string; name: string; value: number | null }>;
}) {
  const { t } = useLang();
  const { geo, ready } = useProvinceGeometry(`/api/geo/provinces/${props.era}`);
  const values = props.rows.map((row) => row.value ?? 0);
  const option: EChartsOption | null = ready
    ? {
        textStyle: { fontFamily: FONT, color: INK },
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (params: { data?: { unitName?: string; value?: number } }) =>
            params.data?.unitName
              ? `${params.data.unitName}<br/><b>${formatNumber(params.data.value ?? 0, 1)}</b>`
              : '',
        },
        visualMap: {
          type: 'continuous',
          min: Math.min(0, ...values),
          max: Math.max(1, ...values),
          left: 8,
          bottom: 8,
          itemHeight: 90,
          textStyle: { color: MUTED },
          inRange: { color: ['#f6d7a7', '#d9b65a', '#7fb08a', '#1e7145'] },
          calculable: false,
        },
        series: [
          {
            ...provinceSeries(ready),
            data: props.rows.map((row) => ({ name: row.code, value: row.value ?? 0, unitName: row.name })),
          },
        ],
      }
    : null;
  const ref = useChart(option);
  return (
    <>
      {geo.state === 'failed' && <p class="muted">{t('mapUnavailable')}</p>}
      <div ref={ref} class="chart map-chart" role="img" aria-label={props.label} />
    </>
  );
}
