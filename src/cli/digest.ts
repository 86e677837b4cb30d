/**
 * npm run digest: prints the digest as it stands now, as plain text, and sends nothing.
 * "New documents" are counted against the latest scheduled digest recorded in DATA_DIR, when
 * there is one (the database is opened read-only; nothing is created), or in DATABASE_URL's.
 */
import { ConfigError, readSettings } from '../config.js';
import { buildDigest } from '../digest/content.js';
import { localDate } from '../digest/schedule.js';
import { DigestService } from '../digest/service.js';
import { DigestStore } from '../digest/store.js';
import { PostgresStore } from '../store/postgres.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { loadKnowledge } from '../knowledge/load.js';
import { createLogger } from '../log.js';
import { printLine } from '../redact.js';

let config;
try {
  const settings = readSettings();
  for (const warning of settings.warnings) printLine(`config: warning: ${warning}`);
  config = settings.config;
} catch (error) {
  printLine(`config: ${(error as Error).message.split('\n')[0]}`);
  process.exit(error instanceof ConfigError ? 1 : 2);
}
const knowledge = loadKnowledge();
let store: Store | undefined;
try {
  store = config.DATABASE_URL ? await PostgresStore.open(config.DATABASE_URL) : new SqliteStore(DigestStore.open(config.DATA_DIR, { readonly: true }));
} catch (error) {
  if (config.DATABASE_URL) {
    printLine(`config: ${(error as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
  store = undefined; // no digest sent yet (or no database): every document counts
}
const text = store
  ? (
      await new DigestService({
        store,
        knowledge,
        pattern: config.DIGEST_CRON,
        timezone: config.DIGEST_TZ,
        log: createLogger('silent'),
      }).current()
    ).text
  : buildDigest(knowledge, { date: localDate(new Date(), config.DIGEST_TZ) }).text;
await store?.close();
process.stdout.write(`${text}\n`);
