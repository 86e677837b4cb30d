/**
 * Small computations, when asked (差多少, 高多少, 占…的比重, 完成目标的百分之几): from two
 * figures the reports state, of the same kind of unit and compatible periods, marked as
 * computed with both inputs, their periods and sources. A figure the reports state itself
 * always wins; inputs that cannot be set against each other give "none", naming what there is.
 */
import type { Answer, AskOptions, Indicator, Line, Period } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from './query.js';
import { isChange, match, type Matches } from './match.js';
import { indicatorLabel, makeAnswer, span } from '../answer/compose.js';
import { noAnswer } from '../answer/none.js';
import { escapeRegExp } from '../text/normalize.js';
import { figureBeside, PROGRESS_STATED } from './generic.js';

/** 亿元 → (元, 1e8): a unit as a base and a factor, so 亿元 and 万元 can be set against each other. */
function scaleOf(unit: string): { base: string; factor: number } {
  const m = unit.match(/^(万亿|亿|万|千)(.+)$/);
  if (unit === '亿') return { base: '元', factor: 1e8 };
  if (!m) return { base: unit, factor: 1 };
  return { base: m[2], factor: { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 }[m[1] as '万亿' | '亿' | '万' | '千'] };
}

/** A number as a reader wants it: at most two decimals, no trailing zeros. */
function shown(n: number): string {
  return String(Number(n.toFixed(2)));
}

interface Input {
  value: number;
  unit: string;
  label: string;
  figure: string;
  period?: Period;
  nature: 'actual' | 'target';
  record?: Indicator;
}

function fromRecord(ind: Indicator): Input | undefined {
  if (ind.value === null) return undefined;
  return { value: ind.value, unit: ind.unit, label: indicatorLabel(ind), figure: ind.figure, period: ind.period, nature: ind.nature, record: ind };
}

/** The figure a side of the computation names: a record, or a number the question gives itself. */
function inputFor(k: Knowledge, q: Query): Input | undefined {
  if (q.intent === 'growth') return growthFor(k, q);
  const best = match(k, { ...q, intent: 'value' }, ['indicator']).answers[0]?.record as Indicator | undefined;
  if (best) return fromRecord(best);
  const given = q.text.match(/(\d+(?:\.\d+)?)(亿元|万元|元|亿|万|个|家|项|户|人|%|亩|万亩|吨|万吨|公里)/);
  if (!given) return undefined;
  return { value: Number(given[1]), unit: given[2], label: '问题中给出', figure: given[0], nature: q.nature ?? 'actual' };
}

/** A side asked as a change (进出口总额增速): the change, of the basis asked or the first stated; never the level. */
function growthFor(k: Knowledge, q: Query): Input | undefined {
  const best = match(k, q, ['indicator']).answers[0]?.record as Indicator | undefined;
  if (!best) return undefined;
  if (isChange(best)) return fromRecord(best);
  const g = best.growth.find((x) => !q.basis || x.basis === q.basis);
  if (!g) return undefined;
  return { value: g.value, unit: g.unit, label: `${indicatorLabel(best)}（${g.basis}）`, figure: g.text, period: best.period, nature: best.nature, record: best };
}

/** Side B names only what differs from A (目标, 2016年, 桐乡): the rest is A's. */
function completeB(a: Query, b: Query, found?: Input): Query {
  const out: Query = { ...b };
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
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return false;
  const span = (p: Period): [number, number] | undefined =>
    p.kind === 'year' ? [1, 12] : p.kind === 'range' || p.kind === 'since' ? [p.from ?? 1, p.to ?? 12] : p.kind === 'month' || p.kind === 'asof' ? [p.kind === 'asof' ? 1 : p.to!, p.to!] : undefined;
  const sa = span(a);
  const sb = span(b);
  return Boolean(sa && sb && sa[0] >= sb[0] && sa[1] <= sb[1]);
}

/** Why two inputs cannot be set against each other, if they cannot. */
function incompatible(op: Query['compute'], a: Input, b: Input): string | undefined {
  const ua = scaleOf(a.unit);
  const ub = scaleOf(b.unit);
  if (ua.base !== ub.base) return `单位不同（${a.unit}、${b.unit}）`;
  if (op === 'share' && !within(a.period, b.period)) return `时期不相容（${a.period?.label ?? '未注明'}、${b.period?.label ?? '未注明'}）`;
  if (op === 'progress' && (a.nature !== 'actual' || b.nature !== 'target')) return '缺少实际数或目标';
  if ((op === 'difference' || op === 'shortfall') && a.nature === b.nature && a.period && b.period && a.period.kind !== b.period.kind) {
    return `时期不相容（${a.period.label}、${b.period.label}）`;
  }
  return undefined;
}

