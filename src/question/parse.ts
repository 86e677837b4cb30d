/**
 * Reading a question into a Query: what it pins down (places, period, target or result,
 * basis, unit, document, task filters) is taken out of the text one kind at a time, and
 * what is left is the metric or topic. Word lists are in knowledge/lexicon.json; the patterns
 * here are the grammar around them (第n项, 占…的比重, 2019年).
 */
import type { Period } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { makeQuery, type DocumentScope, type Intent, type Query, type TaskAspect, type TaskFilter } from './query.js';
import { escapeRegExp, fold } from '../text/normalize.js';
import { findPeriods, label } from '../text/period.js';
import { findPlaces, isWithin, leadingThing, scopesBeside } from '../text/places.js';
import { questionWords, without, findWord, type QuestionWords } from './words.js';
import { correctTypos } from './spell.js';
import { qualifiersOf } from './metric.js';
import { headlineOf } from './topics.js';
import { inRecordName, signalWord } from './names.js';
import { computeSides, splitParts } from './split.js';

/** 要 after a period or a place, before what is to be done: a target asked. */
// (…投资要增长多少: 要 right before what is to be done, too.)
const AIMED = /(?:\d{2}(?:\d{2})?年|今年|明年|全年|[县市区镇项条]|任务)要(?![求素点闻是])[\u4e00-\u9fff]|要(?:增长|提高|提升|达到|实现|新增|新建|下降|降低|控制|引进|突破)(?:多少|几|到)|(?<![认确制评鉴核审决规约设稳锁排划选指拟商签测界判敲锚限裁预既特法议标坚肯必一固安])定(?:的|了)(?:是)?(?:多少|几)/;
// (城镇新增就业定的多少: what a report set, of what it names before — not 排定, 锚定 or any verb of 定.)
const SET_AT = /(?<![认确制评鉴核审决规约设稳锁排划选指拟商签测界判敲锚限裁预既特法议标坚肯必一固安])定(?:的|了)?(?=\s|$)/g;
const AIMED_AFTER_PLACE = /^(?![求素点闻是])[\u4e00-\u9fff]/;
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十二 → 12, 九十六 → 96, 一百 → 100: the small numbers questions spell out. */
export function chineseNumber(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_DIGITS[ch];
  }
  return total + digit;
}

/** 六月 → 6月, 第十项 → 第10项, 19年 → 2019年, 二〇一九年 → 2019年, so the period and number readers see digits. */
function digitsFor(text: string): string {
  return text
    .replace(/([〇零一二三四五六七八九]{4})(?=年)/g, (y) => [...y].map((c) => String(CN_DIGITS[c])).join(''))
    // (一七年, 二〇年: a year of this century by its last two digits, as 17年 is.)
    .replace(/(?<![〇零一二两三四五六七八九十百千万第])([〇零一二])([〇零一二三四五六七八九])(?=年)/g, (_m, a: string, b: string) => `${CN_DIGITS[a]}${CN_DIGITS[b]}`)
    .replace(/([零〇一二两三四五六七八九十百]*[一二两三四五六七八九十][零〇一二两三四五六七八九十百]*)(?=月|项|条|号|个月|季度)/g, (m, _n, at: number) =>
      // 一季度, 第一季度 and 前三季度 stay words: the period reader knows them.
      /季度/.test(text.slice(at + m.length, at + m.length + 2)) ? m : String(chineseNumber(m) ?? m),
    )
    // 第十二项 and 任务二十五 are numbers as the tables write them; 第二产业, 第一季度, 第六届
    // and 第二名 stay as the reports write them.
    // (任务一共, 措施一些: words, not numbers.)
    .replace(/(第)([零〇一二两三四五六七八九十百]+)(?=项|条|号|期|[?？]|$)|(任务|措施|编号)([零〇一二两三四五六七八九十百]+)(?![共些下般样直起定批切道同体致])/g, (m, w1, n1, w2, n2) =>
      `${w1 ?? w2}${chineseNumber(n1 ?? n2) ?? n1 ?? n2}`,
    )
    .replace(/(?<![\d.])([0-9]{2})年/g, (m, y) => (Number(y) >= 10 && Number(y) <= 40 ? `20${y}年` : m))
    // 出口名牌到120家了吗, 占比到39%没有, 发热门诊30家改完了吗: the mark asked about is what was aimed at; what was
    // reached is asked.
    .replace(/(?:到|达到|超过|超|突破)了?\d+(?:\.\d+)?(?:%|[个家项所台名人户亿万元]{1,3})?了?(?:吗|没有|没|了没|没呢)([？?]?)$/, '实际多少$1')
    .replace(/\d+(?:\.\d+)?[个家项所台户](?=[\u4e00-\u9fff]{1,2}完了?[吗没])/, '')
    // (高标准农田今年目标6万亩 建了多少: the aim the asker states, then what was done of it.)
    .replace(/目标(?:是|为)?\d+(?:\.\d+)?[万亿千百]*(?:美元|[亩个家项所台户人元吨件条座名])?[，,]*(?=[\u4e00-\u9fff]{1,2}了(?:多少|几))/, '实际')
    .replace(/([\u4e00-\u9fff])完了?(?:吗|没有|没)([？?]?)$/, '$1完成多少$2')
    // 6月30号: the day as the reports write it.
    .replace(/(\d{1,2}月\d{1,2})号/g, '$1日')
    // 完成了百分之几: the rate of doing it, as the reports name it.
    // (A follow-up that is only these words asks of the last figure: generic.ts reads it.)
    .replace(/(?<=[\u4e00-\u9fff]{2})完成了?(?:百分之几|多少比例|几成)/g, '完成率是多少')
    // 死了多少人: the deaths, as the reports name them.
    .replace(/死了(?=多少|几)/g, '死亡')
    // 办了多少班: the thing done is one character after the ask (办班, as the reports write it), no unit.
    .replace(/([办建开修种签])了?(多少|几)(?:批|期)?([班会课站所])(?![\u4e00-\u9fff])/g, '$1$3$2');
}

/** The unit a question expects: 多少家 → 家, 几个人 → 人; a rate (…率, 比重) → %; an amount of money → 元. */
const ASKED_UNIT = /(?:多少|几)(个亿千瓦时|个亿(?!千瓦时)|个百分点|百分点|个人|倍|万人次|人次|万人|万户|万名|万个|万家|万件|万套|万吨|吨|万亩|亩|平方公里|平方米|公里|亿千瓦时|千瓦时|亿元|万元|亿美元|万美元|美元|亿|万|元|[个家项名户件座所条艘辆台套张次批场起间处栋幢]|人(?![口员才数均]))/g;

