/**
 * One process per DATA_DIR. Two bots on one database would each take the other's sends in
 * flight for a crash and mark them "unknown". The lock is SQLite's own: an exclusive
 * transaction held open on DATA_DIR/bot.lock for the life of the process. The operating system
 * releases it when the process ends, however it ends (kill -9 included), so a lock is never
 * left behind and never needs a timeout. The lock's journal is kept in memory: taking it
 * writes nothing, so a full disk does not keep the bot from starting. The file is 600.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { privateFile } from './private-files.js';

export const LOCK_FILE = 'bot.lock';

export interface DataDirLock {
  release(): void;
}

/** Takes the lock, or throws an Error whose message is the one line to show. */
export function lockDataDir(dir: string): DataDirLock {
  const file = join(dir, LOCK_FILE);
  privateFile(file);
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`${dir} is in use by another running bot (${file} is locked); run one process per DATA_DIR`);
    }
    throw error;
  }
  return { release: () => db.open && db.close() };
}
