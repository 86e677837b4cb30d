/**
 * Small computations, when asked (差多少, 高多少, 占…的比重, 完成目标的百分之几): from two
 * figures the reports state, of the same kind of unit and compatible periods, marked as
 * computed with both inputs, their periods and sources. A figure the reports state itself
 * always wins; inputs that cannot be set against each other give "none", naming what there is.
 */
import type { Answer, AskOptions, Indicator, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import type { Matches } from '../question/match.js';
import { completeB, incompatible, inputFor, scaleOf, wholeAsked, type Input } from '../question/compute.js';
import { figureBeside, PROGRESS_STATED } from '../question/generic.js';
import { escapeRegExp } from '../text/normalize.js';
import { indicatorLabel, makeAnswer, span } from './compose.js';
import { noAnswer } from './none.js';

/** A number as a reader wants it: at most two decimals, no trailing zeros. */
function shown(n: number): string {
  return String(Number(n.toFixed(2)));
}

/** What a side is: its record's label (with the basis of its change), or the question's own number. */
function labelOf(x: Input): string {
  if (!x.record) return '问题中给出';
  return x.basis !== undefined ? `${indicatorLabel(x.record)}（${x.basis}）` : indicatorLabel(x.record);
}

/** Why two inputs cannot be set against each other, in words. */
function whyNot(why: 'unit' | 'period' | 'nature', a: Input, b: Input): string {
  if (why === 'unit') return `单位不同（${a.unit}、${b.unit}）`;
  if (why === 'nature') return '缺少实际数或目标';
  return `时期不相容（${a.period?.label ?? '未注明'}、${b.period?.label ?? '未注明'}）`;
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

/** A computation's answer; `stated` words a figure or statement the reports state (the figure composer). */
export function answerCompute(k: Knowledge, q: Query, options: AskOptions, stated: (q: Query, found?: Matches) => Answer): Answer {
  // A figure the reports state (占规上工业比重, 高于第二名9个百分点) wins over a computed one.
  const { whole, found } = wholeAsked(k, q);
  const [qa, qb] = q.parts ?? [];
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
    return noAnswer(k, q, `无法计算：报告中没有找到“${missing}”的数据。`, a ? [labelOf(a)] : []);
  }
  // Both sides read as the same figure (比第二名高多少: 第二名 names no figure): nothing to compute.
  if (a.record && a.record === b.record) return stated({ ...whole, intent: 'fact', parts: q.parts });
  const why = incompatible(q.compute, a, b);
  if (why) return noAnswer(k, q, `无法计算：两个数据${whyNot(why, a, b)}，不能直接相减或相除。`, [labelOf(a), labelOf(b)]);
  const { text, formula } = result(q.compute, a, b);
  const lines: Line[] = [
    [span('计算：'), span(text, true)],
    [span(`算法：${formula}`)],
    [span(`· ${labelOf(a)}：`), span(a.figure, true)],
    [span(`· ${labelOf(b)}：`), span(b.figure, true)],
  ];
  const records = [a.record, b.record].filter((r): r is Indicator => Boolean(r));
  return makeAnswer(k, q.text, 'indicator', lines, records, { query: q, ...(records[0] ? { quote: records[0].sentence } : {}) });
}
