/**
 * Conversations: each keeps its last query, so a follow-up that names only some parts (那1-6月呢,
 * 桐乡呢, 目标呢, 同比呢, 谁牵头, 第83项呢) takes the rest from it. Everything works on the
 * structured query, never on text. A complete new question starts afresh; after 30 minutes
 * idle a conversation forgets. The answer says in one short line what it carried over.
 */
import type { Answer, ContextStore, Indicator, KnowledgeRecord, Line } from './types.js';
import { concepts, coverage, match, misfit } from './question/match.js';
import { readMetric } from './question/metric.js';
import { sentenceMates } from './question/sentences.js';
import type { Knowledge } from './knowledge/load.js';
import { makeQuery, storedQuery, type PlaceRef, type Query } from './question/query.js';
import { chineseNumber } from './question/parse.js';
import { span, textOf } from './answer/compose.js';
import { figureBeside, genericUnit, genericWord, isLightVerb } from './question/generic.js';
import { RANK_ASKED } from './question/clauses.js';
import { escapeRegExp, fold, withoutWordsHolding } from './text/normalize.js';
import { leadingThing, scopesBeside } from './text/places.js';
import { label } from './text/period.js';
import { taskFigures } from './question/task-figures.js';
import { LEADING } from './question/split.js';
import { questionWords } from './question/words.js';

/** A conversation idle longer than this starts afresh. */
export const IDLE_MS = 30 * 60 * 1000;

/** What a conversation keeps between questions. */
interface Context {
  query: Query;
  /** The source sentence of the last answer and its document, for 原文呢. */
  quote?: string;
  source?: { title: string; date: string };
  /** Where the next page of the last list starts, for 更多. */
  next?: number;
  /** The task numbers the last list showed, in order, for 第一个是谁负责. */
  items?: number[];
  /** The figure the last answer led with, for 总投资呢 (the same subject's, beside it). */
  figure?: string;
  /** The figure answered before it, and what was asked for it, for 还差多少 after two figures. */
  before?: { query: Query; figure: string };
}

/** A context as stored, its query in the one shape queries have (question/query.ts). */
function readContext(value: string): Context {
  const context = JSON.parse(value) as Context;
  return { ...context, query: storedQuery(context.query), ...(context.before ? { before: { ...context.before, query: storedQuery(context.before.query) } } : {}) };
}

/** A context store in this process, bounded: the oldest conversations go first. */
export function memoryContexts(max = 10_000): ContextStore {
  const map = new Map<string, { value: string; at: number }>();
  return {
    get: (id) => map.get(id),
    set(id, value, at) {
      map.delete(id);
      map.set(id, { value, at });
      if (map.size > max) map.delete(map.keys().next().value!);
    },
  };
}

/** Intents that stand on their own and never take anything from the conversation. */
/** What a figure ranks among, said with its rank (全国地级市排第几): no metric asked. */
const RANKED_AMONG = /地级市|设区市|城市|省份|省区市|县市区|县区|区县|各县|各市|各区|中/g;

/** Whether a question asks the last figure's rank, naming no metric beyond what it ranks among (全国地级市排第几). */
const rankOfLast = (q: Query, last: Query, frames: readonly string[]) => RANK_ASKED.test(q.text) && Boolean(last.metric) && !ownMetric(q, frames).replace(RANKED_AMONG, '').trim();

const STANDALONE = new Set<Query['intent']>(['help', 'greeting', 'thanks', 'sources', 'document']);
const RANKED = /第几|排名|位次|排在/;
// A share as a figure names itself: 占财政总收入的81%, 女性比重, 0-14岁占比.
const SHARE_SAID = /^占|占比$|比重$/;
const FIGURE_INTENTS = new Set<Query['intent']>(['value', 'growth', 'fact']);

/** The knowledge words a follow-up is read by (knowledge/lexicon.json, metrics.json), gathered once. */
interface FollowUpWords {
  /** 全省, 总量: what a ranking is among. */
  frames: readonly string[];
  /** 总额, 人数: heads that say only how something is measured. */
  heads: readonly string[];
  /** 累计, 城镇: words that alone qualify the last metric. */
  qualifiers: readonly string[];
  /** 城镇 and 农村: qualifiers one of which takes the other's place. */
  alternatives: readonly (readonly string[])[];
  /** 收入 and 支出: measures one of which, asked alone, takes the other's place in the last metric. */
  counterparts: readonly (readonly string[])[];
  /** 完成, 完成率, 总投资: the generic word a question is only, if it is one (question/generic.ts). */
  generic: (q: Query) => string | undefined;
  /** 完成, 实现: a result asked of what was left unsaid. */
  light: (word: string) => boolean;
  /** The unit a generic word asks in (总投资: 亿元), if the lexicon says. */
  unitOf: (word: string) => string | undefined;
  /** The thing a metric opens with (临沪高能级智慧产业新区 of …完成工业投入), if it names one. */
  thing: (metric: string) => string | undefined;
  /** 文号呢, 哪天发的: the document fact a short question asks alone, if it asks one. */
  documentAsk: (q: Query) => string | undefined;
  /** 重点培育企业几家 after 第52项任务: whether the task just shown states a result named so. */
  inTask: (q: Query, last: Query) => boolean;
  /** 一般公共预算 after 财政总收入: the head of the last metric a question of qualifiers alone is said of, if it is one. */
  qualifiedHead: (metric: string, last: string) => string | undefined;
  /** Whether two metrics end in the same head (科技型中小企业, 高新技术企业: 企业). */
  sameHead: (a: string, b: string) => boolean;
  /** The head a metric's words end in (完成率 of 投资完成率), if any. */
  headOf: (metric: string) => string | undefined;
  /** 存款, 贷款, 进口: the words that say which of a metric (metrics.json qualifiers). */
  metricQualifiers: readonly string[];
  /** The home city: a question that names no place is about it, unless the conversation is about another. */
  home: string;
  /**
   * Whether the reports name the thing by its word and the measure together, or the thing nowhere in a name (援青 of
   * 援青上,今年安排资金…): 粮油 is named (粮油食品类), but never with 制品.
   */
  named: (thing: string, measure: string) => boolean;
  /** 建成, 新增: what is done with a thing, asked alone of the last answer's thing (lexicon genericWords doings). */
  doings: readonly string[];
  /** 完成投资, 总投资 at a metric's end: what is measured of a thing (lexicon genericWords words), the thing before it. */
  measuredEnd: RegExp;
  /** The head a metric ends in, an alias read as its group's first name (固投: 固定资产投资, 投资). */
  measureOf: (metric: string) => string | undefined;
  /** Whether a record's name holds the words (基础设施投资). */
  given: (name: string) => boolean;
  /** Whether the reports name a word as an industry, its 业 left out as it is asked (装备制造 of 装备制造业增加值, 高新技术 of 高新技术产业). */
  industry: (word: string) => boolean;
  /** 全市呢 after 定海: the places asked, a scope word read beside the others' place (text/places.ts scopesBeside). */
  scopesBeside: (places: PlaceRef[], others: readonly PlaceRef[], settled?: boolean) => PlaceRef[];
}

const NO_WORDS: FollowUpWords = { frames: [], heads: [], qualifiers: [], alternatives: [], counterparts: [], generic: () => undefined, light: () => false, unitOf: () => undefined, thing: () => undefined, documentAsk: () => undefined, inTask: () => false, qualifiedHead: () => undefined, sameHead: () => false, headOf: () => undefined, metricQualifiers: [], scopesBeside: (places) => places, named: () => true, industry: () => false, given: () => false, measureOf: () => undefined, doings: [], measuredEnd: /$^/, home: '' };

const inTaskOf = new WeakMap<Query, boolean>();

const namesOf = new WeakMap<Knowledge, string[]>();
/** Every figure's name once, folded. */
function allNames(k: Knowledge): string[] {
  let names = namesOf.get(k);
  if (!names) namesOf.set(k, (names = [...new Set(k.indicators.map((x) => fold(x.name)))]));
  return names;
}

/** The metric asked when the reports name it only of things apart (总投资 of 58只无锡市级重大项目, of 203只宜兴市级重大项目), two or more. */
function subjectsOnly(k: Knowledge, metric: string): string | undefined {
  const name = metric.replace(/\s+/g, '');
  const named = k.byName.get(name.toLowerCase()) ?? [];
  const things = new Set(named.map((r) => r.subject || r.owner || ''));
  return named.length >= 2 && !things.has('') && things.size >= 2 ? name : undefined;
}

