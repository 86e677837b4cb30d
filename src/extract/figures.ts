/**
 * Figures in a sentence of a report: each number with a unit becomes an indicator, named by
 * the words before it (一般公共预算收入86.87亿元), or after it for a count (105个“百年百项”重大项目).
 * A rate that follows a figure (，同比增长29%) is that figure's growth; "A、B分别为x、y" pairs
 * names with values. Period, place and target/actual come from the sentence and its context.
 */
import type { Growth, Indicator, Nature, Period } from '../types.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { findPeriods } from '../text/period.js';
import { leadingPlace } from '../text/places.js';

export interface Context {
  region: string;
  /** The year a bare 6月 or 今年 belongs to: the document's year. */
  year?: number;
  /** The period of a figure whose sentence names none. */
  period: Period;
  nature: Nature;
  section: string;
}

export type IndicatorDraft = Omit<Indicator, 'id' | 'source' | 'line' | 'aliases'>;

const DELIMITERS = '，,；;：:、。！？!?';
const GROWTH_VERB = /(同比|环比|比上年|较上年|比去年|较去年|今年以来|年均)?(增长|增加|提高|提升|上涨|上升|下降|降低|减少|回落|下跌|增幅|增速|涨幅|降幅)(了)?$/;
const FALLING = /下降|降低|减少|回落|下跌|降幅/;
const LEAD_FILLER = /^(其中|另外|此外|同时|并且|共计|累计|合计|总计|全年实现|全年|当年|预计|努力实现|确保|力争|争取|实现|已经|已|均|还|再|约|近|超过|达到|同比|环比|到)+/;
const TRAIL_FILLER = /(同比|环比|预计|达到了|达到|达|为|是|突破|超过|超|约|近|共计|共|累计|合计|计|增至|提高到|提高至|提升至|提升到|上升到|升至|下降到|降至|降到|至|到|有|已达|已|分别为|分别达到|分别达|分别|均为|均达到|均|总额为|的|了|在|以上|以下)+$/;
const PLACE_WORDS = /^(全市|我市|本市|全县|我县|全镇|我镇|全村|全区|市本级)/;
const OWN_CITY_START = /^[\d\-—～~月日年末底至截止到上半今以来,，、.:：\s]*(全市|我市|本市|全县|我县|全镇|我镇|全区)/;
// 完成 alone is also what a target asks for (力争…完成合同外资4000万美元); 完成…目标 is a result.
const ACTUAL_CUE = /已经|已|完成了|实现了|累计|截至|截止|完成[^，,；;]{0,8}(目标|计划|任务)/;
// Verbs that set targets govern every clause after them in their part of the sentence; the
// noun 目标 only its own clause (占三年目标投资的32%，推动项目开工41个: the 41 is a result).
// 计划 names programmes (硕博倍增计划) and 预计 estimates results, so neither marks a target;
// 预期寿命 is a result too.
const TARGET_VERB = /确保|力争|争取|预期(?!寿命)|要求|到(?:19|20)\d{2}年|(?:19|20)\d{2}年(?:底前|前)/;
const TARGET_NOUN = /目标/;
const COUNT_UNITS = /^(万?个|万?家|万?项|万?名|万?人|万?户|万?件|条|所|座|幢|栋|处|批|艘|辆|台|万?套|张)$/;
// Words that measure something: the shared tail of names listed before 分别 (A、B增加值占比分别…).
const MEASURE = /(人均可支配收入|可支配收入|增加值|参保率|覆盖率|完成率|比重|占比|收入|产值|投资|总额|增速|增幅)/;
const VERB_CUT = /(完成|实现|开工|竣工|建成|投入|引进|新增|达到|签约|落地|累计|占比|占全|列入|列为|列全|获得|获评|入选|覆盖|增长|下降|达成|采取)/;

interface Hit {
  index: number;
  end: number;
  number: string;
  unit: string;
  figure: string;
}

