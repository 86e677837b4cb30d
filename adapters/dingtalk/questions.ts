/**
 * One robot message, translated for ../chat-turn.ts (the allowlist, the per-user limit, a
 * report file, a command or a question for the core), and the answer back through the
 * message's sessionWebhook. No question logic lives here.
 */
import type { Ask } from '../../src/asking.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import type { ReportDesk } from '../../src/reports/desk.js';
import { chatTurns } from '../chat-turn.js';
import type { Access } from './access.js';
import type { ChatDigest } from '../chat-digest.js';
import type { FloodLimit } from '../flood-limit.js';
import { askerOf, digestTargetOf, type RobotMessage } from './message.js';
import { renderAnswer, renderNote, renderReport, type Markdown } from './render.js';
import { TEXT } from './texts.js';

export type Send = (webhook: string, messages: Markdown[]) => Promise<void>;

export interface QuestionsOptions {
  core: Core;
  ask: Ask;
  access: Access;
  flood: FloodLimit;
  send: Send;
  log: Logger;
  digest?: ChatDigest;
  reports?: ReportDesk;
  /** Fetches a file message's bytes by its downloadCode (and the robot's code). */
  download?: (downloadCode: string, robotCode?: string) => Promise<Uint8Array>;
}

export function questions(options: QuestionsOptions): (m: RobotMessage) => Promise<void> {
  const { access, send, download } = options;
  const turn = chatTurns({ ...options, texts: TEXT, platform: 'dingtalk' });
  return (m) =>
    turn({
      text: m.text,
      sender: m.sender,
      asker: askerOf(m),
      allowed: access.allows(m),
      refuseOnce: () => access.refuseOnce(m),
      note: (text) => send(m.sessionWebhook, [renderNote(text)]),
      answer: (a, followUps = true) => send(m.sessionWebhook, renderAnswer(a, { group: m.group, followUps })),
      digestTarget: digestTargetOf(m),
      async subscription(name, arg, digest) {
        const target = digestTargetOf(m);
        if (!target) return TEXT.noDigest;
        if (!access.mayManage(m)) return TEXT.operatorsOnly;
        return name === 'subscribe' ? digest.subscribe(target, arg || undefined) : digest.unsubscribe(target);
      },
      logged: { conversation: m.conversationId },
      file: m.file && download ? { name: m.file.name, download: () => download(m.file!.downloadCode, m.file!.robotCode) } : undefined,
      private: !m.group,
      reporter: { user: `dingtalk:${m.sender}`, operator: access.isOperator(m.staffId) },
      report: (reply) => send(m.sessionWebhook, [renderReport(reply, m.group)]),
    });
}
