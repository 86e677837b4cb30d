/**
 * Charts: which answers carry one, that its values are the text's, and the PNG drawn from it —
 * decoded again and looked at (size, not blank, the title's text drawn with the shipped font).
 * Over the seeds with the real-report fixtures (test/fixtures/realdocs), which hold a county table.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';
import { memoryContexts } from '../src/conversation.js';
import { placeChart, seriesChart } from '../src/answer/chart.js';
import { chartPng, CHART_WIDTH } from '../src/chart/render.js';
import type { Answer, Chart, Indicator } from '../src/types.js';
import { realdocsKnowledge } from './realdocs-knowledge.js';
import { looksLikeChart } from './png.js';

const knowledge = await realdocsKnowledge();
const core = createCore(knowledge, { contexts: memoryContexts(), now: () => new Date('2026-11-23T09:00:00+08:00') });

/** Draws the chart and checks the picture: at least 800 px wide, not blank, the title written. */
function looksDrawn(chart: Chart): void {
  const image = looksLikeChart(chartPng(chart));
  expect(image.width).toBe(CHART_WIDTH);
}

const chartOf = (a: Answer): Chart => {
  expect(a.chart, a.text).toBeDefined();
  return a.chart!;
};

describe('a county comparison', () => {
  it('is a bar chart of every county the text lists, highest first, with the city as a line', () => {
    const a = core.ask('2021年各县GDP增速');
    const chart = chartOf(a);
    expect(chart.kind).toBe('bar');
    expect(chart.title).toBe('2021年嘉兴市各县（市、区）GDP增速（%）');
    expect(chart.unit).toBe('%');
    expect(chart.period).toBe('2021年');
    expect(chart.source).toBeTruthy();
    // 3 | 嘉善县 | 789.26 | 10.3 | …; 2021年…GDP为6355.28亿元,比上年增长8.5%
    const [series] = chart.series;
    expect(chart.categories[0]).toBe('嘉善县');
    expect(series.values[0]).toBe(10.3);
    expect([...series.values].sort((x, y) => y - x)).toEqual(series.values);
    expect(chart.reference).toEqual({ name: '嘉兴市', value: 8.5 });
    // Each bar is a line of the text: the county and its figure.
    const listed = a.text.split('\n').filter((l) => l.startsWith('· '));
    expect(chart.categories).toHaveLength(listed.length);
    chart.categories.forEach((place, i) => {
      const line = listed.find((l) => l.includes(` ${place} `));
      expect(line, place).toBeDefined();
      expect(line).toContain(`${series.values[i]}%`);
    });
    looksDrawn(chart);
  });

  it('draws the ranking a 哪个县最快 answer gives, in its order', () => {
    const a = core.ask('2021年哪个县GDP增速最快');
    const chart = chartOf(a);
    const ranked = a.text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(chart.categories).toEqual(ranked.map((l) => l.split(' ')[1]));
    ranked.forEach((l, i) => expect(l).toContain(String(chart.series[0].values[i])));
  });

  it('draws levels in their unit (亿元)', () => {
    const chart = chartOf(core.ask('各县市2021年GDP'));
    expect(chart.unit).toBe('亿元');
    expect(chart.categories[0]).toBe('海宁市');
    expect(chart.series[0].values[0]).toBe(1196.3);
    expect(chart.reference?.value).toBe(6355.28);
  });

  it('names the places when not every county was asked, and draws the city beside its counties only', () => {
    const ranked = core.ask('2021年哪个县GDP增速最快');
    const figures = ranked.records.map((r) => knowledge.byId.get(r.id) as Indicator).slice(0, 3);
    const items = figures.map((record, i) => ({ place: record.region, value: chartOf(ranked).series[0].values[i], unit: '%', record }));
    const chart = placeChart(knowledge, 'GDP增速', items, undefined, false)!;
    expect(chart.place).toBe('嘉善县、平湖市、南湖区');
    expect(chart.title).toBe('2021年嘉善县、平湖市、南湖区GDP增速（%）');
    expect(placeChart(knowledge, 'GDP增速', items.slice(0, 2), undefined, true)).toBeUndefined();
  });

  it('is no chart for one or two counties', () => {
    expect(core.ask('2021年嘉善GDP增速比海宁高多少').chart).toBeUndefined();
    expect(core.ask('2021年嘉善GDP增速').chart).toBeUndefined();
  });
});

