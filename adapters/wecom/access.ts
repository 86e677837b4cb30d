/**
 * WECOM_ALLOWED_USERS and WECOM_OPERATORS. With the allowlist set, only the members on it (by
 * userid) get answers; anyone else gets one polite refusal per process, never any data. (The
 * application's 可见范围 in the admin console limits who sees it at all; this is the bot's own
 * check.) Operators alone may subscribe an application group chat (appchat) to the digest, and
 * add reports by sending a file; a member's own subscription is always theirs.
 */
import type { Logger } from '../../src/log.js';
import { ChatAccess } from '../chat-access.js';

/** (A member is their own chat: the application's messages are private.) */
export class Access extends ChatAccess {
  constructor(allowed: readonly string[], operators: readonly string[], log?: Logger) {
    super(allowed, operators, 'wecom: member not allowed (WECOM_ALLOWED_USERS)', log);
  }

  allows(user: string): boolean {
    return this.allowsSender({ chat: user, user, group: false });
  }

  refuseOnce(user: string): boolean {
    return this.refuseSender({ chat: user, user, group: false });
  }
}
