/**
 * Which sentence and clause of the reports says what was asked: the clause of a long sentence
 * that names the members (哪几个区) or the rank or date asked; a clause that says it without a
 * figure; the sentence before a figure's that says what its own does not; the sentences around
 * a statement. src/answer/figure.ts and statement.ts lead with what these find.
 */
import type { Indicator, KnowledgeRecord, Passage } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, type Query } from './query.js';
import { concepts, countMembers, coverage, type Candidate } from './match.js';
import { findPlaces } from '../text/places.js';
import { fold } from '../text/normalize.js';
import { asksAmount, setsLevel } from './level.js';
import { ofSentence } from './sentences.js';

/**
 * The sentence before a figure's, quoted where it says what the question asked and the figure's
 * own sentence does not (鹃湖国际科技城… before 科技城企业实现营收3.29亿元): the asker sees why.
 */
export function sentenceBefore(k: Knowledge, q: Query, ind: Indicator): { sentence: string; words: string } | undefined {
  const own = fold(ind.sentence);
  const words = [...concepts(k, q).map((c) => c.forms), ...q.places.filter((p) => p.region !== ind.region).map((p) => [p.text])];
  const missing = words.filter((forms) => !forms.some((f) => own.includes(f)));
  if (!missing.length) return undefined;
  // Of the sentences before that set its topic, the one that says most of what is missing.
  const says = (t: string) => missing.filter((forms) => forms.some((f) => fold(t).includes(f))).length;
  const best = k.topicBefore(ind).split('|').filter(Boolean).reduce<string | undefined>((a, t) => (says(t) > (a ? says(a) : 0) ? t : a), undefined);
  if (!best) return undefined;
  const word = missing.flat().find((f) => fold(best).includes(f))!;
  const at = fold(best).indexOf(word);
  return { sentence: best, words: best.slice(at, at + word.length) };
}

