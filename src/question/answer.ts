/**
 * The question handler: a Query in, an Answer out. Each intent has its answer: figures and
 * statements here, tasks in tasks.ts, documents in documents.ts, computations in compute.ts,
 * several questions at once in parts.ts. When the reports do not hold the answer it says
 * which part they lack, with what they hold instead (none.ts).
 */
import type { Answer, AskOptions, Indicator, KnowledgeRecord, Line, Passage, Period, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from './query.js';
import { concepts, countMembers, coverage, match, misfit, periodFits, type Candidate, type Matches } from './match.js';
import { periodKey } from '../text/period.js';
import { findPlaces } from '../text/places.js';
import { fold } from '../text/normalize.js';
import * as compose from '../answer/compose.js';
import { makeAnswer, span, textOf } from '../answer/compose.js';
import { seriesChart } from '../answer/chart.js';
import { answerTasks } from '../answer/task-list.js';
import { taskFigureAnswer } from '../answer/task.js';
import { taskLines } from '../answer/task-lines.js';
import { besideFigure, genericWord } from './generic.js';
import { mainSources } from './documents.js';
import { answerSources, documentAnswer } from '../answer/document.js';
import { EXAMPLES, noAnswer, noneFor } from '../answer/none.js';
import { answerCompute } from '../answer/computation.js';
import { eachPlace } from './parts.js';
import { answerParts } from '../answer/list.js';
import { answerPlaceRank } from '../answer/place-rank.js';
import { splitParts } from './split.js';
import { partText } from './parse.js';
import { qualifiersOf, readMetric } from './metric.js';

/** Relative periods (今年, 去年, 上月) that fall back to the latest the reports hold. */
const RELATIVE = new Set(['this-year', 'last-year', 'this-month', 'last-month']);

/** An indicator answer: the figure, what it is, the same metric at other times, the sentence. */
function answerIndicator(k: Knowledge, q: Query, best: Indicator, rest: Candidate[], brief: boolean, lead?: string): Answer {
  const basis = q.basis ?? (q.intent === 'growth' && q.period && best.growth.some((g) => g.basis === q.period!.label) ? q.period.label : undefined);
  const lines = compose.indicatorLines(best, q.intent === 'growth', basis);
  // A target given where none was asked says so first: 海盐2022年GDP → 目标：增长7.5%左右.
  if (best.nature === 'target' && q.nature !== 'target') lines[0] = [span('目标：'), ...lines[0]];
  if (lead) lines[0] = [span(lead), ...lines[0]];
  if (brief) return makeAnswer(k, q.text, 'indicator', [lines[0], lines[1]], [best], { quote: best.sentence, query: q });
  const shown = new Set([best.id]);
  const related: Indicator[] = [];
  const sameName = (x: Indicator) => x.name === best.name && x.region === best.region;
  // The same metric for other periods, when the question named none.
  if (!q.period) {
    for (const x of k.byName.get(best.name.toLowerCase()) ?? []) {
      if (shown.has(x.id) || !sameName(x) || misfit(k, q, x) || x.nature !== best.nature) continue;
      if (related.some((r) => r.period.label === x.period.label && r.figure === x.figure)) continue;
      related.push(x);
    }
    related.sort((a, b) => periodKey(b.period) - periodKey(a.period));
  }
  // Close runners-up naming another metric (用电量 → 全社会用电量 and 工业用电量).
  const strong = rest.filter((c) => c.record.type === 'indicator' && c.score >= rest[0]?.score - 0.35 && c.coverage >= 0.99);
  for (const c of strong) {
    const x = c.record as Indicator;
    if (related.length >= 4) break;
    if (shown.has(x.id) || related.some((r) => r.id === x.id) || sameName(x) || x.sentence === best.sentence) continue;
    related.push(x);
  }
  const more = related.slice(0, 4);
  if (more.length) {
    lines.push([span('相关：')]);
    for (const x of more) lines.push(compose.relatedLine(x, best.region));
  }
  const before = sentenceBefore(k, q, best);
  if (before) lines.push(before);
  lines.push(compose.quoteLine(best.sentence, best.figure));
  // The figure and the same metric at other times, when they are three or more of one kind of period.
  const chart = seriesChart(k, [best, ...more]);
  return makeAnswer(k, q.text, 'indicator', lines, [best, ...more], { quote: best.sentence, query: q, ...(chart ? { chart } : {}) });
}

/**
 * The sentence before a figure's, quoted where it says what the question asked and the figure's
 * own sentence does not (鹃湖国际科技城… before 科技城企业实现营收3.29亿元): the asker sees why.
 */
function sentenceBefore(k: Knowledge, q: Query, ind: Indicator): Line | undefined {
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
  return compose.quoteLine(best, best.slice(at, at + word.length), '前文');
}

/** The indicators read from a sentence, by the sentence (made once per knowledge). */
const bySentence = new WeakMap<Knowledge, Map<string, Indicator[]>>();
function ofSentence(k: Knowledge, sentence: string): Indicator[] {
  let map = bySentence.get(k);
  if (!map) {
    map = new Map();
    for (const x of k.indicators) {
      const list = map.get(x.sentence);
      if (list) list.push(x);
      else map.set(x.sentence, [x]);
    }
    bySentence.set(k, map);
  }
  return map.get(sentence) ?? [];
}

/** The clause of a long sentence that says most of what was asked: the answer leads with it. */
function leadClause(k: Knowledge, q: Query, text: string): string | undefined {
  // Asked for a rank or a date, a clause says it; asked what something means, the sentence does.
  if (text.length <= 60 || !/第几|排|哪天|哪一天|什么时候|啥时候|何时|几月|比|高于|低于/.test(q.text)) return undefined;
  const cs = concepts(k, q);
  // Asked to compare with something (比第二名高多少), the clause that names it says the answer.
  const other = q.parts?.[1] ? concepts(k, q.parts[1]) : [];
  const clauses = text.split(/(?<=[，,；;。])/).map((c) => c.replace(/[，,；;。]$/, ''));
  // The metric asked without what it ranks among (全省), and the sentence's figures of other metrics.
  let metric = q.metric;
  for (const f of k.lex.lexicon.rankFrames) metric = metric.split(f).join(' ');
  const own = concepts(k, { ...q, metric });
  const others = own.length ? ofSentence(k, text).filter((x) => coverage(fold(x.name), own) < 0.99).map((x) => fold(x.name)) : [];
  const rankAsked = /第几|排/.test(q.text);
  let best: { c: string; w: number } | undefined;
  for (const [i, one] of clauses.entries()) {
    const ranks = /第[一二三四五六七八九十\d]|首位/.test(one);
    // 规模居全省第三, 全省位次由第4位前移到第3位: no subject of its own, the rank of the clause before it.
    const bare = one.length <= 10 || (own.length > 0 && coverage(fold(one), own) === 0);
    // 两年平均增长10.7%,比全省高出0.4个百分点: a comparison without a subject, likewise.
    const compares = /^(?:比|较|高于|低于)/.test(one);
    const c = i > 0 && ((ranks && bare) || compares) ? `${clauses[i - 1]}，${one}` : one;
    // (Folded: a traditional text's 財政總收入 is 财政总收入.)
    const folded = fold(c);
    // A rank said of another metric of the sentence (规上工业总产值…列全省第三, asked GDP) is not the one asked.
    const ofOther = others.some((n) => folded.includes(n)) && coverage(folded, own) < 0.99;
    const w = coverage(folded, cs) + (other.length ? coverage(folded, other, false) : 0) + (ranks && rankAsked ? (ofOther ? -0.5 : 1) : 0) - i * 0.001;
    if (!best || w > best.w) best = { c, w };
  }
  return best && best.w > 0 ? best.c : undefined;
}

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
function saidInClause(k: Knowledge, q: Query, nearby: Candidate[]): { record: Indicator; clause: string } | undefined {
  // An amount asked (出口额, 多少亿元) is said by a figure, never by words (出口名牌申报工作还未开展).
  if (AMOUNT_ASKED.test(q.text)) return undefined;
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
      if (!others && coverage(fold(clause), cs) >= 0.99) return { record: r, clause };
    }
  }
  return undefined;
}

