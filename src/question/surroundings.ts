/**
 * Where a figure stands in its sentence. A sentence often holds several figures (“无废城市”55项
 * 建设指标中已完成45项; 援疆上，今年安排资金1.5亿元…；援青上，今年安排资金2079万元): the words
 * of a figure are those from the figure before it (or the start of its clause) up to it, and
 * those after it up to the next figure or clause end. Other figures' names, clauses that hold
 * another figure, and other parts of the sentence (up to ；) that hold figures are foreign: a
 * question word found only there is about another figure.
 */
import type { Indicator } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { fold } from '../text/normalize.js';

export interface Surroundings {
  /** The figure's own words. */
  own: string;
  /**
   * What the figure's words are about without saying it again: the sentence's opening (up to
   * its first colon, or the clauses before its first figure: 海上丝路贸易指数（STI）显示：), and
   * the opening of the figure's own part (援疆上，…).
   */
  context: string;
  /** Stretches of the sentence that belong to other figures. */
  foreign: string[];
  /** The whole a part is of (户籍总人口255.94万人, before 其中男性人口130.33万人), or ''. */
  whole?: string;
  /**
   * The figure's clause: a qualifier stated once for figures listed with 、 holds for all of them
   * (新增高新技术企业450家、科技型中小企业1000家); with the sentence's opening and its part's
   * topic, which qualify every figure after them (建筑业持续健康发展,实现产值272亿元).
   */
  clause: string;
  /** The whole sentence, folded. */
  sentence: string;
}

const CLAUSE_END = /[，,；;。：:]/;
// Where the words of a figure that follows begin: its verb (已整改完成27项, 完成投资4.51亿元).
const NEXT_VERB = /已|完成|实现|达到|开工|竣工|建成|新增|累计/;
const PART_END = /[；;。]/;
// A topic that opens a sentence of its own (节水型企业方面已推动…), not how a figure was spent (用于教育方面).
const TOPIC_AFTER = /^(?!用于|在|从|于|对|等)[\u4e00-\u9fff“”]{2,12}?方面/;
// A number that is a figure, not a date or a list number.
const FIGURE = /\d+(?:\.\d+)?(?![\d.]*\s*(?:年|月|日|号|季度|\)|）|、))/;

const bySentence = new WeakMap<Knowledge, Map<string, Indicator[]>>();
const cache = new WeakMap<Indicator, Surroundings>();

function siblings(k: Knowledge, ind: Indicator): Indicator[] {
  let map = bySentence.get(k);
  if (!map) {
    map = new Map();
    for (const x of k.indicators) {
      const key = `${x.source}|${x.line}|${x.sentence}`;
      const list = map.get(key);
      if (list) list.push(x);
      else map.set(key, [x]);
    }
    bySentence.set(k, map);
  }
  return map.get(`${ind.source}|${ind.line}|${ind.sentence}`) ?? [ind];
}

/** Where each figure of the sentence starts and ends, in order (a figure written twice: each time). */
function positions(text: string, figures: Indicator[]): { ind: Indicator; at: number; end: number }[] {
  const out: { ind: Indicator; at: number; end: number }[] = [];
  const taken = new Set<number>();
  for (const ind of figures) {
    const f = fold(ind.figure);
    let at = text.indexOf(f);
    while (at >= 0 && taken.has(at)) at = text.indexOf(f, at + 1);
    if (at < 0) continue;
    taken.add(at);
    out.push({ ind, at, end: at + f.length });
  }
  return out.sort((a, b) => a.at - b.at);
}

function bounds(text: string, at: number, end: number, stop: RegExp): [number, number] {
  let start = at;
  while (start > 0 && !stop.test(text[start - 1])) start--;
  let last = end;
  while (last < text.length && !stop.test(text[last])) last++;
  return [start, last];
}

/**
 * The clause of a figure, widened back over a list of short "name + figure" clauses to the
 * one that opens it with a distributive qualifier (新增亿元企业2家,规上企业30家: both 新增).
 */
function listClause(k: Knowledge, text: string, clauseStart: number, clauseEnd: number): string {
  const opens = k.lex.metrics.distributive;
  let start = clauseStart;
  for (let i = 0; i < 6 && start > 0; i++) {
    const clause = text.slice(start, clauseEnd);
    if (opens.some((o) => clause.startsWith(o))) return text.slice(start, clauseEnd);
    const [prevStart] = bounds(text, start - 1, start - 1, CLAUSE_END);
    const prev = text.slice(prevStart, start - 1);
    if (prev.length > 20 || !/\d[^\d，,；;。]{0,3}$/.test(prev) || /[；;。]/.test(text[start - 1])) break;
    start = prevStart;
  }
  return text.slice(clauseStart, clauseEnd);
}

