/**
 * The platform-free core: text in, Answer out. Adapters (console, Telegram, Slack) hold a Core
 * and translate; nothing here knows about any chat platform.
 */
import type { Answer, AskOptions } from './types.js';

export interface Core {
  /** Answers one question. Never throws: bad input gets an Answer of kind "none". */
  ask(question: string, options?: AskOptions): Answer;
  /** What the bot knows, example questions and the documents (/start, /help, App Home). */
  help(): Answer;
  /** The documents and their dates (/sources). */
  sources(): Answer;
  /** Tasks behind schedule (/lagging). */
  lagging(options?: AskOptions): Answer;
  /**
   * Quick lookup for inline queries: up to `limit` brief Answers, one per matching record,
   * best first; each Answer's first line carries the figure (its title in an inline result).
   */
  lookup(query: string, limit?: number): Answer[];
}

function placeholder(question: string): Answer {
  const text = '核心问答尚未就绪。';
  return { question, kind: 'none', text, lines: [[{ text }]], records: [], sources: [] };
}

/** Creates the core from the committed knowledge in knowledge/. */
export function createCore(): Core {
  return {
    ask: (q) => placeholder(q),
    help: () => placeholder('/help'),
    sources: () => placeholder('/sources'),
    lagging: () => placeholder('/lagging'),
    lookup: () => [],
  };
}
