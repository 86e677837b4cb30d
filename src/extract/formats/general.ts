/**
 * Any document that is not one of the fixed layouts (bulletin, progress table, plan, news
 * page): government work reports of any year and place, statistical bulletins (统计公报),
 * monthly economic summaries, notices with responsibility tables, articles with tables of
 * counties — and documents of no kind it knows, which still give passages and the figures
 * they can read. Kind, identity and tables are found from the content; the kind decides
 * what year the figures are about and how the parts of the text set their periods.
 */
import type { Period, Problem, Source } from '../../types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import type { Format, SourceRecords, TaskDraft } from '../document.js';
import type { Context } from '../figures.js';
import { withRestatedYears } from '../restated.js';
import { period, reportContexts, sectionContexts, underHeading, isPartHeading } from '../document.js';
import { paragraphs, readProse, splitPartTitles, type LocatedIndicator, type Paragraph, type PassageDraft } from '../prose.js';
import { identify, impliedYear, subjectPlace, type Identity } from '../identity.js';
import { decide, type Evidence } from '../about.js';
import { bareZone, commonPlace, comparedPlace, enclosingCity, findPlaces, frequentPlace, isWithin, mostSpecificPlace, openingTown, scopedPlace, subjectShortName } from '../../text/places.js';
import { findTables, type Table } from '../tables.js';
import { tableRecords } from '../table-records.js';
import { layout as sharedLayout, type Layout } from '../layout.js';
import { findPeriods } from '../../text/period.js';

export type Kind = Source['kind'];

/** The kind the content shows, and whether it showed one at all. */
export function recognise(text: string, id: Identity, tables: Table[], lay: Layout): { kind: Kind; recognised: boolean } {
  const count = (words: string[]) => words.filter((w) => text.includes(w)).length;
  // A work report is titled one, or was given at a people's congress; a notice that names one
  // in its title (印发2022年政府工作报告重点工作…的通知) is not one.
  if (/工作报告$/.test(id.title) || /人民代表大会/.test(id.meeting?.text ?? '') || count(lay.kinds.report) >= 2) return { kind: 'report', recognised: true };
  // 2020年1-11月份宣城市《政府工作报告》部分目标任务完成情况: how the year's work stands, of the year it names.
  if (/(?:完成|执行|进展|落实|推进)情况(?:表|通报)?$/.test(id.title) && !tables.some((t) => t.columns.some((c) => c.role === 'task'))) return { kind: 'summary', recognised: true };
  if (/统计公报/.test(id.title) || count(lay.kinds.statistics) >= 4) return { kind: 'statistics', recognised: true };
  if (lay.kinds.summary.some((w) => id.title.includes(w))) return { kind: 'summary', recognised: true };
  if (tables.some((t) => t.columns.some((c) => c.role === 'task'))) return { kind: 'tasks', recognised: true };
  if (tables.some((t) => t.columns.some((c) => c.role === 'place' || c.role === 'year'))) return { kind: 'table', recognised: true };
  return { kind: 'report', recognised: false };
}

/** A title of how things stand (进展情况, 推进情况, 完成情况): its month is the month things stood at. */
const PROGRESS_TITLE = /进展|进度|推进情况|完成情况|执行情况|落实情况/;
// A title that names what is to be done (2017年衢州市政府民生实事十大项目, …工作要点, …重点工作责任分解): its figures are aims, unless it says how far they got.
// A title of a review as well (…工作总结及下阶段工作计划).
const REVIEWED = /总结|回顾/;
const AIMS_TITLE = /民生实事(?:十大)?项目(?:计划)?$|工作要点$|工作计划$|(?:责任|任务)分解/;
// A year named with a part of it (2023年上半年, 2023年1-6月, 2014年10月15日), or with its plan
// (2012年全县计划投资…), or with an estimate of it (预计2006年全镇生产总值…): a year still going on.
const YEAR_WITH_PART = /(?<=预计\s*)(?:19|20)\d{2}\s*年|(?:19|20)\d{2}\s*年\s*(?=上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|1?\d\s*[月\-—至~]|(?:全[市县区省镇]|我[市县区省镇])?(?:计划|预计|目标))/g;
const yearOf = (text: string | undefined) => Number(text?.match(/((?:19|20)\d{2})年/)?.[1]) || undefined;

