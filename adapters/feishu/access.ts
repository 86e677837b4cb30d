/**
 * FEISHU_ALLOWED_CHATS and FEISHU_OPERATORS. With the allowlist set, only the chats on it
 * (chat_id oc_…) — or, for p2p chats, the people on it by open_id (ou_…) — get answers; anyone
 * else one polite refusal per chat and process, never any data. Operators (open_ids) alone may
 * subscribe or unsubscribe a group to the digest; with the list empty, anyone in the group may.
 * A p2p chat's subscription is always its person's. Operators alone add reports (a file in a
 * p2p chat); with the list empty, nobody does.
 */
import type { Logger } from '../../src/log.js';
import { ChatAccess, type Sender } from '../chat-access.js';
import type { FeishuMessage } from './message.js';

const sender = (m: FeishuMessage): Sender => ({ chat: m.chatId, user: m.user, group: m.group });

export class Access extends ChatAccess {
  constructor(allowed: readonly string[], operators: readonly string[], log?: Logger) {
    super(allowed, operators, 'feishu: chat not allowed (FEISHU_ALLOWED_CHATS)', log);
  }

  allows(m: FeishuMessage): boolean {
    return this.allowsSender(sender(m));
  }

  refuseOnce(m: FeishuMessage): boolean {
    return this.refuseSender(sender(m));
  }

  mayManage(m: FeishuMessage): boolean {
    return this.mayManageFor(sender(m));
  }
}