/** The clause of a long sentence that says most of what was asked: the answer leads with it. */
function leadClause(k: Knowledge, q: Query, text: string): string | undefined {
  // Asked for a rank or a date, a clause says it; asked what something means, the sentence does.
  // (A short sentence is shown whole, unless a rank is asked: 排第几 leads with the clause that ranks.)
  // (Nor a date asked of a sentence of several: …6月23日通过命名公示,7月7日通过现场核查 leads with the one asked.)
  // (What a long sentence says of one thing asked, 对民营企业中长期贷款有啥要求: the one clause that names all of it.)
  // (Not a list or a meaning asked, 三朵云是哪三朵, 一主两副多点是啥意思: the sentence names them.)
  if (q.intent === 'fact' && text.length > 60 && q.metric.trim() && !/哪|意思|是啥|是什么|都有|包括|内容|第几|排/.test(q.text)) {
    const cs = concepts(k, q);
    const naming = text.split(/[，,；;。]/).filter((c) => cs.length && coverage(fold(c), cs) >= 0.99);
    if (naming.length === 1) return naming[0];
  }
  const dates = /哪天|哪一天|什么时候|啥时候|何时|几月/.test(q.text) && (text.match(/\d{1,2}月\d{1,2}日/g) ?? []).length >= 2;
  if ((text.length <= 60 && !/第几|排/.test(q.text) && !dates) || !/第几|排|哪天|哪一天|什么时候|啥时候|何时|几月|比|高于|低于/.test(q.text)) return undefined;
  if (dates) {
    // (哪天通过现场核查的: the dated clause that says what happened then, by the words beside the ask.)
    const event = fold(q.text.match(/(?:哪天|哪一天|什么时候|啥时候|何时)([\u4e00-\u9fff]{2,})/)?.[1]?.replace(/[的了呢吗啊]+$/, '') ?? q.text.match(/([\u4e00-\u9fff]{2,}?)(?:是|在)?(?:哪天|哪一天|什么时候|啥时候|何时)/)?.[1] ?? '');
    const dated = text.split(/[，,；;。]/).filter((c) => /\d{1,2}月\d{1,2}日/.test(c));
    for (let n = event.length; n >= 2; n--) {
      const hit = dated.find((c) => fold(c).includes(event.slice(-n)));
      if (hit) return dateSpan(hit, fold(hit).indexOf(event.slice(-n)));
    }
  }
  const cs = concepts(k, q);
  // Asked to compare with something (比第二名高多少), the clause that names it says the answer.
  const other = q.parts?.[1] ? concepts(k, q.parts[1]) : [];
  const pieces = text.split(/(?<=[，,；;。])/);
  const clauses = pieces.map((c) => c.replace(/[，,；;。]$/, ''));
  // The metric asked without what it ranks among (全省), and the sentence's figures of other metrics.
  let metric = q.metric;
  for (const f of k.lex.lexicon.rankFrames) metric = metric.split(f).join(' ');
  const own = concepts(k, makeQuery({ ...q, metric }));
  const others = own.length ? ofSentence(k, text).filter((x) => coverage(fold(x.name), own) < 0.99).map((x) => fold(x.name)) : [];
  const rankAsked = /第几|排/.test(q.text);
  const subjectless = (x: string) => x.length <= 10 || (own.length > 0 && coverage(fold(x), own) === 0);
  let best: { c: string; w: number } | undefined;
  // (…科技进步规模综合评价保持在全省第13位,变化情况综合评价位次列全省第3位 asked 变化情况综合评价: where several clauses
  // rank, a word asked that only one of them says — not the sentence's topic, 科技进步 of 科技进步监测中 — tells which.)
  const ranking = clauses.filter((c) => RANKS(c));
  const topic = fold(clauses.filter((c) => !RANKS(c)).join('|'));
  const telling = (one: string) =>
    ranking.length < 2 ? 0 : cs.filter((x) => x.forms.some((f) => fold(one).includes(f)) && !x.forms.some((f) => topic.includes(f) || ranking.some((r) => r !== one && fold(r).includes(f)))).length;
  for (const [i, one] of clauses.entries()) {
    // (排名74名: a rank without 第 too.)
    // (第一产业, 第二批, 第3季度 are no ranks.)
    const ranks = RANKS(one);
    // 规模居全省第三, 全省位次由第4位前移到第3位: no subject of its own, the rank of the clause before it.
    const bare = subjectless(one);
    // 两年平均增长10.7%,比全省高出0.4个百分点: a comparison without a subject, likewise.
    const compares = /^(?:比|较|高于|低于)/.test(one);

    // (…零售总额822.87亿元,增长13.1%,居全省第1;…网络零售额591.1亿元,增长22.8%,居全省第3: back over the bare
    // clauses to the one that names what ranks, within its part of the sentence.)
    let from = i - 1;
    while (ranks && bare && from > 0 && subjectless(clauses[from]) && /[，,]$/.test(pieces[from - 1])) from--;
    const c = i > 0 && ((ranks && bare) || compares) ? `${clauses.slice(Math.max(0, from), i).join('，')}，${one}` : one;
    // (增幅比全国平均低0.5个百分点 answers no 收入比全国高多少: a rate's comparison, where a level's is asked.)
    if (/增幅|增速|涨幅|降幅/.test(c) && !/增幅|增速|涨幅|降幅|增长|快|慢/.test(q.text)) continue;
    // (Folded: a traditional text's 財政總收入 is 财政总收入.)
    const folded = fold(c);
    // A rank said of another metric of the sentence (规上工业总产值…列全省第三, asked GDP) is not the one asked.
    const ofOther = others.some((n) => folded.includes(n)) && coverage(folded, own) < 0.99;
    const w = coverage(folded, cs) + (other.length ? coverage(folded, other, false) : 0) + (ranks && rankAsked ? (ofOther ? -0.5 : 1) + 0.3 * telling(one) : 0) - i * 0.001;
    if (!best || w > best.w) best = { c, w };
  }
  return best && best.w > 0 ? best.c : undefined;
}

/** Whether a clause ranks (排名74名: a rank without 第 too; 第一产业, 第二批, 第3季度 are no ranks). */
const RANKS = (clause: string) => /第[一二三四五六七八九十\d](?![一二三四五六七八九十\d]*(?:产业|产|批|届|次|期|轮|季度|季|项|条|个))|首位|(?:排名|位列|位居|居)\d+(?:名|位)/.test(clause);

/** 哪几个区: the clause of a long sentence that names the members, first. */
function memberClause(q: Query, text: string): string | undefined {
  const members = q.members;
  if (!members || text.length <= 60) return undefined;
  // (A glossary entry, 9.六场战役:…, is cut at its colon only after the name.)
  const clauses = text.split(/[，,；;。]/);
  const best = clauses.reduce((a, c) => (countMembers(c, members) > countMembers(a, members) ? c : a), '');
  const n = countMembers(best, members);
  return n >= 2 && (members.noun || n === members.count) ? best : undefined;
}

/**
 * A clause of a sentence whose figures are all of other metrics, that says what was asked
 * without a figure read from it: 一般公共预算收入与经济增长基本同步 (beside 生产总值增长7%左右),
 * 整治“低散乱污”企业(作坊)2616 (a number without a unit). The place, period and target of
 * the sentence fit the question: only the figures' metrics did not.
 */
