/**
 * Tables inside a document's text, in the two shapes text gives them: rows of cells between
 * pipes (序号 | 主要工作任务 | 责任单位 |), or one cell per line under header cells of their
 * own (指标名称 / 预期目标 / 实际完成 / 备注). Each column gets a role from its header
 * (knowledge/layout.json: task, lead, target, place, growth …) or, for a header such as
 * 2021年GDP(亿元), the metric, period and unit its values have.
 */
import type { Period } from '../types.js';
import type { Layout, ColumnRole } from './layout.js';
import { findPeriods } from '../text/period.js';
import { BLOCK_LABEL } from './clean.js';
import { isFigureColumn } from './figure-rows.js';

export interface Column {
  /** The header as written. */
  text: string;
  role: ColumnRole | 'value';
  /** What the values measure: GDP of 2021年GDP(亿元); the header's words for other roles. */
  metric: string;
  /** The unit of bare numbers in the column: 亿元 of 2021年GDP(亿元). */
  unit: string;
  period?: Period;
  /** A period the header names without its year (11月, 1-11月): of the document's year. */
  periodWords?: string;
}

export interface Row {
  cells: string[];
  /** 0-based index of the row's first line. */
  line: number;
  /** A row the text stops in the middle of (the page or the excerpt ends). */
  cut: boolean;
  /** The group row (一、综合发展) the row stands under, if any. */
  group?: string;
}

export interface Table {
  layout: 'pipe' | 'cells' | 'fields';
  columns: Column[];
  rows: Row[];
  /** 0-based indexes: the header's first line, and the line after the table. */
  start: number;
  end: number;
  /** The line just above the header that names the table (表1:…), if any. */
  title?: string;
}

const UNIT_IN_HEADER = /[(（]([^()（）]{1,8})[)）]$/;
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** A column of units (单位, 计量单位): words, no figures. */
export const isUnitColumn = (header: string) => /^(?:计量)?单位$/.test(squeeze(header));
// An amount under a cell that spans it (2022年实绩 over 绝对值 | 增速(%)).
const AMOUNT_CELL = /^(?:绝对值|绝对数|绝对额|总量|数值|数量|金额|总额)(?:[(（][^()（）]*[)）])?$/;
/** A cell that is a figure alone (1478.53, -10.7, 7%). */
export const isFigureCell = (t: string | undefined) => !!t && /^-?[\d.,]+%?$/.test(t);

/** A header cell's role, metric, unit and period. */
export function column(text: string, layout: Layout): Column {
  let rest = squeeze(text).replace(/（/g, '(').replace(/）/g, ')');
  const whole = layout.columns.find((c) => c.word === rest);
  if (whole) return { text, role: whole.role, metric: '', unit: '' };
  const unitMatch = rest.match(UNIT_IN_HEADER);
  // (规上工业增加值(单位:亿元): the unit said as one.)
  const unit = unitMatch ? unitMatch[1].replace(/^(?:计量)?单位[:：]/, '') : '';
  if (unitMatch) rest = rest.slice(0, unitMatch.index);
  const found = findPeriods(rest)[0];
  const period = found?.period.year !== undefined ? found.period : undefined;
  if (found && period) rest = rest.slice(0, found.index) + rest.slice(found.index + found.length);
  // (11月, 1-11月累计, 3月同比±%: a column of a period of the document's year — its values, or their change.)
  const periodWords = found && !period && found.index === 0 ? rest.slice(0, found.length) : undefined;
  if (periodWords) {
    rest = rest.slice(found!.length);
    if (/^(?:累计)?$/.test(rest)) return { text, role: 'value', metric: '', unit, periodWords: `${periodWords}${rest}` };
  }
  // (本月 | 1-本月: the month of the table, and its year so far.)
  const { thisMonth, cumulative, bases } = layout.figureColumns;
  if (!periodWords && thisMonth.includes(rest)) return { text, role: 'value', metric: '', unit, periodWords: '本月' };
  if (!periodWords && cumulative.includes(rest)) return { text, role: 'value', metric: '', unit, periodWords: '累计' };
  const exact = layout.columns.find((c) => c.word === rest);
  // (进展情况、存在问题及下一步打算: a long header is of the role its first words name.)
  const within = rest.length <= 10 ? layout.columns.find((c) => rest.includes(c.word)) : layout.columns.find((c) => c.word.length >= 2 && rest.startsWith(c.word));
  const role = (exact ?? within)?.role ?? 'value';
  // The metric of a value column is its header without period and unit; of a growth column
  // (GDP增速) the words before the growth word.
  // (同比±%, 增长(%): no metric of its own.)
  // (比去年同月增长(%): what the change is over is its basis, no metric.)
  const basis = bases.find((b) => rest.startsWith(b));
  const metric = role === 'value' ? rest : rest.replace((exact ?? within)!.word, '').replace(basis ?? /$^/, '').replace(/^[±%()]+$/, '');
  return { text, role, metric, unit, period, ...(periodWords ? { periodWords } : {}) };
}

