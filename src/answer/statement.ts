/**
 * A statement: the clause that says what was asked first (in bold), then the sentence, with
 * its place and period — or the sentence with those around it — and up to two other sentences
 * that say the same words.
 */
import type { Answer, KnowledgeRecord, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import type { FigureFound } from '../question/figure.js';
import { clip, makeAnswer, quoteLine, span } from './compose.js';

/** A statement from what src/question/figure.ts found; its `fallback` goes before the first line (报告中最新为…：). */
export function answerStatement(k: Knowledge, q: Query, found: Extract<FigureFound, { kind: 'statement' }>): Answer {
  const { best, rest, fallback: lead, text, clause, around } = found;
  const where = best.type === 'task' ? best.section : [best.region, best.period.label, best.nature === 'target' ? '目标' : ''].filter(Boolean).join(' · ');
  const lines: Line[] = clause
    ? [[...(lead ? [span(lead)] : []), span(`${clause}。`, true)], [span(where)], quoteLine(text, clause)]
    : [[...(lead ? [span(lead)] : []), span(`${text}。`)], ...around.map((t) => [span(`${t}。`)]), [span(where)]];
  const seen = new Set([text]);
  const also: KnowledgeRecord[] = [];
  for (const c of rest) {
    const t = c.record.type === 'indicator' ? c.record.sentence : (c.record as { text: string }).text;
    if (c.record.type === 'task' || c.coverage < 0.99 || seen.has(t)) continue;
    seen.add(t);
    also.push(c.record);
    if (also.length >= 2) break;
  }
  if (also.length) {
    lines.push([span('相关：')]);
    for (const r of also) lines.push([span(`· ${clip(r.type === 'indicator' ? r.sentence : (r as { text: string }).text, 100)}`)]);
  }
  return makeAnswer(k, q.text, 'passage', lines, [best, ...also], { quote: text, query: q });
}
