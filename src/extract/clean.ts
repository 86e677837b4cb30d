/**
 * Text as web pages and PDF converters give it, made readable, line for line (so problems
 * and records keep their line numbers): page clutter blanked, pinyin glosses (報(bào)) and
 * footnote marks (“两个健康”9) dropped, traditional characters folded to simplified for
 * reading while the lines as written are kept for quotes.
 */
import * as OpenCC from 'opencc-js/t2cn';
import type { Layout } from './layout.js';

// Character by character ('t', not 'tw'): a line keeps its length, so a quote can be cut
// from the text as written at the place the reading found it, and no word is localised.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Tables copied from a web page or a PDF keep their columns apart with tabs or runs of
 * spaces, which tidying would take out: two or more lines in a row that split into the same
 * number of cells (two or more) are written with pipes instead, as tables are read.
 */
/** 增长速度, 产业结构: a label of a block of a table's rows, alone on its line — no figure, no sentence. */
export const BLOCK_LABEL = /^\s*[\u4e00-\u9fff]{2,10}\s*$/;

export function columnsToPipes(text: string): string {
  const lines = text.split('\n');
  const cellsOf = (line: string) => {
    const t = line.trim();
    if (!t || t.includes('|')) return [];
    // Cells apart by single tabs keep their empty ones (a cell merged with the one above).
    const cells = /\t/.test(t) && !/ {2,}|\u3000{2,}/.test(t) ? t.split('\t').map((c) => c.trim()) : t.split(/\t+| {2,}|\u3000{2,}/).map((c) => c.trim()).filter(Boolean);
    return cells.length >= 2 && /\t| {2,}|\u3000{2,}/.test(t) ? cells : [];
  };
  const cells = lines.map(cellsOf);
  // (A blank line or a group's label, 增长速度, between the header and the rows is no break in the run.)
  const between = (line: string) => !line.trim() || BLOCK_LABEL.test(line);
  // (A table holds a figure: 表1   2023年黄浦区财政收支情况 over 指标 累计(亿元)    同比(%) are its title and header, two
  // lines of two words each — the header the rows below it, written with single spaces, are read under.)
  const figure = (i: number) => cells[i].some((c) => /^-?[\d.,]+%?$/.test(c));
  // The next line with cells, over blank lines and labels (undefined past the text's ends or three lines on).
  const nearAt = (i: number, step: number) => {
    let k = i + step;
    while (k >= 0 && k < lines.length && !cells[k].length && between(lines[k]) && Math.abs(k - i) < 4) k += step;
    return k >= 0 && k < lines.length ? k : undefined;
  };
  // Whether the next line with cells that way has as many.
  const same = (i: number, step: number) => {
    const k = nearAt(i, step);
    return k !== undefined && cells[k].length === cells[i].length;
  };
  const inRun = lines.map((_, i) => cells[i].length >= 2 && (same(i, -1) || same(i, 1)));
  for (let i = 0; i < lines.length; i++) {
    // (From each run's first line: the lines it goes on over, dropped together when none holds a figure.)
    if (!inRun[i] || (inRun[nearAt(i, -1) ?? -1] && same(i, -1))) continue;
    const run = [i];
    for (let k = nearAt(i, 1); k !== undefined && inRun[k] && same(run.at(-1)!, 1); k = nearAt(k, 1)) run.push(k);
    if (!run.some(figure)) for (const k of run) inRun[k] = false;
  }
  return lines.map((line, i) => (inRun[i] ? `${cells[i].join(' | ')} |` : line)).join('\n');
}

/**
 * A yearbook's tables give each label in English too (地区 Region, 全市 Ningbo, 增长速度 Growth
 * Rate, a row of English headers): the English is a translation, read as nothing. Lines of
 * English alone become blank; a label's English after its Chinese goes; so does the # that
 * marks a row as one "of which" (#鄞州).
 */
