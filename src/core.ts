/**
 * The platform-free core: text in, Answer out. Adapters (console, Telegram, Slack) hold a Core
 * and translate; nothing here knows about any chat platform. A question may belong to a
 * conversation: a follow-up (那1-6月呢, 目标呢, 谁牵头) takes what it leaves out from the
 * conversation's last query.
 */
import type { Answer, AskOptions, ContextStore, Indicator } from './types.js';
import { loadKnowledge, type Knowledge } from './knowledge/load.js';
import { answerQuery } from './answer/answer.js';
import { helpAnswer } from './answer/help.js';
import { noAnswer } from './answer/none.js';
import { sourcesAnswer } from './answer/document.js';
import { parseQuery } from './question/parse.js';
import { match } from './question/match.js';
import { figureLine, indicatorLabel, makeAnswer, span } from './answer/compose.js';
import { Conversations, memoryContexts } from './conversation.js';
import { makeQuery, type Query } from './question/query.js';

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
  /** Reads a conversation in before ask() (a store across processes); nothing to do otherwise. */
  prepare?(conversation: string): Promise<void>;
  /** Waits until what ask() remembered of a conversation is stored. */
  settle?(conversation: string): Promise<void>;
}

/** The core over knowledge in this process, which the digest reads too. */
export interface LocalCore extends Core {
  /** The knowledge answering now. */
  readonly knowledge: Knowledge;
  /**
   * Answers from `next` from the next question on. A question is answered from one knowledge
   * only: each call takes the knowledge once, at its start, and answering is synchronous.
   */
  swap(next: Knowledge): void;
}

export interface CoreOptions {
  /** Where conversations keep their last query (default: in memory). */
  contexts?: ContextStore;
  /** Today, for 今年, 去年, 上月 and for conversations going idle (default: the clock). */
  now?: () => Date;
}

const NO_MORE = '没有更多了。可以直接提一个新问题。';

/** Questions longer than this are cut: no question needs more, and the cut keeps time bounded. */
const MAX_QUESTION = 2000;

function briefIndicator(k: Knowledge, question: string, ind: Indicator): Answer {
  return makeAnswer(k, question, 'indicator', [[span(`${indicatorLabel(ind)}：`), ...figureLine(ind)]], [ind], { quote: ind.sentence });
}

/** Creates the core from the committed knowledge in knowledge/ (or the knowledge given). */
export function createCore(knowledge: Knowledge = loadKnowledge(), options: CoreOptions = {}): LocalCore {
  const now = options.now ?? (() => new Date());
  const contexts = options.contexts ?? memoryContexts();
  // The knowledge and what is built on it, replaced together by swap().
  const over = (k: Knowledge) => ({ k, conversations: new Conversations(k, contexts, now) });
  let live = over(knowledge);

  const safely = (question: unknown, run: (text: string) => Answer, k = live.k): Answer => {
    const text = typeof question === 'string' ? question.slice(0, MAX_QUESTION) : '';
    try {
      return run(text);
    } catch (error) {
      const q = makeQuery({ text, intent: 'value', metric: '', qualifiers: [], places: [] });
      return noAnswer(k, q, `这个问题没能处理（${(error as Error).message.slice(0, 80)}），请换个说法再问。`);
    }
  };

  /**
   * Answers a resolved query. A period carried over from the last question is only a guess:
   * 目标呢 after a monthly result asks for the target, whatever period the reports set it for.
   */
  const answerResolved = (k: Knowledge, resolved: Query, opts: AskOptions): { q: Query; answer: Answer } => {
    const answer = answerQuery(k, resolved, opts);
    if (answer.kind === 'none' && resolved.period && resolved.carried?.includes('soft-period')) {
      const loose: Query = makeQuery({ ...resolved, period: undefined, carried: resolved.carried.filter((c) => c !== 'period' && c !== 'soft-period') });
      const retry = answerQuery(k, loose, opts);
      if (retry.kind !== 'none') return { q: loose, answer: retry };
    }
    return { q: resolved, answer };
  };

  const ask = (text: string, opts: AskOptions = {}, { k, conversations } = live): Answer => {
    // 更多 in a conversation: the next page of its last list.
    const page = opts.conversation && opts.offset === undefined ? conversations.nextPage(opts.conversation, text) : undefined;
    // 原文呢: the sentence behind the conversation's last answer.
    const quote = opts.conversation ? conversations.quote(opts.conversation, text) : undefined;
    if (quote) return quote;
    if (page === 'none left') {
      const q = makeQuery({ text, intent: 'help', metric: '', qualifiers: [], places: [] });
      return { question: text, kind: 'help', text: NO_MORE, lines: [[{ text: NO_MORE }]], records: [], sources: [], query: q };
    }
    if (page) {
      const answer = answerQuery(k, page.query, { ...opts, offset: page.offset });
      conversations.remember(opts.conversation!, page.query, answer);
      return answer;
    }
    // A button's question is asked where its answer left the conversation.
    if (opts.conversation && opts.after) conversations.restore(opts.conversation, opts.after);
    const parsed = parseQuery(text, k, now());
    const resolved = opts.conversation ? conversations.resolve(opts.conversation, parsed) : parsed;
    let { q, answer } = answerResolved(k, resolved, opts);
    answer = conversations.describe(answer, q);
    if (opts.conversation && !opts.offset) {
      conversations.remember(opts.conversation, q, answer);
      // Its buttons carry the conversation as this answer leaves it, and only those that
      // answer there, with something the answer does not already show, are offered.
      const after = answer.followUps?.length ? conversations.saved(opts.conversation) : undefined;
      if (after) {
        const shown = new Set(answer.records.map((r) => r.id));
        const useful = answer.followUps!.filter((f) => {
          const tried = answerResolved(k, conversations.resolveAfter(after, parseQuery(f.question, k, now())), {}).answer;
          return tried.kind !== 'none' && !tried.records.every((r) => shown.has(r.id));
        });
        answer = { ...answer, followUps: useful.length ? useful.map((f) => ({ ...f, after })) : undefined };
      }
    }
    return answer;
  };

  return {
    get knowledge() {
      return live.k;
    },
    swap(next) {
      live = over(next);
    },
    ask(question, opts) {
      const current = live;
      return safely(question, (text) => ask(text, opts, current), current.k);
    },
    prepare: contexts.prepare && ((conversation) => contexts.prepare!(conversation)),
    settle: contexts.settle && ((conversation) => contexts.settle!(conversation)),
    help: () => helpAnswer(live.k),
    sources: () => sourcesAnswer(live.k),
    lagging(opts) {
      const current = live;
      return safely('哪些任务滞后', (text) => ask(text, { ...opts, conversation: undefined }, current), current.k);
    },
    lookup(query, limit = 10) {
      const k = live.k;
      const text = typeof query === 'string' ? query.slice(0, MAX_QUESTION) : '';
      try {
        const q = parseQuery(text, k, now());
        const found = q.metric && (q.intent === 'value' || q.intent === 'growth') ? match(k, q, ['indicator']).answers : [];
        const answers = found.slice(0, limit).map((c) => briefIndicator(k, text, c.record as Indicator));
        return answers.length ? answers : [answerQuery(k, q, { brief: true })].filter((a) => a.kind !== 'none');
      } catch {
        return [];
      }
    },
  };
}
