/**
 * A chart's ECharts option: the title (metric, place, period, unit) at the top, every value
 * written on its bar or point, the source under the chart. Bars for counties, a line for
 * periods, horizontal stacked bars for tasks by status (department names are long).
 */
import type { Chart } from '../types.js';
import { FONT_FAMILY } from './font.js';

/** Colours readable in print and for most colour-blind readers (ECharts' own, in its order). */
const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4'];
/** Statuses in the colours people read them by. */
const STATUS_COLOURS: Record<string, string> = {
  已完成: '#3ba272',
  进度较快: '#91cc75',
  按时推进: '#5470c6',
  部分滞后: '#fac858',
  进度滞后: '#ee6666',
  严重滞后: '#c23531',
  未标注状态: '#aaaaaa',
};
/** A status of another wording: a colour no known status has. */
const OTHER_COLOURS = ['#73c0de', '#fc8452', '#9a60b4', '#ea7ccc'];

const text = (v: number) => String(Number(v.toFixed(4)));

type Option = Record<string, unknown>;

function frame(chart: Chart, width: number): Option {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 14, color: '#333333' },
    title: { text: chart.title, left: 24, top: 16, textStyle: { fontFamily: FONT_FAMILY, fontSize: 22, fontWeight: 'normal', color: '#222222', width: width - 48, overflow: 'truncate' } },
    graphic: [{ type: 'text', left: 24, bottom: 14, style: { text: `来源：${chart.source}`, fontFamily: FONT_FAMILY, fontSize: 13, fill: '#666666', width: width - 48, overflow: 'truncate' } }],
  };
}

function bar(chart: Chart): Option {
  const [series] = chart.series;
  const tilt = chart.categories.length > 8 ? 30 : 0;
  const reference = chart.reference
    ? {
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#ee6666', type: 'dashed', width: 2 },
          label: { formatter: `${chart.reference.name} ${text(chart.reference.value)}`, position: 'insideEndTop', color: '#ee6666', fontFamily: FONT_FAMILY, fontSize: 14 },
          data: [{ yAxis: chart.reference.value }],
        },
      }
    : {};
  return {
    grid: { left: 60, right: 40, top: 80, bottom: 60, containLabel: true },
    xAxis: { type: 'category', data: chart.categories, axisLabel: { interval: 0, rotate: tilt, fontSize: 14 } },
    yAxis: { type: 'value', name: chart.unit, nameTextStyle: { fontSize: 14 } },
    series: [{ type: 'bar', name: series.name, data: series.values, barMaxWidth: 64, label: { show: true, position: 'top', fontSize: 14, formatter: ({ value }: { value: number }) => text(value) }, ...reference }],
  };
}

function line(chart: Chart): Option {
  const [series] = chart.series;
  return {
    grid: { left: 60, right: 60, top: 80, bottom: 60, containLabel: true },
    xAxis: { type: 'category', data: chart.categories, boundaryGap: true, axisLabel: { interval: 0, fontSize: 14 } },
    yAxis: { type: 'value', name: chart.unit, scale: true, nameTextStyle: { fontSize: 14 } },
    series: [{ type: 'line', name: series.name, data: series.values, symbolSize: 9, lineStyle: { width: 3 }, label: { show: true, position: 'top', fontSize: 14, formatter: ({ value }: { value: number }) => text(value) } }],
  };
}

/** White writing on dark parts, dark on light ones (yellow, light green, grey). */
const LIGHT = new Set(['#fac858', '#91cc75', '#aaaaaa', '#73c0de']);
const colourOf = (name: string, i: number) => STATUS_COLOURS[name] ?? OTHER_COLOURS[i % OTHER_COLOURS.length];

/** One table's statuses: a stack of one bar reads better as a bar a status, each with its count. */
function statusBars(chart: Chart): Option {
  return {
    grid: { left: 24, right: 60, top: 80, bottom: 50, containLabel: true },
    xAxis: { type: 'value', name: chart.unit, minInterval: 1 },
    yAxis: { type: 'category', data: chart.series.map((s) => s.name), inverse: true, axisLabel: { fontSize: 15 } },
    series: [
      {
        type: 'bar',
        name: chart.categories[0],
        data: chart.series.map((s, i) => ({ value: s.values[0], itemStyle: { color: colourOf(s.name, i) } })),
        barMaxWidth: 48,
        label: { show: true, position: 'right', fontSize: 15, formatter: ({ value }: { value: number }) => text(value) },
      },
    ],
  };
}

function stacked(chart: Chart): Option {
  if (chart.categories.length === 1) return statusBars(chart);
  return {
    legend: { top: 56, left: 24, textStyle: { fontSize: 14 } },
    grid: { left: 24, right: 40, top: 100, bottom: 50, containLabel: true },
    xAxis: { type: 'value', name: chart.unit, minInterval: 1 },
    yAxis: { type: 'category', data: chart.categories, inverse: true, axisLabel: { fontSize: 14 } },
    series: chart.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      stack: 'all',
      data: s.values,
      barMaxWidth: 56,
      itemStyle: { color: colourOf(s.name, i) },
      // A status with no task here has no part to write on.
      label: { show: true, position: 'inside', fontSize: 14, color: LIGHT.has(colourOf(s.name, i)) ? '#222222' : '#ffffff', formatter: ({ value }: { value: number }) => (value ? text(value) : '') },
    })),
  };
}

export function chartOption(chart: Chart, width: number): Option {
  const body = chart.kind === 'bar' ? bar(chart) : chart.kind === 'line' ? line(chart) : stacked(chart);
  return { ...frame(chart, width), ...body };
}
