/**
 * What a question pins down: places, period, target or result, growth, a task number,
 * task statuses, a department, and what kind of reply it wants. What is left over is the
 * content — the metric or the topic — matched against the records.
 */
import type { Period } from '../types.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { fold } from '../text/normalize.js';
import { findPeriods } from '../text/period.js';
import { findPlaces } from '../text/places.js';

export interface Question {
  /** The question as folded (simplified, half-width, lower case, no spaces). */
  folded: string;
  /** Places named: a Jiaxing region, or null for a place elsewhere, with the words used. */
  places: { region: string | null; text: string }[];
  period?: Period;
  /** 最新, 目前: the latest figure, whatever its period. */
  latest: boolean;
  target: boolean;
  change: boolean;
  when: boolean;
  who: boolean;
  taskNumber?: number;
  /** Asked for a measure of a plan (措施, 第n条) rather than a task of a progress table. */
  measure: boolean;
  statuses: string[];
  department?: string;
  /** 有几项, 多少项: a count of tasks. */
  count: boolean;
  /** 任务, 工作, 措施: the question is about tasks. */
  aboutTasks: boolean;
  /** The unit the answer should be in, when the question says (多少家 → 家, …率 → %, 投资多少 → 元). */
  unit?: string;
  /** 排第几, 排名: the answer is a ranking, which a sentence states better than a figure. */
  rank: boolean;
  greeting: boolean;
  /** The content left once the signals are taken out. */
  content: string;
}

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

/** 六月 → 6月, 一至六月 → 1至6月, 第十项 → 第10项, so the period and number readers see digits. */
function digitsFor(text: string): string {
  return text
    .replace(/([零〇一二两三四五六七八九十百]*[一二两三四五六七八九十][零〇一二两三四五六七八九十百]*)(?=月|项|条|号|个月|季度)/g, (m) => String(chineseNumber(m) ?? m))
    .replace(/(第|任务|措施|编号)([零〇一二两三四五六七八九十百]+)/g, (_m, w, n) => `${w}${chineseNumber(n) ?? n}`)
    .replace(/(?<![\d.])([0-9]{2})年/g, (m, y) => (Number(y) >= 10 && Number(y) <= 40 ? `20${y}年` : m));
}

/** The unit a question expects: 多少家 → 家; a rate (…率, 比重) → %; an amount of money → 元. */
const ASKED_UNIT = /(?:多少|几)(个百分点|百分点|人次|亿元|万元|亿美元|万美元|美元|元|[个家项人名户亩件座所条艘辆台套张次批场])/g;

function expectedUnit(text: string): string | undefined {
  const asked = [...text.matchAll(ASKED_UNIT)][0];
  if (asked) return /元/.test(asked[1]) ? '元' : asked[1] === '个百分点' ? '百分点' : asked[1];
  if (/(率|比重|占比|比例|覆盖率)(?:是|为|达到|有)?(?:多少|几何)?\s*$/.test(text.trim()) || /百分之几/.test(text)) return '%';
  if (/(投资|收入|产值|金额|资金|贷款|税收|营收|成交额|总额|减负|销售额|增加值)(?:是|为|达到|有)?(?:多少|几何)?\s*$/.test(text.trim())) return '元';
  return undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface SignalWords {
  question: string[];
  target: string[];
  change: string[];
  when: string[];
  who: string[];
  greetings: string[];
  statuses: [string, string[]][];
  content: string[];
}

const signalCache = new WeakMap<Lexicon, SignalWords>();

/** The lexicon's signal words, folded once. */
function signals(lex: Lexicon): SignalWords {
  let words = signalCache.get(lex);
  if (words) return words;
  const f = (list: string[]) => [...new Set(list.map(fold))].sort((a, b) => b.length - a.length);
  const w = lex.lexicon;
  words = {
    question: f(w.questionWords),
    target: f(w.targetWords),
    change: f(w.changeWords),
    when: f(w.whenWords),
    who: f(w.whoWords),
    greetings: f(w.greetings),
    statuses: Object.entries(w.statuses).sort((a, b) => b[0].length - a[0].length),
    content: f([...w.questionWords, ...w.whenWords, ...w.whoWords, '目标', '预期', '多少钱', '牵头的', '牵头', '负责的', '负责', '进展如何', '进展情况', '进展状态', '进展', '状态', '任务', '最新']),
  };
  signalCache.set(lex, words);
  return words;
}

/**
 * Takes signal words out of the content. Words of two or more characters go wherever they
 * stand; a single character (是, 有, 为) only at the edge of a run, so 有轨电车 keeps its 有.
 */
const edgeCache = new WeakMap<string[], RegExp>();

function remove(text: string, words: string[]): string {
  let out = text;
  for (const w of words) if (w.length > 1 && out.includes(w)) out = out.split(w).join(' ');
  out = out.split('的').join(' ');
  let edge = edgeCache.get(words);
  if (!edge) {
    const single = words.filter((w) => w.length === 1 && w !== '的').map(escape).join('');
    edgeCache.set(words, (edge = new RegExp(`(^|\\s)[${single}]+|[${single}]+(?=\\s|$)`, 'g')));
  }
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(edge, ' ');
  }
  return out;
}

/**
 * Reads a question. `departments` are the names to recognise (full and short, folded,
 * longest first); by default those of knowledge/departments.json.
 */