function numberPattern(lex: Lexicon): RegExp {
  const units = lex.unitList.map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  // A number not glued to letters (G60, 5G, T1线), optional 多/余 before the unit, optional
  // 左右/以上 after it. A bare number after 为/达 (综合指数为88.73) counts as unitless.
  return new RegExp(
    `(?<![A-Za-z\\d.第])(\\d+(?:\\.\\d+)?)(多|余)?(${units})(左右|以上|多)?(?![A-Za-z])` +
      `|(?<=(?:为|达到|达|是))(\\d+\\.\\d+|\\d{2,})(?=[，,；;。）)]|$)`,
    'g',
  );
}

const patterns = new WeakMap<Lexicon, RegExp>();

function findHits(text: string, lex: Lexicon): Hit[] {
  let pattern = patterns.get(lex);
  if (!pattern) patterns.set(lex, (pattern = numberPattern(lex)));
  const hits: Hit[] = [];
  for (const m of text.matchAll(pattern)) {
    const index = m.index ?? 0;
    if (m[5] !== undefined) {
      hits.push({ index, end: index + m[0].length, number: m[5], unit: '', figure: m[5] });
      continue;
    }
    const [, number, , unit] = m;
    // 2019年 is a date, not a figure; so are the numbers of 1-6月.
    if (unit === '年' && /^(19|20)\d{2}$/.test(number)) continue;
    if (text[index - 1] === '-' || text[index - 1] === '—') continue;
    hits.push({ index, end: index + m[0].length, number, unit, figure: m[0] });
  }
  return hits;
}

/** The chunk before a figure with parenthetical asides blanked, so they bound nothing. */
function blankAsides(text: string): string {
  return text.replace(/（[^（）]*）|\([^()]*\)/g, (s) => '\u0001'.repeat(s.length));
}

function lastDelimiter(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (DELIMITERS.includes(text[i])) return i + 1;
  return from;
}

function stripPeriods(text: string): string {
  let out = text;
  for (const m of findPeriods(text).reverse()) out = out.slice(0, m.index) + out.slice(m.index + m.length);
  return out;
}

/** Clean a chunk of words into a metric name. */
function cleanName(chunk: string, lex: Lexicon): string {
  let s = stripPeriods(chunk.replace(/\u0001/g, '').replace(/\*\*/g, ''));
  s = s.replace(/^[\d.、\s]+(?=[^\d])/, '');
  for (let again = true; again; ) {
    const before = s;
    s = s.replace(PLACE_WORDS, '').replace(LEAD_FILLER, '');
    const place = leadingPlace(s, lex);
    if (place && s.startsWith(place.text)) s = s.slice(place.text.length);
    s = s.replace(/^[，,：:、;；\s]+/, '');
    again = s !== before;
  }
  // 共计/累计 inside a name (中心城区共计新增停车位) say how it was counted, not what.
  return s.replace(TRAIL_FILLER, '').replace(/共计|累计|合计|总计/g, '').trim();
}

const hasWords = (name: string) => /[\u4e00-\u9fff]{2,}|[A-Za-z]{2,}/.test(name);

function growthOf(chunk: string, hit: Hit): Growth | undefined {
  const m = chunk.match(GROWTH_VERB);
  if (!m) return undefined;
  const basisPeriod = findPeriods(chunk).at(-1);
  const basis = m[1] ?? (basisPeriod ? basisPeriod.period.label : '增长');
  const value = Number(hit.number) * (FALLING.test(m[2]) ? -1 : 1);
  return { basis, value, unit: hit.unit, text: `${chunk.slice(chunk.lastIndexOf(m[0]))}${hit.figure}`.replace(/^[，,]/, '') };
}

