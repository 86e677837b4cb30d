/**
 * Excel (.xlsx): each visible sheet a table, merged cells spread over the places they cover,
 * a cell's line breaks kept inside the cell. The rows above the header that hold one text
 * only (the sheet's title, its date line) are text, as they would be above a table in a report.
 */
import ExcelJS from 'exceljs';
import { cellText, textBlock, type Block, type Reading } from './types.js';
import { oneLine } from './docx.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as text: rich text joined, a formula's result, a date as 2021-09-08, a share as 5%. */
function valueText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'number') return /%/.test(cell.numFmt ?? '') ? `${Number((v * 100).toPrecision(12))}%` : String(v);
  if (typeof v !== 'object') return String(v);
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if ('result' in o) return o.result instanceof Date || typeof o.result !== 'object' ? String(o.result ?? '') : '';
  if (typeof o.text === 'string') return o.text;
  return '';
}

function sheetBlocks(ws: ExcelJS.Worksheet): Block[] {
  const rows: string[][] = [];
  const width = ws.columnCount;
  const shown = Array.from({ length: width }, (_, c) => !ws.getColumn(c + 1).hidden);
  // Rows that hold something only: a sheet styled down to its millionth row is no bigger.
  ws.eachRow((row) => {
    if (row.hidden) return;
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      if (!shown[c - 1]) continue;
      const cell = row.getCell(c);
      cells.push(cellText(valueText(cell.isMerged ? cell.master : cell).split(/\r?\n/)));
    }
    rows.push(cells);
  });
  // Columns and rows with nothing in them are no part of the table.
  const used = rows[0]?.map((_, c) => rows.some((row) => row[c])) ?? [];
  const table = rows.map((row) => row.filter((_, c) => used[c])).filter((row) => row.some(Boolean));
  const single = (row: string[]) => new Set(row.filter(Boolean)).size === 1;
  let head = 0;
  while (head < table.length - 1 && single(table[head])) head++;
  const title = textBlock(table.slice(0, head).map((row) => row.find(Boolean)!));
  const body = table.slice(head);
  return [...(title ? [title] : []), ...(body.length ? [{ type: 'table' as const, rows: body }] : [])];
}

export async function readXlsx(bytes: Uint8Array): Promise<Reading> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    return { blocks: [], problems: [`could not be opened as an Excel workbook (a broken or incomplete .xlsx): ${oneLine(error)}`] };
  }
  const blocks = wb.worksheets.filter((ws) => ws.state === 'visible' || !ws.state).flatMap(sheetBlocks);
  return { blocks, problems: blocks.length ? [] : ['an Excel workbook with no filled cells; skipped'] };
}
