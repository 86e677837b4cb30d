/**
 * Periods as reports and questions write them: 6月, 1-6月, 6月末, 截至6月底, 上半年, 2019年,
 * 2020年底, 年末, 6月30日, 2019年以来, 今年, 去年, and spans of several years: 2016-2020年,
 * “十三五”, 过去五年, 今后五年. Used both to date a document's figures and to read what period
 * a question pins down, so the two always agree.
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
  // (半年度主要经济指标…: the half-year's, as summaries say.)
  半年度: [1, 6],
  // (经济半年报陆续出炉: the half-year's report.)
  半年报: [1, 6],
  下半年: [7, 12],
  一季度: [1, 3],
  第一季度: [1, 3],
  // (首季开门红: the first quarter, as headlines say.)
  首季: [1, 3],
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
const MONTH_WORDS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const UPTO = '(截至|截止|至|到)?';
// 2016-2020年, 2016年—2020年, 2016至2020年: a span, not two years.
const SPAN_YEARS = `((?:19|20)\\d{2})年?${DASH}((?:19|20)\\d{2})年`;
// The five-year plans: 十三五 is 2016-2020, 十四五 2021-2025.
// “十四五”元年 and 十三五收官之年 are single years, not the plan's span.
const PLAN = '“?十([一二三四五六七八九])五(?!”?(?:元年|开局|首年|第一年|收官|之年|末年|最后))”?(?:时期|期间|以来)?';
const PLAN_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const PLAN_FIRST = '元年|开局之年|开局年|开局|首年|第一年';
const PLAN_LAST = '收官之年|收官年|收官|末年|最后一年';
const PLAN_YEAR = `“?十([一二三四五六七八九])五”?(?:的)?(${PLAN_FIRST}|${PLAN_LAST})`;
/** The first year of a five-year plan (十一五 began in 2006). */
const planStart = (number: string) => 2006 + (PLAN_NUMBER[number] - 1) * 5;
// Five years counted back from the year of the text, or forward from it.
const PAST = '过去(?:的)?五年|五年来|近五年|这五年';
const COMING = '今后五年|未来五年';
// A news dateline (新华社北京3月5日电, 本报讯, 央广网宁波7月26日消息) dates the report, not its figures.
const NOT_DATELINE = '(?!电|讯|消息|音讯)';

// Alternatives in order of specificity; named groups say which one matched.
const PATTERN = new RegExp(
  [
    `(?<ySpan>${SPAN_YEARS})`,
    `(?<planYear>${PLAN_YEAR})`,
    `(?<plan>${PLAN})`,
    `(?<past>${PAST})`,
    `(?<coming>${COMING})`,
    `(?<yRange>${YEAR}${MONTH}月?${DASH}${MONTH}月份?)`,
    `(?<yHalf>${YEAR}(${HALF}))`,
    `(?<yAsof>${UPTO}${YEAR}${MONTH}月(?:末|底))`,
    // 截至7月22日: how things stood that day, a running total or a level, not the day's own.
    `(?<yUptoDay>(?:截至|截止)${YEAR}${MONTH}月(\\d{1,2})日)`,
    `(?<yDay>${YEAR}${MONTH}月(\\d{1,2})日${NOT_DATELINE})`,
    // 截至6月 counts everything up to the end of June: a balance or a running total, not June alone.
    `(?<yUpto>(?:截至|截止)${YEAR}${MONTH}月(?![\\d末底日]))`,
    `(?<yMonth>${YEAR}${MONTH}月份?(?!\\d))`,
    `(?<yEnd>${UPTO}${YEAR}(?:底|末))`,
    `(?<end>(?<![\\d月])(?<!上|去|前)年(?:末|底))`,
    `(?<ySince>${YEAR}以来)`,
    `(?<year>${YEAR}(?!\\d))`,
    `(?<range>(?<!\\d)${MONTH}月?${DASH}${MONTH}月份?)`,
    `(?<first>前${MONTH}个?月)`,
    // (今年前四个月, 前两个月: the months written out as words.)
    `(?<firstWords>前(十[一二]?|[一二两三四五六七八九])个月)`,
    `(?<asof>${UPTO}(?<!\\d)${MONTH}月(?:末|底))`,
    `(?<upto>(?:截至|截止)(?<!\\d)${MONTH}月(?![\\d末底日]))`,
    `(?<uptoDay>(?:截至|截止)(?<![\\d.])${MONTH}月(\\d{1,2})日)`,
    `(?<day>(?<![\\d.])${MONTH}月(\\d{1,2})日${NOT_DATELINE})`,
    `(?<half>${HALF})`,
    `(?<month>(?<![\\d.])${MONTH}月份?(?![\\d末底]))`,
    `(?<ytd>今年以来|年初以来|本年以来|年初至今|今年至今)`,
    `(?<thisYear>今年|本年度|本年|全年|年内)`,
    // (上年专项结转, 上年结余: money carried over from the year before is this year's, named so — no period.)
    `(?<lastYear>去年|上年(?!(?:专项)?结[转余]|末?滚存)|上一年)`,
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
      return p.day ? `截至${y}${p.to}月${p.day}日` : p.to === 12 && p.year ? `${p.year}年底` : `截至${y}${p.to}月底`;
    case 'day':
      return `${y}${p.to}月${p.day}日`;
    case 'since':
      return p.year ? `${p.year}年以来` : '今年以来';
    case 'span':
      return p.fromYear && p.toYear ? `${p.fromYear}-${p.toYear}年` : '';
    default:
      return y;
  }
}

