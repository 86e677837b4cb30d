/**
 * Matching a query to records: the MiniSearch index proposes, hard constraints dispose, and
 * coverage — how much of the question's content a record actually says — decides whether
 * there is an answer at all. A record answers only when everything the query pins down that
 * the record could contradict agrees: the place, the period (same kind and span), target or
 * result, the basis of a change, the unit asked, the document, and the metric itself (its
 * qualifiers and head, see metric.ts). A record that fails one of these is never passed off
 * as the answer; it may be named as what the reports hold nearby.
 */
import type { Indicator, KnowledgeRecord, Period } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, sameNumber, type Query } from './query.js';
import { tokensOfFolded } from '../text/tokenize.js';
import { documentFrequency } from '../knowledge/search.js';
import { findPlaces, isSubjectMention, isWithin, thingsIn } from '../text/places.js';
import { lexicon } from '../knowledge/lexicon.js';
import { periodKey } from '../text/period.js';
import { escapeRegExp, fold, withoutWordsHolding } from '../text/normalize.js';
import { PROGRESS_STATED } from './generic.js';
import { surroundings } from './surroundings.js';
import { afterFrame, dimensionOf, holdsLoosely, onlyAliases, readMetric, sameMetric, type MetricReading } from './metric.js';

/** Why a record of the question's topic does not answer it. */
export type Misfit = 'place' | 'period' | 'nature' | 'basis' | 'growth' | 'level' | 'unit' | 'metric' | 'scope' | 'figure';

export interface Candidate {
  record: KnowledgeRecord;
  score: number;
  coverage: number;
  /** For indicators: the share of the question's words its name holds. */
  nameCoverage: number;
  /** For a record that does not answer: why. */
  misfit?: Misfit;
  /** For a record that does not answer: whether it is of the metric asked all the same. */
  sameMetric?: boolean;
}

/** Below this share of the question's content found in a record, the record does not answer it. */
export const MIN_COVERAGE = 0.7;
// The task a figure's section is (第88项任务:健全大救助体系…), as its haystack holds it.
const TASK_SECTION = /第\d+项任务[:：][^|]*/g;

export function recordPeriod(r: KnowledgeRecord): Period | undefined {
  return r.type === 'task' ? undefined : r.period;
}

/**
 * Whether a record's period is the one asked: the same kind and span. 6月 is not 1-6月, a
 * quarter is neither a month nor a half-year, a five-year span is no single year; a balance
 * at the end of June (6月末) answers for June, and 截至6月底 for 1-6月.
 */
export function periodFits(asked: Period, has: Period | undefined, taskYear?: number): boolean {
  if (!has) return asked.kind === 'year' ? taskYear === asked.year : false;
  if (asked.kind === 'span') {
    if (has.kind !== 'span') return false;
    if (asked.fromYear !== undefined && has.fromYear !== undefined) return asked.fromYear === has.fromYear && asked.toYear === has.toYear;
    return asked.fromYear === undefined ? has.label.includes(asked.label.slice(0, 2)) || has.fromYear !== undefined : false;
  }
  if (asked.year !== undefined && has.year !== asked.year) return false;
  switch (asked.kind) {
    case 'year':
      return has.kind === 'year' || (has.kind === 'asof' && has.to === 12) || (has.kind === 'range' && has.from === 1 && has.to === 12);
    case 'month':
      return (has.kind === 'month' || has.kind === 'asof') && has.to === asked.to;
    case 'range':
      return (has.kind === 'range' && has.from === asked.from && has.to === asked.to) || (asked.from === 1 && has.kind === 'asof' && has.to === asked.to);
    case 'asof':
      // 年末 of a year is what an annual report states for the year (2017年末贷款余额).
      if (asked.to === 12 && has.kind === 'year') return true;
      // 6月底 is 6月30日: a price quoted on the month's last day.
      if (has.kind === 'day' && has.to === asked.to && has.day === new Date(has.year ?? 2001, has.to ?? 0, 0).getDate()) return true;
      return (has.kind === 'asof' || has.kind === 'month' || (has.kind === 'range' && has.from === 1)) && has.to === asked.to;
    case 'day':
      return has.kind === 'day' && has.to === asked.to && has.day === asked.day;
    case 'since':
      return has.kind === 'since' || (has.kind === 'range' && has.from === 1);
    default:
      return false;
  }
}

function placeFits(k: Knowledge, q: Query, r: KnowledgeRecord): boolean {
  const hay = k.haystack.get(r.id)!;
  // A zone's, an institute's, a park's figure answers only a question that names it.
  if (r.type === 'indicator' && r.owner && !namesOwner(k, q, r)) return false;
  if (q.owner !== undefined && (r.type !== 'indicator' || r.owner !== q.owner)) return false;
  if (r.type === 'indicator' && !scopeFits(q, r)) return false;
  // A market's index is no place's: it answers only a question that names none.
  if (r.type === 'indicator' && r.placeless) return !q.places.length;
  // A question that names no place is of the home city: another place's figure is no answer to
  // it, unless the question names a thing of that place that the record names (鹃湖国际科技城).
  // (A figure of a document whose place nothing says is no answer to it either, whatever it names.)
  // (Words of its sentence the question says, 合众汽车 of 桐乡's report, only inside the home city:
  // 文旅投资完成多少 is the home city's 文旅投资, never 丽水's because 丽水's sentence says 文旅投资.)
  // (So is a task of another place's table: 应急救护人员培训谁牵头 is not 泰顺's 县红十字会.)
  // (Unless the question names a figure the task holds: 四好农村路55公里谁牵头 is of that task, wherever.)
  if (!q.places.length && r.type === 'task' && r.region && r.region !== HOME && !within(k, r.region, HOME)) return (q.text.match(/\d+(?:\.\d+)?[\u4e00-\u9fff%]/g) ?? []).some((f) => hay.includes(f));
  if (!q.places.length && r.type === 'indicator') return r.region === HOME || (r.region !== '' && (namesThingIn(k, q, hay) || (within(k, r.region, HOME) && namesSubjectOf(k, q, r))));
  return q.places.every((p) => {
    // 全区 asked of the home city, which is no district: no figure's own 全区 answers it.
    if (p.region === null && p.relative) return r.type === 'task' && hay.includes(p.text);
    if (p.region === null) return hay.includes(p.text);
    if (r.region === p.region) return true;
    // 全市 in a question is the home city; in a record's text it is the record's own place. A
    // task's text may use it as a word of its name (全国城乡交通运输一体化示范县).
    if (p.relative) return r.type === 'task' && hay.includes(p.text);
    // A task of a city table whose progress names the place; a statement of a place within
    // the one asked that names it (新联村成为桐乡唯一全国文明村, in 濮院镇's report).
    // (A figure of a place within it answers only where its own sentence makes the place asked its subject —
    // not where the document names it elsewhere, nor as the yardstick of a rank: 嵊泗's 一般公共预算收入 is no 舟山's.)
    if (r.type === 'task') return hay.includes(p.text);
    if (q.intent === 'fact' && r.type === 'passage') return fold(r.text).includes(p.text) && within(k, r.region, p.region);
    // (Asked as the frame itself, 桐乡…在嘉兴排第几, the sentence's frame, 位居嘉兴市第二位, is the one asked.)
    if (q.intent === 'fact' && r.type === 'indicator') {
      if (!within(k, r.region, p.region)) return false;
      const sentence = fold(r.sentence);
      const frame = askedAsFrame(k, q, p.region);
      return findPlaces(sentence, k.lex).some((m) => m.region === p.region && !m.relative && (frame || isSubjectMention(sentence, m)));
    }
    // A figure of a larger place that its own words say is the place's (现桐乡崇福镇行使…918项,
    // 其中南湖东方特钢1-6月预计产值52亿元), or that is of a thing named after the place (平湖园,
    // 乌镇以色列信息产业园) as the record names it.
    if (r.type === 'indicator' && within(k, p.region, r.region)) {
      return k.nameHaystack.get(r.id)!.includes(p.text) || surroundings(k, r).own.includes(p.text) || namesThingOf(k, q, p.text, hay);
    }
    return false;
  });
}

const framesAsked = new WeakMap<Query, Map<string, boolean>>();
/** Whether the question names a place as the frame of a rank (桐乡…在嘉兴排第几), not as its subject: read once a query. */
function askedAsFrame(k: Knowledge, q: Query, region: string): boolean {
  let frames = framesAsked.get(q);
  if (!frames) framesAsked.set(q, (frames = new Map()));
  let frame = frames.get(region);
  if (frame === undefined) {
    const asked = findPlaces(q.text, k.lex).find((m) => m.region === region);
    frame = !!asked && (!isSubjectMention(q.text, asked) || /(?:在|居|列)$/.test(q.text.slice(0, asked.index)) || /^(?:排|第|中|内)/.test(q.text.slice(asked.index + asked.text.length)));
    frames.set(region, frame);
  }
  return frame;
}

// What namesSubjectOf reads of a metric asked and of a record's sentence, read once: the same for every record it looks at.
const unqualified = new Map<string, string>();
const foldedSentences = new WeakMap<Indicator, string>();

/**
 * Whether the question's metric names something of the record's sentence beyond the metric
 * itself (合众汽车 of 合众汽车拿到…第几张牌照, 桐贸贷): the question is about that, wherever it is.
 */
function namesSubjectOf(k: Knowledge, q: Query, r: Indicator): boolean {
  // (Words that only qualify, 新增 and 省级 of 新增省级企业研究院, name nothing of the sentence.)
  let metric = unqualified.get(q.metric);
  if (metric === undefined) {
    metric = fold(q.metric).replace(/\s+/g, '');
    for (const w of k.lex.metrics.qualifiers) metric = metric.split(fold(w)).join(' ');
    if (unqualified.size > 2000) unqualified.clear();
    unqualified.set(q.metric, metric);
  }
  let sentence = foldedSentences.get(r);
  if (sentence === undefined) foldedSentences.set(r, (sentence = fold(r.sentence)));
  const names = k.nameHaystack.get(r.id)!;
  for (let i = 0; i + 3 <= metric.length; i++) {
    const word = metric.slice(i, i + 3);
    // (Of characters the name does not have: 新增托 of 新增托位 is 普惠托位新增's own words reordered.)
    if (/^[\u4e00-\u9fff]{3}$/.test(word) && sentence.includes(word) && !names.includes(word) && [...word].filter((ch) => !names.includes(ch)).length >= 2) return true;
  }
  return false;
}

const SCOPE_ASKED = /(不含|剔除|扣除|除去|(?<![不包])含)([\u4e00-\u9fff、]{2,12})|([大小]|管理)口径/;

/**
 * Whether a figure's scope is the one asked: a figure 不含 or 含 something (不含嘉兴港区的生产总值)
 * answers only a question that says so, of the same thing; a question that asks a scope
 * (不含港区, 大口径) gets only a figure of that scope.
 */
function scopeFits(q: Query, r: Indicator): boolean {
  const asked = q.reckoning ? fold(q.reckoning).match(SCOPE_ASKED) : null;
  const scope = r.scope ? fold(r.scope) : '';
  const partial = /^(不含|含|剔除|扣除|包含)/.test(scope);
  // (粮食总产量36530吨(含马铃薯): what a total takes in, of no place or zone, is how it is counted, not a part.)
  if (!asked) return !partial || (/^(含|包含)/.test(scope) && !/[区县市镇乡园港]/.test(scope));
  if (asked[3]) return scope.startsWith(asked[3]);
  const excludes = asked[1] !== '含';
  // 港区 names 嘉兴港区: the scope's thing, by its last two characters.
  const thing = asked[2];
  return partial && excludes === !/^(含|包含)/.test(scope) && thing.length >= 2 && scope.includes(thing.slice(-2));
}

const thingsOfQuestion = new WeakMap<Query, string[]>();
/** The things a question names by their whole names (中新嘉善现代产业园), folded; worked out once a question. */
function thingsAsked(k: Knowledge, q: Query): string[] {
  let things = thingsOfQuestion.get(q);
  // (Of the metric, not the text: 1-6月农业经济开发区 is no name; 嘉善示范区 is named by 示范区 after its place.)
  const named = (t: string) => t.slice(findPlaces(t, k.lex).find((m) => m.index === 0 && m.region)?.text.length ?? 0);
  if (!things) thingsOfQuestion.set(q, (things = thingsIn(fold(q.metric.replace(/\s+/g, '')), k.lex).filter((t) => !k.lex.regionByName.has(t)).map(named).filter((t) => t.length >= 3)));
  return things;
}

/** Whether the question names a thing (a name ending in 科技城, 研究院 …) that the record's text names too. */
function namesThingIn(k: Knowledge, q: Query, hay: string): boolean {
  const text = fold(`${q.text} ${q.metric}`);
  return k.lex.regions.thingsNamedAfter.endings.some((end) => {
    const at = text.indexOf(end);
    // (省级企业研究院 is a kind of thing, not one named: any place's may be it.)
    return at >= 2 && !/(?:省级|市级|县级|国家级|国家|各类)$/.test(text.slice(0, at - 2)) && hay.includes(text.slice(at - 2, at)) && hay.includes(end);
  });
}

