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
import { ChatAccess, type Sender } from '../chat-access.js';
import type { RobotMessage } from './message.js';

const sender = (m: RobotMessage): Sender => ({ chat: m.conversationId, user: m.staffId, group: m.group });

export class Access extends ChatAccess {
  constructor(allowed: readonly string[], operators: readonly string[], log?: Logger) {
    super(allowed, operators, 'dingtalk: conversation not allowed (DINGTALK_ALLOWED_CONVERSATIONS)', log);
  }

  allows(m: RobotMessage): boolean {
    return this.allowsSender(sender(m));
  }

  refuseOnce(m: RobotMessage): boolean {
    return this.refuseSender(sender(m));
  }

  mayManage(m: RobotMessage): boolean {
    return this.mayManageFor(sender(m));
  }
}
