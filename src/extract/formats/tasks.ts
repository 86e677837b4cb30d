/**
 * A task table flattened to text (政府工作报告重点工作执行情况): after the header cells
 * 序号 / 主要工作任务 / 进展情况 / 牵头部门 / 进展状态 come rows of a number line, the task,
 * its progress paragraphs, department lines and a status line. A row may lack its number
 * (a sub-task, after two blank lines) or its status (the row then ends at two blank lines).
 */
import type { Problem } from '../../types.js';
import type { Format, SourceRecords, TaskDraft } from '../document.js';
import { findDate, period, placeOf } from '../document.js';
import { readProse, type Paragraph } from '../prose.js';
import type { Context } from '../figures.js';
import { identify } from '../identity.js';
import { layout } from '../layout.js';
import { CELL_BREAK } from '../read/types.js';

export const STATUSES = ['按时推进', '进度较快', '部分滞后', '进度滞后'];
const HEADER = ['序号', '主要工作任务', '进展情况', '牵头部门', '进展状态'];
// A department cell: no sentence punctuation, and it ends like an office does.
const DEPARTMENT =
  /^[^。；;，,:：!！?？]{2,60}(局|委|办|政府|集团|部|院|中心|社|会|分局|支行|海关|区|学院|市委|团市委|办公室|指挥部|公司|所|队)([(（][^)）]{1,12}[)）])?、?$/;

interface Row {
  number: number | null;
  /** The task, then its progress paragraphs (and, in text, its department lines). */
  lines: { text: string; line: number; part?: number }[];
  /** The department cell's parts, when the table was read by its columns. */
  departments?: string[];
  status: string | null;
  line: number;
  after: number | null;
}

