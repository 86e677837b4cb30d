/**
 * What every listener of the Slack app shares: the Bolt app, the settings, the log, where the
 * bot may answer, the per-user limit, and asking the core (an empty question gets the help; a
 * core that throws gets an apology, logged).
 */
import type { App } from '@slack/bolt';
import type { AnswerLog } from '../../src/answer-log/log.js';
import { asking, type Asked, type Asker } from '../../src/asking.js';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import type { Answer, AskOptions } from '../../src/types.js';
import { QuestionLimiter } from './memory.js';
import type { SlackOptions } from './options.js';
import { TEXT } from './texts.js';

export interface SlackContext {
  app: App;
  core: Core;
  config: Config;
  log: Logger;
  options: SlackOptions;
  allowed(channel: string | undefined): boolean;
  limiter: QuestionLimiter;
  ask(question: string, who: Asker, options?: Omit<AskOptions, 'conversation'>): Promise<Asked>;
}

function failed(question: string): Answer {
  return { question, kind: 'none', text: TEXT.failed, lines: [[{ text: TEXT.failed }]], records: [], sources: [] };
}

export function slackContext(app: App, core: Core, config: Config, log: Logger, options: SlackOptions, answerLog?: AnswerLog): SlackContext {
  const askCore = asking(core, answerLog);
  return {
    app,
    core,
    config,
    log,
    options,
    allowed: (channel) =>
      config.SLACK_ALLOWED_CHANNELS.length === 0 || (channel !== undefined && config.SLACK_ALLOWED_CHANNELS.includes(channel)),
    limiter: new QuestionLimiter(config.QUESTIONS_PER_MINUTE),
    async ask(question, who, askOptions = {}) {
      try {
        return question === '' ? { answer: core.help() } : await askCore(question, who, askOptions);
      } catch (err) {
        log.error({ err, question }, 'core failed');
        return { answer: failed(question) };
      }
    },
  };
}

/** The error code of a failed Web API call (not_in_channel …). */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
