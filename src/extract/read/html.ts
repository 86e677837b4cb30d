/**
 * Web pages (and Word documents, which mammoth turns into HTML): paragraphs, headings and
 * list items as lines, tables as tables with merged cells spread. A page's furniture is left
 * out by its structure — nav, footer, aside, forms, scripts, and elements whose class or id
 * says navigation, footer, share, breadcrumb or font size — before any word list sees it.
 */
import { parse } from 'parse5';
import { cellText, textBlock, type Block, type Reading } from './types.js';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
}

const DROPPED = new Set(['head', 'nav', 'footer', 'script', 'style', 'aside', 'form', 'noscript', 'template', 'iframe', 'button', 'select', 'textarea', 'svg', 'object', 'canvas']);
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'caption', 'hr', 'tr', 'header', 'body', 'html']);
// Words of class and id that name page furniture: nav only as a word of its own (not canvas).
const FURNITURE_WORD = /(^|[-_])(nav|navbar|navigation|menu|topbar)([-_]|$)/i;
const FURNITURE_PART = /footer|share|breadcrumb|crumb|font-?size|fontsize|toolbar|copyright/i;

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value ?? '';
const children = (node: Node) => node.childNodes ?? [];
const elements = (node: Node, names: string[]) => children(node).filter((c) => names.includes(c.nodeName));

function isFurniture(node: Node, inArticle: boolean): boolean {
  const name = node.nodeName;
  if (DROPPED.has(name)) return true;
  // A page's <header> is its banner; an article's <header> holds the article's title.
  if (name === 'header' && !inArticle) return true;
  if (attr(node, 'role') === 'navigation' || /display\s*:\s*none/i.test(attr(node, 'style')) || node.attrs?.some((a) => a.name === 'hidden')) return true;
  const words = `${attr(node, 'class')} ${attr(node, 'id')}`.split(/\s+/).filter(Boolean);
  return words.some((w) => FURNITURE_WORD.test(w) || FURNITURE_PART.test(w));
}

/** The rows of a table, its own only (not those of a table inside a cell). */
function rowsOf(table: Node): Node[] {
  const out: Node[] = [];
  for (const c of children(table)) {
    if (c.nodeName === 'tr') out.push(c);
    else if (['thead', 'tbody', 'tfoot'].includes(c.nodeName)) out.push(...elements(c, ['tr']));
  }
  return out;
}

const span = (node: Node, name: string) => Math.min(Math.max(Number.parseInt(attr(node, name), 10) || 1, 1), 500);

function contains(node: Node, name: string): boolean {
  return children(node).some((c) => c.nodeName === name || contains(c, name));
}

/** Cells by row, a merged cell's text in every place it covers. */
function grid(rows: Node[], inArticle: boolean): string[][] {
  const out: string[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of elements(tr, ['td', 'th'])) {
      while (out[r][c] !== undefined) c++;
      const text = cellText(linesOf(cell, inArticle));
      const down = span(cell, 'rowspan');
      const across = span(cell, 'colspan');
      for (let i = 0; i < down && r + i < rows.length; i++) for (let j = 0; j < across; j++) out[r + i][c + j] = text;
      c += across;
    }
  });
  const width = Math.max(0, ...out.map((row) => row.length));
  return out.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** Gathers lines and blocks in reading order. */
class Walker {
  blocks: Block[] = [];
  private lines: string[] = [];
  private line = '';

  constructor(private readonly inArticle = false) {}

  private endLine(): void {
    const text = this.line.replace(/\s+/g, ' ').trim();
    if (text) this.lines.push(text);
    this.line = '';
  }

  private endText(): void {
    this.endLine();
    const block = textBlock(this.lines);
    if (block) this.blocks.push(block);
    this.lines = [];
  }

  walk(node: Node, inArticle = this.inArticle): void {
    if (node.nodeName === '#text') {
      this.line += (node.value ?? '').replace(/\u00a0/g, ' ');
      return;
    }
    if (node.nodeName.startsWith('#') && node.nodeName !== '#document' && node.nodeName !== '#document-fragment') return;
    if (isFurniture(node, inArticle)) return;
    const name = node.nodeName;
    if (name === 'br') return this.endLine();
    if (name === 'table') return this.table(node, inArticle);
    const within = inArticle || name === 'article' || name === 'main';
    const block = BLOCK.has(name);
    if (block) this.endLine();
    for (const c of children(node)) this.walk(c, within);
    if (block) this.endLine();
  }

  private table(node: Node, inArticle: boolean): void {
    const rows = rowsOf(node);
    const cells = grid(rows, inArticle);
    // A table of one column, or one holding tables, lays a page out: its cells are text.
    if (!rows.length || (cells[0]?.length ?? 0) < 2 || contains(node, 'table')) {
      this.endLine();
      for (const c of children(node)) this.walk(c, inArticle);
      this.endLine();
      return;
    }
    this.endText();
    const caption = elements(node, ['caption'])[0];
    const title = caption ? linesOf(caption, inArticle).join(' ') : undefined;
    this.blocks.push({ type: 'table', rows: cells, ...(title ? { title } : {}) });
  }

  finish(): Block[] {
    this.endText();
    return this.blocks;
  }

  /** Every line gathered, tables' cells included (the text of one cell). */
  allLines(): string[] {
    return this.finish().flatMap((b) => (b.type === 'text' ? b.lines : b.rows.map((r) => r.join(' '))));
  }
}

function linesOf(node: Node, inArticle: boolean): string[] {
  const w = new Walker(inArticle);
  for (const c of children(node)) w.walk(c);
  return w.allLines();
}

/** The blocks of an HTML document. */
export function htmlBlocks(html: string): Block[] {
  const w = new Walker();
  w.walk(parse(html) as unknown as Node);
  return w.finish();
}

/** The page's text: UTF-8, or the charset its meta tag names (gb2312 and gbk are common). */
export function decodeHtml(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.slice(0, 4096));
    const charset = head.match(/charset\s*=\s*["']?([\w-]+)/i)?.[1] ?? 'gb18030';
    try {
      return new TextDecoder(/^gb/i.test(charset) ? 'gb18030' : charset).decode(bytes);
    } catch {
      return new TextDecoder('gb18030').decode(bytes);
    }
  }
}

export function readHtml(bytes: Uint8Array): Reading {
  const blocks = htmlBlocks(decodeHtml(bytes));
  return { blocks, problems: blocks.length ? [] : ['a web page with no text outside its navigation and footer; skipped'] };
}