function expectedUnit(text: string): string | undefined {
  // 第几张 asks an ordinal and 哪几个 a list: neither is a count in a unit.
  const asked = [...text.matchAll(ASKED_UNIT)].find((m) => !/[第哪]$/.test(text.slice(0, m.index)));
  // 多少美元 asks dollars; 多少亿 / 多少万元, an amount of money in either.
  // (多少人口, 几个人才: 人 begins the word asked, no unit.)
  // (几万 alone is only how big: 新引进大学生几万 asks people.)
  if (asked?.[1] === '万') return undefined;
  // (几个亿 is money too.)
  if (asked) return /美元/.test(asked[1]) ? '美元' : asked[1] === '个亿千瓦时' ? '亿千瓦时' : /元|^个?亿$/.test(asked[1]) ? '元' : asked[1] === '个百分点' ? '百分点' : asked[1] === '个人' ? '人' : asked[1];
  if (/(率|比重|占比|比例|覆盖率|份额)(?:是|为|达到|有)?(?:多少|几何)?\s*$/.test(text.trim()) || /百分之几|百分之多少/.test(text)) return '%';
  if (/多少钱/.test(text)) return '元';
  return undefined;
}

/**
 * Takes words out of the content. Words of two or more characters go wherever they stand,
 * except inside a metric name the records use (增加 of 增加值, 计划 of 年度计划完成率); a
 * single character (是, 有, 为) only at the edge of a run, so 有轨电车 keeps its 有.
 */
const edgeCache = new WeakMap<readonly string[], RegExp>();

function remove(k: Knowledge, text: string, list: readonly string[]): string {
  let out = text;
  for (const w of list) {
    if (w.length < 2 || !out.includes(w)) continue;
    let next = '';
    let from = 0;
    for (let at = out.indexOf(w); at >= 0; at = out.indexOf(w, at + w.length)) {
      if (inRecordName(k, out, at, w)) continue;
      next += out.slice(from, at) + ' ';
      from = at + w.length;
    }
    out = next + out.slice(from);
  }
  out = out.split('的').join(' ');
  let edge = edgeCache.get(list);
  if (!edge) {
    const single = list.filter((w) => w.length === 1 && w !== '的').map(escapeRegExp).join('');
    edgeCache.set(list, (edge = single ? new RegExp(`(^|\\s)[${single}]+|[${single}]+(?=\\s|$)`, 'g') : /$^/g));
  }
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(edge, ' ');
  }
  return out;
}

