/**
 * DINGTALK_ALLOWED_CONVERSATIONS and DINGTALK_OPERATORS.
 *
 * When the allowlist is not empty, only the conversations on it (openConversationIds, cid…) —
 * or, for private chats, the people on it by staff userId — get answers. Anyone else gets one
 * polite refusal per conversation and process, and never any data.
 *
 * Operators (staff userIds) decide what a whole group receives unasked: only they may subscribe
 * or unsubscribe a group to the daily digest. With the list empty, anyone in the group may (as
 * on Telegram and Slack). A private chat's own subscription is always its person's to decide.
 * Operators alone add reports (a file in a private chat); with the list empty, nobody does.
 */
import type { Logger } from '../../src/log.js';
import type { RobotMessage } from './message.js';

const MAX_REMEMBERED = 10_000;

export class Access {
  private readonly allowed: Set<string>;
  private readonly operators: Set<string>;
  private readonly refused = new Set<string>();

  constructor(allowed: readonly string[], operators: readonly string[], private readonly log?: Logger) {
    this.allowed = new Set(allowed.map((s) => s.trim()).filter(Boolean));
    this.operators = new Set(operators.map((s) => s.trim()).filter(Boolean));
  }

  allows(m: RobotMessage): boolean {
    if (this.allowed.size === 0 || this.allowed.has(m.conversationId)) return true;
    return !m.group && m.staffId !== undefined && this.allowed.has(m.staffId);
  }

  /** Whether to send the refusal: once per conversation (and process), logged with the id to allow. */
  refuseOnce(m: RobotMessage): boolean {
    if (this.refused.has(m.conversationId)) return false;
    if (this.refused.size >= MAX_REMEMBERED) this.refused.clear();
    this.refused.add(m.conversationId);
    this.log?.info({ conversation: m.conversationId, group: m.group }, 'dingtalk: conversation not allowed (DINGTALK_ALLOWED_CONVERSATIONS)');
    return true;
  }

  /** Named in DINGTALK_OPERATORS (by staff userId): may add reports. */
  isOperator(m: RobotMessage): boolean {
    return m.staffId !== undefined && this.operators.has(m.staffId);
  }

  /** May this sender change what the conversation receives unasked (the digest)? */
  mayManage(m: RobotMessage): boolean {
    if (!m.group || this.operators.size === 0) return true;
    return m.staffId !== undefined && this.operators.has(m.staffId);
  }
}
