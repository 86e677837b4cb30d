/**
 * Whether a digest.db may be opened: SQLite opens an empty file as an empty database, and the
 * migrations would then create the schema over it — every subscription gone, without a word.
 * So an existing file must hold at least SQLite's header, and all the pages its header counts.
 * (With a write-ahead log beside it, SQLite itself replays what the file lacks.)
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

const MAGIC = 'SQLite format 3\0';
const REMEDY = 'move it away to start afresh, or restore it from a backup';

/** Why the file cannot be trusted, or undefined when it can (or does not exist yet). */
export function distrust(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const size = statSync(file).size;
  if (size === 0) return `${file} is empty (0 bytes), not a digest database; ${REMEDY}`;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== MAGIC) return undefined; // SQLite says "not a database"
  if (size < 100) return `${file} is truncated (${size} bytes); ${REMEDY}`;
  const walSize = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  // The page count is valid only when written by a version that keeps it (both counters agree).
  const counted = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (counted && walSize === 0 && size < pages * pageSize) {
    return `${file} is truncated (${size} of ${pages * pageSize} bytes); ${REMEDY}`;
  }
  return undefined;
}