const NUMBER = /\d+(?:\.\d+)?/g;
const AMOUNT_ASKED = /额|多少钱|多少亿|多少万/;

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

/** A statement: the clause that says it first, then the sentence, with its place and period. */
function answerStatement(k: Knowledge, q: Query, best: KnowledgeRecord, rest: Candidate[], lead?: string, said?: string): Answer {
  // A passage is one part of its sentence (up to a ；): the whole sentence says it, when it fits.
  const whole = best.type === 'passage' ? k.paragraph(best).find((t) => t.includes(best.text)) : undefined;
  const text = best.type === 'indicator' ? best.sentence : whole && whole.length <= AROUND ? whole : best.text;
  const where = best.type === 'task' ? best.section : [best.region, best.period.label, best.nature === 'target' ? '目标' : ''].filter(Boolean).join(' · ');
  const clause = said ?? memberClause(q, text) ?? leadClause(k, q, text);
  const around = best.type === 'task' ? [] : neighbours(k, best, text);
  const lines: Line[] = clause
    ? [[...(lead ? [span(lead)] : []), span(`${clause}。`, true)], [span(where)], compose.quoteLine(text, clause)]
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
    for (const r of also) lines.push([span(`· ${compose.clip(r.type === 'indicator' ? r.sentence : (r as { text: string }).text, 100)}`)]);
  }
  return makeAnswer(k, q.text, 'passage', lines, [best, ...also], { quote: text, query: q });
}