function followUpWords(k: Knowledge): FollowUpWords {
  const longestFirst = [...k.lex.metrics.heads].sort((a, b) => b.length - a.length);
  return {
    frames: k.lex.lexicon.rankFrames,
    metricQualifiers: k.lex.metrics.qualifiers,
    scopesBeside: (places, others, settled) => scopesBeside(places, others, k.lex, settled),
    home: k.lex.regions.home,
    named: (thing, measure) => {
      const names = allNames(k).filter((n) => n.includes(fold(thing)));
      return !names.length || names.some((n) => n.includes(fold(measure)));
    },
    doings: k.lex.lexicon.genericWords.doings,
    measuredEnd: new RegExp(`(?:${[...k.lex.lexicon.genericWords.words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})$`),
    given: (name) => {
      const n = fold(name.replace(/\s+/g, ''));
      return allNames(k).some((x) => x.includes(n));
    },
    industry: (word) => {
      const w = fold(word);
      return allNames(k).some((n) => n.includes(`${w}业`) || n.includes(`${w}产业`));
    },
    heads: Object.keys(k.lex.metrics.headUnits),
    qualifiers: k.lex.lexicon.followUpQualifiers.words,
    alternatives: k.lex.lexicon.followUpQualifiers.alternatives,
    counterparts: k.lex.lexicon.followUpQualifiers.counterparts,
    // (年度计划投资呢 after 宜兴省级重大项目: a name the reports give only of things they name apart — each figure so
    // named has its subject — is of the last answer's thing, as a generic word is.)
    generic: (q) => genericWord(q, k.lex) ?? subjectsOnly(k, q.metric),
    light: (word) => isLightVerb(word, k.lex),
    unitOf: (word) => genericUnit(word, k.lex),
    thing: (metric) => leadingThing(metric, k.lex),
    documentAsk: (q) => {
      const rest = q.text.replace(/[呢吗啊？?。\s]|是多少|是什么|是啥/g, '');
      return rest.length <= 6 ? questionWords(k.lex).documentAsks.find(([word]) => rest.includes(word))?.[1] : undefined;
    },
    sameHead: (a, b) => {
      // (A name that is an alias reads no head: its last two characters say it, 高新技术企业.)
      const head = (m: string) => {
        const f = fold(m.replace(/\s+/g, ''));
        return readMetric(f, k.lex).head ?? (/[\u4e00-\u9fff]{2}$/.test(f) ? f.slice(-2) : undefined);
      };
      return head(a) !== undefined && head(a) === head(b);
    },
    headOf: (metric) => readMetric(fold(metric.replace(/\s+/g, '')), k.lex).head,
    measureOf: (metric) => {
      const f = fold(metric.replace(/\s+/g, ''));
      const head = readMetric(f, k.lex).head;
      if (head) return head;
      const group = k.lex.aliasGroups.find((g) => g.some((a) => f.includes(fold(a))));
      const name = group ? fold(group[0]) : f;
      return longestFirst.find((h) => name.endsWith(h));
    },
    qualifiedHead: (metric, last) => {
      const own = fold(metric.replace(/\s+/g, ''));
      const reading = readMetric(own, k.lex);
      // (Only words that qualify, all of them: 一般公共预算, no head of its own.)
      if (reading.head || !reading.qualifiers.length || reading.qualifiers.join('') !== own) return undefined;
      // (20年要新增多少 after 科技型中小企业新增: the word the last metric holds asks that metric again, not its head's.)
      const said = fold(last.replace(/\s+/g, ''));
      return said.includes(own) ? undefined : readMetric(said, k.lex).head;
    },
    // (What was done, unless a target is asked: a target alone leaves the result to be found elsewhere.)
    inTask: (q, last) => {
      // (Asked once a question: both whether it follows up and how.)
      let held = inTaskOf.get(q);
      // (Or what it sets out, where only that names it: 3A级景区村创了几个 after 第62项 is of that task — its result or none.)
      if (held === undefined) {
        const own = taskFigures(k, makeQuery({ ...q, intent: 'value', task: { number: last.task!.number }, scope: last.scope }));
        inTaskOf.set(q, (held = own.answers.some((c) => q.nature === 'target' || (c.record as Indicator).nature === 'actual') || Boolean(own.aims?.length)));
      }
      return held;
    },
  };
}

/** The question's metric without the places it names (濮院呢 names a place, no metric). */
function ownMetric(q: Query, frames: readonly string[] = []): string {
  let m = q.metric;
  for (const p of q.places) m = m.split(p.text).join(' ');
  // 全省第几 names what the last figure ranks among, not a metric.
  if (q.intent === 'fact' || RANKED.test(q.text)) for (const f of frames) m = m.split(f).join(' ');
  return m.trim();
}

/**
 * What the last metric measures of its start, when a short word stands parallel to that start:
 * 余额 of 贷款余额 for 存款 (same length, same last character), 贸易指数 of (STI)进出口贸易指数 for
 * 出口 or 进口 (the start with one character more). Undefined when it stands parallel to none.
 */
function parallel(own: string, last: string): string | undefined {
  const l = last.replace(/\s+/g, '').replace(/^[a-z0-9]+/i, '');
  if (!/^[\u4e00-\u9fff]{2,3}$/.test(own) || l.length <= own.length || l.startsWith(own)) return undefined;
  // (战新呢 after 高新技术产业增加值占规上比重: in place of the whole industry, 高新技术产业, not of its first word.)
  if (l[own.length - 1] === own[own.length - 1]) return l.slice(own.length).replace(/^[\u4e00-\u9fff]{0,4}?产业(?=[\u4e00-\u9fff])/, '');
  // 援青呢 after 援疆 安排: a word of the same make (same length, same first character) in place of
  // the last metric's first word, when that word stands apart as what the figure is of.
  const [first, ...rest] = last.trim().split(/\s+/);
  if (rest.length && first.length === own.length && first[0] === own[0]) return rest.join('');
  const start = l.slice(0, own.length + 1);
  const less = [...Array(start.length).keys()].some((i) => start.slice(0, i) + start.slice(i + 1) === own);
  return less && l.length > start.length ? l.slice(start.length) : undefined;
}

/** 存款 for 贷款 inside 金融机构贷款余额 (two characters, the same last one, another word): the last metric with it in its place. */
function parallelInside(own: string, last: string, qualifiers: readonly string[]): string | undefined {
  const l = last.replace(/\s+/g, '');
  if (!/^[\u4e00-\u9fff]{2}$/.test(own) || l.includes(own) || !qualifiers.includes(own)) return undefined;
  const at = l.lastIndexOf(own[1]);
  // (Both words of the kind that says which of a metric: 存款 and 贷款, not 产值 for 加值.)
  return at >= 2 && qualifiers.includes(l.slice(at - 1, at + 1)) ? `${l.slice(0, at - 1)}${own}${l.slice(at + 1)}` : undefined;
}

/**
 * An industry alone (装备制造业, its 增加值 as a question reads it) after a measure of another
 * (战略性新兴产业增加值占规上比重): that measure of it. Undefined when either is no industry's.
 */
function industryOf(own: string, last: string, industry: FollowUpWords['industry']): string | undefined {
  const l = last.replace(/\s+/g, '');
  const was = l.match(/^([\u4e00-\u9fff]{2,10}?业)([\u4e00-\u9fff]{3,})$/);
  if (!was) return undefined;
  const named = own.replace(/\s+/g, '').replace(/增加值$/, '');
  // (装备制造呢: an industry asked without its 业, as the reports name it with one.)
  const isIndustry = /^[\u4e00-\u9fff]{2,10}业$/.test(named) || (/^[\u4e00-\u9fff]{2,10}$/.test(named) && industry(named));
  if (!isIndustry || named === was[1] || was[1].startsWith(named) || !/^增加值/.test(was[2])) return undefined;
  return `${named}${was[2]}`;
}

/**
 * A part alone (基础设施) after a metric (固投, 固定资产投资): the part the reports name with the last metric's
 * head (基础设施投资). Undefined where they name none so, or the part has a head of its own.
 */
function headedPart(own: string, last: string, measureOf: FollowUpWords['measureOf'], given: FollowUpWords['given']): string | undefined {
  const named = own.replace(/\s+/g, '');
  const head = measureOf(last);
  if (named.length < 2 || !head || measureOf(named) || last.replace(/\s+/g, '').includes(named)) return undefined;
  return given(`${named}${head}`) ? `${named}${head}` : undefined;
}

