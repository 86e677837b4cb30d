/**
 * One message or button tap, translated: the allowlist, the per-user limit, then a command
 * (/help, /kpi, /task, /lagging, /sources, /subscribe [HH:MM], /unsubscribe, /digest) or a
 * question for the core, and the answer back as cards: under the asker's message, or (a button
 * tap) into the chat. No question logic lives here.
 */
import type { Ask } from '../../src/asking.js';
import { taskQuestion } from '../../src/commands.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import type { Answer } from '../../src/types.js';
import type { DingTalkDigest as Digest } from '../dingtalk/digest.js';
import type { FloodLimit } from '../dingtalk/flood.js';
import type { Access } from './access.js';
import { askerOf, digestTargetOf, type FeishuMessage } from './message.js';
import { renderAnswer, renderNote, type Card } from './render.js';
import { TEXT } from './texts.js';

export type Send = (m: FeishuMessage, cards: Card[]) => Promise<void>;

export interface QuestionsOptions {
  core: Core;
  ask: Ask;
  access: Access;
  flood: FloodLimit;
  send: Send;
  log: Logger;
  digest?: Digest;
}

export function questions(options: QuestionsOptions): (m: FeishuMessage) => Promise<void> {
  const { core, ask, access, flood, send, log, digest } = options;
  const note = (m: FeishuMessage, text: string) => send(m, [renderNote(text)]);
  const answer = (m: FeishuMessage, a: Answer, followUps = true) => send(m, renderAnswer(a, { group: m.group, followUps }));
  const question = (m: FeishuMessage, text: string, brief = false) => answer(m, ask(text, askerOf(m), { brief }).answer);

  async function command(m: FeishuMessage, name: string, arg: string): Promise<void> {
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
      case 'unsubscribe': {
        if (!digest) return note(m, TEXT.noDigest);
        if (!access.mayManage(m)) return note(m, TEXT.operatorsOnly);
        const target = digestTargetOf(m);
        return note(m, name === 'subscribe' ? await digest.subscribe(target, arg || undefined) : await digest.unsubscribe(target));
      }
      default:
        return note(m, TEXT.unknownCommand);
    }
  }

  return async (m) => {
    try {
      if (!access.allows(m)) {
        if (access.refuseOnce(m)) await note(m, TEXT.refused);
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
      log.error({ err, chat: m.chatId }, 'feishu: answering failed');
      await note(m, TEXT.failed).catch(() => {});
    }
  };
}
