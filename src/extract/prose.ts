/**
 * Prose: paragraphs into sentences, sentences into indicators, and every sentence that
 * yields no indicator into a passage, so nothing a document says is unreachable.
 * Shared by every format; the formats only say what context each paragraph has.
 */
import type { Nature, Passage, Period } from '../types.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { countedProjects, extractFigures, ownPeriods, YEAR_WORD_DATED, type Context, type IndicatorDraft } from './figures.js';
import { isWithin, leadingPlace, thingsIn, zonesAfterPlace } from '../text/places.js';

export interface Paragraph {
  text: string;
  line: number;
  /** Its place among the paragraphs of one table cell that share a line. */
  part?: number;
}

export type PassageDraft = Omit<Passage, 'id' | 'source'>;
export type LocatedIndicator = IndicatorDraft & { line: number; at?: number; part?: number };

export interface ProseRecords {
  indicators: LocatedIndicator[];
  passages: PassageDraft[];
}

/** The name of a kind of thing (省级企业研究院), not of one thing. */
const KIND_OF_THING = /^(?:省级|市级|县级|国家级|国家|省|各类|各|新增|新建|一批|多个)/;
const SENTENCE_END = /[。！？!?]/;
const NOTE = /^(注|注释|说明|备注|资料来源|数据来源)[:：]/;
const PART_END = /[；;]/;
// 图1 2013-2023年全省生产总值及增速: a chart's caption titles it, as a heading does.
const HEADING = /^(#+\s*|[图表]\s*\d{1,2}\s|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．]\s*(?=[\u4e00-\u9fff])(?=.{0,30}$)|●|【)/;

/** True for a line that titles what follows rather than stating something. */
export function isHeading(text: string): boolean {
  // (A heading that runs on into a sentence, (一)坚持项目为王,有效投资持续扩大。全年新开工亿元, is text.)
  return HEADING.test(text) && text.length <= 40 && !/[。；;]/.test(text);
}

/**
 * Lines into paragraphs. A paragraph cut by a page break (a long line that stops without
 * closing punctuation, then a line that is no heading) is joined again.
 */
const DANGLING = /(从|到|至|为|达|由|和|及|与|、|，|,|的|增长|增加|实现|完成|累计|共|超|约|近)$/;
// A paragraph's lead sentence: short, no figure (建筑业产值平稳增长。).
const LEAD_SENTENCE = /^[^\d，,；;。]{2,16}。/;
// A paragraph that ends on a figure and its unit (较上年增长21.3%, 总产值74.86亿元).
const FIGURE_END = /\d(?:\.\d+)?\s*(?:%|％|个百分点|[亿万千]?(?:元|美元|人|户|个|家|项|吨|亩|公顷|辆|件|座|公里|千瓦时))$/;
const CONTINUES = /^(?:[\d.]+%?$|[，,、。；;）)%％]|(?:亿|万|千|百)?(?:元|美元|个|家|项|人|吨|亩|户|辆|次|件|座|公里|平方)|亿元|万元)/;

export function paragraphs(lines: string[], firstLine = 1): Paragraph[] {
  const out: Paragraph[] = [];
  let open = false;
  let gap = false;
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) {
      gap = true;
      return;
    }
    const last = out.at(-1);
    // (…较上年增长21.3% / (blank) / 建筑业产值平稳增长。: a page that drops its paragraphs' 。 ends one on a figure
    // before a blank line — that is no sentence broken across a page.)
    // (Only before a paragraph that opens on a lead sentence of its own, short and without a figure: 固定资产投资增长6%,…
    // after …力争完成65亿元 goes on with the list of aims.)
    if (gap && last && FIGURE_END.test(last.text) && LEAD_SENTENCE.test(text)) open = false;
    gap = false;
    // A PDF that breaks at every figure (地区生产总值从 / 497.8 / 亿元增加到 / 779): a short line that
    // leaves its sentence open, or one that goes on with a figure, a unit or punctuation, is one text.
    // (去年主要目标任务圆满完成 / 完成地区生产总值406亿元: a short line of a year's part, no punctuation, is a subtitle.)
    const subtitle = !!last && /^(?:今年|去年|明年|(?:19|20)\d{2}年)[\u4e00-\u9fff]{4,14}$/.test(last.text);
    const broken = !!last && !subtitle && !/[。！？!?；;：:”"」）)〕]$/.test(last.text) && !isHeading(last.text) && (DANGLING.test(last.text) || CONTINUES.test(text) || /^[\u4e00-\u9fff]{1,2}$/.test(last.text));
    if ((open || broken) && last && !isHeading(text) && !/^[-—]+$/.test(text) && !/^([（(]\d{1,3}[）)]|\d{1,2}[.、．](?!\d))/.test(text)) {
      last.text += text;
    } else {
      out.push({ text, line: firstLine + i });
    }
    const current = out.at(-1)!;
    open = (current.text.length >= 20 || /^[（(]\d{1,3}[）)]/.test(current.text)) && !/[。！？!?；;：:”"」）)〕]$/.test(current.text) && !isHeading(current.text);
  });
  return out;
}

