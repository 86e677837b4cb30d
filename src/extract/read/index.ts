/**
 * The way in: a document's format recognised from its bytes (never from its name alone),
 * read by the reader of that format into blocks. A format that cannot be read here is one
 * problem line; nothing throws.
 */
import type { Reading } from './types.js';
import { readText } from './text.js';
import { oneLine } from './types.js';

/** Each reader, and the library behind it (pdfjs, mammoth, exceljs, parse5), is loaded when a document of its format is read. */
const READERS = {
  pdf: async () => (await import('./pdf.js')).readPdf,
  docx: async () => (await import('./docx.js')).readDocx,
  xlsx: async () => (await import('./xlsx.js')).readXlsx,
  html: async () => (await import('./html.js')).readHtml,
  text: async () => readText,
};

export type FileFormat = 'pdf' | 'docx' | 'xlsx' | 'zip' | 'ole' | 'html' | 'text';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The format the content shows. Zip entries' names stand in clear in the archive. */
export function formatOf(bytes: Uint8Array): FileFormat {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // %PDF- may follow a few bytes of junk (some servers prepend a BOM or a blank line).
  if (buf.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (buf.includes('word/document.xml')) return 'docx';
    if (buf.includes('xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const head = buf.subarray(0, 2048).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '');
  if (/^\s*(<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*<(!doctype\s+html|html|head|body)[\s>]/i.test(head)) return 'html';
  return 'text';
}

const CANNOT: Partial<Record<FileFormat, string>> = {
  zip: 'a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) file, or a broken one: cannot be read; skipped',
  ole: 'an old-format Word or Excel file (.doc/.xls) or a password-protected Office file: cannot be read; save it as .docx or .xlsx without a password',
};

/** Reads a document of any format this project reads. */
export async function readFormat(bytes: Uint8Array): Promise<Reading & { format: FileFormat }> {
  const format = formatOf(bytes);
  const cannot = CANNOT[format];
  if (cannot) return { format, blocks: [], problems: [cannot] };
  try {
    const read = await READERS[format as keyof typeof READERS]();
    return { format, ...(await read(bytes)) };
  } catch (error) {
    return { format, blocks: [], problems: [`could not be read as ${format}: ${oneLine(error)}`] };
  }
}