export function parseQuestion(input: string, lex: Lexicon, departments?: { text: string; name: string }[]): Question {
  // Long input: the question is in its head; the rest cannot change what is asked.
  const folded = digitsFor(fold(input.slice(0, 400)));
  let rest = folded.replace(/[?？!！。,，、;；:："“”'‘’()（）【】《》<>\[\]{}|\\/~`@#$^&*_=+…·\-]+/g, (m, at: number) =>
    /\d/.test(folded[at - 1] ?? '') && /[-~]/.test(m) && /\d/.test(folded[at + m.length] ?? '') ? m : ' ',
  );
  const words = signals(lex);
  const has = (list: string[]) => list.some((w) => rest.includes(w));

  const greeting = words.greetings.some((g) => folded === g || folded.replace(/[^\p{L}\p{N}/]/gu, '') === g);

  // Task number: 第10项任务, 任务10, 第10条 (措施), (10).
  let taskNumber: number | undefined;
  let measure = /措施|条(?!件|例)|举措/.test(rest);
  const numbered = rest.match(/第(\d{1,3})(?:项|条|个|号)?(任务|工作|措施|条)?/) ?? rest.match(/(任务|措施|工作)(?:第|编号|序号|no\.?)?(\d{1,3})(?![\d.%年月])/);
  if (numbered) {
    const n = Number(numbered[1].match(/^\d+$/) ? numbered[1] : numbered[2]);
    const isTaskish = numbered[0].startsWith('第') ? /项|条|任务|工作|措施|号/.test(numbered[0]) || /任务|措施/.test(rest) : true;
    if (n > 0 && isTaskish) {
      taskNumber = n;
      if (/条/.test(numbered[0])) measure = true;
      rest = rest.replace(numbered[0], ' ');
    }
  }

  // Statuses: 滞后, 进度较快 …
  const statuses = new Set<string>();
  for (const [word, list] of words.statuses) {
    if (rest.includes(word)) {
      list.forEach((s) => statuses.add(s));
      rest = rest.split(word).join(' ');
    }
  }

  // Department, by full or short name. A short name may hide inside other words (平台办理
  // holds 台办), so it counts only where the question is about who does what.
  let department: string | undefined;
  const aboutWork = /牵头|负责|任务|工作|措施|部门|单位|进展/.test(rest);
  for (const d of departments ?? lex.departmentNames) {
    if (rest.includes(d.text) && (aboutWork || d.text === fold(d.name) || d.text.length >= 4)) {
      department = d.name;
      rest = rest.replace(d.text, ' ');
      break;
    }
  }

  // Places stay in the content too: 大云温泉 is a topic as much as 大云 is a place.
  const places = findPlaces(rest, lex).map((p) => ({ region: p.region, text: p.text }));

  // Period: the most specific one named.
  const periods = findPeriods(rest);
  const period = periods.sort((a, b) => (b.period.to !== undefined ? 1 : 0) - (a.period.to !== undefined ? 1 : 0))[0]?.period;
  for (const m of findPeriods(rest).reverse()) rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m.length);
  // A bare year written without 年 (GDP 2019).
  let year = period?.year;
  const bareYear = rest.match(/(?<!\d)((?:19|20)\d{2})(?!\d)/);
  let finalPeriod = period;
  if (!period && bareYear) {
    year = Number(bareYear[1]);
    finalPeriod = { kind: 'year', year, label: `${year}年` };
    rest = rest.replace(bareYear[0], ' ');
  }
  const latest = /最新|最近|目前|现在|当前|近期/.test(rest);
  rest = rest.replace(/最新|最近|目前|现在|当前|近期/g, ' ');

  // 计划 asks for a target (计划多少个), except in the name of a rate (年度计划完成率).
  rest = rest.replace(/当月|本月|当期/g, ' ');
  const planned = /计划(?!完成|投资完成|总投资)/.test(rest);
  if (planned) rest = rest.replace(/计划(?!完成|投资完成|总投资)/g, ' ');
  const target = planned || has(words.target);
  const change = has(words.change);
  const when = has(words.when);
  const who = has(words.who) || /谁|哪个单位|哪家单位|哪些单位/.test(rest);
  const count = /几项|多少项|几个任务|多少个任务|数量|几条|多少条|有几|多少个/.test(rest) && (statuses.size > 0 || /任务|措施|工作/.test(rest));
  const aboutTasks = /任务|工作|措施|事项|进展|进度|牵头|负责/.test(rest) || statuses.size > 0;

  const unit = expectedUnit(rest);
  // 多少项, 几家: the unit is read; it is not content.
  rest = rest.replace(ASKED_UNIT, ' ');
  const rank = /排第几|排名|第几名|第几位|位次|列第几|居第几|排在/.test(rest);

  // What is left is content: drop the signal words.
  rest = remove(rest, words.content);
  // Growth words ask for the growth of a figure; they are not what the figure is of.
  if (change) rest = remove(rest, words.change);
  // A lone character left over (the 家 of 多少家) says nothing.
  const content = rest
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .join(' ');

  return {
    folded,
    places,
    period: finalPeriod,
    latest,
    target,
    change,
    when,
    who,
    taskNumber,
    measure,
    statuses: [...statuses],
    department,
    count,
    aboutTasks,
    unit,
    rank,
    greeting,
    content,
  };
}