/**
 * Whether the question names the thing a figure is of (临沪新区 for 临沪高能级智慧产业新区): its
 * first words after any place, or its last words with its ending (平湖园).
 */
function namesOwner(k: Knowledge, q: Query, r: Indicator): boolean {
  const owner = r.owner!;
  if (q.owner === owner) return true;
  let text = fold(`${q.text} ${q.metric}`);
  for (const [short, full] of Object.entries(k.lex.regions.thingsNamedAfter.short)) text = text.split(short).join(full);
  // (50个签约项目: the projects counted are named with their count, or by their words without it.)
  if (owner !== '项目' && text.includes(fold(owner))) return true;
  // (6个完成招商引资项目: nor the verb that counted them.)
  const own = fold(owner).replace(/^\d+(?:\.\d+)?[个项家批](?=[\u4e00-\u9fff]{3})/, '').replace(/^(?:完成|引进|新引进|新增|实施|推进|开工|签约)(?=[\u4e00-\u9fff]{3})/, '');
  // A project the figure's sentence does not name (1-6月,项目完成投资…) is named by pointing at it
  // (该项目), or by the project's name its context gives (浙北集装箱通道项目) — never by 产业项目.
  // (Or by its name alone, 浙北集装箱通道上半年完成投资: a run of four or more the question opens with that the task's text holds.)
  // (Of the metric, not the text: 上半年项目完成投资 names no project, whatever its period says.)
  if (own === '项目') {
    const hay = k.haystack.get(r.id)!;
    const metric = fold(q.metric).replace(/\s+/g, '');
    const opening = metric.match(/^[\u4e00-\u9fff]{4,16}/)?.[0] ?? '';
    const named = [...Array(Math.max(0, opening.length - 3)).keys()].some((i) => hay.includes(opening.slice(0, opening.length - i)) && !fold(r.name).includes(opening.slice(0, opening.length - i)));
    return /(该|这个|此|那个)项目/.test(text) || named || [...metric.matchAll(/([\u4e00-\u9fff]{3,16})项目/g)].some((m) => [...Array(m[1].length - 2).keys()].some((i) => hay.includes(m[1].slice(i))));
  }
  const head = own.slice(findPlaces(own, k.lex).find((m) => m.index === 0)?.text.length ?? 0);
  // The whole name, its first words, or its last words with its ending (平湖园 of 张江长三角科技城平湖园).
  const endings = k.lex.regions.thingsNamedAfter.endings.filter((e) => own.endsWith(e));
  const tail = endings.map((e) => own.slice(-(e.length + 2)));
  // 嘉兴市区, 中心城区: a short name of a part is named by its ending (市区PM2.5).
  const part = endings.some((e) => k.lex.regions.thingsNamedAfter.parts.endings.includes(e) && own.length - e.length <= 3 && text.includes(e));
  // The head's own words, not its ending (南湖实验室 after its place is 实验室: no words of its own).
  const words = endings.reduce((h, e) => (h.endsWith(e) ? h.slice(0, -e.length) : h), head);
  return text.includes(own) || (words.length >= 2 && text.includes(words.slice(0, 2))) || tail.some((t) => text.includes(t)) || part;
}

/** Whether a text names a thing, in full or by its first words and its ending (虹桥枢纽 of 虹桥国际开放枢纽). */
function saysThing(k: Knowledge, text: string, thing: string): boolean {
  if (text.includes(thing)) return true;
  const end = k.lex.regions.thingsNamedAfter.endings.filter((e) => thing.endsWith(e)).sort((a, b) => b.length - a.length)[0];
  const head = end ? thing.slice(0, -end.length) : '';
  if (head.length < 2) return false;
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    const gap = text.slice(at + head.length).indexOf(end);
    if (gap >= 0 && gap <= 6 && !/[，,。；;、]/.test(text.slice(at + head.length, at + head.length + gap))) return true;
  }
  return false;
}

/** Whether the question names a thing after a place (平湖 + 园) that the record names too. */
function namesThingOf(k: Knowledge, q: Query, place: string, hay: string): boolean {
  const text = fold(q.text);
  const at = text.indexOf(place);
  if (at < 0) return false;
  const after = text.slice(at);
  return k.lex.regions.thingsNamedAfter.endings.some((end) => {
    const i = after.indexOf(end, place.length);
    return i >= 0 && i <= place.length + 10 && !/[，,。？?\s]/.test(after.slice(0, i)) && hay.includes(after.slice(0, i + end.length));
  });
}

/** Units a change asked in is a rate of: 增长百分之几, 提高几个百分点. */
const RATE_ASKED = /%|‰|百分点|千分点|倍|点/;
// A figure named as a gap to another thing, and a question that asks one.
const GAP_NAME = /^(?:比|较|高于|低于|快于|慢于|领先|落后)|(?:比|较)[\u4e00-\u9fffa-z0-9]{1,12}(?:高|低|快|慢|多|少)出?$/;
const GAP_ASKED = /比|较|高于|低于|高出|低出|差|快于|慢于|领先|落后|相比|对比/;
/** Whether the question itself writes the amount it asks in (增加了多少亿), not a unit carried from before. */
const amountAsked = (q: Query) => !/点|百分|%|成|倍/.test(q.text) && (q.text.includes(q.unit!) || /(?:多少|几)(?:个)?(?:亿|万)/.test(q.text));

/** Whether a figure's unit is of the dimension asked (个 asked of people, loosely, too). */
function unitFits(k: Knowledge, asked: string, unit: string): boolean {
  // Dollars asked (人均GDP多少美元): a figure in yuan is another figure, though both are money.
  if (asked === '美元') return unit.includes('美元');
  const dimension = dimensionOf(unit, k.lex);
  if (dimensionOf(asked, k.lex) === dimension) return true;
  const loose = k.lex.metrics.looseAskedUnits[asked];
  return Array.isArray(loose) && loose.includes(dimension);
}

/** Whether a region lies within another (濮院镇 within 桐乡市). */
function within(k: Knowledge, region: string, outer: string): boolean {
  return isWithin(k.lex, region, outer);
}

export function taskYear(k: Knowledge, r: KnowledgeRecord): number | undefined {
  if (r.type !== 'task') return undefined;
  return Number(k.sourceById.get(r.source)?.date.slice(0, 4)) || undefined;
}

/** A figure that is itself a rate of change: 增长11.3%, or named so (地区生产总值年均增长率). */
/** What may follow the words asked in a name and still name the same thing. */
const TAIL_WORDS = /^(?:行业|总数|总量|总额|数量|数|量|额|总|增长率|增速|增幅|增长|同比|合计|累计|不?低于|不?高于|控制在?|保持在?|稳定在?|达到|超过|突破|提高到?|下降|为|在|以上|以下)+/;

const CHANGE_NAME = /(增长率|增速|增幅|涨幅|降幅|增长|下降)$/;

export function isChange(ind: Indicator): boolean {
  return ind.isChange || (ind.unit === '%' && CHANGE_NAME.test(ind.name));
}

/** The growth bases a record states: 同比, 环比, 比上年, 年均, 6月, 今年以来, or 增长 (unstated). */
function bases(ind: Indicator): string[] {
  const named = /年均/.test(ind.name) ? ['年均'] : [];
  return [...ind.growth.map((g) => g.basis), ...named];
}

/** Whether a stated basis answers the one asked: an unstated 增长 of a month is year-on-year. */
/** A written basis without its comparing words: 与前两年平均相比 → 前两年平均. */
const basisCore = (b: string) => b.replace(/^(?:与|比|较|同)|相比$/g, '');

function basisFits(asked: string, has: string[]): boolean {
  return has.some((b) => {
    if (b === asked || basisCore(b) === basisCore(asked)) return true;
    if (asked === '同比') return b === '增长' || b === '比上年' || b === '可比价同比';
    if (asked === '比上年') return b === '增长' || b === '同比';
    return false;
  });
}

/**
 * The basis of a change asked over a period the record states as one: 今年以来上涨了多少, 6月涨了多少
 * (of 6月30日's price, 6月上涨9.7%). A year asked, or carried from the last figure, is the record's.
 */
export function basisOfPeriod(asked: Period, ind: Indicator): string | undefined {
  if (asked.year !== undefined && ind.period.year !== undefined && asked.year !== ind.period.year) return undefined;
  const bare = asked.label.replace(/^(?:19|20)\d{2}年/, '');
  // (十二五期间年均增长: the 年均 growth beside the level of the span's last year, 2015年…207.1亿元,年均增长9.1%.)
  const spanEnd = asked.kind === 'span' && asked.toYear !== undefined && ind.period.kind === 'year' && ind.period.year === asked.toYear;
  // (Not a change against that period: 1—6月…比1—5月提升2.6% is no growth of 1-5月.)
  const against = (basis: string) => new RegExp(`[比较与]${escapeRegExp(basis)}`).test(ind.sentence.replace(/[—–－~～]/g, '-'));
  return ind.growth.find((g) => (g.basis === asked.label || g.basis === bare || (asked.kind === 'since' && g.basis === '今年以来') || (spanEnd && g.basis === '年均')) && !against(g.basis))?.basis;
}

export interface Concept {
  /** Alternatives, any of which satisfies the concept (an alias group, or one word). */
  forms: string[];
  weight: number;
}

/**
 * Whether an indicator is the metric asked, with its figure the one the question is about:
 * the same qualifiers and head (metric.ts), and no word of the question standing only in
 * another figure's clause of the sentence (整治“低散乱污”企业2616 is not the 171家 before it).
 */
/**
 * Whether the question names something no report ever writes (梅城, 益农镇 where the reports
 * hold neither): no figure can be about it, whatever else the question shares with one.
 */
// A count named by deciding or setting things out, and a question of what was done.
const SET_OUT = /^(?:确定|安排|部署|下达|排定|明确|谋划|梳理)/;
const DONE_ASKED = /完成|实现|建成|做到|干了/;

const sourceNames = new WeakMap<Knowledge, string>();
/** Whether a word names a report's own place, as its title or issuer does (固镇 of 固镇县统计局, 临海 of 臨海市…公報). */
function namesASource(k: Knowledge, word: string): boolean {
  let names = sourceNames.get(k);
  if (names === undefined) sourceNames.set(k, (names = fold(k.sources.map((s) => `${s.title}|${s.issuer}|${s.region}`).join('|'))));
  for (let at = names.indexOf(word); at >= 0; at = names.indexOf(word, at + 1)) if (/^(?:市|县|区|镇|乡|街道)/.test(names.slice(at + word.length))) return true;
  return false;
}

/**
 * What of the question namesTheUnwritten reads, worked out once per question: the concepts that
 * are a name (aName) none of whose forms the reports write for sure, each with the forms that
 * are written only where the record says them (names of a report's own place).
 */
const unwrittenPlans = new WeakMap<Knowledge, WeakMap<Concept[], string[][]>>();
function unwrittenPlan(k: Knowledge, q: Query, cs: Concept[]): string[][] {
  let plans = unwrittenPlans.get(k);
  if (!plans) unwrittenPlans.set(k, (plans = new WeakMap()));
  // (The concepts are kept by the metric and places asked, all that is read here of the question.)
  let plan = plans.get(cs);
  if (plan) return plan;
  // Written nowhere in the reports; or a name of a report's own (固镇 of 固镇县统计局, 临海 of 臨海市…公報)
  // that the question opens with, and this record's text does not say.
  const anywhere = (form: string) => [...Array(form.length - 1).keys()].every((i) => documentFrequency(k.index, form.slice(i, i + 2)) > 0);
  // A name, not a way of asking (拿到, 调成): the word the question opens with, or one ending as a place's name does.
  let opening = q.metric.replace(/\s+/g, '');
  for (const p of q.places) opening = opening.split(p.text).join('');
  // (A longer run of characters is several words, whose joins the reports need not write.)
  const aName = (form: string) => form.length <= 3 && (opening.startsWith(form) || PLACE_LIKE_END.test(form));
  plan = [];
  for (const c of cs) {
    if (!c.forms.some(aName)) continue;
    // A form written whatever the record: short, not Chinese, or in the reports and no report's own place.
    if (c.forms.some((f) => f.length < 2 || !CJK_WORD.test(f) || (anywhere(f) && !namesASource(k, f)))) continue;
    plan.push(c.forms.filter((f) => anywhere(f)));
  }
  plans.set(cs, plan);
  return plan;
}

function namesTheUnwritten(k: Knowledge, q: Query, cs: Concept[], hay: string): boolean {
  return unwrittenPlan(k, q, cs).some((inRecord) => inRecord.every((f) => !hay.includes(f)));
}

/** What isMetricAsked reads of the question alone, worked out once per question (see askedFacts). */
interface AskedFacts {
  /** The metric asked, without spaces. */
  asked: string;
  /** What the question says is done (已整改 → 整改). */
  done: string[];
  /** Words that say little of what is measured: light verbs and the qualifiers asked. */
  light: Set<string>;
  /** The last concept that is not light, and whether it is a character left alone. */
  lastConcept: Concept | undefined;
  lone: boolean;
  /** What the question ends on: its head, or else its last word. */
  last: string | undefined;
  head: string;
}

