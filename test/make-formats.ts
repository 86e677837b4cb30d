/**
 * The seeds written as officials receive them: a task table as an Excel sheet and a Word
 * table, a work report as a Word document and a web page. Made from the seed texts (the
 * table's cells from the records the .txt gives), so a test can check that each format
 * gives the records the text gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Records } from '../src/knowledge/build.js';
import { SEEDS_DIR } from '../src/knowledge/build.js';

export const TASK_SEED = '2021年政府工作报告重点工作执行情况-上半年.txt';
export const REPORT_SEED = '2020年嘉兴市政府工作报告.txt';
/** How much of each seed the PDF fixtures hold (test/fixtures/formats): lines of the report, rows of the table. */
export const REPORT_SEED_PAGES = 14;
export const TASK_ROWS = 6;

export const TASK_HEADER = ['序号', '主要工作任务', '进展情况', '牵头部门', '进展状态'];

export const seedText = (name: string) => readFileSync(join(SEEDS_DIR, name), 'utf8');

/** A task table's rows: the cells of each task, a multi-line cell as its lines. */
export interface TaskTable {
  /** The lines above the table: the page's title and date line. */
  above: string[];
  rows: string[][][];
}

/** The task table of the seed, cell by cell, from the records its .txt gives. */
export function taskTable(records: Records, text = seedText(TASK_SEED)): TaskTable {
  const lines = text.split('\n');
  const above = lines.slice(0, lines.findIndex((l) => l.trim() === '序号')).map((l) => l.trim()).filter(Boolean);
  const rows = records.tasks.map((t) => [
    t.number === null ? [] : [String(t.number)],
    [t.text],
    t.progress,
    // The lead departments are one paragraph (嘉善县政府、长三角发展办), each other one its own.
    [t.lead.join('、'), ...t.others],
    t.status ? [t.status] : [],
  ]);
  return { above, rows };
}

export async function taskXlsx(table: TaskTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('上半年');
  for (const line of table.above) {
    const row = ws.addRow([line]);
    ws.mergeCells(row.number, 1, row.number, TASK_HEADER.length);
  }
  ws.addRow(TASK_HEADER);
  for (const cells of table.rows) {
    const row = ws.addRow(cells.map((c, i) => (i === 0 && c.length ? Number(c[0]) : c.join('\n'))));
    row.getCell(3).alignment = { wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Paragraphs open indented by two characters (twentieths of a point), as reports write them.
const INDENT = { firstLine: 480 };

/** A cell of paragraphs; those of a text column indented as the body's are. */
const cell = (paragraphs: string[], width: number, indent = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: (paragraphs.length ? paragraphs : ['']).map((p) => new Paragraph({ ...(indent ? { indent: INDENT } : {}), children: [new TextRun(p)] })),
  });

// Column widths (twentieths of a point) that fit an A4 page and keep each header on one line.
const WIDTHS = [700, 2100, 3600, 1400, 1200];
const INDENTED = [false, true, true, true, false];

export function taskTableDocx(table: TaskTable): Table {
  return new Table({
    columnWidths: WIDTHS,
    rows: [
      new TableRow({ tableHeader: true, children: TASK_HEADER.map((h, i) => cell([h], WIDTHS[i])) }),
      ...table.rows.map((cells) => new TableRow({ children: cells.map((c, i) => cell(c, WIDTHS[i], INDENTED[i])) })),
    ],
  });
}

/** A Word document as offices write them: a running header, and the page number in the footer (— 3 —). */
export async function docx(children: (Paragraph | Table)[], running = '嘉兴市人民政府文件'): Promise<Buffer> {
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Noto Serif CJK SC', size: 24 } } } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(running)] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export const paragraphs = (lines: string[]) => lines.filter((l) => l.trim()).map((l) => new Paragraph({ indent: INDENT, children: [new TextRun(l.trim())] }));

export async function taskDocx(table: TaskTable): Promise<Buffer> {
  return docx([...paragraphs(table.above), taskTableDocx(table)]);
}

/** The work report's paragraphs, a line each. */
export const reportLines = (text = seedText(REPORT_SEED)) => text.split('\n').filter((l) => l.trim());

export async function reportDocx(lines = reportLines()): Promise<Buffer> {
  return docx(paragraphs(lines));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report as a government site serves it: navigation, breadcrumb, font-size and share bars, a footer. */
export function reportHtml(lines = reportLines()): string {
  const [title, ...body] = lines;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escape(title)}_嘉兴市人民政府</title><script>var nav = '首页';</script><style>.x{}</style></head>
<body>
<div class="top-nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/hd">互动交流</a></div>
<nav><ul><li>首页</li><li>政府信息公开</li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府工作报告</div>
<div class="article">
<h1>${escape(title)}</h1>
<div class="font-size">【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
${body.map((l) => `<p>\n  ${escape(l)}\n</p>`).join('\n')}
<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>
</div>
<footer>主办单位：嘉兴市人民政府办公室 浙ICP备05000000号 网站标识码3304000001</footer>
</body></html>`;
}
