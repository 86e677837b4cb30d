/**
 * The same report in any format gives the same records: the seeds' task table as an Excel
 * sheet and a Word table, the 2020 work report as a Word document and a web page (all made
 * here, test/make-formats.ts), and both as PDF (test/fixtures/formats, made once with
 * LibreOffice). And what a format reader cannot read is one clear problem, never a crash.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { documentRecords, SEEDS_DIR, type Records } from '../src/knowledge/build.js';
import { formatOf, readFormat } from '../src/extract/read/index.js';
import { blocksToLines } from '../src/extract/read/lines.js';
import { findTables } from '../src/extract/tables.js';
import { layout } from '../src/extract/layout.js';
import { buildIndex } from '../src/knowledge/search.js';
import { fromRecords } from '../src/knowledge/load.js';
import { createCore } from '../src/core.js';
import { pdfPage } from '../src/bench/formats.js';
import * as make from './make-formats.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'formats');
const dir = mkdtempSync(join(tmpdir(), 'read-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, bytes: Buffer | string) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};
const linesOf = async (bytes: Buffer | string) => blocksToLines((await readFormat(Buffer.from(bytes))).blocks);

/** What a record says, without where it stands (line numbers and ids differ by format). */
const identity = (r: Records) => r.sources.map((s) => ({ kind: s.kind, title: s.title, date: s.date, issuer: s.issuer, region: s.region, year: s.year }));
const figures = (r: Records) => r.indicators.map((i) => `${i.name}|${i.value}|${i.unit}|${i.period.label}|${i.region}|${i.nature}`).sort();
const tasks = (r: Records) => r.tasks.map((t) => `${t.number}|${t.lead.join('、')}|${t.others.join('、')}|${t.status}|${t.text}`);

function expectSame(other: Records, txt: Records) {
  expect(other.problems).toEqual([]);
  expect(identity(other)).toEqual(identity(txt));
  expect(figures(other)).toEqual(figures(txt));
  expect(tasks(other)).toEqual(tasks(txt));
}

const taskTxt = await documentRecords(join(SEEDS_DIR, make.TASK_SEED));
const reportTxt = await documentRecords(join(SEEDS_DIR, make.REPORT_SEED));
const table = make.taskTable(taskTxt);