export function withoutTranslations(text: string): string {
  const lines = text.split('\n');
  const cjk = (s: string) => /[\u4e00-\u9fff]/.test(s);
  // (A text with little Chinese keeps its English.)
  if ((text.match(/[\u4e00-\u9fff]/g) ?? []).length < 20) return text;
  const english = /^[A-Za-z][A-Za-z .,:;'’()&/-]*$/;
  return lines
    .map((line) => {
      const t = line.trim();
      if (!t) return line;
      const cells = line.split('\t');
      // A row of English headers, or an English title or note: no Chinese, words not figures.
      if (!cjk(t) && (t.match(/[A-Za-z]{2,}/g) ?? []).length >= 2 && cells.every((c) => !c.trim() || english.test(c.trim()) || /^[A-Za-z .,:]*\d{4}[A-Za-z .,:]*$/.test(c.trim()))) return '';
      // 全市 Ningbo, 增长速度 Grawth Rate: a label and its translation, in a cell or alone on a line.
      const label = (c: string) => c.replace(/^(\s*)#\s*(?=[\u4e00-\u9fff])/, '$1').replace(/(?<=[\u4e00-\u9fff）)%])\s+[A-Za-z][A-Za-z .,'’()&/-]*$/, '');
      if (cells.length > 1) return cells.map(label).join('\t');
      return /^\s*#?\s*[\u4e00-\u9fff]{2,12}\s+[A-Za-z][A-Za-z .,'’()&/-]*$/.test(line) ? label(line) : line;
    })
    .join('\n');
}

export interface Cleaned {
  /** The lines to read, as many as the document has. */
  lines: string[];
  /** The same lines as written (traditional characters kept), when folding changed any. */
  written?: string[];
  /** 1-based numbers of the lines blanked as page clutter. */
  clutter: number[];
  /** The government whose site the page is on, as its breadcrumb names it: whose page it is, where nothing else says. */
  site?: string;
}

const TONED = 'āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ';
// A gloss follows the character it spells: 報(bào), 協(xié). At least one tone mark, so
// (GDP) or (km) stay.
const GLOSS = new RegExp(`(?<=[\\u3400-\\u9fff])[(（](?=[a-zü${TONED}]*[${TONED}])[a-zü${TONED}]{1,7}[)）]`, 'g');
// Glosses without tone marks (生(sheng)產總值, 億(yi)(yi)元) only where a line has several:
// one (km) or (ha) after a word is no gloss.
const PLAIN_GLOSS = /(?<=[\u3400-\u9fff)）])[(（](?=[a-z]{0,5}[aeiouv])[a-z]{1,6}[)）]/g;
const PLAIN_GLOSSES = 3;
// A footnote mark: a small number right after a quoted name (or a word or two after it),
// followed by punctuation or a joining word rather than by a unit: “两个健康”9在海盐,
// “410”行动7为抓手. A number followed by a unit (“浙政钉”上线应用29个) is a figure.
const FOOTNOTE = /(?<=[”》][\u4e00-\u9fff]{0,4})\d{1,2}(?=[，,。；;：:、）)]|为|在|的|和|与|等|中|上|$)/g;
// Note marks after a word or a figure: bracketed ([1], ［2］) wherever they stand (R&D占比[2]达2.97%,
// “四个平台”[6]基本建成); circled (①) only before punctuation, as elsewhere they number a list.
const NOTE_MARK = /(?<=[\u4e00-\u9fff%\d”）)A-Za-z])(?:\[\d{1,2}\]|［\d{1,2}］)|(?<=[\u4e00-\u9fff%\d”）)])[①②③④⑤⑥⑦⑧⑨⑩](?=[，,。；;：:、）)]|$)/g;

const CJK = /[\u3400-\u9fff]/g;

/** True when at least 2% of the Chinese characters are traditional forms. */
function isTraditional(text: string): boolean {
  const sample = text.slice(0, 20000);
  const cjk = sample.match(CJK) ?? [];
  if (cjk.length < 20) return false;
  const folded = toSimplified(cjk.join(''));
  let changed = 0;
  for (let i = 0; i < cjk.length; i++) if (folded[i] !== cjk[i]) changed++;
  return changed / cjk.length >= 0.02;
}

/** True for a line of page furniture: navigation, login prompts, badges, page numbers, watermarks. */
export function isClutter(line: string, layout: Layout): boolean {
  const text = line.trim();
  if (!text) return false;
  if (layout.clutterLines.has(text.replace(/\s+/g, ''))) return true;
  if (layout.clutterPatterns.some((p) => p.test(text))) return true;
  return text.length <= 30 && !/[。；;]/.test(text) && layout.watermarks.some((w) => text.includes(w));
}

/** A site's menu: four or more short names apart with bars or wide spaces, no figure, no sentence. */
function menuCells(line: string): number {
  const t = line.trim();
  if (!t || /[\d。，,；;：:]/.test(t)) return 0;
  const cells = t.split(/\s*\|\s*|\t+| {2,}|\u3000{2,}/).filter(Boolean);
  return cells.length >= 4 && cells.every((c) => c.length <= 12) ? cells.length : 0;
}

/** A menu line, unless a line beside it is cut the same way: then it is a table's header. */
function isMenu(lines: string[], i: number): boolean {
  const n = menuCells(lines[i]);
  if (!n) return false;
  // (Past a blank line and a block's label, 产业结构: a table header's rows are still near it.)
  const after = lines.slice(i + 1, i + 4).filter((l) => l.trim());
  const next = after[0] && BLOCK_LABEL.test(after[0]) ? after[1] : lines[i + 1];
  const near = [lines[i - 1], lines[i + 1], next].filter((l): l is string => !!l?.trim());
  return !near.some((l) => l.includes('|') || l.trim().split(/\t+| {2,}|\u3000{2,}/).length >= n - 1);
}

