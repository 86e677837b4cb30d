/** Figures in sentences: names, periods, spans and growth, one sentence at a time. */
import { describe, expect, it } from 'vitest';
import { extractFigures, type Context } from '../src/extract/figures.js';
import { span } from '../src/text/period.js';
import { lexicon } from '../src/knowledge/lexicon.js';

const lex = lexicon();
const year = (y: number) => ({ kind: 'year' as const, year: y, label: `${y}年` });
const results: Context = { region: '嘉兴市', year: 2021, period: year(2021), nature: 'actual', section: '', targets: year(2022), now: 2022 };
const fiveYears: Context = { ...results, period: span('过去五年', 2021, 2022)!, year: 2021 };
const read = (sentence: string, ctx: Context = results) =>
  extractFigures(sentence, ctx, lex).map((d) => [d.name, d.period.label, d.nature, d.figure, ...d.growth.map((g) => `${g.basis}${g.value}`)]);

describe('names', () => {
  it('are never clutter: a verb, a table cell, a row number', () => {
    expect(read('|市商务局|5|研发投入强度提高到3.8%')).toEqual([['研发投入强度', '2021年', 'actual', '3.8%']]);
    expect(read('1实现生产总值6355亿元')).toEqual([['生产总值', '2021年', 'actual', '6355亿元']]);
    expect(read('规上工业实现增加值965.31亿元')).toEqual([['规上工业增加值', '2021年', 'actual', '965.31亿元']]);
    expect(read('农村居民收入连续18年保持全省首位')).toEqual([]);
  });
  it('take the subject of the clause when the figure follows a bare verb', () => {
    expect(read('上市公司总数实现翻番、达到19家')).toEqual([['上市公司总数', '2021年', 'actual', '19家']]);
  });
});

describe('spans', () => {
  it('从A增加到B: the start before the span, the end at its last year; 年均 is the span’s', () => {
    expect(read('地区生产总值从3979亿元跃升到6355亿元,年均增长7%', fiveYears)).toEqual([
      ['地区生产总值', '2016年', 'actual', '3979亿元'],
      ['地区生产总值', '2021年', 'actual', '6355亿元'],
      ['地区生产总值', '过去五年（2017-2021年）', 'actual', '7%', '年均7'],
    ]);
  });
  it('从A到B in a year’s results: the year before, and the year', () => {
    expect(read('人口城镇化率由71.3%提高到71.9%')).toEqual([
      ['人口城镇化率', '2020年', 'actual', '71.3%'],
      ['人口城镇化率', '2021年', 'actual', '71.9%'],
    ]);
  });
  it('a figure that states its own year keeps it; what was counted over the years stays the span’s', () => {
    expect(read('2019年,全市实现地区生产总值5370亿元', fiveYears)).toEqual([['地区生产总值', '2019年', 'actual', '5370亿元']]);
    expect(read('累计完成固定资产投资2543亿元', fiveYears)).toEqual([['完成固定资产投资', '过去五年（2017-2021年）', 'actual', '2543亿元']]);
  });
});

describe('targets and comparisons', () => {
  it('a target whose sentence names only 全年 is the target year’s', () => {
    expect(read('确保全年实到外资3亿美元')).toEqual([['实到外资', '2022年', 'target', '3亿美元']]);
  });
  it('a target before a colon governs the list after it', () => {
    expect(read('主要预期目标是:地区生产总值增长6%左右;固定资产投资增长8%以上')).toEqual([
      ['地区生产总值', '2022年', 'target', '6%左右', '增长6'],
      ['固定资产投资', '2022年', 'target', '8%以上', '增长8'],
    ]);
  });
  it('the base of a comparison is no period; a gap to the province is no figure', () => {
    expect(read('人口城镇化率升至71.9%,较上年提升0.6个百分点')).toEqual([['人口城镇化率', '2021年', 'actual', '71.9%', '较上年0.6']]);
    expect(read('增加值增长25.0%,增速比全省高出1.8个百分点')).toEqual([['增加值', '2021年', 'actual', '25.0%', '增长25']]);
  });
  it('places before 分别 get one figure each, and the growths after them', () => {
    expect(
      extractFigures('海宁市GDP为1196.3亿元;桐乡市和嘉善县分列第二、第三,分别为1141.69亿元和789.26亿元,增速分别为8.5%和10.3%', results, lex).map((d) => [d.region, d.name, d.figure, d.growth[0]?.value]),
    ).toEqual([
      ['海宁市', 'GDP', '1196.3亿元', undefined],
      ['桐乡市', 'GDP', '1141.69亿元', 8.5],
      ['嘉善县', 'GDP', '789.26亿元', 10.3],
    ]);
  });
});

describe('places listed before 分别', () => {
  it('each get their figure, named by the metric after them', () => {
    expect(
      extractFigures('1-6月,南湖区、秀洲区规上工业增加值分别增长8.1%和10.2%', { ...results, period: year(2023), year: 2023 }, lex).map((d) => [d.region, d.name, d.period.label, d.figure, d.isChange]),
    ).toEqual([
      ['南湖区', '规上工业增加值', '2023年1-6月', '8.1%', true],
      ['秀洲区', '规上工业增加值', '2023年1-6月', '10.2%', true],
    ]);
  });
});
