/**
 * The core over what the store remembers: conversations (a restart keeps the last 30 minutes
 * of each), the answer log (pruned to ANSWER_LOG_DAYS even when off), and — with several
 * instances — Telegram's button memos, sealed with the shared key. adapters/app.ts opens the
 * store and closes it when this throws.
 */
import { dirname } from 'node:path';
import type { Config } from '../src/config.js';
import { ANSWER_LOG, AnswerLog } from '../src/answer-log/log.js';
import { pseudonymKey, pseudonyms } from '../src/answer-log/pseudonym.js';
import { CONVERSATION_MEMORY, StoredContexts } from '../src/conversation-store.js';
import { createCore, type CoreOptions, type LocalCore } from '../src/core.js';
import type { DigestStore } from '../src/digest/store.js';
import type { Logger } from '../src/log.js';
import { SharedContexts } from '../src/store/contexts.js';
import { sealedMemos, type Memos } from '../src/store/sealed-memos.js';
import type { Store } from '../src/store/store.js';
import type { WriteFaults } from '../src/write-faults.js';

export interface CoreOver {
  core: LocalCore;
  /** What was asked and answered; none with ANSWER_LOG=off. */
  answerLog?: AnswerLog;
  sharedMemos?: Memos;
  /** Deletes entries older than ANSWER_LOG_DAYS (a fault is said, never thrown). */
  pruneLog(): Promise<void>;
}

export function coreOverStore(
  config: Config,
  log: Logger,
  records: Store,
  store: DigestStore | undefined,
  faults: WriteFaults,
  options: { core?: LocalCore; makeCore?: (options: CoreOptions) => LocalCore },
): CoreOver {
  // With DATABASE_URL, ANSWER_LOG_KEY is required (config.ts): every instance hashes alike.
  const pseudonym = pseudonyms(pseudonymKey(store ? dirname(store.file) : config.DATA_DIR, config.ANSWER_LOG_KEY, (warning) => log.warn(warning)));
  const sharedMemos = !store && config.ANSWER_LOG_KEY ? sealedMemos(records, Buffer.from(config.ANSWER_LOG_KEY, 'utf8')) : undefined;
  const contexts = store ? new StoredContexts(store.db, pseudonym, faults) : new SharedContexts(records, pseudonym, faults);
  const core = options.core ?? (options.makeCore ?? ((o) => createCore(undefined, o)))({ contexts });
  try {
    if (contexts instanceof StoredContexts) contexts.prune();
  } catch (err) {
    faults.failed(CONVERSATION_MEMORY, err, 'idle conversations are deleted later');
  }
  const keptLog = new AnswerLog(records, { pseudonym, days: config.ANSWER_LOG_DAYS, log, faults });
  const pruneLog = async () => {
    try {
      const pruned = await keptLog.prune();
      if (pruned) log.info({ entries: pruned, days: config.ANSWER_LOG_DAYS }, 'answer log: old entries deleted');
    } catch (err) {
      faults.failed(ANSWER_LOG, err, 'old entries are deleted later');
    }
  };
  return { core, ...(config.ANSWER_LOG === 'on' ? { answerLog: keptLog } : {}), ...(sharedMemos ? { sharedMemos } : {}), pruneLog };
}