const PUNCTUATION = /[?？!！。,，、;；:："“”'‘’()（）【】《》<>\[\]{}|\\/~`@#$^&*_=+…·\-〔〕]+/g;

/** Punctuation becomes space, except a dash between digits (1-6月). */
function unpunctuate(text: string): string {
  return text.replace(PUNCTUATION, (m, at: number) =>
    /\d/.test(text[at - 1] ?? '') && /[-~]/.test(m) && /\d/.test(text[at + m.length] ?? '') ? m : ' ',
  );
}

/** A document's number as issued: 嘉委发〔2017〕12号. */
// (As typed too: 嘉委发2017 12号, 嘉委发2017年12号 — a prefix that ends as one does, 发 or 函.)
// (嘉委发12号: its year left out — any year's 12号 of that prefix.)
// (Only of an issuer's prefix, 委发 or 府办: 开发12号地块 is no document.)
const DOC_NUMBER = /([\u4e00-\u9fff]{1,8})[〔\[(（]((?:19|20)\d{2})[〕\])）](\d{1,4})号|([\u4e00-\u9fff]{1,8}?(?:发|函|字|办))\s*((?:19|20)\d{2})年?\s*第?(\d{1,4})号|([\u4e00-\u9fff]{0,6}?[委府政办局厅部](?:发|函|字|办))\s*第?(\d{1,4})号/;

interface Taken {
  rest: string;
}

/** Finds a word of a keyed list in `t.rest`, takes it out, and returns its key. */
function takeKeyed<K>(t: Taken, list: [string, K][], after?: string): K | undefined {
  for (const [word, key] of list) {
    if (t.rest.includes(word)) {
      t.rest = after ? t.rest.split(new RegExp(`${escapeRegExp(word)}(?:${after})?`)).join(' ') : t.rest.split(word).join(' ');
      return key;
    }
  }
  return undefined;
}

/**
 * What of a task is asked. 是啥 only asks: beside a word of another aspect (状态是啥, 谁牵头是啥)
 * that word says what is asked; both are taken out.
 */
function takeAspect(t: Taken, list: [string, TaskAspect][]): TaskAspect | undefined {
  const first = takeKeyed(t, list);
  if (first !== 'what') return first;
  return takeKeyed(t, list.filter(([, key]) => key !== 'what')) ?? first;
}

function takeWord(t: Taken, list: readonly string[]): string | undefined {
  const w = findWord(t.rest, list);
  if (w) t.rest = t.rest.split(w).join(' ');
  return w;
}

function taskNumber(t: Taken, w: QuestionWords, scope: DocumentScope): number | undefined {
  // A plan's measures are numbered （n）: 第（15）条, （67）那条, (9).
  const bracket = t.rest.match(/第?[（(](\d{1,3})[）)](?:条|项)?/);
  if (bracket) {
    t.rest = t.rest.replace(bracket[0], ' ');
    scope.kind ??= 'plan';
    return Number(bracket[1]);
  }
  const numbered =
    t.rest.match(/第(\d{1,3})(项|条|个|号)(任务|工作|措施|举措)?/) ??
    t.rest.match(/第(\d{1,3})()(任务|措施|举措)/) ??
    t.rest.match(/(?:任务|措施)(?:编号|序号|no\.?)?(\d{1,3})()()(?![\d.%年月])/);
  if (!numbered) return undefined;
  const n = Number(numbered[1]);
  if (!(n > 0)) return undefined;
  t.rest = t.rest.replace(numbered[0], ' ');
  if (numbered[2] === '条' || /措施|举措/.test(numbered[3] ?? '') || findWord(t.rest, w.measure)) scope.kind ??= 'plan';
  return n;
}

/** 十三五, 过去五年, 今后五年, 2016-2020年: a span of years. */
function takeSpan(t: Taken, w: QuestionWords): Period | undefined {
  const years = t.rest.match(/((?:19|20)\d{2})年?[-—~至到]((?:19|20)\d{2})年/);
  if (years) {
    t.rest = t.rest.replace(years[0], ' ');
    const [fromYear, toYear] = [Number(years[1]), Number(years[2])];
    return { kind: 'span', fromYear, toYear, label: `${fromYear}-${toYear}年` };
  }
  for (const [word, [fromYear, toYear]] of w.spans) {
    if (t.rest.includes(word)) {
      // (十二五期间, “十三五”时期: the word for the time goes with it.)
      t.rest = t.rest.split(new RegExp(`[“"]?${word}[”"]?(?:期间|时期)?`)).join(' ');
      return { kind: 'span', fromYear, toYear, label: `“${word}”时期（${fromYear}-${toYear}年）` };
    }
  }
  // (The years ahead first: 今后五年 holds 五年, which alone means the years past.)
  const next = takeWord(t, w.nextSpans);
  if (next) return { kind: 'span', label: '今后五年' };
  const past = takeWord(t, w.pastSpans);
  if (past) return { kind: 'span', label: '过去五年' };
  return undefined;
}

/** The period a question pins, with relative words (今年, 上月) resolved against today. */
function takePeriod(t: Taken, w: QuestionWords, now: Date): { period?: Period; relative?: Query['relative'] } {
  const today = now.getFullYear();
  // 前年, 五年前: a year counted back from this one (before the spans: 五年 alone is the years past).
  const ago = t.rest.match(/前年(?!底|末)|(?<![\d年])([一二两三四五六七八九十]|\d{1,2})年前(?!\d)/);
  if (ago) {
    t.rest = t.rest.replace(ago[0], ' ');
    const back = ago[1] ? (chineseNumber(ago[1]) ?? Number(ago[1])) : 2;
    return { period: { kind: 'year', year: today - back, label: `${today - back}年` } };
  }
  const span = takeSpan(t, w);
  if (span) return { period: span };
  // 今年以来 is a span from January: the period reader knows it; 今年 alone is relative.
  const relative = /今年以来|年初以来|本年以来|年初至今|今年至今/.test(t.rest) ? undefined : takeKeyed(t, w.relative);
  // 到2020年 sets a target's year: the 到 goes with the year. (截至2021年6月底 is a date of its own.)
  t.rest = t.rest.replace(/(?<!截)(?:到|至)(?=(?:19|20)\d{2}年)/g, ' ');
  const found = findPeriods(t.rest);
  // 1-9月…9月当月: the month said to be on its own wins.
  const alone = found.find((m) => m.period.kind === 'month' && /^(?:当月|单月)/.test(t.rest.slice(m.index + m.length)));
  const year = found.find((m) => m.period.year !== undefined)?.period.year;
  const single = alone && alone.period.year === undefined && year !== undefined ? { ...alone, period: { ...alone.period, year, label: `${year}年${alone.period.label}` } } : alone;
  const mention = single ?? [...found].sort((a, b) => (b.period.to !== undefined ? 1 : 0) - (a.period.to !== undefined ? 1 : 0))[0];
  // A quarter or half-year keeps its name in answers (二季度, not 4-6月).
  const named = mention && t.rest.slice(mention.index, mention.index + mention.length).match(/(?:第?[一二三四]|前三)季度|[上下]半年/)?.[0];
  const best = mention && named ? { ...mention.period, label: `${mention.period.year ? `${mention.period.year}年` : ''}${named}` } : mention?.period;
  for (const m of [...found].reverse()) t.rest = t.rest.slice(0, m.index) + ' ' + t.rest.slice(m.index + m.length);
  // (上半年社零增速2020年: a year written apart from the months is theirs.)
  const apart = best && best.year === undefined && best.kind !== 'year' && best.kind !== 'span' ? found.find((m) => m.period.kind === 'year' && m.period.year !== undefined)?.period.year : undefined;
  let period = apart !== undefined ? { ...best!, year: apart, label: `${apart}年${best!.label}` } : best;
  if (!period || (period.year === undefined && period.kind !== 'span')) {
    // A bare year written without 年 (GDP 2019, 2020全年, 2021上半年), or with it before a figure's name the period
    // reader leaves (2020年5G基站).
    const bare = t.rest.match(/(?<!\d)((?:19|20)\d{2})(?!\d)年?/);
    if (bare) {
      t.rest = t.rest.replace(bare[0], ' ');
      const year = Number(bare[1]);
      period = period ? { ...period, year, label: period.kind === 'year' ? `${year}年` : `${year}年${period.label}` } : { kind: 'year', year, label: `${year}年` };
    }
  }
  const month = now.getMonth() + 1;
  const withLabel = (p: Omit<Period, 'label'>): Period => ({ ...p, label: label(p) });
  switch (relative) {
    case 'this-year':
      period = period ? withLabel({ ...period, year: period.year ?? today }) : withLabel({ kind: 'year', year: today });
      break;
    case 'last-year':
      period = period ? withLabel({ ...period, year: period.year ?? today - 1 }) : withLabel({ kind: 'year', year: today - 1 });
      break;
    case 'this-month':
      period ??= withLabel({ kind: 'month', year: today, to: month });
      break;
    case 'last-month':
      period ??= withLabel(month === 1 ? { kind: 'month', year: today - 1, to: 12 } : { kind: 'month', year: today, to: month - 1 });
      break;
  }
  return { period, relative };
}

const WORD_BOUNDARIES = new Intl.Segmenter('zh', { granularity: 'word' });

/** Whether text[at, at+length) starts and ends where words do (台办 is not a word of 平台办理). */
function onWordBoundaries(text: string, at: number, length: number): boolean {
  const cuts = new Set([...WORD_BOUNDARIES.segment(text)].map((s) => s.index));
  cuts.add(text.length);
  return cuts.has(at) && cuts.has(at + length);
}

/**
 * The department a question names, when it asks about work (牵头, 任务, 进展 …): by full name,
 * or by a short name that stands as a word of its own.
 */
function takeDepartment(t: Taken, k: Knowledge): string | undefined {
  for (const d of k.departments) {
    const at = t.rest.indexOf(d.text);
    if (at < 0) continue;
    if (d.text.length < 4 && d.text !== fold(d.name) && !onWordBoundaries(t.rest, at, d.text.length)) continue;
    t.rest = t.rest.slice(0, at) + ' ' + t.rest.slice(at + d.text.length);
    return d.name;
  }
  return undefined;
}

/** A name like a department's (…局, …委, …办) right before 牵头 / 负责 / 参与. */
function unknownDepartment(t: Taken, w: QuestionWords): string | undefined {
  const roles = [...w.lead, ...w.part].map(escapeRegExp).join('|');
  const m = t.rest.match(new RegExp(`([\\u4e00-\\u9fff]{1,10}?(?:局|委|办|厅|中心|集团|政府|公司))(?=${roles})`));
  if (!m) return undefined;
  t.rest = t.rest.replace(m[1], ' ');
  return m[1];
}

/** A year said of a document (2020年报告里说…, 20年政府工作报告中…): made once for the question words. */
const documentYears = new WeakMap<QuestionWords, RegExp>();
function documentYear(w: QuestionWords): RegExp {
  let re = documentYears.get(w);
  if (!re) documentYears.set(w, (re = new RegExp(`(?:19|20)?\\d{2}年的?(?=(?:${[...w.documents.map(([word]) => word), '报告'].map(escapeRegExp).join('|')})(?:里|中|内)?(?:说|讲|提到)?)`)));
  return re;
}

/** A name said right before a kind of document and where in it (示范点意见里): made once for the question words. */
const documentNames = new WeakMap<QuestionWords, RegExp>();
function documentNamed(w: QuestionWords): RegExp {
  let re = documentNames.get(w);
  if (!re) documentNames.set(w, (re = new RegExp(`(?:^|\\s)([\\u4e00-\\u9fff]{2,5}?)(?<![在的对里中])(?=(?:${w.documents.map(([word]) => word).map(escapeRegExp).join('|')})(?:里|中|内))`)));
  return re;
}

function takeScope(t: Taken, w: QuestionWords, scope: DocumentScope, lex: Lexicon): void {
  const number = t.rest.match(DOC_NUMBER);
  if (number) {
    scope.number = number[1] ? `${number[1]}〔${number[2]}〕${number[3]}号` : number[4] ? `${number[4]}〔${number[5]}〕${number[6]}号` : `${number[7]}${number[8]}号`;
    t.rest = t.rest.replace(number[0], ' ');
  }
  const issue = t.rest.match(/第(\d{1,3})期/);
  if (issue) {
    scope.number = `第${issue[1]}期`;
    scope.kind ??= 'bulletin';
    t.rest = t.rest.replace(issue[0], ' ');
  }
  // (2020年报告里说19年…: the year of the document, where another year is the figure's, is no period asked.)
  const docYear = t.rest.match(documentYear(w));
  if (docYear && /(?:19|20)?\d{2}年|去年|上年|前年/.test(t.rest.replace(docYear[0], ''))) {
    // (…说去年: the year before the document's, not before today's.)
    const digits = docYear[0].match(/\d+/)![0];
    const year = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
    t.rest = t.rest
      .replace(docYear[0], ' ')
      .replace(/(报告|公报|意见|方案)(里|中|内)?(?:说|讲|提到)/, '$1$2')
      .replace(/(?:去年|上年)(?!同期|末|底)/, `${year - 1}年`)
      .replace(/前年/, `${year - 2}年`);
  }
  // (嘉善意见里…, 政府工作报告中…, 报告对…有啥要求: where in the document, no word of the metric.)
  // (示范点意见里…: the words right before the kind word name which document, 嘉善县域科学发展示范点实施意见 — none of the metric either.)
  // (Not a place's name, 嘉善意见里: whose document it is, read with the places.)
  const named = t.rest.match(documentNamed(w));
  if (named && !findPlaces(named[1], lex).length) t.rest = t.rest.replace(named[1], ' ');
  const kind = takeKeyed(t, w.documents, '里|中|内|对');
  if (kind) scope.kind ??= kind as DocumentScope['kind'];
  // (20年报告对…有啥要求: a report of no kind said, where in it — no word of the metric either.)
  else t.rest = t.rest.replace(/报告(?:对|里|中)/g, ' ');
}

/** Takes the words that open a correction (不对，我问的是), longest first, from the start. */
function takeCorrection(t: Taken, words: string[]): boolean {
  let found = false;
  for (let again = true; again; ) {
    again = false;
    const rest = t.rest.replace(/^[\s，,。！!]+/, '');
    const word = [...words].sort((a, b) => b.length - a.length).find((x) => rest.startsWith(x));
    if (word) {
      t.rest = rest.slice(word.length);
      found = again = true;
    }
  }
  return found;
}

const NARROWING = /^(?:其中|这些里面?|这里面|这当中|里面)/;
const FACT = /哪|啥|什么(?!情况|水平|进展|数)|怎么|咋|谁|何时|何地|为何|第几/;
const COUNT = /几项|多少项|几个任务|多少个任务|几条|多少条|几个|多少个|几家|多少家|数量|有几|几件/;
const RANK = /最多|最少|最高|最低|排名|排[^，,。？?\s]{0,6}?第几|第几名|第几位|位次|列[^，,。？?\s]{0,6}?第几|居[^，,。？?\s]{0,6}?第几|排在|前几名|前三/;

/** Reads a question; `now` resolves 今年, 去年, 上月. `inner` reads one side or part of a question. */
/** The kind words a place's name may be asked without (前湾 of 前湾新区). */
const SHORT_KIND = /^(?:新区|开发区|经开区|高新区)$/;
const shortNames = new WeakMap<Lexicon, Map<string, string[]>>();

/** Per two characters, the places whose name or alias is those two and a kind word (前湾 → 宁波杭州湾新区): made once a lexicon. */
function shortNamed(lex: Lexicon): Map<string, string[]> {
  let map = shortNames.get(lex);
  if (map) return map;
  map = new Map();
  for (const r of lex.regions.regions) {
    for (const n of new Set([r.name, ...r.aliases])) {
      if (!SHORT_KIND.test(n.slice(2))) continue;
      const list = map.get(n.slice(0, 2)) ?? [];
      if (!list.includes(r.name)) list.push(r.name);
      map.set(n.slice(0, 2), list);
    }
  }
  shortNames.set(lex, map);
  return map;
}

export function parseQuery(input: string, k: Knowledge, now: Date = new Date(), inner = false): Query {
  const w = questionWords(k.lex);
  const text = typeof input === 'string' ? input.trim() : '';
  // (市区pm2.5 1-6月均值: a space between a number and the months after it keeps them apart when spaces go.)
  let folded = digitsFor(fold(text.slice(0, 400).replace(/(\d)\s+(?=\d{1,2}(?:\s*[-—~～至到]\s*\d{1,2})?月)/g, '$1·')));
  // One side of a question was read with the whole: its typos are mended already.
  const typos = inner ? { text: folded, corrections: [] } : correctTypos(folded, k);
  folded = typos.text;
  // (发热门诊改好了几家: 改造, as the reports write it.)
  for (const [said, written] of Object.entries(k.lex.lexicon.spoken.words)) folded = folded.split(said).join(written);
  const q = makeQuery({ text, intent: 'value', metric: '', qualifiers: [], places: [] });
  if (typos.corrections.length) q.corrections = typos.corrections;

  const bare = folded.replace(/[^\p{L}\p{N}/]/gu, '');
  if (!bare) return makeQuery({ ...q, intent: 'help' });
  if (w.help.includes(bare) || (bare.length <= 12 && w.help.some((h) => h.length >= 3 && bare.includes(h)))) return makeQuery({ ...q, intent: 'help' });
  if (w.greetings.includes(bare)) return makeQuery({ ...q, intent: 'greeting' });
  if (w.thanks.includes(bare) || (bare.length <= 8 && w.thanks.some((h) => h.length >= 2 && bare.startsWith(h)))) return makeQuery({ ...q, intent: 'thanks' });

  const scope: DocumentScope = {};
  const several = !inner && /分别|各自|各(?:是|为|有|安排了?|完成了?)?(?:多少|几)|都是多少/.test(folded);
  // The enumeration comma joins the parts of a question that asks for several.
  const t: Taken = { rest: several ? folded.replace(/、/g, '和') : folded };
  takeScope(t, w, scope, k.lex);
  const number = taskNumber(t, w, scope);
  // 各县（市、区）: read before its brackets are taken out.
  if (takeWord(t, w.eachPlace)) q.eachPlace = true;
  // 哪个县规上工业增加值增速最快: every county's figure, in order.
  const ranks = w.placeRank;
  if (findWord(t.rest, ranks.which)) {
    const end = findWord(t.rest, ranks.high) ? 'high' : findWord(t.rest, ranks.low) ? 'low' : undefined;
    if (end) {
      q.eachPlace = true;
      q.placeRank = end;
      t.rest = without(without(without(t.rest, ranks.which), ranks.high), ranks.low);
    }
  }
  t.rest = unpunctuate(t.rest);

  // A follow-up says so: 那1-6月呢, 还有桐乡的, 目标呢.
  // 不对，我问的是全社会用电量: a correction restarts the last question with what it names.
  const corrected = takeCorrection(t, k.lex.lexicon.correctionWords.words.map(fold));
  const followUp = corrected || w.followUpHeads.some((h) => t.rest.trimStart().startsWith(h)) || w.followUpTails.some((h) => t.rest.trimEnd().endsWith(h));
  // 其中哪些…, 这些里…: of the list just given; the words name nothing of their own.
  const narrows = NARROWING.test(t.rest.trimStart());
  if (narrows) t.rest = t.rest.trimStart().replace(NARROWING, ' ');

  if (findWord(t.rest, w.sources)) return makeQuery({ ...q, intent: 'sources' });
  // 有哪几份政府工作报告: the documents of that kind (of the place and year named).
  if (scope.kind && !scope.number && /^(?:都|一共|总共)?有?(?:哪几份|哪些|几份|多少份|哪几个|哪几篇)$/.test(t.rest.replace(/[\s的了呢吗？?]/g, '').replace(/^(?:收录|共)/, ''))) {
    return makeQuery({ ...q, intent: 'sources', scope: { kind: scope.kind } });
  }
  const fresh = takeWord(t, w.freshness);

  // Statuses, and tasks without one.
  const statuses = new Set<string>();
  for (const [word, list] of w.statuses) {
    if (t.rest.includes(word)) {
      list.forEach((s) => statuses.add(s));
      t.rest = t.rest.split(word).join(' ');
    }
  }
  const unmarked = Boolean(takeWord(t, w.unmarked));
  // A department is one only where work is asked about: 嘉兴南湖学院什么时候揭牌 asks a fact.
  const aboutWork =
    statuses.size > 0 || unmarked || number !== undefined || scope.kind === 'plan' || scope.kind === 'tasks' ||
    Boolean(findWord(t.rest, w.task) || findWord(t.rest, w.lead) || findWord(t.rest, w.part)) || /部门|单位|进展|进度|管啥|干啥|负责/.test(t.rest) || narrows;
  // A department the reports never name (市统计局牵头…) is still asked about: the answer is none.
  const department = aboutWork ? (takeDepartment(t, k) ?? unknownDepartment(t, w)) : undefined;

  // What of a document is asked, when a document is named and no task of it.
  let documentAsk: string | undefined;
  let alsoAsk: string[] = [];
  if ((scope.kind || scope.number) && number === undefined && !department && !statuses.size) {
    // 是贯彻哪个文件 asks what it implements, not its title: the title is asked only alone.
    // 哪天发的 asks when, not who: the ask named first decides.
    const asks = w.documentAsks
      .filter(([word]) => t.rest.includes(word))
      .sort((a, b) => t.rest.indexOf(a[0]) - t.rest.indexOf(b[0]))
      .map(([, key]) => key);
    documentAsk = asks.find((a) => a !== 'title') ?? asks[0];
    // 哪天在人代会上作的 asks the date and the meeting: every ask's words are taken out.
    // (Only where it says how it was made known: 哪天印发的 asks the date, not the issuer too.)
    alsoAsk = [...new Set(asks.filter((a) => a !== documentAsk && (a === 'meeting' || a === 'speaker')))];
    if (documentAsk) t.rest = without(t.rest, w.documentAsks.filter(([, key]) => key === documentAsk || alsoAsk.includes(key)).map(([word]) => word));
  }

  const role = findWord(t.rest, w.part) ? 'part' : findWord(t.rest, w.lead) ? 'lead' : undefined;
  // 那项是第几项: the task's number is asked, found by what it is about.
  const whichNumber = /第几项|第几条|哪一项任务|几号任务/.test(t.rest);
  // (哪六个单位牵头: which departments, however many the question counts.)
  t.rest = t.rest.replace(/哪[一二三四五六七八九十两几\d]{1,2}个?(单位|部门)/, '哪些$1');
  const aspect = documentAsk ? undefined : (takeAspect(t, w.aspects) ?? (whichNumber ? 'what' : undefined));
  if (whichNumber) t.rest = t.rest.replace(/第几项|第几条|哪一项任务|几号任务/g, ' ');
  if (role) t.rest = without(without(t.rest, w.lead), w.part);

  const compute = takeKeyed(t, w.compute);
  // Before the period: 比上年 is a basis, not last year.
  // 两年平均呢: the two-year average growth, where it is no comparison (比前两年平均).
  const twoYears = /(?<![比较与前])两年平均(?!相比)/;
  // 比2022年增长多少: a change over the year before, of the year after the one named.
  const overYear = t.rest.match(/(?:比|较)((?:19|20)\d{2})年(?:同期)?(?=[^，,。]*(?:增长|增加|下降|提高|减少|降低|上升|增|降|涨))/);
  if (overYear) t.rest = t.rest.replace(overYear[0], ' ');
  // 6月比5月涨了多少: over the month before is 环比; over another month, a comparison no basis of the reports names.
  const overMonth = t.rest.match(/(\d{1,2})月份?(?:比|较)(\d{1,2})月份?(?![底末])/);
  if (overMonth) t.rest = t.rest.replace(overMonth[0], ` ${overMonth[1]}月 `);
  const monthBefore = overMonth && (Number(overMonth[2]) % 12) + 1 === Number(overMonth[1]);
  const namedBasis = (overMonth ? (monthBefore ? '环比' : `比${overMonth[2]}月`) : undefined) ?? takeKeyed(t, w.bases) ?? (twoYears.test(t.rest) ? ((t.rest = t.rest.replace(twoYears, ' ')), '两年平均') : undefined);
  const taken = takePeriod(t, w, now);
  const after = overYear ? Number(overYear[1]) + 1 : undefined;
  const period = after && !taken.period ? { kind: 'year' as const, year: after, label: `${after}年` } : taken.period;
  const rel = taken.relative;
  const overBasis = after && period?.kind === 'year' && period.year === after ? '比上年' : overYear ? `比${overYear[1]}年` : undefined;
  let relative = rel;
  if (fresh) relative = 'latest';

  // Places stay in the content too: 大云温泉 is a topic as much as 大云 is a place.
  // 全市 is the home city's; 全省 too is a place (2023年全省GDP), but not as the frame of a rank or a comparison (全省第几, 高于全省).
  // 不含港区, 含嘉兴港区, 大口径: the scope asked, apart from the metric and the places.
  const scopeWord = t.rest.match(/不含|剔除|扣除|除去|(?<![不包])含(?!量|义|金)|[大小]口径|管理口径/);
  if (scopeWord) {
    const after = t.rest.slice(scopeWord.index! + scopeWord[0].length);
    // (不含经开区: a kind of zone named alone is left out as a place is.)
    const zone = k.lex.regions.zones.kinds.flat().sort((a, b) => b.length - a.length).find((w) => after.startsWith(w));
    const object = /口径$/.test(scopeWord[0]) ? '' : (findPlaces(after, k.lex).find((m) => m.index === 0)?.text ?? zone ?? after.match(/^[\u4e00-\u9fff、]{2,8}?(?=的)/)?.[0]);
    if (object !== undefined) {
      q.reckoning = `${scopeWord[0]}${object}`;
      t.rest = t.rest.replace(new RegExp(`${q.reckoning}的?`), ' ');
    }
  }
  // A place after a verb (引进上海产业项目, 接轨上海) or a scope word (不含嘉兴港区) is what the metric is of, not whose it is;
  // 全省 and 全国 are places only where they open the question (2023年全省GDP), not inside a name
  // (全国城乡交通运输一体化示范县) or a rank or comparison (全省第几, 高于全省).
  q.places = findPlaces(t.rest, k.lex, k.lex.regions.home)
    // (绍兴县GDP: a kind word the place's own name lacks makes another place, one the gazetteer does not
    // know — 绍兴县 is no 绍兴市 — whose figures no report gives.)
    .map((p) => {
      const kind = t.rest[p.index + p.text.length];
      const named = `${p.text}${kind}`;
      return p.region && !p.relative && /[县区]/.test(kind ?? '') && !p.region.endsWith(kind) && !/[县区市镇]$/.test(p.text) && !k.lex.placeNames.some((n) => n.text === named) && !/[县区市域内外里级城]/.test(t.rest[p.index + p.text.length + 1] ?? '')
        ? { ...p, region: named, text: named }
        : p;
    })
    // (乐清市级名师工作室: 市 goes with 级, the place is 乐清.)
    .map((p) => (/[市县区]$/.test(p.text) && t.rest[p.index + p.text.length] === '级' && p.region && k.lex.placeNames.some((n) => n.text === p.text.slice(0, -1) && n.region === p.region) ? { ...p, text: p.text.slice(0, -1) } : p))
    .filter((p) => !/(引进|接轨|对接|来自|赴|融入|服务|联动|不含|含|剔除|扣除|除去)$/.test(t.rest.slice(0, p.index)))
    .filter(
      (p) =>
        !(
          (p.relative || ['province', 'country'].includes(k.lex.regionByName.get(p.region ?? '')?.level ?? '')) &&
          p.region !== k.lex.regions.home &&
          (!/^[\s\d年月份季度上下半前一二三四末底至到\-—~～,，、]*$/.test(t.rest.slice(0, p.index)) ||
            /^(第[几\d一二三四五六七八九十]+(?![产])|排|位次|前列|前|首位|领先|平均|均值|水平)/.test(t.rest.slice(p.index + p.text.length)) ||
            // With no metric after it, 全省 is the other side of a comparison (比全省高多少): what is compared with —
            // but a place named alone (上海呢, 浙江呢, 全省呢) is whose figure is asked, unless compared with.
            // (全国 as a side of 比全国高多少 read alone is still the side compared with.)
            (((inner && p.relative) || /比|高于|低于|快于|慢于|相比|对比/.test(t.rest.slice(0, p.index))) && !/[\u4e00-\u9fff]{2}|[a-z]{2}/i.test(t.rest.slice(p.index + p.text.length).replace(/是|多少|几|呢|吗|高|低|快|慢|多|少/g, ''))))
        ),
    )
    // (三门固定资产投资增速全市第几: 全市 after the metric, before its rank, is what it ranks among, even for the home city;
    // so is 全市第几 alone, after a county's figure.)
    // (全国地级市排第几: what it ranks among may be said more closely, 地级市, before the rank.)
    .filter((p) => !(p.relative && (/[\u4e00-\u9fff]{2}|[a-z]{2}/i.test(t.rest.slice(0, p.index)) || !t.rest.slice(0, p.index).trim()) && /^(?:[\u4e00-\u9fff]{0,4}?中?)(?:第[几\d一二三四五六七八九十]+(?![产])|排|位次|前列|首位)/.test(t.rest.slice(p.index + p.text.length))))
    // 杭州西湖区: a place written right after the one it lies in is the one asked (the other is no word of the metric).
    .filter((p, i, all) => {
      const next = all[i + 1];
      const outer = next && p.region && next.region && next.index === p.index + p.text.length && isWithin(k.lex, next.region, p.region);
      if (outer) t.rest = `${t.rest.slice(0, p.index)}${' '.repeat(p.text.length)}${t.rest.slice(p.index + p.text.length)}`;
      return !outer;
    })
    // (丽水经开区: a zone's kind word right after a place is that place's zone, not 嘉兴's 经开区.)
    .filter((p, i, all) => {
      const before = all[i - 1];
      return !(before && before.index + before.text.length === p.index && k.lex.regions.zones.kinds.some((kind) => kind.includes(p.text)));
    })
    // 嘉兴与青浦吴江建立了多少项合作机制: places after 与 are partners, words of the metric, not whose it is.
    .filter((p, i, all) => {
      if (i === 0) return true;
      let between = t.rest.slice(all[0].index + all[0].text.length, p.index);
      for (const o of all.slice(1, i)) between = between.replace(o.text, '');
      return !(/^[与同跟和、及\s]+$/.test(between) && /[与同跟]/.test(between));
    })
    .map((p) => ({ region: p.region, text: p.text, ...(p.relative ? { relative: true } : {}) }));
  // 定海GDP占全市比重: a scope word beside a place named is of that place's city, not the home city's.
  q.places = scopesBeside(q.places, q.places, k.lex);
  // 临海2018年GDP: a short name that is also a common word (regions.json askedAs) names the place
  // when the question opens with it, and nowhere else.
  if (!q.places.length) {
    const opening = t.rest.replace(/^[\s\d年月份,，]*/, '');
    for (const r of k.lex.regions.regions) {
      const name = r.askedAs?.find((a) => opening.startsWith(a));
      if (name) {
        q.places = [{ region: r.name, text: name }];
        break;
      }
    }
    // (前湾规上工业产值, 金义新增城镇就业: a name asked without its kind word, 新区, is the place so named —
    // where only one is — never the home city's figure for want of it.)
    const head = opening.match(/^[\u4e00-\u9fff]{2}/)?.[0];
    const named = head ? shortNamed(k.lex).get(head) : undefined;
    if (!q.places.length && head && named?.length === 1) q.places = [{ region: named[0], text: head }];
  }

  // 比前两年平均降了多少: a comparison written out is the basis of the change asked.
  const compared = t.rest.match(/(?:比|较|与|同)([\u4e00-\u9fff]{2,8}?)(?:相比)?(?=(?:分别)?(?:增长|下降|降低|减少|提高|上升|增加|降|增|涨|高|低))/);
  const basis = namedBasis ?? overBasis ?? (compared && /年|月|期|平均/.test(compared[1]) ? compared[1] : undefined);
  if (compared && basis === compared[1]) t.rest = t.rest.replace(compared[0], ' ');
  // 计划 of 年度计划完成率 and 实际 of 实际利用外资 are part of a metric's name, not signals.
  // (2020年要引进…多少个, 嘉善要新建多少: 要 right after a period or a place says what is aimed at.)
  const aimed = AIMED.test(text) || q.places.some((p) => AIMED_AFTER_PLACE.test(text.split(`${p.text}要`)[1] ?? ''));
  // (优助计划给几家企业: a programme's name, 计划 before what it gave — no target asked; 年度计划的 still is one.)
  // (年度计划呢 after 市级重大项目总投资: the plan alone is the target of the last metric, whatever records are named 年度计划….)
  const planAlone = /^\s*(?:年度|全年|今年|当年)?计划[呢吗？?\s]*$/.test(t.rest);
  if (planAlone) t.rest = ' ';
  const targetWord = planAlone ? '计划' : signalWord(k, t.rest.replace(/(?<=[\u4e00-\u9fff]{2})(?<![年度期月季])计划(?=[给为帮对里中的])/g, '  '), w.target);
  const budgeted = budgetAsked(t.rest, k);
  if (budgeted) t.rest = t.rest.replace(budgeted, ' ');
  const target = aimed || Boolean(targetWord) || Boolean(budgeted);
  // (要完成多少: the 完成 of a target word asking a figure signals no result.)
  const signals = targetWord && /多少/.test(t.rest) ? t.rest.replace(targetWord, ' ') : t.rest;
  // (现在有几家: how many there are now, whatever the period words took of it.)
  const done = t.rest.match(w.shortDone);
  const shortDone = done && !k.lex.lexicon.shortVerbs.notAfter.includes(done[1]) ? done[2] : undefined;
  const actual = Boolean(shortDone || signalWord(k, signals, w.actual) || signalWord(k, signals, w.actualVerbs)) || /(?:现在|目前|如今)(?:有|已|共|是多少|是几|多少|几)/.test(text) || (!target && w.resultDone.test(t.rest));
  // 提高到多少, 降至多少: the level reached, not the change.
  const changeWord = signalWord(k, t.rest, w.change);
  const change = Boolean(basis) || Boolean(changeWord && !t.rest.includes(`${changeWord}到`) && !t.rest.includes(`${changeWord}至`));
  // (同比多了多少亿: the words of the change may take the ask with them; the question still says its unit.)
  const unit = expectedUnit(t.rest) ?? expectedUnit(text);
  const count = COUNT.test(t.rest);
  const rank = RANK.test(t.rest);
  // 哪几个区, 哪六个: the members asked, by the word they end in and their number.
  // (哪六场战役: a word of its own after the count, not the end its members share.)
  const enumerated = t.rest.match(/哪([一二三四五六七八九十两几\d]{1,2})(?:个|项|条|家|种|类|场|大|批)?([\u4e00-\u9fff]{0,3})\s*(?:呢|啊|吗)?\s*$/);
  // 占上半年的比重 asks a share; 占比 is the name of a metric.
  const share = t.rest.match(/占(?!比)(.{1,24}?)(?:的)?(?:比重|比例|几成|百分之几|多少)/);

  // What is left is content: drop the signal words. A count the question gives describes what
  // it asks about (那7个超亿美元外资项目): not a word to match.
  let rest = t.rest
    .replace(ASKED_UNIT, ' ')
    .replace(/(?<![\d.])\d+(?:个|家|项|条|所|座|批|名)/g, ' ')
    // 是哪六个, 哪几项, 哪些方面: the ask of an enumeration, not a word of it.
    .replace(/是?哪[一二三四五六七八九十两几]*(?:个|项|条|家|些|种|类|方面)?/g, ' ');
  rest = remove(k, rest, w.fillers);
  if (target) rest = remove(k, rest, w.target);
  if (aimed) rest = rest.replace(/(?<![主重需只])要(?![求素点闻是])/g, ' ').replace(SET_AT, ' ');
  if (actual) rest = remove(k, rest, w.actual);
  // (已完成投资多少: 已 marks the result asked; 完成投资 is what is asked of.)
  rest = rest.replace(/(^|\s)已(?=完成|实现|达到)/g, '$1');
  // (高标准农田建了多少, 国家级高端人才引了多少: a one-character verb done, after what was done.)
  // (高标准农田建了 asks 建高标准农田: built, as 新建 or 建成 names it; the verb goes before what was built.)
  if (shortDone) {
    // (Not of a place's things: 缪家村微网格建了几个 is what it 建立.)
    const named = k.lex.metrics.qualifiers.includes(`新${shortDone}`) && !q.places.length;
    // (项目投了多少: what 投 yields is measured as 投资.)
    const asks = k.lex.lexicon.shortVerbs.asks[shortDone];
    // (高标准农田上半年建了多少: the period taken out between them.)
    rest = rest.replace(new RegExp(`([\\u4e00-\\u9fff]*)\\s*${shortDone}(?=\\s|$)`), (_, what: string) => (named ? ` ${shortDone}${what} ` : asks ? ` ${what} ${asks} ` : ` ${what} `));
  }
  if (change) rest = remove(k, rest, w.change);
  rest = remove(k, rest, w.task);
  rest = remove(k, rest, w.measure);
  rest = rest.replace(/最多|最少|排名|第几名|第几位|位次|前几名/g, ' ');
  // (总量排全省第几: 排 of a rank asked is no word of the metric either.)
  if (rank) rest = rest.replace(/排(?=\s|全|在|第|前|$)|第几/g, ' ');
  const metric = rest
    .split(/\s+/)
    .filter((x) => x.length > 1 || /[a-z0-9]/.test(x))
    .join(' ');
  // 第一个 alone points into a list the conversation holds (conversation.ts), not at a topic.
  q.metric = /^第[一二三四五六七八九十两\d]{1,3}个$/.test(metric.replace(/\s+/g, '')) ? '' : headlineOf(metric, q.places, k.lex.regions.home, k);
  q.qualifiers = qualifiersOf(q.metric, k.lex);
  if (period) q.period = period;
  if (relative) q.relative = relative;
  if (target && !actual) q.nature = 'target';
  else if (actual && !target) q.nature = 'actual';
  // 现在竣工几个了, 目前多少: how things stand now, not what was aimed for.
  else if (!target && relative === 'latest' && /了|已/.test(t.rest)) q.nature = 'actual';
  if (basis) q.basis = basis;
  if (unit) q.unit = unit;
  if (enumerated) {
    const count = /^\d+$/.test(enumerated[1]) ? Number(enumerated[1]) : chineseNumber(enumerated[1]);
    const noun = enumerated[2]?.length === 1 ? enumerated[2] : undefined;
    if (count || noun) q.members = { ...(count ? { count } : {}), ...(noun ? { noun } : {}) };
  }
  // 一共多少项任务: a count of the tasks (or measures) themselves, with nothing else named.
  // (A place names whose table or plan it is: 嘉善实施意见一共有多少条措施.)
  const topic = q.places.reduce((m, p) => m.split(p.text).join(' '), q.metric).trim();
  // (任务一共几条: 条 is a counter of anything listed; said beside 任务, the tasks are asked, not a plan's measures.)
  const measure = findWord(t.rest, w.measure);
  const ofMeasures = !!measure && !(measure.length === 1 && findWord(t.rest, w.task));
  if (!topic && count && !scope.kind) {
    if (ofMeasures) scope.kind = 'plan';
    else if (findWord(t.rest, w.task)) scope.kind = 'tasks';
  }
  // 市合作交流办牵头哪些嘉善措施: measures are a plan's.
  if (!scope.kind && (department || statuses.size) && ofMeasures) scope.kind = 'plan';
  if (scope.kind || scope.number) q.scope = scope;
  if (followUp) q.followUp = true;
  if (corrected) q.corrects = true;

  const task: TaskFilter = {};
  if (number !== undefined) task.number = number;
  if (statuses.size) task.statuses = [...statuses];
  if (unmarked) task.unmarked = true;
  if (department) task.department = department;
  if (role) task.role = role;
  if (aspect) task.aspect = aspect;
  if (Object.keys(task).length) q.task = task;

  q.intent = intentOf({ q, said: folded, scope, documentAsk, fresh: Boolean(fresh), number, department, statuses: statuses.size > 0, unmarked, aspect, count, rank, change, compute, share: Boolean(share), several });
  if (documentAsk && q.intent === 'document') q.ask = documentAsk;
  if (alsoAsk.length && q.intent === 'document') q.alsoAsk = alsoAsk;
  if (q.intent === 'sources' && fresh) q.ask = 'freshness';
  let combined: string[] | undefined;
  if (q.intent === 'compute') {
    const sides = inner ? undefined : computeSides(folded);
    if (sides) {
      q.compute = sides.op;
      // An A left out is read as nothing pinned down; the conversation fills it in.
      const a = sides.a ? parseQuery(sides.a, k, now, true) : makeQuery({ text: '', intent: 'value', metric: '', qualifiers: [], places: [] });
      // (定海GDP占全市比重: a side named by a scope word alone is of the other side's place, 舟山市.)
      const bare = parseQuery(sides.b, k, now, true);
      const b = bare.places.every((p) => p.relative) ? makeQuery({ ...bare, places: scopesBeside(bare.places, a.places, k.lex) }) : bare;
      // 进出口总额比GDP增速高多少: a change named on one side is asked of both.
      const grown = [a, b].find((p) => p.intent === 'growth');
      q.parts = [a, b].map((p) => (grown && p.intent !== 'growth' ? makeQuery({ ...p, intent: 'growth' as const, ...(grown.basis ? { basis: grown.basis } : {}) }) : p));
    } else {
      q.intent = q.task ? 'task' : change ? 'growth' : 'value';
      // 还差多少 alone: a computation of figures the conversation has (conversation.ts), none of its own.
      if (!inner && compute && !q.metric.trim() && !q.task) q.compute = compute;
    }
  } else if ((q.intent === 'value' || q.intent === 'growth') && !inner && (combined = combinedParts(q.metric, k))) {
    // 存贷款余额: two figures named at once, each asked.
    q.parts = combined.map((metric) => makeQuery({ ...q, metric, qualifiers: qualifiersOf(metric, k.lex), parts: undefined }));
  } else if (several && (q.intent === 'value' || q.intent === 'growth')) {
    const parts = splitParts(q.metric, k.lex.metrics.heads);
    // Each part's text is the question without the other parts' own words: what one part says
    // (已开工) is not asked of another (累计竣工).
    // (农业经济开发区新引进项目和合同超亿元项目: the thing the first part opens with is the others' too, where they name none.)
    const thing = parts ? leadingThing(parts[0], k.lex) : undefined;
    const ofThing = (text: string, metric: string, i: number) => (thing && i > 0 && !leadingThing(metric, k.lex) && !text.includes(thing) ? `${thing} ${text}` : text);
    if (parts) q.parts = parts.map((metric, i) => makeQuery({ ...q, text: ofThing(partText(q.text, parts, i), metric, i), metric, qualifiers: qualifiersOf(metric, k.lex), parts: undefined }));
  }
  return q;
}

/** 存贷款余额 → 存款余额, 贷款余额: the metrics a combined word names (lexicon combined), if it holds one. */
function combinedParts(metric: string, k: Knowledge): string[] | undefined {
  const entry = Object.entries(k.lex.lexicon.combined.words).find(([word]) => metric.includes(word));
  return entry?.[1].map((part) => metric.replace(entry[0], part));
}

/**
 * 一般公共预算收入预算, 支出调整预算数, 预算呢: the budget word that ends what the question asks, after what is measured
 * (a head: 收入, 支出) or alone — a target asked. (一般公共预算收入 alone ends in no such word.)
 */
function budgetAsked(rest: string, k: Knowledge): RegExp | undefined {
  const asked = rest.replace(ASK_AT_END, '').trimEnd();
  const word = k.lex.lexicon.budgetEndings.words.find((w) => asked.endsWith(w));
  if (!word) return undefined;
  const before = asked.slice(0, -word.length).trim();
  if (before && !k.lex.metrics.heads.some((h) => before.endsWith(h))) return undefined;
  return new RegExp(`${word}(?=${ASK_AT_END.source})`);
}

// How a question ends on its ask (是多少, 呢, ？).
const ASK_AT_END = /(?:是|为)?(?:多少|几何|呢|吗|啊|[？?])*\s*$/;

/** The question as one part of it: the words the other parts alone say taken out. */
export function partText(text: string, parts: string[], i: number): string {
  // Each part's own words: without what all of them end in (引进科研人员 of 南湖实验室和中电科南湖研究院各引进科研人员).
  let shared = 0;
  while (shared < Math.min(...parts.map((p) => p.length)) && parts.every((p) => p[p.length - 1 - shared] === parts[0][parts[0].length - 1 - shared])) shared++;
  const stems = parts.map((p) => p.slice(0, p.length - shared));
  const own = stems[i];
  return stems.reduce((t, p, j) => (j === i || p.length < 2 || own.includes(p) || !t.includes(p) ? t : t.split(p).join(' ')), text);
}

interface Signals {
  q: Query;
  /** The question as read: folded, typos mended, spoken words as written (给个数 is 多少). */
  said: string;
  scope: DocumentScope;
  documentAsk?: string;
  fresh: boolean;
  number?: number;
  department?: string;
  statuses: boolean;
  unmarked: boolean;
  aspect?: TaskAspect;
  count: boolean;
  rank: boolean;
  change: boolean;
  compute?: string;
  share: boolean;
  several: boolean;
}

function intentOf(s: Signals): Intent {
  const { q } = s;
  if (s.documentAsk) return 'document';
  if (s.fresh && !q.metric) return 'sources';
  const topic = q.places.reduce((m, p) => m.split(p.text).join(' '), q.metric).trim();
  if ((s.scope.kind || s.scope.number) && !topic && s.number === undefined && !s.department && !s.statuses && !s.aspect && !s.unmarked) {
    return s.count && (s.scope.kind === 'tasks' || s.scope.kind === 'plan') ? 'count' : 'document';
  }
  // 第46项新增上市企业几家了: a figure of that task, led by the figure.
  if (s.number !== undefined && topic && !s.aspect && (q.unit || q.nature || /多少|(?<![第哪])几(?!项)/.test(q.text))) return s.change ? 'growth' : 'value';
  if (s.number !== undefined) return 'task';
  if (s.statuses || s.department || s.unmarked) return s.rank ? 'rank' : s.count ? 'count' : s.aspect === 'why' || (s.aspect && q.metric) ? 'task' : 'list';
  if (s.rank && /部门|单位|牵头/.test(q.text)) return 'rank';
  // 哪个县…最多: the counties' figures, ranked.
  if (q.placeRank) return s.change ? 'growth' : 'value';
  // 排第几, 排多少名 of a figure: the report says it in words (列全省第四).
  if (s.rank) return 'fact';
  if (s.compute || s.share) return 'compute';
  if (s.aspect === 'when') return 'fact';
  // 是啥 of a task (那项任务讲的啥) asks the task; of anything else, a statement.
  if (s.aspect === 'what' && !/任务|措施|那项|那条|这项|这条|第几项|第几条|哪一项|哪项/.test(q.text)) return 'fact';
  if (s.aspect) return 'task';
  if (s.change) return 'growth';
  // 哪三朵, 提了啥要求, 参照啥模式, 第几届: the answer is a statement, not a figure.
  if (!q.unit && FACT.test(q.text) && !/多少|(?<![第哪])几[个项家人户条名万亿倍成]|百分之/.test(s.said)) return 'fact';
  return 'value';
}
