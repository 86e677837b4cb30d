/**
 * One message or button tap, translated for ../chat-turn.ts (the allowlist, the per-user limit,
 * a report file, a command or a question for the core), and the answer back as cards: under
 * the asker's message, or (a button tap) into the chat. No question logic lives here.
 */
import type { Ask } from '../../src/asking.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import type { ReportDesk } from '../../src/reports/desk.js';
import { chatTurns } from '../chat-turn.js';
import type { ChatDigest as Digest } from '../chat-digest.js';
import type { FloodLimit } from '../flood-limit.js';
import type { Access } from './access.js';
import { askerOf, digestTargetOf, type FeishuMessage } from './message.js';
import { renderAnswer, renderNote, renderReport, type Card } from './render.js';
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
  reports?: ReportDesk;
  /** Fetches a file message's bytes (the message's resource by its file_key). */
  download?: (messageId: string, fileKey: string) => Promise<Uint8Array>;
}

export function questions(options: QuestionsOptions): (m: FeishuMessage) => Promise<void> {
  const { access, send, download } = options;
  const turn = chatTurns({ ...options, texts: TEXT, platform: 'feishu' });
  return (m) =>
    turn({
      text: m.text,
      sender: m.user,
      asker: askerOf(m),
      allowed: access.allows(m),
      refuseOnce: () => access.refuseOnce(m),
      note: (text) => send(m, [renderNote(text)]),
      answer: (a, followUps = true) => send(m, renderAnswer(a, { group: m.group, followUps })),
      digestTarget: digestTargetOf(m),
      async subscription(name, arg, digest) {
        if (!access.mayManage(m)) return TEXT.operatorsOnly;
        const target = digestTargetOf(m);
        return name === 'subscribe' ? digest.subscribe(target, arg || undefined) : digest.unsubscribe(target);
      },
      logged: { chat: m.chatId },
      file: m.file && m.messageId && download ? { name: m.file.name, download: () => download(m.messageId!, m.file!.key) } : undefined,
      private: !m.group,
      reporter: { user: `feishu:${m.user}`, operator: access.isOperator(m.user) },
      report: (reply) => send(m, [renderReport(reply)]),
    });
}
