/**
 * A web table copied as text one cell a line, each cell closed by a bar (序号 | / 目标任务 | / … / 1 | /
 * 城镇新增就业1100人 | / 县人社局 | / 1100 | …), a cell of several lines closed by the bar on its last.
 * Read back into rows under its 序号 header: a row runs from its number to the next; where the last
 * column is a note (备注), its empty cell closes each line of the row — the first the numbered one, the
 * others lines of that row whose first cells stand merged above (新增家政服务人员275人 | 275 | 284 | …).
 * A line's cells are placed right to left: its figures under the last columns, its words before them —
 * a department under the department column, any other word past it —; what it leaves out stays empty, as merged.
 */
import { cellText, textBlock, type Block } from './types.js';

// A line that closes a cell: its one bar at the end (城镇新增就业1100人 |, or | alone for an empty cell).
const CELL_END = /^[^|]*\|\s*$/;
const NUMBER_HEADER = /^(?:序号|编号|序)$/;
const NOTE_HEADER = /^(?:备注|说明|备考)$/;
const LEAD_HEADER = /牵头|责任|单位|部门/;
const FIGURE = /^-?[\d.,]+%?$|^-$/;
const DEPARTMENT = /^\*?[\u4e00-\u9fff（）()、¦*]{2,40}(?:局|委|办|政府|中心|公司|集团|部|处|室|街道|镇|管委会|组)$/;
// Fewer cells than this are no table.
const LEAST_CELLS = 8;

/** The text's lines with each such table as a table block, the rest as text blocks. */
export function cellLineBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let text: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const run = cellsFrom(lines, i);
    if (!run) {
      text.push(lines[i++]);
      continue;
    }
    const table = rowsOf(run.cells);
    // (A run that holds no numbered table is text, read once — not again from each of its lines — unless a 序号 in it
    // may open one further down: 表名 | above 序号 |.)
    if (!table) {
      const further = run.cells.slice(1).some((c) => NUMBER_HEADER.test(c));
      const end = further ? i + 1 : run.end;
      text.push(...lines.slice(i, end));
      i = end;
      continue;
    }
    const title = text.length && text.at(-1)!.trim() && text.at(-1)!.trim().length <= 40 ? text.pop()!.trim() : undefined;
    const before = textBlock(text);
    if (before) blocks.push(before);
    blocks.push({ type: 'table', rows: table, ...(title ? { title } : {}) });
    text = [];
    i = run.end;
  }
  // (A text with no such table is its lines as they are: line numbers stay the file's.)
  if (!blocks.length) return [{ type: 'text', lines }];
  const after = textBlock(text);
  if (after) blocks.push(after);
  return blocks;
}

/** The cells of a run of bar-closed lines starting at line `start`, and the line after it; none where there is no such run. */
function cellsFrom(lines: string[], start: number): { cells: string[]; end: number } | undefined {
  if (!CELL_END.test(lines[start]) || !lines[start].replace('|', '').trim()) return undefined;
  const cells: string[] = [];
  let parts: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (CELL_END.test(line)) {
      parts.push(line.replace(/\|\s*$/, ''));
      cells.push(cellText(parts));
      parts = [];
    } else if (line.trim() && !line.includes('|') && parts.length < 6) parts.push(line);
    else break;
  }
  // (The run ends with its last closed cell: lines after it that close none are text — unless the text ends in
  // them, a cell the page cut off.)
  const cut = parts.length > 0 && !lines.slice(i).some((l) => l.trim());
  if (cut) cells.push(cellText(parts));
  const end = cut ? i : i - parts.length;
  return cells.length >= LEAST_CELLS ? { cells, end } : undefined;
}

/** The header and rows of a run's cells, or undefined when they hold no numbered table. */
function rowsOf(cells: string[]): string[][] | undefined {
  const first = cells.indexOf('1');
  const header = cells.slice(0, first);
  if (first < 3 || !NUMBER_HEADER.test(header[0]) || header.some((h) => !h || h.length > 16 || /\d/.test(h))) return undefined;
  const width = header.length;
  const noted = NOTE_HEADER.test(header.at(-1)!);
  const rows: string[][] = [header];
  let row: string[] = [];
  let next = 1;
  const close = () => {
    if (!row.length) return;
    // (A row's lines: where the note column closes each, split at its empty cells.)
    const lines: string[][] = [];
    let line: string[] = [];
    for (const cell of row) {
      line.push(cell);
      if (noted && !cell && line.length > 1) {
        lines.push(line);
        line = [];
      }
    }
    // (A line the page cuts off before its note is closed, as if its note were empty: 竣工24个项目:…西湖家园等5个… is progress.)
    if (line.length) lines.push(noted && lines.length ? [...line, ''] : line);
    lines.forEach((l, k) => rows.push(placed(l, header, k === 0)));
    row = [];
  };
  // (A number is the next row's only where the line before is done: closed by its note, all but full, or ended on a
  // sentence — not 7 | 7 | 100% after 县民政局, the target of a row that goes on.)
  const lineDone = () => {
    const last = row.at(-1) ?? '';
    const open = row.length - 1 - row.lastIndexOf('');
    return !row.length || (noted && !last) || last.length > 20 || (row.includes('') && noted ? open : row.length) >= width - 2;
  };
  for (const cell of cells.slice(first)) {
    if (cell === String(next) && lineDone()) {
      close();
      next++;
    }
    row.push(cell);
  }
  close();
  return rows.length > 1 ? rows : undefined;
}

/** A line of a row with its cells under their columns: right to left, what it leaves out empty. */
function placed(line: string[], header: string[], numbered: boolean): string[] {
  const width = header.length;
  const out = Array<string>(width).fill('');
  const own = numbered ? line.slice(1) : [...line];
  if (numbered) out[0] = line[0];
  // (A line with every cell but the number in place; more than that, the rest in the last column.)
  if (own.length >= width - 1) {
    own.slice(0, width - 1).forEach((c, i) => (out[i + 1] = c));
    if (own.length > width - 1) out[width - 1] = [out[width - 1], ...own.slice(width - 1)].filter(Boolean).join('¦');
    return out;
  }
  // (A numbered line that ends on no figure nor empty note is cut short — the page ends in it —: left to right.)
  if (numbered && own.length && !FIGURE.test(own.at(-1)!) && own.at(-1) !== '') {
    own.forEach((c, i) => (out[i + 1] = c));
    return out;
  }
  let col = width - 1;
  let k = own.length - 1;
  // Figures and empty cells at its end stand under the last columns.
  for (; k >= 0 && col >= 1 && (FIGURE.test(own[k]) || !own[k]); k--, col--) out[col] = own[k];
  // Its words before them: a department under the department column, any other word past it.
  const lead = header.findIndex((h, i) => i > 0 && LEAD_HEADER.test(h));
  for (; k >= 0 && col >= 1; k--, col--) {
    if (DEPARTMENT.test(own[k]) && lead > 0 && lead <= col) col = lead;
    else while (col > 1 && col === lead) col--;
    out[col] = own[k];
  }
  return out;
}
