/** A figure's first line: the figure and the change asked, as a phone shows it. */
import { describe, expect, it } from 'vitest';
import { figureLine } from '../src/answer/compose.js';
import type { Indicator } from '../src/types.js';

const gdp: Indicator = {
  id: 'i', type: 'indicator', source: 's', name: '生产总值', aliases: [], subject: '', region: '云和县', period: { kind: 'year', year: 2022, label: '2022年' },
  value: 951435, unit: '万元', figure: '951435万元', isChange: false, nature: 'actual', sentence: '', section: '', line: 1,
  growth: [
    { basis: '按可比价格计算比上年', value: -4.1, unit: '%', text: '按可比价格计算比上年下降4.1%' },
    { basis: '两年平均', value: 2.5, unit: '%', text: '两年平均增长2.5%' },
  ],
};
const text = (l: ReturnType<typeof figureLine>) => l.map((s) => s.text).join('');

describe('the first line of a growth asked', () => {
  it('gives the change over the year before, not an average over years beside it, unless the average is asked', () => {
    expect(text(figureLine(gdp, true))).toBe('按可比价格计算比上年下降4.1%（951435万元）');
    expect(text(figureLine(gdp, true, '两年平均'))).toBe('两年平均增长2.5%（951435万元）');
  });
});