/** A figure's query matched, falling back from a relative period to the latest the reports hold. */
function matchLatest(k: Knowledge, q: Query, found?: Matches): { m: Matches; fallback?: string } {
  // A figure is asked of indicators; a target may also be set in words (与经济增长基本同步). A
  // sentence that merely holds the words (流动人口 for 人口) is no figure; a whole task answers
  // other questions.
  const figure = q.intent === 'value' || q.intent === 'growth';
  const types: KnowledgeRecord['type'][] | undefined = figure ? (q.nature === 'target' ? ['indicator', 'passage'] : ['indicator']) : undefined;
  const m = found ?? match(k, q, types);
  if (m.answers.length || !q.relative || !RELATIVE.has(q.relative) || !q.period) return { m };
  const { year: _year, label: _label, ...rest } = q.period;
  void _year;
  void _label;
  const loose: Query = { ...q, period: rest.kind === 'year' ? undefined : { ...rest, label: '' } };
  const m2 = match(k, loose, types);
  // The latest of the same kind of period: 去年用电量 is a year's, never June's.
  // (上月: the latest month, whichever it is; 今年已经完成: the year so far, from January.)
  const soFar = (p: Period) => p.kind === 'year' || p.kind === 'asof' || p.kind === 'since' || (p.kind === 'range' && p.from === 1);
  const sameKind = (c: Candidate) =>
    c.record.type !== 'task' &&
    (q.period!.kind === 'month' ? c.record.period.kind === 'month' : q.relative === 'this-year' ? soFar(c.record.period) : periodFits({ ...q.period!, year: c.record.period.year }, c.record.period));
  const found2 = m2.answers.find(sameKind);
  const best = found2?.record;
  if (!best || best.type === 'task') return { m };
  const asked = q.period.year ?? 0;
  if ((best.period.year ?? 0) >= asked) return { m };
  return { m: { ...m2, answers: [found2!, ...m2.answers.filter((c) => c !== found2 && sameKind(c))] }, fallback: `报告中最新为${best.period.label}：` };
}

