/**
 * What a format reader gives: the document as blocks of text lines and tables, in reading
 * order, and one line for each thing it could not read. The document readers after it never
 * see the format.
 */
export type Block = { type: 'text'; lines: string[] } | { type: 'table'; rows: string[][]; title?: string };

export interface Reading {
  blocks: Block[];
  problems: string[];
}

/**
 * The break inside a table cell (a Word cell of several paragraphs, an Excel cell with line
 * breaks): the cell stays one cell on one line, and its parts can still be told apart. Not
 * ／, which tidying folds to the / of units (元／吨); a broken bar stands in no report's text.
 */
export const CELL_BREAK = '¦';

/** The parts of one cell as one cell: trimmed, empty parts left out, no pipe to split it. */
export function cellText(parts: string[]): string {
  return parts
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(CELL_BREAK)
    .replace(/\|/g, '｜');
}

/** Text lines without the empty ones at either end. */
export function textBlock(lines: string[]): Block | undefined {
  const kept = [...lines];
  while (kept.length && !kept[0].trim()) kept.shift();
  while (kept.length && !kept.at(-1)!.trim()) kept.pop();
  return kept.length ? { type: 'text', lines: kept } : undefined;
}

/** An error's message in one line, as a problem line shows it. */
export const oneLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0].slice(0, 160);