function pipeCells(line: string): { cells: string[]; closed: boolean } {
  const t = line.trim();
  const closed = t.endsWith('|');
  const cells = t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
  return { cells, closed };
}

const withoutTrailingEmpty = (cells: string[]) => {
  const out = [...cells];
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
};

/**
 * A header over two lines whose last cell spans the columns after it (… | 2025年进展情况 | | /
 * 截至6月底进展 | 7月工作计划 |): the header with the spanned cell's columns named by the second
 * line. Undefined when the next line is no such continuation (a row opens with its number).
 */
function spannedHeader(cells: string[], next: string | undefined, layout: Layout): string[] | undefined {
  const named = withoutTrailingEmpty(cells);
  if (!next?.includes('|') || named.length < 2 || named.length >= cells.length || named.some((c) => !c)) return undefined;
  const below = withoutTrailingEmpty(pipeCells(next).cells);
  const spare = cells.length - named.length;
  if (below.length < 2 || below.length > spare + 1 || below.some((c) => !c || /^\d/.test(c) && /^[\d.\s%-]+$/.test(c))) return undefined;
  // (2022年实绩 over 绝对值 | 增速(%): a column the second line names only as an amount is the spanning cell's.)
  const over = named.at(-1)!;
  const amount = (c: string) => AMOUNT_CELL.test(squeeze(c));
  return [...named.slice(0, -1), ...below.map((c) => (amount(c) && column(c, layout).role === 'value' ? `${over} ${c}` : c))];
}

/**
 * A row that leaves out a merged cell (the 项目名称 written once, on the group's first row): the
 * cell of the row before put back where it stood, when that cell is a group's label (一、…).
 */
function withMergedCells(cells: string[], before: string[] | undefined, width: number): string[] {
  const own = withoutTrailingEmpty(cells);
  if (!before || own.length !== width - 1) return cells;
  const at = before.findIndex((c, i) => i > 0 && GROUP_CELL.test(c));
  if (at < 0 || GROUP_CELL.test(own[at] ?? '')) return cells;
  return [...own.slice(0, at), before[at], ...own.slice(at)];
}

/**
 * 项目名称 | 子项目: a task column that holds only groups' labels (一、优质教育综合提升工程) beside
 * another holds the groups, not the tasks: each row stands under its label.
 */
function groupsInColumn(table: Table): Table {
  const tasks = table.columns.flatMap((c, i) => (c.role === 'task' ? [i] : []));
  const at = tasks.find((i) => table.rows.every((r) => !r.cells[i] || GROUP_CELL.test(r.cells[i])));
  if (tasks.length < 2 || at === undefined) return table;
  return {
    ...table,
    columns: table.columns.map((c, i) => (i === at ? { ...c, role: 'value' as const } : c)),
    rows: table.rows.map((r) => ({ ...r, group: r.cells[at] || r.group, cells: r.cells.map((c, i) => (i === at ? '' : c)) })),
  };
}

/**
 * A row under a numbered one that leaves out the 序号 cell (新增托位500个。 | 已新增托位600个。 | |):
 * its cells stand from the second column on.
 */