/** A thing alone (中电科南湖研究院) after a metric of another thing (南湖实验室引进科研人员): that metric of it. */
function otherThing(own: string, last: string, thing: FollowUpWords['thing']): string | undefined {
  const named = own.replace(/\s+/g, '');
  const before = last.replace(/\s+/g, '');
  const was = thing(before);
  return named.length >= 3 && thing(named) === named && was && was !== named && before.length > was.length ? `${named}${before.slice(was.length)}` : undefined;
}

/**
 * A thing of the same kind alone (市级投资项目) after a measure of another (省重点建设项目投资完成率): that
 * measure of it, the two ending in the same word (项目) with the measure after it.
 */
function sameKind(own: string, last: string, headOf: FollowUpWords['headOf']): string | undefined {
  const named = own.replace(/\s+/g, '');
  const before = last.replace(/\s+/g, '');
  if (named.length < 4 || before.includes(named)) return undefined;
  const at = before.indexOf(named.slice(-2));
  const measure = at >= 2 ? before.slice(at + 2) : '';
  // (Only a measure after it: 评选红旗项目 of 省重点建设项目评选红旗项目 counts another 项目, 的出口贸易指数 is another 指数.)
  return measure.length >= 2 && headOf(measure) && !measure.includes(named.slice(-2)) && !measure.startsWith('的') ? `${named}${measure}` : undefined;
}

/**
 * What the last metric said before the word a short follow-up stands parallel to: 百年百项 of
 * 百年百项开工率 for 竣工率 (same length, the same last two characters, another word). Undefined otherwise.
 */
function frameBefore(own: string, last: string): string | undefined {
  const l = last.replace(/\s+/g, '');
  // (研发机构覆盖率呢 after 规上工业研发活动覆盖率: a measure that opens and ends as the last's does, in its frame, 规上工业.)
  const opens = /^[\u4e00-\u9fff]{4,}$/.test(own) && !l.endsWith(own) && l.endsWith(own.slice(-2)) ? l.indexOf(own.slice(0, 2)) : -1;
  if (opens >= 2) return l.slice(0, opens);
  if (!/^[\u4e00-\u9fff]{3}$/.test(own) || l.length < own.length + 2 || l.endsWith(own)) return undefined;
  const end = l.slice(-own.length);
  return end.slice(-2) === own.slice(-2) ? l.slice(0, -own.length) : undefined;
}

/** 全国平均, 全省平均增速: an average of a frame (rankFrames) a figure is set against, asked alone. */
function yardstick(own: string, frames: readonly string[]): boolean {
  const word = own.replace(/\s+/g, '');
  return frames.some((f) => word.startsWith(`${f}平均`));
}

/** 总额多少, 累计呢: a word of the list alone (a head that says only how something is measured, a qualifier), of a metric left unsaid. */
function alone(q: Query, words: readonly string[]): boolean {
  return words.includes(q.metric.replace(/\s+/g, ''));
}

/**
 * 上市了几家 after 第46项任务: a word or two of what was done (with 了), no place, no period, no
 * task of its own; or a short name of a figure the task itself states (重点培育企业几家 after 第52项).
 */
function doneOfTask(q: Query, last: Query, inTask: FollowUpWords['inTask'], qualifiers: readonly string[]): boolean {
  if (last.task?.number === undefined || q.task?.number !== undefined || q.places.length || (q.intent !== 'value' && q.intent !== 'growth')) return false;
  const words = q.metric.replace(/\s+/g, '').length;
  // (上半年实际引进多少 after 第20项: a word of the task's own, of the period asked.)
  if (q.period) return q.period.kind !== 'span' && words >= 2 && words <= 12 && inTask(q, last);
  // (现在有多少家, 现在累计多少项: no word of what, only the unit it is counted in.)
  if ((!words || alone(q, qualifiers)) && q.unit && inTask({ ...q, metric: '' }, last)) return true;
  return (words <= 4 && /[\u4e00-\u9fff]了(?:多少|几)/.test(q.text)) || (words >= 2 && words <= 12 && inTask(q, last));
}

/**
 * A word of two or three characters the last metric holds, asked alone, of no place (引进 of 新引进高层次人才);
 * held as itself, not only inside a longer word that says which (出口 inside 进出口 is another metric).
 */
function wordOfLast(q: Query, last: Query, counterparts: readonly (readonly string[])[]): boolean {
  const word = q.metric.replace(/\s+/g, '');
  const before = apart(last.metric.replace(/\s+/g, ''), word, counterparts);
  return word.length >= 2 && word.length <= 3 && before.length > word.length + 1 && before.includes(word) && !q.places.length && !q.task && !q.parts;
}

/** A metric with the counterparts that hold a word inside them (进出口 of 出口) blanked out: there the word is not itself. */
function apart(metric: string, word: string, counterparts: readonly (readonly string[])[]): string {
  return withoutWordsHolding(metric, [word], counterparts.flat());
}

/** 支出 after 一般公共预算收入, 出口 after 进出口: the last metric with the counterpart asked in its place (lexicon followUpQualifiers.counterparts). */
function counterpartOf(own: string, last: string, counterparts: readonly (readonly string[])[]): string | undefined {
  const word = own.replace(/\s+/g, '');
  const before = last.replace(/\s+/g, '');
  if (apart(before, word, counterparts).includes(word)) return undefined;
  const other = counterparts.find((g) => g.includes(word))?.filter((w) => w !== word && before.includes(w)).sort((a, b) => b.length - a.length)[0];
  if (!other) return undefined;
  const at = before.lastIndexOf(other);
  return `${before.slice(0, at)}${word}${before.slice(at + other.length)}`;
}

/** Whether the question leaves out what it asks about, so the last query fills it in. */
function isFollowUp(q: Query, last: Query, { frames, heads, qualifiers, generic, inTask, thing, home, counterparts }: FollowUpWords): boolean {
  if (STANDALONE.has(q.intent) || STANDALONE.has(last.intent)) return false;
  if (q.followUp && !q.period && otherThing(q.metric, last.metric, thing)) return true;
  // 比5月多多少: a computation from the last figure.
  if (q.intent === 'compute') return Boolean(q.parts && !q.parts[0].metric && !q.parts[0].period && !q.parts[0].places.length && FIGURE_INTENTS.has(last.intent) && last.metric);
  if (q.parts?.length) return false;
  // 一般公共预算收入 after 龙湾 alone: of the place just named, whatever the metric.
  // (Not after a plan's measure, 嘉善意见第(58)条: its place is the plan's.)
  if (last.places.length && !ownMetric(last, frames) && !last.task && !last.scope && FIGURE_INTENTS.has(last.intent) && !q.places.length && ownMetric(q, frames) && FIGURE_INTENTS.has(q.intent)) return true;
  // 完成多少, 完成率呢, 总投资呢: of the last answer's subject, whatever it was.
  if (generic(q) && !q.task && (last.metric || last.task?.number !== undefined)) return true;
  // 上市了几家, 压减了多少 after a task: a short word of what was done, of that task.
  if (doneOfTask(q, last, inTask, qualifiers)) return true;
  const aboutTask = last.task?.number !== undefined || last.intent === 'task';
  if (q.task?.number !== undefined) return aboutTask && !q.metric && q.followUp === true ? true : aboutTask && !q.metric && !q.task.aspect;
  // 其中哪些滞后 after a department's tasks: those of them.
  if ((q.task?.statuses?.length || q.task?.unmarked) && !q.task.department && q.followUp && last.task?.department) return true;
  // 其中哪些是交通局的 after the lagging tasks: those of them the department has.
  if (q.task?.department && !q.task.statuses?.length && !q.task.unmarked && q.followUp && (last.task?.statuses?.length || last.task?.unmarked)) return true;
  if (q.task?.statuses?.length || q.task?.department || q.task?.unmarked) return false;
  if (!ownMetric(q, frames) || ((alone(q, heads) || alone(q, qualifiers)) && last.metric)) return true;
  // (全国地级市排第几 after a figure: its rank among the places it is one of, no metric of its own.)
  if (rankOfLast(q, last, frames)) return true;
  // 全年要引进多少 after 新引进高层次人才: a word of the last metric alone asks it again.
  if (wordOfLast(q, last, counterparts)) return true;
  // 支出呢 after 一般公共预算收入: its counterpart.
  if (!q.places.length && !q.period && counterpartOf(ownMetric(q, frames), last.metric, counterparts)) return true;
  // 完工多少 after 舟山's figures: a figure asked of no place goes on with the conversation's place, never the home city's.
  if (!q.places.length && !q.task && FIGURE_INTENTS.has(q.intent) && FIGURE_INTENTS.has(last.intent) && last.places.some((p) => !p.relative && p.region && p.region !== home)) return true;
  // 那进出口呢: a new metric in the old setting; so is a short metric typed alone (一产, 二产 after 2017年嘉兴GDP).
  const bare = q.text.replace(/[\s？?。！!，,]/g, '').toLowerCase() === q.metric.replace(/\s+/g, '') && q.metric.length <= 6;
  return (q.followUp === true || (bare && FIGURE_INTENTS.has(last.intent))) && q.metric.length <= 14 && !q.period && !q.places.length;
}

