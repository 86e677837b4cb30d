/**
 * One member's message, translated for ../chat-turn.ts (the allowlist, the per-user limit, a
 * report file, a command or a question for the core), and the answer back through the message
 * API. An operator may also subscribe a group chat the application created:
 * /subscribe chat:<chatid> [HH:MM]. No question logic lives here.
 */
import type { Ask } from '../../src/asking.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import type { ReportDesk } from '../../src/reports/desk.js';
import { chatTurns } from '../chat-turn.js';
import type { ChatDigest as Digest } from '../chat-digest.js';
import type { FloodLimit } from '../flood-limit.js';
import type { Access } from './access.js';
import { askerOf, digestTargetOf, type AppMessage } from './message.js';
import { renderAnswer, renderNote, renderReport } from './render.js';
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
  reports?: ReportDesk;
  /** Fetches a file message's bytes by its media id. */
  download?: (mediaId: string) => Promise<Uint8Array>;
}

export function questions(options: QuestionsOptions): (m: AppMessage) => Promise<void> {
  const { access, send, download } = options;
  const turn = chatTurns({ ...options, texts: TEXT, platform: 'wecom' });
  return (m) =>
    turn({
      text: m.text,
      sender: m.user,
      asker: askerOf(m),
      allowed: access.allows(m.user),
      refuseOnce: () => access.refuseOnce(m.user),
      note: (text) => send(m.user, [renderNote(text)]),
      answer: (a, followUps = true) => send(m.user, renderAnswer(a, { followUps })),
      digestTarget: digestTargetOf(m),
      // An operator may also subscribe a group chat the application created: /subscribe chat:<chatid> [HH:MM].
      async subscription(name, arg, digest) {
        const chat = /^chat:(\S+)\s*(.*)$/.exec(arg);
        if (chat && !access.isOperator(m.user)) return TEXT.operatorsOnly;
        const target = chat ? `chat:${chat[1]}` : digestTargetOf(m);
        const time = (chat ? chat[2] : arg).trim() || undefined;
        return name === 'subscribe' ? digest.subscribe(target, time) : digest.unsubscribe(target);
      },
      logged: { user: m.user },
      file: m.file && download ? { name: m.file.name, download: () => download(m.file!.mediaId) } : undefined,
      // An application hears only its members' private chats with it.
      private: true,
      reporter: { user: `wecom:${m.user}`, operator: access.isOperator(m.user) },
      report: (reply) => send(m.user, renderReport(reply)),
    });
}
