/**
 * A table's rows as records, by what its columns hold:
 * - a task column (任务): one task a row, with lead and other departments (a * marks the lead
 *   among 责任单位), deadline, progress and status; the task's figures are targets;
 * - a place column (区域): one figure a county and value column (2021年GDP(亿元)), with the
 *   row's growth (增速) — a comparison of counties gives each county its own records;
 * - a year column (年份): one figure a year;
 * - a name column (指标名称): the target (预期目标) and the result (实际完成) of each metric,
 *   a bare amount in 备注 being the result's level.
 * A row the text cuts short gives no figures and is reported.
 */
import type { Growth, Nature, Period, Problem } from '../types.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import type { Context } from './figures.js';
import type { TaskDraft } from './document.js';
import { isFigureCell, isUnitColumn, type Column, type Row, type Table } from './tables.js';
import { readProse, type LocatedIndicator, type PassageDraft } from './prose.js';
import { findPeriods } from '../text/period.js';
import { findPlaces, isScopeWord, isWithin } from '../text/places.js';
import { layout } from './layout.js';

export interface TableRecords {
  tasks: TaskDraft[];
  indicators: LocatedIndicator[];
  passages: PassageDraft[];
  problems: Omit<Problem, 'file'>[];
}

// The verbs of a change a cell may open with, the falls among them.
const FALL_WORDS = '下降|降低|减少|回落|下跌|下滑';
const CHANGE_WORDS = `增长|增加|提高|提升|上升|上涨|${FALL_WORDS}`;
const CHANGE = new RegExp(`^(${CHANGE_WORDS})`);
// The label of a block of rows that are growth rates (增长速度), or shares of a whole (产业结构, 构成).
const GROWTH_BLOCK = /增长速度|增速|增幅|比上年增长|同比增长/;
const SHARE_BLOCK = /结构|构成|比重|占比/;
const FALLING = new RegExp(`^(${FALL_WORDS})`);
const AMOUNT_IN_CELL = new RegExp(`^(${CHANGE_WORDS})?\\s*(-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?)\\s*(.*)$`);

interface CellFigure {
  value: number;
  unit: string;
  /** The amount as written, without a verb: 6.5%左右, 1196.3亿元. */
  figure: string;
  /** The verb of a change (增长6.5%), when the cell is one. */
  change?: string;
}

/** The status a progress cell ends on (…已完工3所,其余5所受用地报批影响,进度滞后。), when it says one. */
function statusSaid(progress: string[]): string | undefined {
  const last = progress.join('。').split(/[，,。；;]/).map((c) => c.trim()).filter(Boolean).at(-1) ?? '';
  // (…已完成总工程量的85%: a share done, not the status; the status word ends its clause.)
  return layout().progressStatuses.find((s) => last.endsWith(s.word))?.status;
}

/** A cell that holds one amount: 增长6.5%左右, 1347.1亿元, or a bare 1196.3 in a column of 亿元. */
export function readCell(cell: string, columnUnit: string, lex: Lexicon): CellFigure | undefined {
  const m = cell.trim().match(AMOUNT_IN_CELL);
  if (!m) return undefined;
  const tail = m[3];
  const unit = lex.unitList.find((u) => tail.startsWith(u));
  if (unit === undefined && tail && !/^(左右|以上|以内|以下|\/)/.test(tail)) return undefined;
  const figure = unit === undefined ? `${m[2]}${columnUnit}${tail}` : `${m[2]}${tail}`;
  return { value: Number(m[2].replace(/,/g, '')), unit: unit ?? columnUnit, figure, change: m[1] };
}

/**
 * The place a table cell names: the whole cell is a place name, or (as tables shorten them:
 * 经开 for 经开区) the start of exactly one place's name.
 */
