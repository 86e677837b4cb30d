/**
 * The store the settings ask for: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR
 * (opened as before: DATA_DIR's lock, the file checked, a full disk said once).
 */
import type { Config } from '../config.js';
import { DigestStore } from '../digest/store.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export async function openStore(config: Pick<Config, 'DATA_DIR' | 'DATABASE_URL'>): Promise<Store> {
  if (config.DATABASE_URL) return PostgresStore.open(config.DATABASE_URL);
  return new SqliteStore(DigestStore.open(config.DATA_DIR));
}