// (Or a stamp right before the page's 来源: 区县新闻 2015-01-13 08:41:06 来源:宁海新闻网; or one
// that ends the clutter line: 新江南网 > 杭州 > 新闻 > 国内   2023-07-27.)
const PAGE_DATE = /(?:发布时间|发布日期|發布時間|發布日期)[:：]\s*(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}(?=\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:(?:来源|作者)[:：]|$))/;

// A news dateline opening a paragraph (新华社北京3月5日电, 央广网宁波7月26日消息(记者…), 本报讯(通讯员…)):
// 21世纪经济报道记者胡丽华杭州报道: who filed it where and when, no words of the report's own (杭州 is no subject).
const DATELINE = /^(\s*)(?:[\u4e00-\u9fff]{0,12}?(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:电|讯|消息|音讯)|本报讯|本网讯|[^\s，。,；;]{0,16}?记者[\u4e00-\u9fff ]{2,16}?报道(?=\s*$))[:：]?\s*(?:[(（][^)）]{0,40}?(?:记者|通讯员)[^)）]{0,40}[)）])?\s*/;

/** The last step of a page's breadcrumb, when it is the page's title (a long name with its year). */
function crumbTitle(line: string): string {
  if (!/>|»/.test(line)) return '';
  const last = line.split(/>|»/).at(-1)!.trim();
  // (A section's name, 国民经济和社会发展计划, is no title: a title says its year.)
  return last.length >= 10 && /[\u4e00-\u9fff]{6}/.test(last) && /(?:19|20)\d{2}年/.test(last) && !/[|]/.test(last) ? last : '';
}

/** The government whose site a page is on, from its breadcrumb's first step (泰顺县人民政府 > 政务公开 > …). */
function crumbSite(line: string): string | undefined {
  return line.match(/^\s*(?:(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]?\s*)?([\u4e00-\u9fff]{2,16}?(?:人民政府|政府))(?:门户网站|网站)?\s*[>＞»]/)?.[1];
}

export function clean(lines: string[], layout: Layout): Cleaned {
  const clutter: number[] = [];
  let site: string | undefined;
  // (A page in traditional characters has its menu and breadcrumb so too, 您的位置:首頁 > 要聞: known as clutter read simplified.)
  const traditional = isTraditional(lines.join('\n'));
  const probe = traditional ? lines.map((line) => toSimplified(line)) : lines;
  const kept = lines.map((line, i) => {
    if (isClutter(probe[i], layout) || isMenu(probe, i)) {
      clutter.push(i + 1);
      if (i < 5) site ??= crumbSite(probe[i]);
      // (首页 > 新闻中心  浏览次数:  发布时间:2020-09-09: the page's date stays, the menu goes.)
      // (当前位置:首页 > … > 2024年湖州市政府工作报告重点工作上半年完成情况: so does the page's own title, its last step.)
      return line.match(PAGE_DATE)?.[0] ?? crumbTitle(line);
    }
    const read = line.replace(DATELINE, '$1');
    const glossed = (read.match(PLAIN_GLOSS)?.length ?? 0) >= PLAIN_GLOSSES ? read.replace(PLAIN_GLOSS, '') : read;
    return glossed.replace(GLOSS, '').replace(FOOTNOTE, '').replace(NOTE_MARK, '');
  });
  if (!isTraditional(kept.join('\n'))) return { lines: kept, clutter, ...(site ? { site } : {}) };
  const folded = kept.map((line) => {
    const s = toSimplified(line);
    // A conversion that changed a line's length could not be mapped back: read it as written.
    return s.length === line.length ? s : line;
  });
  return { lines: folded, written: kept, clutter, ...(site ? { site: toSimplified(site) } : {}) };
}

/**
 * The text as written at the place `reading` (a sentence of the folded lines, maybe joined
 * across lines) was read, or `reading` itself when it cannot be found.
 */
export function asWritten(reading: string, cleaned: Cleaned, joined = joinLines(cleaned)): string {
  if (!joined.written) return reading;
  const at = joined.read.indexOf(reading);
  return at < 0 ? reading : joined.written.slice(at, at + reading.length);
}

/** The folded and the written text with line breaks taken out, for asWritten. */
export function joinLines(cleaned: Cleaned): { read: string; written?: string } {
  return { read: cleaned.lines.join(''), written: cleaned.written?.join('') };
}