function withNumberLeftOut(cells: string[], columns: Column[], after: boolean): string[] {
  if (!after || columns[0]?.role !== 'number' || !cells[0] || /^\d{1,3}$/.test(cells[0]) || withoutTrailingEmpty(cells).length >= columns.length) return cells;
  return ['', ...cells];
}

/**
 * 分管市长 | 序号 | 主要工作任务 | … with a row 2 | 坚决扛起… | …: the cells before the 序号 column merged over the rows
 * under the first (its 分管市长 written once): the row's number stands under 序号, and the cells before it are the row above's.
 */
function withLeadingMerged(cells: string[], columns: Column[], before: string[] | undefined): string[] {
  const at = columns.findIndex((c) => c.role === 'number');
  if (at <= 0 || !before || !/^\d{1,3}$/.test(cells[0] ?? '') || /^\d{1,3}$/.test(before[0] ?? '') || withoutTrailingEmpty(cells).length > columns.length - at) return cells;
  return [...before.slice(0, at), ...cells];
}

const GROUP_CELL = /^[一二三四五六七八九十]+、\S{2,30}$/;
const ROLES_OF_ROWS: ColumnRole[] = ['task', 'name', 'place', 'year'];
const UNIT_LINE = /^(?:计量)?单位[:：]\s*([^\s，,。]{1,6})$/;
const GROUP = /^[一二三四五六七八九十]+、\S{2,30}$/;
const PROSE = (line: string) => line.length > 40 && /[。；;]/.test(line);

function pipeTables(lines: string[], layout: Layout): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('|')) continue;
    const head = pipeCells(lines[i]);
    const spanned = spannedHeader(head.cells, lines[i + 1], layout);
    const headCells = spanned ?? withoutTrailingEmpty(head.cells);
    if (headCells.length < 2 || !headCells.every((c) => c && !/^-?[\d.]+%?$/.test(c))) continue;
    const columns = headCells.map((c) => column(c, layout));
    if (columns.filter((c) => c.role !== 'value' || c.unit).length < 2 && !columns.some((c) => ROLES_OF_ROWS.includes(c.role as ColumnRole))) continue;
    const rows: Row[] = [];
    let group: string | undefined;
    let j = i + (spanned ? 2 : 1);
    for (; j < lines.length; j++) {
      const line = lines[j].trim();
      // A group's label alone on its line (一、…; 增长速度 between a yearbook table's blocks) heads the rows after it.
      const label = (at: number) => GROUP.test(lines[at]?.trim() ?? '') || (BLOCK_LABEL.test(lines[at] ?? '') && (lines[at + 1] ?? '').includes('|'));
      if (!line) {
        // A blank line ends the table unless rows go on after it.
        const next = lines.findIndex((l, k) => k > j && l.trim());
        if (next > 0 && (lines[next].includes('|') || label(next))) continue;
        break;
      }
      if (!line.includes('|')) {
        if (label(j)) {
          group = line;
          continue;
        }
        break;
      }
      // A markdown separator (|---|---|) is no row.
      if (/^[\s|:：\-—]+$/.test(line)) continue;
      const { cells, closed } = pipeCells(line);
      // A header again (指 标 | 单位 | 3月 同比±% …, or the same columns under another first cell: 规上工业销售产值(单位:亿元) |
      // 11月 | 同比±% …): the next table's.
      const restated = squeeze(cells[0] ?? '') === squeeze(headCells[0]) && columns[0].role !== 'value';
      if (headCells.length > 2 && (restated || (withoutTrailingEmpty(cells).length === headCells.length && cells.slice(1).every((c, k) => squeeze(c) === squeeze(headCells[k + 1]))))) break;
      const first = j;
      // A cell broken over lines (财政总收入突破1700亿元,其中 / 一般公共预算收入…| 市财政局 |):
      // the row goes on until it has its cells or closes.
      let isClosed = closed;
      while (!isClosed && cells.length < columns.length && j + 1 < lines.length && lines[j + 1].trim() && !/^[一二三四五六七八九十]+、/.test(lines[j + 1].trim())) {
        const more = pipeCells(lines[++j]);
        cells[cells.length - 1] += more.cells[0];
        cells.push(...more.cells.slice(1));
        isClosed = more.closed;
      }
      const last = j === lines.length - 1 || !lines.slice(j + 1).some((l) => l.trim());
      // (经济发展 | 1 | 地区生产总值(GDP) | …: a group's label written before the row's number, the group's first row only.)
      if (columns[0].role === 'number' && withoutTrailingEmpty(cells).length > columns.length && !/\d/.test(cells[0]) && /^\d{1,3}$/.test(cells[1] ?? '')) {
        group = cells.shift();
      }
      rows.push({ cells: withNumberLeftOut(withMergedCells(withLeadingMerged(cells, columns, rows.at(-1)?.cells), rows.at(-1)?.cells, columns.length), columns, rows.length > 0), line: first, cut: !isClosed && cells.length < columns.length && last, group });
    }
    // A header without rows is a line that happens to hold bars: a site's menu (要闻 | 长三角 | …).
    if (!rows.length) continue;
    let title: string | undefined;
    let unit: string | undefined;
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const t = lines[k].trim();
      if (!t) continue;
      // 单位:% above the header: the unit of every column that names none; the title is above it.
      const said = t.match(UNIT_LINE)?.[1];
      if (said && !unit) {
        unit = said;
        continue;
      }
      if (!PROSE(t) && t.length <= 60) title = t;
      break;
    }
    const measured = unit ? columns.map((c) => (c.role === 'value' && !c.unit ? { ...c, unit } : c)) : columns;
    tables.push(groupsInColumn({ layout: 'pipe', columns: measured, rows, start: i, end: j, title }));
    i = j - 1;
  }
  return tables;
}

