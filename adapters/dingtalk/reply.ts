/**
 * Replies through the message's sessionWebhook (a URL DingTalk gives with each message, valid
 * about 90 minutes, no token needed): markdown messages in order. A network failure or a 5xx is
 * tried again, 3 times in all, 1 and 2 s apart, each retry logged at warn.
 */
import type { Logger } from '../../src/log.js';
import { DingTalkApiError, postJson } from './openapi.js';
import type { Markdown } from './render.js';

export interface ReplyOptions {
  attempts?: number;
  backoffMs?: number;
}

function retriable(error: unknown): boolean {
  if (error instanceof DingTalkApiError) return error.status >= 500 || error.status === 429;
  return true; // network, timeout
}

export async function replyTo(webhook: string, messages: Markdown[], log: Logger, options: ReplyOptions = {}): Promise<void> {
  const attempts = options.attempts ?? 3;
  const backoff = options.backoffMs ?? 1000;
  for (const markdown of messages) {
    for (let attempt = 1; ; attempt++) {
      try {
        await postJson(webhook, { msgtype: 'markdown', markdown });
        break;
      } catch (err) {
        if (attempt >= attempts || !retriable(err)) {
          log.error({ err, attempt }, 'dingtalk: reply failed, giving up');
          throw err;
        }
        log.warn({ err, attempt }, 'dingtalk: reply failed, will retry');
        await new Promise((resolve) => setTimeout(resolve, backoff * 2 ** (attempt - 1)));
      }
    }
  }
}