function placeOfCell(cell: string, lex: Lexicon, within?: string): string | undefined {
  const whole = findPlaces(cell, lex).find((p) => p.region && p.text.length >= cell.length - 1);
  if (whole?.region) return whole.region;
  if (cell.length < 2) return undefined;
  // (经开 in a 嘉兴 table: a short name a cell may use though a text may not, 经开区.)
  const asked = lex.regions.regions.filter((r) => r.askedAs?.some((a) => a.startsWith(cell))).map((r) => r.name);
  const starts = new Set([...lex.placeNames.filter((p) => p.region && p.text.startsWith(cell)).map((p) => p.region!), ...asked]);
  // (普陀 in a 舟山 table: the one of the document's place, though 上海 has a 普陀 too.)
  // (A short name, 新城, is of a place of the document's own: not 嘉兴's 新城街道 in a 舟山 table.)
  const inside = within ? [...starts].filter((r) => r !== within && isWithin(lex, r, within)) : [...starts];
  return inside.length === 1 ? inside[0] : undefined;
}

/** 责任单位 as written: *市委组织部(市委人才办)、市人力社保局 — a * marks the lead. */
function departments(cell: string, role: 'lead' | 'others'): { lead: string[]; others: string[] } {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cell) {
    if ('(（'.includes(ch)) depth++;
    if (')）'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,;；'.includes(ch)) {
      if (current.trim()) names.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) names.push(current.trim());
  if (role === 'others') return { lead: [], others: names.map((n) => n.replace(/^\*/, '')) };
  const starred = names.filter((n) => n.startsWith('*'));
  if (starred.length) return { lead: starred.map((n) => n.slice(1)), others: names.filter((n) => !n.startsWith('*')) };
  return { lead: names.slice(0, 1), others: names.slice(1) };
}

/** The row as a reader would quote it: 区域：海宁市；2021年GDP(亿元)：1196.3. */
function rowText(columns: Column[], row: Row): string {
  return row.cells
    .map((c, i) => (columns[i] ? `${columns[i].text.replace(/\s+/g, '')}：${c}` : c))
    .filter((s) => !/：$/.test(s))
    .join('；');
}

const cellAt = (columns: Column[], row: Row, role: Column['role']) => {
  const i = columns.findIndex((c) => c.role === role);
  return i >= 0 ? row.cells[i] : undefined;
};

/**
 * Records of one table. `contextFor` gives the context of a row under a group heading (or of
 * the table when none): its region, period, nature and section.
 */