function splitDepartments(cell: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cell) {
    if ('(（'.includes(ch)) depth++;
    if (')）'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,'.includes(ch)) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Department lines into lead and other departments: the first 、-joined block leads. */
function departments(cells: string[]): { lead: string[]; others: string[] } {
  const blocks: string[][] = [];
  let open = false;
  for (const cell of cells) {
    const names = splitDepartments(cell);
    if (open && blocks.length) blocks.at(-1)!.push(...names);
    else blocks.push(names);
    open = /[、，,]$/.test(cell);
  }
  return { lead: blocks[0] ?? [], others: blocks.slice(1).flat() };
}

/** Rows of the table flattened to text, one cell a line, from the line after the last header cell. */
function cellRows(lines: string[], problems: Omit<Problem, 'file'>[]): Row[] {
  const rows: Row[] = [];
  const headerEnd = lines.findIndex((l) => l.trim() === HEADER.at(-1));
  let row: Row | undefined;
  let blanks = 0;
  let lastNumber = 0;
  for (let i = headerEnd + 1; i < lines.length; i++) {
    const text = lines[i].trim();
    const line = i + 1;
    if (!text) {
      if (++blanks >= 2 && row) row = undefined;
      continue;
    }
    blanks = 0;
    if (row && STATUSES.includes(text)) {
      row.status = text;
      row = undefined;
      continue;
    }
    if (/^\d{1,3}$/.test(text) && (!row || Number(text) === lastNumber + 1) && !row?.lines.length) {
      if (Number(text) !== lastNumber + 1) problems.push({ line, message: `task number ${text} follows ${lastNumber}` });
      lastNumber = Number(text);
      rows.push((row = { number: lastNumber, lines: [], status: null, line, after: null }));
      continue;
    }
    if (/^\d{1,3}$/.test(text) && Number(text) === lastNumber + 1) {
      // A new number while a row is open: the open row had no status.
      lastNumber = Number(text);
      rows.push((row = { number: lastNumber, lines: [], status: null, line, after: null }));
      continue;
    }
    if (!row) rows.push((row = { number: null, lines: [], status: null, line, after: lastNumber || null }));
    row.lines.push({ text, line });
  }
  return rows;
}

const splitRow = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
const pipeCells = (line: string) => splitRow(line).map((c) => c.replace(/\s+/g, ''));

/** The header of the table as a Word, Excel, web or PDF table gives it: | 序号 | 主要工作任务 | … |. */
function isPipeHeader(line: string): boolean {
  if (!line.trim().startsWith('|')) return false;
  const cells = pipeCells(line);
  return HEADER.every((h) => cells.includes(h));
}

/** Rows of the table read by its columns; a cell's paragraphs (apart by CELL_BREAK) stay apart. */
function pipeRows(lines: string[], header: number, problems: Omit<Problem, 'file'>[]): Row[] {
  const at = pipeCells(lines[header]);
  const [number, task, progress, lead, status] = HEADER.map((h) => at.indexOf(h));
  const parts = (cell: string | undefined) => (cell ?? '').split(CELL_BREAK).map((p) => p.trim()).filter(Boolean);
  const rows: Row[] = [];
  let lastNumber = 0;
  for (let i = header + 1; i < lines.length && lines[i].trim().startsWith('|'); i++) {
    // A header repeated further down (a sheet printed over pages) is no row.
    if (isPipeHeader(lines[i])) continue;
    const cells = splitRow(lines[i]);
    const line = i + 1;
    const n = /^\d{1,3}$/.test(cells[number]) ? Number(cells[number]) : null;
    if (n !== null) {
      if (n !== lastNumber + 1) problems.push({ line, message: `task number ${n} follows ${lastNumber}` });
      lastNumber = n;
    }
    const text = parts(cells[task]).join('');
    rows.push({
      number: n,
      // One line holds the row: each paragraph is read as its own, as the text's lines are.
      lines: [...(text ? [text] : []), ...parts(cells[progress])].map((t, part) => ({ text: t, line, part })),
      departments: parts(cells[lead]),
      status: STATUSES.find((s) => s === cells[status]?.replace(/\s+/g, '')) ?? null,
      line,
      after: n === null ? lastNumber || null : null,
    });
  }
  return rows;
}

export const taskTable: Format = {
  name: 'tasks',
  detect: (text) => HEADER.every((h) => new RegExp(`^${h}$`, 'm').test(text)) || text.split('\n').some(isPipeHeader),
  read(text, lines, lex, about) {
    const problems: Omit<Problem, 'file'>[] = [];
    // (Not a table row: a header cell is 进展情况 too.)
    const titleLine = lines.find((l) => /执行情况|进展情况|完成情况/.test(l) && l.length > 10 && !l.trim().startsWith('|')) ?? lines.find((l) => l.trim()) ?? '';
    const title = titleLine.replace(/^.*】/, '').replace(/\((上半年|下半年|全年)\)/, '（$1）').trim();
    const meta = lines.find((l) => /发布日期/.test(l)) ?? '';
    const date = findDate(meta) ?? findDate(text.slice(0, 2000)) ?? '';
    const issuer = meta.match(/信息来源[:：]\s*([^\s浏]+)/)?.[1] ?? '';
    const year = about.operator.year ?? (Number(title.match(/((?:19|20)\d{2})年/)?.[1] ?? date.slice(0, 4)) || about.fileName.year);
    const half = /上半年/.test(title) ? [1, 6] : /前三季度/.test(title) ? [1, 9] : /一季度/.test(title) ? [1, 3] : [1, 12];
    const id = identify(lines, lex, layout());
    // (Else what the head's other lines say: the meeting, the speaker, the issuer.)
    const place = placeOf(about, lex, ['title', title], ['issuer', issuer], [id.regionFrom ?? 'title', id.region ?? '']);
    const source: SourceRecords['source'] = {
      key: '',
      type: 'source',
      kind: 'tasks',
      title,
      issuer,
      date,
      line: 1,
      region: place.region,
      ...(year ? { year } : {}),
      evidence: { place: place.from, kind: 'content' },
      ...(id.notes.length ? { notes: id.notes } : {}),
    };

    const pipeHeader = lines.findIndex(isPipeHeader);
    const rows = pipeHeader >= 0 ? pipeRows(lines, pipeHeader, problems) : cellRows(lines, problems);

    const tasks: TaskDraft[] = [];
    const textParas: { text: string; line: number; part?: number; number: number | null; section: string }[] = [];
    const progressParas: typeof textParas = [];
    for (const r of rows) {
      if (!r.lines.length) {
        problems.push({ line: r.line, message: `task ${r.number ?? '(unnumbered)'} has no text` });
        continue;
      }
      // A table read by its columns knows its departments; in text they are the lines that end like offices.
      let cut = r.lines.length;
      if (!r.departments) while (cut > 1 && DEPARTMENT.test(r.lines[cut - 1].text)) cut--;
      const cells = r.departments ?? r.lines.slice(cut).map((l) => l.text);
      if (!cells.length) problems.push({ line: r.line, message: `task ${r.number ?? '(unnumbered)'} names no lead department` });
      const { lead, others } = departments(cells);
      // The section names the task, so a figure of its progress can be found by the task's words.
      const label = r.number !== null ? `第${r.number}项任务` : `第${r.after}项任务附项`;
      const section = `${label}：${r.lines[0].text.slice(0, 40)}`;
      const progress = r.lines.slice(1, cut);
      tasks.push({
        type: 'task',
        number: r.number,
        text: r.lines[0].text,
        progress: progress.map((p) => p.text),
        lead,
        others,
        status: r.status,
        section: label,
        region: source.region,
        line: r.line,
      });
      textParas.push({ ...r.lines[0], number: r.number, section });
      // Progress items are numbered 1. 2. 3.; the number goes, a figure after it stays (2.12个…).
      let next = 1;
      for (const p of progress) {
        const numbered = p.text.startsWith(`${next}.`) || p.text.startsWith(`${next}、`);
        progressParas.push({ ...p, text: numbered ? p.text.slice(String(next).length + 1) : p.text, number: r.number, section });
        if (numbered) next++;
      }
    }

    // Figures of the task texts are the year's targets; those of the progress, the results so far.
    const targetCtx = (section: string): Context => ({ region: source.region, year, period: period({ kind: 'year', year }), nature: 'target', section });
    const progressCtx = (section: string): Context => ({
      region: source.region,
      year,
      period: period({ kind: 'range', year, from: half[0], to: half[1] }),
      nature: 'actual',
      section,
    });
    // One pass, so the sentences of a line are numbered once.
    const targetParas = new Set<Paragraph>(textParas);
    const read = readProse(
      [...textParas, ...progressParas],
      (p) => (targetParas.has(p) ? targetCtx : progressCtx)((p as (typeof textParas)[number]).section),
      lex,
    );
    return {
      items: [
        {
          source,
          tasks,
          indicators: read.indicators,
          passages: read.passages,
        },
      ],
      problems,
    };
  },
};
