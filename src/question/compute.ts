/**
 * What a small computation (差多少, 高多少, 占…的比重, 完成目标的百分之几) is made of: the figure
 * the reports may state for the whole question (which wins), the figure each side names — a
 * record, or a number the question gives itself — and whether the two can be set against each
 * other (the same kind of unit, compatible periods). src/answer/computation.ts computes and
 * words it.
 */
import type { Indicator, Period } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, type Query } from './query.js';
import { isChange, match, type Matches } from './match.js';
import { findFigure, type FigureFound } from './figure.js';
import { figureBeside, PROGRESS_STATED } from './generic.js';
import { sameThing, taskFigures } from './task-figures.js';
import { fold } from '../text/normalize.js';

/** 亿元 → (元, 1e8): a unit as a base and a factor, so 亿元 and 万元 can be set against each other. */
export function scaleOf(unit: string): { base: string; factor: number } {
  const m = unit.match(/^(万亿|亿|万|千)(.+)$/);
  if (unit === '亿') return { base: '元', factor: 1e8 };
  if (!m) return { base: unit, factor: 1 };
  return { base: m[2], factor: { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 }[m[1] as '万亿' | '亿' | '万' | '千'] };
}

/** One side of a computation: its value and unit, the figure as written, and where it comes from. */
export interface Input {
  value: number;
  unit: string;
  figure: string;
  period?: Period;
  nature: 'actual' | 'target';
  /** The record it is read from; none when the question gives the number itself. */
  record?: Indicator;
  /** The basis of a change read from a level's growth (同比). */
  basis?: string;
}

function fromRecord(ind: Indicator): Input | undefined {
  if (ind.value === null) return undefined;
  return { value: ind.value, unit: ind.unit, figure: ind.figure, period: ind.period, nature: ind.nature, record: ind };
}

/** The figure a side of the computation names: a record, or a number the question gives itself. */
function inputFor(k: Knowledge, q: Query, a?: Input): Input | undefined {
  if (q.task?.number !== undefined) return taskInput(k, q, a);
  if (q.intent === 'growth') return growthFor(k, q);
  const best = match(k, makeQuery({ ...q, intent: 'value' }), ['indicator']).answers[0]?.record as Indicator | undefined;
  if (best) return fromRecord(best);
  const given = q.text.match(/(\d+(?:\.\d+)?)(亿元|万元|元|亿|万|个|家|项|户|人|%|亩|万亩|吨|万吨|公里)/);
  if (!given) return undefined;
  return { value: Number(given[1]), unit: given[2], figure: given[0], nature: q.nature ?? 'actual' };
}

/**
 * A side of one task (完成目标的比例 after 第20项): what its progress says was done, or what it sets
 * out — of the thing done, or the only figure in its unit; two such figures and none the same
 * thing leave it unread, never a guess.
 */
function taskInput(k: Knowledge, q: Query, done?: Input): Input | undefined {
  const figures = taskFigures(k, q).answers.map((c) => c.record as Indicator).filter((x) => x.value !== null && x.nature === q.nature);
  if (!done?.record) return figures[0] && fromRecord(figures[0]);
  const inUnit = figures.filter((x) => scaleOf(x.unit).base === scaleOf(done.unit).base);
  const same = inUnit.filter((x) => sameThing(x.name, done.record!.name));
  const pick = same.length ? same[0] : inUnit.length === 1 ? inUnit[0] : undefined;
  return pick && fromRecord(pick);
}

/** A side asked as a change (进出口总额增速): the change, of the basis asked or the first stated; never the level. */
function growthFor(k: Knowledge, q: Query): Input | undefined {
  const best = match(k, q, ['indicator']).answers[0]?.record as Indicator | undefined;
  if (!best) return undefined;
  if (isChange(best)) return fromRecord(best);
  const g = best.growth.find((x) => !q.basis || x.basis === q.basis);
  if (!g) return undefined;
  return { value: g.value, unit: g.unit, figure: g.text, period: best.period, nature: best.nature, record: best, basis: g.basis };
}

/** Side B names only what differs from A (目标, 2016年, 桐乡): the rest is A's. */
function completeB(a: Query, b: Query, found?: Input): Query {
  const out: Query = makeQuery({ ...b });
  // 嘉善GDP增速比海宁高多少: B names only a place, so A's metric without A's place words.
  const without = (q: Query) => q.places.reduce((m, p) => m.split(p.text).join(' '), q.metric).replace(/\s+/g, ' ').trim();
  if (b.places.length && !without(b)) {
    out.metric = without(a);
    out.qualifiers = a.qualifiers;
  } else if (!b.metric || /^(目标|目标任务|目标投资|年度目标|全年目标)$/.test(b.metric.replace(/\s+/g, ''))) {
    out.metric = a.metric;
    out.qualifiers = a.qualifiers;
    if (/目标/.test(b.text)) out.nature = 'target';
  }
  if (!b.places.length) out.places = a.places;
  if (!b.period && out.nature !== 'target') out.period = found?.period?.kind === 'span' ? undefined : a.period;
  if (!b.period && out.nature === 'target' && found?.period?.year) out.period = { kind: 'year', year: found.period.year, label: `${found.period.year}年` };
  return out;
}

