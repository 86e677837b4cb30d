/**
 * One chat message, as every webhook platform's adapter (DingTalk, WeCom, Feishu) handles it
 * once translated: the allowlist, the per-user limit, then a report file (src/reports/desk.ts),
 * a command (/help, /kpi, /task, /lagging, /sources, /subscribe [HH:MM], /unsubscribe, /digest,
 * /reports), a correction of a report held for 确认 (地区=…, 年份=…), or a question for the
 * core. Reports are taken only in the sender's private chat with the bot; the desk decides
 * who may add one. Each adapter says how its message is answered, how a report's buttons are
 * offered and whom it subscribes; no question logic here.
 */
import type { Ask, Asker } from '../src/asking.js';
import { taskQuestion } from '../src/commands.js';
import type { Core } from '../src/core.js';
import type { Logger } from '../src/log.js';
import type { DeskReply, IncomingFile, ReportDesk, Sender } from '../src/reports/desk.js';
import { REPORT_TEXT } from '../src/reports/texts.js';
import type { Answer } from '../src/types.js';
import type { ChatDigest as Digest } from './chat-digest.js';
import type { FloodLimit } from './flood-limit.js';

/** A message as its adapter translated it. */
export interface Turn {
  text?: string;
  /** Whose per-user limit it counts against. */
  sender: string;
  asker: Asker;
  allowed: boolean;
  /** True the first time a refused sender is told so. */
  refuseOnce(): boolean;
  note(text: string): Promise<void>;
  answer(a: Answer, followUps?: boolean): Promise<void>;
  /** The digest target of /digest; undefined where the message has none. */
  digestTarget?: string;
  /** /subscribe and /unsubscribe, as the platform manages its targets: the reply, or a refusal text. */
  subscription(name: 'subscribe' | 'unsubscribe', arg: string, digest: Digest): Promise<string>;
  /** What the log names the message by when answering fails. */
  logged: Record<string, unknown>;
  /** A file sent: a report, when the sender is an operator and the chat private. */
  file?: IncomingFile;
  /** The sender's private chat with the bot (reports are added and listed only there). */
  private: boolean;
  /** The sender as the report desk knows them: a key unique across platforms, and whether an operator. */
  reporter: Sender;
  /** A report desk's reply, its buttons offered as the platform can (each sends `/reports ACTION`). */
  report(reply: DeskReply): Promise<void>;
}

/** What a report button sends back as the operator's message: the desk's action under /reports. */
export const reportCommand = (action: string) => `/reports ${action}`;

/** The fixed texts every adapter words its own way. */
export interface TurnTexts {
  refused: string;
  tooFast: string;
  notText: string;
  kpiUsage: string;
  taskUsage: string;
  noDigest: string;
  unknownCommand: string;
  failed: string;
}

export interface TurnOptions {
  core: Core;
  ask: Ask;
  flood: FloodLimit;
  log: Logger;
  digest?: Digest;
  texts: TurnTexts;
  /** For the log line: dingtalk, wecom, feishu. */
  platform: string;
  /** Reports sent by operators; without it a file is "not text" and /reports unknown. */
  reports?: ReportDesk;
}

export function chatTurns({ core, ask, flood, log, digest, texts, platform, reports }: TurnOptions): (turn: Turn) => Promise<void> {
  const question = async (t: Turn, text: string, brief = false) => t.answer((await ask(text, t.asker, { brief })).answer);

  async function command(t: Turn, name: string, arg: string): Promise<void> {
    switch (name) {
      case 'help':
      case 'start':
        return t.answer(core.help(), false);
      case 'kpi':
        return arg ? question(t, arg, true) : t.note(texts.kpiUsage);
      case 'task':
        return arg ? question(t, taskQuestion(arg)) : t.note(texts.taskUsage);
      case 'lagging':
        return t.answer(core.lagging());
      case 'sources':
        return t.answer(core.sources(), false);
      case 'digest':
        return digest ? t.answer(await digest.sendNow(t.digestTarget), false) : t.note(texts.noDigest);
      case 'subscribe':
      case 'unsubscribe':
        return t.note(digest ? await t.subscription(name, arg, digest) : texts.noDigest);
      case 'reports':
        // The list names files and offers removal: for the operator's eyes, not a group's.
        if (!reports) return t.note(texts.unknownCommand);
        if (!t.private) return t.note(REPORT_TEXT.privateOnly);
        return t.report(arg ? await reports.act(t.reporter, arg) : reports.list(t.reporter));
      default:
        return t.note(texts.unknownCommand);
    }
  }

  return async (t) => {
    try {
      if (!t.allowed) {
        if (t.refuseOnce()) await t.note(texts.refused);
        return;
      }
      const pace = flood.take(t.sender);
      if (pace !== 'ok') return pace === 'first over' ? await t.note(texts.tooFast) : undefined;
      if (t.file && reports && t.private) return await t.report(await reports.receive(t.reporter, t.file));
      if (t.text === undefined) return await t.note(texts.notText);
      const slash = /^\/([a-z]+)(?:\s+([\s\S]*))?$/i.exec(t.text);
      if (slash) return await command(t, slash[1].toLowerCase(), (slash[2] ?? '').trim());
      const correction = reports && t.private ? await reports.correct(t.reporter, t.text) : undefined;
      if (correction) return await t.report(correction);
      if (!t.text) return await t.answer(core.help(), false);
      await question(t, t.text);
    } catch (err) {
      log.error({ err, ...t.logged }, `${platform}: answering failed`);
      await t.note(texts.failed).catch(() => {});
    }
  };
}
