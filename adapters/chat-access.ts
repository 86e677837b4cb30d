/**
 * Who may ask, and who may manage, in a chat platform's robot (DingTalk, WeCom, Feishu), in
 * the platform's own ids: an allowlist of chats or of people (empty: everyone), one polite
 * refusal per chat and process, and operators — who alone add reports, and, when the list is
 * set, alone subscribe a group to the digest. Each platform's access.ts says which of its ids
 * are which.
 */
import type { Logger } from '../src/log.js';

const MAX_REMEMBERED = 10_000;

/** What the access check needs of a message: its chat, its sender, whether it is a group's. */
export interface Sender {
  chat: string;
  user?: string;
  group: boolean;
}

export class ChatAccess {
  private readonly allowed: Set<string>;
  private readonly operators: Set<string>;
  private readonly refused = new Set<string>();

  /** `refusal` is the log line of a refused chat (it names the setting to change). */
  constructor(allowed: readonly string[], operators: readonly string[], private readonly refusal: string, private readonly log?: Logger) {
    this.allowed = new Set(allowed.map((s) => s.trim()).filter(Boolean));
    this.operators = new Set(operators.map((s) => s.trim()).filter(Boolean));
  }

  /** On the allowlist: the chat, or, in a private chat, its person. */
  allowsSender(s: Sender): boolean {
    if (this.allowed.size === 0 || this.allowed.has(s.chat)) return true;
    return !s.group && s.user !== undefined && this.allowed.has(s.user);
  }

  /** Whether to send the refusal: once per chat (and process), logged with the id to allow. */
  refuseSender(s: Sender): boolean {
    if (this.refused.has(s.chat)) return false;
    if (this.refused.size >= MAX_REMEMBERED) this.refused.clear();
    this.refused.add(s.chat);
    this.log?.info({ chat: s.chat, group: s.group }, this.refusal);
    return true;
  }

  /** Named among the operators: may add reports. */
  isOperator(user: string | undefined): boolean {
    return user !== undefined && this.operators.has(user);
  }

  /** May this sender change what the chat receives unasked (the digest)? A private chat's is its person's. */
  mayManageFor(s: Sender): boolean {
    return !s.group || this.operators.size === 0 || this.isOperator(s.user);
  }
}
