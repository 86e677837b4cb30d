/** Word (.docx): mammoth turns it into HTML, read as a page is (paragraphs and tables). */
import mammoth from 'mammoth';
import { oneLine } from './types.js';
import { htmlBlocks } from './html.js';
import type { Reading } from './types.js';

export async function readDocx(bytes: Uint8Array): Promise<Reading> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    return { blocks: [], problems: [`could not be opened as a Word document (a broken or incomplete .docx): ${oneLine(error)}`] };
  }
  const blocks = htmlBlocks(html);
  return { blocks, problems: blocks.length ? [] : ['a Word document with no text; skipped'] };
}

export { oneLine };
