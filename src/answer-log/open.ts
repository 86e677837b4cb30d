/**
 * The answer log outside the bot: `npm run ask -- --log` writes to it and `npm run report` reads
 * it, in DATA_DIR/digest.db. A running bot holds DATA_DIR's lock (one bot per DATA_DIR: the
 * digest's sends); writing a log entry beside it needs nothing that lock protects, so a database
 * already at this program's schema is opened as it is, and SQLite's own locking does the rest.
 * Only a missing or older one goes through DigestStore.open, which creates or migrates it under
 * the lock (and refuses an empty, truncated or newer file with one line).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, DigestStore, DigestStoreError, SCHEMA_VERSION } from '../digest/store.js';

export interface LogDatabase {
  db: Database.Database;
  /** The folder it is in (DATA_DIR, resolved). */
  dir: string;
  close(): void;
}

/** Opens DATA_DIR's database for the answer log; throws a one-line DigestStoreError. */
export function openLogDatabase(dataDir: string, options: { readonly?: boolean } = {}): LogDatabase {
  const dir = resolve(dataDir);
  const file = join(dir, DB_FILE);
  if (options.readonly) {
    if (!existsSync(file)) throw new DigestStoreError(`DATA_DIR: ${file} does not exist: the bot has not run here, so nothing is logged`);
    const store = DigestStore.open(dir, { readonly: true });
    return { db: store.db, dir, close: () => store.close() };
  }
  if (existsSync(file)) {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      if (Number(db.pragma('user_version', { simple: true })) === SCHEMA_VERSION) return { db, dir, close: () => db!.close() };
    } catch {
      // not a usable database: DigestStore.open says why in one line
    }
    db?.close();
  }
  const store = DigestStore.open(dir);
  return { db: store.db, dir, close: () => store.close() };
}