export function tableRecords(table: Table, contextFor: (group?: string) => Context, lex: Lexicon): TableRecords {
  const out: TableRecords = { tasks: [], indicators: [], passages: [], problems: [] };
  const { columns } = table;
  const has = (role: Column['role']) => columns.some((c) => c.role === role);
  // (截至6月20日 over a table of a 2018 report: the report's year.)
  const titlePeriod = table.title ? findPeriods(table.title, contextFor().year).find((p) => p.period.year !== undefined)?.period : undefined;
  // A column of 11月 or 1-11月: that period of the table's year (its title's, else the document's).
  const yearOfTable = titlePeriod?.year ?? contextFor().year;
  // (本月 and 累计: the table's month, and its year up to that month.)
  const month = (titlePeriod ?? contextFor().period).to;
  const ofMonth = (words: string) => (month === undefined || yearOfTable === undefined ? undefined : findPeriods(words === '本月' ? `${month}月` : `1-${month}月`, yearOfTable)[0]?.period);
  const periodOf = (c: Column) =>
    c.period ?? (c.periodWords === '本月' || c.periodWords === '累计' ? ofMonth(c.periodWords) : c.periodWords && yearOfTable !== undefined ? findPeriods(c.periodWords, yearOfTable)[0]?.period : undefined);
  // A task cell merged over several rows (written empty below the first): the row above's task and lead.
  let above: { cell: string; lead?: string } | undefined;
  // The metric of the last row that named one, for rows of places under it; and of a run of its parts.
  let lastMetric: string | undefined;
  let partsOf: string | undefined;
  // Their units, where only the metric's own row says it (社会消费品零售总额(亿元)).
  let lastUnit = '';
  let unitOfParts = '';

  table.rows.forEach((row, index) => {
    const base = contextFor(row.group);
    const line = row.line + 1;
    if (row.cut) {
      out.problems.push({ line, message: `table row cut short (${row.cells.join(' | ').slice(0, 40)}); its figures are left out` });
    }
    if (has('task')) {
      taskRow(row, index, base, line);
      return;
    }
    if (row.cut) return;
    if (has('place')) placeRow(row, base, line);
    else if (has('year')) yearRow(row, base, line);
    else if (has('name')) metricRow(row, base, line);
  });
  return out;

  function indicator(name: string, fig: CellFigure, p: Period, nature: Nature, region: string, ctx: Context, row: Row, growth: Growth[], isChange: boolean): LocatedIndicator {
    return {
      type: 'indicator',
      name,
      subject: '',
      region,
      period: p,
      value: fig.value,
      unit: fig.unit,
      figure: fig.figure,
      isChange,
      growth,
      nature,
      sentence: rowText(columns, row),
      section: ctx.section,
      line: row.line + 1,
    };
  }

  function growthOf(cell: string | undefined, col: Column | undefined): Growth | undefined {
    if (!cell || !col) return undefined;
    const fig = readCell(cell, col.unit || '%', lex);
    if (!fig) return undefined;
    const basis = /同比/.test(col.text) ? '同比' : /比上年/.test(col.text) ? '比上年' : '增长';
    const value = FALLING.test(fig.change ?? '') ? -fig.value : fig.value;
    // (±%: a change, said as one.)
    const words = col.text.replace(/\s+/g, '').replace(/[(（][^()（）]*[)）]$/, '').replace(/[±%]/g, '') || '增长';
    // (同比±% | -5.1: a fall, said as one.)
    if (value < 0 && !fig.change) return { basis, value, unit: fig.unit, text: `${words.replace(/(?:增长|增减|增幅|增速)$/, '')}下降${-value}${fig.unit}` };
    // (7以上 in a column of %: 增速7%以上.)
    return { basis, value, unit: fig.unit, text: `${words}${/%|‰|百分点|千分点/.test(cell) ? cell : fig.figure}` };
  }

  /** The figures of a row about one place (or one year): each value column, with the row's growth. */
  function valueRow(row: Row, region: string, rowPeriod: Period | undefined, base: Context, line: number, named = (metric: string) => metric, rowUnit = '') {
    // (指标 | 单位 | …: the column of units holds no figures.)
    const values = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.role === 'value' && !isUnitColumn(c.text));
    // (11月 | 同比±% | 1-11月 | 同比±%: a change column right after each value column is that value's alone.)
    const pairedAt = (i: number) => (columns[i + 1]?.role === 'growth' && !columns[i + 1].metric ? i + 1 : -1);
    const paired = values.some(({ i }) => pairedAt(i) >= 0);
    // (指标 | 单位 | 3月同比±% | 1-3月同比±%: a change column of a period of its own, beside no value, is the row's change over that period.)
    const overPeriod = (c: Column, i: number) => c.role === 'growth' && !c.metric && !!(c.period || c.periodWords) && !values.some((v) => pairedAt(v.i) === i);
    // The growth of the values: a 同比增长 column, or one named for a value's metric (GDP增速).
    const ofValues = (c: Column, i: number) => c.role === 'growth' && !overPeriod(c, i) && (!c.metric || values.some((v) => v.c.metric.includes(c.metric)));
    const g = values.length ? columns.findIndex(ofValues) : columns.findIndex((c, i) => c.role === 'growth' && !overPeriod(c, i));
    const growth = g >= 0 ? growthOf(row.cells[g], columns[g]) : undefined;
    const growthAt = (i: number) => (paired ? (pairedAt(i) >= 0 ? growthOf(row.cells[i + 1], columns[i + 1]) : undefined) : growth);
    columns.forEach((c, i) => {
      const own = overPeriod(c, i) ? growthOf(row.cells[i], c) : undefined;
      const metric = named(c.metric) || base.section;
      if (own && metric) out.indicators.push(indicator(metric, { value: Math.abs(own.value), unit: own.unit, figure: row.cells[i] + own.unit }, periodOf(c) ?? rowPeriod ?? titlePeriod ?? base.period, base.nature, region, base, row, [own], true));
    });
    // A growth column of a metric of its own (固定资产投资增速(%) beside 规上工业增加值): a change figure apart.
    columns.forEach((c, i) => {
      if (i === g || c.role !== 'growth' || !c.metric) return;
      const own = growthOf(row.cells[i], c);
      if (own) out.indicators.push(indicator(c.metric, { value: Math.abs(own.value), unit: own.unit, figure: row.cells[i] + own.unit }, c.period ?? rowPeriod ?? titlePeriod ?? base.period, base.nature, region, base, row, [own], true));
    });
    // A yearbook's blocks: under 增长速度 each value is its column's growth; under 产业结构, its share.
    const block = row.group && GROWTH_BLOCK.test(row.group) ? 'growth' : row.group && SHARE_BLOCK.test(row.group) ? 'share' : undefined;
    for (const { c, i } of values) {
      const fig = readCell(row.cells[i] ?? '', c.unit || rowUnit, lex);
      const p = periodOf(c) ?? rowPeriod ?? titlePeriod ?? base.period;
      const growth = growthAt(i);
      // (规模以上工业增加值 | 亿元 | - | 1.5: a level the table leaves out, beside its own change — the change, a figure of its own.)
      if (!fig && paired && growth && named(c.metric)) out.indicators.push(indicator(named(c.metric), { value: Math.abs(growth.value), unit: growth.unit, figure: row.cells[i + 1] + growth.unit }, p, base.nature, region, base, row, [growth], true));
      if (!fig || !named(c.metric)) continue;
      if (block === 'growth') {
        const change: Growth = { basis: '增长', value: fig.value, unit: fig.unit, text: `增长${fig.figure}` };
        out.indicators.push(indicator(named(c.metric), fig, p, base.nature, region, base, row, [change], true));
      } else out.indicators.push(indicator(block === 'share' ? `${named(c.metric)}占比` : named(c.metric), fig, p, base.nature, region, base, row, growth ? [growth] : [], false));
    }
    if (!values.length && growth && g >= 0) {
      const metric = columns[g].metric || base.section;
      out.indicators.push(indicator(metric, { value: Math.abs(growth.value), unit: growth.unit, figure: row.cells[g] + growth.unit }, rowPeriod ?? titlePeriod ?? base.period, base.nature, region, base, row, [growth], true));
    }
    void line;
  }

  function placeRow(row: Row, base: Context, line: number) {
    const cell = (cellAt(columns, row, 'place') ?? '').replace(/\s+/g, '');
    // The total row (全市, 合计) is the document's own place; 全省 the province it lies in.
    const region = /^(合计|总计|全域)$/.test(cell) ? base.region : isScopeWord(cell, lex) ? (findPlaces(cell, lex, base.region)[0]?.region ?? '') : placeOfCell(cell, lex);
    if (region === undefined) {
      out.problems.push({ line, message: `table row names a place not in knowledge/regions.json: ${cell}` });
      return;
    }
    valueRow(row, region, undefined, base, line);
  }

  function yearRow(row: Row, base: Context, line: number) {
    const p = findPeriods(cellAt(columns, row, 'year') ?? '').find((x) => x.period.year !== undefined)?.period;
    if (!p) return;
    valueRow(row, base.region, p, base, line);
  }

  function metricRow(row: Row, base: Context, line: number) {
    const name = (cellAt(columns, row, 'name') ?? '').replace(/^\d{1,3}[.、．]\s*/, '').trim();
    if (!name) return;
    const whole = columns.find((c) => c.role === 'name')?.metric;
    if (whole) {
      measureRow(row, name, whole, base, line);
      return;
    }
    // 社会消费品零售总额 | 亿元 | … then 其中:定 海 | 亿元 | …: a place under a metric's row is that metric's
    // figure of the place; a place under none names no metric, nor does a part of a place (舟山经济开发区).
    // (其中:, and the # of a statistics table, mark a row as one of the row above.)
    const partRow = /^(?:其中[:：]|#)/.test(name);
    const written = name.replace(/^(?:其中[:：]|#)/, '').replace(/\s+/g, '');
    // (社会消费品零售总额(亿元): the row's unit, said with its label.)
    const unitSaid = written.match(/[(（]([^()（）]{1,6})[)）]$/);
    const label = unitSaid && lex.unitList.includes(unitSaid[1]) ? written.slice(0, unitSaid.index) : written;
    // (指标名称 | 单位 | …: a column of units says each row's.)
    const units = columns.findIndex((c) => isUnitColumn(c.text));
    const rowUnit = units >= 0 ? (row.cells[units] ?? '').trim() : label !== written ? unitSaid![1] : '';
    // (A figure where the unit stands: the row's cells have slipped; none of them can be trusted.)
    if (isFigureCell(rowUnit)) {
      out.problems.push({ line, message: `table row's cells do not fit its columns (${row.cells.join(' | ').slice(0, 40)}); its figures are left out` });
      return;
    }
    const place = isScopeWord(label, lex) ? undefined : placeOfCell(label, lex, base.region);
    // (全市生产总值: the whole of the document's place, no part of one.)
    if (place || findPlaces(label, lex).some((p) => p.index === 0 && !p.relative)) {
      if (place && lastMetric) valueRow(row, place, titlePeriod ?? base.period, base, line, () => lastMetric!, rowUnit);
      if (place && lastMetric) [partsOf, unitOfParts] = [lastMetric, lastUnit];
      return;
    }
    // 其中:船舶修造业, 水产品加工业 … under 主要行业工业总产值 (其中:普陀山, 朱家尖 under 旅游接待人数; 新城, 六横
    // after the counties under 分县(区)工业总产值): labels that name no measure, from a 其中 or a place on, are parts of
    // the metric above — each figure its part's, never the metric's.
    const measure = lex.metrics.heads.some((h) => label.includes(h));
    if (partRow && !measure && lastMetric) [partsOf, unitOfParts] = [lastMetric, lastUnit];
    if (partsOf && !measure) {
      const from = out.indicators.length;
      valueRow(row, base.region, titlePeriod ?? base.period, base, line, () => partsOf!, rowUnit || unitOfParts);
      for (const ind of out.indicators.slice(from)) Object.assign(ind, { owner: label, subject: label });
      return;
    }
    partsOf = undefined;
    // (分县(区)工业总产值 over rows of counties: the metric, whatever it is broken down by. 其中:入境过夜人数 is a
    // metric of its own, and the 其中 rows after it parts of the one above it.)
    const metric = label.replace(/^分(?:县|地区|区域|区县|县市区)(?:[(（][^()（）]*[)）])?(?=[\u4e00-\u9fff]{2})/, '');
    if (!partRow) [lastMetric, lastUnit] = [metric, rowUnit];
    const p = titlePeriod ?? base.period;
    const target = columns.findIndex((c) => c.role === 'target');
    const actual = columns.findIndex((c) => c.role === 'actual');
    const note = columns.findIndex((c) => c.role === 'note');
    const asGrowth = (fig: CellFigure, text: string): Growth => ({ basis: '增长', value: FALLING.test(fig.change ?? '') ? -fig.value : fig.value, unit: fig.unit, text });
    // (指标名称 | 单位 | …: a column of units says each row's.)
    const one = (i: number, nature: Nature) => {
      const cell = row.cells[i];
      const fig = cell ? readCell(cell, columns[i].unit || rowUnit, lex) : undefined;
      if (!fig) return undefined;
      return fig.change ? indicator(metric, fig, p, nature, base.region, base, row, [asGrowth(fig, cell!)], true) : indicator(metric, fig, p, nature, base.region, base, row, [], false);
    };
    // 指标 | 产值(亿元) | 比上年增长(%): each row's value, named by the row (农业 + 产值), with its growth.
    if (target < 0 && actual < 0) {
      const head = (metric: string) => lex.metrics.heads.some((h) => metric.endsWith(h));
      valueRow(row, base.region, p, base, line, (measured) => (head(metric) || !head(measured) ? metric : `${metric}${measured}`), rowUnit);
      return;
    }
    // (2015年目标 绝对值 | 增速(%) | 2015年实绩 绝对值 | 增速(%): a growth column right after the target's or the result's is its own.)
    const after = (i: number) => (i >= 0 && columns[i + 1]?.role === 'growth' && !columns[i + 1].metric ? i + 1 : -1);
    let planned = target >= 0 ? one(target, 'target') : undefined;
    const aimedGrowth = after(target) >= 0 ? growthOf(row.cells[after(target)], columns[after(target)]) : undefined;
    if (aimedGrowth) {
      const change = { value: Math.abs(aimedGrowth.value), unit: aimedGrowth.unit, figure: `${row.cells[after(target)].trim()}${aimedGrowth.unit}` };
      planned = planned && !planned.isChange ? { ...planned, growth: [aimedGrowth] } : indicator(metric, change, p, 'target', base.region, base, row, [aimedGrowth], true);
    }
    let done = actual >= 0 ? one(actual, 'actual') : undefined;
    // 实际完成 增长4.8%, 备注 1347.1亿元: the level reached, with its growth.
    const level = note >= 0 && row.cells[note] ? readCell(row.cells[note], columns[note].unit, lex) : undefined;
    if (done?.isChange && level && !level.change) {
      done = { ...indicator(metric, level, p, 'actual', base.region, base, row, done.growth, false) };
    }
    // (… | 2022年实绩 绝对值 | 增速(%): the growth beside the level reached is its growth.)
    const g = after(actual) >= 0 ? after(actual) : columns.findIndex((c, i) => c.role === 'growth' && !c.metric && i !== after(target));
    const grew = done && !done.isChange && !done.growth.length && g >= 0 ? growthOf(row.cells[g], columns[g]) : undefined;
    if (done && grew) done = { ...done, growth: [grew] };
    for (const r of [planned, done]) if (r) out.indicators.push(r);
    void line;
  }

  /**
   * A row of a table that measures one thing (规上工业增加值) by its label: the total (规上工业增加值合计,
   * 合计), a place (宁波市, 海曙区, 全市) — its figure —, or a part of the whole (合计中:轻工业, 私营企业),
   * the part's own figure. A label that opens with a place and says more (奉化区属) is neither
   * the place nor a part of the document's: its owner is not clear, and it gives nothing.
   */
  function measureRow(row: Row, label: string, whole: string, base: Context, line: number) {
    const part = label.replace(/^(?:合计|总计)?其?中[:：]/, '');
    const total = part.replace(/(?:合计|总计)$/, '');
    if (!total || (part !== total && (whole.endsWith(total) || total.endsWith(whole))) || part === whole) {
      valueRow(row, base.region, undefined, base, line, () => whole);
      return;
    }
    const scoped = isScopeWord(part, lex) ? findPlaces(part, lex, base.region)[0]?.region : undefined;
    const places = findPlaces(part, lex);
    const place = scoped ?? places.find((p) => p.region && p.index === 0 && p.text === part)?.region;
    if (place) {
      valueRow(row, place, undefined, base, line, () => whole);
      return;
    }
    if (places.some((p) => p.index === 0)) return;
    // A part's figures are the part's (its owner): never the whole's, whatever is asked of the whole.
    const from = out.indicators.length;
    valueRow(row, base.region, undefined, base, line, () => whole);
    // (It is what the figure's metric is of, too: 高新技术产业 of 规上工业增加值.)
    for (const ind of out.indicators.slice(from)) Object.assign(ind, { owner: part, subject: part });
  }

  function taskRow(row: Row, index: number, base: Context, line: number) {
    const own = cellAt(columns, row, 'task') ?? '';
    const merged = !own && above && (cellAt(columns, row, 'target') || cellAt(columns, row, 'progress'));
    const cell = merged ? above!.cell : own;
    if (!cell) return;
    // (A row with no number of its own in a numbered table goes on the task above: no number, as in a
    // table whose second line of a task stands unnumbered — and the department above, its cell merged.)
    const numberCell = cellAt(columns, row, 'number');
    const numbered = columns.some((c) => c.role === 'number');
    const number = numberCell && /^\d{1,3}$/.test(numberCell) ? Number(numberCell) : numbered && !numberCell && index > 0 ? null : index + 1;
    if (!merged) above = { cell, lead: cellAt(columns, row, 'lead') || (number === null ? above?.lead : undefined) };
    // …节能减排完成省定任务。责任单位:市发展改革委、市财政局…: the departments said in the task's own cell.
    const said = cell.match(/[。；;,，]?\s*(?:责任单位|牵头单位|责任部门|牵头部门)[:：]\s*([^。]+?)[。]?$/);
    // 子项目 | 具体内容: what the task is, then what it holds.
    const more = merged ? [] : columns.flatMap((c, i) => (c.role === 'task' && i !== columns.findIndex((x) => x.role === 'task') && row.cells[i] ? [row.cells[i]] : []));
    const text = [said ? cell.slice(0, said.index).trim() : cell, ...more].join('：');
    const leadCell = cellAt(columns, row, 'lead') || (merged || number === null ? above!.lead : undefined) || said?.[1];
    const othersCell = cellAt(columns, row, 'others');
    const { lead, others } = leadCell ? departments(leadCell, 'lead') : { lead: [], others: [] };
    if (othersCell) others.push(...departments(othersCell, 'others').others);
    const progress = [cellAt(columns, row, 'progress'), cellAt(columns, row, 'actual')].filter((c): c is string => !!c);
    const status = cellAt(columns, row, 'status') || statusSaid(progress) || null;
    const deadline = cellAt(columns, row, 'deadline');
    const goal = cellAt(columns, row, 'target');
    const label = `第${number}项任务`;
    out.tasks.push({
      type: 'task',
      number,
      text,
      progress,
      lead,
      others,
      status,
      section: base.section === label ? label : `${base.section}`,
      region: base.region,
      line,
      ...(deadline ? { deadline } : {}),
      ...(goal ? { goal } : {}),
    });
    if (row.cut) return;
    // A task's figures are what it aims for; its progress, what was done.
    const section = `${label}：${text.slice(0, 40)}`;
    // Read in one pass, so the sentences of the row's line are numbered once.
    const aims = [{ text, line }, ...(goal ? [{ text: goal, line }] : [])];
    const aim: Context = { ...base, nature: 'target', targets: base.period.kind === 'span' ? base.period : (base.targets ?? base.period), section };
    const done: Context = { ...base, nature: 'actual', section };
    const read = readProse([...aims, ...progress.map((p) => ({ text: p, line }))], (p) => (aims.includes(p) ? aim : done), lex);
    out.indicators.push(...read.indicators);
    out.passages.push(...read.passages);
    // A column of the row's figure alone (完成率 | 72%): that measure of the task, named by its header.
    columns.forEach((c, i) => {
      const header = c.text.replace(/\s+/g, '');
      const fig = c.role === 'actual' && header.length >= 2 ? readCell(row.cells[i] ?? '', c.unit, lex) : undefined;
      if (!fig || fig.change) return;
      out.indicators.push({ ...indicator(header, fig, base.period, 'actual', base.region, done, row, [], false), subject: text.replace(/^[(（]?\d{1,3}[)）.、．]\s*/, '').split(/[,，。;；]/)[0].slice(0, 40) });
    });
  }
}