/**
 * Text that runs a report's parts together (…提出意见。一、2017年工作回顾2017年,我们…) split
 * before each part title, and after it: a part title ends with the words that close them.
 */
export function splitPartTitles(text: string): string[] {
  return text
    .replace(/([。！？；：:!?])\s*(?=[一二三四五六七八九十]+、)/g, '$1\n')
    .replace(/((?:^|\n)[一二三四五六七八九十]+、(?:19|20)\d{2}年[^\n，,。]{2,14}?(?:回顾|任务|工作))(?=(?:19|20)\d{2}年|[^\n]{60})/g, '$1\n')
    .replace(/((?:^|\n)[一二三四五六七八九十]+、[^\n，,。；;\d]{2,20}?(?:工作回顾|目标和任务|目标任务|工作任务|工作重点))(?=[^\n，,。]{2}[^\n]{20})/g, '$1\n')
    .split('\n')
    .filter((t) => t.trim());
}

/** A paragraph's sentences, without their closing punctuation. */
export function sentences(paragraph: string, end: RegExp = SENTENCE_END): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of paragraph) {
    if ('“（(「'.includes(ch)) depth++;
    if ('”）)」'.includes(ch)) depth = Math.max(0, depth - 1);
    if (end.test(ch) && depth === 0) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

// 新一代电子信息产业是… (after 许士东表示,), 文创产业优化发展: a sentence that opens with an industry, which 该产业 later points back to.
const INDUSTRY_OPENING = /^(?:[\u4e00-\u9fff]{2,6}?(?:表示|介绍|指出)[，,:：])?([\u4e00-\u9fff]{2,12}?(?:产业|行业|服务业|制造业))(?=是|优化|发展|加快|持续|稳步|提质|实现|完成|保持|增长|[，,])/;
const THAT_INDUSTRY = /^该(?:产业|行业)/;

const cjkCount = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;

// 主要预期目标为：生产总值增长7%左右，一般公共预算收入…增长与经济增长基本同步: a list of targets.
const TARGET_LIST = /目标(?:为|是)?[：:]/;

/**
 * The parts of a sentence that may be passages: up to each ；, and each item of a list of
 * targets after its colon (not the words that open it), so a target stated without a figure
 * stands on its own.
 */
function parts(sentence: string): string[] {
  return sentences(sentence, PART_END).flatMap((part) => {
    const colon = part.search(TARGET_LIST);
    if (colon < 0) return [part];
    const open = part.indexOf(part.slice(colon).match(/[：:]/)![0], colon) + 1;
    // The words that open the list (建议…主要预期目标为：) say nothing of their own.
    return sentences(part.slice(open), /[，,]/);
  });
}

/** The context of a paragraph that opens with a place (5.海宁市:…) or a period. */
function paragraphContext(text: string, ctx: Context, lex: Lexicon): Context {
  const head = text.replace(/^\d{1,2}[.、．]/, '');
  const place = leadingPlace(head, lex, ctx.region);
  if (place?.region && /^[^，,。]{0,8}[:：]/.test(head.slice(place.index))) return { ...ctx, region: place.region };
  return ctx;
}

/** Indicators and passages of paragraphs that share one context. */
export function readProse(paras: Paragraph[], ctx: Context | ((p: Paragraph) => Context), lex: Lexicon): ProseRecords {
  const indicators: LocatedIndicator[] = [];
  const passages: PassageDraft[] = [];
  // Sentences are numbered per line: a line may hold several paragraphs (a web page's text).
  const numbered = new Map<number, number>();
  for (const para of paras) {
    const base = typeof ctx === 'function' ? ctx(para) : ctx;
    const pctx = paragraphContext(para.text, base, lex);
    // Figures are read a whole sentence at a time, so 6月末全市…；…贷款余额 keeps its period
    // across the semicolon; each part without a figure is a passage of its own.
    // A note (注：…, 说明：…) defines what the figures count; its own numbers are no figures.
    const note = NOTE.test(para.text);
    const first = numbered.get(para.line) ?? 0;
    const all = sentences(para.text);
    numbered.set(para.line, first + all.length);
    // The thing the paragraph speaks of, so far: a sentence that opens with a place (全市, 海宁市) speaks of that instead.
    let thing = '';
    // Whether the thing is the zones of a kind in the place (全省经济开发区): they stay the subject.
    let zonesSpoken = false;
    // The period a sentence opens with (1-7月,全市…) holds for the paragraph's sentences after it
    // that name none (前十大行业中,汽车制造业…增长22.2%).
    let since = pctx.period;
    // (截至2023年底,入园企业154家。1-12月…: a period of no year, after one a sentence of the paragraph opened with, is of its year.)
    let opened: number | undefined;
    let fromTo: Context['fromTo'];
    // The projects its first sentence counted (宜兴市级重大项目共203只): what its later figures of investment are of.
    let projects: string | undefined;
    // The place the paragraph opens with (定海区上半年GDP为269.07亿元。…名义下降3.75%): the sentences after it that
    // open with no place or thing of their own go on speaking of it. (Only its first sentence's: a place one
    // sentence of a long paragraph opens with, 濮院时尚中心等16个项目…, is no subject of the rest.)
    let spoken: string | undefined;
    // The place the sentence before opened with, for one that opens with 其中.
    let before: string | undefined;
    // And the period its figures were of (全区…10月当月完成产值126.41亿元。其中,奥克斯集团完成产值10.39亿元: October's too).
    let periodBefore: Period | undefined;
    // The industry a sentence of the paragraph opened with, for 该产业 after it.
    let industry: string | undefined;
    for (const [i, sentence] of all.entries()) {
      const at = first + i;
      // A sentence of now or of a span since (目前…, 改革实施以来…) is not in the period carried.
      // (The sentences after it are again in the period carried: 上半年,…今年以来累计增速首次转正…。工业用电量下降3.5%.)
      const carried = NOW_OR_SINCE.test(sentence) ? pctx.period : since;
      const leading = leadingPlace(sentence, lex, pctx.region);
      const inside = leading?.region && !leading.relative && leading.region !== pctx.region && isWithin(lex, leading.region, pctx.region) ? leading.region : undefined;
      // (…宝应的地区生产总值…突破千亿元大关。其中,工业开票达到1200亿元: 其中 goes on with the sentence before's place.)
      const ofWhich = !leading && /^其中/.test(sentence) ? before : undefined;
      if (leading) spoken = i === 0 ? inside : undefined;
      before = inside;
      const partOf = /^其中/.test(sentence) ? periodBefore : undefined;
      // (全县生产总值从2011年的…增加到2016年的…: the sentences after it are of 2016, and a 从…到 of theirs of both years —
      // its own later clauses too: …；财政总收入由30亿元增加到67亿元.)
      const years = sentence.match(FROM_TO_YEARS);
      if (years) fromTo = { from: Number(years[1]), to: Number(years[2]) };
      const sctx = { ...pctx, ...(!leading && !thing && (ofWhich ?? spoken) ? { region: (ofWhich ?? spoken)! } : {}), period: partOf ?? carried, year: opened ?? pctx.year, ...(thing ? { owner: thing } : {}), ...(thing && zonesSpoken ? { zones: true } : {}), ...(fromTo ? { fromTo } : {}), ...(projects ? { projects } : {}) };
      const found = note ? [] : extractFigures(sentence, sctx, lex);
      if (i === 0) projects = countedProjects(found)?.name;
      // (Its last figure's: 其中 breaks down what was said last, 10月当月完成产值 after 1112家规上企业.)
      periodBefore = found.at(-1)?.period;
      // (省级企业研究院, 国家级孵化器: a kind of thing, not one thing the next sentence's figures could be of.)
      // (Only a sentence about the thing, naming it at its start (推动张江长三角科技城平湖园建设), speaks of it for the next.)
      const named = thingsIn(sentence, lex);
      // (加快与桐乡主城区…对接: a thing named as a partner, after 与 or 向, is not what the sentence is about.)
      const about = named.filter((t) => !KIND_OF_THING.test(t) && sentence.indexOf(t) <= 12 && !/[与和同跟向]$/.test(sentence.slice(0, sentence.indexOf(t)))).at(-1);
      const place = leading;
      const zones = place ? zonesAfterPlace(sentence, place, lex) : undefined;
      thing = zones ?? (place ? '' : (about ?? (named.length ? '' : thing)));
      zonesSpoken = zones ? true : place || about || named.length ? false : zonesSpoken;
      const opening = years ? { kind: 'year' as const, year: fromTo!.to, label: `${fromTo!.to}年` } : openingPeriod(sentence, { ...pctx, year: opened ?? pctx.year });
      since = opening ?? since;
      if (opening?.year !== undefined) opened = opening.year;
      const inCell = para.part !== undefined ? { part: para.part } : {};
      // (金融服务业优化发展。…该产业完成一般公共预算收入18.08亿元: 该产业 is the industry a sentence before opened with.)
      const opensIndustry = sentence.trim().match(INDUSTRY_OPENING)?.[1];
      if (opensIndustry) industry = opensIndustry;
      for (const f of found) indicators.push({ ...f, ...(industry && THAT_INDUSTRY.test(f.name) ? { name: f.name.replace(THAT_INDUSTRY, industry) } : {}), line: para.line, at, ...inCell });
      for (const part of parts(sentence)) {
        if (found.some((f) => part.includes(f.figure) || f.growth.some((g) => part.includes(g.text))) || cjkCount(part) < 6 || isHeading(part)) continue;
        passages.push({
          type: 'passage',
          text: part,
          region: regionOf(part, pctx, lex),
          period: periodOf(part, { ...pctx, period: since }),
          nature: natureOf(part, pctx.nature),
          section: pctx.section,
          line: para.line,
          at,
          ...inCell,
        });
      }
    }
  }
  return { indicators, passages };
}

function regionOf(sentence: string, ctx: Context, lex: Lexicon): string {
  const place = leadingPlace(sentence, lex, ctx.region);
  return place ? (place.region ?? '') : ctx.region;
}

const FROM_TO_YEARS = /(?:从|由)((?:19|20)\d{2})年(?:底|末)?的?[^。；;]*?(?:增加|提高|提升|增长|扩大|上升|下降|减少|降低|调整)?(?:到|至|为)((?:19|20)\d{2})年/;

// 累计 with no period of its own counts up to now, not in the period of the sentence before.
const NOW_OR_SINCE = /目前|当前|现有|至今|以来|累计/;

/** The period a sentence sets before its first figure (1-5月规模以上工业…, 据初步测算,2022年全区…). */
function openingPeriod(said: string, ctx: Context): Period | undefined {
  const sentence = said.replace(YEAR_WORD_DATED, '$1');
  // (Of its opening only: 上半年,工业增加值…,为今年以来累计增速首次转正 opens with 上半年.)
  const figure = sentence.search(/\d+(?:\.\d+)?\s*(?:%|％|[万亿千百]|元|个|家|项|人|吨)/);
  // A day (2024年1月18日在…会议上, 7月31日,随着…) dates an event, not the figures after it.
  // (继2023年突破60亿大关后,2024年…: the year 继 names is of what came before, not of the figures after it.)
  const first = ownPeriods(sentence, ctx).find((p) => p.period.kind !== 'day' && !sentence.slice(0, p.index).endsWith('继'));
  // (2025年1-11月,全市累计完成…: 累计 after a period of its own counts over that period.)
  const now = (figure >= 0 ? sentence.slice(0, figure) : sentence).search(NOW_OR_SINCE);
  if (now >= 0 && (!first || first.index > now || first.period.kind === 'since')) return undefined;
  // (半年度和三季度均获…流动红旗: periods listed are occasions, not the period of what follows.)
  if (first && /^[和与、及]/.test(sentence.slice(first.index + first.length))) return undefined;
  if (!first) return undefined;
  return first.index <= 3 || (figure >= 0 && first.index < figure) ? first.period : undefined;
}

function periodOf(sentence: string, ctx: Context): Period {
  return ownPeriods(sentence, ctx)[0]?.period ?? ctx.period;
}

function natureOf(sentence: string, fallback: Nature): Nature {
  if (/已经|已|完成了|建成/.test(sentence)) return 'actual';
  if (/确保|(?<!努)力争|目标|预期|计划|(?<!斗)争取|要求/.test(sentence)) return 'target';
  return fallback;
}