/** The year a text names most often (ties: the later). */
/** The part of a named year a report's head reviews while it plans the rest (2022年上半年…和下半年…), if it does. */
function midYearReview(head: string): Period | undefined {
  if (!/下半年|四季度|下阶段|后三个月|全年目标/.test(head)) return undefined;
  const part = findPeriods(head).find((p) => p.period.year !== undefined && p.period.kind === 'range' && (p.period.to ?? 12) < 12);
  return part?.period;
}

function frequentYear(text: string, tie: 'latest' | 'earliest' = 'latest', skip = /(?<![从自])/): number | undefined {
  const counts = new Map<number, number>();
  // (从2016年起, 2016年以来: a year since which something holds is past, not the text's.)
  for (const m of text.matchAll(new RegExp(`${skip.source}((?:19|20)\\d{2})年(?!起|以来|来|开始)`, 'g'))) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (tie === 'latest' ? b[0] - a[0] : a[0] - b[0]))[0]?.[0];
}

/**
 * The year a work report with no date or year of its own reviews: the one its account names most, not a
 * deadline ahead (到2027年, 到2035年); of years named as often, the earliest (刚刚过去的2022年 before 2023年…预期目标).
 */
function reviewedYear(text: string): number | undefined {
  return frequentYear(text, 'earliest', /(?<![从自到至])/);
}

/** Whether line i stands inside a sentence: the line before ends mid-sentence and the one after goes on with a unit or words. */
function midSentence(lines: string[], i: number): boolean {
  const before = lines.slice(0, i).reverse().find((l) => l.trim())?.trim() ?? '';
  const after = lines.slice(i + 1).find((l) => l.trim())?.trim() ?? '';
  return !!before && !/[。！？!?；;：:”」』)）]$/.test(before) && /^[\u4e00-\u9fff%％]/.test(after);
}