describe('the seeds in other formats give the records the .txt gives', () => {
  it('reads the .txt seeds as it always has', () => {
    expect(taskTxt.tasks.length).toBeGreaterThan(50);
    expect(reportTxt.indicators.length).toBeGreaterThan(100);
  });

  it('the task table as an Excel sheet: tasks by their columns, multi-line cells whole', async () => {
    const records = await documentRecords(write('tasks.xlsx', await make.taskXlsx(table)));
    expectSame(records, taskTxt);
  }, 60_000);

  it('the task table as an Excel sheet answers as the .txt does: the paragraphs of a cell are read each with its own sentences', async () => {
    const records = await documentRecords(write('tasks-answers.xlsx', await make.taskXlsx(table)));
    const now = () => new Date('2026-11-23T09:00:00+08:00');
    const core = (r: Records) => createCore(fromRecords(r, buildIndex(r)), { now });
    const [txt, xlsx] = [core(taskTxt), core(records)];
    for (const q of ['市文化艺术中心哪天启用', '省生态环保督察具体问题整改完成几项', '第一轮中央环保督察共性问题整改完成几项', '第3项任务进展如何', '长三角发展办牵头的任务']) {
      expect(xlsx.ask(q).text.replace(/ /g, ''), q).toBe(txt.ask(q).text.replace(/ /g, ''));
    }
  }, 60_000);

  it('the task table as a Word table, a cell of several paragraphs one cell', async () => {
    const records = await documentRecords(write('tasks.docx', await make.taskDocx(table)));
    expectSame(records, taskTxt);
  }, 60_000);

  it('the 2020 work report as a Word document', async () => {
    expectSame(await documentRecords(write('report.docx', await make.reportDocx())), reportTxt);
  }, 60_000);

  it('the 2020 work report as a web page, its navigation, share and font-size bars and footer left out', async () => {
    const html = make.reportHtml();
    expectSame(await documentRecords(write('report.html', html)), reportTxt);
    const text = (await linesOf(html)).join('\n');
    for (const clutter of ['首页', '互动交流', '政府信息公开', '当前位置', '字体', '分享到', '主办单位', 'ICP', 'var nav']) expect(text).not.toContain(clutter);
  }, 60_000);

  it('the first pages of the work report as a PDF: running header and page numbers dropped, lines joined by position', async () => {
    const pdf = join(FIXTURES, 'report-2020-first-pages.pdf');
    const txt = await documentRecords(write('report-first-pages.txt', make.reportLines().slice(0, make.REPORT_SEED_PAGES).join('\n\n')));
    expectSame(await documentRecords(pdf), txt);
    const lines = await linesOf(readFileSync(pdf));
    expect(lines.filter((l) => l === '嘉兴市人民政府工作报告')).toEqual([]);
    expect(lines.filter((l) => /^[-—]\s*\d+\s*[-—]$/.test(l))).toEqual([]);
    // Every paragraph of the text is one line of the PDF's, though the page broke it in many.
    const paragraphs = make.reportLines().slice(0, make.REPORT_SEED_PAGES).map((l) => l.trim());
    const squeezed = new Set(lines.map((l) => l.replace(/\s+/g, '')));
    for (const p of paragraphs) expect(squeezed.has(p.replace(/\s+/g, '').replace(/,/g, ','))).toBe(true);
  }, 60_000);

  it('the first rows of the task table as a PDF over three pages: the table by its columns', async () => {
    const pdf = join(FIXTURES, 'tasks-2021-first-rows.pdf');
    const first = taskTxt.tasks.slice(0, make.TASK_ROWS);
    const sections = first.map((t) => `${t.section}：`);
    const txt = { ...taskTxt, tasks: first, indicators: taskTxt.indicators.filter((i) => sections.some((s) => i.section.startsWith(s))) };
    expectSame(await documentRecords(pdf), txt);
    const lines = await linesOf(readFileSync(pdf));
    expect(lines.filter((l) => l.includes('嘉兴市人民政府办公室'))).toEqual([]);
    // The header repeated at the top of each page is no row.
    expect(lines.filter((l) => l.includes('主要工作任务'))).toHaveLength(1);
  }, 60_000);
});