// 1.地区生产总值 opens a row; 20.5万元 does not.
const ROW_START = /^\d{1,3}[.、．]\s*[^\d\s]/;

function cellTables(lines: string[], layout: Layout): Table[] {
  const tables: Table[] = [];
  const filled = lines.map((l, i) => ({ text: l.trim(), i })).filter((l) => l.text);
  for (let n = 0; n < filled.length; n++) {
    // Header: three or more lines in a row, each a header cell alone.
    let h = n;
    const named = (t: string) => layout.columns.some((c) => c.word === squeeze(t).replace(PERIOD_OF_COLUMN, '')) || isFigureColumn(t, layout) || isUnitColumn(t);
    const headerCell = (t: string) => t.length <= 16 && !t.includes('|') && (named(t) || (UNIT_IN_HEADER.test(squeeze(t)) && !/^[\d.]+/.test(t)));
    // (社会消费品零售总额(亿元) / 1478.53: a cell no column word names that a figure follows is the first row's label.)
    while (h < filled.length && headerCell(filled[h].text) && (named(filled[h].text) || !isFigureCell(filled[h + 1]?.text))) h++;
    if (h - n < 3) continue;
    // (2022年9月 / 指标 / 本月 …: the header opens with the column of rows; the cells above it name the table.)
    const opening = filled.slice(n, h).findIndex((l) => ['name', 'place'].includes(column(l.text, layout).role));
    if (opening > 0 && h - n - opening >= 3) n += opening;
    const columns = spannedCells(filled.slice(n, h).map((l) => l.text), layout).map((t) => column(t, layout));
    if (!columns.some((c) => ROLES_OF_ROWS.includes(c.role as ColumnRole))) {
      n = h - 1;
      continue;
    }
    const rows: Row[] = [];
    let group: string | undefined;
    let row: Row | undefined;
    let k = h;
    // Under 序号, a row runs from its number to the next: its cells may be several lines each
    // (推进情况 1.… 2.… 3.…), and sentences (a task's text) are cells, not the prose after the table.
    const numbered = columns[0].role === 'number';
    const figuresOnly = columns.length >= 3 && columns.slice(1).every((c) => c.periodWords || c.period || (c.role === 'growth' && !c.metric));
    for (; k < filled.length; k++) {
      const { text, i } = filled[k];
      if (numbered && headerCell(text) && column(text, layout).role === 'number') {
        // The header again, for the next part (…主抓重点工作 / 序号 / 目标任务 …): that part's title is no cell.
        if (row && row.cells.length > columns.length && !PROSE(row.cells.at(-1)!)) row.cells.pop();
        break;
      }
      if (PROSE(text) && !(numbered && row)) break;
      if (GROUP.test(text)) {
        group = text;
        row = undefined;
        continue;
      }
      // A row opens with its number (a line of its own 1, 2 … under 序号; 1.地区生产总值 under
      // 指标名称), or, in other tables, when the row before has all its cells.
      const first = columns[0].role;
      const marked = first === 'number' || first === 'name';
      // (指标 / 本月 / 比去年同月增长(%) / 1-本月 / …: under columns of figures alone, a row opens with its label, the one cell no figure.)
      const label = figuresOnly && !isFigureCell(text);
      // (Numbers go on from the row before: a second part of a table may start at 11.)
      const next = rows.length ? (Number(rows[rows.length - 1].cells[0]) || rows.length) + 1 : 1;
      const opens = figuresOnly ? label : first === 'number' ? /^\d{1,3}$/.test(text) && (Number(text) === next || (!rows.length && Number(text) >= 1)) && (!row || row.cells.length > 1) : first === 'name' ? ROW_START.test(text) || (!!row && row.cells.length === columns.length && text.length <= 20 && !isFigureCell(text) && !rows.some((r) => ROW_START.test(r.cells[0]))) : !!row && row.cells.length >= columns.length;
      if (opens || !row) {
        row = { cells: [text], line: i, cut: false, group };
        rows.push(row);
        continue;
      }
      if (marked && !numbered && row.cells.length >= columns.length) break;
      // (城镇常住居民人均可支配收入 / 43760 under 指标名称 / 单位: a row without its unit leaves that cell empty.)
      if (row.cells.length === 1 && isUnitColumn(columns[1]?.text ?? '') && isFigureCell(text)) row.cells.push('');
      row.cells.push(text);
    }
    if (numbered) for (const r of rows) r.cells = fitCells(r.cells, columns);
    const end = k < filled.length ? filled[k].i : lines.length;
    // The last row is cut when the text ends before its cells do.
    const last = rows.at(-1);
    if (last && k >= filled.length && last.cells.length < columns.length - (columns.at(-1)?.role === 'note' ? 1 : 0)) last.cut = true;
    const above = filled[n - 1];
    tables.push({ layout: 'cells', columns, rows, start: filled[n].i, end, title: above && !PROSE(above.text) && above.text.length <= 60 ? above.text : undefined });
    n = k - 1;
  }
  return tables;
}

