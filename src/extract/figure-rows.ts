/**
 * A statistics table as a web page's text gives it when its cells lost their borders: each row
 * a label and its figures apart by single spaces or none (宁波市333.4 4.0 3400.6 6.7, 合计中:
 * 轻工业94.7 5.8 913.7 3.2), under a header whose column names run together
 * (规上工业增加值(单位:亿元)11月同比±%1-11月同比±%). Such a run is written with pipes, as tables
 * are read, line for line; a run whose header cannot be split into as many columns as its rows
 * have cells stays text (its figures unread rather than read under the wrong column).
 */
import type { Layout } from './layout.js';
import { escapeRegExp } from '../text/normalize.js';

// A column of units (单位, 计量单位), as tables.ts tells it.
const UNIT_COLUMN = /^(?:计量)?单位$/;

const FIGURE = String.raw`-?\d+(?:\.\d+)?%?`;
// A cell left empty: — or / in a row of figures.
const NO_FIGURE = String.raw`[—－-]{1,2}|/`;
// The label: words, not a sentence (no 。，；), never ending in a digit; then two or more figures.
// (A row may open on a cell left empty: 规模以上工业增加值 亿元 - 1.5 - 11.4.)
const ROW = new RegExp(String.raw`^((?:\d{1,2}[.、．]\s*)?[^\s\d|。，；;,][^|。，；;,]*?)(?<![\d.\-])\s*((?:${FIGURE}|${NO_FIGURE})(?:\s+(?:${FIGURE}|${NO_FIGURE}))+)$`);
const YEAR = /^(?:19|20)\d{2}$/;
const FIGURE_CELL = new RegExp(`^${FIGURE}$`);

/** A line's cells when it is a row of figures: [label, figure, …], or [label, unit, figure, …] where the row gives its unit (社会消费品零售总额 亿元 480.40 …). */
function rowCells(line: string, units: readonly string[]): string[] | undefined {
  const m = line.trim().match(ROW);
  if (!m || !/[\u4e00-\u9fffA-Za-z]/.test(m[1])) return undefined;
  const figures = m[2].split(/\s+/);
  // (指标 2022 2023: a header of years, not a row; - - alone is no row of figures.)
  if (figures.every((f) => YEAR.test(f)) || !figures.some((f) => FIGURE_CELL.test(f))) return undefined;
  const said = m[1].match(/\s(\S{1,6})$/)?.[1];
  const unit = said && units.includes(said) ? said : undefined;
  // (二、社会消费品零售总额, #限额以上…: an item's number, or the # of a part, is no word of its name.)
  const label = (unit ? m[1].slice(0, m[1].length - unit.length) : m[1]).replace(/\s+/g, '').replace(/^[#＃]/, '').replace(/^[一二三四五六七八九十]{1,3}[、.．]/, '');
  return [label, ...(unit ? [unit] : []), ...figures];
}

const patterns = new WeakMap<Layout, RegExp>();

/** The column words of layout.json as one sticky pattern: a month or an amount (with its unit), or a change. */
function columnPattern(layout: Layout): RegExp {
  let pattern = patterns.get(layout);
  if (!pattern) patterns.set(layout, (pattern = newColumnPattern(layout)));
  return pattern;
}

function newColumnPattern(layout: Layout): RegExp {
  const any = (ws: string[]) => ws.map(escapeRegExp).join('|');
  const { thisMonth, cumulative, amounts: others, bases, changes } = layout.figureColumns;
  const amounts = [...cumulative, ...thisMonth, ...others].sort((a, b) => b.length - a.length);
  const unit = String.raw`(?:[(（][^()（）]{1,8}[)）])?`;
  const month = String.raw`(?:(?:19|20)\d{2}年)?(?:\d{1,2}\s*[-—~～至]\s*\d{1,2}月|\d{1,2}月)份?(?:累计)?`;
  const percent = String.raw`(?:%|[(（]%[)）])?`;
  const change = String.raw`(?:(?:${any(bases)})(?:${any(changes)})*|(?:${any(changes)})+)${percent}`;
  return new RegExp(String.raw`(?:${month}|${any(amounts)})${unit}|${change}`, 'y');
}

/** Whether a header cell is one column word of a statistics table (本月, 1-本月, 比去年同月增长(%)). */
export function isFigureColumn(cell: string, layout: Layout): boolean {
  return columnWords(cell.replace(/\s+/g, ''), columnPattern(layout))?.length === 1;
}

/** The text as column words end to end, or undefined where some of it is none. */
function columnWords(text: string, pattern: RegExp): string[] | undefined {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m || !m[0]) return undefined;
    out.push(m[0]);
    at += m[0].length;
  }
  return out;
}