export function saidInClause(k: Knowledge, q: Query, nearby: Candidate[]): { record: Indicator; clause: string } | undefined {
  // An amount asked (出口额, 多少亿元) is said by a figure, never by words (出口名牌申报工作还未开展).
  // (Nor a rank: 一产增速排名 is said by the clause that ranks, 增速居全省第四位, not by 第一产业增加值为55.65亿元.)
  if (asksAmount(q.text) || RANK_ASKED.test(q.text)) return undefined;
  const cs = concepts(k, q);
  for (const c of nearby) {
    if ((c.misfit !== 'metric' && c.misfit !== 'figure') || c.coverage < 0.99 || c.record.type !== 'indicator') continue;
    const r = c.record;
    // Each number of the sentence's figures (4.89 of “4.89万元、2.90万元”): a clause holding one states a figure.
    const numbers = new Set(ofSentence(k, r.sentence).filter((x) => x.source === r.source).flatMap((x) => x.figure.match(NUMBER) ?? []));
    for (const clause of r.sentence.split(/[，,；;、]/)) {
      // The clause must say something of the metric besides naming it (其中交通投资 says nothing).
      if ((clause.match(NUMBER) ?? []).some((n) => numbers.has(n)) || clause.length < q.metric.replace(/\s+/g, '').length + 4) continue;
      // (A clause of another place, 缙云县经济总量超过…, says nothing of the one asked.)
      const others = findPlaces(fold(clause), k.lex).some((m) => m.region && !m.relative && !q.places.some((p) => p.region === m.region));
      // (万元生产总值综合能耗…完成…任务 says something of 能耗, not of 生产总值: a head the question lacks, named after its words.)
      const after = fold(clause).slice(Math.max(0, ...cs.map((c) => Math.min(...c.forms.map((f) => fold(clause).indexOf(f)).filter((i) => i >= 0)))));
      const another = k.lex.metrics.heads.some((h) => h.length >= 2 && after.includes(h) && !q.text.includes(h));
      // (分别占总人口的50.9%和49.1% says shares of 总人口, nothing of it.)
      const own = fold(clause).replace(/占[^，,；;]{0,12}?的/g, '');
      if (!others && !another && coverage(own, cs) >= 0.99 && setsLevel(clause, k.lex)) return { record: r, clause };
    }
  }
  return undefined;
}

const NUMBER = /\d+(?:\.\d+)?/g;

/** A rank asked (排第几, 排名, 全省第几). */
export const RANK_ASKED = /排第几|排名|第几名|第几位|位次|列第几|居第几|(?:全[省市国县区]|省内|市内|国内)第几/;

/** Room for the sentences around a statement: a phone shows about this much at once. */
const AROUND = 240;

/**
 * The sentences next to a statement in its paragraph, when they fit: the one after it (what
 * a lead sentence such as 二是以“一院四园”为抓手 introduces), then the one before it.
 */
function neighbours(k: Knowledge, r: Indicator | Passage, text: string): string[] {
  const paragraph = k.paragraph(r);
  const at = paragraph.findIndex((s) => s.includes(text) || text.includes(s));
  if (at < 0) return [];
  const out: string[] = [];
  let room = AROUND - text.length;
  // Items of a numbered list (a glossary's 20. and 21.) are each their own.
  const item = /^\d{1,2}[.、．]/;
  const own = (s: string | undefined) => s && !(item.test(text) && item.test(s)) ? s : undefined;
  const next = own(paragraph[at + 1]);
  if (next && next.length <= room) {
    out.push(next);
    room -= next.length;
  }
  const prev = own(paragraph[at - 1]);
  if (prev && prev.length <= room) out.unshift(`（前文）${prev}`);
  return out;
}

/** A statement's sentence (a passage's whole sentence, when it fits), the clause that says what was asked (or `said`), and the sentences around it. */
export function statementFound(k: Knowledge, q: Query, best: KnowledgeRecord, said?: string): { text: string; clause?: string; around: string[] } {
  // A passage is one part of its sentence (up to a ；): the whole sentence says it, when it fits.
  const whole = best.type === 'passage' ? k.paragraph(best).find((t) => t.includes(best.text)) : undefined;
  const text = best.type === 'indicator' ? best.sentence : whole && whole.length <= AROUND ? whole : best.text;
  const clause = said ?? memberClause(q, text) ?? leadClause(k, q, text);
  const around = best.type === 'task' ? [] : neighbours(k, best, text);
  return { text, clause, around };
}

/** What a clause says at `at` with its date: from the last date before it to the next (…申报材料|6月23日通过命名公示). */
function dateSpan(clause: string, at: number): string {
  const dates = [...clause.matchAll(/\d{1,2}月\d{1,2}日/g)].map((d) => d.index!);
  const start = dates.filter((d) => d <= at).at(-1) ?? 0;
  return clause.slice(start, dates.find((d) => d > at) ?? clause.length);
}