/**
 * A header over two lines written one cell a line (指标名称 / 单位 / 2015年目标 / 2015年实绩 / 绝对值 / 增速(%) /
 * 绝对值 / 增速(%)): the cells that span (目标, 实绩) are followed by the same group of cells under each. The header
 * as one line of columns, each amount named by the cell over it (2015年目标 绝对值 | 增速(%) | 2015年实绩 绝对值 | 增速(%)).
 */
function spannedCells(cells: string[], layout: Layout): string[] {
  const sub = (c: string) => AMOUNT_CELL.test(squeeze(c)) || column(c, layout).role === 'growth';
  let tail = 0;
  while (tail < cells.length && sub(cells[cells.length - 1 - tail])) tail++;
  for (const width of [2, 3]) {
    const spans = tail / width;
    if (!Number.isInteger(spans) || spans < 2 || cells.length - tail - spans < 1) continue;
    const group = cells.slice(cells.length - tail, cells.length - tail + width).map(squeeze);
    const under = cells.slice(cells.length - tail);
    if (!under.every((c, i) => squeeze(c) === group[i % width])) continue;
    const over = cells.slice(cells.length - tail - spans, cells.length - tail);
    if (over.some(sub)) continue;
    const named = over.flatMap((o) => group.map((g) => (AMOUNT_CELL.test(g) ? `${o} ${g}` : g)));
    return [...cells.slice(0, cells.length - tail - spans), ...named];
  }
  return cells;
}

