/**
 * FEISHU_ALLOWED_CHATS and FEISHU_OPERATORS. With the allowlist set, only the chats on it
 * (chat_id oc_…) — or, for p2p chats, the people on it by open_id (ou_…) — get answers; anyone
 * else one polite refusal per chat and process, never any data. Operators (open_ids) alone may
 * subscribe or unsubscribe a group to the digest; with the list empty, anyone in the group may.
 * A p2p chat's subscription is always its person's. Operators alone add reports (a file in a
 * p2p chat); with the list empty, nobody does.
 */
import type { Logger } from '../../src/log.js';
import type { FeishuMessage } from './message.js';

const MAX_REMEMBERED = 10_000;

export class Access {
  private readonly allowed: Set<string>;
  private readonly operators: Set<string>;
  private readonly refused = new Set<string>();

  constructor(allowed: readonly string[], operators: readonly string[], private readonly log?: Logger) {
    this.allowed = new Set(allowed.map((s) => s.trim()).filter(Boolean));
    this.operators = new Set(operators.map((s) => s.trim()).filter(Boolean));
  }

  allows(m: FeishuMessage): boolean {
    if (this.allowed.size === 0 || this.allowed.has(m.chatId)) return true;
    return !m.group && this.allowed.has(m.user);
  }

  refuseOnce(m: FeishuMessage): boolean {
    if (this.refused.has(m.chatId)) return false;
    if (this.refused.size >= MAX_REMEMBERED) this.refused.clear();
    this.refused.add(m.chatId);
    this.log?.info({ chat: m.chatId, group: m.group }, 'feishu: chat not allowed (FEISHU_ALLOWED_CHATS)');
    return true;
  }

  /** Named in FEISHU_OPERATORS (by open_id): may add reports. */
  isOperator(user: string): boolean {
    return this.operators.has(user);
  }

  mayManage(m: FeishuMessage): boolean {
    return !m.group || this.operators.size === 0 || this.operators.has(m.user);
  }
}