describe('PDF text as older office software writes it', () => {
  it('reads Chinese in a font not embedded, by its predefined CMap (STSong-Light, UniGB-UCS2-H)', async () => {
    const ucs2 = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    const lines = ['一、2019年工作回顾', '全市实现生产总值5370.3亿元、增长7%。'];
    const content = lines.map((l, i) => `BT /F1 12 Tf 56 ${780 - i * 20} Td <${ucs2(l)}> Tj ET`).join('\n');
    const pdf = pdfPage(content, [
      '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    ]);
    expect((await linesOf(pdf)).map((l) => l.replace(/\s+/g, ''))).toEqual(lines);
  });
});

describe('tables as the document readers read them', () => {
  it('a plan’s result over 绝对值 | 增速, a column of units, a group’s label before the row number: each row’s result with its growth', async () => {
    const lines = [
      '表1 2022年温州市国民经济和社会发展计划完成情况',
      '序号 | 指标名称 | 单位 | 2022年 计划目标 | 2022年实绩 | |||',
      '绝对值 | 增速(%) | ||||||',
      '经济发展 | 1 | 地区生产总值(GDP) | 亿元 | 增长7%左右 | 8029.8 | 3.7 | |',
      '2 | 常住人口城镇化率 | % | 73.3 | 73.3 | |||',
      '3 | 一般公共预算收入 | 亿元 | 增长8% | 573.9 | -2.6 | ||',
    ];
    const [found] = findTables(lines, layout());
    expect(found.columns.map((c) => c.role)).toEqual(['number', 'name', 'value', 'target', 'actual', 'growth']);
    expect(found.rows[0]).toMatchObject({ group: '经济发展', cells: ['1', '地区生产总值(GDP)', '亿元', '增长7%左右', '8029.8', '3.7', ''] });
  });
  it('a header over two lines, a merged cell left out, a column of group labels: each row one task with its content', () => {
    const lines = [
      '序号 | 项目名称 | 起止 年限 | 子项目 | 具体内容 | 2025年进展情况 | ||',
      '截至6月底进展 | 7月工作计划 | |||||||',
      '1 | 一、优质教育综合提升工程 | 2024- 2025 | 完成奉化高级中学食堂建设 | 用地面积7165.96平方米 | 装饰工程施工 | 装饰工程施工 | |',
      '2 | 2025 | 实施20所公办中小学清凉工程 | 为教室安装空调300台 | 已完成施工招标 | 开工建设 | ||',
    ];
    const [found] = findTables(lines, layout());
    expect(found.columns.map((c) => c.role)).toEqual(['number', 'value', 'value', 'task', 'task', 'progress', 'value']);
    expect(found.rows.map((r) => [r.group, r.cells[3], r.cells[5]])).toEqual([
      ['一、优质教育综合提升工程', '完成奉化高级中学食堂建设', '装饰工程施工'],
      ['一、优质教育综合提升工程', '实施20所公办中小学清凉工程', '已完成施工招标'],
    ]);
  });
  it('a numbered list with labelled fields under each item is a task table, however the page joined the fields', () => {
    const lines = [
      '1.轨道交通1号线一期工程投入试运营。',
      '牵头领导:林静国责任单位:市轨道交通工程建设指挥部项目责任人:尹文德',
      '实际完成情况:轨道交通1号线一期工程已于2014年5月30日通车试运营。',
      '',
      '2.新增安装300套路口交通信息视频采集设备。',
      '牵头领导:王仁洲\t责任单位:市公安局\t项目责任人:王伟标\t配合单位:市城管局、市财政局',
      '实际完成情况:中心设备调试,整体进度已完成年度目标任务的55%,',
      '项目按预期计划扎实有序推进。',
      ' | 鄞州 | 北仑 | 合计 |',
    ];
    const [found] = findTables(lines, layout());
    expect(found.columns.map((c) => c.role)).toEqual(['number', 'task', 'lead', 'others', 'progress']);
    expect(found.rows.map((r) => r.cells)).toEqual([
      ['1', '轨道交通1号线一期工程投入试运营。', '市轨道交通工程建设指挥部', '', '轨道交通1号线一期工程已于2014年5月30日通车试运营。'],
      ['2', '新增安装300套路口交通信息视频采集设备。', '市公安局', '市城管局、市财政局', '中心设备调试,整体进度已完成年度目标任务的55%,项目按预期计划扎实有序推进。'],
    ]);
  });
  it('a task table’s column of a figure alone (完成率 | 72%) is that measure of the row’s task', async () => {
    const { indicators } = await documentRecords(join(import.meta.dirname, 'fixtures', 'reports', 'holdout28', '8月民生实事进展.txt'));
    expect(indicators.filter((i) => i.name === '完成率' && i.figure === '72%').map((i) => i.subject)).toContain('吸收60所符合前置条件的民办等级幼儿园为“公助园”');
  });
  it('a table becomes pipe rows that findTables reads, a cell with line breaks one cell', async () => {
    const html = `<html><body><table>
      <tr><th>序号</th><th>主要工作任务</th><th>牵头单位</th><th>完成时限</th></tr>
      <tr><td>1</td><td><p>建成杭海城际</p><p>开工通苏嘉甬铁路</p></td><td rowspan="2">市发展改革委</td><td>2021年底</td></tr>
      <tr><td>2</td><td>推进沪嘉城际前期<br>争取开工</td><td>2022年</td></tr>
      <tr><td colspan="4">一、综合发展</td></tr>
    </table></body></html>`;
    const lines = await linesOf(html);
    expect(lines).toEqual([
      '| 序号 | 主要工作任务 | 牵头单位 | 完成时限 |',
      '| 1 | 建成杭海城际¦开工通苏嘉甬铁路 | 市发展改革委 | 2021年底 |',
      '| 2 | 推进沪嘉城际前期¦争取开工 | 市发展改革委 | 2022年 |',
      '一、综合发展',
    ]);
    const [found] = findTables(lines, layout());
    expect(found.rows.map((r) => r.cells)).toEqual([
      ['1', '建成杭海城际¦开工通苏嘉甬铁路', '市发展改革委', '2021年底'],
      ['2', '推进沪嘉城际前期¦争取开工', '市发展改革委', '2022年'],
    ]);
  });

  it('an Excel sheet: title rows above the header as text, merged cells spread, line breaks kept in the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.addRow(['2021年重点项目推进表']);
    ws.mergeCells('A1:C1');
    ws.addRow(['项目名称', '牵头单位', '完成时限']);
    ws.addRow(['杭海城际\n通车', '市发展改革委', '2021年6月']);
    ws.addRow(['通苏嘉甬铁路', null, 0.25]);
    ws.mergeCells('B3:B4');
    ws.getCell('C4').numFmt = '0%';
    const lines = await linesOf(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(lines).toEqual(['2021年重点项目推进表', '', '| 项目名称 | 牵头单位 | 完成时限 |', '| 杭海城际¦通车 | 市发展改革委 | 2021年6月 |', '| 通苏嘉甬铁路 | 市发展改革委 | 25% |']);
  });
});

describe('what a format reader cannot read is one problem line; the rest still builds', () => {
  const problemsOf = async (name: string, bytes: Buffer | string) => {
    const r = await documentRecords(write(name, bytes));
    return { sources: r.sources.length, problems: r.problems.map((p) => `${p.line}: ${p.message}`) };
  };

  it('knows a format by its content, not its name', async () => {
    const docx = await make.reportDocx(make.reportLines().slice(0, 8));
    expect(formatOf(docx)).toBe('docx');
    const r = await documentRecords(write('named-wrongly.txt', docx));
    expect(r.problems).toEqual([]);
    expect(r.sources[0].title).toBe('2020年浙江省嘉兴市人民政府工作报告');
  });

  it('a broken Word file (a zip cut short)', async () => {
    const docx = await make.reportDocx(make.reportLines().slice(0, 8));
    const { sources, problems } = await problemsOf('cut.docx', docx.subarray(0, 1200));
    expect(sources).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^1: (could not be opened as a Word document|a zip archive)/);
  });

  it('a zip that is no Office file, an old .xls', async () => {
    expect((await problemsOf('photos.zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]))).problems).toEqual([expect.stringMatching(/^1: a zip archive that is neither a Word/)]);
    expect((await problemsOf('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).problems).toEqual([expect.stringMatching(/^1: an old-format Word or Excel file/)]);
  });

  it('an Excel workbook with no filled cells', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    expect((await problemsOf('empty.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).problems).toEqual(['1: an Excel workbook with no filled cells; skipped']);
  });

  it('a PDF with no text layer (a scan), and a PDF cut short', async () => {
    const blank = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
    expect((await problemsOf('scan.pdf', blank)).problems).toEqual([expect.stringMatching(/^1: a PDF of 1 page\(s\) with no text layer \(a scan\?\)/)]);
    const cut = readFileSync(join(FIXTURES, 'report-2020-first-pages.pdf')).subarray(0, 300);
    const { problems } = await problemsOf('cut.pdf', cut);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^1: (could not be opened as a PDF|could not be read as a PDF|a PDF of \d+ page\(s\) with no text layer)/);
  });

  it('an encrypted PDF', async () => {
    expect((await problemsOf('encrypted.pdf', readFileSync(join(FIXTURES, 'encrypted.pdf')))).problems).toEqual(['1: an encrypted PDF (it asks for a password): cannot be read; skipped']);
  });

  it('a web page that is all navigation', async () => {
    expect((await problemsOf('nav.html', '<!DOCTYPE html><html><body><nav>首页 政务公开</nav><footer>主办单位</footer></body></html>')).problems).toEqual([
      '1: a web page with no text outside its navigation and footer; skipped',
    ]);
  });
});
