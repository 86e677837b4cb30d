/**
 * Pseudonyms: platform ids (a Telegram user or chat, a Slack channel and thread) never reach the
 * database as they are. Each is replaced by a keyed hash (HMAC-SHA256), so the entries of one
 * user or one conversation still group together, but nobody holding only the database can tell
 * whose they are, nor check a guessed id (Telegram ids are small enough to try them all).
 *
 * The key is ANSWER_LOG_KEY when set; otherwise one is made at first start and kept in
 * DATA_DIR/pseudonym.key, readable by the bot's user only and apart from digest.db, so that a
 * copy of the database alone reveals nothing. A new key gives everyone new pseudonyms.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingError } from '../config.js';
import { isDiskFull } from '../write-faults.js';

export const KEY_FILE = 'pseudonym.key';

/** What is hashed: a user, or a conversation (a chat, a thread, a user within a group). */
export type Pseudonymize = (kind: 'user' | 'conversation', id: string) => string;

/**
 * The key: ANSWER_LOG_KEY, or DATA_DIR/pseudonym.key, made on first use. Throws a one-line
 * ConfigError. On a full disk a key that cannot be saved is made for this run only (nothing it
 * hashes can be saved either) and `onFull` says so.
 */
export function pseudonymKey(dataDir: string, fromSetting?: string, onFull?: (warning: string) => void): Buffer {
  if (fromSetting) return Buffer.from(fromSetting, 'utf8');
  const file = join(dataDir, KEY_FILE);
  try {
    // 'wx': never overwrite a key another start made; mode 0600: for the bot's user only.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (isDiskFull(error)) {
      removeEmpty(file); // a half-made key would be refused at the next start
      onFull?.(`DATA_DIR: cannot save ${file} on a full disk; pseudonyms are keyed for this run only`);
      return randomBytes(32);
    }
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw settingError('DATA_DIR', `cannot write ${file} (${(error as Error).message.split('\n')[0]})`);
    }
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw settingError('DATA_DIR', `cannot read ${file} (${(error as Error).message.split('\n')[0]})`);
  }
  if (!/^[0-9a-f]{64}$/.test(text)) {
    throw settingError('DATA_DIR', `${file} is not a key this bot made; restore it, or remove it to give every user a new pseudonym`);
  }
  return Buffer.from(text, 'hex');
}

function removeEmpty(file: string): void {
  try {
    if (statSync(file).size === 0) rmSync(file);
  } catch {
    // never made
  }
}

/** 16 characters of the keyed hash: 96 bits, far beyond any collision among a city's officials. */
export function pseudonyms(key: Buffer): Pseudonymize {
  return (kind, id) => createHmac('sha256', key).update(`${kind}\u0000${id}`).digest('base64url').slice(0, 16);
}
