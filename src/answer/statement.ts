/**
 * A statement: the clause that says what was asked first (in bold), then the sentence, with
 * its place and period — or the sentence with those around it — and up to two other sentences
 * that say the same words.
 */
import type { Answer, KnowledgeRecord, Line, Passage } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import type { FigureFound } from '../question/figure.js';
import { clip, makeAnswer, quoteLine, span } from './compose.js';
import { chineseNumber } from '../question/parse.js';

/** Each document's passages that open a line, in line order: made once per knowledge. */
const opening = new WeakMap<Knowledge, Map<string, Passage[]>>();
function openingPassages(k: Knowledge): Map<string, Passage[]> {
  let map = opening.get(k);
  if (!map) {
    map = new Map();
    for (const p of k.passages) {
      if ((p.at ?? 0) !== 0) continue;
      const list = map.get(p.source);
      if (list) list.push(p);
      else map.set(p.source, [p]);
    }
    for (const list of map.values()) list.sort((a, b) => a.line - b.line);
    opening.set(k, map);
  }
  return map;
}

const AIM_WORDS = /目标|力争|确保|争取|计划|预期|预计|要求|将/;

const ORDINAL = /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．])/;

/**
 * The items a sentence ending in a colon introduces: the first sentence of each paragraph right
 * after it that opens with an ordinal (一是…, （一）…, 1.…), in order, ten at most.
 */
function listedAfter(k: Knowledge, source: string, line: number, section: string): string[] {
  const after = (openingPassages(k).get(source) ?? []).filter((p) => p.line > line);
  const items: string[] = [];
  for (const p of after) {
    if (!ORDINAL.test(p.text)) break;
    items.push(p.text.split(/[。；;]/)[0]);
    if (items.length >= 10) break;
  }
  if (items.length) return items;
  // (…以下九个方面重点工作： — or the headings of the parts after it, （一）着力打牢经济增长“基本盘”…)
  for (const p of after) {
    const heading = p.section.startsWith(`${section} › `) ? p.section.slice(section.length + 3).split(' › ')[0] : '';
    if (!ORDINAL.test(heading)) break;
    if (items.at(-1) !== heading) items.push(heading);
    if (items.length >= 10) break;
  }
  return items;
}

/** 第五个, 第3项: the place in a list a question asks for. */
function placeAsked(text: string): number | undefined {
  const m = text.match(/第([一二三四五六七八九十]{1,3}|\d{1,2})(?:个|项|条|方面|点)/);
  return m ? (/\d/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1])) : undefined;
}

/** A statement from what src/question/figure.ts found; its `fallback` goes before the first line (报告中最新为…：). */
export function answerStatement(k: Knowledge, q: Query, found: Extract<FigureFound, { kind: 'statement' }>): Answer {
  const { best, rest, fallback: lead, text, clause, around } = found;
  const where = best.type === 'task' ? best.section : [best.region, best.period.label, best.nature === 'target' ? '目标' : ''].filter(Boolean).join(' · ');
  // A target's words read as a fact on their own (规上工业增加值增长8%。): the first line says it is one.
  const said = clause ?? text;
  const aim = best.type !== 'task' && best.nature === 'target' && !AIM_WORDS.test(said) ? [span('目标：')] : [];
  const lines: Line[] = clause
    ? [[...(lead ? [span(lead)] : []), ...aim, span(`${clause}。`, true)], [span(where)], quoteLine(text, clause)]
    : [[...(lead ? [span(lead)] : []), ...aim, span(/[:：]$/.test(text.trim()) ? text.trim() : `${text}。`)], ...around.map((t) => [span(`${t}。`)]), [span(where)]];
  // (要切实做到“三个把握”： — the members the paragraphs after it open with, 一是把握战略指向…)
  const listed = /[:：]$/.test(text.trim()) && best.type !== 'task' ? listedAfter(k, best.source, best.line, best.type === 'passage' ? best.section : '') : [];
  if (listed.length) lines.splice(1, 0, ...listed.map((t) => [span(`· ${t}`)]));
  // (…第五个是啥: that item first, the list after it.)
  const at = listed.length ? placeAsked(q.text) : undefined;
  if (at !== undefined && at >= 1 && at <= listed.length) lines.unshift([span(`第${at}项：`), span(listed[at - 1], true)]);
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
