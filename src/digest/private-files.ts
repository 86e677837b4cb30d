/**
 * DATA_DIR holds questions as typed and subscribers' chat ids: for the bot's user only,
 * whatever the umask. The folder is made 700 and the database and lock files 600 (SQLite
 * gives its -wal and -shm the mode of the database file, so a database made 600 keeps them
 * so); files already there are tightened. A DATA_DIR made before, readable by others, is left
 * as the operator made it (other things may live there) and said once.
 */
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Creates `file` empty with mode 600 when missing, and makes it 600 when it is not. */
export function privateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  tighten(file);
}

/** Makes each existing file of `files` 600 (the -wal and -shm of a database made before). */
export function tighten(...files: string[]): void {
  for (const file of files) {
    try {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE);
    } catch {
      // gone meanwhile (SQLite removes -wal and -shm at close), or not ours to change
    }
  }
}

/** A warning when others may read or enter `dir`, or undefined. */
export function exposedDir(dir: string): string | undefined {
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) === 0) return undefined;
  const octal = mode.toString(8);
  return `DATA_DIR: ${dir} can be read by other users (mode ${octal}); it holds questions as typed and subscribers' chat ids: chmod 700 ${dir}`;
}
