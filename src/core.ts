/**
 * The platform-free core: text in, Answer out. Adapters (console, Telegram, Slack) hold a Core
 * and translate; nothing here knows about any chat platform.
 */
import type { Answer, AskOptions, Indicator } from './types.js';
import { loadKnowledge, type Knowledge } from './knowledge/load.js';
import { answer, helpAnswer, noAnswer, sourcesAnswer } from './question/answer.js';
import { parseQuestion } from './question/parse.js';
import { findRecords } from './question/match.js';
import { figureLine, indicatorLabel, makeAnswer, span } from './answer/compose.js';

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

/** The core over knowledge in this process, which the digest reads too. */
export interface LocalCore extends Core {
  readonly knowledge: Knowledge;
}

/** Questions longer than this are cut: no question needs more, and the cut keeps time bounded. */
const MAX_QUESTION = 2000;

function safely(k: Knowledge, question: unknown, run: (q: string) => Answer): Answer {
  const text = typeof question === 'string' ? question.slice(0, MAX_QUESTION) : '';
  try {
    return run(text);
  } catch (error) {
    return noAnswer(k, text, `这个问题没能处理（${(error as Error).message.slice(0, 80)}），请换个说法再问。`);
  }
}

function briefIndicator(k: Knowledge, query: string, ind: Indicator): Answer {
  return makeAnswer(k, query, 'indicator', [[span(`${indicatorLabel(ind)}：`), ...figureLine(ind)]], [ind], { quote: ind.sentence });
}

/** Creates the core from the committed knowledge in knowledge/ (or the knowledge given). */
export function createCore(knowledge: Knowledge = loadKnowledge()): LocalCore {
  const k = knowledge;
  return {
    knowledge: k,
    ask: (question, options) => safely(k, question, (q) => answer(k, q, options)),
    help: () => helpAnswer(k),
    sources: () => sourcesAnswer(k),
    lagging: (options) => safely(k, '哪些任务滞后', (q) => answer(k, q, options)),
    lookup(query, limit = 10) {
      const text = typeof query === 'string' ? query.slice(0, MAX_QUESTION) : '';
      try {
        const q = parseQuestion(text, k.lex, k.departments);
        const found = q.content ? findRecords(k, q, ['indicator']) : [];
        const answers = found.slice(0, limit).map((c) => briefIndicator(k, text, c.record as Indicator));
        return answers.length ? answers : [answer(k, text, { brief: true })].filter((a) => a.kind !== 'none');
      } catch {
        return [];
      }
    },
  };
}
