/**
 * Blocks into the lines the document readers read: text lines as they are, a table as rows
 * between pipes (| 序号 | 主要工作任务 | 牵头部门 |), the shape findTables reads, under its title.
 * A row that is one cell across the table (一、综合发展, merged over every column) is a line
 * of its own, as group rows are written in text.
 */
import type { Block } from './types.js';

function tableLines(rows: string[][], title?: string): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out: string[] = title ? [title] : [];
  for (const row of rows) {
    const cells = Array.from({ length: width }, (_, i) => (row[i] ?? '').trim());
    const filled = cells.filter(Boolean);
    if (!filled.length) continue;
    if (width > 1 && filled.length === width && new Set(filled).size === 1) out.push(filled[0]);
    else out.push(`| ${cells.join(' | ')} |`);
  }
  return out;
}

export function blocksToLines(blocks: Block[]): string[] {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) out.push('');
    out.push(...(block.type === 'text' ? block.lines : tableLines(block.rows, block.title)));
  });
  return out;
}