function make(p: Omit<Period, 'label'>, words?: string): Period {
  const period = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Omit<Period, 'label'>;
  const years = label(period);
  // A span keeps the words it was named by: 过去五年（2017-2021年）.
  return { ...period, label: words ? (years ? `${words}（${years}）` : words) : years };
}

/**
 * A span of several years. `now` is the year the text was written in: its 过去五年 ends the
 * year before, its 今后五年 starts with it. Without `now`, `year` (the year the text's figures
 * are about) ends a 过去五年 and starts a 今后五年; without either the years are not known.
 */
export function span(words: string, year?: number, now?: number): Period | undefined {
  const plan = words.match(new RegExp(`^${PLAN}$`));
  if (plan) {
    const from = planStart(plan[1]);
    return make({ kind: 'span', fromYear: from, toYear: from + 4 }, `“十${plan[1]}五”`);
  }
  const years = words.match(new RegExp(`^${SPAN_YEARS}$`));
  if (years) return make({ kind: 'span', fromYear: Number(years[1]), toYear: Number(years[2]) });
  if (new RegExp(`^(?:${PAST})$`).test(words)) {
    const last = now !== undefined ? now - 1 : year;
    return make({ kind: 'span', fromYear: last === undefined ? undefined : last - 4, toYear: last }, '过去五年');
  }
  if (new RegExp(`^(?:${COMING})$`).test(words)) {
    const first = now ?? year;
    return make({ kind: 'span', fromYear: first, toYear: first === undefined ? undefined : first + 4 }, '今后五年');
  }
  return undefined;
}

/**
 * Every period written in `text`, left to right. `year` is the year a bare 6月 or 今年 belongs
 * to (the document's year); without it those periods carry no year. `now` is the year the
 * text was written in, which 过去五年 and 今后五年 count from (see span).
 */
