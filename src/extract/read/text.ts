/** Plain text: UTF-8, read line for line as written. */
import type { Reading } from './types.js';

export function readText(bytes: Uint8Array): Reading {
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { blocks: [], problems: ['not UTF-8 text; skipped'] };
  }
  return { blocks: [{ type: 'text', lines: raw.replace(/\r\n?/g, '\n').split('\n') }], problems: [] };
}