/** Paragraphs of the body: the lines that are neither head nor table, never joined across either. */
function bodyParagraphs(lines: string[], skip: Set<number>): Paragraph[] {
  const out: Paragraph[] = [];
  let start = -1;
  const flush = (end: number) => {
    if (start >= 0) out.push(...paragraphs(lines.slice(start, end), start + 1));
    start = -1;
  };
  lines.forEach((line, i) => {
    // A number alone on a line between paragraphs is a page number; one inside a sentence
    // broken over lines (地区生产总值从 / 497.8 / 亿元增加到 / 779 / 亿元) is a figure.
    if (/^\d{1,3}$/.test(line.trim()) && !midSentence(lines, i)) return;
    if (skip.has(i)) flush(i);
    else if (start < 0) start = i;
  });
  flush(lines.length);
  // A page that gives a whole report as one line runs its parts together: take them apart.
  const split = out.flatMap((p) => (p.text.length > 300 ? splitPartTitles(p.text).map((text) => ({ text, line: p.line })) : [p]));
  // A lead paragraph repeated (导言:… and the same text again) is read once.
  const seen = new Set<string>();
  return split.filter((p) => {
    const key = p.text.replace(/^[^，,。:：]{1,6}[:：]/, '');
    if (key.length >= 20 && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The place of a report its speaker's title puts at another level: 区长傅贵荣作政府工作报告 is a
 * district's, so a city found for it (宁波, where the text also names 《数字江北…》) gives way to
 * the one district of it the text names — or to none, never the city.
 */
function spokenLevel(region: string, head: string, body: string, lex: Lexicon): string {
  const title = head.match(/(?:^|\n|\s)(区|县|市|镇|乡)长[\u4e00-\u9fff]{2,3}(?:代表[\u4e00-\u9fff]{0,8}政府)?作(?:政府)?工作报告/)?.[1];
  if (!title || !region || region.endsWith(title)) return region;
  const level = lex.regionByName.get(region)?.level;
  if (level !== 'city' && level !== 'province') return region;
  // (By any name, its short one too: 江北 of 《数字江北建设三年行动计划》.)
  const inside = lex.regions.regions.filter((r) => r.name.endsWith(title) && isWithin(lex, r.name, region) && [r.name, ...r.aliases, ...(r.askedAs ?? [])].some((n) => n.length >= 2 && body.includes(n)));
  return inside.length === 1 ? inside[0].name : '';
}

/**
 * Whether a text ranks itself within a county it never speaks as (在全县领跑, 居全区第一, and no 全县 of its
 * own): the phrase that says so, or undefined.
 */
function rankedWithin(region: string, body: string, lex: Lexicon): string | undefined {
  if (lex.regionByName.get(region)?.level !== 'county') return undefined;
  const whole = `全${region.slice(-1)}`;
  const said = body.split(whole).length - 1;
  const ranks = [...body.matchAll(new RegExp(`(?:在|居|列|位居|位列|领跑|领先)${whole}|${whole}(?:第[一二三四五六七八九十\\d]|前列|首位|领跑|领先)`, 'g'))];
  return said > 0 && ranks.length === said ? ranks[0][0] : undefined;
}

/** The place a headline names, when the body names three or more places inside it and none outside it. */
function overParts(headlines: string[], body: string, lex: Lexicon): string | undefined {
  const over = headlines.map((l) => mostSpecificPlace(l, lex)).find(Boolean);
  if (!over) return undefined;
  const named = new Set(findPlaces(body, lex).filter((m) => m.region && !m.relative && m.region !== over).map((m) => m.region!));
  const level = (r: string) => lex.regionByName.get(r)?.level;
  const parts = [...named].filter((r) => level(r) !== 'country' && level(r) !== 'province');
  return parts.length >= 3 && parts.every((r) => isWithin(lex, r, over)) ? over : undefined;
}

export const general: Format = {
  name: 'document',
  detect: () => true,
  read(text, lines, lex, about) {
    const lay = sharedLayout();
    const problems: Omit<Problem, 'file'>[] = [];
    const id = identify(lines, lex, lay);
    const tables = findTables(lines, lay);
    const seen = recognise(text, id, tables, lay);
    // What the operator says of the kind wins; the file's name only where the content shows none.
    const { kind, recognised } = about.operator.kind
      ? { kind: about.operator.kind, recognised: true }
      : !seen.recognised && about.fileName.kind
        ? { kind: about.fileName.kind, recognised: true }
        : seen;
    const kindFrom: Evidence = about.operator.kind ? 'operator' : !seen.recognised && about.fileName.kind ? 'file name' : 'content';

    const skip = new Set(id.head);
    // Short lines above a headline its header fields follow (a site's menu, a library's opening hours) are the
    // page's, not the text's. (Not above a title that may be a subtitle: 杭州湾新区冲刺… over 前三季度主要经济指标….)
    const above = id.headline ? lines.slice(0, id.titleAt ?? 0) : [];
    if (above.every((l) => l.trim().length <= 40 && !/[。；;]/.test(l))) above.forEach((_, i) => skip.add(i));
    // A running header (the title again at the top of each page) is no text.
    if (id.title) lines.forEach((l, i) => i > 0 && l.trim() === id.title && !id.head.has(i) && skip.add(i));
    for (const t of tables) {
      for (let i = t.start; i < t.end; i++) skip.add(i);
      // The line that names the table is read with it.
      for (let k = t.start - 1; k >= 0 && k >= t.start - 4; k--) {
        if (!lines[k].trim()) continue;
        if (lines[k].trim() === t.title) skip.add(k);
        break;
      }
    }
    const paras = bodyParagraphs(lines, skip);
    const body = paras.map((p) => p.text).join('\n');

    // Years: the one the figures are about, and the one the text was written in.
    // The operator's year stands for the title's: the document's own year.
    // 今年以来…全年预计完成… dated 2025-01-26: a review written just after its year is of that year.
    // (So is a year's GDP in a page of 2024-02-01 that counts no year from its date: no GDP of the year dated exists
    // before April. One that says 去年 counts from its date: 嘉兴去年全市生产总值… of 2018-02-01 is 2017's.)
    const head600 = body.slice(0, 600);
    const earlyInYear = Number(id.date.slice(5, 7)) <= 2;
    // (A whole year's results, 全年…比上年增长4.1%, on a page of 2025-06-26 that names no year: the year before is the one
    // over — no year's results are known before it ends.)
    const yearDone = Number(id.date.slice(5, 7)) < 12 && /全年[^。；;]{0,40}?比上年(?:增长|下降|提高|减少|增加)/.test(head600) && !/(?:19|20)\d{2}\s*年|今年|本年|预计|目标|计划|力争/.test(head600);
    const review = yearDone || (earlyInYear && (/全年预计|预计全年|今年以来|一年来|过去的一年/.test(head600) || (/生产总值|GDP/i.test(head600) && !/去年|今年|上年|前年/.test(head600))));
    const dateYear = Number(id.date.slice(0, 4)) || undefined;
    // 20*年我区完成国内生产总值… (a template site masked the year): the page's date says nothing of it.
    const masked = /(?:19|20)[*＊×xX]{1,2}\s*年/.test(body.slice(0, 600));
    const writtenOf = masked ? undefined : review && dateYear ? dateYear - 1 : dateYear;
    // (So is one of January that names the year before twice or more and never 今年, 数据显示,2021年经开区… of
    // 2022-01-11 — though it still counts its 去年 from its date: 去年1至11月 of 2018-01-31 is 2017's.)
    const priorNamed = dateYear !== undefined && (body.match(new RegExp(`${dateYear - 1}\\s*年`, 'g'))?.length ?? 0) >= 2 && !/今年|本年/.test(body);
    const accountYear = earlyInYear && priorNamed && !review && writtenOf !== undefined ? writtenOf - 1 : writtenOf;
    const titleYear = about.operator.year ?? yearOf(id.title);
    const titleFrom: Evidence = about.operator.year ? 'operator' : 'title';
    const named = about.fileName.year;
    // 去年台州这些工作拿到全省第一 (dated 2018-01-11): a title that says 去年 is of the year before its date.
    const lastYear = !titleYear && /去年|上年/.test(id.title || lines.slice(0, 3).join('')) && dateYear ? dateYear - 1 : undefined;
    // 2024年,新嘉街道办事处坚持… (dated 2025-01-22): a text that opens on a year is about that year.
    // (So is a page's question, 问:2014年上虞区工业经济发展情况如何?, stamped 2025-06-25.)
    const opening = Number(body.trimStart().match(/^(?:问[:：])?((?:19|20)\d{2})\s*年(?!\s*\d)/)?.[1]) || undefined;
    // • 2018年 / 11月 on a line each at the top of a page of monthly figures: the year picked on the site's
    // menu is the page's, whatever day it was posted (2019-01-08).
    const picked = Number(lines.slice(0, 12).map((l) => l.trim().match(/^[•·]?\s*((?:19|20)\d{2})\s*年$/)?.[1]).find(Boolean)) || undefined;
    let decided: { value?: number; from?: Evidence };
    let year: number | undefined;
    let now: number | undefined;
    // (关于2022年上半年全镇经济社会发展情况和下半年政府工作的报告: a report given mid-year reviews the part of its own year gone by.)
    const partReviewed = kind === 'report' ? midYearReview(lines.slice(0, 8).join('\n')) : undefined;
    const workReport = kind === 'report' && recognised && !partReviewed;
    if (workReport) {
      // (With no date or year of its own: the year its account most names is the one it reviews —
      // 2025年奉贤区围绕…, said at a congress of 1月21日 — given the year after.)
      const reviewed = reviewedYear(body);
      // (一、本届政府和2021年工作回顾, said on 2021-12-26: the year its review heading names, whatever the date.)
      const headed = Number(body.match(/((?:19|20)\d{2})\s*年(?:政府)?工作(?:回顾|总结)/)?.[1]) || undefined;
      decided = decide<number>([titleFrom, about.operator.year], ['body', headed === undefined ? undefined : headed + 1], ['date', dateYear], ['title', titleYear], ['body', impliedYear(body, lay)], ['file name', named], ['body', reviewed === undefined ? undefined : reviewed + 1]);
      now = decided.value;
      year = now === undefined ? undefined : now - 1;
    } else if (partReviewed) {
      decided = { value: partReviewed.year, from: 'title' };
      year = partReviewed.year;
      now = year;
    } else if (kind === 'statistics') {
      // A 统计公报 of year N is about N, whenever it was published.
      decided = decide<number>([titleFrom, titleYear], ['header', picked], ['body', frequentYear(body)], ['file name', named]);
      year = decided.value;
      // …written after its year is over: 到2021年末…为228.7万人 is where the year ended, no target.
      now = writtenOf ?? (year === undefined ? undefined : year + 1);
    } else if (kind === 'summary') {
      // (2024年浙江省…计划执行情况, dated 2025-01-24: the year its title names.)
      decided = decide<number>([titleFrom, about.operator.year], ['title', lastYear], ['title', titleYear], ['header', picked], ['body', opening], ['date', accountYear], ['body', yearOf(body.slice(0, 300)) ?? impliedYear(body, lay)], ['file name', named]);
      year = decided.value;
      now = writtenOf ?? year;
    } else {
      // (今年1至4月… beside 2023年,该产业实现…, 2024年完工: a text that calls its own year 今年 names
      // other years by number — only a year it names with a part of it, 2023年上半年, 2014年10月15日, is its own.)
      const ownYearUnnamed = /今年|本年/.test(body);
      const guessed = ownYearUnnamed ? frequentYear(text.match(YEAR_WITH_PART)?.join(' ') ?? '') : frequentYear(text);
      decided = decide<number>([titleFrom, titleYear], ['title', lastYear], ['header', picked], ['body', opening], ['date', accountYear], ['body', masked ? undefined : (guessed ?? impliedYear(body, lay))], ['file name', named]);
      year = decided.value;
      now = writtenOf ?? year;
    }
    // 上半年 on a page stamped 2020-04-15: a part of the year not over by its date is no part of that year, and the
    // date says nothing of which year it is.
    const opening600 = `${lines.slice(0, 12).join('\n')}\n${head600}`;
    const reported = findPeriods(opening600).find((p) => p.period.year === undefined && p.period.to !== undefined && ['range', 'month', 'asof'].includes(p.period.kind));
    if (decided.from === 'date' && year === dateYear && reported && reported.period.to! > Number(id.date.slice(5, 7))) {
      problems.push({ line: 1, message: `its ${opening600.substr(reported.index, reported.length)} had not ended by its date (${id.date}): the date gives no year, and its figures carry none` });
      decided = {};
      year = undefined;
    }

    const tableTitle = tables.find((t) => t.title)?.title;
    // A page with no title line has headlines no title word marks (浙江省2023年一季度全省生产总值…).
    const headlines = id.headline ? [id.title] : id.title ? [] : headLines(lines);
    const place = decide<string>(
      ['operator', about.operator.place],
      [id.regionFrom ?? 'title', id.region],
      ['table title', tableTitle ? mostSpecificPlace(tableTitle, lex) : undefined],
      // The place the body names most (a page's menu names others once), else the first it names.
      // or the one the places it names all lie in (a city's bulletin of its counties).
      // (A task table's text is its rows: the places they name count too.)
      // (At last, the one district a 区 document names at all: 区府办's table naming 临安区职教中心.)
      // (A district's column whose account of the year opens with one of its towns, 2024年,大洲镇…: the town's.)
      // (A headline's place whose parts the body goes through, three or more of them — 江苏千亿县达23个 over 宝应, 昆山, 江阴
      // … — is the page's: no one of them is.)
      ['title', overParts(headlines, body, lex)],
      // (经开区2022年…汇报 that names 芜湖市: 芜湖经济技术开发区's, never the home city's zone.)
      ['title', bareZone(text, lex)?.name],
      ['body', openingTown(body, lex) ?? comparedPlace(body, lex) ?? subjectShortName(body, lex) ?? enclosingCity(body, lex) ?? frequentPlace(body, lex) ?? commonPlace(body, lex)],
      // (After what the body dwells on: 两项增速列金华第一 heads a story of 兰溪, ranked among 金华's counties; before
      // guesses from its opening, 杭州市首批共富村名单出炉,余杭6个村榜上有名! over a page that names 杭州市 first.)
      ['title', headlines.map((l) => mostSpecificPlace(l, lex)).find(Boolean)],
      ['body', subjectPlace(body.slice(0, 300), lex) ?? frequentPlace(text, lex) ?? commonPlace(text, lex) ?? scopedPlace(text, lex)],
      ['header', about.site],
      ['file name', about.fileName.place],
    );
    const spoken = spokenLevel(place.value ?? '', lines.slice(0, 40).join('\n'), body, lex);
    // (…增长6%,在全县领跑 on a page whose place only its body named, 宁海: a part of the county ranks itself
    // in it — the county is not its place, and which part it is the page does not say.)
    const ranked = place.from === 'body' && rankedWithin(spoken, body, lex);
    if (ranked) problems.push({ line: 1, message: `ranks itself within ${spoken} (${ranked}): a part of it, which one the text does not say; its place is unknown` });
    const region = ranked ? '' : spoken;
    const title = id.title && !id.garbled ? id.title : synthesizedTitle(workReport ? 'report' : kind === 'report' ? 'other' : kind, id, year, now, region, body, tables, about.fileName.title);
    const issuer = id.issuer || (workReport && region && /政府工作报告/.test(title) ? `${region}人民政府` : '');

    // Contexts of the prose, by kind: a work report's results are the year before's.
    // A title that names a part of the year (1-7月全市规上工业生产…, 上半年经济运行) sets the period of a summary or article;
    // so does an article's headline that no title word marks (…7月浙江经济稳进提质…).
    // (A page with no title line: the first short line of its head that names a part of the year,
    // 我区一季度经济实现“开门红” under the site's menu, not a line of the menu or the stamp.)
    // (A date alone, 2018年01月11日, is when it was written.)
    const headlinePeriod = () => headlines.map((l) => findPeriods(l, year).find((p) => p.period.to !== undefined && p.period.kind !== 'day')?.period).find(Boolean);
    // (The file's name where the text names no part of the year: 一季度开门红-宣城传媒网 of a 2008 page, a summary's 2021年上半年经济运行.)
    const fileSpan = () => {
      const span = about.fileName.span;
      if (!span || (kind !== 'summary' && recognised) || (span.year ?? year) !== year || year === undefined) return undefined;
      return span.year === undefined ? period({ ...span, year }) : span;
    };
    const titled =
      kind === 'summary' || kind === 'tasks' || !recognised
        ? (findPeriods(id.title || (title.endsWith('…') ? '' : title), year).find((p) => p.period.to !== undefined)?.period ?? (id.title ? undefined : headlinePeriod()) ?? fileSpan())
        : undefined;
    // (2018年6月民生实事进展情况: how far things had got by June, not what June alone did.)
    // (So is 2023年第三季度民生实事项目推进情况: how far by the quarter's end.)
    const progressOf = (titled?.kind === 'month' || (titled?.kind === 'range' && titled.from !== 1)) && PROGRESS_TITLE.test(id.title || title);
    const summarySpan = progressOf ? period({ kind: 'asof', year: titled!.year, to: titled!.to }) : titled;
    // (…工作总结及下阶段工作计划: a review first, its plans under a heading of their own.)
    const aims = AIMS_TITLE.test(id.title || title) && !PROGRESS_TITLE.test(id.title || title) && !REVIEWED.test(id.title || title);
    const base: Context = workReport
      ? { region, year, period: year !== undefined ? period({ kind: 'year', year }) : period({ kind: 'none' }), nature: 'actual', section: title, targets: now !== undefined ? period({ kind: 'year', year: now }) : undefined, now }
      : {
          region,
          year,
          period: partReviewed ?? summarySpan ?? (year !== undefined ? period({ kind: 'year', year }) : period({ kind: 'none' })),
          nature: aims ? 'target' : 'actual',
          section: title,
          // (A task table's aims are of the year it names: 2023年第四季度…主要任务完成情况 dated 2024-01-08; so are a list of aims'.)
          // (So are a review's, …2024年工作总结和2025年工作计划: the plans' year is its plans' part's to say.)
          targets: (kind === 'tasks' || aims || REVIEWED.test(id.title || title)) && year !== undefined ? period({ kind: 'year', year }) : now !== undefined && kind !== 'statistics' ? period({ kind: 'year', year: now }) : undefined,
          now,
        };
    const contexts = workReport ? reportContexts(paras, now, region, title, lex) : sectionContexts(paras, base, title, lex);
    const prose = readProse(paras, (p) => contexts.get(p)!, lex);

    // Tables: each in the context of the part it stands in, its title and its group rows.
    const tasks: TaskDraft[] = [];
    const indicators: LocatedIndicator[] = [...prose.indicators];
    const passages: PassageDraft[] = [...prose.passages];
    for (const t of tables) {
      const above = [...contexts.entries()].filter(([p]) => p.line - 1 < t.start).at(-1)?.[1] ?? base;
      const titled = t.title ? underHeading(above, t.title, title) : above;
      const got = tableRecords(t, (group) => (group ? underHeading(titled, group, title) : titled), lex);
      tasks.push(...got.tasks);
      indicators.push(...got.indicators);
      passages.push(...got.passages);
      problems.push(...got.problems);
    }
    if (!recognised) problems.push({ line: 1, message: 'kind not recognised; read as a report of unknown kind (passages and the figures it can read)' });
    // What identity the text did not give, and what was taken instead.
    if (!id.title || id.garbled) problems.push({ line: 1, message: `${id.garbled ? 'title line damaged' : 'no title line'}; titled from its content: ${title}` });
    if (!id.date) {
      const implied = impliedYear(body, lay);
      const said = year === undefined ? 'no year either: its figures carry none' : implied !== undefined && implied === (workReport ? now : year) && !titleYear && !yearOf(body.slice(0, 300)) && !frequentYear(text) ? `its figures taken as ${year}'s, as its text implies (${lay.years.find((y) => body.includes(y.phrase))?.phrase})` : `its figures taken as ${year}'s${decided.from === 'file name' ? ', as its file name says' : ''}`;
      problems.push({ line: 1, message: `no date; ${said}` });
    }

    const sections = paras.filter((p) => /^[一二三四五六七八九十]+、/.test(p.text) && isPartHeading(p.text)).map((p) => p.text);
    const source: SourceRecords['source'] = {
      key: '',
      type: 'source',
      kind,
      title,
      issuer,
      date: id.date,
      line: 1,
      region,
      ...(year !== undefined ? { year } : {}),
      ...(id.number ? { number: id.number } : {}),
      ...(id.notes.length ? { notes: id.notes } : {}),
      ...(sections.length ? { sections } : {}),
      evidence: { place: ranked ? undefined : place.from, year: decided.from, kind: kindFrom },
    };
    if (!region) problems.push({ line: 1, message: 'no place: neither its text nor its file name names one; its figures answer no question of a place' });
    return { items: [{ source, tasks, indicators: withRestatedYears(indicators, text), passages }], problems };
  },
};

/** A title for a document that gives none (or whose title line is damaged), from what it is. */
/**
 * The headlines of a page: the short lines of its head, above the body's first paragraph (a long
 * line or a sentence), that are no menu, list item, stamp or field (我区一季度经济实现“开门红”
 * under 您现在的位置: 黄岩新闻网 > 黄岩经济).
 */
function headLines(lines: string[]): string[] {
  const end = lines.findIndex((l) => l.trim().length > 60 || /[。；]/.test(l));
  return lines
    .slice(0, end < 0 ? 10 : Math.min(end, 10))
    .map((l) => l.trim())
    .filter((l) => l.length >= 6 && !/^\d+[.、．]/.test(l) && !/[>»|]|首页|当前位置|\d[:：]\d|(?:时间|来源|位置|作者|阅读|浏览|日期|编辑)\s*[:：]/.test(l));
}

function synthesizedTitle(kind: Kind | 'other', id: Identity, year: number | undefined, now: number | undefined, region: string, body: string, tables: Table[], named = ''): string {
  if (kind === 'report') return `${now ?? ''}${now ? '年' : ''}${region}政府工作报告`;
  if (kind === 'statistics') return `${year ?? ''}${year ? '年' : ''}${region}国民经济和社会发展统计公报`;
  if (id.title) return id.title;
  // (A page that is one table and no title: what its file's name calls it.)
  const first = body.split(/[。！？\n]/)[0] || tables[0]?.title || named;
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}