function result(op: Query['compute'], a: Input, b: Input): { text: string; formula: string } {
  const fa = scaleOf(a.unit).factor;
  const fb = scaleOf(b.unit).factor;
  const va = a.value * fa;
  const vb = b.value * fb;
  if (op === 'share' || op === 'progress') {
    const pct = (100 * va) / vb;
    const text = `${shown(pct)}%`;
    return { text: op === 'progress' ? `完成目标的${text}` : `占${text}（约${Number((pct / 10).toFixed(1))}成）`, formula: `${a.figure} ÷ ${b.figure} = ${text}` };
  }
  const diff = op === 'shortfall' ? vb - va : va - vb;
  const unit = a.unit === '%' ? '个百分点' : a.unit;
  const value = `${shown(Math.abs(diff) / fa)}${unit}`;
  const sign = op === 'shortfall' ? (diff > 0 ? '还差' : '已超出') : diff >= 0 ? '高（多）' : '低（少）';
  const formula = op === 'shortfall' ? `${b.figure} − ${a.figure}` : `${a.figure} − ${b.figure}`;
  return { text: `${sign}${value}`, formula: `${formula} = ${diff < 0 && op !== 'shortfall' ? '-' : ''}${value}` };
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');


export function answerCompute(k: Knowledge, q: Query, options: AskOptions, stated: (q: Query, found?: Matches) => Answer): Answer {
  // A figure the reports state (占规上工业比重, 高于第二名9个百分点) wins over a computed one.
  const whole: Query = { ...q, intent: 'value', parts: undefined, compute: undefined };
  const [qa, qb] = q.parts ?? [];
  // (After 比5月多多少 the whole is only the last figure asked: no stated answer of its own.)
  const found = qa && squeeze(qa.metric) === squeeze(q.metric) ? undefined : match(k, whole, ['indicator']);
  const said = found?.answers[0];
  if (said && said.coverage >= 0.99 && said.nameCoverage >= 0.99) return stated(whole, found);
  // 今年上半年…占规上工业比重: stated of the latest year the reports hold, and said so.
  if (!said && q.relative && found) {
    const latest = stated(whole);
    if (latest.kind === 'indicator') return latest;
  }
  void options;
  if (!qa || !qb) return noAnswer(k, q, '没有看懂要计算什么。');
  if (!qa.metric) return noAnswer(k, q, `没有看懂要拿什么和“${qb.text}”比较：请把指标说全，例如“6月用电量比5月多多少”。`);
  const a = inputFor(k, { ...qa, nature: qa.nature ?? (q.compute === 'progress' || q.compute === 'shortfall' ? 'actual' : undefined) });
  // 完成年度目标多少 after 新增各项贷款1514.25亿元: the share the sentence states beside it wins.
  const besideA = a?.record && q.compute === 'progress' ? figureBeside(k, a.record.id, (x) => x.unit === '%' && PROGRESS_STATED.test(x.name)) : undefined;
  if (besideA) return stated(whole, { answers: [{ record: besideA, score: 1, coverage: 1, nameCoverage: 1 }], nearby: [] });
  const b = a ? inputFor(k, completeB(qa, qb, a)) : undefined;
  if (!a || !b) {
    // 比第二名高多少, 比全省平均高多少: what A is compared with is no figure the reports state
    // apart, but the sentence may say the gap itself.
    const said = stated({ ...whole, intent: 'fact', parts: q.parts });
    // (Only a sentence that names what A is compared with says that gap.)
    const gapSaid = said.kind !== 'none' && new RegExp(`(?:比|较|高于|低于|超过|超出|落后于?|领先于?)${escapeRegExp(squeeze(qb.text))}`).test(said.quote ?? '');
    if (a && gapSaid && said.records.some((r) => r.id === a.record?.id)) return said;
    const missing = !a ? qa.text : qb.text;
    return noAnswer(k, q, `无法计算：报告中没有找到“${missing}”的数据。`, a ? [a.label] : []);
  }
  // Both sides read as the same figure (比第二名高多少: 第二名 names no figure): nothing to compute.
  if (a.record && a.record === b.record) return stated({ ...whole, intent: 'fact', parts: q.parts });
  const why = incompatible(q.compute, a, b);
  if (why) return noAnswer(k, q, `无法计算：两个数据${why}，不能直接相减或相除。`, [a.label, b.label]);
  const { text, formula } = result(q.compute, a, b);
  const lines: Line[] = [
    [span('计算：'), span(text, true)],
    [span(`算法：${formula}`)],
    [span(`· ${a.label}：`), span(a.figure, true)],
    [span(`· ${b.label}：`), span(b.figure, true)],
  ];
  const records = [a.record, b.record].filter((r): r is Indicator => Boolean(r));
  return makeAnswer(k, q.text, 'indicator', lines, records, { query: q, ...(records[0] ? { quote: records[0].sentence } : {}) });
}