/**
 * The header's cells for rows of `width` cells: as its spaces split it, or — run together — the
 * words before its column words (the rows' label column: what they are parts or places of)
 * and those words.
 */
function headerCells(line: string, width: number, pattern: RegExp, over?: string): string[] | undefined {
  const text = line.trim();
  if (!text || text.includes('|') || /[。；;]/.test(text) || text.length > 100) return undefined;
  const spaced = text.split(/\s+/).map(closed);
  const columns = (cells: string[]) => cells.slice(1).every((c) => UNIT_COLUMN.test(c) || columnWords(c, pattern));
  if (spaced.length === width && columns(spaced)) return spaced;
  // (指标 单位 8月 1-8 over 数值 增长(% 数值 增长(%: the first line's last cells each over as many of the second's.)
  const above = over?.trim().split(/\s+/).map(closed);
  for (let spans = 1; above && !/[。；;|]/.test(over!) && spans < above.length; spans++) {
    const each = spaced.length / spans;
    if (!Number.isInteger(each) || above.length - spans + spaced.length !== width) continue;
    const named = [...above.slice(0, -spans), ...above.slice(-spans).flatMap((o, k) => spaced.slice(k * each, (k + 1) * each).map((c) => `${o}${c}`))];
    if (columns(named)) return named;
  }
  const glued = text.replace(/\s+/g, '');
  for (let k = 0; k < glued.length; k++) {
    const words = columnWords(glued.slice(k), pattern);
    if (words?.length === width - 1) return k > 0 ? [glued.slice(0, k), ...words] : undefined;
  }
  return undefined;
}

/** A header cell as it was meant: 增长(% cut at the line's end is 增长(%); 1-8 over a month's columns is 1-8月. */
function closed(cell: string): string {
  return cell.replace(/([(（])([^)）]*)$/, '$1$2)').replace(/^(\d{1,2}[-—~至]\d{1,2})$/, '$1月');
}

/** The lines with each run of figure rows under a header it fits written as a pipe table. */
export function figureRowsToPipes(text: string, layout: Layout, units: readonly string[] = []): string {
  const lines = text.split('\n');
  const pattern = columnPattern(layout);
  const cells = lines.map((l) => (l.includes('|') ? undefined : rowCells(l, units)));
  const pipes = (cs: string[]) => `| ${cs.join(' | ')} |`;
  for (let i = 0; i < lines.length; i++) {
    const width = cells[i]?.length;
    if (!width) continue;
    let end = i;
    while (end + 1 < lines.length && cells[end + 1]?.length === width) end++;
    // The header: the nearest line above with words, over at most two blank ones.
    let h = i - 1;
    while (h >= 0 && h >= i - 3 && !lines[h].trim()) h--;
    const header = end > i && h >= 0 && !cells[h] ? headerCells(lines[h], width, pattern) : undefined;
    const spanned = !header && end > i && h >= 1 && !cells[h] ? headerCells(lines[h], width, pattern, lines[h - 1]) : undefined;
    // (A header over two lines is written as one, on the second.)
    if (spanned) lines[h - 1] = '';
    if (header ?? spanned) {
      lines[h] = pipes((header ?? spanned)!);
      for (let k = i; k <= end; k++) lines[k] = pipes(cells[k]!);
    }
    i = end;
  }
  return lines.join('\n');
}
