/**
 * PDF: the text layer read with positions (pdfjs-dist). Pieces of text become lines by their
 * baseline; running headers and footers (the same text at the same height on most pages) and
 * page numbers (— 3 —) are dropped; a line that reaches the right margin goes on in the next
 * when that one starts at the left margin, so paragraphs broken by the page width, or by a
 * page break, are whole again; lines cut into columns by wide gaps, one under another, are a
 * table. All of it from the positions, none from the words.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cellText, type Block, type Reading } from './types.js';
import { oneLine } from './docx.js';

/** A run of text on one line, apart from its neighbours by less than a column gap. */
interface Piece {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  page: number;
  /** Baseline, from the page's top (larger is lower). */
  y: number;
  size: number;
  pieces: Piece[];
  x0: number;
  x1: number;
  text: string;
}

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

// Where pdfjs keeps the CMaps of Chinese fonts and the standard fonts' data.
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** A gap wider than this many characters parts columns (a table's cells stand less than a character apart). */
const COLUMN_GAP = 0.8;
/**
 * A line "reaches" the right edge when it stops less than this many characters short of it:
 * a line also breaks early before a number or word that does not fit, or before a mark that
 * may not open a line (、，。). A paragraph's next line is told by its indent, not by this.
 */
const SHORT_OF_EDGE = 3;
/** Headers and footers stand in the top and bottom eighth of the page. */
const MARGIN_ZONE = 0.125;
const PAGE_NUMBER = /^(?:[-—–－~～\s]*\d{1,4}[-—–－~～\s]*|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|\d+\s*[/／]\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;
const DASHED_NUMBER = /^[-—–－]+\s*\d{1,4}\s*[-—–－]+$/;

function linesOfPage(items: Item[], page: number, height: number): Line[] {
  const placed = items
    // Turned text is a watermark or a stamp (内部资料 across the page), not a line to read.
    .filter((it) => it.str.trim() && Math.abs(it.transform[1]) < 0.01 && Math.abs(it.transform[2]) < 0.01 && it.transform[0] > 0)
    .map((it) => {
      const size = Math.hypot(it.transform[2], it.transform[3]) || it.height || 10;
      return { text: it.str, x0: it.transform[4], x1: it.transform[4] + it.width, y: height - it.transform[5], size };
    })
    .sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const rows: (typeof placed)[] = [];
  for (const it of placed) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0].y - it.y) <= Math.min(row[0].size, it.size) * 0.4) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x0 - b.x0);
    const size = Math.max(...row.map((r) => r.size));
    const pieces: Piece[] = [];
    for (const it of row) {
      const last = pieces.at(-1);
      const gap = last ? it.x0 - last.x1 : Infinity;
      if (last && gap < COLUMN_GAP * size) {
        last.text += (gap > 0.2 * size ? ' ' : '') + it.text;
        last.x1 = Math.max(last.x1, it.x1);
      } else pieces.push({ text: it.text, x0: it.x0, x1: it.x1 });
    }
    for (const p of pieces) p.text = p.text.replace(/\s+/g, ' ').trim();
    return { page, y: row[0].y, size, pieces, x0: pieces[0].x0, x1: Math.max(...pieces.map((p) => p.x1)), text: pieces.map((p) => p.text).join(' ') };
  });
}

/**
 * Lines of page furniture: in the top or bottom margin zone, a page number, or a text found
 * (numbers aside) at the same height on at least half the pages.
 */
