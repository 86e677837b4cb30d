/**
 * One robot message, translated: the allowlist, the per-user limit, then a command (/help, /kpi, /task, /lagging,
 * /sources, /subscribe [HH:MM], /unsubscribe, /digest) or a question for the core, and the
 * answer back through the message's sessionWebhook. No question logic lives here.
 */
import type { Ask } from '../../src/asking.js';
import { taskQuestion } from '../../src/commands.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import type { Answer } from '../../src/types.js';
import type { Access } from './access.js';
import type { DingTalkDigest } from './digest.js';
import type { FloodLimit } from './flood.js';
import { askerOf, digestTargetOf, type RobotMessage } from './message.js';
import { renderAnswer, renderNote, type Markdown } from './render.js';
import { TEXT } from './texts.js';

export type Send = (webhook: string, messages: Markdown[]) => Promise<void>;

export interface QuestionsOptions {
  core: Core;
  ask: Ask;
  access: Access;
  flood: FloodLimit;
  send: Send;
  log: Logger;
  digest?: DingTalkDigest;
}

export function questions(options: QuestionsOptions): (m: RobotMessage) => Promise<void> {
  const { core, ask, access, flood, send, log, digest } = options;
  const note = (m: RobotMessage, text: string) => send(m.sessionWebhook, [renderNote(text)]);
  const answer = (m: RobotMessage, a: Answer, followUps = true) => send(m.sessionWebhook, renderAnswer(a, { group: m.group, followUps }));
  const question = (m: RobotMessage, text: string, brief = false) => answer(m, ask(text, askerOf(m), { brief }).answer);

  async function command(m: RobotMessage, name: string, arg: string): Promise<void> {
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
        const target = digestTargetOf(m);
        if (!digest || !target) return note(m, TEXT.noDigest);
        if (!access.mayManage(m)) return note(m, TEXT.operatorsOnly);
        const reply = name === 'subscribe' ? await digest.subscribe(target, arg || undefined) : await digest.unsubscribe(target);
        return note(m, reply);
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
      const pace = flood.take(m.sender);
      if (pace !== 'ok') return pace === 'first over' ? await note(m, TEXT.tooFast) : undefined;
      if (m.text === undefined) return await note(m, TEXT.notText);
      const slash = /^\/([a-z]+)(?:\s+([\s\S]*))?$/i.exec(m.text);
      if (slash) return await command(m, slash[1].toLowerCase(), (slash[2] ?? '').trim());
      if (!m.text) return await answer(m, core.help(), false);
      await question(m, m.text);
    } catch (err) {
      log.error({ err, conversation: m.conversationId }, 'dingtalk: answering failed');
      await note(m, TEXT.failed).catch(() => {});
    }
  };
}