// 前三季度完成情况, 2024年推进情况: a column word after the period it is of.
const PERIOD_OF_COLUMN = /^(?:(?:19|20)\d{2}年)?(?:前三季度|上半年|下半年|全年|[一二三四]季度|\d{1,2}[-—至~]\d{1,2}月|\d{1,2}月(?:底|末)?|年度)?/;
// 市发展改革委、市财政局: a cell of departments.
const DEPARTMENT_CELL = /(?:局|委|办|府|部|中心|单位|政府|管委会|公司|院|所|处|队|团)(?:[、，,\s]|$)/;

/**
 * A numbered row's lines as its cells: the number, the task, then what is left. Lines beyond
 * the columns belong to the cell before the departments (a progress of several items), or to
 * the last cell when no department closes the row.
 */
function fitCells(cells: string[], columns: Column[]): string[] {
  const n = columns.length;
  if (cells.length <= n) return cells;
  const last = cells.at(-1)!;
  const byDepartments = ['lead', 'others'].includes(columns[n - 1].role) && last.length <= 80 && !/[。；;]/.test(last) && DEPARTMENT_CELL.test(last);
  if (byDepartments && n >= 3) return [...cells.slice(0, n - 2), cells.slice(n - 2, -1).join('\n'), last];
  return [...cells.slice(0, n - 1), cells.slice(n - 1).join('\n')];
}

/**
 * A table of departments and deadlines names its tasks in its first column of text, whatever
 * its header (项目名称及内容).
 */
function inferTaskColumn(table: Table): Table {
  // 牵头单位 and 责任单位 side by side: the one named 牵头 leads, the other helps.
  if (table.columns.filter((c) => c.role === 'lead').length > 1 && table.columns.some((c) => c.role === 'lead' && /牵头/.test(c.text))) {
    table = { ...table, columns: table.columns.map((c) => (c.role === 'lead' && !/牵头/.test(c.text) ? { ...c, role: 'others' as const } : c)) };
  }
  const roles = new Set(table.columns.map((c) => c.role));
  if (roles.has('task') || !['lead', 'others', 'deadline', 'progress', 'status'].some((r) => roles.has(r as ColumnRole))) return table;
  const text = table.columns.findIndex((c) => c.role === 'value' && !c.unit);
  if (text < 0) return table;
  const columns = table.columns.map((c, i) => (i === text ? { ...c, role: 'task' as const } : c));
  return { ...table, columns };
}

// A label of a field: 责任单位: (the words before it, 林静国, are the field before's value once a
// page has dropped the tab between them).
const LABEL = /([\u4e00-\u9fff]{2,10})[:：]/g;
// What a field block's progress is called, whatever the columns call it (实际完成情况).
const PROGRESS_OF_BLOCK: ColumnRole[] = ['progress', 'actual'];

/** A line of labelled fields (牵头领导:林静国 责任单位:市公安局), by the roles its labels name; undefined for any other line. */
function fieldsOf(line: string, layout: Layout): { role: ColumnRole | 'value'; value: string }[] | undefined {
  const text = line.trim();
  const labels: { at: number; end: number; role: ColumnRole | 'value' }[] = [];
  for (const m of text.matchAll(LABEL)) {
    // (The first label opens the line, all its words (实际完成情况); a colon further on after no known label is the value's.)
    if (m.index === 0) {
      labels.push({ at: 0, end: m[0].length, role: column(m[1], layout).role });
      continue;
    }
    const known = layout.columns.filter((c) => m[1].endsWith(c.word)).sort((a, b) => b.word.length - a.word.length)[0];
    if (known) labels.push({ at: m.index! + m[1].length - known.word.length, end: m.index! + m[0].length, role: known.role });
  }
  if (labels[0]?.at !== 0 || !labels.some((l) => l.role !== 'value')) return undefined;
  return labels.map((l, i) => ({ role: l.role, value: text.slice(l.end, labels[i + 1]?.at ?? text.length).trim() }));
}