/** 高新技术产业、装备制造、战略性新兴产业增加值占比: the first two share the last one's measure. */
function shareTail(names: string[]): string[] {
  const last = names.at(-1);
  const m = last?.match(MEASURE);
  if (!last || !m || m.index === undefined || names.length < 2) return names;
  const tail = last.slice(m.index);
  return names.map((n) => (n === last || MEASURE.test(n) ? n : n + tail));
}

/**
 * Indicators of one sentence. `sentence` is tidy text without its final 。.
 */
export function extractFigures(sentence: string, ctx: Context, lex: Lexicon): IndicatorDraft[] {
  const text = sentence.replace(/\*\*/g, '');
  const blank = blankAsides(text);
  const hits = findHits(text, lex).filter((h) => blank[h.index] !== '\u0001');
  const drafts: IndicatorDraft[] = [];
  const periods = findPeriods(text, ctx.year);
  let subject = '';
  let group: { names: string[]; drafts: IndicatorDraft[]; hits: Hit[]; change: boolean } | undefined;

  // 全年/今年 in 完成全年目标任务的82.8% names a target, not the period of the figure: a
  // vague year yields to an earlier, exact period of the same sentence.
  const vague = (m: { index: number; length: number }) => /^(全年|年内|今年|本年|本年度)$/.test(text.slice(m.index, m.index + m.length));
  const periodAt = (at: number): Period => {
    const before = periods.filter((p) => p.index < at);
    const last = before.at(-1);
    if (last && vague(last)) return before.filter((p) => !vague(p)).at(-1)?.period ?? last.period;
    return last?.period ?? ctx.period;
  };
  const regionAt = (at: number): string => {
    // The last clause of the figure's part of the sentence (up to a ；) that opens with a place
    // names the figure's place; one that opens with 全市 or 我市 names the document's own.
    const part = text.slice(0, at).split(/[；;]/).at(-1) ?? '';
    const clauses = part.split(/[，,。]/);
    for (let i = clauses.length - 1; i >= 0; i--) {
      const clause = clauses[i].replace(/^\d{1,2}[.、．]/, '');
      if (OWN_CITY_START.test(clause)) return ctx.region;
      const place = leadingPlace(clause, lex);
      if (place?.region) return place.region;
    }
    return ctx.region;
  };
  // A cue counts within the figure's own part of the sentence (up to a ；), not across it.
  const natureAt = (chunk: string, at: number): Nature => {
    if (ACTUAL_CUE.test(chunk)) return 'actual';
    const part = text.slice(0, at).split(/[；;]/).at(-1) ?? '';
    const clause = part.split(/[，,]/).at(-1) ?? '';
    if (TARGET_VERB.test(part) || TARGET_NOUN.test(clause)) return 'target';
    return ctx.nature;
  };
  const make = (name: string, hit: Hit, chunk: string, isChange: boolean): IndicatorDraft => ({
    type: 'indicator',
    name,
    subject: subject && subject !== name ? subject : '',
    region: regionAt(hit.index),
    period: periodAt(hit.index),
    value: Number(hit.number),
    unit: hit.unit,
    figure: hit.figure,
    isChange,
    growth: [],
    nature: natureAt(chunk, hit.index),
    sentence,
    section: ctx.section,
  });

  /** The noun phrase right after a count, up to the next delimiter, figure or verb. */
  const nounAfter = (i: number): string | undefined => {
    const nextStart = i + 1 < hits.length ? hits[i + 1].index : text.length;
    let after = blank.slice(hits[i].end, nextStart);
    const stop = after.search(new RegExp(`[${DELIMITERS}]`));
    if (stop >= 0) after = after.slice(0, stop);
    const cut = after.search(VERB_CUT);
    const noun = cleanName((cut > 0 ? after.slice(0, cut) : after).replace(/\u0001/g, ''), lex);
    return hasWords(noun) && noun.length <= 24 ? noun : undefined;
  };

  hits.forEach((hit, i) => {
    const prevEnd = i > 0 ? hits[i - 1].end : 0;
    const start = lastDelimiter(blank, prevEnd, hit.index);
    const chunk = text.slice(start, hit.index);
    const joined = /^[、和及与]?$/.test(blank.slice(prevEnd, hit.index).replace(/\u0001/g, ''));

    // A run of values after 分别: pair them with the names before 分别.
    if (group && joined) {
      group.hits.push(hit);
      return;
    }
    if (group) closeGroup();
    const respectively = chunk.lastIndexOf('分别');
    if (respectively >= 0) {
      // The names before 分别 run back over 、 to the clause's start.
      const listStart = lastDelimiter(blank.replace(/、/g, '\u0002'), prevEnd, hit.index);
      const names = shareTail(
        cleanName(blank.slice(listStart, start + respectively), lex)
          .split(/[、和及与]/)
          .map((n) => cleanName(n, lex))
          .filter(hasWords),
      );
      group = { names, drafts: [], hits: [hit], change: GROWTH_VERB.test(chunk.slice(respectively).replace(TRAIL_FILLER, '')) };
      return;
    }

    const growthChunk = blank.slice(start, hit.index).replace(/^[，,、]/, '');
    const growth = growthOf(growthChunk, hit);
    const name = cleanName(growth ? growthChunk.replace(GROWTH_VERB, "") : blank.slice(start, hit.index), lex);
    if (growth && !hasWords(name)) {
      // 同比增长29%: the growth of the figure before it.
      drafts.at(-1)?.growth.push(growth);
      return;
    }
    if (!hasWords(name)) {
      // 105个“百年百项”重大项目: a count named by the words after it.
      if (!COUNT_UNITS.test(hit.unit)) return;
      const noun = nounAfter(i);
      if (!noun) return;
      subject ||= noun;
      drafts.push({ ...make(noun, hit, chunk, false), subject: '' });
      return;
    }
    // 对已出台的55项失信约束措施: after an attribute ending in 的, the count's noun names it.
    if (!growth && COUNT_UNITS.test(hit.unit) && /的$/.test(blank.slice(start, hit.index))) {
      const noun = nounAfter(i);
      if (noun) {
        subject ||= noun;
        drafts.push({ ...make(noun, hit, chunk, false), subject: '' });
        return;
      }
    }
    // 创建50个“运动家”社区: a count after a bare verb is named by verb and noun together.
    if (!growth && name.length <= 3 && COUNT_UNITS.test(hit.unit)) {
      const noun = nounAfter(i);
      if (noun) {
        drafts.push(make(name + noun, hit, chunk, false));
        return;
      }
    }
    const draft = make(name, hit, chunk, Boolean(growth));
    if (growth) draft.growth.push(growth);
    drafts.push(draft);
  });
  if (group) closeGroup();
  return drafts;

  function closeGroup() {
    const g = group!;
    group = undefined;
    const chunk = text.slice(lastDelimiter(blank, 0, g.hits[0].index), g.hits[0].index);
    if (g.names.length === g.hits.length) {
      g.names.forEach((name, k) => {
        const d = make(name, g.hits[k], chunk, g.change);
        drafts.push(d);
      });
    } else if (g.names.length === 0 && g.change && drafts.length >= g.hits.length) {
      // 城镇…52056元、农村…31984元，同比分别增长8.4%和8%: growths of the figures before.
      const targets = drafts.slice(-g.hits.length);
      g.hits.forEach((h, k) => targets[k].growth.push({ basis: /同比/.test(chunk) ? '同比' : '增长', value: Number(h.number), unit: h.unit, text: `增长${h.figure}` }));
    } else if (g.names.length >= 1) {
      // One name, several values (城乡居民人均可支配收入分别达到6.7万元和4万元): keep them together.
      const first = g.hits[0];
      const d = make(g.names.join('、'), first, chunk, g.change);
      d.value = null;
      d.figure = g.hits.map((h) => h.figure).join('和');
      drafts.push(d);
    }
  }
}
