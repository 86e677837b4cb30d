/**
 * Sending through the application message API: /cgi-bin/message/send to a member (touser, the
 * application's agentid, msgtype markdown) and /cgi-bin/appchat/send to a group chat the
 * application created (chatid). Replies are sent in order; a network failure, a 5xx or WeCom's
 * "system busy" (-1) is tried again, 3 times in all, 1 and 2 s apart, each retry logged.
 */
import type { Logger } from '../../src/log.js';
import { WeComApiError, type WeComApi } from './api.js';

export interface SendOptions {
  attempts?: number;
  backoffMs?: number;
}

export function retriable(error: unknown): boolean {
  if (error instanceof WeComApiError) return error.status >= 500 || error.errcode === -1 || error.errcode === 45009;
  return true; // network, timeout
}

/** One markdown message to `user:<userid>` or `chat:<chatid>`; a member WeCom does not know is an error. */
export async function sendMarkdown(api: WeComApi, agentId: string, target: string, content: string): Promise<void> {
  const [kind, id] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
  if (kind === 'chat') return void (await api.call('/cgi-bin/appchat/send', { chatid: id, msgtype: 'markdown', markdown: { content } }));
  if (kind !== 'user') throw new WeComApiError(200, 40003, `not a WeCom target: ${target.slice(0, 40)}`);
  const json = await api.call('/cgi-bin/message/send', { touser: id, agentid: Number(agentId), msgtype: 'markdown', markdown: { content } });
  // WeCom answers errcode 0 and names the userids it could not reach.
  if (String(json?.invaliduser ?? '').split('|').includes(id)) throw new WeComApiError(200, 60111, 'invaliduser: the member is not in the organisation or not in the application\'s visible range');
}

export async function replyTo(api: WeComApi, agentId: string, user: string, messages: string[], log: Logger, options: SendOptions = {}): Promise<void> {
  const attempts = options.attempts ?? 3;
  const backoff = options.backoffMs ?? 1000;
  for (const content of messages) {
    for (let attempt = 1; ; attempt++) {
      try {
        await sendMarkdown(api, agentId, `user:${user}`, content);
        break;
      } catch (err) {
        if (attempt >= attempts || !retriable(err)) {
          log.error({ err, attempt }, 'wecom: reply failed, giving up');
          throw err;
        }
        log.warn({ err, attempt }, 'wecom: reply failed, will retry');
        await new Promise((resolve) => setTimeout(resolve, backoff * 2 ** (attempt - 1)));
      }
    }
  }
}
