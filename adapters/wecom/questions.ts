/**
 * One member's message, translated: the allowlist, the per-user limit, then a command (/help,
 * /kpi, /task, /lagging, /sources, /subscribe [HH:MM], /unsubscribe, /digest) or a question for
 * the core, and the answer back through the message API. An operator may also subscribe a group
 * chat the application created: /subscribe chat:<chatid> [HH:MM]. No question logic lives here.
 */
import type { Ask } from '../../src/asking.js';
import { taskQuestion } from '../../src/commands.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import type { Answer } from '../../src/types.js';
import type { DingTalkDigest as Digest } from '../dingtalk/digest.js';
import type { FloodLimit } from '../dingtalk/flood.js';
import type { Access } from './access.js';
import { askerOf, digestTargetOf, type AppMessage } from './message.js';
import { renderAnswer, renderNote } from './render.js';
import { TEXT } from './texts.js';

export type Send = (user: string, messages: string[]) => Promise<void>;

export interface QuestionsOptions {
  core: Core;
  ask: Ask;
  access: Access;
  flood: FloodLimit;
  send: Send;
  log: Logger;
  digest?: Digest;
}

export function questions(options: QuestionsOptions): (m: AppMessage) => Promise<void> {
  const { core, ask, access, flood, send, log, digest } = options;
  const note = (m: AppMessage, text: string) => send(m.user, [renderNote(text)]);
  const answer = (m: AppMessage, a: Answer, followUps = true) => send(m.user, renderAnswer(a, { followUps }));
  const question = (m: AppMessage, text: string, brief = false) => answer(m, ask(text, askerOf(m), { brief }).answer);

  async function subscription(m: AppMessage, name: 'subscribe' | 'unsubscribe', arg: string): Promise<void> {
    if (!digest) return note(m, TEXT.noDigest);
    const chat = /^chat:(\S+)\s*(.*)$/.exec(arg);
    if (chat && !access.isOperator(m.user)) return note(m, TEXT.operatorsOnly);
    const target = chat ? `chat:${chat[1]}` : digestTargetOf(m);
    const time = (chat ? chat[2] : arg).trim() || undefined;
    return note(m, name === 'subscribe' ? await digest.subscribe(target, time) : await digest.unsubscribe(target));
  }

  async function command(m: AppMessage, name: string, arg: string): Promise<void> {
    switch (name) {
      case 'help':
      case 'start':
        return answer(m, core.help(), false);
      case 'kpi':
        return arg ? question(m, arg, true) : note(m, TEXT.kpiUsage);
      case 'task':
        return arg ? question(m, taskQuestion(arg)) : note(m, TEXT.taskUsage);
      case 'lagging':
        return answer(m, core.lagging());
      case 'sources':
        return answer(m, core.sources(), false);
      case 'digest':
        return digest ? answer(m, await digest.sendNow(digestTargetOf(m)), false) : note(m, TEXT.noDigest);
      case 'subscribe':
      case 'unsubscribe':
        return subscription(m, name, arg);
      default:
        return note(m, TEXT.unknownCommand);
    }
  }

  return async (m) => {
    try {
      if (!access.allows(m.user)) {
        if (access.refuseOnce(m.user)) await note(m, TEXT.refused);
        return;
      }
      const pace = flood.take(m.user);
      if (pace !== 'ok') return pace === 'first over' ? await note(m, TEXT.tooFast) : undefined;
      if (m.text === undefined) return await note(m, TEXT.notText);
      const slash = /^\/([a-z]+)(?:\s+([\s\S]*))?$/i.exec(m.text);
      if (slash) return await command(m, slash[1].toLowerCase(), (slash[2] ?? '').trim());
      if (!m.text) return await answer(m, core.help(), false);
      await question(m, m.text);
    } catch (err) {
      log.error({ err, user: m.user }, 'wecom: answering failed');
      await note(m, TEXT.failed).catch(() => {});
    }
  };
}
