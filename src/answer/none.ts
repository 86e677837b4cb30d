/**
 * The honest "none": which part of the question the reports lack (the period, the basis, the
 * target, the place, the metric itself), and what they hold nearby — named with its place and
 * period, never with a figure, so nothing can be mistaken for the answer.
 */
import type { Answer, Indicator, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import type { Candidate, Misfit } from '../question/match.js';
import { clip, makeAnswer, span } from './compose.js';
import { fold } from '../text/normalize.js';

export const EXAMPLES = ['6月全市用电量是多少？', '哪些任务滞后？', '市科技局牵头的任务进展如何？', '2020年GDP目标是多少？'];

export function noAnswer(k: Knowledge, q: Query, why: string, nearby: string[] = []): Answer {
  const lines: Line[] = [[span(why)]];
  if (nearby.length) lines.push([span(`报告中有：${nearby.join('；')}。可以按这些再问。`)]);
  // Nothing of it in the reports (今天天气): what the bot does answer, then how to ask.
  else lines.push([span(`我能回答的是收录的${k.sources.length}份嘉兴市及所辖县（市、区）的报告和文件中的指标数值、重点任务进展和文件信息。可以这样问：${EXAMPLES.join(' / ')}（发送“有哪些报告”查看收录的文件）`)]);
  return makeAnswer(k, q.text, 'none', lines, [], { query: q });
}

function nearbyName(r: Indicator): string {
  const name = r.subject && !r.name.includes(r.subject) ? `${r.subject}${r.name}` : r.name;
  const basis = r.growth.length ? `，${[...new Set(r.growth.map((g) => g.basis))].join('、')}` : '';
  return `${name}（${[r.placeless ? '' : r.region, r.period.label, r.nature === 'target' ? '目标' : ''].filter(Boolean).join('，')}${basis}）`;
}

/** What the reports hold of the question's topic, by the part that did not fit. */
function heldInstead(nearby: Candidate[]): { misfit?: Misfit; names: string[]; records: Indicator[] } {
  const close = nearby.filter((c) => c.record.type === 'indicator' && c.coverage >= 0.99);
  // The part that failed for records of the metric asked says what the reports lack.
  const same = close.filter((c) => c.sameMetric);
  const pick = same.length ? same : close.filter((c) => c.nameCoverage >= 0.6);
  const names: string[] = [];
  const records: Indicator[] = [];
  for (const c of pick) {
    const r = c.record as Indicator;
    const name = nearbyName(r);
    if (names.includes(name)) continue;
    names.push(name);
    records.push(r);
    if (names.length >= 3) break;
  }
  return { misfit: pick[0]?.misfit, names, records };
}

/** The question as the reader wrote it, shortened for a sentence about it. */
export function asked(q: Query): string {
  return clip(q.text.trim().replace(/[？?！!。.\s]+$/u, ''), 30);
}

/** Why nothing answered, in the reader's terms, with what the reports hold instead. */
export function noneFor(k: Knowledge, q: Query, nearby: Candidate[]): Answer {
  const outside = q.places.find((p) => p.region === null);
  // (全市 where the conversation's place has no city, 全区 of the home city: which place is meant is not said.)
  if (outside?.relative) return noAnswer(k, q, `“${outside.text}”指哪里，这里看不出来：请带上地名再问。`);
  if (outside) return noAnswer(k, q, `报告中没有${outside.text}的数据：收录的报告不涉及这个地方。`);
  if (!q.metric) return noAnswer(k, q, '没有看懂这个问题。');
  // 龙湾 alone: a place asked of nothing — what the reports hold of it, to ask by.
  const place = q.places.length === 1 ? q.places[0].region : null;
  if (place && !q.places.reduce((m, p) => m.split(p.text).join(''), q.metric).trim()) {
    // (The metrics people ask by name first, 地区生产总值 and 一般公共预算收入 (aliases.json), then its own reports' figures.)
    const of = k.indicators.filter((r) => r.region === place && !r.owner && !r.isChange);
    const known = k.lex.aliasGroups.flat().map(fold);
    // (Ranked once each, not per comparison: a place's records are many at a real corpus.)
    const rank = new Map(of.map((r) => [r, (known.some((w) => fold(r.name).includes(w)) ? 0 : 2) + Number(k.sourceById.get(r.source)?.region !== place)]));
    const held = [...new Set(of.sort((a, b) => rank.get(a)! - rank.get(b)!).map((r) => `${r.name}（${r.period.label}）`))].slice(0, 5);
    if (held.length) return noAnswer(k, q, `请问要${place}的哪项数据？`, held);
  }
  const held = heldInstead(nearby);
  const what = `“${asked(q)}”`;
  let why = `报告中没有找到${what}的数据。`;
  switch (held.misfit) {
    case 'period':
      why = `报告中没有${q.period?.label ?? '这个时期'}的这项数据（${what}）。`;
      break;
    case 'basis': {
      const bases = [...new Set(held.records.flatMap((r) => r.growth.map((g) => g.basis)))];
      // (增长多少 of a year where only 年均 is written: no basis was asked, the period's own growth was.)
      why = `报告中只有${bases.join('、') || '其他口径的'}数据，没有${q.basis ? `${q.basis}数据` : `${q.period?.label ?? '当期'}的增长数据`}（${what}）。`;
      break;
    }
    case 'growth':
      why = `报告中没有这项指标的增长率（${what}）。`;
      break;
    case 'level': {
      // (The change itself, as what the reports hold: 增长8.1%.)
      const grew = held.records.find((r) => r.isChange)?.growth[0]?.text.replace(/^[，,、]/, '');
      why = `报告中只有这项指标的增长率${grew ? `（${grew}）` : ''}，没有总量（${what}）。`;
      break;
    }
    case 'nature':
      if (q.nature === 'target') why = `报告中没有这项指标的目标，只有实际数（${what}）。`;
      else {
        // (The target itself, as what the reports hold: 目标：增长7%左右.)
        const aim = held.records.find((r) => r.nature === 'target');
        const said = aim && (aim.isChange && aim.growth[0] ? aim.growth[0].text.replace(/^[，,、]/, '') : aim.figure);
        why = `报告中只有这项指标的目标${aim ? `（${aim.period.label}${aim.name}：${said}）` : ''}，没有实际完成数（${what}）。`;
      }
      break;
    case 'place':
      why = `报告中没有${q.places.map((p) => p.text).join('、') || '该地区'}的这项数据（${what}）。`;
      break;
    case 'unit':
      // (A unit the question's measure implies, 收入 of money, is no unit it wrote: as another metric.)
      why = !q.unit
        ? `报告中没有${what}这一指标，只有相近的指标。`
        : q.intent === 'growth'
          ? `报告中没有以${q.unit}计的增加额，只有增长率（${what}）。`
          : `报告中没有以${q.unit}计的这项数据（${what}）。`;
      break;
    case 'metric':
    case 'figure':
      why = `报告中没有${what}这一指标，只有相近的指标。`;
      break;
  }
  return noAnswer(k, q, why, held.names);
}
