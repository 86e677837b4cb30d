/** Plain text: UTF-8, read line for line as written; a web table copied one cell a line read back into rows. */
import type { Reading } from './types.js';
import { cellLineBlocks } from './cell-lines.js';

export function readText(bytes: Uint8Array): Reading {
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { blocks: [], problems: ['not UTF-8 text; skipped'] };
  }
  return { blocks: cellLineBlocks(raw.replace(/\r\n?/g, '\n').split('\n')), problems: [] };
}
