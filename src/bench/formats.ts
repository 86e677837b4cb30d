/**
 * Reading speed of the format readers, on files made here: one PDF page of text (written by
 * hand: 45 lines in a standard font) and one Excel sheet of 100 task rows.
 */
import ExcelJS from 'exceljs';
import { readFormat } from '../extract/read/index.js';

/** A one-page PDF of a content stream, its font F1 given by its objects (the font first), with a correct cross-reference table. */
export function pdfPage(content: string, font: string[]): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    ...font,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A one-page PDF of `lines` lines of text in a standard font. */
export function onePagePdf(lines: number): Buffer {
  const text = Array.from({ length: lines }, (_, i) => `BT /F1 10 Tf 56 ${800 - i * 16} Td (Line ${i + 1}: general public budget revenue 86.87, growth ${i}.5% over the year before) Tj ET`).join('\n');
  return pdfPage(text, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
}

/** An Excel sheet of a title row, a header and `rows` task rows with two-line progress cells. */
export async function taskSheet(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务');
  ws.addRow(['2021年政府工作报告重点工作执行情况']);
  ws.mergeCells(1, 1, 1, 5);
  ws.addRow(['序号', '主要工作任务', '进展情况', '牵头部门', '进展状态']);
  for (let i = 1; i <= rows; i++) ws.addRow([i, `推进第${i}项重点工作，年内完成投资${i * 3}亿元。`, `1.1-6月完成投资${i}.5亿元。\n2.项目已开工${i}个。`, '市发展改革委', '按时推进']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Median time of `runs` reads of the bytes, in ms. */
export async function readTime(bytes: Buffer, runs = 5): Promise<number> {
  await readFormat(bytes); // warm-up: the first read loads the reader's library
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const read = await readFormat(bytes);
    times.push(ms(t));
    if (read.problems.length) throw new Error(`bench file not read: ${read.problems[0]}`);
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(runs / 2)] * 10) / 10;
}