/** Whether A's period lies within B's (6月 within 1-6月, 1-6月 within the year). */
function within(a?: Period, b?: Period): boolean {
  if (!a || !b) return !a && !b;
  if (a.year !== b.year) return false;
  const span = (p: Period): [number, number] | undefined =>
    p.kind === 'year' ? [1, 12] : p.kind === 'range' || p.kind === 'since' ? [p.from ?? 1, p.to ?? 12] : p.kind === 'month' || p.kind === 'asof' ? [p.kind === 'asof' ? 1 : p.to!, p.to!] : undefined;
  const sa = span(a);
  const sb = span(b);
  return Boolean(sa && sb && sa[0] >= sb[0] && sa[1] <= sb[1]);
}

/** Why two figures cannot be computed with: units, periods, natures, a bound, or a part larger than its whole. */
export type Incompatible = 'unit' | 'period' | 'nature' | 'bound' | 'whole';

/** Whether two periods are the same stretch of time (2019年 and 2019年; not 2019年 and 2015年, nor 1-6月 and 6月). */
function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.year === b.year && a.from === b.from && a.to === b.to && a.day === b.day && a.fromYear === b.fromYear && a.toYear === b.toYear;
}

/**
 * Why two inputs cannot be set against each other, if they cannot: their units, their periods, or no actual and target.
 * `dated`: the question names a period of its own on a side (2019年比2015年多多少), so periods may differ as asked.
 */
function incompatible(op: Query['compute'], a: Input, b: Input, dated: boolean): Incompatible | undefined {
  if (scaleOf(a.unit).base !== scaleOf(b.unit).base) return 'unit';
  // (56.1亿元 ÷ 突破1500亿元: a bound is no amount to divide by or subtract.)
  // (A target of 2000亿元以上 is what progress is measured against, a bound by nature.)
  if (BOUND.test(a.figure) || (op !== 'progress' && b.nature !== 'target' && BOUND.test(b.figure))) return 'bound';
  // (A part of no known year is in no year's whole: 嘉善's 1-3月 of 嘉兴's 2021年1-6月; nor, from two reports, of another unknown year.)
  if (op === 'share' && (!within(a.period, b.period) || (a.period?.year === undefined && a.record?.source !== b.record?.source))) return 'period';
  // (A part is no more than its whole: 第三产业 of 第二产业, 重工业 of 轻工业 are siblings, no share of each other.)
  if (op === 'share' && a.value * scaleOf(a.unit).factor > b.value * scaleOf(b.unit).factor) return 'whole';
  if (op === 'progress' && (a.nature !== 'actual' || b.nature !== 'target')) return 'nature';
  if ((op === 'difference' || op === 'shortfall') && a.nature === b.nature && a.period && b.period && a.period.kind !== b.period.kind) return 'period';
  // 嘉兴GDP比温州多多少: two figures of two years, asked of none, are no gap of one time (嘉兴 2019 against 温州 2015).
  // (Nor two of no known year from two reports: 义乌's 一季度 and 嘉善's may be years apart.)
  const unknownYears = a.period?.year === undefined && a.record?.source !== b.record?.source;
  if (op !== 'progress' && op !== 'share' && !dated && a.nature === b.nature && a.period && b.period && (!samePeriod(a.period, b.period) || unknownYears)) return 'period';
  return undefined;
}

// A figure that says only a bound (突破1500亿元, 超过50%, 80余万亩, 500家以上): no amount to compute with.
export const BOUND = /^(?:突破|超过|超|逾|近|不足|不到|首次)|(?:以上|以下|余[万亿]?[\u4e00-\u9fff]{0,3}|多[万亿]?[\u4e00-\u9fff]{0,3})$/;