const askedMemo = new WeakMap<Concept[], Map<string, AskedFacts>>();
/** (The concepts are kept by the metric and places asked, and the reading is of the metric: the text is all else read.) */
function askedFacts(k: Knowledge, q: Query, reading: MetricReading, cs: Concept[]): AskedFacts {
  let byText = askedMemo.get(cs);
  if (!byText) askedMemo.set(cs, (byText = new Map()));
  let facts = byText.get(q.text);
  if (facts) return facts;
  const asked = q.metric.replace(/\s+/g, '');
  const done = [...fold(q.text).matchAll(/已(?:经)?([\u4e00-\u9fff]{2})/g)].map((m) => m[1]);
  // (A light verb — 完成, 实现 — says little: the word before it counts; of a long unknown word,
  // its last two characters.)
  const light = new Set([...k.lex.lexicon.lightVerbs, ...reading.qualifiers]);
  let lastAt = cs.length - 1;
  while (lastAt >= 0 && cs[lastAt].forms.every((f) => light.has(f))) lastAt--;
  const lastConcept = cs[lastAt];
  // (A character left alone ends the word before it: 收入 + 比.)
  const lone = lastConcept?.forms.length === 1 && lastConcept.forms[0].length === 1 && lastAt > 0 && cs[lastAt - 1].forms.length === 1;
  const lastForm = lone ? cs[lastAt - 1].forms[0] + lastConcept.forms[0] : lastConcept?.forms.find((f) => f.length >= 2);
  const last = lone ? lastForm : (reading.head ?? (lastForm && lastForm.length > 4 ? lastForm.slice(-2) : lastForm));
  const head = reading.head ?? lastConcept?.forms[0] ?? '';
  facts = { asked, done, light, lastConcept, lone, last, head };
  byText.set(q.text, facts);
  return facts;
}

/** What isMetricAsked reads of a figure alone, worked out once per figure. */
interface FigureFacts {
  /** Its name says it was not done (未达到序时进度的11项). */
  notDone: boolean;
  /** The frame of a long name (…开展高新技术企业申报工作), folded, and the rest with the subject. */
  frame?: { frame: string; rest: string };
  /** Its names and its own words; with the context and the subject of a generic name. */
  ownWords: string;
  mineText: string;
  /** The effect word its name opens with (拉动). */
  effect: string | undefined;
  /** A rate whose figure is no rate (集聚度 of 12个). */
  rateWithoutRate: boolean;
  /** The sentence up to the end of the figure's clause, and after it (undefined: the clause ends the sentence). */
  before?: string;
  after?: string;
  /** What is said after it before the next figure's clause. */
  beforeNext?: string;
}

const figureMemo = new WeakMap<Indicator, FigureFacts>();
function figureFacts(k: Knowledge, ind: Indicator): FigureFacts {
  let facts = figureMemo.get(ind);
  if (facts) return facts;
  const { own, context } = surroundings(k, ind);
  const names = k.nameHaystack.get(ind.id)!;
  const core = afterFrame(ind.name, k.lex);
  const frame = core !== ind.name ? { frame: fold(ind.name.slice(0, ind.name.length - core.length)), rest: fold(`${core}|${ind.subject}`) } : undefined;
  facts = {
    notDone: NOT_DONE.test(fold(ind.name)),
    frame,
    ownWords: `${names}|${own}`,
    mineText: `${names}|${own}|${context}|${subjectBefore(k, ind)}`,
    effect: k.lex.metrics.effectWords.words.find((w) => ind.name.startsWith(w)),
    rateWithoutRate: k.lex.metrics.rateHeads.some((h) => ind.name.endsWith(h)) && !/%|‰/.test(ind.unit),
  };
  // Words the sentence says only after the figure's clause say what it is for.
  const upTo = fold(ind.sentence.slice(0, ind.sentence.indexOf(ind.figure) + ind.figure.length));
  const sentence = fold(ind.sentence);
  const clauseEnd = sentence.slice(upTo.length).search(/[，,；;]/);
  if (clauseEnd >= 0) {
    facts.before = sentence.slice(0, upTo.length + clauseEnd);
    facts.after = sentence.slice(upTo.length + clauseEnd);
    // (Up to the next figure's clause: 信用 of 累计信用核查223.47万次 is that figure's word.)
    const nextFigure = facts.after.search(/[，,；;][^，,；;]*\d/);
    facts.beforeNext = nextFigure >= 0 ? facts.after.slice(0, nextFigure) : facts.after;
  }
  figureMemo.set(ind, facts);
  return facts;
}