describe('a figure over time', () => {
  it('is a line of the figure and the same metric in other years, oldest first, each value in the text', () => {
    const a = core.ask('GDP');
    const chart = chartOf(a);
    expect(chart.kind).toBe('line');
    expect(chart.place).toBe('嘉兴市');
    expect(chart.unit).toBe('亿元');
    expect(chart.categories.length).toBeGreaterThanOrEqual(3);
    expect(chart.categories.every((c) => /^\d{4}年$/.test(c))).toBe(true);
    expect([...chart.categories].sort()).toEqual(chart.categories);
    for (const [i, period] of chart.categories.entries()) expect(a.text).toMatch(new RegExp(`${period}：${chart.series[0].values[i]}亿元`));
    looksDrawn(chart);
  });

  const figure = (label: string, period: Indicator['period'], value: number): Indicator => ({
    id: label,
    type: 'indicator',
    name: '全社会用电量',
    aliases: [],
    subject: '',
    region: '嘉兴市',
    period,
    value,
    unit: '亿千瓦时',
    figure: `${value}亿千瓦时`,
    isChange: false,
    growth: [],
    nature: 'actual',
    sentence: label,
    section: '',
    source: 'none',
    line: 1,
  });
  const month = (to: number) => ({ kind: 'month' as const, year: 2021, to, label: `2021年${to}月` });

  it('never mixes months with a cumulative range, and draws nothing of two values', () => {
    const months = [figure('a', month(4), 48), figure('b', month(5), 50), figure('c', month(6), 52.91)];
    expect(seriesChart(knowledge, months)?.categories).toEqual(['2021年4月', '2021年5月', '2021年6月']);
    const range = figure('d', { kind: 'range', year: 2021, from: 1, to: 6, label: '2021年1-6月' }, 293.25);
    // The range is left out of the months' line; a range first draws no line of months.
    expect(seriesChart(knowledge, [...months, range])?.categories).toEqual(['2021年4月', '2021年5月', '2021年6月']);
    expect(seriesChart(knowledge, [range, ...months])).toBeUndefined();
    expect(seriesChart(knowledge, months.slice(0, 2))).toBeUndefined();
  });

  it('is no chart for an answer with one period', () => {
    expect(core.ask('6月全市用电量是多少').chart).toBeUndefined();
  });
});

describe('tasks by status', () => {
  it('is one stacked bar of the table, a part a status, as the text counts them', () => {
    const a = core.ask('2021年重点工作有几项任务');
    const chart = chartOf(a);
    expect(chart.kind).toBe('stacked');
    expect(chart.unit).toBe('项');
    // 按时推进88项，部分滞后3项，进度滞后1项，进度较快7项，未标注状态1项
    for (const s of chart.series) expect(a.text).toContain(`${s.name}${s.values[0]}项`);
    looksDrawn(chart);
  });

  it('is a stacked bar a department for the departments that lead most, adding up to the text', () => {
    const a = core.ask('哪个部门牵头最多');
    const chart = chartOf(a);
    expect(chart.kind).toBe('stacked');
    expect(chart.categories).toHaveLength(5);
    chart.categories.forEach((d, i) => {
      const total = chart.series.reduce((sum, s) => sum + s.values[i], 0);
      expect(a.text).toContain(`· ${d} ${total}项`);
    });
    looksDrawn(chart);
  });
});

describe('the real-report fixtures', () => {
  it('draw a county comparison of their own table', () => {
    // 2021年嘉兴各区县GDP排行: 1 | 海宁市 | 1196.3 | 7 | … 9 | 港区 | 209.01 | 6.1 |
    const chart = chartOf(core.ask('2021年GDP最低的区'));
    expect(chart.categories.at(-1)).toBe('嘉兴港区');
    expect(chart.series[0].values.at(-1)).toBe(209.01);
    looksDrawn(chart);
  });
});
