/**
 * A figure the page states again with its year (an encyclopedia's box: 地区生产总值 / 209.35亿元(2020年)):
 * where its sentence says no year of its own (全年全区生产总值(GDP)209.35亿元…), that year is its,
 * not the year the page was last updated.
 */
import type { LocatedIndicator } from './prose.js';
import { findPeriods } from '../text/period.js';
import { period } from './document.js';

const RESTATED = /(\d+(?:\.\d+)?\s*[\u4e00-\u9fff%]{1,4}?)\s*[(（]\s*((?:19|20)\d{2})\s*年\s*[)）]/g;

/** Each figure written with a year in brackets after it, by the figure as written. */
function restatedYears(text: string): Map<string, number> {
  const years = new Map<string, number>();
  for (const m of text.matchAll(RESTATED)) years.set(m[1].replace(/\s+/g, ''), Number(m[2]));
  return years;
}

/**
 * The indicators, a year's figure whose sentence names no year given the year the page restates
 * it with — and the figures of its sentence with it (其中:第一产业增加值21.78亿元…).
 */
export function withRestatedYears(indicators: LocatedIndicator[], text: string): LocatedIndicator[] {
  const years = restatedYears(text);
  if (!years.size) return indicators;
  const lines = text.split('\n');
  const restated = (ind: LocatedIndicator) => years.get(ind.figure.replace(/\s+/g, ''));
  const unsaid = (ind: LocatedIndicator) => ind.period.kind === 'year' && !findPeriods(ind.sentence).some((p) => p.period.year !== undefined);
  // (Its paragraph's other figures too, where the paragraph names no year at all.)
  const byLine = new Map<number, number>();
  for (const ind of indicators) {
    const year = restated(ind);
    if (year === undefined || ind.period.year === year || !unsaid(ind)) continue;
    if (!findPeriods(lines[ind.line - 1] ?? '').some((p) => p.period.year !== undefined)) byLine.set(ind.line, year);
  }
  return indicators.map((ind) => {
    const year = byLine.get(ind.line) ?? restated(ind);
    return year === undefined || ind.period.year === year || !unsaid(ind) ? ind : { ...ind, period: period({ kind: 'year', year }) };
  });
}