function furniture(pages: Line[][], heights: number[]): Set<Line> {
  const key = (l: Line) => `${Math.round(l.y / 4)}|${l.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  const inMargin = (l: Line) => l.y < heights[l.page] * MARGIN_ZONE || l.y > heights[l.page] * (1 - MARGIN_ZONE);
  const count = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(lines.filter(inMargin).map(key))) count.set(k, (count.get(k) ?? 0) + 1);
  const repeated = (l: Line) => pages.length >= 2 && (count.get(key(l)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  const out = new Set<Line>();
  for (const lines of pages) for (const l of lines) if (DASHED_NUMBER.test(l.text) || (inMargin(l) && (PAGE_NUMBER.test(l.text) || repeated(l)))) out.add(l);
  return out;
}

/** The most common left edge of a page's lines: where its paragraphs' lines start. */
function leftMargin(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.x0), (counts.get(Math.round(l.x0)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** A table from its first line (two or more columns): the lines under it whose pieces stay in its columns. */
function readTable(lines: Line[], start: number): { rows: string[][]; end: number } {
  const head = lines[start];
  // Column k runs to just before the header's piece k+1; a piece is in the column its middle
  // is in (the header may be centred over its column, the cells not).
  const bounds = head.pieces.slice(1).map((p) => p.x0 - head.size * 0.5);
  const columnOf = (p: Piece) => bounds.filter((b) => (p.x0 + p.x1) / 2 > b).length;
  const fits = (l: Line) => {
    const cols = l.pieces.map(columnOf);
    if (new Set(cols).size !== cols.length) return false;
    return l.pieces.every((p, i) => cols[i] === bounds.length || p.x1 <= bounds[cols[i]] + l.size);
  };
  let end = start + 1;
  // A line alone after a wide gap is the text after the table, however narrow.
  const apart = (l: Line, before: Line) => l.page === before.page && l.pieces.length === 1 && l.y - before.y > l.size * 2.5;
  while (end < lines.length && fits(lines[end]) && !apart(lines[end], lines[end - 1])) end++;
  const inTable = lines.slice(start, end);
  const pitches = inTable.slice(1).map((l, i) => (l.page === inTable[i].page ? l.y - inTable[i].y : Infinity)).filter(Number.isFinite).sort((a, b) => a - b);
  const pitch = pitches[0] ?? head.size * 1.5;
  const right = bounds.map(() => 0).concat(0);
  for (const l of inTable) for (const p of l.pieces) right[columnOf(p)] = Math.max(right[columnOf(p)], p.x1);
  const rows: { parts: Piece[][] }[] = [];
  const heading = head.text.replace(/\s+/g, '');
  inTable.forEach((l, i) => {
    // A table that goes on over a page repeats its header there.
    if (i > 0 && l.text.replace(/\s+/g, '') === heading) return;
    const before = inTable[i - 1];
    const cols = l.pieces.map(columnOf);
    // A row opens with its first column, or after a gap wider than the lines of a cell (on
    // the same page: a row broken by the page goes on at the top of the next).
    const gap = before && before.page === l.page ? l.y - before.y : 0;
    if (!rows.length || cols.includes(0) || gap > pitch * 1.4) rows.push({ parts: right.map(() => []) });
    l.pieces.forEach((p, k) => rows.at(-1)!.parts[cols[k]].push(p));
  });
  const left = right.map((_, col) => Math.min(...inTable.flatMap((l) => l.pieces.filter((p) => columnOf(p) === col).map((p) => p.x0))));
  const cell = (parts: Piece[], col: number) => {
    // As in the text: a line that reaches the cell's right edge goes on in the next when that
    // one starts at the cell's left edge; else a paragraph ends.
    const paras: string[] = [];
    parts.forEach((p, i) => {
      if (i > 0 && parts[i - 1].x1 >= right[col] - head.size * SHORT_OF_EDGE && p.x0 <= left[col] + head.size * 0.5) paras[paras.length - 1] += p.text;
      else paras.push(p.text);
    });
    return cellText(paras);
  };
  return { rows: rows.map((r) => r.parts.map(cell)), end };
}

/** Body lines into blocks: paragraphs joined by position, tables apart. */
function blocksOf(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  for (const page of new Set(lines.map((l) => l.page))) {
    const own = lines.filter((l) => l.page === page && l.pieces.length === 1);
    left.set(page, leftMargin(own));
    right.set(page, Math.max(...own.map((l) => l.x1)));
  }
  let text: string[] = [];
  let last: Line | undefined;
  const flush = () => {
    if (text.length) blocks.push({ type: 'text', lines: text });
    text = [];
    last = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.pieces.length >= 2 && i + 1 < lines.length) {
      const table = readTable(lines, i);
      if (table.rows.length >= 2) {
        flush();
        blocks.push({ type: 'table', rows: table.rows });
        i = table.end - 1;
        continue;
      }
    }
    const reachesRight = (x: Line) => x.x1 >= right.get(x.page)! - x.size * SHORT_OF_EDGE;
    const atLeft = l.x0 <= left.get(l.page)! + l.size * 0.5;
    if (last && reachesRight(last) && atLeft && Math.abs(last.size - l.size) < 1) text[text.length - 1] += (/[A-Za-z0-9]$/.test(text.at(-1)!) && /^[A-Za-z0-9]/.test(l.text) ? ' ' : '') + l.text;
    else text.push(l.text);
    last = l;
  }
  flush();
  return blocks;
}

export async function readPdf(bytes: Uint8Array): Promise<Reading> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'PasswordException') return { blocks: [], problems: ['an encrypted PDF (it asks for a password): cannot be read; skipped'] };
    return { blocks: [], problems: [`could not be opened as a PDF (a broken or incomplete file): ${oneLine(error)}`] };
  }
  try {
    const pages: Line[][] = [];
    const heights: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.view[3] - page.view[1];
      const content = await page.getTextContent();
      heights.push(height);
      pages.push(linesOfPage(content.items.filter((it) => 'str' in it) as Item[], n - 1, height));
      page.cleanup();
    }
    if (!pages.some((p) => p.length)) return { blocks: [], problems: [`a PDF of ${doc.numPages} page(s) with no text layer (a scan?): it needs OCR to be read; skipped`] };
    const drop = furniture(pages, heights);
    const blocks = blocksOf(pages.flat().filter((l) => !drop.has(l)));
    return { blocks, problems: [] };
  } catch (error) {
    return { blocks: [], problems: [`could not be read as a PDF: ${oneLine(error)}`] };
  } finally {
    await doc.destroy();
  }
}

