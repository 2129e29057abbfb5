/**
 * Trend charts drawn on the server as SVG with ECharts, for documents that embed vector images (the PDF).
 * The .docx uses native Word charts instead, which stay editable.
 */
import * as echarts from 'echarts';
import { formatNumber } from '../vietnamese/index.ts';
import type { TrendSeries } from './model.ts';

export interface ChartSize {
  width: number;
  height: number;
}

/** A line chart of the series against the same months a year earlier, as an SVG string. */
export function trendChartSvg(series: TrendSeries, size: ChartSize = { width: 620, height: 300 }): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Roboto' },
      title: {
        text: `${series.title} (${series.unit})`,
        left: 'center',
        top: 4,
        textStyle: { fontSize: 13, fontWeight: 'normal', color: '#333333' },
      },
      legend: { bottom: 0, textStyle: { fontSize: 10 } },
      grid: { left: 56, right: 16, top: 36, bottom: 64 },
      xAxis: {
        type: 'category',
        data: series.points.map((p) => p.label),
        axisLabel: { rotate: 45, fontSize: 9 },
      },
      yAxis: {
        type: 'value',
        axisLabel: { fontSize: 9, formatter: (v: number) => formatNumber(v, series.decimals) },
      },
      series: [
        {
          name: 'Số liệu tháng',
          type: 'line',
          data: series.points.map((p) => p.value),
          itemStyle: { color: '#C00000' },
          lineStyle: { width: 2 },
          symbolSize: 4,
        },
        {
          name: 'Cùng kỳ năm trước',
          type: 'line',
          data: series.points.map((p) => p.lastYear),
          itemStyle: { color: '#7F7F7F' },
          lineStyle: { width: 1.5 },
          showSymbol: false,
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