/**
 * Tasks written as a numbered list with labelled fields under each item (民生实事 进展公示):
 * 1.轨道交通1号线一期工程投入试运营。 / 牵头领导:…\t责任单位:… / 实际完成情况:…. Read as a table of
 * number, task and the roles the labels name; an item needs a 责任单位 of its own, and the list two items.
 */
function fieldTables(lines: string[], layout: Layout): Table[] {
  const items: { line: number; number: string; task: string; fields: Map<ColumnRole, string>; end: number }[] = [];
  let item: (typeof items)[number] | undefined;
  let open: ColumnRole | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].trim();
    const numbered = text.match(/^(\d{1,3})[.、．]\s*([^\d\s].{3,})$/);
    if (numbered && !fieldsOf(numbered[2], layout)) {
      item = { line: i, number: numbered[1], task: numbered[2], fields: new Map(), end: i + 1 };
      items.push(item);
      open = undefined;
      continue;
    }
    if (!item) continue;
    if (!text) {
      open = undefined;
      continue;
    }
    const fields = fieldsOf(text, layout);
    if (fields) {
      for (const f of fields) {
        if (f.role === 'value') continue;
        const role = PROGRESS_OF_BLOCK.includes(f.role) ? 'progress' : f.role;
        item.fields.set(role, [item.fields.get(role), f.value].filter(Boolean).join(''));
        open = role;
      }
      item.end = i + 1;
    } else if (open === 'progress' && !lines[i].includes('|')) {
      // (A progress runs on over the lines after it; a table inside the item is no part of it.)
      item.fields.set('progress', `${item.fields.get('progress')}${text}`);
      item.end = i + 1;
    } else open = undefined;
  }
  const tasks = items.filter((t) => t.fields.has('lead'));
  if (tasks.length < 2) return [];
  const roles = (['lead', 'others', 'deadline', 'progress', 'status'] as ColumnRole[]).filter((r) => tasks.some((t) => t.fields.has(r)));
  const columns: Column[] = [column('序号', layout), column('任务', layout), ...roles.map((role) => ({ text: role, role, metric: '', unit: '' }))];
  const rows: Row[] = tasks.map((t) => ({ cells: [t.number, t.task, ...roles.map((r) => t.fields.get(r) ?? '')], line: t.line, cut: false }));
  return [{ layout: 'fields', columns, rows, start: tasks[0].line, end: tasks.at(-1)!.end }];
}

/**
 * 规上工业增加值(单位:亿元) | 11月 | 同比±% | 1-11月 | 同比±%: a first column headed by what the
 * table measures, over columns of periods and their changes, holds the rows' labels — the
 * places or the parts of that measure. Its values are of that measure, in its unit.
 */
function labelledByMeasure(table: Table): Table {
  const [first, ...rest] = table.columns;
  if (!first || first.role !== 'value' || first.period || first.periodWords || !first.metric) return table;
  const ofPeriod = (c: Column) => c.role === 'value' && !c.metric && (c.period || c.periodWords);
  if (!rest.some(ofPeriod) || !rest.every((c) => ofPeriod(c) || (c.role === 'growth' && !c.metric))) return table;
  const measured = rest.map((c) => (c.role === 'value' ? { ...c, metric: first.metric, unit: c.unit || first.unit } : c));
  return { ...table, columns: [{ ...first, role: 'name' as const }, ...measured] };
}

/** A line that is a header field or a date rather than a table's name. */
const notATitle = (line: string) => /^[•·]?\s*(发布|来源|索引|日期|发文|成文|信息来源|浏览|字体|字号)/.test(line) || /^(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?$/.test(line);

/** Every table in the lines, in order. */
export function findTables(lines: string[], layout: Layout): Table[] {
  return [...pipeTables(lines, layout), ...cellTables(lines, layout), ...fieldTables(lines, layout)]
    .map(inferTaskColumn)
    .map(labelledByMeasure)
    .map((t) => (t.title && notATitle(t.title) ? { ...t, title: undefined } : t))
    .sort((a, b) => a.start - b.start);
}