export function surroundings(k: Knowledge, ind: Indicator): Surroundings {
  let s = cache.get(ind);
  if (s) return s;
  // Folded, as questions are: a traditional sentence (據最終核實) is read as simplified.
  const text = fold(ind.sentence);
  const figures = positions(text, siblings(k, ind));
  const me = figures.findIndex((f) => f.ind === ind);
  if (me < 0) {
    s = { own: text, context: '', foreign: [], clause: text, sentence: text };
  } else {
    const { at, end } = figures[me];
    // The sentence opens up to its first figure, read or not (微嘉园实名用户达到210万: a number
    // without a unit that no record holds is still another figure's).
    const bare = text.search(FIGURE);
    const first = Math.min(figures[0].at, bare >= 0 ? bare : Infinity);
    const colon = text.search(/[：:]/);
    const opening = colon >= 0 && colon < first ? colon + 1 : bounds(text, first, first, CLAUSE_END)[0];
    const [clauseStart, clauseEnd] = bounds(text, at, end, CLAUSE_END);
    let [partStart, partEnd] = bounds(text, at, end, PART_END);
    partStart = Math.max(partStart, opening);
    const prev = figures[me - 1];
    const next = figures[me + 1];
    const ownStart = prev && prev.end > clauseStart ? prev.end : clauseStart;
    // A figure's words end at the next figure, at an enumeration comma after it (…专家120名、
    // 总量突破500名: 总量 is the next figure's), or where the next figure's verb begins
    // (30项具体问题已整改完成27项: 已整改完成 counts the 27).
    const comma = text.indexOf('、', end);
    const verb = next && next.at < clauseEnd ? text.slice(end, next.at).search(NEXT_VERB) : -1;
    // (Nor past a topic that opens right after it, the page having lost the comma: 清洁生产企业24家节水型企业方面已推动….)
    const topic = TOPIC_AFTER.test(text.slice(end, clauseEnd)) ? end : Infinity;
    const ownEnd = Math.min(next && next.at < clauseEnd ? next.at : clauseEnd, comma >= 0 ? comma : Infinity, verb >= 0 ? end + verb : Infinity, topic);
    // The words of the clause before its first figure are every figure's of it (省生态环保督察反馈的
    // 30项具体问题已整改完成27项).
    const clauseFirst = figures.find((f) => f.at >= clauseStart)?.at ?? at;
    const clauseTopic = text.slice(clauseStart, Math.max(clauseStart, clauseFirst));
    // What the figure's part says before its first number: the part's own topic (援疆上，…;
    // 第一轮中央环保督察反馈的4项…，9项…8项).
    // Words before that number that end in 的 modify every item of the part; otherwise they are
    // that number's own (微嘉园实名用户达到210万), and only whole clauses before it are the topic.
    const partBare = text.slice(partStart).search(FIGURE);
    const partFirst = Math.min(figures.find((f) => f.at >= partStart)?.at ?? at, partBare >= 0 ? partStart + partBare : Infinity);
    const upTo = text.slice(partStart, partFirst);
    const partTopic = /的$/.test(upTo) ? upTo : text.slice(partStart, Math.max(partStart, bounds(text, partFirst, partFirst, CLAUSE_END)[0]));
    const shared = `${text.slice(0, opening)}${partTopic}`;
    const foreign: string[] = [];
    // Other figures of the same clause: their names, with the clause's topic that is theirs too.
    for (const [i, f] of figures.entries()) {
      if (i === me || f.at < clauseStart || f.at >= clauseEnd) continue;
      foreign.push(fold(`${shared}${clauseTopic}${f.ind.subject}${f.ind.name}`));
    }
    // Other clauses of the same part that hold a figure — not those that state this one's growth
    // (…46起、死亡35人，与前两年平均相比分别下降32.8%和24.7%).
    const growth = ind.growth.map((g) => fold(g.text).replace(/^.*?(\d)/, '$1'));
    for (const clause of (text.slice(partStart, clauseStart) + '|' + text.slice(clauseEnd, partEnd)).split(/[|，,：:]/)) {
      if (FIGURE.test(clause) && !growth.some((g) => g && clause.includes(g))) foreign.push(`${shared}|${clause}`);
    }
    // Other parts of the sentence that hold a figure, with the topic they open with.
    for (const part of (text.slice(opening, partStart) + '|' + text.slice(partEnd)).split(/[|；;。]/)) {
      if (FIGURE.test(part)) foreign.push(part);
    }
    const before = fold(k.topicBefore(ind));
    // A part of a whole (为企业减负67.5亿元(其中,财政4.2亿元,税务63.3亿元): the whole's words are its context.
    const among = text.lastIndexOf('其中', at);
    const whole = among >= 0 ? text.slice(bounds(text, among, among, PART_END)[0], among) : '';
    s = { own: text.slice(ownStart, ownEnd), context: `${text.slice(0, opening)}|${partTopic}|${clauseTopic}|${before}|${whole}`, foreign, clause: `${listClause(k, text, clauseStart, clauseEnd)}|${text.slice(0, opening)}|${partTopic}`, sentence: text, whole };
  }
  cache.set(ind, s);
  return s;
}
