/**
 * Periods as reports and questions write them: 6月, 1-6月, 6月末, 截至6月底, 上半年, 2019年,
 * 2020年底, 6月30日, 2019年以来, 今年, 去年. Used both to date a document's figures and to read
 * what period a question pins down, so the two always agree.
 */
import type { Period } from '../types.js';

export interface PeriodMention {
  period: Period;
  index: number;
  length: number;
}

const DASH = '[-—－~～至到]';
const HALVES: Record<string, [number, number]> = {
  上半年: [1, 6],
  下半年: [7, 12],
  一季度: [1, 3],
  第一季度: [1, 3],
  二季度: [4, 6],
  第二季度: [4, 6],
  前三季度: [1, 9],
  三季度: [7, 9],
  第三季度: [7, 9],
  四季度: [10, 12],
  第四季度: [10, 12],
};
const HALF = Object.keys(HALVES)
  .sort((a, b) => b.length - a.length)
  .join('|');
const YEAR = '((?:19|20)\\d{2})年';
const MONTH = '(1[0-2]|0?[1-9])';
const UPTO = '(截至|截止|至|到)?';

// Alternatives in order of specificity; named groups say which one matched.
const PATTERN = new RegExp(
  [
    `(?<yRange>${YEAR}${MONTH}${DASH}${MONTH}月)`,
    `(?<yHalf>${YEAR}(${HALF}))`,
    `(?<yAsof>${UPTO}${YEAR}${MONTH}月(?:末|底))`,
    `(?<yDay>${YEAR}${MONTH}月(\\d{1,2})日)`,
    `(?<yMonth>${YEAR}${MONTH}月(?!\\d))`,
    `(?<yEnd>${UPTO}${YEAR}(?:底|末))`,
    `(?<ySince>${YEAR}以来)`,
    `(?<year>${YEAR}(?!\\d))`,
    `(?<range>(?<!\\d)${MONTH}${DASH}${MONTH}月)`,
    `(?<first>前${MONTH}个月)`,
    `(?<asof>${UPTO}(?<!\\d)${MONTH}月(?:末|底))`,
    `(?<day>(?<![\\d.])${MONTH}月(\\d{1,2})日)`,
    `(?<half>${HALF})`,
    `(?<month>(?<![\\d.])${MONTH}月份?(?![\\d末底]))`,
    `(?<ytd>今年以来|年初以来|本年以来)`,
    `(?<thisYear>今年|本年度|本年|全年|年内)`,
    `(?<lastYear>去年|上年|上一年)`,
  ].join('|'),
  'g',
);

export function label(p: Omit<Period, 'label'>): string {
  const y = p.year ? `${p.year}年` : '';
  switch (p.kind) {
    case 'year':
      return y || '全年';
    case 'month':
      return `${y}${p.to}月`;
    case 'range':
      return p.from === 1 && p.to === 6 && !y ? '上半年' : `${y}${p.from}-${p.to}月`;
    case 'asof':
      return p.to === 12 && p.year ? `${p.year}年底` : `截至${y}${p.to}月底`;
    case 'day':
      return `${y}${p.to}月${p.day}日`;
    case 'since':
      return p.year ? `${p.year}年以来` : '今年以来';
    default:
      return y;
  }
}

function make(p: Omit<Period, 'label'>): Period {
  const period = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Omit<Period, 'label'>;
  return { ...period, label: label(period) };
}

/**
 * Every period written in `text`, left to right. `year` is the year a bare 6月 or 今年 belongs
 * to (the document's year); without it those periods carry no year.
 */
export function findPeriods(text: string, year?: number): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const g = m.groups ?? {};
    const n = (s: string | undefined) => (s === undefined ? undefined : Number(s));
    // The capture groups of each alternative follow its named group in order.
    const parts = m.slice(1).filter((v) => v !== undefined);
    let period: Period | undefined;
    if (g.yRange) period = make({ kind: 'range', year: n(parts[1]), from: n(parts[2]), to: n(parts[3]) });
    else if (g.yHalf) {
      const [from, to] = HALVES[parts[2]];
      period = make({ kind: 'range', year: n(parts[1]), from, to });
    } else if (g.yAsof) {
      const nums = parts.slice(1).filter((v) => /^\d+$/.test(v));
      period = make({ kind: 'asof', year: n(nums[0]), to: n(nums[1]) });
    } else if (g.yDay) period = make({ kind: 'day', year: n(parts[1]), to: n(parts[2]), day: n(parts[3]) });
    else if (g.yMonth) period = make({ kind: 'month', year: n(parts[1]), to: n(parts[2]) });
    else if (g.yEnd) {
      const nums = parts.slice(1).filter((v) => /^\d+$/.test(v));
      period = make({ kind: 'asof', year: n(nums[0]), to: 12 });
    } else if (g.ySince) period = make({ kind: 'since', year: n(parts[1]) });
    else if (g.year) period = make({ kind: 'year', year: n(parts[1]) });
    else if (g.range) period = make({ kind: 'range', year, from: n(parts[1]), to: n(parts[2]) });
    else if (g.first) period = make({ kind: 'range', year, from: 1, to: n(parts[1]) });
    else if (g.asof) {
      const nums = parts.slice(1).filter((v) => /^\d+$/.test(v));
      period = make({ kind: 'asof', year, to: n(nums[0]) });
    } else if (g.day) period = make({ kind: 'day', year, to: n(parts[1]), day: n(parts[2]) });
    else if (g.half) {
      const [from, to] = HALVES[parts[0]];
      period = make({ kind: 'range', year, from, to });
    } else if (g.month) period = make({ kind: 'month', year, to: n(parts[1]) });
    else if (g.ytd) period = make({ kind: 'since', year });
    else if (g.thisYear) period = make({ kind: 'year', year });
    else if (g.lastYear) period = make({ kind: 'year', year: year === undefined ? undefined : year - 1 });
    if (period) found.push({ period, index: m.index ?? 0, length: m[0].length });
  }
  return found;
}

/** A number that orders periods: later periods sort higher. Ranges end where they end. */
export function periodKey(p: Period): number {
  const month = p.to ?? (p.kind === 'year' ? 12 : 0);
  // At the same end, a month is newer news than the range that ends with it (6月 before 1-6月).
  return (p.year ?? 0) * 10000 + month * 100 + (p.day ?? (p.kind === 'day' ? 0 : p.kind === 'range' ? 31 : 32));
}
