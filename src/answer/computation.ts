/**
 * Small computations, when asked (差多少, 高多少, 占…的比重, 完成目标的百分之几): from two
 * figures the reports state, of the same kind of unit and compatible periods, marked as
 * computed with both inputs, their periods and sources. A figure the reports state itself
 * always wins; inputs that cannot be set against each other give "none", naming what there is.
 */
import type { Answer, Indicator, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import { BOUND, scaleOf, type ComputeFound, type Incompatible, type Input } from '../question/compute.js';
import { escapeRegExp } from '../text/normalize.js';
import { indicatorLabel, makeAnswer, span } from './compose.js';
import { noAnswer } from './none.js';
import { answerFigure } from './figure.js';

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
function whyNot(why: Incompatible, a: Input, b: Input): string {
  if (why === 'unit') return `单位不同（${a.unit}、${b.unit}）`;
  if (why === 'bound') return `中有只说界限的（${[a, b].filter((x) => BOUND.test(x.figure)).map((x) => x.figure).join('、')}），不是确数`;
  if (why === 'nature') return '缺少实际数或目标';
  if (why === 'whole') return `中前者（${a.figure}）大于后者（${b.figure}），不是后者的一部分`;
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

/** A computation's answer, from what src/question/compute.ts found; `brief`: a stated figure alone. */
export function answerCompute(k: Knowledge, q: Query, found: ComputeFound, brief: boolean): Answer {
  const [, qb] = q.parts ?? [];
  switch (found.kind) {
    case 'stated':
      return answerFigure(k, found.query, found.figure, brief);
    case 'unclear':
      if (found.why === 'sides') return noAnswer(k, q, '没有看懂要计算什么。');
      return noAnswer(k, q, `没有看懂要拿什么和“${qb.text}”比较：请把指标说全，例如“6月用电量比5月多多少”。`);
    case 'missing': {
      const { a } = found;
      const said = answerFigure(k, found.query, found.figure, brief);
      // (Only a sentence that names what A is compared with says that gap — not of another measure, 增幅比全国平均低0.5个百分点,
      // where a level is asked.)
      const rate = /增幅|增速|涨幅|降幅|增长|快|慢/.test(q.text);
      const gapSaid = said.kind !== 'none' && [...(said.quote ?? '').matchAll(new RegExp(`(?:比|较|高于|低于|超过|超出|落后于?|领先于?)${escapeRegExp(squeeze(qb.text))}`, 'g'))].some((m) => rate || !/(?:增幅|增速|涨幅|降幅)$/.test((said.quote ?? '').slice(Math.max(0, m.index! - 4), m.index)));
      if (a && gapSaid && said.records.some((r) => r.id === a.record?.id)) return said;
      return noAnswer(k, q, `无法计算：报告中没有找到“${found.missing}”的数据。`, a ? [labelOf(a)] : []);
    }
    case 'incompatible':
      return noAnswer(k, q, `无法计算：两个数据${whyNot(found.why, found.a, found.b)}，不能直接相减或相除。`, [labelOf(found.a), labelOf(found.b)]);
    case 'computed': {
      const { a, b } = found;
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
  }
}
