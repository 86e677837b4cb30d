/**
 * A running bot picks up a rebuilt knowledge without a restart: it watches
 * knowledge/generated/ and, when index.json changes (the build writes it last, each file by
 * rename, so no half-written file is ever seen), loads the whole directory again and hands it
 * over. A directory that does not load (a file that does not parse) keeps the knowledge that
 * answers now, with one line in the log.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import { loadKnowledge, type Knowledge } from './load.js';

export interface KnowledgeWatch {
  /** Loads the directory now; true when the knowledge was handed over. */
  reload(): boolean;
  close(): void;
}

export interface WatchOptions {
  log?: Pick<Logger, 'info' | 'warn'>;
  /** Several events come for one build: wait this long after the last (default 300 ms). */
  debounceMs?: number;
  load?: (dir: string) => Knowledge;
}

export function watchKnowledge(dir: string, onLoad: (k: Knowledge) => void, options: WatchOptions = {}): KnowledgeWatch {
  const load = options.load ?? loadKnowledge;
  let timer: NodeJS.Timeout | undefined;
  const reload = (): boolean => {
    try {
      const k = load(dir);
      onLoad(k);
      options.log?.info({ dir, sources: k.sources.length, indicators: k.indicators.length, tasks: k.tasks.length }, 'knowledge: reloaded');
      return true;
    } catch (err) {
      options.log?.warn({ dir, err }, 'knowledge: not reloaded (a file does not load); the knowledge loaded before still answers');
      return false;
    }
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, (_event, name) => {
      if (name !== null && name !== 'index.json') return;
      clearTimeout(timer);
      timer = setTimeout(reload, options.debounceMs ?? 300).unref();
    });
    watcher.unref();
    watcher.on('error', (err) => options.log?.warn({ dir, err }, 'knowledge: cannot watch for rebuilds'));
  } catch (err) {
    options.log?.warn({ dir, err }, 'knowledge: cannot watch for rebuilds; restart the bot after `npm run knowledge`');
  }
  return {
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