function isMetricAsked(k: Knowledge, q: Query, reading: MetricReading, cs: Concept[], ind: Indicator): Misfit | undefined {
  if (namesTheUnwritten(k, q, cs, k.haystack.get(ind.id)!)) return 'metric';
  const fig = figureFacts(k, ind);
  const { asked, done, light, lastConcept, lone, last, head } = askedFacts(k, q, reading, cs);
  // 未达到序时进度的11项 is not what 达到序时进度几项 asks: a figure of what was not done.
  if (fig.notDone && !NOT_DONE.test(q.metric)) return 'metric';
  const { own, context, foreign, clause, sentence: folded, whole } = surroundings(k, ind);
  const names = k.nameHaystack.get(ind.id)!;
  // Asked how a metric grew, a figure named as its growth (地区生产总值年均增长率) is of that metric.
  // And 规上工业增速 asks how its 增加值 grew: a head the growth of an industry implies.
  const grown = q.intent === 'growth' ? ind.name.replace(CHANGE_NAME, '').replace(/年均$/, '') || ind.name : ind.name;
  const implied = q.intent === 'growth' && !reading.head ? k.lex.metrics.impliedHeads.words.find((h) => grown.endsWith(h) && grown.length > h.length) : undefined;
  // (A target's count is new by nature: 股改目标 asks 新增股改企业800家.)
  const name = (implied ? grown.slice(0, -implied.length) : grown).replace(q.nature === 'target' && ind.nature === 'target' ? /^新增(?=[\u4e00-\u9fff]{2})/ : /$^/, '');
  // A sentence's scope (省, 国家级) may be said anywhere in it, or in the sentence before.
  const sentence = `${folded}|${context}`;
  // (A figure of change, 进出口总额增长9.3%, says nothing by its unit of what was measured.)
  const unit = isChange(ind) ? '' : ind.unit;
  // (Asked of no period, a figure counted over part of a year counts what came new too: 高层次人才 of 新引进高层次人才2873名 (1-6月).)
  const flow = ['range', 'month', 'since'].includes((q.period ?? ind.period).kind) && q.nature !== 'target';
  // (A table's part of a whole, 规上工业增加值 of 轻工业, is owned by what its metric is of.)
  const part = !!ind.owner && ind.owner === ind.subject;
  // (农业经济开发区合同超亿元项目: the owner the question names is whose the figure is, no word of what it measures —
  // 农业 of the zones' name no qualifier of 合同超亿元项目.)
  const owned = ind.owner && !part && ind.owner.length >= 3 && asked.includes(fold(ind.owner)) ? asked.replace(fold(ind.owner), '') : undefined;
  const [ownAsked, ownReading] = owned && owned.length >= 2 ? [owned, readMetric(owned, k.lex)] : [asked, reading];
  // (Nor of the figure's name, where it holds it: 农业经济开发区新引进项目.)
  const nameOwned = ownAsked !== asked && name.length > ind.owner!.length + 1 ? name.replace(ind.owner!, '') : name;
  if (!sameMetric(ownAsked, ownReading, nameOwned, ind.subject, names, own, unit, k.lex, true, clause, sentence, flow, part)) {
    // 布伦特原油涨了多少: a metric named by its alias alone is the one thing the records
    // measure of it (its 收盘价格), when they measure only one.
    const sole = onlyAliases(asked, k.lex) && soleHead(k, asked) !== undefined;
    if ((!sole || !sameMetric(asked, reading, name, ind.subject, names, own, unit, k.lex, false, clause, sentence, flow, part)) && !soleOfPlace(k, q, asked, ind)) return 'metric';
  }
  // A figure that holds only part of the question holds most of it in its own words and sentences:
  // words found only in the task it stands under (健全大救助体系) do not make 困难老年人家庭适老化改造 the 慈善救助困难家庭 asked.
  // (A question its task's words complete, 浙北集装箱通道项目累计完成投资, stays asked of it.)
  // (Only a figure under a task has such words: the coverage is worked out for those alone.)
  const hay = k.haystack.get(ind.id)!;
  if (cs.length && hay.includes('项任务') && coverage(hay, cs) < 0.99 && coverage(hay.replace(TASK_SECTION, ''), cs) < MIN_COVERAGE) return 'metric';
  // A word of the question that only the frame of the name says (…开展高新技术企业申报工作新认定
  // 省科技型中小企业) is not what this figure counts.
  if (fig.frame) {
    const { frame, rest } = fig.frame;
    if (cs.some((c) => c.forms.some((f) => frame.includes(f)) && !c.forms.some((f) => rest.includes(f)))) return 'metric';
  }
  // 上市公司苗子 is not 上市公司, 出口交货值 not 出口: a name that goes on past the words asked
  // names another thing, unless what follows only says how it is measured (总数, 总额, 增速).
  const foldedName = fold(name);
  const cut = asked.length >= 2 ? foldedName.lastIndexOf(asked) : -1;
  if (cut >= 0) {
    const tail = foldedName.slice(cut + asked.length).replace(TAIL_WORDS, '');
    if (/^[\u4e00-\u9fff]{2,}/.test(tail) && !k.lex.metrics.heads.some((h) => tail.includes(h)) && !(tail in k.lex.metrics.headUnits)) return 'metric';
  }
  // 粮食播种面积 is not 小麦播种面积, 工业用电量 not 全社会用电量: a word asked before the words the
  // name shares, where the name puts a word of its own instead, asks the sibling's figure.
  if (siblingAsked(foldedName, fold(q.metric).replace(/\s+/g, ''), cs, folded, ind.figure)) return 'metric';
  const { mineText, ownWords } = fig;
  // A thing the question names (中新嘉善现代产业园引进多少项目) is the figure's owner or named in its
  // sentence: the sentence before it naming the thing does not make another sentence's figure the thing's.
  if (!ind.owner && thingsAsked(k, q).some((t) => !ownWords.includes(t) && !saysThing(k, fold(ind.sentence), t))) return 'metric';
  // An effect on a metric (拉动规上工业增加值增速14.1个百分点) answers only a question of that effect.
  if (fig.effect && !q.text.includes(fig.effect)) return 'metric';
  // A gap to something (比GDP增速高2.6个百分点, 增速比重工业高出20个百分点) answers only a question of a gap: not GDP增速, not 轻工业.
  if (GAP_NAME.test(fold(ind.name)) && !q.comparedWith && !GAP_ASKED.test(q.text.replace(/多少|几多/g, ''))) return 'metric';
  // How much of a target was made (完成年初目标的22%) is no answer to what the target is (年初目标是多少).
  // (The words asked, and a rate a follow-up's carried metric names: 市级投资项目呢 after …投资完成率 — not 完成 alone,
  // 其中税收收入呢 after 财政总收入完成多少.)
  const progressAsked = PROGRESS_STATED.test(q.text) || /完成|实现|达到|进度|百分之|几成|比例|%/.test(q.text) || /完成率|进度|比例/.test(q.metric);
  if (ind.unit === '%' && PROGRESS_STATED.test(ind.name) && !progressAsked) return 'metric';
  // A share (占今年计划完成投资65.4%) answers only a question of a share.
  if (/^占/.test(ind.name) && !/占|比重|比例|份额|百分之|几成|%/.test(q.text)) return 'metric';
  // A rate whose figure is no rate (集聚度 of 12个) is a misread name, not the rate.
  if (fig.rateWithoutRate) return 'metric';
  // So is a rate asked (产业集聚度多少) of a figure in no rate's unit (12个高能级产业园).
  if (k.lex.metrics.rateHeads.some((h) => asked.endsWith(h)) && ind.unit && !/%|‰/.test(ind.unit) && !isChange(ind)) return 'metric';
  // 已整改, 已完成: what the question says is done must be what this figure itself counts.
  // (Not inside a word of what is yet to be done: 已开工 of 促开工项目25个, 计划开工, 未开工.)
  if (done.some((d) => !new RegExp(`(?<![促拟待未将要划])${escapeRegExp(d)}`).test(ownWords))) return 'metric';
  // What the question ends on — its head, or else its last word (到资 of 外资项目到资) — is this figure's.
  const measured = last !== undefined && k.lex.metrics.headUnits[last] === dimensionOf(ind.unit, k.lex);
  // A word made with a character left alone (收入比) names a metric of its own: the figure's own
  // words say it, not only the topic around them (城乡居民收入比保持全省最低，…村集体经济经常性收入).
  const measuredText = lone ? ownWords : mineText;
  if (last && !measured && !holdsLoosely(measuredText, last) && !(lone ? [last] : lastConcept?.forms ?? []).some((f) => measuredText.includes(f))) return 'metric';
  // 基础设施 asked of 深化规划设计、基础设施…等12个领域改革实践: an example named before 等 is one of those counted,
  // and their count no figure of it.
  // (The items after the list's first, whose opening may hold the verb of them all: 向大会提交了青少年近视防控、….)
  // (No pattern built a candidate: where 等 stands right before the figure, the clause before it.)
  const etc = ind.sentence.indexOf(`等${ind.figure}`);
  const examples = etc > 0 ? fold(ind.sentence.slice(0, etc).split(/[，,；;。]/).at(-1)!).split('、').slice(1).join('、') : '';
  if (examples && cs.some((c) => c.forms.some((f) => examples.includes(f)) && !c.forms.some((f) => names.includes(f)))) return 'metric';
  // One value of several names (…世界500强企业、超亿美元项目合计22个) answers only a question of them all.
  if (fold(ind.name).includes('、') && !/[、和及与]/.test(asked)) return 'figure';
  // Several values under one name (分别下降32.8%和24.7%) answer only a question of that whole name.
  if (ind.value === null && coverage(names, cs) < 0.99) return 'figure';
  // A figure whose name shares no word with the question is asked only if its own words say it all.
  if (cs.length && coverage(names, cs, false) === 0 && coverage(own, cs) < 0.99) return 'metric';
  // A part (其中男性人口130.33万人) is not its whole: a question the whole's words say in full, and the
  // part's not (衢州总人口), asks the whole (户籍总人口255.94万人).
  // (Said as itself: 出口 inside 进出口总额 is another word — 出口总额 asks the part, 出口237亿元.)
  if (whole && coverage(withoutWordsHolding(whole, cs.flatMap((c) => c.forms), k.lex.metrics.qualifiers), cs) >= 0.999 && cs.some((c) => !c.forms.some((f) => fig.ownWords.includes(f)))) return 'figure';
  // (财政总收入704.8亿元,其中区级财政收入219.8亿元: a budget level's part answers only a question of that level.)
  if (whole && k.lex.metrics.budgetLevels.words.some((w) => fold(ind.name).startsWith(w) && !q.text.includes(w))) return 'figure';
  // Another figure's clause that says more of the question, head included, is the one asked; in
  // a breakdown (其中，财政4.2亿元，税务63.3亿元) a clause that names no head of its own is asked by
  // any word of the question that it alone says.
  // 在确定的27项主要指标中,有19项完成全年目标: the count of a whole (…中) is not what a part of
  // it did; a word of the question (完成) only a part's clause says asks that part.
  if (/中$/.test(own) && cs.some((c) => !c.forms.some((f) => ownWords.includes(f)) && foreign.some((o) => c.forms.some((f) => o.includes(f))))) return 'figure';
  // 全市面积 asks the place's own area, not 小麦播种面积: a measure asked alone (a head of
  // headUnits) is answered only by a figure that the head and the list's qualifiers name.
  let bareAsked = asked;
  for (const p of q.places) bareAsked = bareAsked.split(fold(p.text)).join('');
  // (So is 产值 asked alone: 东方特钢预计产值 is one company's.)
  // (总人口 and 全市面积 too: the whole of it, not 出生人口 or 男性人口.)
  if (reading.head && bareAsked.replace(/^[总全]/, '') === reading.head && (reading.head in k.lex.metrics.headUnits || reading.head in k.lex.metrics.headDimensions)) {
    let rest = fold(ind.name).replace(reading.head, '');
    // (Nor a verb of doing it: 完成工业总产值 is the 产值.)
    for (const w of [...k.lex.metrics.qualifiers, ...light].sort((a, b) => b.length - a.length)) rest = rest.split(w).join('');
    if (rest.replace(/总|全|行政区域|区域|陆域|国土|土地|户籍|常住/g, '').length >= 2) return 'metric';
  }
  // A named programme in the figure's name (“百年百项”重大项目开工率) is what it counts: a question
  // that names none of it (全市项目开工率) asks of something else.
  // (A name that opens with it; not one said in passing, 城中村全面“清零”. Nor a follow-up's, whose words are the last question's.)
  // (Only when the question names the kind of thing it is, 项目 of 重大项目: 竣工率多少 alone may get it, labelled.)
  const pairsIn = (n: string) => [...Array(Math.max(0, n.length - 1)).keys()].map((i) => n.slice(i, i + 2));
  const programmes = [ind.name, ind.subject].map((x) => fold(x).match(/^[“"]([^”"]{2,16})[”"]([\u4e00-\u9fff]{0,4})/)).filter((m): m is RegExpMatchArray => !!m);
  const followed = Boolean(q.carried?.length || q.beside);
  if (!followed && programmes.some(([, name, kind]) => pairsIn(kind).some((p) => bareAsked.includes(p)) && !pairsIn(name).some((p) => bareAsked.includes(p)))) return 'metric';
  // 完成投资 asked is never 总投资 (the total planned), nor the other way (metrics.json apartNames).
  const ownName = fold(ind.name);
  if (k.lex.metrics.apartNames.pairs.some(([a, b]) => bareAsked.includes(a) && ownName.endsWith(b) && !ownName.includes(a))) return 'metric';
  // (组织国际产业合作园 9家: those an act took, asked only of the act.)
  if (k.lex.metrics.actVerbs.words.some((v) => ownName.startsWith(v) && !bareAsked.includes(v))) return 'metric';
  // A size class in the name asked (10亿到50亿元项目) is the figure's own words too.
  const namedNumbers = bareAsked.match(/\d+(?:\.\d+)?(?=[亿万千百]|元)/g) ?? [];
  const flatMine = mineText.replace(/\s+/g, '');
  if (namedNumbers.some((n) => !flatMine.includes(n))) return 'metric';
  // (亿元企业, 超亿美元项目: a class of things by size, named by the figure's words and its context — never by the unit of a
  // figure, 为240家企业提供应急转贷资金12.3亿元.)
  // (Of the same size: 超百亿元产业项目 are no 亿元项目.)
  const sizeClass = bareAsked.match(/(?:[十百千]|\d+)?[亿万]美?元(?=(?:以上)?[\u4e00-\u9fff])/)?.[0];
  const sized = (text: string) => [...text.matchAll(/(?:[十百千]|\d+)?[亿万]美?元/g)].some((m) => m[0] === sizeClass);
  if (sizeClass && !sized(fold(`${mineText}|${ind.owner ?? ''}`).replace(/\s+/g, ''))) return 'metric';
  // 签约项目50个 beside a paragraph on 世界500强 is not 世界500强项目: the word that says which
  // 项目 must be the figure's own when its own name says another kind (签约).
  const headAt = reading.head ? bareAsked.lastIndexOf(reading.head) : -1;
  // (企业股改: a head said first is said which kind after it.)
  // (规上总产值: 总 goes with the head it stands before, no word of the kind.)
  const kindWord = headAt > 0 ? bareAsked.slice(0, headAt).replace(/总$/, '').match(/[\da-z]*[\u4e00-\u9fff]{1,2}$/)?.[0] : headAt === 0 ? bareAsked.slice(reading.head!.length).match(/^[\u4e00-\u9fff]{2}/)?.[0] : undefined;
  const plainName = fold(ind.name).replace(/[“”"]/g, '');
  const ownKind = reading.head && plainName.endsWith(reading.head) ? plainName.slice(0, -reading.head.length).replace(/^(新增|新|累计|共)/, '') : '';
  const kindChars = kindWord?.replace(/[\da-z]+/g, '') ?? '';
  const saysKind = !kindWord || ownWords.includes(kindWord) || (kindChars.length >= 2 && ownWords.includes(kindChars));
  // (一年投资: a span of time is no kind of the thing.)
  if (kindWord && kindWord.length >= 2 && ownKind.length >= 2 && !saysKind && !asked.includes(ownKind) && !light.has(kindWord) && !/[年月天]$/.test(kindWord)) return 'metric';
  const mine = coverage(mineText, cs);
  if (mine >= 0.999) return undefined;
  // (The owner's words, 临沪高能级智慧产业新区 of its 超亿美元项目5个, say whose it is: not which of its clauses is asked.)
  const ownerWords = ind.owner ? fold(ind.owner) : '';
  const judged = ownerWords ? cs.filter((c) => !c.forms.some((f) => ownerWords.includes(f))) : cs;
  const mineLoosely = coverage(mineText, judged, false);
  const breakdown = /其中/.test(ind.sentence);
  const missing = cs.filter((c) => !c.forms.some((f) => mineText.includes(f)));
  for (const other of foreign) {
    // A figure not of what is done (上报…159434个 beside 已整改问题158688个) is not the one asked.
    if (done.some((d) => !other.includes(d))) continue;
    // Nor is a plan's figure (全年计划完成…2225户) when what was done is asked (目前已完成改造150户).
    if (q.nature === 'actual' && k.lex.lexicon.targetWords.some((w) => w.length >= 2 && other.includes(w))) continue;
    const headless = !readMetric(other.replace(/[\d.]+/g, ''), k.lex).head;
    if (head && !other.includes(head) && !headless) continue;
    // (Loosely: a character the question leaves alone, 率 of 完成率, is this figure's word, and
    // must not hide that another clause says the rest: 水稻播种 of 水稻播种完成率.)
    if (coverage(other, judged, false) > mineLoosely) return 'figure';
    if (breakdown && headless && missing.some((c) => c.forms.some((f) => other.includes(f)))) return 'figure';
  }
  // Words the sentence says only after the figure's clause say what it is for (完成投资100亿元,
  // 着力打造…,全面推进中部有机更新): a question of those asks of something else.
  if (fig.after !== undefined) {
    const before = fig.before!;
    // (Words of a later figure's clause are that figure's: said there with what the question
    // ends on, they ask that figure (推动项目开工41个 after 150个攻坚项目…); alone, they are
    // words of the topic (信用 of 累计信用核查223.47万次 after 编制…清单148条).)
    const later = fig.after.slice(fig.beforeNext!.length).split(/[，,；;]/);
    const said = (f: string) => fig.beforeNext!.includes(f) || (last !== undefined && later.some((clause) => clause.includes(f) && clause.includes(last)));
    const onlyAfter = (c: Concept) => c.forms.some(said) && !c.forms.some((f) => before.includes(f) || context.includes(f));
    if (missing.some((c) => !c.forms.every((f) => light.has(f)) && onlyAfter(c))) return 'metric';
  }
  return undefined;
}

/**
 * A figure named only by a generic word (完成率57.2%, 进度96.3%) is of the subject of the clause
 * before it in its part (生猪出栏24万头,完成率57.2%): those words are its own too.
 */
function subjectBefore(k: Knowledge, ind: Indicator): string {
  const name = fold(ind.name);
  if (!k.lex.lexicon.genericWords.words.includes(name) && !k.lex.lexicon.lightVerbs.includes(name)) return '';
  const text = fold(ind.sentence);
  const at = text.indexOf(fold(ind.figure));
  if (at < 0) return '';
  const clauseStart = Math.max(text.lastIndexOf(',', at), text.lastIndexOf('，', at));
  const partStart = Math.max(text.lastIndexOf(';', at), text.lastIndexOf('；', at), text.lastIndexOf('。', at));
  return clauseStart > partStart ? text.slice(partStart + 1, clauseStart) : '';
}

/**
 * The head that every indicator naming the alias words of `asked` ends in, when they share
 * one (undefined when they differ: 生产总值 and 单位GDP能耗强度 both name GDP).
 */
const soleHeads = new WeakMap<Knowledge, Map<string, string | undefined>>();
function soleHead(k: Knowledge, asked: string): string | undefined {
  let memo = soleHeads.get(k);
  if (!memo) soleHeads.set(k, (memo = new Map()));
  if (memo.has(asked)) return memo.get(asked);
  const groups = k.lex.aliasGroups.filter((g) => g.some((m) => asked.includes(m)));
  const heads = new Set<string>();
  for (const ind of k.indicators) {
    const hay = k.nameHaystack.get(ind.id)!;
    if (groups.every((g) => g.some((m) => hay.includes(m)))) heads.add(readMetric(ind.name, k.lex).head ?? '');
  }
  const head = heads.size === 1 ? [...heads][0] : undefined;
  memo.set(asked, head);
  return head;
}

const groupMeasures = new WeakMap<Knowledge, Map<string, string | undefined>>();

/** What a metric named by an alias group measures (南通沿海前沿区域GDP: money, never 14个), by the group's first name. */
function aliasMeasures(k: Knowledge, metric: string): string | undefined {
  let memo = groupMeasures.get(k);
  if (!memo) groupMeasures.set(k, (memo = new Map()));
  if (memo.has(metric)) return memo.get(metric);
  const folded = fold(metric);
  const groups = k.lex.aliasGroups.filter((g) => g.some((a) => folded.includes(fold(a))));
  const found = groups.length === 1 ? k.lex.metrics.headDimensions[groups[0][0]] : undefined;
  memo.set(metric, found);
  return found;
}

const placeNames = new WeakMap<Knowledge, Map<string, number>>();

/**
 * 缪家村有多少人口: of a town or village named, the one figure its reports give whose name ends in the
 * words asked (户籍人口) is what they hold of it; where there are two (常住, 户籍), neither is.
 */
function soleOfPlace(k: Knowledge, q: Query, asked: string, ind: Indicator): boolean {
  // (A town's or a village's: a county's or a city's statistics keep their scopes apart, 规上工业总产值 is no 工业总产值.)
  if (q.places.length !== 1 || ind.region !== q.places[0].region || !/^(town|village)$/.test(k.lex.regionByName.get(ind.region)?.level ?? '')) return false;
  const place = ind.region;
  asked = asked.split(fold(q.places[0].text)).join('').replace(/\s+/g, '');
  if (asked.length < 2 || !fold(ind.name).endsWith(asked)) return false;
  let memo = placeNames.get(k);
  if (!memo) placeNames.set(k, (memo = new Map()));
  const key = `${place}|${asked}`;
  let n = memo.get(key);
  if (n === undefined) {
    const names = new Set(k.indicators.filter((x) => x.region === place && !isChange(x) && fold(x.name).endsWith(asked)).map((x) => fold(x.name)));
    memo.set(key, (n = names.size));
  }
  return n === 1;
}

/** Whether a figure is each member's: its name opens with 各 or 每个, not with 各地 (all of them). */
function perMember(k: Knowledge, ind: Indicator): boolean {
  const { opens, wholes } = k.lex.metrics.perMember;
  // (After a verb of asking it: 推动每个县引进1~2家.)
  const name = ind.name.replace(/^(?:推动|确保|要求|力争|争取|推进|实现)/, '');
  return opens.some((w) => name.startsWith(w)) && !wholes.some((w) => name.startsWith(w));
}

/** Whether the question states the figure itself (7个 of 那7个项目). */
function givenIn(text: string, ind: Indicator): boolean {
  const at = text.indexOf(ind.figure);
  return at >= 0 && !/[\d.]/.test(text[at - 1] ?? '');
}

/** The first constraint of the query that the record contradicts, if any. */
/**
 * What records that share their wording share, worked out once: whether each figure of it is
 * the metric asked, and how much of the question its name holds (the index groups records by
 * wording with digits left out; 100 copies of a sentence for 100 months need it once). Which
 * figure of the sentence a record is, and its unit, decide its metric (12个高能级产业园…集聚度
 * 达到72.7%: one wording, two figures).
 */
interface Wording {
  metric?: Map<string, Misfit | 'fits'>;
  /** By the name's haystack: records of one wording have names of their own (GDP总量 beside 13个设区市). */
  nameCoverage?: Map<string, number>;
  ownCoverage?: number;
}

/** Whether an indicator is the metric asked, worked out once per figure of a wording. */
function metricOf(k: Knowledge, q: Query, reading: MetricReading, cs: Concept[], ind: Indicator, wording: Wording): Misfit | 'fits' {
  const at = ind.sentence.indexOf(ind.figure);
  const key = `${ind.unit}|${ind.sentence.slice(0, Math.max(0, at)).replace(/\d+(\.\d+)?/g, '#').length}`;
  wording.metric ??= new Map();
  let fit = wording.metric.get(key);
  if (!fit) wording.metric.set(key, (fit = isMetricAsked(k, q, reading, cs, ind) ?? 'fits'));
  return fit;
}

export function misfit(
  k: Knowledge,
  q: Query,
  r: KnowledgeRecord,
  reading: MetricReading = readMetric(q.metric, k.lex),
  cs: Concept[] = [],
  wording: Wording = {},
): Misfit | undefined {
  if (q.scope?.kind || q.scope?.number) {
    const src = k.sourceById.get(r.source);
    if (q.scope.kind && src?.kind !== q.scope.kind) return 'scope';
    if (q.scope.number && !sameNumber(q.scope.number, src?.number)) return 'scope';
  }
  if (!placeFits(k, q, r)) return 'place';
  const asksGrowth = q.intent === 'growth';
  if (q.period && !periodFits(q.period, recordPeriod(r), taskYear(k, r))) {
    if (!(asksGrowth && r.type === 'indicator' && basisOfPeriod(q.period, r) !== undefined)) return 'period';
  }
  if (q.withinYear !== undefined && recordPeriod(r)?.year !== q.withinYear) return 'period';
  if (r.type === 'task') return undefined;
  if (q.nature && r.nature !== q.nature) return 'nature';
  // What was done asked (完成几件) is no count of what was decided or set out (确定民生实事项目10件), though that is a fact.
  if (r.type === 'indicator' && q.nature === 'actual' && DONE_ASKED.test(q.text) && SET_OUT.test(fold(r.name)) && !SET_OUT.test(fold(q.metric))) return 'nature';
  // A statement is asked of sentences: the figures' own names do not decide it.
  if (r.type !== 'indicator' || (q.intent !== 'value' && q.intent !== 'growth')) return undefined;
  const change = isChange(r);
  if (asksGrowth && !r.growth.length && !change) return 'growth';
  if (q.basis && !basisFits(q.basis, bases(r))) return r.growth.length || change ? 'basis' : 'growth';
  // 2016年…增长多少: an average over years (财政总收入…年均增长10.1%) is no growth of the year; asked over a span, it is.
  if (asksGrowth && !q.basis && q.period?.kind !== 'span' && bases(r).length && bases(r).every((b) => /年均|平均/.test(b))) return 'basis';
  // A unit asked is the figure's own: a rate of change answers no 多少亿元.
  if (q.unit && !asksGrowth && (change || !unitFits(k, q.unit, r.unit))) return 'unit';
  // (Nor 比上年增加了多少亿: a change asked in an amount is one the report states in that amount, not its rate.)
  if (q.unit && asksGrowth && !RATE_ASKED.test(q.unit) && amountAsked(q) && !(change && unitFits(k, q.unit, r.unit)) && !r.growth.some((g) => unitFits(k, q.unit!, g.unit))) return 'unit';
  // What the question's head measures (收入 is money): a figure in another dimension (43个行政村) is not it.
  const measures = reading.head && reading.head !== '_doc' ? (k.lex.metrics.headDimensions[reading.head] ?? k.lex.metrics.headUnits[reading.head]) : aliasMeasures(k, q.metric);
  const dimension = dimensionOf(r.unit, k.lex);
  // (A unit asked says what is measured itself: 为多少家小微企业发放了信用贷款 asks 家, whatever 贷款 measures.)
  // (A name that ends in how it changed, 支出再压减10%, measures that change, not the spending.)
  if (measures && !q.unit && !change && !asksGrowth && dimension !== r.unit && dimension !== measures && !(dimension === 'percent' && (/百分|比例|比重|占比|几成|%|率/.test(q.text) || CHANGED_END.test(r.name)))) return 'unit';
  // (Nor a ratio, a bare number: 总人口性别比 108.49 is no count of 男性人口.)
  if (measures && !q.unit && !change && !asksGrowth && !r.unit && r.value !== null && /比$/.test(r.name) && !/比/.test(q.metric)) return 'unit';
  // (An amount asked of what is measured in money or people, 规上工业增加值多少: its rate of change is not it — a target's
  // is, GDP目标是多少 of 增长6%左右.)
  if (q.intent === 'value' && q.nature !== 'target' && r.nature !== 'target' && change && measures && measures !== 'percent' && /多少|几/.test(q.text) && !/增|降|涨|减|压|升|提高|回落|变化|百分|%|率/.test(q.text.replace(/增加值/g, ''))) return 'level';
  // The amount itself asked (GDP总量): a rate of change of it is another figure.
  if (q.intent === 'value' && change && k.lex.metrics.levelWords.words.some((w) => q.metric.includes(w))) return 'level';
  // Each member's figure (各引进1个以上) answers only a question of each.
  if (perMember(k, r) && !k.lex.metrics.perMember.asked.some((w) => q.metric.includes(w))) return 'metric';
  // An average asked (村均经营性收入) is never the whole's total beside it (…实现经营性收入8.46亿元,村均592万元).
  const average = k.lex.metrics.averages.words.find((w) => fold(q.metric).includes(w));
  if (average && !fold(`${r.subject}${r.name}`).includes(average)) return 'metric';
  // A figure the question itself gives (那7个超亿美元外资项目) is what it knows, not what it asks.
  if (r.value !== null && givenIn(q.text, r)) return 'figure';
  const fit = metricOf(k, q, reading, cs, r, wording);
  return fit === 'fits' ? undefined : fit;
}

const CHANGED_END = /(?:压减|压降|下降|减少|降低|增长|提高|上升|增加)$/;
const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });
// Words that join others and name nothing: a record need not contain them.
// (到 and 至 of 扩容到多少 only point at the level reached.)
const JOINERS = new Set([...'和与及的了在是有对把被给跟同向从为并或而且就都也还要将会能可需已均共去来到至']);
const CJK_WORD = /^[\u3400-\u9fff]+$/;
const NOT_DONE = /未|没有/;
const PLACE_LIKE_END = /(?:[镇乡村区县市城港湾岛]|街道|社区)$/;

/**
 * The query's content as concepts, each a word the record should contain: alias groups
 * where a member is named (GDP → 生产总值 …), otherwise the words of the content. The word
 * segmenter splits rare words into single characters (流/转/率), so runs of single characters
 * are joined again; a lone joining character (和, 了) is dropped.
 */
const fillerCache = new WeakMap<Knowledge, Set<string>>();
function fillerChars(k: Knowledge): Set<string> {
  let set = fillerCache.get(k);
  if (!set) fillerCache.set(k, (set = new Set(k.lex.lexicon.questionWords.filter((w) => w.length === 1))));
  return set;
}

const conceptMemo = new WeakMap<Knowledge, Map<string, Concept[]>>();

export function concepts(k: Knowledge, q: Query): Concept[] {
  // A question's concepts are asked for several times (matching, tasks, the lead clause).
  let memo = conceptMemo.get(k);
  if (!memo) conceptMemo.set(k, (memo = new Map()));
  const key = `${q.metric}|${q.places.map((p) => p.text).join(',')}`;
  let cs = memo.get(key);
  if (!cs) {
    if (memo.size > 10_000) memo.clear();
    memo.set(key, (cs = conceptsOf(k, q)));
  }
  return cs;
}

function conceptsOf(k: Knowledge, q: Query): Concept[] {
  let rest = q.metric;
  const out: Concept[] = [];
  k.lex.aliasGroups.forEach((group) => {
    const named = [...group].sort((a, b) => b.length - a.length).find((m) => rest.includes(m));
    if (!named) return;
    out.push({ forms: group, weight: Math.max(1, named.length) });
    rest = rest.split(named).join(' ');
  });
  for (const p of q.places) rest = rest.split(p.text).join(' ');
  let run = '';
  // The word just before the run, when nothing stands between them.
  let before: Concept | undefined;
  const written = (pair: string) => documentFrequency(k.index, pair) > 0;
  const flush = () => {
    // (A pair the reports write, 用能 or 在谈, is a word, joining characters and all.)
    const pair = run.length === 2 && written(run);
    while (run && !pair && JOINERS.has(run[0])) run = run.slice(1);
    while (run && !pair && JOINERS.has(run[run.length - 1])) run = run.slice(0, -1);
    // Characters the segmenter left alone belong together as the reports write them: the first
    // may end the word before (科技|城营收 is 科技城|营收, 天鹅|湖在谈 is 天鹅湖|在谈).
    const word = before?.forms.length === 1 && CJK_WORD.test(before.forms[0]) ? before.forms[0] : undefined;
    // (制造|业占比 is 制造业|占比: a head the metrics know, 占比, whether or not the reports write it.)
    if (word && run.length >= 3 && written(word.slice(-1) + run[0]) && ((!written(run.slice(0, 2)) && written(run.slice(1, 3))) || k.lex.metrics.heads.includes(run.slice(1)))) {
      before!.forms = [word + run[0]];
      before!.weight += 1;
      run = run.slice(1);
    }
    // A verb the segmenter glued on (微网格建 of 微网格建了几个): the reports write the rest, never the last pair.
    if (run.length >= 3 && !written(run.slice(-2)) && pairsOf(run.slice(0, -1)).every(written)) run = run.slice(0, -1);
    // 无忧参保 of 大病无忧参保人数: where the pair across the middle is one the reports never write,
    // the run is two words (无忧, 参保), each found on its own.
    if (run.length === 4 && !written(run.slice(1, 3)) && written(run.slice(0, 2)) && written(run.slice(2))) {
      out.push({ forms: [run.slice(0, 2)], weight: 2 }, { forms: [run.slice(2)], weight: 2 });
      run = '';
    }
    // (A light verb alone, 搞 of 搞了多少个微网格, says only that something was done.)
    if (run.length === 1 && k.lex.lexicon.lightVerbs.includes(run)) run = '';
    if (run) out.push({ forms: [run], weight: run.length });
    run = '';
    before = undefined;
  };
  const fillers = fillerChars(k);
  const loose = new Set(k.lex.lexicon.looseSuffixes);
  for (const { segment, isWordLike } of WORDS.segment(rest)) {
    // 数 of 最终核实数 only says it is a number: it need not be written.
    if (loose.has(segment) && run === '' && out.length) continue;
    // A question word may also end a word the reports write (用能 of 用能增长多少).
    if (fillers.has(segment) && run.length === 1 && CJK_WORD.test(segment) && written(run + segment)) {
      run += segment;
    } else if (!isWordLike || fillers.has(segment)) {
      // A question word the segmenter leaves standing (是, 哪 of 三朵云是哪三朵) names nothing.
      flush();
    } else if (CJK_WORD.test(segment) && segment.length === 1) {
      run += segment;
    } else {
      flush();
      // A joining character the segmenter kept on a word (扩容到) is not part of it.
      let word = segment;
      // (了 and 的 even of a word of two: 提了 is 提.)
      while ((word.length > 2 || /[了的]$/.test(word)) && word.length > 1 && JOINERS.has(word[word.length - 1])) word = word.slice(0, -1);
      while (word.length > 2 && JOINERS.has(word[0])) word = word.slice(1);
      out.push({ forms: [word], weight: CJK_WORD.test(word) ? word.length : 1 });
      before = out[out.length - 1];
    }
  }
  flush();
  // 户数, 人数: how something is counted, which its unit says (农户996户): any unit of that measure holds it.
  const dimensions = k.lex.metrics.dimensions;
  const typed = Object.entries(k.lex.lexicon.typedShort.words);
  for (const c of out) {
    // (超亿元: 超过亿元 as the reports write it, too.)
    const short = c.forms.length === 1 ? typed.find(([s, full]) => c.forms[0].startsWith(s) && !c.forms[0].startsWith(full) && c.forms[0].length > s.length) : undefined;
    if (short) c.forms = [...c.forms, short[1] + c.forms[0].slice(short[0].length)];
    const measure = c.forms.length === 1 && /数$|^人次$/.test(c.forms[0]) ? k.lex.metrics.headUnits[c.forms[0]] : undefined;
    if (measure && dimensions[measure]) c.forms = [...c.forms, ...dimensions[measure]];
  }
  return out;
}

/**
 * The share of the question's words a record's text holds. A word found whole counts fully;
 * a longer word found only in part (城市信用监测 against 信用状况监测) counts for the share of
 * its character pairs found (halved for words of three or four characters).
 */
export function coverage(hay: string, cs: Concept[], strict = true): number {
  let total = 0;
  let found = 0;
  for (const c of cs) {
    total += c.weight;
    if (holdsAny(hay, c.forms)) found += c.weight;
    // A character the segmenter left alone is a qualifier (财政总收入's 总): without it the
    // record is of another metric, however much else matches.
    else if (strict && c.forms.length === 1 && c.forms[0].length === 1 && CJK_WORD.test(c.forms[0])) return 0;
    else if (c.forms.length === 1 && c.forms[0].length >= 3) {
      const f = c.forms[0];
      let pairs = 0;
      for (const pair of pairsOf(f)) if (hay.includes(pair)) pairs++;
      found += ((f.length >= 5 ? 1 : 0.5) * c.weight * pairs) / (f.length - 1);
    }
  }
  return total ? found / total : 0;
}

/** Whether a text holds any of the forms (a loop: coverage runs for every record a question reads). */
function holdsAny(hay: string, forms: string[]): boolean {
  for (const f of forms) if (hay.includes(f)) return true;
  return false;
}

/** The character pairs of a word, kept: coverage reads the same words for record after record. */
const pairsKept = new Map<string, string[]>();
function pairsOf(word: string): string[] {
  let pairs = pairsKept.get(word);
  if (!pairs) {
    pairs = [];
    for (let i = 0; i + 1 < word.length; i++) pairs.push(word.slice(i, i + 2));
    if (pairsKept.size >= 10_000) pairsKept.clear();
    pairsKept.set(word, pairs);
  }
  return pairs;
}

/**
 * How many postings one question may score. Terms are taken rarest first until the budget is
 * spent or eight are taken (the three rarest always): rare terms find the record, common
 * ones only add work — and they still count in coverage, which every candidate is checked
 * against anyway. This keeps the work per question bounded however many records share a word.
 */
const POSTINGS_BUDGET = 600;
const ALWAYS = 3;
const MAX_TERMS = 8;

/** The terms searched for, joined, kept by the concepts (the same question's are searched several times). */
const termsMemo = new WeakMap<Concept[], string>();
function queryTerms(k: Knowledge, cs: Concept[]): string {
  let query = termsMemo.get(cs);
  if (query === undefined) termsMemo.set(cs, (query = termsOf(k, cs).join(' ')));
  return query;
}

function termsOf(k: Knowledge, cs: Concept[]): string[] {
  // (A measure's units hold it for coverage, never as words to search: 户 and 例 would crowd out 农房.)
  const searched = (c: Concept) => (k.lex.metrics.headUnits[c.forms[0]] && /数$|^人次$/.test(c.forms[0]) ? [c.forms[0]] : c.forms);
  const terms = [...new Set(cs.flatMap((c) => searched(c).flatMap((f) => tokensOfFolded(f))))];
  const withDf = terms.map((t) => ({ t, df: documentFrequency(k.index, t) })).filter((x) => x.df > 0);
  withDf.sort((a, b) => a.df - b.df || a.t.localeCompare(b.t));
  const kept: string[] = [];
  let spent = 0;
  for (const { t, df } of withDf) {
    if (kept.length >= MAX_TERMS || (kept.length >= ALWAYS && spent + df > POSTINGS_BUDGET)) break;
    kept.push(t);
    spent += df;
  }
  return kept;
}

/** The city whose officials ask (knowledge/regions.json's home): a question that names no place is of it. */
export const HOME = lexicon().regions.home;

const DATE = /\d{1,2}月\d{1,2}日/;

/** Whether a name is the name asked with words of its own around it (医药制造业投资 of 制造业投资); a verb done (完成) is none. */
function widens(k: Knowledge, name: string, asked: string): boolean {
  const own = ownName(k, name);
  return own !== asked && own.includes(asked);
}

/** A name as compared with the one asked: folded, without a verb done before it (完成固定资产投资). */
function ownName(k: Knowledge, name: string): string {
  const own = fold(name).replace(/[“”"\s]/g, '');
  // (Only a verb of the result itself: 开展消费帮扶 is no 消费帮扶 just so.)
  const verb = k.lex.lexicon.actualVerbs.find((v) => v.length >= 2 && own.startsWith(v));
  return verb ? own.slice(verb.length) : own;
}

function nameCoverageOf(name: string, cs: Concept[], known: Map<string, number>): number {
  let c = known.get(name);
  if (c === undefined) known.set(name, (c = coverage(name, cs)));
  return c;
}

/** What makes one fitting record a better answer than another of equal coverage. */
function bonus(q: Query, r: KnowledgeRecord, nameCoverage: number, canonical: string[]): number {
  let score = 0;
  const named = q.places.find((p) => p.region && p.region === r.region);
  if (named) score += 0.5;
  // A question that names no place is a Jiaxing official's: the city's own figure comes first.
  else if (!q.places.length && r.region === HOME) score += 0.6;
  const aspect = q.task?.aspect;
  if (r.type === 'indicator') {
    score += 1.2 * nameCoverage;
    // 用电量 names the group of 全社会用电量: the record named by the group's first name leads.
    if (canonical.length && canonical.some((c) => r.name.toLowerCase().includes(c))) score += 0.3;
    if (q.intent === 'value' || q.intent === 'growth') score += 0.3;
    if (q.intent === 'growth' && (r.growth.length || isChange(r))) score += 0.3;
    // A value asked: the figure itself before a rate of change of it.
    if (q.intent === 'value' && !isChange(r)) score += 0.3;
    if (r.headline) score += 0.1;
    // (A level first passed, 首次突破60亿元, after the figure itself.)
    if (/^首次/.test(r.figure)) score -= 0.4;
  }
  // 建设情况, 进展: what has been done, before what is aimed for.
  // Unless a target is asked, what happened comes before what is aimed for, however recent.
  if (r.type !== 'task' && !q.nature && r.nature === 'actual') score += /情况|进展|进度|怎么样|如何/.test(q.text) ? 0.8 : 0.4;
  if (r.type !== 'task' && q.nature === r.nature) score += 0.2;
  if (aspect === 'who' && r.type === 'task') score += 0.8;
  // 进展如何: a task with its progress answers better than a sentence about it.
  if (r.type === 'task' && (aspect === 'progress' || aspect === 'status' || aspect === 'why')) score += 2;
  // 什么时候: a sentence that gives a date answers it.
  if (aspect === 'when' && r.type !== 'task' && DATE.test(r.type === 'indicator' ? r.sentence : r.text)) score += 0.5;
  if (q.intent === 'fact' && r.type === 'passage') score += 0.3;
  // 哪三朵, 都有啥, 是啥意思: a sentence that lists (云访室、云网格、云管家; 三个“硬环境”、四个“软环境”)
  // answers an enumeration or a definition, the more items the better.
  if (q.intent === 'fact' && /哪[几些一二三四五六七八九十两]|都有|有哪|包括|哪.个|意思|是什么|是啥|指什么|啥样|什么样/.test(q.text)) {
    const text = r.type === 'indicator' ? r.sentence : r.text;
    const items = (text.match(/、/g)?.length ?? 0) + (text.match(/[一二三四五六七八九十两]个|[“"][^”"]{1,8}[”"]/g)?.length ?? 0);
    score += Math.min(0.6, 0.15 * items);
  }
  // 哪几个区: a sentence naming members that end so (引领区、先行区、样板区) lists them; one that
  // names as many as asked (哪六个), the more so.
  if (q.intent === 'fact' && q.members && r.type !== 'task') {
    const n = countMembers(r.type === 'indicator' ? r.sentence : r.text, q.members);
    if (n >= 2 && (q.members.noun || n === q.members.count)) score += 1 + (n === q.members.count ? 0.5 : 0);
  }
  // 一镇三村指的是哪些: the entry that defines the words (名词解释 1.一镇三村:…) says what they are.
  if (q.intent === 'fact' && r.type === 'passage' && q.metric && defines(r.text, q.metric)) score += 1;
  return score;
}

/** Whether a text opens by defining the words: 1.一镇三村:…, “四区”即…. */
function defines(text: string, metric: string): boolean {
  const term = metric.split(/\s+/)[0];
  if (term.length < 2) return false;
  const opening = fold(text).replace(/^\d{1,2}[.、．]\s*/, '').replace(/[“”"]/g, '');
  return opening.startsWith(term) && /^[:：]|^即|^是指/.test(opening.slice(term.length));
}

/** The members a text names: those ending in the noun asked, else the items of its longest list. */
export function countMembers(text: string, members: NonNullable<Query['members']>): number {
  if (members.noun) return membersIn(text, members.noun);
  return Math.max(0, ...text.split(/[，,；;。:：]/).map((c) => (c.includes('、') ? c.split('、').length : 0)));
}

/**
 * 哪几个区: the members are what was asked, as much as the words around them. A sentence that
 * names several ending so holds that much more of the question (建设成为 for 建成 then does).
 */
function listCoverage(k: Knowledge, q: Query, cs: Concept[], id: string, cov: number): number {
  const members = q.intent === 'fact' ? q.members : undefined;
  const r = members ? k.byId.get(id) : undefined;
  if (!members || !r || r.type === 'task') return cov;
  const n = countMembers(r.type === 'indicator' ? r.sentence : r.text, members);
  if (n < 2 || (!members.noun && n !== members.count)) return cov;
  const total = cs.reduce((a, c) => a + c.weight, 0);
  return (cov * total + 2) / (total + 2);
}

/** How many members ending in `noun` a text names in one run (A区、B区和C区). */
export function membersIn(text: string, noun: string): number {
  const member = `[\u4e00-\u9fff“”"]{2,12}?${noun}`;
  const runs = text.match(new RegExp(`${member}(?:[、和及与+]${member})+`, 'g')) ?? [];
  return Math.max(0, ...runs.map((run) => run.split(/[、和及与+]/).length));
}

/** Wordings scored per question; the members of each that fit the question become candidates. */
const GROUPS = 60;

export interface Matches {
  /** Records that answer the question, best first; empty when none does. */
  answers: Candidate[];
  /**
   * When none does: records of the question's topic that another place, period, basis or
   * target than the one asked would make answers, with why each does not, best first.
   */
  nearby: Candidate[];
}

const NEARBY = 30;

/** Matches the query against the records; `types` limits the kinds of record considered. */
export function match(k: Knowledge, q: Query, types?: KnowledgeRecord['type'][]): Matches {
  const found = matchWords(k, q, types);
  if (found.answers.length) return found;
  // (低效用地腾退 read 低|效用|地腾退: where nothing holds the words as read, the words the records' names write.)
  const again = namesWords(k, q);
  if (!again) return found;
  const second = matchWords(k, again, types);
  // (Only a figure whose name holds every word so read: no sentence-mate of another metric, 生猪出栏完成率 for 水稻播种完成率.)
  const named = second.answers.filter((c) => c.nameCoverage >= 0.99 && c.coverage >= 0.99);
  return named.length ? { ...second, answers: named } : found;
}

/** Whether a word is written in some record's name, as asked once per knowledge. */
const namedWords = new WeakMap<Knowledge, Map<string, boolean>>();

/**
 * The question again with its metric read as the records' names write it, longest words first
 * (低效用地|腾退 of 腾退低效用地): a query whose concepts are those words, or undefined when they
 * are the words already read or a stretch is no name's.
 */
function namesWords(k: Knowledge, q: Query): Query | undefined {
  const stretches = fold(q.metric).match(/[\u4e00-\u9fff]{4,}/g);
  if (!stretches) return undefined;
  let seen = namedWords.get(k);
  if (!seen) namedWords.set(k, (seen = new Map()));
  const said = (w: string) => {
    let is = seen!.get(w);
    if (is === undefined) seen!.set(w, (is = k.indicators.some((x) => x.name.includes(w))));
    return is;
  };
  const words: string[] = [];
  for (const stretch of stretches) {
    let rest = stretch;
    while (rest) {
      const w = [4, 3, 2].map((n) => rest.slice(0, n)).find((c) => c.length >= 2 && said(c));
      if (!w) return undefined;
      words.push(w);
      rest = rest.slice(w.length);
      if (rest.length === 1) return undefined;
    }
  }
  const read = concepts(k, q);
  if (words.every((w) => read.some((c) => c.forms[0] === w))) return undefined;
  // The concepts of the new reading are put where concepts() finds them, by a metric no question types (its words
  // spaced, a space after): the alias groups and other words as read before, each Chinese run's words as the names write
  // them. (Should the memo be emptied meanwhile, the words are read again by the segmenter: a weaker reading, no other.)
  const metric = `${words.join(' ')} `;
  const kept = read.filter((c) => c.forms.length > 1 || !/[\u4e00-\u9fff]{2}/.test(c.forms[0]) || !stretches.some((s) => s.includes(c.forms[0])));
  conceptMemo.get(k)!.set(`${metric}|${q.places.map((p) => p.text).join(',')}`, [...kept, ...words.map((w) => ({ forms: [w], weight: w.length }))]);
  return makeQuery({ ...q, metric });
}

function matchWords(k: Knowledge, q: Query, types?: KnowledgeRecord['type'][]): Matches {
  const none: Matches = { answers: [], nearby: [] };
  const cs = concepts(k, q);
  if (!cs.length) return none;
  const results = k.index.search(queryTerms(k, cs), {
    filter: types && ((res) => types.includes(k.byId.get((res.members as string[])[0])!.type)),
  });
  if (!results.length) return none;
  const top = results[0].score;
  const canonical = cs.filter((c) => c.forms.length > 1).map((c) => c.forms[0]);
  const reading = readMetric(q.metric, k.lex);
  const candidates: Candidate[] = [];
  const nearby: Candidate[] = [];
  // A list asked by what its members end in (哪几个区) may be in a long sentence that says little
  // else of the question: more wordings are read for it.
  const groups = q.intent === 'fact' && q.members ? GROUPS * 8 : GROUPS;
  // (Wordings that score as the last one read, to a thousandth, are read too: where the cut
  // falls among near-equals must not decide whether a record is seen.)
  const cut = results[groups - 1]?.score ?? 0;
  let read = Math.min(groups, results.length);
  while (read < results.length && results[read].score >= cut * 0.999) read++;
  // Past the cut, a wording that holds the question's rarest words is read too: long texts that
  // repeat its common words (城市, 投资) must not push out the one sentence about it (有机更新).
  const rare = queryTerms(k, cs).split(' ').slice(0, 2).filter(Boolean);
  const beyond = rare.length === 2 ? results.slice(read, read + 240).filter((res) => rare.every((t) => k.haystack.get((res.members as string[])[0])!.includes(t))) : [];
  // The metric as a name would say it, without the places the question names.
  const asName = q.places.reduce((m, p) => m.split(fold(p.text)).join(''), fold(q.metric)).replace(/\s+/g, '');
  for (const res of [...results.slice(0, read), ...beyond]) {
    const members = res.members as string[];
    // Members share their wording, so the first speaks for the coverage of all.
    // A statement's words need not all be there to the character: 建 of 参照啥模式建.
    const cov = listCoverage(k, q, cs, members[0], coverage(k.haystack.get(members[0])!, cs, q.intent === 'value' || q.intent === 'growth'));
    if (cov < MIN_COVERAGE) continue;
    const wording: Wording = {};
    for (const id of members) {
      const r = k.byId.get(id)!;
      const why = misfit(k, q, r, reading, cs, wording);
      if (why && (nearby.length >= NEARBY || r.type !== 'indicator')) continue;
      const nameCoverage = r.type === 'indicator' ? nameCoverageOf(k.nameHaystack.get(r.id)!, cs, (wording.nameCoverage ??= new Map())) : 0;
      // With no place named, a Jiaxing record that holds every word of the question outranks
      // another place's, however well that one's name matches: the asker is the city's.
      const home = !q.places.length && r.region === HOME && cov >= 0.99 ? 1 : 0;
      // A statement asked: the sentence that says it itself, before one whose neighbour does.
      const own = q.intent === 'fact' && r.type !== 'task' ? (wording.ownCoverage ??= coverage(fold(r.type === 'indicator' ? r.sentence : r.text), cs)) : 0;
      // Of two names that hold the question, the one that adds fewer qualifiers is nearer what was
      // asked (居民收入: 全体居民人均可支配收入 before 城乡居民人均可支配收入).
      const added = r.type === 'indicator' ? addedQualifiers(readMetric(r.name, k.lex).qualifiers, reading.qualifiers) : 0;
      const c: Candidate = { record: r, score: cov * 2 + own * 0.5 + home + (0.5 * res.score) / top + bonus(q, r, nameCoverage, canonical) - 0.1 * added, coverage: cov, nameCoverage };
      if (why) {
        // Of the metric asked, though another period or place? Only then is it "what the reports hold instead".
        const same = r.type === 'indicator' && why !== 'metric' && why !== 'figure' && q.metric !== '' && metricOf(k, q, reading, cs, r, wording) === 'fits';
        // (Written out, not spread: this runs for every record read.)
        nearby.push({ record: c.record, score: c.score, coverage: c.coverage, nameCoverage: c.nameCoverage, misfit: why, sameMetric: same });
      }
      else candidates.push(c);
    }
  }
  partsAfterWhole(k, candidates, asName);
  rareWordApart(k, q, cs, rare[0], [...results.slice(0, read), ...beyond], candidates, nearby);
  return levelsApart(targetsApart(q, ranked(k, q, candidates), nearby.sort(byScore(k))), q);
}

/**
 * 援疆项目投资完成了百分之几: where the question's rarest word (援疆) names the thing asked of and
 * a wording read holds it, a figure whose wording lacks it is another thing's (美丽城镇's
 * 投资完成率), however well the rest matches: it goes to what the reports hold nearby.
 */
function rareWordApart(k: Knowledge, q: Query, cs: Concept[], word: string | undefined, read: { members?: unknown }[], candidates: Candidate[], nearby: Candidate[]): void {
  // (A measure, 起数, is how a thing is counted, which its unit may say instead: no name of one.)
  // (Nor a piece of a word, or one of a metric's several names: 社零 is not written where 社会消费品零售总额 is.)
  if (!word || !/^[\u4e00-\u9fff]{2}$/.test(word) || k.lex.metrics.headUnits[word] || !cs.some((c) => c.forms.length === 1 && c.forms[0] === word) || (q.intent !== 'value' && q.intent !== 'growth') || documentFrequency(k.index, word) > RARE_WORDINGS) return;
  const holds = (id: string) => k.haystack.get(id)!.includes(word);
  if (!read.some((res) => holds((res.members as string[])[0])) || candidates.every((c) => holds(c.record.id))) return;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i];
    if (holds(c.record.id) || c.record.type !== 'indicator') continue;
    candidates.splice(i, 1);
    nearby.push({ record: c.record, score: c.score, coverage: c.coverage, nameCoverage: c.nameCoverage, misfit: 'metric', sameMetric: false });
  }
}
/** How few wordings a word may be in to name one thing (援疆, 有机更新) rather than a kind (项目, 投资). */
const RARE_WORDINGS = 8;

/**
 * 制造业投资 asked, where a figure is named so: those that name more around it (医药制造业投资,
 * a part of it) come after it. Where none is named just so (村集体经济总收入 of 行政村村…), none moves.
 */
function partsAfterWhole(k: Knowledge, candidates: Candidate[], asName: string): void {
  if (asName.length < 2 || !candidates.some((c) => c.record.type === 'indicator' && ownName(k, c.record.name) === asName)) return;
  for (const c of candidates) if (c.record.type === 'indicator' && widens(k, c.record.name, asName)) c.score -= 0.3;
}

/**
 * An amount asked (奉化2008年GDP) where the reports give only how it changed (增长8.1%) is no
 * answer: the change is said as what they hold instead. A question of a rate or a change, or in
 * a unit of its own, is not an amount asked; nor is a metric the reports only ever give as a
 * change (居民消费价格上涨2.1%).
 */
function levelsApart({ answers, nearby }: Matches, q: Query): Matches {
  const top = answers[0]?.record;
  // (A rate of change: 增加到68.5亿元 is a level reached, whatever its verb.)
  if (q.intent !== 'value' || q.unit || q.nature === 'target' || top?.type !== 'indicator' || !isChange(top) || !/%|‰|百分点/.test(top.unit) || /率|速|幅|百分|%|增|降|涨|升|变化|指数|价格/.test(q.text)) return { answers, nearby };
  if (answers.some((c) => c.record.type === 'indicator' && !isChange(c.record))) return { answers, nearby };
  const amounts = nearby.some((c) => c.sameMetric && c.record.type === 'indicator' && !isChange(c.record) && c.record.value !== null && !/%|‰/.test(c.record.unit));
  if (!amounts) return { answers, nearby };
  return { answers: [], nearby: [...answers.map((c) => ({ ...c, misfit: 'level' as const, sameMetric: true })), ...nearby] };
}

/**
 * With neither target nor result named, a period's figure of a metric the reports give results
 * of, where they hold only its target for that period (2020年GDP是多少 of a report given in
 * 2020, beside 2019's result), is no answer: the target is said as what they hold instead, never
 * given as the figure. A metric they only ever aim at (2020年新建污水管网多少公里) is its target.
 */
function targetsApart(q: Query, answers: Candidate[], nearby: Candidate[]): Matches {
  const top = answers[0]?.record;
  if (q.nature || !q.period || (q.intent !== 'value' && q.intent !== 'growth') || top?.type !== 'indicator' || top.nature !== 'target') return { answers, nearby };
  const resulted = nearby.some((c) => c.misfit === 'period' && c.sameMetric && c.coverage >= 0.99 && c.record.type === 'indicator' && c.record.nature === 'actual' && c.record.region === top.region);
  if (!resulted) return { answers, nearby };
  const targets = answers.filter((c) => c.record.type === 'indicator' && c.record.nature === 'target');
  return {
    // (Only results may answer instead: a sentence that merely names it is no figure of it.)
    answers: answers.filter((c) => c.record.type === 'indicator' && c.record.nature === 'actual'),
    nearby: [...targets.map((c) => ({ record: c.record, score: c.score, coverage: c.coverage, nameCoverage: c.nameCoverage, misfit: 'nature' as const, sameMetric: true })), ...nearby],
  };
}

// Words that open a name by how it was counted, not what (新增小麦…, 累计…).
const COUNTED_OPENING = /^(?:新增|新建|新|完成|实现|累计|全年|当年|年度|其中|全部|共)+/;

function siblingAsked(name: string, asked: string, cs: Concept[], sentence: string, figure?: string): boolean {
  // (Read once per record, so in loops: where each concept stands in the name and in the question.)
  let first = Infinity;
  let firstAsked = Infinity;
  let missingAsked = Infinity;
  let shared = '';
  for (const c of cs) {
    let inName = -1;
    let inAsked = Infinity;
    for (const f of c.forms) {
      const i = name.indexOf(f);
      if (i >= 0 && (inName < 0 || i < inName)) inName = i;
      if (i >= 0 && f.length > shared.length) shared = f;
      const j = asked.indexOf(f);
      if (j >= 0 && j < inAsked) inAsked = j;
    }
    if (inName >= 0) {
      first = Math.min(first, inName);
      firstAsked = Math.min(firstAsked, inAsked);
    } else if (c.weight >= 2 && inAsked < missingAsked) missingAsked = inAsked;
  }
  // (Only a word in the same place: 粮食 asked before 播种面积, as 小麦 stands before it in the name.)
  if (!shared || missingAsked === Infinity || missingAsked >= firstAsked) return false;
  const own = name.slice(0, first).replace(COUNTED_OPENING, '');
  // (项目完成投资 under the 浙北集装箱通道 task points at what the task names: no sibling.)
  // (Nor a word the question says itself: 人均 of 人均生产总值 asked as 按常住人口算人均GDP.)
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(own) || asked.includes(own) || /^(?:该|本|此|其)?(?:项目|工程|企业|园区|平台|全市|全县|全区)$/.test(own)) return false;
  // (And only among siblings the sentence lists: 小麦播种面积…水稻播种…蔬菜播种面积 says 播种 again.)
  const head = shared.slice(0, 2);
  const at = sentence.indexOf(head);
  if (at < 0 || sentence.indexOf(head, at + head.length) < 0) return false;
  // (A word its own sentence says, 大病无忧…发布以来参保人数, is the figure's topic: only one the
  // sentence never says, found in the task or part around it, can be a sibling's. Its own part of the
  // sentence: 小微企业 after a ；is another figure's, not the topic of 大型企业工业增加值 before it — cut only here, once
  // the rest holds.)
  const figureText = figure ? fold(figure) : '';
  const part = (figureText && sentence.split(/[；;]/).find((x) => x.includes(figureText))) || sentence;
  return cs.some((c) => c.weight >= 2 && !c.forms.some((f) => name.includes(f) || part.includes(f)) && c.forms.some((f) => { const j = asked.indexOf(f); return j >= 0 && j < firstAsked; }));
}

/** How many of a name's qualifiers the question does not ask (counted, not filtered: this runs for every record read). */
function addedQualifiers(has: string[], asked: string[]): number {
  let n = 0;
  for (const x of has) if (!asked.includes(x)) n++;
  return n;
}

/** Best first; of equal scores, the one that stands first in the reports (see Knowledge.standing). */
// (Compared, not subtracted: a comparator that returns a fraction allocates it.)
const byScore = (k: Knowledge) => (a: Candidate, b: Candidate) =>
  a.score < b.score ? 1 : a.score > b.score ? -1 : k.standing.get(a.record.id)! - k.standing.get(b.record.id)!;

/** How much lower a later figure of the same metric may score and still lead (see ranked). */
const LATEST_MARGIN = 1;

function ranked(k: Knowledge, q: Query, candidates: Candidate[]): Candidate[] {
  // Where the question names no period, the latest of equally good records comes first.
  if (!q.period && candidates.length > 1) {
    // (A figure whose year nobody knows is not older than the others: its words decide, not its date.)
    const periods = candidates.map((c) => recordPeriod(c.record));
    const keys = periods.map((p) => (p ? periodKey(p) : 0));
    const dated = keys.filter((_, i) => periods[i]?.year !== undefined || !periods[i]);
    const min = Math.min(...dated);
    const max = Math.max(...dated);
    const key = (i: number) => (periods[i] && periods[i]!.year === undefined ? max : keys[i]);
    if (dated.length && max > min) candidates.forEach((c, i) => (c.score += (0.25 * (key(i) - min)) / (max - min)));
  }
  candidates.sort(byScore(k));
  if (!q.period) latestFirst(k, candidates);
  if (!q.nature) actualFirst(k, candidates);
  preciseFirst(k, candidates);
  wholeFirst(k, q, candidates);
  partAfterWhole(candidates);
  qualifiedFirst(k, q, candidates);
  ownWordsFirst(k, q, candidates);
  return candidates;
}

/**
 * Of figures of one name, place and period (年度计划投资 of 安排政府投资项目24个 and of 续建项目15个),
 * the one whose own clauses, up to it, say more of the question leads: 政府投资项目年度计划投资
 * is 7.79亿元, not the 续建项目's 6.97亿元 that a sentence before only surrounds.
 */
function ownWordsFirst(k: Knowledge, q: Query, candidates: Candidate[]): void {
  const top = candidates[0]?.record;
  if (top?.type !== 'indicator') return;
  const cs = concepts(k, q);
  // (From the last ；: 新建项目18个,年度计划投资6.94亿元 after …政府投资项目… is the new projects'.)
  const upTo = (x: Indicator) => fold(x.sentence.slice(0, x.sentence.indexOf(x.figure) + x.figure.length)).split(/[；;。]/).at(-1)!;
  const said = (x: Indicator) => coverage(upTo(x), cs, false);
  const same = (x: KnowledgeRecord): x is Indicator => x.type === 'indicator' && fold(x.name) === fold(top.name) && x.region === top.region && x.period.label === top.period.label;
  let best = 0;
  candidates.forEach((c, i) => {
    if (i && same(c.record) && said(c.record) > said(candidates[best].record as Indicator)) best = i;
  });
  if (best) candidates.unshift(...candidates.splice(best, 1));
}

/**
 * A qualifier asked (地方 of 地方财政收入) that the leader's name lacks and only its sentence says
 * (财政收入14.37亿元,其中地方财政收入7.34亿元): the figure whose own name says it leads, of the
 * same place and period.
 */
function qualifiedFirst(k: Knowledge, q: Query, candidates: Candidate[]): void {
  const top = candidates[0]?.record;
  // (The words asked, without the places: 地方财政收入 of 武义地方财政收入, an alias group's member that reads no qualifier.)
  const core = q.places.reduce((m, p) => m.split(fold(p.text)).join(''), fold(q.metric).replace(/\s+/g, ''));
  const asked = readMetric(core, k.lex).qualifiers;
  if (top?.type !== 'indicator' || core.length < 2) return;
  const says = (x: Indicator) => fold(x.name).includes(core) || (asked.length > 0 && asked.every((w) => fold(x.name).includes(w) || fold(x.subject).includes(w)));
  // (Only where the leader names less than was asked: 财政收入 of 地方财政收入, not 生产总值 of GDP.)
  const less = fold(top.name).length < core.length && core.includes(fold(top.name));
  // (街道财政收入12.83亿元 beside its 一般公共预算收入7.57亿元: the name written as asked before an alias of it.)
  // (Only where one document names both, as two figures — 新增高技能人才1500人 and 完成新增技能人才2900人; and only a
  // figure of the same kind, named by the words asked at its end: 江苏13市中有4市GDP总量 is no GDP.)
  const literal = fold(top.name).includes(core) ? undefined : candidates.find(({ record: r, score }) => r.type === 'indicator' && r.source === top.source && score >= candidates[0].score - LATEST_MARGIN && r.region === top.region && r.period.label === top.period.label && isChange(r) === isChange(top) && fold(r.name).endsWith(core) && fold(r.name).length - core.length <= 4);
  if (literal) {
    candidates.splice(0, 0, ...candidates.splice(candidates.indexOf(literal), 1));
    return;
  }
  if (says(top) || (!less && !asked.length)) return;
  const better = candidates.find(({ record: r }) => r.type === 'indicator' && r.region === top.region && r.period.label === top.period.label && r.nature === top.nature && says(r));
  if (better) candidates.splice(0, 0, ...candidates.splice(candidates.indexOf(better), 1));
}

/**
 * Of two figures that both hold every word asked, of one place, period and kind, the one whose
 * name says less besides leads: 规模以上企业完成工业总产值 before 六大特色行业规上企业完成工业产值
 * (a part the question did not name) when asked 规上工业产值.
 */
function wholeFirst(k: Knowledge, q: Query, candidates: Candidate[]): void {
  const top = candidates[0];
  if (top?.record.type !== 'indicator') return;
  const t = top.record;
  const said = fold(`${q.text}${q.metric}`);
  // (生产总值 says no more than GDP asked: the words of an alias of what was asked count as asked.)
  const asked = new Set([...said, ...k.lex.aliasGroups.filter((g) => g.some((w) => said.includes(w))).flatMap((g) => [...g.join('')])]);
  const besides = (x: Indicator) => [...fold(x.name)].filter((c) => !asked.has(c)).length;
  const better = candidates.find(({ record: r, score, coverage, nameCoverage }) =>
    r.type === 'indicator' && r !== t && score >= top.score - LATEST_MARGIN && coverage >= top.coverage - 0.01 && nameCoverage >= top.nameCoverage - 0.01 &&
    r.region === t.region && r.period.label === t.period.label && r.nature === t.nature && isChange(r) === isChange(t) && !r.owner && !r.subject &&
    besides(r) + 3 <= besides(t));
  if (better) candidates.splice(0, 0, ...candidates.splice(candidates.indexOf(better), 1));
}

/** Whether a figure's clause opens with 其中 (其中,新设公有制企业386户): a part of the figure before it. */
const parts = new WeakMap<Indicator, boolean>();
function saidAsPart(r: Indicator): boolean {
  let part = parts.get(r);
  if (part === undefined) {
    const at = r.sentence.indexOf(r.figure);
    part = at >= 0 && /其中[，,]?[^，,；;。]*$/.test(r.sentence.slice(0, at));
    parts.set(r, part);
  }
  return part;
}

/**
 * Of two figures of one sentence in one unit that both hold what was asked, the whole before the part its
 * 其中 names (新设企业多少: 新设立各类企业3278户, not 其中,新设公有制企业386户) — where the part's
 * own words were not asked, its name holds no more of the question than the whole's.
 */
function partAfterWhole(candidates: Candidate[]): void {
  const top = candidates[0];
  if (top?.record.type !== 'indicator' || !saidAsPart(top.record)) return;
  const t = top.record;
  const whole = candidates.find(({ record: r, coverage, nameCoverage }) =>
    r.type === 'indicator' && r !== t && r.source === t.source && r.unit === t.unit && !saidAsPart(r) && r.period.label === t.period.label &&
    // (In its sentence before it, or the sentence right before one that opens with 其中.)
    (r.sentence === t.sentence ? r.sentence.indexOf(r.figure) < r.sentence.indexOf(t.figure) : /^\s*其中/.test(t.sentence) && r.line === t.line && (r.at ?? 0) === (t.at ?? 0) - 1) &&
    coverage >= top.coverage - 0.01 && nameCoverage >= top.nameCoverage - 0.01);
  if (whole) candidates.splice(0, 0, ...candidates.splice(candidates.indexOf(whole), 1));
}

/**
 * Of two statements of one figure (海宁 GDP 1196亿元 in its work report, 1196.3 in a county
 * table), the more precise leads: the same or an aliased name, place, period and nature, a
 * value within rounding of the leader's, written with more digits.
 */
function preciseFirst(k: Knowledge, candidates: Candidate[]): void {
  const top = candidates[0];
  if (top?.record.type !== 'indicator' || top.record.value === null) return;
  const t = top.record;
  const sameName = namedAs(k, t);
  const digits = (x: Indicator) => (x.figure.match(/\d/g) ?? []).length;
  const better = candidates.find(({ record: r, score }) =>
    r.type === 'indicator' && r.value !== null && score >= top.score - LATEST_MARGIN && r.region === t.region && r.period.label === t.period.label &&
    r.nature === t.nature && r.unit === t.unit && isChange(r) === isChange(t) && sameName(r) &&
    Math.abs(r.value - t.value!) <= Math.abs(t.value!) * 0.005 && digits(r) > digits(t));
  if (better) candidates.splice(0, 0, ...candidates.splice(candidates.indexOf(better), 1));
}

/**
 * With neither target nor result named, what was done leads what was aimed for, though the
 * target's name matched a little better (百年百项完工率: 完工率69.5%, then the target 80%): a
 * result that holds every word of the question, of the same place and kind of figure.
 */
function actualFirst(k: Knowledge, candidates: Candidate[]): void {
  const top = candidates[0];
  if (top?.record.type !== 'indicator' || top.record.nature !== 'target') return;
  const t = top.record;
  const done = candidates.find(({ record: r, score, coverage }) =>
    r.type === 'indicator' && r.nature === 'actual' && coverage >= 0.99 && score >= top.score - LATEST_MARGIN &&
    r.region === t.region && isChange(r) === isChange(t) && dimensionOf(r.unit, k.lex) === dimensionOf(t.unit, k.lex));
  if (done) candidates.splice(0, 0, ...candidates.splice(candidates.indexOf(done), 1));
}

/** Whether another indicator has the same name as `t`, or an alias of it (生产总值, GDP). */
function namedAs(k: Knowledge, t: Indicator): (other: Indicator) => boolean {
  // (GDP总量 is named as 地区生产总值: a word that says it is the amount is no other name.)
  const bare = (n: string) => k.lex.metrics.levelWords.words.reduce((x, w) => (x.length > w.length + 1 ? x.replace(new RegExp(`${w}$`), '') : x), fold(n));
  const name = bare(t.name);
  return (other) => {
    const o = bare(other.name);
    return o === name || k.lex.aliasGroups.some((g) => g.includes(name) && g.includes(o));
  };
}

/**
 * With no period named, the latest figure of the metric asked leads, though another scored a
 * little higher for its wording (生产总值 of 2021 and 地区生产总值 of 2024): the same or an aliased
 * name, as fully matched, of the same place, nature and kind of figure.
 */
function latestFirst(k: Knowledge, candidates: Candidate[]): void {
  const top = candidates[0];
  if (top?.record.type !== 'indicator') return;
  const t = top.record;
  const sameName = namedAs(k, t);
  let latest = top;
  for (const c of candidates) {
    const r = c.record;
    if (r.type !== 'indicator' || c.score < top.score - LATEST_MARGIN || c.coverage < top.coverage - 0.01 || c.nameCoverage < top.nameCoverage - 0.01) continue;
    if (r.region !== t.region || r.nature !== t.nature || isChange(r) !== isChange(t) || dimensionOf(r.unit, k.lex) !== dimensionOf(t.unit, k.lex)) continue;
    if (sameName(r) && periodKey(r.period) > periodKey((latest.record as Indicator).period)) latest = c;
  }
  if (latest !== top) candidates.splice(0, 0, ...candidates.splice(candidates.indexOf(latest), 1));
}