export function findPeriods(text: string, year?: number, now?: number): PeriodMention[] {
  const found: PeriodMention[] = [];
  let prevIsYearWord = false;
  for (const m of text.matchAll(PATTERN)) {
    const g = m.groups ?? {};
    const n = (s: string | undefined) => (s === undefined ? undefined : Number(s));
    // The capture groups of each alternative follow its named group in order.
    const parts = m.slice(1).filter((v) => v !== undefined);
    let period: Period | undefined;
    if (g.ySpan || g.plan || g.past || g.coming) period = span(m[0], year, now);
    else if (g.planYear) period = make({ kind: 'year', year: planStart(parts[1]) + (new RegExp(`^(?:${PLAN_LAST})$`).test(parts[2]) ? 4 : 0) });
    else if (g.yRange) period = make({ kind: 'range', year: n(parts[1]), from: n(parts[2]), to: n(parts[3]) });
    else if (g.yHalf) {
      const [from, to] = HALVES[parts[2]];
      period = make({ kind: 'range', year: n(parts[1]), from, to });
    } else if (g.yAsof) {
      const nums = parts.slice(1).filter((v) => /^\d+$/.test(v));
      period = make({ kind: 'asof', year: n(nums[0]), to: n(nums[1]) });
    } else if (g.yUptoDay) period = make({ kind: 'asof', year: n(parts[1]), to: n(parts[2]), day: n(parts[3]) });
    else if (g.yDay) period = make({ kind: 'day', year: n(parts[1]), to: n(parts[2]), day: n(parts[3]) });
    else if (g.yUpto) period = make({ kind: 'asof', year: n(parts[1]), to: n(parts[2]) });
    else if (g.yMonth) period = make({ kind: 'month', year: n(parts[1]), to: n(parts[2]) });
    else if (g.yEnd) {
      const nums = parts.slice(1).filter((v) => /^\d+$/.test(v));
      period = make({ kind: 'asof', year: n(nums[0]), to: 12 });
    } else if (g.end) period = make({ kind: 'asof', year, to: 12 });
    else if (g.ySince) period = make({ kind: 'since', year: n(parts[1]) });
    else if (g.year) period = make({ kind: 'year', year: n(parts[1]) });
    else if (g.range) period = make({ kind: 'range', year, from: n(parts[1]), to: n(parts[2]) });
    else if (g.first) period = make({ kind: 'range', year, from: 1, to: n(parts[1]) });
    else if (g.firstWords) period = make({ kind: 'range', year, from: 1, to: MONTH_WORDS.indexOf(parts[1].replace('两', '二')) + 1 });
    else if (g.asof) {
      const nums = parts.slice(1).filter((v) => /^\d+$/.test(v));
      period = make({ kind: 'asof', year, to: n(nums[0]) });
    } else if (g.upto) period = make({ kind: 'asof', year, to: n(parts[1]) });
    else if (g.uptoDay) period = make({ kind: 'asof', year, to: n(parts[1]), day: n(parts[2]) });
    else if (g.day) period = make({ kind: 'day', year, to: n(parts[1]), day: n(parts[2]) });
    else if (g.half) {
      const [from, to] = HALVES[parts[0]];
      period = make({ kind: 'range', year, from, to });
    } else if (g.month) period = make({ kind: 'month', year, to: n(parts[1]) });
    else if (g.ytd) period = make({ kind: 'since', year });
    // (今年 and 去年 are of the year the text was written, where known: 去年主要目标任务圆满完成 in a
    // report given in 2015 is 2014, whatever year the part it stands in reviews.)
    // (全年, 本年 and 上年 stay the year the part speaks of.)
    else if (g.thisYear) period = make({ kind: 'year', year: m[0] === '今年' ? (now ?? year) : year });
    else if (g.lastYear) {
      const from = m[0] === '上年' ? year : (now ?? year);
      period = make({ kind: 'year', year: from === undefined ? undefined : from - 1 });
    }
    if (!period) continue;
    // 今年1—8月, 去年上半年: the year word says whose months follow it, in one period.
    const prev = found.at(-1);
    const yearWord = prev && prevIsYearWord && prev.index + prev.length === (m.index ?? 0);
    const months = !g.yRange && !g.yHalf && !g.yAsof && !g.yDay && !g.yUptoDay && !g.yUpto && !g.yMonth && !g.yEnd && !g.ySince && !g.year && period.kind !== 'year' && period.kind !== 'span' && period.kind !== 'since';
    if (yearWord && months) {
      found.pop();
      period = make({ ...period, year: prev.period.year });
      found.push({ period, index: prev.index, length: prev.length + m[0].length });
    } else found.push({ period, index: m.index ?? 0, length: m[0].length });
    // (2025年前11个月: a year written out says whose months follow it, as 今年 does.)
    prevIsYearWord = Boolean(g.thisYear || g.lastYear || g.year);
  }
  return found;
}

/** A number that orders periods: later periods sort higher. Ranges end where they end. */
export function periodKey(p: Period): number {
  const month = p.to ?? (p.kind === 'year' ? 12 : 0);
  // At the same end, a month is newer news than the range that ends with it (6月 before 1-6月).
  return (p.year ?? 0) * 10000 + month * 100 + (p.day ?? (p.kind === 'day' ? 0 : p.kind === 'range' ? 31 : 32));
}