/** The last query with what the new question pins put in; `carried` names what was kept. */
export function followUp(q: Query, last: Query, { frames, heads, qualifiers, alternatives, counterparts, generic, light, unitOf, thing, inTask, qualifiedHead, sameHead, headOf, metricQualifiers, scopesBeside, named, industry: isIndustry, doings, measuredEnd, given, measureOf }: FollowUpWords = NO_WORDS): Query {
  if (q.intent === 'compute' && q.parts) {
    const a: Query = makeQuery({ ...last, text: last.text, parts: undefined, carried: undefined, followUp: undefined });
    // The whole keeps the comparison's words (比全省), as the question written out would.
    // (A basis written out, 两年平均, picks the gap said of it: 两年平均增长10.7%,比全省高出0.4个百分点.)
    const metric = [last.metric, last.basis && !/^[同环]比$/.test(last.basis) ? last.basis : '', q.metric].filter(Boolean).join(' ');
    // (占全市比重 after 定海GDP: 舟山's whole.)
    const b = q.parts[1];
    const whole = b.places.every((p) => p.relative) ? makeQuery({ ...b, places: scopesBeside(b.places, last.places) }) : b;
    return makeQuery({ ...a, text: q.text, metric, intent: 'compute', compute: q.compute, parts: [a, whole], corrections: q.corrections, carried: ['metric', ...(last.places.length ? ['place'] : []), ...(last.period ? ['period'] : [])] });
  }
  const carried: string[] = [];
  const merged: Query = makeQuery({ ...last, text: q.text, parts: undefined, carried: undefined, corrections: q.corrections, followUp: undefined, corrects: undefined, beside: undefined, withinYear: undefined });
  // (全年要引进多少 after 新引进高层次人才: a doing the last metric holds asks that metric again, as a question of it.)
  const asked = generic(q);
  const word = asked && doings.includes(asked) && last.metric.replace(/\s+/g, '').includes(asked) ? undefined : asked;
  const ofTask = (word !== undefined || doneOfTask(q, last, inTask, qualifiers)) && last.task?.number !== undefined;
  const frame = q.followUp ? frameBefore(ownMetric(q, frames), ownMetric(last, frames)) : undefined;
  const swapped = otherThing(q.metric, last.metric, thing);
  const industry = q.followUp ? industryOf(ownMetric(q, frames), last.metric, isIndustry) : undefined;
  const partOfHead = q.followUp && !industry ? headedPart(ownMetric(q, frames), last.metric, measureOf, given) : undefined;
  const qualified = q.metric.trim() && last.metric ? qualifiedHead(q.metric, last.metric) : undefined;
  const counterpart = counterpartOf(ownMetric(q, frames), ownMetric(last, frames), counterparts);
  const ofKind = q.followUp && !q.period ? sameKind(ownMetric(q, frames), ownMetric(last, frames), headOf) : undefined;
  if (rankOfLast(q, last, frames)) {
    // 全国地级市排第几 after 城市信用监测综合指数: the rank of the last metric among those places.
    merged.metric = `${last.metric.trim()} ${q.metric.trim()}`.trim();
    carried.push('metric');
  } else if (yardstick(ownMetric(q), frames) && last.metric) {
    // 全国平均呢 after 农村居民收入: the average the last metric is set against, in its own sentence (10489元), not another's.
    merged.metric = `${last.metric.trim()} ${ownMetric(q)}`;
    carried.push('metric');
  } else if (ofTask) {
    // 完成多少 after a task: a figure of that task.
    merged.metric = q.metric;
    merged.qualifiers = q.qualifiers;
    merged.unit = q.unit;
  } else if (partOfHead) {
    // 基础设施呢 after 固投: the part the reports name with the last metric's head (基础设施投资), not the word alone.
    merged.metric = partOfHead;
    merged.qualifiers = q.qualifiers;
    carried.push('metric');
  } else if (industry) {
    // 装备制造业呢 after 战略性新兴产业增加值占规上比重: the same measure of the other industry.
    merged.metric = industry;
    merged.qualifiers = q.qualifiers;
    carried.push('metric');
  } else if (word && last.metric) {
    // 完成了多少 after a figure: its result; 完成率呢, 总投资呢: that of the same subject.
    // (After 完成率呢, 总投资呢 is of the subject again, not of its 完成率.)
    const said = last.beside ? last.metric.replace(new RegExp(`\\s*${escapeRegExp(last.beside.word)}$`), '') : last.metric;
    // (建成几家 after 新增小微企业园: what was done of the same thing, 小微企业园 — the last one's doing is not this one's.)
    // (开工了几个 after 攻坚项目完成投资: of the thing, not of what was measured of it.)
    const doing = doings.includes(word);
    const done = doing ? doings.find((w) => w !== word && said.replace(/\s+/g, '').startsWith(w)) : undefined;
    const thing = (done ? said.replace(/\s+/g, '').slice(done.length) : said.replace(/\s+/g, '')).replace(measuredEnd, '');
    const subject = doing && thing ? thing : said;
    const bare = subject.replace(/\s+/g, '');
    merged.metric = light(word) || bare.endsWith(word) ? subject : doing ? `${word} ${subject}` : `${subject} ${word}`;
    if (done) merged.qualifiers = last.qualifiers.filter((x) => x !== done);
    // (完成率 is not measured in the last figure's 亩; 总投资 is measured in money.)
    merged.unit = light(word) ? (q.unit ?? last.unit) : (q.unit ?? unitOf(word));
    carried.push('metric');
  } else if (alone(q, heads) && last.metric) {
    // 总额多少 after 进出口: the total of the last metric.
    const head = q.metric.replace(/\s+/g, '');
    merged.metric = last.metric.replace(/\s+/g, '').endsWith(head) ? last.metric : `${last.metric}${head}`;
    carried.push('metric');
  } else if (alone(q, qualifiers) && last.metric) {
    // 累计呢, 城镇呢: the last metric, so qualified.
    const qualifier = q.metric.replace(/\s+/g, '');
    // 农村呢 after 城镇居民收入: the alternative takes the other's place.
    const other = alternatives.find((g) => g.includes(qualifier))?.find((w) => w !== qualifier && last.metric.includes(w));
    // (工业呢 after 规上工业增加值: the whole industry's, the qualifiers said before it dropped.)
    const bare = ownMetric(last).replace(/\s+/g, '');
    const before = bare.slice(0, Math.max(0, bare.indexOf(qualifier)));
    const dropped = before && metricQualifiers.filter((w) => before.includes(w));
    const onlyQualifiers = dropped && dropped.length && !dropped.reduce((rest, w) => rest.split(w).join(''), before);
    merged.metric = onlyQualifiers ? bare.slice(before.length) : last.metric.includes(qualifier) ? last.metric : other ? last.metric.split(other).join(qualifier) : `${qualifier}${last.metric}`;
    if (onlyQualifiers) merged.qualifiers = merged.qualifiers.filter((x) => merged.metric.includes(x));
    if (other) merged.qualifiers = merged.qualifiers.map((x) => (x === other ? qualifier : x));
    carried.push('metric');
  } else if (counterpart) {
    // 支出呢 after 一般公共预算收入: the counterpart in its place (一般公共预算支出), not any 支出 (民生支出).
    merged.metric = counterpart;
    merged.qualifiers = merged.qualifiers.filter((x) => merged.metric.includes(x));
    carried.push('metric');
  } else if (parallel(ownMetric(q, frames), ownMetric(last, frames)) !== undefined) {
    // 存款呢 after 贷款余额: the same measure of the parallel thing (存款余额); 出口呢 after 进出口贸易指数, 出口贸易指数.
    // (Where the reports name it so: 粮油呢 after 石油制品 is 粮油食品类, no 粮油制品 — the word alone, in the same place and time.)
    const own = ownMetric(q, frames);
    const measure = parallel(own, ownMetric(last, frames))!;
    const made = own + measure;
    merged.metric = named(own, measure) ? made : own;
    // (进出口 qualified 进出口总额, not 出口总额.)
    merged.qualifiers = merged.qualifiers.filter((x) => merged.metric.includes(x));
    if (merged.metric === made) carried.push('metric');
  } else if (parallelInside(ownMetric(q, frames), ownMetric(last, frames), metricQualifiers) !== undefined) {
    // 存款呢 after 金融机构贷款余额: the parallel word in its place, inside the last metric.
    merged.metric = parallelInside(ownMetric(q, frames), ownMetric(last, frames), metricQualifiers)!;
    merged.qualifiers = merged.qualifiers.filter((x) => merged.metric.includes(x));
    carried.push('metric');
  } else if (frame) {
    // 竣工率呢 after 百年百项开工率: the parallel measure of the same thing (百年百项竣工率).
    merged.metric = frame + ownMetric(q, frames);
    carried.push('metric');
  } else if (swapped) {
    // 中电科南湖研究院呢 after 南湖实验室引进科研人员: the same measure of the other thing
    // (南湖 in its name is no place asked).
    merged.metric = swapped;
    merged.owner = undefined;
    q = makeQuery({ ...q, places: [] });
    carried.push('metric');
  } else if (ofKind) {
    // 市级投资项目呢 after 省重点建设项目投资完成率: the same measure of the other kind of 项目.
    merged.metric = ofKind;
    merged.qualifiers = merged.qualifiers.filter((x) => merged.metric.includes(x));
    carried.push('metric');
  } else if (qualified) {
    // 其中一般公共预算呢 after 财政总收入: the qualifier said of the last metric's head (一般公共预算收入).
    merged.metric = `${q.metric.replace(/\s+/g, '')}${qualified}`;
    merged.qualifiers = q.qualifiers;
    carried.push('metric');
  } else if (wordOfLast(q, last, counterparts)) {
    // 全年要引进多少 after 新引进高层次人才: the last metric, of the period and nature asked.
    carried.push('metric');
  } else if (ownMetric(q, frames)) {
    // 不对，我问的是大学生 after 新引进高层次人才: the thing corrected, done as the last was (新引进大学生).
    // (高新技术企业呢 after 新增科技型中小企业: the same done to another thing of the same head.)
    const verb = (q.corrects || (q.followUp && sameHead(q.metric, last.metric))) && !LEADING.test(q.metric.trim()) ? last.metric.trim().match(LEADING)?.[0] : undefined;
    // 对一带一路沿线呢 after 出口增长多少: whom the last metric goes to (对…出口).
    const toward = /^对[\u4e00-\u9fff“”"]{2,}$/.test(q.metric.replace(/\s+/g, '')) && last.metric ? `${q.metric.trim()}${last.metric.trim()}` : undefined;
    // (重点项目呢 after 无废城市…指标完成几项: what was done, of the other thing.)
    const done = !verb && !toward && q.followUp && !q.corrects ? last.metric.trim().match(/(?:完成|建成|开工|竣工|验收)$/)?.[0] : undefined;
    merged.metric = toward ?? (verb ? `${verb}${q.metric.trim()}` : done && !q.metric.includes(done) ? `${q.metric.trim()}${done}` : q.metric);
    merged.qualifiers = q.qualifiers;
    merged.unit = q.unit;
  } else if (last.metric) carried.push('metric');
  if (q.eachPlace || q.places.length) {
    merged.eachPlace = q.eachPlace;
    // (全市呢 after 定海GDP: 舟山's, the city the conversation's place lies in, not the home city's.)
    merged.places = q.places.every((p) => p.relative) ? scopesBeside(q.places, last.places, true) : q.places;
    // (全市呢 after a zone's figure: the city's; the zone goes with the old place.)
    merged.owner = undefined;
    // The old place's words leave the metric with it (桐乡实到外资 → 濮院呢, 各县市呢).
    if (!ownMetric(q)) for (const p of last.places) merged.metric = merged.metric.split(p.text).join(' ').replace(/\s+/g, ' ').trim();
    // So does a thing in it (临沪高能级智慧产业新区完成工业投入 → 全市呢 asks the city's 完成工业投入).
    const within = !ownMetric(q) ? thing(merged.metric.replace(/\s+/g, '')) : undefined;
    if (within) merged.metric = merged.metric.replace(/\s+/g, '').slice(within.length);
  } else if (last.places.length) carried.push('place');
  if (q.period) {
    merged.period = q.period;
    merged.relative = q.relative;
    // 上年呢, 上月呢 after a 2019 figure: the year (month) before the conversation's, not today's.
    const before = q.relative ? periodBefore(q.relative, last) : undefined;
    if (before) {
      merged.period = before;
      merged.relative = undefined;
    }
  } else if (q.relative === 'latest') {
    // 现在有几家: the latest figure, whatever period the conversation was in.
    merged.period = undefined;
    merged.relative = 'latest';
  } else if (last.period) carried.push('period');
  if (q.nature) {
    merged.nature = q.nature;
    // 目标呢 after a result: a target's period is its year, not the result's month.
    // (A year's result keeps its year: 19年GDP → 目标呢 asks 2019's target, not a five-year one.)
    if (!q.period && last.nature !== q.nature && last.period?.kind !== 'year') carried.push('soft-period');
  } else if (last.nature) carried.push('nature');
  if (q.basis) merged.basis = q.basis;
  if (q.unit) merged.unit = q.unit;
  if (q.scope) merged.scope = q.scope;
  const task = { ...(last.task ?? {}), ...(q.task ?? {}) };
  if (q.task?.number !== undefined) delete task.aspect;
  if (q.task?.aspect) task.aspect = q.task.aspect;
  // (A figure asked of a task asks no aspect of it.)
  if (ofTask) delete task.aspect;
  if (Object.keys(task).length) merged.task = task;
  if (last.task?.number !== undefined && q.task?.number === undefined) carried.push('task');
  // The new question's own intent wins where it says one: 同比呢 asks a change, 谁牵头 a task;
  // 全省第几, 增速全省第几: the last figure's rank, said in words (列全省第5位) beside it.
  if (RANKED.test(q.text) && (q.intent === 'fact' || q.intent === 'growth')) {
    merged.intent = 'fact';
    merged.metric = [merged.metric, q.intent === 'growth' ? '增速' : '', q.metric].filter(Boolean).join(' ');
  } else if (q.intent === 'growth' || (q.basis && FIGURE_INTENTS.has(last.intent))) merged.intent = 'growth';
  else if (q.task?.aspect || q.task?.number !== undefined) merged.intent = 'task';
  else if (q.intent !== 'value' && q.intent !== 'fact') merged.intent = q.intent;
  else if (last.intent === 'fact' && RANKED.test(last.text) && !ownMetric(q, frames)) {
    // 五年前是多少 after 全省第几: the figure again, without the ranking's words.
    merged.intent = q.intent;
    merged.metric = ownMetric(makeQuery({ ...last, places: [] }), frames).replace(/\s+/g, ' ');
  }
  // A generic word asks a figure, whatever the last answer was; so does what was done of a task (引进了多少).
  if (word || ofTask) merged.intent = q.intent === 'growth' ? 'growth' : 'value';
  merged.carried = carried;
  return merged;
}

/** The year or month before the last query's, for 上年呢 and 上月呢 in a conversation. */
function periodBefore(relative: Query['relative'], last: Query): Query['period'] {
  const p = last.period;
  if (!p?.year) return undefined;
  if (relative === 'last-year') return { kind: 'year', year: p.year - 1, label: `${p.year - 1}年` };
  if (relative === 'last-month' && p.kind === 'month' && p.to) {
    const [year, month] = p.to === 1 ? [p.year - 1, 12] : [p.year, p.to - 1];
    return { kind: 'month', year, to: month, label: `${year}年${month}月` };
  }
  return undefined;
}

/**
 * 高能耗的呢 after 低产出企业 of 低产出企业171家,高能耗企业108家: a word alone that the last figure's
 * sentence writes before the same tail as the metric asked (企业, 碧水河道) is that parallel figure.
 */
function parallelInSentence(q: Query, last: Query, figure: Indicator, qualifiers: readonly string[]): Query | undefined {
  const sentence = figure.sentence;
  const word = q.metric.replace(/\s+/g, '').replace(/的$/, '');
  const metric = last.metric.replace(/\s+/g, '');
  if (word.length < 2 || word.length > 6 || q.period || q.places.length || q.task || !metric || metric.includes(word)) return undefined;
  const said = fold(sentence);
  const at = said.indexOf(word);
  // (Two parallel figures: the sentence names the one asked as it was asked. 累计呢 is a qualifier's, not this.)
  if (at < 0 || qualifiers.includes(word)) return undefined;
  const after = said.slice(at + word.length);
  for (let n = metric.length - 1; n >= 2; n--) {
    const tail = metric.slice(-n);
    // (In the figure's setting: 注册的呢 after 鹃湖科技城's 签约项目 is that zone's, in 海宁市.)
    const places = last.places.length || figure.placeless || !figure.region ? last.places : [{ region: figure.region, text: figure.region }];
    if (after.startsWith(tail) && said.includes(metric.slice(-n - 2))) return makeQuery({ ...last, text: q.text, metric: `${word}${tail}`, qualifiers: last.qualifiers.filter((x) => tail.includes(x)), places, ...(figure.owner ? { owner: figure.owner } : {}), carried: ['metric', ...(places.length ? ['place'] : []), ...(last.period ? ['period'] : []), ...(figure.owner ? ['owner'] : [])] });
  }
  return undefined;
}

/**
 * 桐乡2017年财政总收入和一般公共预算收入分别多少 → 一般公共预算收入占财政总收入的几成: a
 * computation of the metrics just asked, naming no place or period, is of the same ones.
 */
function keepSetting(q: Query, last: Query): Query | undefined {
  if (q.intent !== 'compute' || !q.parts || (!last.places.length && !last.period)) return undefined;
  const asked = last.metric.replace(/\s+/g, '');
  const unset = q.parts.every((p) => !p.places.length && !p.period && p.metric && asked.includes(p.metric.replace(/\s+/g, '')));
  if (!unset) return undefined;
  const parts = q.parts.map((p) => makeQuery({ ...p, places: last.places, ...(last.period ? { period: last.period } : {}) }));
  return makeQuery({ ...q, parts, places: last.places, ...(last.period ? { period: last.period } : {}), carried: [...(last.places.length ? ['place'] : []), ...(last.period ? ['period'] : [])] });
}

/**
 * 污水管网改造多少户 right after 濮院2017年新增污水管网多少公里: a question of no place and no
 * period that another figure of the last answer's sentence answers, in that figure's setting,
 * is asked of that sentence, read on — of whatever place, the home city's too.
 */
function sameSentence(k: Knowledge, q: Query, figure: KnowledgeRecord | undefined, last: Query): Query | undefined {
  if (figure?.type !== 'indicator' || figure.placeless || !figure.region) return undefined;
  if (q.places.length || q.period || q.task || !q.metric.trim() || (q.intent !== 'value' && q.intent !== 'growth')) return undefined;
  // (引进世界500强几个 after 临沪高能级智慧产业新区's 工业投入: that zone's, of its sentence's period.)
  const owner = figure.owner;
  const period = last.period ?? (owner ? figure.period : undefined);
  const setting = makeQuery({ ...q, places: [{ region: figure.region, text: figure.region }], period, owner, carried: ['place', ...(period ? ['period'] : []), ...(owner ? ['owner'] : [])] });
  const read = readMetric(setting.metric, k.lex);
  const fitting = sentenceMates(k, figure).filter((x) => misfit(k, setting, x, read) === undefined);
  // (开工了几个 after 150个攻坚项目累计完成投资320亿元: its sentence's 推动项目开工41个, not 百年百项's 已开工103个 elsewhere.)
  const best = fitting.length ? match(k, setting, ['indicator']).answers.find((c) => fitting.includes(c.record as Indicator)) : undefined;
  if (best) return makeQuery({ ...setting, beside: { id: best.record.id, word: fold(q.metric), counted: true } });
  if (fitting.length) return setting;
  // (给了多少家小微企业 after 平台…发放信用贷款123.98亿元: the count its sentence writes right
  // before the thing asked, 为3168家小微企业发放, counts that thing.)
  const thing = fold(q.metric);
  const counted = q.unit && thing.length >= 2 && sentenceMates(k, figure).find((x) => x.unit === q.unit && fold(x.sentence).includes(fold(x.figure) + thing));
  return counted ? makeQuery({ ...setting, beside: { id: counted.id, word: thing, counted: true } }) : undefined;
}

/** The short line that says what a follow-up took from the conversation. */
function carriedLine(asked: Query, frames: readonly string[]): string | undefined {
  const c = asked.carried ?? [];
  // A computation's carried setting is that of the figure it starts from.
  const q = asked.intent === 'compute' && asked.parts ? asked.parts[0] : asked;
  if (!c.length) return undefined;
  const parts: string[] = [];
  if (c.includes('task') && q.task?.number !== undefined) parts.push(q.scope?.kind === 'plan' ? `第（${q.task.number}）条` : `第${q.task.number}项任务`);
  // The metric as folded for matching; Latin words (GDP, PM2.5) as people write them.
  if (c.includes('metric') && ownMetric(q, frames)) parts.push(ownMetric(q, frames).replace(/\s+/g, '').replace(/[a-z]+/g, (w) => w.toUpperCase()));
  if (q.owner) parts.push(q.owner);
  if (c.includes('place')) parts.push(q.places.map((p) => p.region ?? p.text).join('、'));
  if (c.includes('period') && q.period) parts.push(q.period.label);
  if (c.includes('nature') && q.nature) parts.push(q.nature === 'target' ? '目标' : '实际');
  return parts.length ? `按上文：${parts.join(' · ')}` : undefined;
}

/** Likely next questions that the records can answer, for buttons under an indicator answer. */
function nextQuestions(k: Knowledge, answer: Answer, q: Query): Answer['followUps'] {
  const lead = answer.records[0];
  if (answer.kind === 'task' && q.task?.number !== undefined) {
    return q.task.aspect === 'who' ? [{ label: '进展', question: '进展如何' }] : [{ label: '谁牵头', question: '谁牵头' }];
  }
  if (answer.kind !== 'indicator' || !lead) return undefined;
  const best = k.byId.get(lead.id) as Indicator | undefined;
  if (!best || best.type !== 'indicator') return undefined;
  const same = (k.byName.get(best.name.toLowerCase()) ?? []).filter((x) => x.id !== best.id);
  const out: NonNullable<Answer['followUps']> = [];
  if (q.intent !== 'growth' && best.growth.length && !best.isChange) out.push({ label: best.growth[0].basis === '增长' ? '增长多少' : best.growth[0].basis, question: `${best.growth[0].basis === '增长' ? '增长' : best.growth[0].basis}多少` });
  const periods = [...new Set(same.filter((x) => x.region === best.region && x.nature === best.nature && x.period.label !== best.period.label).map((x) => x.period.label))];
  for (const p of periods.slice(0, 2)) out.push({ label: p, question: `那${p}呢` });
  if (best.nature === 'actual' && same.some((x) => x.region === best.region && x.nature === 'target')) out.push({ label: '目标', question: '目标呢' });
  const regions = [...new Set(same.filter((x) => x.region !== best.region && x.period.label === best.period.label).map((x) => x.region))];
  if (regions.length >= 2 && !q.eachPlace) out.push({ label: '各县市', question: '各县市呢' });
  else for (const r of regions.slice(0, 2)) out.push({ label: r, question: `${r}呢` });
  return out.length ? out.slice(0, 4) : undefined;
}

export class Conversations {
  private readonly words: FollowUpWords;

  constructor(
    private readonly k: Knowledge,
    private readonly store: ContextStore,
    private readonly now: () => Date,
  ) {
    this.words = followUpWords(k);
  }

  /**
   * The queries of the last two figures, each pinned to its figure's place, period and nature:
   * a result and a target, the result first (还差多少: how far it is from the target); else the
   * last first (占几成: of the one before).
   */
  private lastTwo(last: Context): [Query, Query] | undefined {
    const figures = [last.figure, last.before?.figure].map((id) => (id ? this.k.byId.get(id) : undefined));
    if (!last.before || figures.some((f) => f?.type !== 'indicator')) return undefined;
    const [a, b] = ([[last.query, figures[0]], [last.before.query, figures[1]]] as const).map(([query, f]) => {
      const x = f as Indicator;
      return makeQuery({ ...query, intent: 'value', period: x.period, relative: undefined, nature: x.nature, places: [{ region: x.region, text: x.region }], carried: undefined, parts: undefined, compute: undefined });
    });
    return a.nature === 'target' && b.nature === 'actual' ? [b, a] : [a, b];
  }

  private last(id: string): Context | undefined {
    const saved = this.store.get(id);
    if (!saved || this.now().getTime() - saved.at > IDLE_MS) return undefined;
    try {
      return readContext(saved.value);
    } catch {
      return undefined;
    }
  }

  /**
   * 更多, 下一页: the next page of the conversation's last list, as its query and offset; undefined
   * when the text asks something else or there is no page left.
   */
  nextPage(id: string, text: string): { query: Query; offset: number } | 'none left' | undefined {
    const bare = text.trim().toLowerCase().replace(/[\s。？?！!，,.]+/g, '');
    if (!this.k.lex.lexicon.moreWords.includes(bare)) return undefined;
    const last = this.last(id);
    return last?.next !== undefined ? { query: last.query, offset: last.next } : 'none left';
  }

  /** 原文呢: the source sentence of the conversation's last answer, as an Answer, if the text asks for it. */
  quote(id: string, text: string): Answer | undefined {
    const said = text.trim().toLowerCase().replace(/[\s。？?！!，,.呢吗]+/g, '');
    // (进展原文咋写的: which part of the last answer, before the words that ask its quote.)
    const lead = this.k.lex.lexicon.quoteLeads.find((w) => said.startsWith(w) && said.length > w.length);
    const bare = lead ? said.slice(lead.length) : said;
    if (!this.k.lex.lexicon.quoteWords.some((w) => w.replace(/呢$/, '') === bare)) return undefined;
    const last = this.last(id);
    if (!last?.quote) return undefined;
    const quote: Line = [span(`原文：“${last.quote}。”`)];
    const source: Line[] = last.source ? [[span(`来源：${last.source.title}（${last.source.date}）`)]] : [];
    // 信息来源是哪, 出自哪个文件: the document first; 原文呢: the sentence first.
    const lines: Line[] = /来源|出自|出处|文件/.test(bare) && source.length ? [...source, quote] : [quote, ...source];
    return { question: text, kind: 'passage', text: textOf(lines), lines, records: [], sources: last.source ? [last.source] : [], quote: last.quote, query: last.query };
  }

  /** The question as asked in this conversation: a follow-up filled in from the last query. */
  resolve(id: string, q: Query): Query {
    return this.resolveIn(this.last(id), q);
  }

  /** The question as asked after a conversation as stored (a button's, to try it before offering it). */
  resolveAfter(value: string, q: Query): Query {
    try {
      return this.resolveIn(readContext(value), q);
    } catch {
      return q;
    }
  }

  /**
   * 为调整预期的多少 after 企业所得税45.78亿元: of the figures its sentence gives each of its subjects (增值税…为调整预期的
   * 99.8%; 企业所得税…为调整预期的93.1%), the one of the figure just answered.
   */
  private ofFigureAnswered(q: Query, figure: KnowledgeRecord | undefined, asked: Query): Query {
    // (Not when the question asks a period of its own.)
    if (q.beside || asked.period || figure?.type !== 'indicator') return q;
    // (What its own name says, every word of the question: 个税呢 after 企业所得税 asks no 为调整预期 of it.)
    const cs = concepts(this.k, q);
    const own = sentenceMates(this.k, figure).find((x) => x.subject === figure.name && coverage(fold(x.name), cs) >= 0.99 && misfit(this.k, q, x) === undefined);
    return own ? makeQuery({ ...q, beside: { id: figure.id, word: own.name } }) : q;
  }

  private resolveIn(last: Context | undefined, q: Query): Query {
    if (!last) return q;
    // 第一个是谁负责 after a list: the list's first task, in its table.
    const ordinal = q.text.match(/第([一二三四五六七八九十两\d]{1,3})个/);
    const at = ordinal ? (chineseNumber(ordinal[1]) ?? Number(ordinal[1])) : 0;
    if (ordinal && last.items && at >= 1 && at <= last.items.length) {
      const metric = q.metric.replace(ordinal[0], ' ').trim();
      const scope = last.query.scope?.source ? { source: last.query.scope.source } : undefined;
      return makeQuery({ ...q, metric, intent: 'task', task: { ...q.task, number: last.items[at - 1] }, ...(scope ? { scope } : {}), carried: ['task'] });
    }
    // 还差多少, 占几成 after two figures: the computation of those two.
    // (占比多少 alone, after two figures: the first's share of the second — no metric named 占比.)
    const shareAlone = !q.compute && !q.parts && !q.places.length && !q.period && /^(?:占比|比重|所占比重|占多少)$/.test(q.metric.replace(/\s+/g, ''));
    // (占比呢 after 女性269618人,所占比重47.96%: the share its sentence states beside it, before any computed.)
    const statedShare = shareAlone && last.figure ? figureBeside(this.k, last.figure, (x) => x.unit === '%' && SHARE_SAID.test(x.name)) : undefined;
    if (statedShare) return makeQuery({ ...last.query, text: q.text, intent: 'value', beside: { id: last.figure!, word: statedShare.name }, carried: ['metric'] });
    const compute = shareAlone ? 'share' : q.compute;
    const two = compute && !q.parts && (!q.metric.trim() || shareAlone) ? this.lastTwo(last) : undefined;
    if (two) return makeQuery({ ...two[0], text: q.text, intent: 'compute', compute: compute === 'difference' && two[0].nature !== two[1].nature ? 'shortfall' : compute, parts: two, carried: ['metric'] });
    // (占比呢 after one figure: its share, as a record names it — never any 占X% of the place.)
    if (shareAlone && last.query.metric.trim()) return makeQuery({ ...last.query, text: q.text, intent: 'value', metric: `${ownMetric(last.query)} 占比`, carried: ['metric'] });
    // (占全国呢 after 社零: 社零's share of the country's, not 减负's 占全国1.3%.)
    const shareOfWhole = !q.compute && !q.parts && !q.period && last.query.metric.trim() && this.words.frames.some((f) => new RegExp(`^占${f}(?:的?比重|份额|比例)?$`).test(ownMetric(q).replace(/\s+/g, '')));
    if (shareOfWhole) return makeQuery({ ...last.query, text: q.text, intent: 'value', metric: `${ownMetric(last.query)} ${ownMetric(q).replace(/\s+/g, '')}`, carried: ['metric'] });
    // 完成目标的比例 after a task: what its progress says was done, against what it sets out.
    const task = last.query.task?.number;
    if (q.compute === 'progress' && q.parts && !q.parts[0].metric && task !== undefined && !q.places.length && !q.period) {
      const of = { qualifiers: [], places: [], task: { number: task }, ...(last.query.scope ? { scope: last.query.scope } : {}) };
      const done = makeQuery({ ...of, text: '完成', intent: 'value', metric: '完成', nature: 'actual' });
      const set = makeQuery({ ...of, text: '目标', intent: 'value', metric: '', nature: 'target' });
      return makeQuery({ ...q, metric: done.metric, parts: [done, set], carried: ['task'] });
    }
    // 装备制造业呢 after 战略性新兴产业增加值占规上比重: the same share of the other industry.
    const lastParts = last.query.intent === 'compute' ? last.query.parts : undefined;
    const industry = lastParts?.length === 2 && q.followUp && !q.places.length && !q.period ? industryOf(ownMetric(q), lastParts[0].metric, this.words.industry) : undefined;
    if (industry && lastParts) {
      const whole = industryOf(ownMetric(q), last.query.metric, this.words.industry) ?? last.query.metric;
      return makeQuery({ ...last.query, text: q.text, metric: whole, parts: [makeQuery({ ...lastParts[0], metric: industry }), lastParts[1]], carried: ['metric', ...(last.query.period ? ['period'] : [])] });
    }
    // After a computation the figure it started from is what a follow-up goes on from.
    // (After one of a task, 完成目标的比例, the task.)
    const started = last.query.intent === 'compute' && last.query.parts?.[0].metric ? last.query.parts[0] : undefined;
    const asked = started?.task ? makeQuery({ ...started, text: last.query.text, intent: 'task', metric: '', nature: undefined }) : (started ?? last.query);
    // The figure answered says what the question left implicit: its year (6月 of 2021, for 上月呢).
    const figure = last.figure ? this.k.byId.get(last.figure) : undefined;
    const year = figure?.type === 'indicator' ? figure.period.year : undefined;
    // (上年呢 after 生猪出栏完成率, asked of no period: the year before the figure's.)
    const period = asked.period ? (asked.period.year === undefined && year !== undefined ? { ...asked.period, year } : asked.period) : q.relative && figure?.type === 'indicator' ? figure.period : undefined;
    // (桐乡呢 after 目标呢 answered with 2021's target: the year of the figure answered goes on with another place;
    // 全省呢 after 嘉兴's 2021年1-6月: so does its part of the year — never another year's figure of the other place.)
    // (Not a place inside another thing's name: 南湖 of 中电科南湖研究院呢.)
    const otherPlace = q.places.length && !otherThing(q.metric, asked.metric, this.words.thing);
    const pinned = !period && otherPlace && !q.period && figure?.type === 'indicator' && figure.period.year !== undefined && (figure.period.kind === 'year' || (['range', 'month', 'asof'].includes(figure.period.kind) && !ownMetric(q))) ? figure.period : undefined;
    const from = period || pinned ? makeQuery({ ...asked, period: period ?? pinned }) : asked;
    // 进度呢 after a figure (not a task): the progress figure of its subject, a generic word.
    if (q.intent === 'task' && q.task?.aspect === 'progress' && !q.metric && q.task.number === undefined && figure?.type === 'indicator' && from.task?.number === undefined && from.intent !== 'task') {
      q = makeQuery({ ...q, intent: 'value', task: undefined, metric: '进度', unit: this.words.unitOf('进度') });
    }
    // 文号呢, 哪天印发的 after a question of a document: that of the same document.
    const ofDocument = asked.intent === 'document' && q.intent !== 'document' && !q.places.length && !q.period ? this.words.documentAsk(q) : undefined;
    if (ofDocument) return makeQuery({ ...asked, text: q.text, ask: ofDocument, alsoAsk: undefined, carried: ['document'] });
    const sibling = figure?.type === 'indicator' ? parallelInSentence(q, from, figure, this.words.qualifiers) : undefined;
    if (sibling) return sibling;
    if (isFollowUp(q, from, this.words)) {
      const merged = followUp(q, from, this.words);
      // (超亿美元项目呢 after 临沪…新区's 引进世界500强项目: that zone's, if its sentence says it; else no zone's.)
      if (merged.owner && !merged.carried?.includes('metric') && !(figure?.type === 'indicator' && sentenceMates(this.k, figure).some((x) => misfit(this.k, merged, x) === undefined))) merged.owner = undefined;
      // (全年目标呢, 上半年实际 after a 2021 figure: a period that names no year is of the figure's year.)
      if (q.period && q.period.year === undefined && !q.relative && year !== undefined && q.period.kind !== 'span' && q.period.kind !== 'none' && merged.period?.year === undefined) {
        merged.period = { ...q.period, year, label: label({ ...q.period, year }) };
      }
      // …and its place: 上年呢 after 2019年GDP asks the city's, not any county's that has one.
      // (A market's index is no place's: nothing to carry.)
      if (figure?.type === 'indicator' && !figure.placeless && merged.carried?.includes('metric') && !merged.places.length && !merged.eachPlace) {
        merged.places = [{ region: figure.region, text: figure.region }];
      }
      // 完成了多少 after a target of 2021: the result of that year, or none — never another year's.
      if (figure?.type === 'indicator' && figure.nature === 'target' && figure.period.year !== undefined && !q.period && merged.nature === 'actual') merged.withinYear = figure.period.year;
      // 总投资呢 after a figure: first the one said beside it.
      const word = this.words.generic(q);
      // (完成了百分之几: the share of its target said beside it.)
      const share = word !== undefined && this.words.light(word) && q.unit === '%';
      // (上半年完成投资多少 asks a period of its own: the figure beside is another period's, maybe a plan.)
      if (word && (!this.words.light(word) || share) && last.figure && merged.task?.number === undefined && !q.period) merged.beside = { id: last.figure, word };
      return this.ofFigureAnswered(merged, figure, q);
    }
    const kept = keepSetting(q, last.query) ?? sameSentence(this.k, q, figure, from);
    if (kept) return this.ofFigureAnswered(kept, figure, q);
    // A new question of a task (第10项谁牵头) that names no table is of the table just answered from.
    const source = last.query.scope?.source;
    if (source && q.task && !q.scope && !q.period) return makeQuery({ ...q, scope: { source } });
    // 哪些滞后 after 西湖区民生实事: the tasks of the place just asked of — its table or none, never the home city's.
    const elsewhere = last.query.places.find((p) => p.region && !p.relative && p.region !== this.words.home);
    if (elsewhere && q.task && !q.task.number && !q.places.length && !q.scope) return makeQuery({ ...q, places: [elsewhere] });
    return q;
  }

  /** The conversation as it stands, as stored: what a button under the last answer carries. */
  saved(id: string): string | undefined {
    const saved = this.store.get(id);
    return saved && this.now().getTime() - saved.at <= IDLE_MS ? saved.value : undefined;
  }

  /**
   * Puts the conversation back where a button's answer left it (AskOptions.after). What cannot
   * be read as a conversation's context is ignored: the conversation stays as it is.
   */
  restore(id: string, value: string): void {
    try {
      const context = JSON.parse(value) as Context;
      if (!context || typeof context !== 'object' || typeof context.query?.intent !== 'string' || typeof context.query.metric !== 'string' || !Array.isArray(context.query.places)) return;
    } catch {
      return;
    }
    this.store.set(id, value, this.now().getTime());
  }

  /** Keeps the query an answer was given for, as the conversation's last. */
  remember(id: string, q: Query, answer: Answer): void {
    if (q.intent === 'thanks' || q.intent === 'greeting' || q.intent === 'help') return;
    const next = answer.more && answer.more.next < answer.more.total ? answer.more.next : undefined;
    // Tasks answered from one table: a follow-up on them (第10项谁牵头) goes on in that table.
    const records = answer.records.map((r) => this.k.byId.get(r.id));
    const tables = new Set(records.map((r) => (r?.type === 'task' ? r.source : undefined)));
    const source = tables.size === 1 ? [...tables][0] : undefined;
    // A task shown by what it is about is the conversation's task, by number (完成多少 asks of it).
    const shown = answer.kind === 'task' && records.length === 1 && records[0]?.type === 'task' ? records[0].number : null;
    const listed = answer.kind === 'list' || answer.kind === 'count' ? records.flatMap((r) => (r?.type === 'task' && r.number !== null ? [r.number] : [])) : [];
    // An item asked of the list (第二个是谁负责) keeps the list for the next (第一个呢).
    const items = listed.length ? listed : q.carried?.includes('task') ? (this.last(id)?.items ?? []) : [];
    // (A computation the reports state, 高新技术产业增加值占规上比重 65.2%: the figure stated, not its first side, is what follow-ups go on from.)
    const stated = q.intent === 'compute' && answer.kind === 'indicator' ? makeQuery({ ...q, intent: 'value', parts: undefined, compute: undefined }) : q;
    const context: Context = {
      ...(items.length ? { items } : {}),
      query: { ...stated, carried: undefined, ...(source ? { scope: { ...q.scope, source } } : {}), ...(shown !== null ? { task: { ...q.task, number: shown } } : {}) },
      ...(answer.quote ? { quote: answer.quote, source: answer.sources[0] } : {}),
      ...(next !== undefined ? { next } : {}),
      // (After 总投资呢 the subject is still the figure it was asked beside.)
      ...(q.beside ? { figure: q.beside.id } : answer.kind === 'indicator' && records[0]?.type === 'indicator' ? { figure: records[0].id } : {}),
    };
    // The figure before, while figures follow each other (实际利用外资上半年 → 全年目标多少 → 还差多少).
    const previous = this.last(id);
    if (context.figure && previous?.figure && previous.figure !== context.figure) context.before = { query: { ...previous.query, carried: undefined }, figure: previous.figure };
    this.store.set(id, JSON.stringify(context), this.now().getTime());
  }

  /** The answer with the line that says what it carried over, and the next questions to offer. */
  describe(answer: Answer, q: Query): Answer {
    const note = carriedLine(q, this.words.frames);
    const followUps = nextQuestions(this.k, answer, q);
    if (!note && !followUps) return answer;
    // The figure stays first; what was carried over follows it.
    const lines: Line[] = note ? [answer.lines[0], [span(`（${note}）`)], ...answer.lines.slice(1)] : answer.lines;
    return { ...answer, lines, text: textOf(lines), ...(followUps ? { followUps } : {}) };
  }
}
