/**
 * Knowledge added by an operator on one instance reaches the others (DATABASE_URL): the
 * instance that swapped a rebuild in writes a new version to the `settings` row `knowledge`;
 * every instance polls that row and, when another wrote it, rebuilds from the same reports
 * (REPORTS_DIR, a folder all instances share) in a child process and swaps the result in,
 * without a restart. A rebuild that fails keeps the knowledge that answers, logged.
 */
import type { Knowledge } from '../knowledge/load.js';
import type { Logger } from '../log.js';
import type { Store } from './store.js';

export const KNOWLEDGE_VERSION = 'knowledge';
const POLL_MS = 5_000;

export interface KnowledgeFollower {
  /** Says to the other instances that this one swapped a new knowledge in. */
  announce(): void;
  stop(): void;
}

export async function followKnowledge(
  store: Store,
  rebuild: () => Promise<Knowledge>,
  swap: (k: Knowledge) => void,
  log: Logger,
  pollMs = POLL_MS,
): Promise<KnowledgeFollower> {
  const read = () => store.setting(KNOWLEDGE_VERSION).catch((err: unknown) => void log.warn({ err }, 'knowledge: cannot read the version'));
  let seen = await read();
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const version = await read();
      if (!version || version === seen) return;
      seen = version;
      if (version.startsWith(`${store.instance}@`)) return; // this instance's own
      swap(await rebuild());
      log.info({ version }, 'knowledge: rebuilt after another instance added a report, swapped in');
    } catch (err) {
      log.warn({ err }, 'knowledge: another instance changed the reports and the rebuild here failed; the knowledge loaded before still answers');
    } finally {
      busy = false;
    }
  }, pollMs);
  timer.unref();
  return {
    announce() {
      seen = `${store.instance}@${Date.now()}`;
      store.setSetting(KNOWLEDGE_VERSION, seen).catch((err: unknown) => log.warn({ err }, 'knowledge: the other instances were not told of the rebuild'));
    },
    stop: () => clearInterval(timer),
  };
}