// A figure named by how it stands against another (高于第二名, 低于全省平均): a gap the report states.
const GAP_STATED = /^(?:高于|低于|快于|慢于|超过|超出|领先|多于|少于)/;

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** What a computation question found, by the answer it gets. */
export type ComputeFound =
  /** The reports state the figure asked (占规上工业比重; the share beside the figure; 比第二名高多少 read as one figure): answered as a figure. */
  | { kind: 'stated'; query: Query; figure: FigureFound }
  /** Not two sides to compute (没有看懂要计算什么), or side A names nothing. */
  | { kind: 'unclear'; why: 'sides' | 'a' }
  /** A side the reports lack: a sentence may still say the gap itself (比第二名高多少), if it names B and holds A. */
  | { kind: 'missing'; missing: string; a?: Input; query: Query; figure: FigureFound }
  | { kind: 'incompatible'; why: Incompatible; a: Input; b: Input }
  | { kind: 'computed'; a: Input; b: Input };

/** A computation's sides and whether they can be set against each other — or the figure the reports state, which wins. */
export function computeFound(k: Knowledge, q: Query, brief: boolean): ComputeFound {
  const stated = (query: Query, found?: Matches): ComputeFound => ({ kind: 'stated', query, figure: findFigure(k, query, brief, found) });
  // A figure the reports state (占规上工业比重, 高于第二名9个百分点) wins over a computed one.
  // (After 比5月多多少 the whole is only the last figure asked: no stated answer of its own.)
  const whole: Query = makeQuery({ ...q, intent: 'value', parts: undefined, compute: undefined });
  const [qa, qb] = q.parts ?? [];
  const found = qa && squeeze(qa.metric) === squeeze(q.metric) ? undefined : match(k, whole, ['indicator']);
  const said = found?.answers[0];
  if (said && said.coverage >= 0.99 && said.nameCoverage >= 0.99) return stated(whole, found);
  // 今年上半年…占规上工业比重: stated of the latest year the reports hold, and said so.
  if (!said && q.relative && found) {
    const latest = findFigure(k, whole, brief);
    if (latest.kind === 'indicator') return { kind: 'stated', query: whole, figure: latest };
  }
  if (!qa || !qb) return { kind: 'unclear', why: 'sides' };
  if (!qa.metric) return { kind: 'unclear', why: 'a' };
  const a = inputFor(k, makeQuery({ ...qa, nature: qa.nature ?? (q.compute === 'progress' || q.compute === 'shortfall' ? 'actual' : undefined) }));
  // 完成年度目标多少 after 新增各项贷款1514.25亿元: the share the sentence states beside it wins.
  // (占总投资多少 after 累计完成投资1304.3亿元: 完成总投资的55.5% beside it is that share, stated.)
  const ofB = squeeze(qb?.metric ?? '');
  // (By any name of B: 占GDP的4.0% for 占地区生产总值比重; names are folded as the question is.)
  const namesOfB = [ofB, ...k.lex.aliasGroups.filter((g) => g.includes(ofB)).flat()];
  const shareSaid = (x: Indicator) => x.unit === '%' && /^(?:占|完成)/.test(x.name) && ofB.length >= 2 && namesOfB.some((n) => fold(x.name).includes(n));
  const besideA = a?.record && q.compute === 'progress' ? figureBeside(k, a.record.id, (x) => x.unit === '%' && PROGRESS_STATED.test(x.name)) : a?.record && q.compute === 'share' ? figureBeside(k, a.record.id, shareSaid) : undefined;
  if (besideA) return stated(whole, { answers: [{ record: besideA, score: 1, coverage: 1, nameCoverage: 1 }], nearby: [] });
  const b = a ? (qb.task?.number !== undefined ? inputFor(k, qb, a) : inputFor(k, makeQuery({ ...completeB(qa, qb, a), comparedWith: true }))) : undefined;
  // 比第二名高多少, 比全省平均高多少: what A is compared with is no figure the reports state
  // apart, but the sentence may say the gap itself.
  const fact: Query = makeQuery({ ...whole, intent: 'fact', parts: q.parts });
  if (!a || !b) return { kind: 'missing', missing: !a ? qa.text : qb.text, a, query: fact, figure: findFigure(k, fact, brief) };
  // 比第二名高多少 after 完成率83.5%: 高于第二名9个百分点 in the same sentence is the gap itself, stated.
  if (q.compute === 'difference' && a?.record && b?.record && b.record !== a.record && b.record.sentence === a.record.sentence && GAP_STATED.test(b.record.name)) {
    return stated(whole, { answers: [{ record: b.record, score: 1, coverage: 1, nameCoverage: 1 }], nearby: [] });
  }
  // Both sides read as the same figure (比第二名高多少: 第二名 names no figure): nothing to compute.
  if (a.record && a.record === b.record) return stated(fact);
  const why = incompatible(q.compute, a, b, Boolean(qa.period || qb.period));
  return why ? { kind: 'incompatible', why, a, b } : { kind: 'computed', a, b };
}