/**
 * 1至6月累计: 累计 says again what a period from January says. Where no figure is named with it,
 * the figures of the period without the word answer (undefined: match as asked).
 */
function sinceJanuary(k: Knowledge, q: Query): Matches | undefined {
  const p = q.period;
  const words = k.lex.lexicon.sinceJanuary.words.filter((w) => q.metric.includes(w));
  if (!words.length || p?.kind !== 'range' || p.from !== 1) return undefined;
  const asked = match(k, q, ['indicator']);
  if (asked.answers.length) return undefined;
  const metric = words.reduce((m, w) => m.split(w).join(' '), q.metric).replace(/\s+/g, ' ').trim();
  if (!metric) return undefined;
  const plain = match(k, { ...q, metric, qualifiers: q.qualifiers.filter((x) => !words.includes(x)) }, ['indicator']);
  return plain.answers.length ? plain : undefined;
}

/** A figure or a statement; `found`: the records already matched for this query. */
function answerFigure(k: Knowledge, q: Query, options: AskOptions, found?: Matches): Answer {
  if (!q.metric) return noAnswer(k, q, q.period || q.places.length ? '请说明要查哪项指标，例如：6月全市用电量是多少？' : '没有看懂这个问题。');
  // 总额多少 alone: a head measures some metric, and the question does not say which.
  const bare = q.metric.replace(/\s+/g, '');
  if (bare in k.lex.metrics.headUnits) return noAnswer(k, q, `请说明是哪项指标的${bare}。`);
  // 总投资呢 after a figure: that of the same subject, said right after it.
  const beside = q.beside && !found ? besideFigure(k, q.beside) : undefined;
  if (beside) return answerIndicator(k, q, beside, [], Boolean(options.brief));
  // 完成多少, 总投资呢 with nothing before it to be of: never a search of the word everywhere.
  const word = found ? undefined : genericWord(q, k.lex);
  if (word) return noAnswer(k, q, `请说明是哪项指标或哪项任务的${word}，例如：第48项任务完成多少？`);
  const { m, fallback } = matchLatest(k, q, found ?? sinceJanuary(k, q));
  const best = m.answers[0];
  if (!best) {
    const said = saidInClause(k, q, m.nearby);
    return said ? answerStatement(k, q, said.record, [], fallback, said.clause) : noneFor(k, q, m.nearby);
  }
  const r = best.record;
  const asksFigure = q.intent === 'value' || q.intent === 'growth';
  // A sentence answers a figure question only when it says every word of it.
  if (asksFigure && r.type !== 'indicator' && best.coverage < 0.99) return noneFor(k, q, m.nearby);
  if (r.type === 'indicator') {
    // A ranking, or words that are in the sentence but in no figure's name: the sentence answers.
    if (!options.brief && (q.intent === 'fact' || /排第几|排名|第几名|第几位|位次|列第几|居第几/.test(q.text))) {
      return answerStatement(k, q, r, m.answers.slice(1), fallback);
    }
    return answerIndicator(k, q, r, m.answers.slice(1), Boolean(options.brief), fallback);
  }
  if (r.type === 'task') {
    const lines = taskLines(r as Task, { who: q.task?.aspect === 'who', progress: q.task?.aspect === 'progress' });
    return makeAnswer(k, q.text, 'task', lines, [r], { quote: (r as Task).progress[0] ?? (r as Task).text, query: q });
  }
  return answerStatement(k, q, r, m.answers.slice(1), fallback);
}

export function helpAnswer(k: Knowledge, question = '/help', q?: Query): Answer {
  const lines: Line[] = [
    [span('我能回答嘉兴市政府报告中的指标数值和任务进展，给出数字、时期、地区和出处，也能接着上一问追问（例如“那1-6月呢”“桐乡呢”“目标呢”）。')],
    [span('可以这样问：')],
    ...[...EXAMPLES, '桐乡2017年地区生产总值', '第10项任务进展状态', '6月财政收入和税收分别是多少', '有哪些报告'].map((e) => [span(`· ${e}`)]),
    [span(`已收录${k.sources.length}份文件，主要有：`)],
    ...mainSources(k).map((s) => [span(`· ${s.title}${s.date ? `（${s.date}）` : ''}`)]),
    [span('全部文件见 /sources。')],
  ];
  return { question, kind: 'help', text: textOf(lines), lines, records: [], sources: [], ...(q ? { query: q } : {}) };
}

function thanksAnswer(q: Query): Answer {
  const lines: Line[] = [[span('不客气。还有什么想查的，直接问我就行。')]];
  return { question: q.text, kind: 'help', text: textOf(lines), lines, records: [], sources: [], query: q };
}

/** Answers a query. */
export function answerQuery(k: Knowledge, q: Query, options: AskOptions = {}): Answer {
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  if (q.placeRank && (q.intent === 'value' || q.intent === 'growth')) return answerPlaceRank(k, q, (part) => answerQuery(k, part, { ...options, brief: true }));
  if (q.eachPlace && (q.intent === 'value' || q.intent === 'growth')) return answerQuery(k, eachPlace(k, q), options);
  if (q.parts?.length && q.intent !== 'compute') return answerParts(k, q, (part) => answerQuery(k, part, { ...options, brief: true }));
  // A figure asked of one task (第46项新增上市企业几家了, 完成多少 after it): from that task only.
  if ((q.intent === 'value' || q.intent === 'growth') && q.task?.number !== undefined) {
    return taskFigureAnswer(k, q, (figure, found) => answerFigure(k, figure, options, found));
  }
  switch (q.intent) {
    case 'help':
    case 'greeting':
      return helpAnswer(k, q.text, q);
    case 'thanks':
      return thanksAnswer(q);
    case 'sources':
      return answerSources(k, q);
    case 'document':
      return documentAnswer(k, q) ?? answerFigure(k, { ...q, intent: 'fact', scope: undefined, ask: undefined }, options);
    case 'compute':
      return answerCompute(k, q, options, (whole, found) => answerFigure(k, whole, options, found));
    case 'task':
    case 'list':
    case 'count':
    case 'rank':
      // No task or measure is about it: what the reports say of it, as a statement.
      return answerTasks(k, q, offset) ?? answerFigure(k, { ...q, intent: 'fact' }, options);
    default: {
      const a = answerFigure(k, q, options);
      // 上半年工业用电量和税收: no one figure is named so; each of the two is, when the reports hold it.
      return a.kind === 'none' ? (answerJoined(k, q, options) ?? a) : a;
    }
  }
}

/** A figure asked of metrics joined by 和 (without 分别), as parts, when one of them answers. */
function answerJoined(k: Knowledge, q: Query, options: AskOptions): Answer | undefined {
  // (Joined by a word: 百年百项 is no two parts.)
  const metrics = /和|与|及|、/.test(q.metric) ? splitParts(q.metric) : undefined;
  // Each part must name what is measured (用电量, 税收, an alias such as 财政收入): a subject alone
  // (南湖实验室) would take any figure said of it.
  const measures = (m: string) => Boolean(readMetric(m, k.lex).head) || k.lex.aliasGroups.some((g) => g.some((a) => m.includes(a)));
  if (!metrics || !metrics.every(measures)) return undefined;
  const parts = metrics.map((metric, i) => ({ ...q, text: partText(q.text, metrics, i), metric, qualifiers: qualifiersOf(metric, k.lex), parts: undefined }));
  const a = answerParts(k, { ...q, parts }, (part) => answerQuery(k, part, { ...options, brief: true }));
  return a.kind === 'none' ? undefined : a;
}
